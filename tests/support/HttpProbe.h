#pragma once
// A plain blocking HTTP helper for tests that check the sandbox's wire behaviour directly
// (not through core/). Every call has a timeout, so a broken server fails the test, not hangs it.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

namespace anadesk::test {

struct ProbeReply
{
    int status = 0;               // 0: no HTTP response (see networkError)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const;
};

class HttpProbe
{
public:
    explicit HttpProbe(QUrl origin);
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }

    // Logs in with Basic auth and keeps the token for later calls. Returns the auth reply.
    ProbeReply loginBasic(const QString &user, const QString &password);

    // path may contain a query ("/2/0/workspaces?limit=2"); sent as given (already encoded).
    ProbeReply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30'000);
    ProbeReply get(const QString &pathAndQuery) { return request("GET", pathAndQuery); }
    ProbeReply postJson(const QString &pathAndQuery, const QJsonObject &body);

    QUrl origin() const { return m_origin; }

private:
    QUrl m_origin;
    QByteArray m_token;
    QNetworkAccessManager m_manager;
};

} // namespace anadesk::test
