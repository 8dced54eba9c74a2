#include "CloudWire.h"

namespace cloudtest {

#ifdef SANDBOX_WIRE_OVER_HTTP
bool Wire::start(const WireOptions &options, QString *error)
{
    return startSandbox({QStringLiteral("--task-duration"), QString::number(options.taskDurationMs),
                         QStringLiteral("--large-user-count"), QString::number(options.largeUserCount)},
                        options.dataDir, error);
}
#else
bool Wire::start(const WireOptions &options, QString *)
{
    m_cloud.reset(); // it holds the old Tenant's state
    sandbox::SandboxConfig config;
    config.taskDurationMs = options.taskDurationMs;
    config.largeUserCount = options.largeUserCount;
    config.dataDir = options.dataDir;
    sandbox::Router &router = startSandbox(config);
    m_cloud = std::make_unique<sandbox::CloudServices>(config, tenant().state());
    m_cloud->registerRoutes(router);
    return true;
}
#endif

std::unique_ptr<Wire> makeWire()
{
    return std::make_unique<Wire>();
}

} // namespace cloudtest
