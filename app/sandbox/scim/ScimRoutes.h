#pragma once
// HTTP routes of the SCIM API under /scim/1/0/v2 (anaplan-api.md §12, scim-openapi.json) and of the
// Integration API's users (/2/0/users, /2/0/users/me, /2/0/users/{id}; anaplan-api.md §10), both over
// the ScimDirectory. SCIM answers in application/scim+json with RFC 7644 error bodies.
#include "ScimDirectory.h"
#include "http/Router.h"

namespace sandbox {

void registerScimRoutes(Router &router, scim::ScimDirectory &directory);
// pageCap: SandboxConfig::pageCap, the Integration API's largest page.
void registerUserRoutes(Router &router, scim::ScimDirectory &directory, int pageCap);

} // namespace sandbox
