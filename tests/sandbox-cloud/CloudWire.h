#pragma once
// How the cloud-API tests reach the sandbox: in process (a Router with CloudServices over a Tenant,
// handlers called directly) or over real HTTP (anadesk-sandbox on loopback), chosen at build time
// (SANDBOX_WIRE_OVER_HTTP). The same test source runs against both. The backends are tests/support's
// SandboxWire; this adds the cloud options.
#include "SandboxWireBackend.h"
#ifndef SANDBOX_WIRE_OVER_HTTP
#include "cloudworks/CloudServices.h"
#endif

#include <QJsonArray>
#include <QString>

#include <memory>

namespace cloudtest {

using Reply = anadesk::test::WireReply;

struct WireOptions
{
    int taskDurationMs = 400;
    int largeUserCount = 0;
    QString dataDir; // empty: in memory
};

class Wire : public anadesk::test::SandboxWireBackend
{
public:
    // Starts (or restarts, keeping dataDir) the sandbox; false with *error on failure.
    bool start(const WireOptions &options, QString *error);
    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return sendJson(method, path, body);
    }
    Reply post(const QString &path, const QJsonObject &body) { return sendJson("POST", path, body); }

#ifndef SANDBOX_WIRE_OVER_HTTP
private:
    std::unique_ptr<sandbox::CloudServices> m_cloud;
#endif
};

std::unique_ptr<Wire> makeWire();

} // namespace cloudtest
