#pragma once
// The one way core sends HTTP. Owns (or is given) the QNetworkAccessManager of a connection and
// applies, in order: shared pacing (a 429 slows every request of the connection), the token
// (single-flight re-authentication on 401, then one replay), timeouts, the retry table with
// exponential back-off + jitter + Retry-After, and redacted logging. Jobs never touch QNAM.
#include "ApiReply.h"
#include "ApiRequest.h"
#include "ClientOptions.h"
#include "Endpoints.h"

#include <QObject>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace anadesk {

class Authenticator; // core/auth/Authenticator.h
class Clock;         // core/net/Clock.h: injectable time and timers for tests

class Transport : public QObject
{
    Q_OBJECT
public:
    Transport(const Endpoints &endpoints, const ClientOptions &options, QObject *parent = nullptr);
    ~Transport() override;

    const Endpoints &endpoints() const;
    const ClientOptions &options() const;
    void setOptions(const ClientOptions &options);

    // Without an authenticator requests marked `authenticated` fail with an Auth error.
    void setAuthenticator(std::shared_ptr<Authenticator> authenticator);
    Authenticator *authenticator() const;

    // Tests inject a fake QNAM (scripted replies) and a fake clock (no wall-clock sleeps).
    void setNetworkAccessManager(QNetworkAccessManager *manager); // not owned
    QNetworkAccessManager *networkAccessManager() const;
    void setClock(std::shared_ptr<Clock> clock);
    Clock &clock() const;

    // Starts the request (asynchronously: nothing happens before the caller's code returns to the
    // event loop, so connecting to finished() right after send() is always in time); the caller
    // owns the reply. finished() is emitted exactly once, also on abort() (Cancelled).
    ApiReply *send(const ApiRequest &request);

    // After rejected credentials, hold the waiting and later authenticated requests (instead of failing
    // them) until setAuthenticator() brings new credentials — each is then replayed once — or until
    // releaseHeldRequests() fails them. Off by default; the desktop app asks the user once meanwhile.
    void setHoldOnRejection(bool hold);
    void releaseHeldRequests();
    int heldRequestCount() const;

    // Tests: a deterministic source of uniform [0, 1) numbers for the back-off jitter.
    void setRandomSource(std::function<double()> uniform01);
    // While a 429 pause is active (for status displays): its end in Clock ms, else 0.
    qint64 pausedUntilMs() const;

Q_SIGNALS:
    // The stored credentials were rejected: the UI may ask once; nothing is retried in a loop.
    void credentialsRejected(const anadesk::ApiError &error);
    void rateLimited(int delayMs);

private:
    friend class TransportReply;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace anadesk
