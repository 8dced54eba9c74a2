#pragma once
// How a sandbox wire test reaches the sandbox, whatever it tests: one interface, two backends. Over
// real HTTP (HttpSandboxWire: anadesk-sandbox started on loopback, logged in as the demo user) here;
// in process (handlers called through the Router, no socket) in InProcessSandboxWire.h, which needs
// anadesk_sandbox_lib. A test suite picks the backend at build time and runs one source against both:
// the in-process run pins the handlers, the HTTP run the whole wire.
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>

namespace anadesk::test {

using WireHeaders = QList<QPair<QByteArray, QByteArray>>;

struct WireReply
{
    int status = 0;
    QByteArray body;
    WireHeaders headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

class SandboxWire
{
public:
    virtual ~SandboxWire() = default;
    // pathAndQuery is sent as given (already encoded): "/2/0/workspaces?limit=2".
    virtual WireReply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                           const WireHeaders &headers = {}) = 0;
    virtual QString name() const = 0;

    WireReply get(const QString &path) { return call("GET", path); }
    WireReply sendJson(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}});
    }
};

class HttpSandboxWire : public SandboxWire
{
public:
    // Starts (or restarts) anadesk-sandbox with `args` (and --data dataDir unless empty: in memory) and
    // logs in; false with *error on failure.
    bool startSandbox(QStringList args, const QString &dataDir, QString *error);
    WireReply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                   const WireHeaders &headers = {}) override;
    QString name() const override { return QStringLiteral("http"); }

private:
    std::unique_ptr<SandboxProcess> m_process;
    std::unique_ptr<HttpProbe> m_probe;
};

} // namespace anadesk::test
