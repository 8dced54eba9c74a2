#pragma once
// One client connection of HttpServer, run on its own thread with a blocking QTcpSocket: reads requests
// one after another (keep-alive), hands each to the dispatch hook and writes the response, applying the
// fault that the FaultInjector picked for that request. Internal to the http/ folder.
#include "FaultRule.h"
#include "HttpParsing.h"
#include "HttpServer.h"
#include "RequestLog.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <functional>
#include <optional>

namespace sandbox {

struct HttpServer::Shared
{
    HttpServerOptions options;
    HttpServerHooks hooks;
    std::atomic<bool> stopping{false};
    std::atomic<int> activeConnections{0};
    mutable std::atomic<qint64> connectionsAccepted{0}; // numbers the connections for the request log
};

class HttpConnection
{
public:
    HttpConnection(const HttpServer::Shared &shared, qintptr descriptor);
    void run();

    // Closes a connection the server will not serve (shutting down, or too many connections).
    static void refuse(qintptr descriptor, bool tooMany);

private:
    enum class ReadResult
    {
        Ok,
        Timeout,
        Closed,
        Stopping,
        TooLarge,
        Malformed
    };

    bool serveOne(); // false: the connection is done
    ReadResult readHead(QByteArray *head, bool *receivedAnything);
    ReadResult readBody(const http::BodyFraming &framing, qint64 stopAfter, QByteArray *body,
                        QString *problem);
    ReadResult readChunkedBody(qint64 stopAfter, QByteArray *body, QString *problem);
    ReadResult readLine(QByteArray *line, int maxLength);
    ReadResult readInto(char *destination, qint64 size);
    ReadResult fillBuffer(int timeoutMs);
    ReadResult waitReadable(int timeoutMs);
    qsizetype buffered() const { return m_buffer.size() - m_bufferPos; }
    void consume(qsizetype size);

    // Response side. Each returns false when the client went away or the server stops.
    bool writeAll(const char *data, qint64 size);
    bool writeAll(const QByteArray &data) { return writeAll(data.constData(), data.size()); }
    bool drainTo(qint64 highWater);
    using BeforeSending = std::function<void(int status, qint64 plannedBytes)>;
    QString writeResponse(const HttpRequest &request, HttpResponse response,
                          const std::optional<FaultRule> &fault, bool keepAlive, int *statusSent,
                          const BeforeSending &beforeSending = {});
    bool writeBody(HttpResponse &response, qint64 limit);
    HttpResponse errorResponse(int status, const QString &message, const QString &path = {}) const;
    void sendErrorAndClose(int status, const QString &message, const QString &path = {});

    void abortiveClose();  // RST
    void lingeringClose(); // FIN, then read and discard what the client still sends, briefly
    void holdOpen(int ms); // the hang fault
    bool sleepUnlessStopping(int ms);

    const HttpServer::Shared &m_shared;
    QTcpSocket m_socket;
    qintptr m_descriptor;
    QByteArray m_buffer; // bytes read but not yet consumed, starting at m_bufferPos
    qsizetype m_bufferPos = 0;
    qint64 m_consumed = 0; // request bytes consumed on this connection (for bytesIn)
    qint64 m_written = 0;  // response bytes written on this connection (for bytesOut)
    bool m_closed = false;
    RequestRecord m_record;
    int m_minorVersion = 1;
    qint64 m_connectionId = 0;
};

} // namespace sandbox
