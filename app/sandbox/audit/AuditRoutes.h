#pragma once
// HTTP routes of the Audit API (audit-openapi.json; anaplan-api.md §10): GET /audit/api/1/events and
// POST /audit/api/1/events/search, JSON (paged with limit/offset, meta.paging.offSet) or CEF text.
#include "AuditLog.h"
#include "http/Router.h"

namespace sandbox {

void registerAuditRoutes(Router &router, audit::AuditLog &log);

} // namespace sandbox
