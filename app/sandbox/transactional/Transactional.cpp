#include "Transactional.h"

#include "RouteContext.h"

namespace sandbox {

Transactional::Transactional(const SandboxConfig &config, TenantState &state)
    : m_config(config)
    , m_state(state)
    , m_store(config)
{}

void Transactional::registerRoutes(Router &router)
{
    tx::registerMetadataRoutes(router, *this);
    tx::registerListRoutes(router, *this);
    tx::registerDataRoutes(router, *this);
    tx::registerCalendarRoutes(router, *this);
}

} // namespace sandbox
