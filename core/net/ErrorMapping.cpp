#include "ErrorMapping.h"

#include "Redaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace anadesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::ErrorMapping", text);
}

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return value.toString();
    }
    return QString();
}

QString messageFromJson(const QJsonObject &root)
{
    // Integration API v2: {"status":{"code":404,"message":"…"}}
    const QJsonValue status = root.value(QLatin1String("status"));
    if (status.isObject()) {
        const QString message = firstString(status.toObject(), {"message", "statusMessage", "description"});
        if (!message.isEmpty())
            return message;
    }
    // Auth service: {"status":"FAILURE_BAD_CREDENTIAL","statusMessage":"…"}; OAuth; SCIM; generic.
    QString message = firstString(
        root, {"statusMessage", "message", "detail", "error_description", "errorMessage", "description"});
    if (!message.isEmpty())
        return message;
    const QJsonValue errors = root.value(QLatin1String("errors"));
    if (errors.isArray() && !errors.toArray().isEmpty()) {
        const QJsonValue first = errors.toArray().first();
        if (first.isString())
            return first.toString();
        if (first.isObject())
            return firstString(first.toObject(), {"message", "detail", "description"});
    }
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isObject())
        return messageFromJson(error.toObject());
    if (error.isString())
        return error.toString();
    if (status.isString())
        return status.toString();
    return QString();
}

ApiError make(ErrorCategory category, const ApiRequest &request, const QString &message, const QString &hint)
{
    ApiError error;
    error.category = category;
    error.message = message;
    error.object = objectForMessage(request);
    error.hint = hint;
    return error;
}

} // namespace

ErrorCategory categoryForHttpStatus(int status)
{
    switch (status) {
    case 400:
        return ErrorCategory::BadInput;
    case 401:
        return ErrorCategory::Auth;
    case 403:
        return ErrorCategory::Permission;
    case 404:
    case 410:
        return ErrorCategory::NotFound;
    case 408:
        return ErrorCategory::Timeout;
    case 409:
    case 423:
        return ErrorCategory::ModelBusy;
    case 422:
        return ErrorCategory::ModelArchived;
    case 429:
        return ErrorCategory::RateLimited;
    default:
        break;
    }
    if (status >= 500 && status <= 599)
        return ErrorCategory::Server;
    if (status >= 400 && status <= 499)
        return ErrorCategory::BadInput;
    if (status >= 200 && status <= 299)
        return ErrorCategory::None;
    return ErrorCategory::Protocol;
}

QString extractServerMessage(const QByteArray &body, const QByteArray &contentType)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return QString();
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.left(1 << 20), &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isObject())
            return redactAndTruncate(messageFromJson(doc.object()));
    }
    const QString text = QString::fromUtf8(trimmed.left(64 * 1024));
    if (contentType.contains("html") || text.startsWith(QLatin1Char('<'))) {
        // Gateways and proxies answer with HTML pages: their <title> is the useful part.
        static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                              QRegularExpression::CaseInsensitiveOption);
        const auto match = title.match(text);
        return match.hasMatch() ? redactAndTruncate(match.captured(1)) : QString();
    }
    return redactAndTruncate(text);
}

QString objectForMessage(const ApiRequest &request)
{
    if (!request.object.isEmpty())
        return request.object;
    return QString::fromLatin1(request.method) + QLatin1Char(' ') + request.url.path();
}

ApiError httpError(const ApiRequest &request, int status, const QByteArray &body,
                   const QByteArray &contentType)
{
    const ErrorCategory category = categoryForHttpStatus(status);
    QString message;
    QString hint;
    switch (category) {
    case ErrorCategory::BadInput:
        message = tr("The server refused the request as invalid (HTTP %1)");
        hint = tr("Check the values sent; the server's message names what it refused.");
        break;
    case ErrorCategory::Auth:
        message = tr("Not signed in, or the session has expired (HTTP %1)");
        hint = tr("Sign in again; if it keeps failing, check the user name, password or certificate.");
        break;
    case ErrorCategory::Permission:
        message = tr("Permission denied (HTTP %1)");
        hint = tr("Ask a workspace administrator for access to this object.");
        break;
    case ErrorCategory::NotFound:
        message = tr("Not found (HTTP %1)");
        hint = tr("Check the id; Anaplan also reports objects you have no access to as missing, so ask a "
                  "model builder whether your role can see it.");
        break;
    case ErrorCategory::ModelBusy:
        if (status == 409 && !request.url.path().contains(QLatin1String("/models/"))) {
            // Outside a model (SCIM users, CloudWorks integrations and flows) a 409 is a conflict with the
            // current state: a user name taken, an integration in use by a flow, a run already going. Same
            // category (and exit code) as a busy model, but words that fit.
            message = tr("The request conflicts with the object's current state (HTTP %1)");
            hint = tr("Another object already uses this name, or the object is in use or running; the "
                      "server's message says which. Change the name, or wait and try again.");
        } else {
            message = tr("The model is busy or locked (HTTP %1)");
            hint = tr("Wait until the running import, export or process has finished, then try again.");
        }
        break;
    case ErrorCategory::ModelArchived:
        message = tr("The model is archived (HTTP %1)");
        hint = tr("Ask a workspace administrator to unarchive the model first.");
        break;
    case ErrorCategory::RateLimited:
        message = tr("Anaplan is limiting the request rate (HTTP %1)");
        hint = tr("Wait a minute and try again, or lower the number of parallel transfers.");
        break;
    case ErrorCategory::Timeout:
        message = tr("The server timed out waiting for the request (HTTP %1)");
        hint = tr("Try again; check the network if it keeps happening.");
        break;
    case ErrorCategory::Server:
        message = tr("Anaplan reported a server error (HTTP %1)");
        hint = tr("This is usually temporary: try again in a few minutes.");
        break;
    default:
        message = tr("The server gave an unexpected answer (HTTP %1)");
        hint = tr("Try again; if it persists, check proxy settings and the configured hosts.");
        break;
    }
    ApiError error = make(category, request, message.arg(status), hint);
    error.httpStatus = status;
    error.serverMessage = extractServerMessage(body, contentType);
    return error;
}

ApiError networkError(const ApiRequest &request, QNetworkReply::NetworkError code, const QString &qtMessage)
{
    const QString host = request.url.host();
    ApiError error;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        error = make(ErrorCategory::Network, request, tr("The connection to %1 was refused").arg(host),
                     tr("Check the host name and port, and whether a firewall blocks the connection."));
        break;
    case QNetworkReply::HostNotFoundError:
        error = make(ErrorCategory::Network, request, tr("Host %1 was not found").arg(host),
                     tr("Check the region or host name and the network connection."));
        break;
    case QNetworkReply::RemoteHostClosedError:
        error = make(ErrorCategory::Network, request,
                     tr("%1 closed the connection before the answer was complete").arg(host),
                     tr("Try again; check the network or proxy if it keeps happening."));
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        error = make(ErrorCategory::Timeout, request, tr("The connection to %1 timed out").arg(host),
                     tr("Check the network connection and proxy settings."));
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error =
            make(ErrorCategory::Network, request,
                 tr("The secure connection to %1 could not be verified").arg(host),
                 tr("If a company proxy inspects TLS, import its CA certificate in the connection settings; "
                    "otherwise do not continue — the connection may be intercepted."));
        break;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        error = make(ErrorCategory::Protocol, request,
                     tr("%1 redirected the request to another host or port; the redirect "
                        "was not followed, so the sign-in token was not sent there")
                         .arg(host),
                     tr("Check the configured hosts and proxy."));
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownProxyError:
        error = make(ErrorCategory::Network, request, tr("The proxy could not be reached"),
                     tr("Check the proxy settings."));
        break;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        error = make(ErrorCategory::Auth, request, tr("The proxy requires a user name and password"),
                     tr("Enter the proxy credentials in the connection settings."));
        error.httpStatus = 407; // the proxy's answer: tells it apart from credentials the server rejected
        break;
    case QNetworkReply::OperationCanceledError:
        return cancelledError(request);
    default:
        error = make(ErrorCategory::Network, request, tr("The request to %1 failed").arg(host),
                     tr("Check the network connection and try again."));
        break;
    }
    error.serverMessage = redactAndTruncate(qtMessage);
    return error;
}

ApiError timeoutError(const ApiRequest &request, int timeoutMs)
{
    return make(ErrorCategory::Timeout, request,
                tr("No data from %1 for %2 s").arg(request.url.host()).arg(timeoutMs / 1000.0, 0, 'f', 1),
                tr("Large or dormant models can be slow to answer: try again, or raise the timeout in the "
                   "connection settings."));
}

ApiError cancelledError(const ApiRequest &request)
{
    return make(ErrorCategory::Cancelled, request, tr("Cancelled"), QString());
}

ApiError truncatedBodyError(const ApiRequest &request, qint64 received, qint64 expected)
{
    return make(ErrorCategory::Network, request,
                tr("The answer from %1 was cut off after %2 of %3 bytes")
                    .arg(request.url.host())
                    .arg(received)
                    .arg(expected),
                tr("Try again; check the network or proxy if it keeps happening."));
}

} // namespace anadesk
