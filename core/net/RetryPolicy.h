#pragma once
// The retry table and the back-off, as plain functions so they are unit-tested on their own.
//
//   failure                                    Safe      NotRepeatable
//   HTTP 408 / 500 / 502 / 504                 retry     no  (may have been applied → reconcile)
//   HTTP 429 / 503                             retry     retry (answered before processing)
//   connection refused, host not found,        retry     retry (the request never left)
//     proxy refused / not found
//   connection reset / closed, timeout,        retry     no
//     body cut short, other transport errors
//   TLS failure, redirect refused              no        no  (retrying cannot help)
//   other 4xx (400/401/403/404/409/422/423…)   no        no  (401 goes to re-authentication instead)
//
// attempts = max(ClientOptions::retryCount, 1). Back-off before retry n (1-based) is full jitter:
// uniform in [0, min(maxBackoffMs, backoffMs · backoffFactor^(n-1))]; a 429 without Retry-After waits
// at least backoffMs. Retry-After (seconds or HTTP-date) is a floor; everything is capped at maxBackoffMs.
#include "ApiRequest.h"
#include "ClientOptions.h"

#include <QByteArray>
#include <QNetworkReply>
#include <functional>
#include <optional>

namespace anadesk {

enum class FailureKind
{
    HttpStatus,     // an HTTP answer with an error status (httpStatus set)
    NotSent,        // connection refused, host not found, proxy unreachable: nothing reached the server
    ConnectionLost, // reset / closed by the peer while the request or answer was in transit
    Timeout,        // our idle timeout (or Qt's transfer timeout) fired
    TruncatedBody,  // fewer bytes than Content-Length arrived
    Fatal,          // TLS failure, refused redirect, proxy authentication: retrying cannot help
};

struct Failure
{
    FailureKind kind = FailureKind::Fatal;
    int httpStatus = 0;
};

// Classifies a transport error of QNetworkReply (when there was no usable HTTP status).
FailureKind failureKindFor(QNetworkReply::NetworkError error);

// The table above.
bool shouldRetry(const Failure &failure, Idempotency idempotency);

inline int maxAttempts(const ClientOptions &options)
{
    return options.retryCount < 1 ? 1 : options.retryCount;
}

// Retry-After: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850, asctime). Returns the wait in
// ms (≥ 0; a date in the past gives 0), or nullopt for garbage. Values are not capped here.
std::optional<qint64> parseRetryAfter(const QByteArray &value, qint64 nowMs);

class Backoff
{
public:
    // uniform01 returns a number in [0, 1); default: QRandomGenerator::global().
    explicit Backoff(const ClientOptions &options, std::function<double()> uniform01 = {});

    // Upper bound of the jittered delay before retry number `retry` (1-based), already capped.
    qint64 ceilingMs(int retry) const;
    // The delay to wait before retry number `retry`.
    qint64 delayMs(int retry, std::optional<qint64> retryAfterMs = std::nullopt,
                   bool rateLimited = false) const;

private:
    qint64 m_baseMs;
    double m_factor;
    qint64 m_capMs;
    std::function<double()> m_uniform01;
};

} // namespace anadesk
