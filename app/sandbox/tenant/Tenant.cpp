#include "Tenant.h"

#include "TenantState.h"

namespace sandbox {

Tenant::Tenant(const SandboxConfig &config) : m_state(std::make_unique<TenantState>(config)) {}

Tenant::~Tenant() = default;

const SandboxConfig &Tenant::config() const
{
    return m_state->config();
}

QString Tenant::demoWorkspaceId()
{
    return QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
}

QString Tenant::demoModelId()
{
    return QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
}

TenantState &Tenant::state()
{
    return *m_state;
}

} // namespace sandbox
