#include "AuthService.h"

#include "http/Router.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace sandbox {

namespace {

// The real service always names its own validate endpoint here (the OpenAPI spec fixes the value).
const QString kValidationUrl = QStringLiteral("https://auth.anaplan.com/token/validate");

QJsonObject meta()
{
    return QJsonObject{{QStringLiteral("validationUrl"), kValidationUrl}};
}

// Error body of the authentication service: {"status":"FAILURE_…","statusMessage":"…"}.
HttpResponse authError(int status, bool badHeader, const QString &message)
{
    return HttpResponse::json(
        status, QJsonObject{{QStringLiteral("status"), badHeader ? QStringLiteral("FAILURE_BAD_HEADER")
                                                                 : QStringLiteral("FAILURE_BAD_CREDENTIAL")},
                            {QStringLiteral("statusMessage"), message}});
}

QJsonObject tokenInfo(const TokenRecord &record)
{
    return QJsonObject{{QStringLiteral("tokenId"), record.tokenId},
                       {QStringLiteral("tokenValue"), QString::fromLatin1(record.value)},
                       {QStringLiteral("expiresAt"), record.expiresAtMs},
                       {QStringLiteral("refreshTokenId"), record.refreshTokenId}};
}

HttpResponse tokenResponse(int status, const QString &message, const TokenRecord &record)
{
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("meta"), meta()},
                                                  {QStringLiteral("status"), QStringLiteral("SUCCESS")},
                                                  {QStringLiteral("statusMessage"), message},
                                                  {QStringLiteral("tokenInfo"), tokenInfo(record)}});
}

// Splits "Scheme credentials"; the scheme is compared case-insensitively (RFC 9110 §11.1).
bool splitAuthorization(const QByteArray &header, QByteArray *scheme, QByteArray *credentials)
{
    const QByteArray trimmed = header.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    if (space <= 0)
        return false;
    *scheme = trimmed.left(space).toLower();
    *credentials = trimmed.mid(space + 1).trimmed();
    return !credentials->isEmpty();
}

QString expiredMessage(const TokenRecord &record)
{
    return QStringLiteral("The AnaplanAuthToken (id %1) expired at %2. Refresh tokens before they expire "
                          "(POST /token/refresh) or authenticate again.")
        .arg(record.tokenId,
             QDateTime::fromMSecsSinceEpoch(record.expiresAtMs, Qt::UTC).toString(Qt::ISODate));
}

const QString kUnknownToken = QStringLiteral(
    "The AnaplanAuthToken is not valid (unknown, refreshed or logged out). Authenticate again with "
    "POST /token/authenticate.");

} // namespace

AuthService::AuthService(const SandboxConfig &config, EpochMsClock clock)
    : m_config(config)
    , m_tokens(config.tokenLifetimeSeconds, clock)
    , m_certificates(config.user, config.v2MaxSkewSeconds, [this] { return m_tokens.nowMs(); })
{}

QString AuthService::userGuidFor(const QString &email)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("anadesk-sandbox-user:").append(email.toLower().toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

QString AuthService::customerGuid()
{
    return QString::fromLatin1(
        QCryptographicHash::hash("anadesk-sandbox-customer", QCryptographicHash::Sha256).toHex().left(32));
}

void AuthService::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/token/authenticate"),
               [this](const HttpRequest &request, const RouteMatch &) { return authenticate(request); });
    router.add("POST", QStringLiteral("/token/refresh"),
               [this](const HttpRequest &request, const RouteMatch &) { return refresh(request); });
    router.add("GET", QStringLiteral("/token/validate"),
               [this](const HttpRequest &request, const RouteMatch &) { return validate(request); });
    router.add("POST", QStringLiteral("/token/logout"),
               [this](const HttpRequest &request, const RouteMatch &) { return logout(request); });
}

HttpResponse AuthService::authenticate(const HttpRequest &request)
{
    QByteArray scheme;
    QByteArray credentials;
    if (!request.headers.contains("authorization"))
        return authError(401, true,
                         QStringLiteral("The Authorization header is missing. Send 'Basic "
                                        "base64(user:password)' or 'CACertificate <base64 of the "
                                        "PEM certificate>'."));
    if (!splitAuthorization(request.header("authorization"), &scheme, &credentials))
        return authError(401, true,
                         QStringLiteral("The Authorization header is malformed. Send 'Basic "
                                        "base64(user:password)' or 'CACertificate <base64 of the "
                                        "PEM certificate>'."));
    if (scheme == "basic") {
        const auto decoded =
            QByteArray::fromBase64Encoding(credentials, QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded ? decoded.decoded.indexOf(':') : -1;
        if (colon < 0)
            return authError(401, true,
                             QStringLiteral("The Basic credentials are not base64 of 'user:password'."));
        const QString user = QString::fromUtf8(decoded.decoded.left(colon));
        const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        if (user.compare(m_config.user, Qt::CaseInsensitive) != 0 || password != m_config.password)
            return authError(401, false, QStringLiteral("Invalid user name or password."));
        return tokenResponse(201, QStringLiteral("Login successful"), m_tokens.issue(m_config.user));
    }
    if (scheme == "cacertificate") {
        const CertificateLogin login = m_certificates.verify(credentials, request.body);
        if (!login.ok)
            return authError(401, login.badHeader, login.message);
        return tokenResponse(201, QStringLiteral("Login successful"), m_tokens.issue(login.user));
    }
    return authError(401, true,
                     QStringLiteral("The Authorization scheme '%1' cannot authenticate; use 'Basic' or "
                                    "'CACertificate'.")
                         .arg(QString::fromLatin1(scheme.left(40))));
}

namespace {
// Reads "AnaplanAuthToken <value>"; on failure *problem is the 400 message.
bool tokenFromHeader(const HttpRequest &request, QByteArray *value, QString *problem)
{
    QByteArray scheme;
    if (!request.headers.contains("authorization")) {
        *problem = QStringLiteral("The Authorization header is missing. Send 'AnaplanAuthToken <token>'.");
        return false;
    }
    if (!splitAuthorization(request.header("authorization"), &scheme, value) ||
        scheme != "anaplanauthtoken") {
        *problem = QStringLiteral("The Authorization header must be 'AnaplanAuthToken <token>'.");
        return false;
    }
    return true;
}
} // namespace

HttpResponse AuthService::refresh(const HttpRequest &request)
{
    QByteArray value;
    QString problem;
    if (!tokenFromHeader(request, &value, &problem))
        return authError(400, true, problem);
    TokenStore::Check why = TokenStore::Check::Unknown;
    TokenRecord old;
    const TokenStore::Check before = m_tokens.check(value, &old);
    const auto fresh = m_tokens.refresh(value, &why);
    if (!fresh)
        return authError(401, false,
                         before == TokenStore::Check::Expired ? expiredMessage(old) : kUnknownToken);
    return tokenResponse(200, QStringLiteral("Token refreshed"), *fresh);
}

HttpResponse AuthService::validate(const HttpRequest &request) const
{
    QByteArray value;
    QString problem;
    if (!tokenFromHeader(request, &value, &problem))
        return authError(400, true, problem);
    TokenRecord record;
    switch (m_tokens.check(value, &record)) {
    case TokenStore::Check::Unknown:
        return authError(401, false, kUnknownToken);
    case TokenStore::Check::Expired:
        return authError(401, false, expiredMessage(record));
    case TokenStore::Check::Valid:
        break;
    }
    return HttpResponse::json(
        200,
        QJsonObject{
            {QStringLiteral("meta"), meta()},
            {QStringLiteral("status"), QStringLiteral("SUCCESS")},
            {QStringLiteral("statusMessage"), QStringLiteral("Token validated")},
            {QStringLiteral("tokenInfo"), QJsonObject{{QStringLiteral("expiresAt"), record.expiresAtMs},
                                                      {QStringLiteral("tokenId"), record.tokenId}}},
            {QStringLiteral("userInfo"), QJsonObject{{QStringLiteral("userGuid"), userGuidFor(record.user)},
                                                     {QStringLiteral("userId"), record.user},
                                                     {QStringLiteral("customerGuid"), customerGuid()}}}});
}

HttpResponse AuthService::logout(const HttpRequest &request)
{
    QByteArray value;
    QString problem;
    if (!tokenFromHeader(request, &value, &problem))
        return authError(401, true, problem);
    if (m_tokens.check(value) == TokenStore::Check::Unknown || !m_tokens.revoke(value))
        return authError(401, false, kUnknownToken);
    return HttpResponse::noContent();
}

bool AuthService::isProtectedPath(const QStringList &segments)
{
    if (segments.isEmpty())
        return false;
    const QString &first = segments.constFirst();
    if (first == QLatin1String("2"))
        return segments.size() >= 2 && segments.at(1) == QLatin1String("0");
    return first == QLatin1String("scim") || first == QLatin1String("audit") ||
           first == QLatin1String("cloudworks");
}

std::optional<HttpResponse> AuthService::gate(HttpRequest &request) const
{
    QByteArray value;
    QString problem;
    TokenRecord record;
    const bool headerRead = tokenFromHeader(request, &value, &problem);
    if (headerRead) {
        switch (m_tokens.check(value, &record)) {
        case TokenStore::Check::Valid:
            request.user = record.user;
            return std::nullopt;
        case TokenStore::Check::Expired:
            problem = expiredMessage(record);
            break;
        case TokenStore::Check::Unknown:
            problem = kUnknownToken;
            break;
        }
    }
    if (!request.segments.isEmpty() && request.segments.constFirst() == QLatin1String("scim")) {
        // SCIM speaks RFC 7644 errors.
        return HttpResponse::bytes(
            401,
            QJsonDocument(
                QJsonObject{{QStringLiteral("schemas"),
                             QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error")}},
                            {QStringLiteral("status"), QStringLiteral("401")},
                            {QStringLiteral("detail"), problem}})
                .toJson(QJsonDocument::Compact),
            "application/scim+json");
    }
    if (!request.segments.isEmpty() && request.segments.constFirst() == QLatin1String("audit")) {
        // The Audit API's errors are {"status": "FAILURE_…", "statusMessage": …} (audit spec's
        // AuditErrorResponse; codes as the exception-users spec names them).
        return HttpResponse::json(
            401, {{QStringLiteral("status"), headerRead ? QStringLiteral("FAILURE_INVALID_TOKEN")
                                                        : QStringLiteral("FAILURE_BAD_HEADER")},
                  {QStringLiteral("statusMessage"), problem}});
    }
    return HttpResponse::v2Error(401, problem, request.path());
}

void AuthService::expireToken(const HttpRequest &request)
{
    QByteArray value;
    QString problem;
    if (tokenFromHeader(request, &value, &problem))
        m_tokens.revoke(value);
}

} // namespace sandbox
