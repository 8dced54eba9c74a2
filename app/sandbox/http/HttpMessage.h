#pragma once
// Plain HTTP/1.1 request and response values of the sandbox's own server. The sandbox shares no
// code with the client (core/): it is an independent reading of Anaplan's wire protocol.
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace sandbox {

struct HttpRequest
{
    QByteArray method;                     // "GET", "POST", …
    QByteArray target;                     // raw request target as received ("/2/0/x?sort=%2Bname")
    QStringList segments;                  // path split on '/', each segment percent-decoded on its own
    QUrlQuery query;                       // raw (still encoded) query; use queryValue() to read
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;                       // the whole body (bounded by the server's body limit)
    QHostAddress peer;
    QString user; // set by the auth gate for API paths: the token's user email

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // Fully percent-decoded query value ("%2Bname" -> "+name"); empty when absent.
    QString queryValue(const QString &key) const;
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }
    QString path() const { return QLatin1Char('/') + segments.join(QLatin1Char('/')); }
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // For large bodies (whole-file downloads): streamed from this device, `bodyLength` bytes.
    std::shared_ptr<QIODevice> bodyDevice;
    qint64 bodyLength = -1;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse bytes(int status, const QByteArray &body, const QByteArray &contentType);
    static HttpResponse noContent();
    // Integration API v2 error envelope: {"status":{"code":404,"message":"…"},"path":"…","timestamp":"…"}
    // (path and timestamp only when path is given), as the live-tested OpenAPI spec shows.
    static HttpResponse v2Error(int status, const QString &message, const QString &path = {});
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
};

// Path parameters of a matched route: pattern "/2/0/workspaces/{ws}" gives params["ws"].
struct RouteMatch
{
    QHash<QString, QString> params;
    QString routeName; // e.g. "GET /2/0/workspaces/{ws}/models/{model}/files"
    QString param(const QString &name) const { return params.value(name); }
};

using Handler = std::function<HttpResponse(const HttpRequest &, const RouteMatch &)>;

} // namespace sandbox
