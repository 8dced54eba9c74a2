#include "BulkWire.h"

#ifndef SANDBOX_WIRE_OVER_HTTP
#include "bulk/BulkRoutes.h"
#endif

namespace bulktest {

#ifdef SANDBOX_WIRE_OVER_HTTP
bool Wire::start(const WireOptions &options, QString *error)
{
    return startSandbox({QStringLiteral("--task-duration"), QString::number(options.taskDurationMs),
                         QStringLiteral("--page-cap"), QString::number(options.pageCap)},
                        options.dataDir, error);
}
#else
bool Wire::start(const WireOptions &options, QString *)
{
    sandbox::SandboxConfig config;
    config.taskDurationMs = options.taskDurationMs;
    config.pageCap = options.pageCap;
    config.dataDir = options.dataDir;
    sandbox::Router &router = startSandbox(config); // before tenant(): it makes the Tenant
    sandbox::registerBulkRoutes(router, tenant());
    return true;
}
#endif

std::unique_ptr<Wire> makeWire()
{
    return std::make_unique<Wire>();
}

} // namespace bulktest
