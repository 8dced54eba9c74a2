#include "RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <cmath>

namespace anadesk {

FailureKind failureKindFor(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return FailureKind::NotSent;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        return FailureKind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::OperationCanceledError:
        return FailureKind::Fatal;
    default:
        return FailureKind::ConnectionLost;
    }
}

bool shouldRetry(const Failure &failure, Idempotency idempotency)
{
    const bool safe = idempotency == Idempotency::Safe;
    switch (failure.kind) {
    case FailureKind::HttpStatus:
        switch (failure.httpStatus) {
        case 429:
        case 503:
            return true;
        case 408:
        case 500:
        case 502:
        case 504:
            return safe;
        default:
            return false;
        }
    case FailureKind::NotSent:
        return true;
    case FailureKind::ConnectionLost:
    case FailureKind::Timeout:
    case FailureKind::TruncatedBody:
        return safe;
    case FailureKind::Fatal:
        return false;
    }
    return false;
}

std::optional<qint64> parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (char c : trimmed)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        if (trimmed.size() > 9) // more than ~31 years: treat as "very long", the caller caps it
            return qint64(999'999'999) * 1000;
        return trimmed.toLongLong() * 1000;
    }
    // HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, then the obsolete RFC 850 and asctime forms. Parsed
    // with explicit C-locale formats: Qt 6.4's Qt::RFC2822Date rejects the "GMT" zone name.
    const QString text = QString::fromLatin1(trimmed).simplified();
    const QLocale c = QLocale::c();
    QDateTime when = c.toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid()) {
        when = c.toDateTime(text, QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"));
        if (when.isValid() && when.date().year() < 1970)
            when = when.addYears(100);
    }
    if (!when.isValid())
        when = c.toDateTime(text, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::RFC2822Date); // numeric zones such as "+0000"
    else
        when.setTimeSpec(Qt::UTC);
    if (!when.isValid())
        return std::nullopt;
    return qMax<qint64>(0, when.toMSecsSinceEpoch() - nowMs);
}

Backoff::Backoff(const ClientOptions &options, std::function<double()> uniform01)
    : m_baseMs(qMax(0, options.backoffMs))
    , m_factor(options.backoffFactor < 1.0 ? 1.0 : options.backoffFactor)
    , m_capMs(qMax(0, options.maxBackoffMs))
    , m_uniform01(std::move(uniform01))
{
    if (!m_uniform01)
        m_uniform01 = [] { return QRandomGenerator::global()->generateDouble(); };
}

qint64 Backoff::ceilingMs(int retry) const
{
    const double exponent = qMax(0, retry - 1);
    const double raw = double(m_baseMs) * std::pow(m_factor, exponent);
    if (!std::isfinite(raw) || raw >= double(m_capMs))
        return m_capMs;
    return qint64(raw);
}

qint64 Backoff::delayMs(int retry, std::optional<qint64> retryAfterMs, bool rateLimited) const
{
    const double u = qBound(0.0, m_uniform01(), 1.0);
    qint64 delay = qint64(u * double(ceilingMs(retry)));
    if (rateLimited && !retryAfterMs)
        delay = qMax(delay, m_baseMs);
    if (retryAfterMs)
        delay = qMax(delay, *retryAfterMs);
    return qMin(delay, m_capMs);
}

} // namespace anadesk
