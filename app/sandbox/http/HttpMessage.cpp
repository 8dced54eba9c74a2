#include "HttpMessage.h"

#include <QDateTime>

namespace sandbox {

QString HttpRequest::queryValue(const QString &key) const
{
    // Query strings arrive as application/x-www-form-urlencoded (httpx, QUrlQuery, curl): a literal '+'
    // means a space and a real plus sign is "%2B". Decoding '+' to a space like a servlet container does
    // makes a client that forgets to encode "+name" visible instead of silently working.
    const auto items = query.queryItems(QUrl::FullyEncoded);
    for (const auto &[rawKey, rawValue] : items) {
        QByteArray keyBytes = rawKey.toLatin1();
        keyBytes.replace('+', ' ');
        if (QString::fromUtf8(QByteArray::fromPercentEncoding(keyBytes)) != key)
            continue;
        QByteArray valueBytes = rawValue.toLatin1();
        valueBytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(valueBytes));
    }
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return bytes(status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json");
}

HttpResponse HttpResponse::bytes(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.setHeader("Content-Type", contentType);
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::v2Error(int status, const QString &message, const QString &path)
{
    QJsonObject object{{QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}}}};
    if (!path.isEmpty()) {
        object.insert(QStringLiteral("path"), path);
        object.insert(QStringLiteral("timestamp"),
                      QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    }
    return json(status, object);
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace sandbox
