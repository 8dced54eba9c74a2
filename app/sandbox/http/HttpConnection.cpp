#include "HttpConnection.h"

#include "FaultInjector.h"
#include "SocketControl.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QLocale>
#include <QThread>
#include <cstring>
#include <exception>

namespace sandbox {

namespace {

constexpr int kSliceMs = 200;            // every wait looks at `stopping` at least this often
constexpr qint64 kWriteSlice = 1 << 20;  // bytes handed to the socket at once
constexpr qint64 kHighWater = 2 << 20;   // bytes queued in user space before waiting for the kernel
constexpr qint64 kReadBlock = 64 * 1024; // head/chunk-line reads; bodies are read in place
constexpr qsizetype kCompactThreshold = 64 * 1024;

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

bool headerHasToken(const QByteArray &value, const QByteArray &token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray jsonValueBytes(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

HttpResponse injectedStatus(const FaultRule &rule, const HttpRequest &request)
{
    HttpResponse response;
    if (rule.body.isUndefined()) {
        response = HttpResponse::v2Error(
            rule.status,
            QStringLiteral("Injected fault (rule %1): %2")
                .arg(QString::number(rule.id), QString::fromLatin1(http::reasonPhrase(rule.status))),
            request.path());
    } else if (rule.body.isString()) {
        response =
            HttpResponse::bytes(rule.status, rule.body.toString().toUtf8(), "text/plain;charset=UTF-8");
    } else {
        response = HttpResponse::bytes(rule.status, jsonValueBytes(rule.body), "application/json");
    }
    if (!rule.retryAfter.isEmpty())
        response.setHeader("Retry-After", rule.retryAfter);
    return response;
}

} // namespace

HttpConnection::HttpConnection(const HttpServer::Shared &shared, qintptr descriptor)
    : m_shared(shared)
    , m_descriptor(descriptor)
{
    m_connectionId = shared.connectionsAccepted.fetch_add(1) + 1;
    if (m_socket.setSocketDescriptor(descriptor))
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

void HttpConnection::refuse(qintptr descriptor, bool tooMany)
{
    QTcpSocket socket;
    if (!socket.setSocketDescriptor(descriptor))
        return;
    if (tooMany) {
        const QByteArray body =
            R"({"status":{"code":503,"message":"anadesk-sandbox: too many connections"}})";
        socket.write(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nConnection: close\r\n"
            "Retry-After: 1\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket.waitForBytesWritten(200);
    }
    socket.abort();
}

void HttpConnection::run()
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    while (!m_closed && !m_shared.stopping.load()) {
        if (!serveOne())
            break;
    }
    if (!m_closed) {
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(1'000);
        m_socket.abort();
        m_closed = true;
    }
}

bool HttpConnection::serveOne()
{
    const HttpServerHooks &hooks = m_shared.hooks;
    const HttpServerOptions &options = m_shared.options;
    m_record = RequestRecord();
    m_record.connection = m_connectionId;
    const qint64 consumedAtStart = m_consumed;
    const qint64 writtenAtStart = m_written;
    QElapsedTimer timer;
    bool control = false;
    qint64 loggedSequence = 0; // set when the record was logged before the response went out
    auto finishRecord = [&](const QString &outcome) {
        m_record.outcome = outcome;
        m_record.bytesIn = m_consumed - consumedAtStart;
        m_record.bytesOut = m_written - writtenAtStart;
        m_record.durationMs = timer.isValid() ? timer.elapsed() : 0;
        if (!hooks.log || control)
            return;
        if (loggedSequence == 0)
            hooks.log->append(m_record);
        else if (outcome != QLatin1String("complete"))
            hooks.log->amend(loggedSequence, m_record); // the planned answer did not get through
    };
    // A normal answer is logged just before its first byte is sent, so a client that has read the answer
    // always finds it in /__sandbox/requests (no race between the client and this thread).
    auto logBeforeSending = [&](int status, qint64 plannedBytes) {
        if (!hooks.log || control)
            return;
        m_record.status = status;
        m_record.outcome = QStringLiteral("complete");
        m_record.bytesIn = m_consumed - consumedAtStart;
        m_record.bytesOut = m_written - writtenAtStart + plannedBytes;
        m_record.durationMs = timer.elapsed();
        loggedSequence = hooks.log->append(m_record);
    };

    QByteArray headBytes;
    bool receivedAnything = false;
    ReadResult result = readHead(&headBytes, &receivedAnything);
    if (result != ReadResult::Ok) {
        if (result == ReadResult::TooLarge) {
            timer.start();
            m_record.timestampMs = QDateTime::currentMSecsSinceEpoch();
            sendErrorAndClose(
                431,
                QStringLiteral("The request line and headers exceed %1 bytes.").arg(options.maxHeadBytes));
            finishRecord(QStringLiteral("bad-request"));
        }
        return false; // idle timeout, client closed, or shutting down: end quietly
    }
    timer.start();
    m_record.timestampMs = QDateTime::currentMSecsSinceEpoch();

    http::RequestHead head;
    HttpRequest request;
    request.peer = m_socket.peerAddress();
    QString problem = http::parseRequestHead(headBytes, &head);
    if (problem.isEmpty())
        problem = http::splitTarget(head.target, &request.segments, &request.query);
    http::BodyFraming framing;
    if (problem.isEmpty())
        problem = http::bodyFraming(head, &framing);
    m_record.method = head.method;
    if (!problem.isEmpty()) {
        m_record.path = QString::fromLatin1(head.target.left(200));
        sendErrorAndClose(400, QStringLiteral("Malformed HTTP request: %1.").arg(problem));
        finishRecord(QStringLiteral("bad-request"));
        return false;
    }
    request.method = head.method;
    request.target = head.target;
    request.headers = head.headers;
    m_minorVersion = head.minorVersion;
    m_record.path = request.path();
    const qsizetype queryStart = head.target.indexOf('?');
    if (queryStart >= 0)
        m_record.query = head.target.mid(queryStart + 1);

    control = hooks.isControlRequest && hooks.isControlRequest(request);
    std::optional<FaultRule> fault;
    if (!control && hooks.faults)
        fault = hooks.faults->take(request.method, request.segments);
    if (fault) {
        m_record.fault = FaultRule::kindName(fault->kind);
        m_record.faultRuleId = fault->id;
    }

    if (framing.kind == http::BodyFraming::Length && framing.length > options.maxRequestBody) {
        sendErrorAndClose(413,
                          QStringLiteral("The request body of %1 bytes exceeds the sandbox's limit of %2 "
                                         "bytes (--max-request-body).")
                              .arg(framing.length)
                              .arg(options.maxRequestBody),
                          request.path());
        finishRecord(QStringLiteral("too-large"));
        return false;
    }

    const bool requestPhaseFault = fault &&
                                   (fault->kind == FaultKind::Reset || fault->kind == FaultKind::Hang) &&
                                   fault->phase == FaultPhase::Request;
    const qint64 stopAfter = requestPhaseFault ? qMax<qint64>(0, fault->afterBytes) : -1;
    const bool expectsContinue = head.minorVersion == 1 && framing.kind != http::BodyFraming::None &&
                                 headerHasToken(head.headers.value("expect"), "100-continue");
    // Answer 100-continue at once, so curl and QNAM send large bodies without their 1 s wait. A fault that
    // cuts the request before any body byte stays silent instead.
    if (expectsContinue && !(requestPhaseFault && stopAfter == 0)) {
        if (!writeAll(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n")) || !drainTo(0)) {
            finishRecord(QStringLiteral("client-gone"));
            return false;
        }
    }

    result = readBody(framing, stopAfter, &request.body, &problem);
    switch (result) {
    case ReadResult::Ok:
        break;
    case ReadResult::TooLarge:
        sendErrorAndClose(413, problem, request.path());
        finishRecord(QStringLiteral("too-large"));
        return false;
    case ReadResult::Malformed:
        sendErrorAndClose(400, QStringLiteral("Malformed HTTP request body: %1.").arg(problem),
                          request.path());
        finishRecord(QStringLiteral("bad-request"));
        return false;
    case ReadResult::Timeout:
        finishRecord(QStringLiteral("timeout"));
        return false;
    case ReadResult::Closed:
    case ReadResult::Stopping:
        finishRecord(QStringLiteral("client-gone"));
        return false;
    }

    if (requestPhaseFault) {
        if (fault->kind == FaultKind::Reset) {
            abortiveClose();
            finishRecord(QStringLiteral("reset"));
        } else {
            holdOpen(fault->ms);
            finishRecord(QStringLiteral("hang"));
        }
        return false;
    }
    if (fault && fault->kind == FaultKind::Latency && !sleepUnlessStopping(fault->ms)) {
        finishRecord(QStringLiteral("client-gone"));
        return false;
    }
    if (fault && fault->kind == FaultKind::ExpireToken && hooks.expireToken)
        hooks.expireToken(request);

    HttpResponse response;
    if (fault && fault->kind == FaultKind::Status) {
        response = injectedStatus(*fault, request);
    } else {
        try {
            response = hooks.dispatch(request);
        } catch (const std::exception &error) {
            response = errorResponse(500,
                                     QStringLiteral("The sandbox failed while handling %1 %2: %3")
                                         .arg(QString::fromLatin1(request.method), request.path(),
                                              QString::fromUtf8(error.what())),
                                     request.path());
        }
    }
    m_record.user = request.user;

    const QByteArray connectionHeader = head.headers.value("connection");
    bool keepAlive = head.minorVersion == 1 ? !headerHasToken(connectionHeader, "close")
                                            : headerHasToken(connectionHeader, "keep-alive");
    if (headerHasToken(response.header("Connection"), "close"))
        keepAlive = false;
    if (m_shared.stopping.load())
        keepAlive = false;

    const QString outcome =
        writeResponse(request, std::move(response), fault, keepAlive, &m_record.status, logBeforeSending);
    finishRecord(outcome);
    if (outcome != QLatin1String("complete"))
        return false;
    if (!keepAlive) {
        lingeringClose();
        return false;
    }
    return true;
}

// ---- reading ---------------------------------------------------------------------------------------

HttpConnection::ReadResult HttpConnection::waitReadable(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0)
        return ReadResult::Ok;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_shared.stopping.load())
            return ReadResult::Stopping;
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return m_socket.bytesAvailable() > 0 ? ReadResult::Ok : ReadResult::Closed;
        const int slice = int(qBound(qint64(0), deadline.remainingTime(), qint64(kSliceMs)));
        m_socket.waitForReadyRead(slice);
        if (m_socket.bytesAvailable() > 0)
            return ReadResult::Ok;
        if (deadline.hasExpired())
            return ReadResult::Timeout;
    }
}

void HttpConnection::consume(qsizetype size)
{
    m_bufferPos += size;
    m_consumed += size;
    if (m_bufferPos >= m_buffer.size()) {
        m_buffer.clear();
        m_bufferPos = 0;
    }
}

HttpConnection::ReadResult HttpConnection::fillBuffer(int timeoutMs)
{
    if (m_bufferPos > kCompactThreshold) {
        m_buffer.remove(0, m_bufferPos);
        m_bufferPos = 0;
    }
    const ReadResult ready = waitReadable(timeoutMs);
    if (ready != ReadResult::Ok)
        return ready;
    const qsizetype oldSize = m_buffer.size();
    const qint64 want = qMin(m_socket.bytesAvailable(), kReadBlock);
    m_buffer.resize(oldSize + want);
    const qint64 got = m_socket.read(m_buffer.data() + oldSize, want);
    m_buffer.resize(oldSize + qMax<qint64>(0, got));
    return got > 0 ? ReadResult::Ok : ReadResult::Closed;
}

HttpConnection::ReadResult HttpConnection::readHead(QByteArray *head, bool *receivedAnything)
{
    const int maxHead = m_shared.options.maxHeadBytes;
    qsizetype searchFrom = 0; // relative to m_bufferPos
    for (;;) {
        // RFC 9112 §2.2: ignore empty lines before a request line (some clients send CRLF after a body).
        while (buffered() > 0 && (m_buffer.at(m_bufferPos) == '\r' || m_buffer.at(m_bufferPos) == '\n')) {
            consume(1);
            searchFrom = 0;
        }
        if (buffered() > 0)
            *receivedAnything = true;
        const qsizetype from = m_bufferPos + qMax<qsizetype>(0, searchFrom - 3);
        qsizetype end = m_buffer.indexOf("\r\n\r\n", from);
        qsizetype endLength = 4;
        const qsizetype bareEnd = m_buffer.indexOf("\n\n", from);
        if (bareEnd >= 0 && (end < 0 || bareEnd < end)) {
            end = bareEnd;
            endLength = 2;
        }
        if (end >= 0) {
            const qsizetype length = end + endLength - m_bufferPos;
            if (length > maxHead)
                return ReadResult::TooLarge;
            *head = m_buffer.mid(m_bufferPos, length);
            consume(length);
            return ReadResult::Ok;
        }
        if (buffered() > maxHead)
            return ReadResult::TooLarge;
        searchFrom = buffered();
        const ReadResult filled = fillBuffer(m_shared.options.idleTimeoutMs);
        if (filled != ReadResult::Ok)
            return filled;
    }
}

HttpConnection::ReadResult HttpConnection::readInto(char *destination, qint64 size)
{
    qint64 done = qMin<qint64>(size, buffered());
    if (done > 0) {
        std::memcpy(destination, m_buffer.constData() + m_bufferPos, size_t(done));
        consume(qsizetype(done));
    }
    while (done < size) {
        const ReadResult ready = waitReadable(m_shared.options.idleTimeoutMs);
        if (ready != ReadResult::Ok)
            return ready;
        const qint64 got = m_socket.read(destination + done, size - done);
        if (got <= 0)
            return ReadResult::Closed;
        done += got;
        m_consumed += got;
    }
    return ReadResult::Ok;
}

HttpConnection::ReadResult HttpConnection::readLine(QByteArray *line, int maxLength)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_bufferPos);
        if (newline >= 0) {
            *line = m_buffer.mid(m_bufferPos, newline - m_bufferPos);
            if (line->endsWith('\r'))
                line->chop(1);
            consume(newline - m_bufferPos + 1);
            return ReadResult::Ok;
        }
        if (buffered() > maxLength)
            return ReadResult::TooLarge;
        const ReadResult filled = fillBuffer(m_shared.options.idleTimeoutMs);
        if (filled != ReadResult::Ok)
            return filled;
    }
}

HttpConnection::ReadResult HttpConnection::readBody(const http::BodyFraming &framing, qint64 stopAfter,
                                                    QByteArray *body, QString *problem)
{
    switch (framing.kind) {
    case http::BodyFraming::None:
        body->clear();
        return ReadResult::Ok;
    case http::BodyFraming::Length: {
        const qint64 target = stopAfter >= 0 ? qMin(framing.length, stopAfter) : framing.length;
        // One allocation of the announced size, filled in place: no growing, no copies.
        *body = QByteArray(qsizetype(target), Qt::Uninitialized);
        return readInto(body->data(), target);
    }
    case http::BodyFraming::Chunked:
        return readChunkedBody(stopAfter, body, problem);
    }
    return ReadResult::Malformed;
}

HttpConnection::ReadResult HttpConnection::readChunkedBody(qint64 stopAfter, QByteArray *body,
                                                           QString *problem)
{
    body->clear();
    QByteArray line;
    for (;;) {
        ReadResult result = readLine(&line, 4'096);
        if (result == ReadResult::TooLarge) {
            *problem = QStringLiteral("a chunk-size line is longer than 4096 bytes");
            return ReadResult::Malformed;
        }
        if (result != ReadResult::Ok)
            return result;
        const qint64 size = http::parseChunkSize(line);
        if (size < 0) {
            *problem =
                QStringLiteral("malformed chunk-size line '%1'").arg(QString::fromLatin1(line.left(40)));
            return ReadResult::Malformed;
        }
        if (size == 0) {
            for (;;) { // trailer fields, ignored, up to the empty line
                result = readLine(&line, 8'192);
                if (result == ReadResult::TooLarge) {
                    *problem = QStringLiteral("a trailer line is longer than 8192 bytes");
                    return ReadResult::Malformed;
                }
                if (result != ReadResult::Ok)
                    return result;
                if (line.isEmpty())
                    return ReadResult::Ok;
            }
        }
        const qint64 old = body->size();
        if (old + size > m_shared.options.maxRequestBody) {
            *problem = QStringLiteral("The chunked request body exceeds the sandbox's limit of %1 bytes "
                                      "(--max-request-body).")
                           .arg(m_shared.options.maxRequestBody);
            return ReadResult::TooLarge;
        }
        const qint64 take = stopAfter >= 0 ? qMin(size, qMax<qint64>(0, stopAfter - old)) : size;
        body->resize(qsizetype(old + take)); // QByteArray grows geometrically: linear overall
        result = readInto(body->data() + old, take);
        if (result != ReadResult::Ok || take < size)
            return result;
        result = readLine(&line, 2);
        if (result == ReadResult::TooLarge || (result == ReadResult::Ok && !line.isEmpty())) {
            *problem = QStringLiteral("chunk data is not followed by CRLF (chunk size and data disagree)");
            return ReadResult::Malformed;
        }
        if (result != ReadResult::Ok)
            return result;
        if (stopAfter >= 0 && body->size() >= stopAfter)
            return ReadResult::Ok;
    }
}

// ---- writing ---------------------------------------------------------------------------------------

bool HttpConnection::drainTo(qint64 highWater)
{
    QDeadlineTimer stall(m_shared.options.idleTimeoutMs);
    qint64 last = m_socket.bytesToWrite();
    while (m_socket.bytesToWrite() > highWater) {
        if (m_shared.stopping.load() || m_socket.state() != QAbstractSocket::ConnectedState)
            return false;
        m_socket.waitForBytesWritten(kSliceMs);
        const qint64 now = m_socket.bytesToWrite();
        if (now < last) {
            last = now;
            stall.setRemainingTime(m_shared.options.idleTimeoutMs);
        } else if (stall.hasExpired()) {
            return false; // the client stopped reading for longer than the idle timeout
        }
    }
    return true;
}

bool HttpConnection::writeAll(const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 piece = qMin(size, kWriteSlice);
        if (m_socket.state() != QAbstractSocket::ConnectedState || m_socket.write(data, piece) != piece)
            return false;
        m_written += piece;
        data += piece;
        size -= piece;
        if (!drainTo(kHighWater)) // back-pressure: never more than ~2 MiB queued in user space
            return false;
    }
    return true;
}

bool HttpConnection::writeBody(HttpResponse &response, qint64 limit)
{
    if (!response.bodyDevice)
        return writeAll(response.body.constData(), limit);
    QByteArray block(qsizetype(qMin(limit, kWriteSlice)), Qt::Uninitialized);
    qint64 left = limit;
    while (left > 0) {
        const qint64 got = response.bodyDevice->read(block.data(), qMin<qint64>(left, block.size()));
        if (got <= 0) {
            qWarning(
                "anadesk-sandbox: a response body source ended %lld bytes early; aborting the connection",
                static_cast<long long>(left));
            return false;
        }
        if (!writeAll(block.constData(), got))
            return false;
        left -= got;
    }
    return true;
}

QString HttpConnection::writeResponse(const HttpRequest &request, HttpResponse response,
                                      const std::optional<FaultRule> &fault, bool keepAlive, int *statusSent,
                                      const BeforeSending &beforeSending)
{
    const int status = response.status;
    const bool bodiless = status == 204 || status == 304 || (status >= 100 && status < 200);
    qint64 full = 0;
    if (!bodiless) {
        if (response.bodyDevice) {
            if (!response.bodyDevice->isOpen() && !response.bodyDevice->open(QIODevice::ReadOnly)) {
                response = errorResponse(500,
                                         QStringLiteral("The sandbox could not open the response body: %1")
                                             .arg(response.bodyDevice->errorString()),
                                         request.path());
                return writeResponse(request, std::move(response), std::nullopt, keepAlive, statusSent,
                                     beforeSending);
            }
            full = response.bodyLength >= 0 ? response.bodyLength
                                            : response.bodyDevice->size() - response.bodyDevice->pos();
        } else {
            full = response.body.size();
        }
    }

    enum class After
    {
        Nothing,
        Fin,
        Rst,
        Hang
    } after = After::Nothing;
    qint64 declared = full;
    qint64 limit = full;
    if (fault) {
        const qint64 at = fault->afterBytes;
        switch (fault->kind) {
        case FaultKind::TruncateJson:
            limit = at >= 0 ? qMin(at, full) : full / 2;
            declared = limit;
            break;
        case FaultKind::CloseMidBody:
            limit = at >= 0 ? qMin(at, full) : full / 2;
            after = After::Fin;
            break;
        case FaultKind::ShortBody:
            declared = full + fault->extraBytes;
            after = After::Fin;
            break;
        case FaultKind::Reset:
            limit = qMin(qMax<qint64>(0, at), full);
            after = After::Rst;
            break;
        case FaultKind::Hang:
            limit = qMin(qMax<qint64>(0, at), full);
            after = After::Hang;
            break;
        default:
            break;
        }
    }
    if (after != After::Nothing)
        keepAlive = false;

    QByteArray head;
    head.reserve(512);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + http::reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : std::as_const(response.headers)) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "transfer-encoding" || lower == "connection")
            continue;
        head += name + ": " + value + "\r\n";
    }
    if (!bodiless)
        head += "Content-Length: " + QByteArray::number(declared) + "\r\n";
    head += "Date: " + httpDate() + "\r\nServer: anadesk-sandbox\r\n";
    if (!keepAlive && after == After::Nothing)
        head += "Connection: close\r\n";
    else if (keepAlive && m_minorVersion == 0)
        head += "Connection: keep-alive\r\n";
    head += "\r\n";

    *statusSent = status;
    const bool sendBody = request.method != "HEAD" && limit > 0;
    if (after == After::Nothing && beforeSending)
        beforeSending(status, head.size() + (sendBody ? limit : 0));
    if (!writeAll(head) || (sendBody && !writeBody(response, limit))) {
        abortiveClose();
        return QStringLiteral("client-gone");
    }
    switch (after) {
    case After::Nothing:
        if (!drainTo(0)) {
            abortiveClose();
            return QStringLiteral("client-gone");
        }
        return QStringLiteral("complete");
    case After::Fin:
        lingeringClose();
        return QStringLiteral("closed");
    case After::Rst:
        drainTo(0);
        abortiveClose();
        return QStringLiteral("reset");
    case After::Hang:
        drainTo(0);
        holdOpen(fault->ms);
        return QStringLiteral("hang");
    }
    return QStringLiteral("complete");
}

HttpResponse HttpConnection::errorResponse(int status, const QString &message, const QString &path) const
{
    return HttpResponse::v2Error(status, message, path);
}

void HttpConnection::sendErrorAndClose(int status, const QString &message, const QString &path)
{
    HttpResponse response = errorResponse(status, message, path);
    HttpRequest request; // a GET-like request: the error body is sent
    writeResponse(request, std::move(response), std::nullopt, false, &m_record.status);
    lingeringClose();
}

// ---- closing ---------------------------------------------------------------------------------------

void HttpConnection::abortiveClose()
{
    if (m_closed)
        return;
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        http::setAbortiveClose(m_socket.socketDescriptor());
    m_socket.abort();
    m_closed = true;
}

void HttpConnection::lingeringClose()
{
    if (m_closed)
        return;
    drainTo(0);
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        // FIN first, then swallow whatever the client still sends (the rest of a refused upload) until it
        // closes: closing with unread data would turn our FIN into an RST and could destroy the response.
        http::shutdownWrite(m_socket.socketDescriptor());
        const QDeadlineTimer deadline(5'000);
        char sink[16 * 1024];
        while (!deadline.hasExpired() && !m_shared.stopping.load()) {
            if (m_socket.bytesAvailable() > 0) {
                m_socket.read(sink, sizeof sink);
                continue;
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState)
                break;
            m_socket.waitForReadyRead(kSliceMs);
        }
    }
    m_socket.abort();
    m_closed = true;
}

void HttpConnection::holdOpen(int ms)
{
    const QDeadlineTimer deadline(ms > 0 ? ms : m_shared.options.hangLimitMs);
    const qintptr descriptor = m_socket.socketDescriptor();
    // Neither read nor write: the client sees a silent server until its own timeout makes it close.
    while (!deadline.hasExpired() && !m_shared.stopping.load()) {
        if (http::peerHasClosed(descriptor))
            break;
        QThread::msleep(100);
    }
    m_socket.abort();
    m_closed = true;
}

bool HttpConnection::sleepUnlessStopping(int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        if (m_shared.stopping.load())
            return false;
        QThread::msleep(quint64(qBound(qint64(1), deadline.remainingTime(), qint64(50))));
    }
    return true;
}

} // namespace sandbox
