#pragma once
// The sandbox's own HTTP/1.1 server on QTcpServer: one thread per connection (handlers may block, e.g. an
// injected latency), keep-alive, 100-continue, Content-Length and chunked request bodies, streamed
// responses with back-pressure, and the wire-level faults of FaultInjector. Why not QHttpServer: it never
// answers 100-continue and accepts large PUTs slowly (docs/sandbox.md).
#include "HttpMessage.h"

#include <QTcpServer>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;
class QTimer;

namespace sandbox {

class FaultInjector;
class RequestLog;

struct HttpServerOptions
{
    int idleTimeoutMs = 60'000; // keep-alive wait for the next request, and any stall mid-request
    qint64 maxRequestBody = 64LL * 1024 * 1024; // larger bodies get 413
    int maxHeadBytes = 64 * 1024;               // request line + headers; larger gets 431
    int hangLimitMs = 10 * 60'000; // a hang fault without "ms" holds the socket at most this long
    int maxConnections = 1'000;    // beyond this, new connections get 503 and are closed
};

// What the server asks of its owner, on connection threads (so every hook must be thread-safe).
struct HttpServerHooks
{
    std::function<HttpResponse(HttpRequest &)> dispatch;       // route the request and run its handler
    std::function<bool(const HttpRequest &)> isControlRequest; // no faults, not logged (the admin API)
    std::function<void(const HttpRequest &)> expireToken;      // for the expire-token fault
    FaultInjector *faults = nullptr;                           // optional
    RequestLog *log = nullptr;                                 // optional
};

class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    HttpServer(HttpServerOptions options, HttpServerHooks hooks, QObject *parent = nullptr);
    ~HttpServer() override;

    // Stops accepting, makes every connection thread finish (hanging ones too) and joins them. False when a
    // thread is still inside a handler after 10 s: it is then left running (the caller should exit at once).
    bool stop();
    int connectionCount() const;

    struct Shared; // state the connection threads share with the server

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void reapFinishedThreads();

    std::shared_ptr<Shared> m_shared;
    std::vector<std::unique_ptr<QThread>> m_threads;
    QTimer *m_reapTimer = nullptr;
};

} // namespace sandbox
