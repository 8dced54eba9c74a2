#include "CloudServices.h"

#include "audit/AuditRoutes.h"
#include "cloudworks/CloudWorksRoutes.h"
#include "http/Router.h"
#include "scim/ScimRoutes.h"
#include "tenant/TenantState.h"

namespace sandbox {

namespace {

audit::AuditSeedInput auditSeed(const scim::ScimDirectory &directory, TenantState &tenant)
{
    audit::AuditSeedInput input;
    for (const scim::Person &p : directory.people())
        input.users.append({p.id, p.active, p.lastLoginMs});
    input.workspaces = tenant.workspaces();
    QList<ModelInfo> models;
    tenant.models(QString(), &models);
    for (const ModelInfo &m : std::as_const(models))
        input.models.append(m.record);
    input.anchorMs = directory.seedAnchorMs();
    return input;
}

} // namespace

CloudServices::CloudServices(const SandboxConfig &config, TenantState &tenant, scim::NowMs clock)
    : m_config(config)
{
    m_directory = std::make_unique<scim::ScimDirectory>(config, tenant.workspaces(), clock);
    m_audit = std::make_unique<audit::AuditLog>(config, auditSeed(*m_directory, tenant), clock);
    m_directory->attachAudit(m_audit.get());
    m_cloudWorks = std::make_unique<cloudworks::CloudWorks>(config, tenant, *m_directory, m_audit.get(), clock);
}

CloudServices::~CloudServices() = default;

void CloudServices::registerRoutes(Router &router)
{
    registerScimRoutes(router, *m_directory);
    registerUserRoutes(router, *m_directory, m_config.pageCap);
    registerAuditRoutes(router, *m_audit);
    registerCloudWorksRoutes(router, *m_cloudWorks);
}

} // namespace sandbox
