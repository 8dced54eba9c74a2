#include "TransportReply.h"

#include "ErrorMapping.h"
#include "Logging.h"
#include "Redaction.h"
#include "ReplyBodySink.h"
#include "TransportPrivate.h"
#include "auth/TokenKeeper.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace anadesk {

namespace {

// Qt's own transfer timeout is only a backstop behind our Clock-driven watchdog (which is what
// the fake clock controls in tests). In Qt 6.4 it aborts the reply with OperationCanceledError —
// indistinguishable from abort() — so an OperationCanceledError we did not ask for means timeout.
constexpr int kQtTimeoutMarginMs = 2000;

bool isSuccessStatus(QNetworkReply *wire)
{
    const int status = wire->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status <= 299;
}

bool isSensitivePath(const QUrl &url)
{
    const QString path = url.path();
    return path.contains(QLatin1String("/token/")) || path.contains(QLatin1String("/oauth/"));
}

QByteArray lowerHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &lowerName)
{
    for (const auto &header : headers) {
        if (header.first == lowerName)
            return header.second;
    }
    return QByteArray();
}

} // namespace

QByteArray ApiReply::rawHeader(const QByteArray &lowerCaseName) const
{
    return lowerHeader(m_headers, lowerCaseName.toLower());
}

TransportReply::TransportReply(Transport *transport, ApiRequest request, quint64 serial)
    : m_transport(transport)
    , m_request(std::move(request))
    , m_serial(serial)
{
    if (m_request.method.isEmpty())
        m_request.method = "GET";
}

TransportReply::~TransportReply()
{
    m_stopping = true;
    if (m_transport) {
        clock().cancel(m_retryTimer);
        clock().cancel(m_idleTimer);
        m_transport->d->live.removeAll(QPointer<TransportReply>(this));
        m_transport->d->live.removeAll(QPointer<TransportReply>());
    }
    if (m_wire) {
        m_wire->disconnect(this);
        m_wire->abort();
        m_wire->deleteLater();
    }
}

Clock &TransportReply::clock() const
{
    return m_transport->clock();
}

int TransportReply::timeoutMs() const
{
    const int configured = m_request.timeoutMs > 0 ? m_request.timeoutMs : m_transport->options().timeoutMs;
    return configured > 0 ? configured : 30'000; // a request without a timeout could hang forever
}

void TransportReply::start()
{
    if (m_finished)
        return;
    if (!m_transport) {
        finishWith(cancelledError(m_request));
        return;
    }
    if (!m_request.url.isValid() || m_request.url.scheme().isEmpty() || m_request.url.host().isEmpty()) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.object = objectForMessage(m_request);
        error.message = tr("The request address is not a valid URL");
        error.hint = tr("Check the configured hosts (region) of the connection.");
        finishWith(error);
        return;
    }
    attempt();
}

void TransportReply::attempt()
{
    m_retryTimer = 0;
    if (m_finished || !m_transport)
        return;
    // Every attempt — first, retry or replay — passes the connection's pacer.
    m_transport->d->pacer->whenClear(this, [this]() {
        if (!m_finished)
            withToken();
    });
}

void TransportReply::withToken()
{
    if (!m_request.authenticated) {
        sendWire(QByteArray());
        return;
    }
    m_transport->d->keeper->acquire(this, sendWhenAnswered(Pacing::AlreadyPaced));
}

void TransportReply::sendWire(const QByteArray &token)
{
    if (m_finished || !m_transport)
        return;
    Transport::Private &d = *m_transport->d;
    if (!d.manager) {
        finishWith(
            networkError(m_request, QNetworkReply::UnknownNetworkError, tr("no network access manager")));
        return;
    }
    m_tokenUsed = token;

    QNetworkRequest request(m_request.url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // HTTP/1.1
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, d.options.answerProxyAuthentication
                                                                            ? QNetworkRequest::Automatic
                                                                            : QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(timeoutMs() + kQtTimeoutMarginMs);
    if (d.options.sslConfiguration)
        request.setSslConfiguration(*d.options.sslConfiguration);
    request.setRawHeader("User-Agent", d.userAgent);
    request.setRawHeader("Accept", m_request.accept.isEmpty() ? QByteArrayLiteral("application/json")
                                                              : m_request.accept);
    if (!m_request.contentType.isEmpty())
        request.setRawHeader("Content-Type", m_request.contentType);
    if (m_request.authenticated)
        request.setRawHeader("Authorization", "AnaplanAuthToken " + token);
    for (const auto &header : m_request.extraHeaders)
        request.setRawHeader(header.first, header.second);

    if (lcNetHttp().isDebugEnabled()) {
        QList<QPair<QByteArray, QByteArray>> shown;
        const auto names = request.rawHeaderList();
        for (const QByteArray &name : names)
            shown.append({name, request.rawHeader(name)});
        qCDebug(lcNetHttp).noquote() << QStringLiteral("-> #%1 %2 %3 [%4] %5")
                                            .arg(m_serial)
                                            .arg(QString::fromLatin1(m_request.method),
                                                 urlForLog(m_request.url), headersForLog(shown),
                                                 bodyForLog(m_request.body, m_request.contentType,
                                                            isSensitivePath(m_request.url)));
    }

    const QByteArray &method = m_request.method;
    QNetworkReply *wire = nullptr;
    if (method == "GET" && m_request.body.isEmpty())
        wire = d.manager->get(request);
    else if (method == "HEAD")
        wire = d.manager->head(request);
    else if (method == "DELETE" && m_request.body.isEmpty())
        wire = d.manager->deleteResource(request);
    else if (method == "POST")
        wire = d.manager->post(request, m_request.body);
    else if (method == "PUT")
        wire = d.manager->put(request, m_request.body);
    else
        wire = d.manager->sendCustomRequest(request, method, m_request.body);

    m_wire = wire;
    ++m_attempts;
    m_timedOut = false;
    m_sunkBytes = 0;
    if (m_request.bodySink) {
        m_request.bodySink->restart(); // never mix the pieces of two attempts
        connect(wire, &QNetworkReply::readyRead, this, [this, wire]() { drainToSink(wire); });
    }
    m_wireStartedMs = clock().nowMs();
    m_lastActivityMs = m_wireStartedMs;
    armIdleWatchdog();
    connect(wire, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        noteActivity();
        Q_EMIT uploadProgress(sent, total);
    });
    connect(wire, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        noteActivity();
        Q_EMIT downloadProgress(received, total);
    });
    connect(wire, &QNetworkReply::metaDataChanged, this, &TransportReply::noteActivity);
    connect(wire, &QNetworkReply::finished, this, &TransportReply::onWireFinished);
}

void TransportReply::drainToSink(QNetworkReply *wire)
{
    // Only a successful body is streamed; an error body stays in the reply for the error message.
    if (wire != m_wire.data() || !isSuccessStatus(wire))
        return;
    // Reading exactly what is available takes Qt's buffered piece without copying it, in the common
    // case of one piece per readyRead.
    while (const qint64 available = wire->bytesAvailable()) {
        const QByteArray piece = wire->read(available);
        if (piece.isEmpty())
            break;
        m_sunkBytes += piece.size();
        m_request.bodySink->append(piece);
    }
}

void TransportReply::noteActivity()
{
    m_lastActivityMs = clock().nowMs();
}

void TransportReply::armIdleWatchdog()
{
    clock().cancel(m_idleTimer);
    const qint64 due = m_lastActivityMs + timeoutMs() - clock().nowMs();
    m_idleTimer = clock().singleShot(due, this, [this]() { onIdleWatchdog(); });
}

void TransportReply::onIdleWatchdog()
{
    m_idleTimer = 0;
    if (m_finished || !m_wire)
        return;
    if (clock().nowMs() - m_lastActivityMs < timeoutMs()) { // bytes moved meanwhile: wait the rest
        armIdleWatchdog();
        return;
    }
    qCInfo(lcNet) << "request" << m_serial << "idle for" << timeoutMs() << "ms: aborting this attempt";
    m_timedOut = true;
    m_wire->abort(); // finished() follows (synchronously) and is handled as a timeout
}

void TransportReply::onWireFinished()
{
    QNetworkReply *wire = m_wire.data();
    if (!wire || sender() != wire || m_stopping)
        return;
    if (m_request.bodySink)
        drainToSink(wire); // what arrived after the last readyRead
    m_wire = nullptr;
    clock().cancel(m_idleTimer);
    m_idleTimer = 0;
    wire->disconnect(this);
    wire->deleteLater();

    const QVariant statusAttribute = wire->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError code = wire->error();
    QByteArray body = wire->readAll();
    const qint64 received = body.size() + m_sunkBytes;
    QList<QPair<QByteArray, QByteArray>> headers;
    const auto pairs = wire->rawHeaderPairs();
    for (const auto &pair : pairs)
        headers.append({pair.first.toLower(), pair.second});
    const QByteArray contentType = lowerHeader(headers, "content-type");

    qCDebug(lcNetHttp).noquote()
        << QStringLiteral("<- #%1 %2 %3 ms [%4] %5%6")
               .arg(m_serial)
               .arg(status)
               .arg(clock().nowMs() - m_wireStartedMs)
               .arg(headersForLog(headers),
                    m_sunkBytes > 0 ? QStringLiteral("(%1 bytes streamed)").arg(m_sunkBytes)
                                    : bodyForLog(body, contentType, isSensitivePath(m_request.url)),
                    code == QNetworkReply::NoError ? QString()
                                                   : QStringLiteral(" (error %1)").arg(int(code)));
    if (m_finished)
        return;

    if (m_timedOut || (code == QNetworkReply::OperationCanceledError)) {
        handleFailure({FailureKind::Timeout, 0}, timeoutError(m_request, timeoutMs()), {});
        return;
    }
    if (code == QNetworkReply::ProxyAuthenticationRequiredError &&
        holdForProxy(networkError(m_request, code, wire->errorString())))
        return;
    // A transport error (codes below 200) after an HTTP status: the body was cut short.
    const bool transportError = code != QNetworkReply::NoError && int(code) < 200;
    if (transportError) {
        const FailureKind kind = status > 0 && failureKindFor(code) != FailureKind::Fatal
                                     ? FailureKind::TruncatedBody
                                     : failureKindFor(code);
        handleFailure({kind, 0}, networkError(m_request, code, wire->errorString()), {});
        return;
    }
    if (status == 0) {
        handleFailure({FailureKind::Fatal, 0},
                      networkError(m_request,
                                   code == QNetworkReply::NoError ? QNetworkReply::UnknownNetworkError : code,
                                   wire->errorString()),
                      {});
        return;
    }
    const QByteArray lengthHeader = lowerHeader(headers, "content-length");
    if (!lengthHeader.isEmpty() && lowerHeader(headers, "content-encoding").isEmpty() &&
        m_request.method != "HEAD") {
        bool ok = false;
        const qint64 expected = lengthHeader.trimmed().toLongLong(&ok);
        if (ok && received < expected) {
            handleFailure({FailureKind::TruncatedBody, 0}, truncatedBodyError(m_request, received, expected),
                          {});
            return;
        }
    }

    m_httpStatus = status;
    m_headers = headers;
    if (status >= 200 && status <= 299) {
        m_body = std::move(body);
        m_streamedBytes = m_sunkBytes;
        finishOk();
        return;
    }
    m_body = body;
    if (status == 401 && m_request.authenticated) {
        if (!m_replayedAfter401) {
            // One single-flight re-authentication for the whole connection, then one replay.
            m_replayedAfter401 = true;
            m_transport->d->keeper->unauthorized(m_tokenUsed, this, sendWhenAnswered(Pacing::PaceAgain));
            return;
        }
    }
    const QByteArray retryAfter =
        (status == 429 || status == 503) ? lowerHeader(headers, "retry-after") : QByteArray();
    handleFailure({FailureKind::HttpStatus, status}, httpError(m_request, status, body, contentType),
                  retryAfter);
}

bool TransportReply::holdForProxy(const ApiError &error)
{
    // The proxy refused the request, so Anaplan never saw it (even a POST that starts a task): when the
    // connection holds requests (the desktop app), it waits while the user is asked for the proxy's
    // credentials and is sent once more after them. Only once: a proxy that refuses again ends it.
    if (!m_request.authenticated || m_replayedAfter407 || !m_transport->d->keeper->holdsOnRejection())
        return false;
    m_replayedAfter407 = true;
    m_transport->d->keeper->proxyRefused(error, this, sendWhenAnswered(Pacing::PaceAgain));
    return true;
}

TokenKeeper::Callback TransportReply::sendWhenAnswered(Pacing pacing)
{
    // The token keeper's answer: a token → the request goes on the wire (a replay after a 401 or a proxy's
    // 407 passes the pacer once more; a first attempt already did); an error → the request ends with it.
    return [this, pacing](const QByteArray &token, const ApiError &error) {
        if (m_finished)
            return;
        if (error.isError()) {
            ApiError failure = error;
            failure.object = objectForMessage(m_request);
            finishWith(failure);
            return;
        }
        if (pacing == Pacing::AlreadyPaced) {
            sendWire(token);
            return;
        }
        m_transport->d->pacer->whenClear(this, [this, token]() {
            if (!m_finished)
                sendWire(token);
        });
    };
}

void TransportReply::handleFailure(const Failure &failure, const ApiError &error,
                                   const QByteArray &retryAfter)
{
    const ClientOptions &options = m_transport->options();
    if (!shouldRetry(failure, m_request.idempotency) || m_retries + 1 >= maxAttempts(options)) {
        if (failure.kind != FailureKind::HttpStatus && m_request.idempotency == Idempotency::NotRepeatable &&
            failure.kind != FailureKind::NotSent && failure.kind != FailureKind::Fatal) {
            // The request may have been applied: say so, the caller reconciles (e.g. lists tasks).
            ApiError ambiguous = error;
            ambiguous.hint = tr("The request may or may not have been carried out by the server; it was not "
                                "re-sent automatically. Check its result before trying again.");
            finishWith(ambiguous);
            return;
        }
        finishWith(error);
        return;
    }
    ++m_retries;
    const Backoff backoff(options, m_transport->d->uniform01);
    const std::optional<qint64> retryAfterMs =
        retryAfter.isEmpty() ? std::nullopt : parseRetryAfter(retryAfter, clock().nowMs());
    const bool rateLimited = failure.kind == FailureKind::HttpStatus && failure.httpStatus == 429;
    const qint64 delay = backoff.delayMs(m_retries, retryAfterMs, rateLimited);
    if (rateLimited) {
        m_transport->d->pacer->pauseFor(delay);
        Q_EMIT m_transport->rateLimited(int(delay));
    }
    qCInfo(lcNet).noquote() << QStringLiteral("request #%1 %2 %3 failed (%4), retry %5 of %6 in %7 ms")
                                   .arg(m_serial)
                                   .arg(QString::fromLatin1(m_request.method), urlForLog(m_request.url),
                                        categoryName(error.category))
                                   .arg(m_retries)
                                   .arg(maxAttempts(options) - 1)
                                   .arg(delay);
    Q_EMIT retrying(m_retries + 1, int(delay), error);
    if (m_finished) // a receiver aborted us from the signal
        return;
    m_retryTimer = clock().singleShot(delay, this, [this]() { attempt(); });
}

void TransportReply::abort()
{
    if (m_finished)
        return;
    m_stopping = true;
    if (m_wire) {
        QNetworkReply *wire = m_wire.data();
        m_wire = nullptr;
        wire->disconnect(this);
        wire->abort();
        wire->deleteLater();
    }
    m_stopping = false;
    finishWith(cancelledError(m_request));
}

void TransportReply::detach()
{
    abort();
    m_transport = nullptr;
}

void TransportReply::finishWith(const ApiError &error)
{
    if (m_finished)
        return;
    m_error = error;
    if (m_error.httpStatus == 0)
        m_error.httpStatus = m_httpStatus;
    if (m_error.category == ErrorCategory::None) {
        m_error.category = ErrorCategory::Protocol;
        m_error.message = tr("The request failed for an unknown reason");
    }
    if (error.category != ErrorCategory::Cancelled)
        qCInfo(lcNet).noquote()
            << QStringLiteral("request #%1 failed: %2").arg(m_serial).arg(m_error.toString());
    finishOk();
}

void TransportReply::finishOk()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_transport) {
        clock().cancel(m_retryTimer);
        clock().cancel(m_idleTimer);
        m_retryTimer = m_idleTimer = 0;
        m_transport->d->live.removeAll(QPointer<TransportReply>(this));
    }
    Q_EMIT finished();
}

} // namespace anadesk
