#include "ApiError.h"

#include <QCoreApplication>

namespace anadesk {

QString ApiError::toString() const
{
    if (!isError())
        return QString();
    QString line =
        message.isEmpty() ? QCoreApplication::translate("anadesk::ApiError", "Request failed") : message;
    if (!object.isEmpty())
        line += QStringLiteral(" (") + object + QLatin1Char(')');
    if (!serverMessage.isEmpty())
        line += QStringLiteral(": ") + serverMessage;
    if (!line.endsWith(QLatin1Char('.')))
        line += QLatin1Char('.');
    if (!hint.isEmpty())
        line += QLatin1Char(' ') + hint;
    return line;
}

int exitCodeFor(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return 0;
    case ErrorCategory::BadInput:
        return 2;
    case ErrorCategory::Auth:
        return 3;
    case ErrorCategory::Permission:
        return 4;
    case ErrorCategory::NotFound:
        return 5;
    case ErrorCategory::ModelBusy:
        return 6;
    case ErrorCategory::ModelArchived:
        return 7;
    case ErrorCategory::RateLimited:
        return 8;
    case ErrorCategory::Timeout:
        return 9;
    case ErrorCategory::Network:
        return 10;
    case ErrorCategory::Server:
        return 11;
    case ErrorCategory::ActionFailed:
        return 12;
    case ErrorCategory::Cancelled:
        return 13;
    case ErrorCategory::Protocol:
        return 14;
    case ErrorCategory::LocalIo:
        return 15;
    }
    return 1;
}

QString categoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return QStringLiteral("none");
    case ErrorCategory::BadInput:
        return QStringLiteral("bad-input");
    case ErrorCategory::Auth:
        return QStringLiteral("auth");
    case ErrorCategory::Permission:
        return QStringLiteral("permission");
    case ErrorCategory::NotFound:
        return QStringLiteral("not-found");
    case ErrorCategory::ModelBusy:
        return QStringLiteral("model-busy");
    case ErrorCategory::ModelArchived:
        return QStringLiteral("model-archived");
    case ErrorCategory::RateLimited:
        return QStringLiteral("rate-limited");
    case ErrorCategory::Timeout:
        return QStringLiteral("timeout");
    case ErrorCategory::Network:
        return QStringLiteral("network");
    case ErrorCategory::Server:
        return QStringLiteral("server");
    case ErrorCategory::ActionFailed:
        return QStringLiteral("action-failed");
    case ErrorCategory::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCategory::Protocol:
        return QStringLiteral("protocol");
    case ErrorCategory::LocalIo:
        return QStringLiteral("local-io");
    }
    return QStringLiteral("unknown");
}

} // namespace anadesk
