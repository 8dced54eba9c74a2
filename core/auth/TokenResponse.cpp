#include "TokenResponse.h"

#include "net/ApiReply.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace anadesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::TokenResponse", text);
}
} // namespace

TokenResult parseTokenReply(const ApiReply &reply, const QString &what)
{
    TokenResult result;
    if (!reply.isOk()) {
        result.error = reply.error();
        if (reply.error().category == ErrorCategory::Auth && reply.httpStatus() == 401) {
            result.error.message = tr("Anaplan rejected the credentials (HTTP 401)");
            result.error.hint = tr("Check the user name and password, or the certificate and key. Nothing is "
                                   "retried automatically: repeated failures can lock the account.");
        }
        result.error.object = what;
        return result;
    }
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(reply.body(), &parseError).object();
    const QJsonObject info = root.value(QLatin1String("tokenInfo")).toObject();
    const QString value = info.value(QLatin1String("tokenValue")).toString();
    if (parseError.error != QJsonParseError::NoError || value.isEmpty()) {
        result.error.category = ErrorCategory::Protocol;
        result.error.httpStatus = reply.httpStatus();
        result.error.object = what;
        result.error.message = tr("The sign-in answer contained no token");
        result.error.hint =
            tr("Check that the authentication host is Anaplan's (or the sandbox) and not a proxy page.");
        return result;
    }
    result.token.value = value.toUtf8();
    const QJsonValue expires = info.value(QLatin1String("expiresAt"));
    if (expires.isDouble())
        result.token.expiresAtMs = qint64(expires.toDouble());
    else if (expires.isString())
        result.token.expiresAtMs = expires.toString().toLongLong();
    return result;
}

} // namespace anadesk
