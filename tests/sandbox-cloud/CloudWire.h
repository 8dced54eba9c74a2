#pragma once
// How the cloud-API tests reach the sandbox: in process (a Router with CloudServices over a Tenant,
// handlers called directly) or over real HTTP (anadesk-sandbox on loopback), chosen at build time
// (CLOUD_OVER_HTTP). The same test source runs against both.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace cloudtest {

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
    int largeUserCount = 0;
    QString dataDir; // empty: in memory
};

class Wire
{
public:
    virtual ~Wire() = default;
    virtual bool start(const WireOptions &options, QString *error) = 0;
    virtual Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}) = 0;
    virtual QString name() const = 0;

    Reply get(const QString &path) { return call("GET", path); }
    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return call(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {{"Content-Type", "application/json"}});
    }
    Reply post(const QString &path, const QJsonObject &body) { return send("POST", path, body); }
};

std::unique_ptr<Wire> makeWire();

} // namespace cloudtest
