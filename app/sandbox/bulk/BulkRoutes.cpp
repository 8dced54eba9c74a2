#include "BulkRoutes.h"

#include "RouteSets.h"
#include "tenant/Tenant.h"

namespace sandbox {

void registerBulkRoutes(Router &router, Tenant &tenant)
{
    bulk::registerWorkspaceRoutes(router, tenant.state());
    bulk::registerFileRoutes(router, tenant.state());
    bulk::registerTaskRoutes(router, tenant.state());
}

} // namespace sandbox
