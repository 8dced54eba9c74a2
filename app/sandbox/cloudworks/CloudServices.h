#pragma once
// The tenant's services beside the bulk API, built together because they share people and events:
// SCIM users (and the Integration API's /2/0/users over them), the audit trail, and CloudWorks.
// SandboxServer owns one and calls registerRoutes once; tests build one over a Tenant directly.
#include "SandboxConfig.h"
#include "audit/AuditLog.h"
#include "cloudworks/CloudWorks.h"
#include "scim/ScimDirectory.h"

#include <memory>

namespace sandbox {

class Router;
class TenantState;

class CloudServices
{
public:
    CloudServices(const SandboxConfig &config, TenantState &tenant, scim::NowMs clock = {});
    ~CloudServices();
    CloudServices(const CloudServices &) = delete;
    CloudServices &operator=(const CloudServices &) = delete;

    // /scim/1/0/v2/…, /2/0/users…, /audit/api/1/…, /cloudworks/2/0/…
    void registerRoutes(Router &router);

    scim::ScimDirectory &directory() { return *m_directory; }
    audit::AuditLog &auditLog() { return *m_audit; }
    cloudworks::CloudWorks &cloudWorks() { return *m_cloudWorks; }

private:
    SandboxConfig m_config;
    std::unique_ptr<scim::ScimDirectory> m_directory;
    std::unique_ptr<audit::AuditLog> m_audit;
    std::unique_ptr<cloudworks::CloudWorks> m_cloudWorks;
};

} // namespace sandbox
