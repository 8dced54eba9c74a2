#include "HttpProbe.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace anadesk::test {

QByteArray ProbeReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpProbe::HttpProbe(QUrl origin)
    : m_origin(std::move(origin))
{
}

ProbeReply HttpProbe::loginBasic(const QString &user, const QString &password)
{
    const QByteArray credentials = (user + QLatin1Char(':') + password).toUtf8().toBase64();
    ProbeReply reply = request("POST", QStringLiteral("/token/authenticate"), {},
                               {{"Authorization", "Basic " + credentials}});
    if (reply.status == 201 || reply.status == 200)
        m_token = reply.json().value(QStringLiteral("tokenInfo")).toObject().value(QStringLiteral("tokenValue"))
                      .toString().toUtf8();
    return reply;
}

ProbeReply HttpProbe::postJson(const QString &pathAndQuery, const QJsonObject &body)
{
    return request("POST", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact),
                   {{"Content-Type", "application/json"}});
}

ProbeReply HttpProbe::request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QUrl url = m_origin;
    const qsizetype queryStart = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(queryStart < 0 ? pathAndQuery : pathAndQuery.left(queryStart), QUrl::StrictMode);
    if (queryStart >= 0)
        url.setQuery(pathAndQuery.mid(queryStart + 1), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    bool hasAuthorization = false;
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
        hasAuthorization = hasAuthorization || name.compare("authorization", Qt::CaseInsensitive) == 0;
    }
    if (!hasAuthorization && !m_token.isEmpty())
        request.setRawHeader("Authorization", "AnaplanAuthToken " + m_token);

    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();

    ProbeReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.networkError = reply->errorString();
    reply->deleteLater();
    return result;
}

} // namespace anadesk::test
