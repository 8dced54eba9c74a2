#pragma once
// A tiny forward HTTP proxy on loopback for tests that must prove the app's proxy settings reach the wire:
// it forwards plain-HTTP requests in absolute form ("GET http://127.0.0.1:port/path HTTP/1.1") to their
// origin, counts them, and can demand Basic proxy credentials (407 + Proxy-Authenticate otherwise). It runs
// on its own thread, so a test may wait on it with QTRY_* or block without starving it. CONNECT (HTTPS)
// is refused with 501: the tests talk to anadesk-sandbox over plain HTTP.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

namespace anadesk::test {

class LoopbackHttpProxy
{
public:
    LoopbackHttpProxy();
    ~LoopbackHttpProxy();
    LoopbackHttpProxy(const LoopbackHttpProxy &) = delete;
    LoopbackHttpProxy &operator=(const LoopbackHttpProxy &) = delete;

    // Demand "Proxy-Authorization: Basic base64(user:password)"; empty user = no authentication.
    void requireCredentials(const QString &user, const QString &password);
    // Mid-session change (the proxy's credentials were set up or changed): once `forwardedRequests` requests
    // have been forwarded, every further request must carry these credentials instead (407 otherwise), on every
    // connection, open ones included. Callable before start() or while running; forwardedCount() = "from now on".
    void requireCredentialsAfter(int forwardedRequests, const QString &user, const QString &password);
    // Listens on 127.0.0.1 (a free port); false when it could not.
    bool start();
    quint16 port() const;

    // Requests forwarded to their origin (after any authentication).
    int forwardedCount() const;
    // Requests answered 407 (missing or wrong credentials).
    int rejectedCount() const;
    // "METHOD path" of every forwarded request, oldest first.
    QStringList forwarded() const;
    void reset();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace anadesk::test
