#pragma once
// The Integration API v2 bulk routes of the sandbox: workspaces, models (details, status, open, close,
// bulk delete), files and chunks, imports/exports/actions/processes, tasks, failure dumps and optimizer
// logs. Each handler is thin: it reads the request, asks the Tenant, and writes Anaplan's envelope.
// The auth gate (app/sandbox/auth) has already checked the token and set HttpRequest::user.
#include "http/Router.h"

namespace sandbox {

class Tenant;

// Adds every bulk route under /2/0 to `router`. `tenant` must outlive the router.
void registerBulkRoutes(Router &router, Tenant &tenant);

} // namespace sandbox
