#include "FakeNetworkAccessManager.h"

#include "FakeReply.h"

#include <QDateTime>
#include <QRegularExpression>

namespace anadesk::test {

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first.toLower() == lower)
            return h.second;
    }
    return QByteArray();
}

FakeResponse FakeResponse::http(int status, const QByteArray &body, const QByteArray &contentType)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    if (!contentType.isEmpty())
        r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

FakeResponse FakeResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

FakeResponse FakeResponse::json(int status, const QByteArray &jsonText)
{
    return FakeResponse::http(status, jsonText, QByteArrayLiteral("application/json"));
}

FakeResponse FakeResponse::text(int status, const QByteArray &text)
{
    return FakeResponse::http(status, text, QByteArrayLiteral("text/plain"));
}

FakeResponse FakeResponse::hang()
{
    FakeResponse r;
    r.kind = Kind::Hang;
    return r;
}

FakeResponse FakeResponse::networkError(QNetworkReply::NetworkError error)
{
    FakeResponse r;
    r.kind = Kind::NetworkError;
    r.status = 0;
    r.error = error;
    return r;
}

FakeResponse FakeResponse::cutBody(int status, const QByteArray &fullBody, qint64 afterBytes,
                                   QNetworkReply::NetworkError error)
{
    FakeResponse r;
    r.kind = Kind::CutBody;
    r.status = status;
    r.body = fullBody;
    r.cutAfterBytes = afterBytes;
    r.error = error;
    return r;
}

FakeResponse FakeResponse::anaplanError(int status, const QString &message)
{
    QJsonObject inner{{QStringLiteral("code"), status}, {QStringLiteral("message"), message}};
    return json(status, QJsonObject{{QStringLiteral("status"), inner}});
}

FakeResponse FakeResponse::token(const QByteArray &tokenValue, qint64 expiresAtMs, int status)
{
    const QJsonObject info{
        {QStringLiteral("tokenId"), QStringLiteral("00000000-0000-0000-0000-000000000001")},
        {QStringLiteral("tokenValue"), QString::fromUtf8(tokenValue)},
        {QStringLiteral("expiresAt"), double(expiresAtMs)},
        {QStringLiteral("refreshTokenId"), QStringLiteral("00000000-0000-0000-0000-000000000002")}};
    return json(status, QJsonObject{{QStringLiteral("status"), QStringLiteral("SUCCESS")},
                                    {QStringLiteral("statusMessage"), QStringLiteral("Login successful")},
                                    {QStringLiteral("tokenInfo"), info}});
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeResponse &FakeResponse::after(qint64 ms)
{
    delayMs = ms;
    return *this;
}

FakeNetworkAccessManager::Route &FakeNetworkAccessManager::Route::reply(const FakeResponse &response)
{
    m_sequence.append(response);
    return *this;
}

FakeNetworkAccessManager::Route &FakeNetworkAccessManager::Route::handle(Handler handler)
{
    m_handler = std::move(handler);
    return *this;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{}

FakeNetworkAccessManager::~FakeNetworkAccessManager() = default;

FakeNetworkAccessManager::Route &FakeNetworkAccessManager::on(const QByteArray &method,
                                                              const QString &pathPattern)
{
    auto route = std::make_shared<Route>();
    route->m_method = method.toUpper();
    route->m_pattern = pathPattern;
    m_routes.prepend(route); // newest first: a test can override a broader earlier route
    return *route;
}

void FakeNetworkAccessManager::clearRoutes()
{
    m_routes.clear();
}

void FakeNetworkAccessManager::clearRecords()
{
    m_requests.clear();
    m_unmatched = 0;
    m_aborted = 0;
}

bool FakeNetworkAccessManager::matches(const QString &pattern, const QUrl &url)
{
    const bool whole = pattern.startsWith(QLatin1String("http"));
    const QString subject =
        whole ? url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString() : url.path();
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('*')) {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == QLatin1Char('*')) {
                regex += QStringLiteral(".*");
                ++i;
            } else {
                regex += QStringLiteral("[^/]*");
            }
        } else {
            regex += QRegularExpression::escape(QString(c));
        }
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(regex));
    return re.match(subject).hasMatch();
}

QList<RecordedRequest> FakeNetworkAccessManager::matching(const QByteArray &method,
                                                          const QString &pathPattern) const
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &request : m_requests) {
        if ((method == "*" || request.method == method.toUpper()) && matches(pathPattern, request.url))
            out.append(request);
    }
    return out;
}

int FakeNetworkAccessManager::count(const QByteArray &method, const QString &pathPattern) const
{
    return int(matching(method, pathPattern).size());
}

int FakeNetworkAccessManager::activeReplies() const
{
    int n = 0;
    for (const auto &reply : m_replies) {
        auto *fake = qobject_cast<FakeReply *>(reply.data());
        n += (fake && !fake->isFinished() && !fake->isHanging() && !fake->isWaitingOnClock()) ? 1 : 0;
    }
    return n;
}

int FakeNetworkAccessManager::hangingReplies() const
{
    int n = 0;
    for (const auto &reply : m_replies) {
        auto *fake = qobject_cast<FakeReply *>(reply.data());
        n += (fake && !fake->isFinished() && fake->isHanging()) ? 1 : 0;
    }
    return n;
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    RecordedRequest record;
    switch (op) {
    case HeadOperation:
        record.method = "HEAD";
        break;
    case GetOperation:
        record.method = "GET";
        break;
    case PutOperation:
        record.method = "PUT";
        break;
    case PostOperation:
        record.method = "POST";
        break;
    case DeleteOperation:
        record.method = "DELETE";
        break;
    default:
        record.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray().toUpper();
        break;
    }
    record.url = request.url();
    record.request = request;
    const auto names = request.rawHeaderList();
    for (const QByteArray &name : names)
        record.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        record.body = outgoingData->readAll();
    record.atMs = m_clock ? m_clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
    record.sequence = int(m_requests.size());
    m_requests.append(record);

    FakeResponse response;
    bool found = false;
    for (const auto &route : std::as_const(m_routes)) {
        if ((route->m_method != "*" && route->m_method != record.method) ||
            !matches(route->m_pattern, record.url))
            continue;
        const int call = route->m_calls++;
        if (route->m_handler)
            response = route->m_handler(record);
        else if (!route->m_sequence.isEmpty())
            response = route->m_sequence.at(qMin<qsizetype>(call, route->m_sequence.size() - 1));
        else
            continue;
        found = true;
        break;
    }
    if (!found) {
        ++m_unmatched;
        response = FakeResponse::anaplanError(
            599, QStringLiteral("FakeNetworkAccessManager: no script for %1 %2")
                     .arg(QString::fromLatin1(record.method), record.url.toString()));
    }
    auto *reply = new FakeReply(this, op, request, response, record.body.size(), m_clock);
    m_replies.append(reply);
    m_replies.removeAll(QPointer<QNetworkReply>());
    return reply;
}

} // namespace anadesk::test
