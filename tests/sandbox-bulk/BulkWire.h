#pragma once
// How the bulk tests reach the sandbox: in process (the Router with the bulk routes over a Tenant,
// handlers called directly) or over real HTTP (anadesk-sandbox on loopback), chosen at build time
// (SANDBOX_WIRE_OVER_HTTP). The same test source runs against both, so the in-process run pins the handlers
// and the HTTP run the whole wire. The backends are tests/support's SandboxWire; this adds the bulk options.
#include "SandboxWireBackend.h"

#include <QString>

#include <memory>

namespace bulktest {

using Reply = anadesk::test::WireReply;

struct WireOptions
{
    int taskDurationMs = 400;
    int pageCap = 5'000;
    QString dataDir; // empty: in memory
};

class Wire : public anadesk::test::SandboxWireBackend
{
public:
    // Starts (or restarts, keeping dataDir) the sandbox; false with *error on failure.
    bool start(const WireOptions &options, QString *error);
    Reply postJson(const QString &path, const QJsonObject &body) { return sendJson("POST", path, body); }
};

std::unique_ptr<Wire> makeWire();

} // namespace bulktest
