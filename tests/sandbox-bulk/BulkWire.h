#pragma once
// How the bulk tests reach the sandbox: in process (the Router with the bulk routes over a Tenant,
// handlers called directly) or over real HTTP (anadesk-sandbox on loopback). The same test source
// runs against both, so the in-process run pins the handlers and the HTTP run the whole wire.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace bulktest {

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

struct WireOptions
{
    int taskDurationMs = 400;
    int pageCap = 5'000;
    QString dataDir; // empty: in memory
};

class Wire
{
public:
    virtual ~Wire() = default;
    // Starts (or restarts, keeping dataDir) the sandbox; false with *error on failure.
    virtual bool start(const WireOptions &options, QString *error) = 0;
    virtual Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}) = 0;
    virtual QString name() const = 0;

    Reply get(const QString &path) { return call("GET", path); }
    Reply postJson(const QString &path, const QJsonObject &body)
    {
        return call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}});
    }
};

std::unique_ptr<Wire> makeWire(); // in process or HTTP, chosen at build time (BULK_OVER_HTTP)

} // namespace bulktest
