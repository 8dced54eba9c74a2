#pragma once
// The in-process backend of SandboxWire: a Tenant and a Router, requests built from the path the way the
// sandbox's HTTP server builds them (segments percent-decoded one by one, lower-case header names, the
// demo user as authenticated) and handed to the matching handler directly. Needs anadesk_sandbox_lib.
#include "SandboxConfig.h"
#include "SandboxWire.h"
#include "http/Router.h"
#include "tenant/Tenant.h"

#include <memory>

namespace anadesk::test {

class InProcessSandboxWire : public SandboxWire
{
public:
    // A fresh Tenant (keeping config.dataDir) and an empty Router: register the routes under test on it.
    sandbox::Router &startSandbox(const sandbox::SandboxConfig &config);
    sandbox::Tenant &tenant() { return *m_tenant; }

    WireReply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                   const WireHeaders &headers = {}) override;
    QString name() const override { return QStringLiteral("in-process"); }

private:
    std::unique_ptr<sandbox::Tenant> m_tenant;
    std::unique_ptr<sandbox::Router> m_router;
};

} // namespace anadesk::test
