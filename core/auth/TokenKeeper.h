#pragma once
// The token of one connection and its lifecycle (owned by Transport):
//  * acquire(): hands out the current token; none yet → signs in while callers wait in a queue;
//  * proactive refresh: from expiresAt − min(5 min, 20 % of the token's life) on, the next request
//    triggers one background POST {auth}/token/refresh (requests keep using the still-valid token);
//    a refresh rejected with 401 silently falls back to one full sign-in;
//  * unauthorized(): a request got 401 → ONE single-flight re-authentication; every other request
//    that gets 401 meanwhile joins the queue; all are answered with the new token (the transport
//    replays each once);
//  * rejected credentials (the auth endpoint answered 401): credentialsRejected is emitted once,
//    every waiting and later request fails with Auth, and nothing is retried (account lock-out)
//    until setAuthenticator() installs new credentials.
//  * optionally (setHoldOnRejection, used by the desktop app) requests are HELD instead of failed
//    after a rejection, while the user is asked once for the secret: setAuthenticator() then signs in
//    with the new credentials and the held requests are answered (the transport replays each once);
//    releaseHeld() fails them with the rejection (the user cancelled, or the new secret was refused).
//    A proxy that refuses a request (407) is held the same way (proxyRefused): the user is asked for the
//    proxy's credentials, and setAuthenticator() signs in through the proxy again.
#include "Authenticator.h"
#include "net/Clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace anadesk {

class TokenKeeper : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QByteArray &token, const ApiError &error)>;

    explicit TokenKeeper(Transport &transport);
    ~TokenKeeper() override;

    void setAuthenticator(std::shared_ptr<Authenticator> authenticator);
    Authenticator *authenticator() const { return m_authenticator.get(); }

    // `done` runs right away when a token is at hand, otherwise later; never if `context` dies.
    void acquire(QObject *context, Callback done);
    // The request that used `usedToken` was answered 401.
    void unauthorized(const QByteArray &usedToken, QObject *context, Callback done);
    // The proxy refused a request (407, `error`): it never reached Anaplan. With holding on, the request
    // waits like after rejected credentials (credentialsRejected(error) once, with httpStatus 407) and is
    // answered after setAuthenticator() — new proxy credentials — or failed by releaseHeld(); otherwise it
    // fails now.
    void proxyRefused(const ApiError &error, QObject *context, Callback done);

    // Off by default. See the header comment: hold requests after a rejection instead of failing them.
    void setHoldOnRejection(bool hold) { m_holdOnRejection = hold; }
    bool holdsOnRejection() const { return m_holdOnRejection; }
    // True while requests are held after a rejection (until setAuthenticator() or releaseHeld()).
    bool isHolding() const { return m_holding; }
    int heldCount() const { return m_holding ? int(m_waiters.size()) : 0; }
    // Fails every held request with the rejection; later requests fail at once until setAuthenticator().
    void releaseHeld();

    bool hasToken() const { return m_token.isValid(); }
    qint64 expiresAtMs() const { return m_token.expiresAtMs; }
    qint64 refreshDueAtMs() const { return m_refreshAtMs; }
    int signInCount() const { return m_signIns; }
    int refreshCount() const { return m_refreshes; }

Q_SIGNALS:
    void credentialsRejected(const anadesk::ApiError &error);

private:
    enum class Flight
    {
        None,
        SigningIn,
        Refreshing
    };
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };

    void setToken(const AuthToken &token);
    void clearToken();
    void startSignIn();
    void startRefresh(bool foreground);
    void onSignInDone(quint64 generation, const AuthToken &token, const ApiError &error);
    void releaseWaiters(const QByteArray &token, const ApiError &error);
    void reject(const ApiError &error);
    ApiError noAuthenticatorError() const;

    Transport &m_transport;
    std::shared_ptr<Authenticator> m_authenticator;
    AuthToken m_token;
    qint64 m_refreshAtMs = 0;  // 0: no proactive refresh (expiry unknown)
    qint64 m_hardExpiryMs = 0; // after this the token is treated as expired; 0: unknown
    bool m_refreshFailedForThisToken = false;
    Flight m_flight = Flight::None;
    bool m_backgroundRefresh = false;
    quint64 m_generation = 0; // bumps on every new flight or authenticator; stale answers are dropped
    std::optional<ApiError> m_rejected;
    bool m_holdOnRejection = false;
    bool m_holding = false; // rejected, and waiters are kept for new credentials
    QList<Waiter> m_waiters;
    int m_signIns = 0;
    int m_refreshes = 0;
};

} // namespace anadesk
