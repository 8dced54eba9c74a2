#include "TokenKeeper.h"

#include "SecretBytes.h"
#include "TokenResponse.h"
#include "net/Logging.h"
#include "net/Redaction.h"
#include "net/Transport.h"
#include "net/UrlBuilder.h"

#include <QCoreApplication>
#include <utility>

namespace anadesk {

namespace {
constexpr qint64 kMaxRefreshLeadMs = 5 * 60 * 1000; // refresh 5 min before expiry …
constexpr qint64 kMaxExpirySafetyMs = 30 * 1000;    // … and treat the last 30 s as already expired
constexpr qint64 kMinPlausibleLifeMs = 60 * 1000;   // shorter: clock skew, rely on 401 instead
} // namespace

TokenKeeper::TokenKeeper(Transport &transport)
    : QObject(&transport)
    , m_transport(transport)
{}

TokenKeeper::~TokenKeeper()
{
    clearToken();
}

void TokenKeeper::setAuthenticator(std::shared_ptr<Authenticator> authenticator)
{
    m_authenticator = std::move(authenticator);
    ++m_generation; // answers of flights started with the old credentials are dropped
    m_flight = Flight::None;
    m_backgroundRefresh = false;
    m_rejected.reset();
    m_holding = false;
    clearToken();
    if (m_waiters.isEmpty())
        return;
    if (m_authenticator)
        startSignIn();
    else
        releaseWaiters({}, noAuthenticatorError());
}

void TokenKeeper::acquire(QObject *context, Callback done)
{
    if (m_rejected && m_holding) {
        m_waiters.append(Waiter{context, std::move(done)}); // answered after new credentials
        return;
    }
    if (m_rejected) {
        done({}, *m_rejected);
        return;
    }
    if (!m_authenticator) {
        done({}, noAuthenticatorError());
        return;
    }
    const bool foregroundFlight = m_flight != Flight::None && !m_backgroundRefresh;
    const qint64 now = m_transport.clock().nowMs();
    const bool usable = m_token.isValid() && (m_hardExpiryMs == 0 || now < m_hardExpiryMs);
    if (!foregroundFlight && usable) {
        if (m_refreshAtMs != 0 && now >= m_refreshAtMs && m_flight == Flight::None &&
            !m_refreshFailedForThisToken && m_authenticator->canRefresh())
            startRefresh(false);
        done(m_token.value, {});
        return;
    }
    m_waiters.append(Waiter{context, std::move(done)});
    if (m_flight == Flight::Refreshing) {
        m_backgroundRefresh = false; // the token ran out while refreshing: now everybody waits for it
        return;
    }
    if (m_flight != Flight::None)
        return;
    if (m_token.isValid() && now < m_token.expiresAtMs && !m_refreshFailedForThisToken &&
        m_authenticator->canRefresh())
        startRefresh(true);
    else
        startSignIn();
}

void TokenKeeper::unauthorized(const QByteArray &usedToken, QObject *context, Callback done)
{
    if (m_rejected && m_holding) {
        m_waiters.append(Waiter{context, std::move(done)});
        return;
    }
    if (m_rejected) {
        done({}, *m_rejected);
        return;
    }
    if (!m_authenticator) {
        done({}, noAuthenticatorError());
        return;
    }
    if (m_token.isValid() && m_token.value != usedToken && m_flight != Flight::SigningIn) {
        done(m_token.value, {}); // another request already renewed it
        return;
    }
    if (!m_authenticator->canReauthenticate()) {
        ApiError error;
        error.category = ErrorCategory::Auth;
        error.httpStatus = 401;
        error.object = m_authenticator->description();
        error.message = tr("Anaplan refused the token (HTTP 401)");
        error.hint = tr("The token has expired or was revoked: sign in again or enter a new token.");
        m_waiters.append(Waiter{context, std::move(done)}); // failed by reject(), or held
        reject(error);
        return;
    }
    m_waiters.append(Waiter{context, std::move(done)});
    if (m_flight == Flight::SigningIn)
        return; // single flight: join the sign-in that is already running
    qCInfo(lcAuth) << "token refused by the API; signing in again once for all waiting requests";
    clearToken();
    startSignIn(); // a refresh still in flight is for a dead token: its answer is dropped
}

void TokenKeeper::proxyRefused(const ApiError &error, QObject *context, Callback done)
{
    if (!m_holdOnRejection) {
        done({}, error);
        return;
    }
    m_waiters.append(Waiter{context, std::move(done)});
    if ((m_rejected && m_holding) || m_flight != Flight::None)
        return; // already held, or a sign-in through the same proxy is under way: it decides for everybody
    reject(error);
}

void TokenKeeper::setToken(const AuthToken &token)
{
    clearToken();
    m_token = token;
    registerSecret(m_token.value); // scrubbed from logs and messages while it lives
    const qint64 now = m_transport.clock().nowMs();
    const qint64 life = token.expiresAtMs - now;
    if (token.expiresAtMs > 0 && life >= kMinPlausibleLifeMs) {
        m_refreshAtMs = token.expiresAtMs - qMin(kMaxRefreshLeadMs, life / 5);
        m_hardExpiryMs = token.expiresAtMs - qMin(kMaxExpirySafetyMs, life / 20);
    } else {
        if (token.expiresAtMs > 0)
            qCWarning(lcAuth) << "token expiry" << life << "ms away: clock skew? relying on 401 handling";
        m_refreshAtMs = 0;
        m_hardExpiryMs = 0;
    }
    m_refreshFailedForThisToken = false;
}

void TokenKeeper::clearToken()
{
    forgetSecret(m_token.value);
    wipe(m_token.value);
    m_token = AuthToken{};
    m_refreshAtMs = 0;
    m_hardExpiryMs = 0;
}

void TokenKeeper::startSignIn()
{
    m_flight = Flight::SigningIn;
    m_backgroundRefresh = false;
    const quint64 generation = ++m_generation;
    ++m_signIns;
    qCInfo(lcAuth) << "signing in:" << m_authenticator->description();
    const std::shared_ptr<Authenticator> authenticator = m_authenticator; // alive for the whole call
    authenticator->authenticate(m_transport, this,
                                [this, generation](const AuthToken &token, const ApiError &error) {
                                    onSignInDone(generation, token, error);
                                });
}

void TokenKeeper::onSignInDone(quint64 generation, const AuthToken &token, const ApiError &error)
{
    if (generation != m_generation)
        return;
    m_flight = Flight::None;
    if (!error.isError() && token.isValid()) {
        setToken(token);
        qCInfo(lcAuth) << "signed in; token valid until" << token.expiresAtMs;
        releaseWaiters(m_token.value, {});
        return;
    }
    ApiError failure = error;
    if (!failure.isError()) {
        failure.category = ErrorCategory::Protocol;
        failure.message = tr("The sign-in produced no token");
    }
    if (failure.category == ErrorCategory::Auth)
        reject(failure);
    else
        releaseWaiters({}, failure); // network trouble: not a verdict on the credentials
}

void TokenKeeper::startRefresh(bool foreground)
{
    m_flight = Flight::Refreshing;
    m_backgroundRefresh = !foreground;
    const quint64 generation = ++m_generation;
    ++m_refreshes;
    qCInfo(lcAuth) << "refreshing the token before it expires"
                   << (foreground ? "(requests wait)" : "(background)");

    ApiRequest request;
    request.method = "POST";
    request.url =
        buildUrl(m_transport.endpoints().auth, {QStringLiteral("token"), QStringLiteral("refresh")});
    request.authenticated = false;
    request.idempotency = Idempotency::Safe;
    request.object = tr("token refresh");
    request.extraHeaders.append({QByteArrayLiteral("Authorization"), "AnaplanAuthToken " + m_token.value});
    ApiReply *reply = m_transport.send(request);
    connect(reply, &ApiReply::finished, this, [this, reply, generation]() {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const bool wasForeground = !m_backgroundRefresh;
        m_flight = Flight::None;
        m_backgroundRefresh = false;
        const TokenResult result = parseTokenReply(*reply, tr("token refresh"));
        if (!result.error.isError()) {
            setToken(result.token);
            if (wasForeground)
                releaseWaiters(m_token.value, {});
            return;
        }
        if (reply->httpStatus() == 401 || wasForeground) {
            // The refresh was refused (or everybody is waiting): one full sign-in, silently.
            qCInfo(lcAuth) << "token refresh failed (" << categoryName(result.error.category)
                           << "); signing in again";
            clearToken();
            startSignIn();
            return;
        }
        // Transient failure while the token is still valid: use it until it runs out, then sign in.
        m_refreshFailedForThisToken = true;
    });
}

void TokenKeeper::releaseWaiters(const QByteArray &token, const ApiError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(token, error);
    }
}

void TokenKeeper::reject(const ApiError &error)
{
    const bool first = !m_rejected.has_value();
    m_rejected = error;
    clearToken();
    if (error.httpStatus == 407)
        qCWarning(lcAuth) << "the proxy refused a request (407); its credentials are needed";
    else
        qCWarning(lcAuth) << "credentials rejected:" << m_authenticator->description();
    m_holding = m_holdOnRejection;
    if (first)
        Q_EMIT credentialsRejected(error); // a receiver may call releaseHeld() or setAuthenticator() here
    if (m_holding) {
        qCInfo(lcAuth) << m_waiters.size() << "request(s) held until new credentials are given";
        return;
    }
    if (m_rejected)
        releaseWaiters({}, *m_rejected);
}

void TokenKeeper::releaseHeld()
{
    if (!m_holding)
        return;
    m_holding = false;
    if (m_rejected)
        releaseWaiters({}, *m_rejected);
}

ApiError TokenKeeper::noAuthenticatorError() const
{
    ApiError error;
    error.category = ErrorCategory::Auth;
    error.message = tr("Not signed in");
    error.hint = tr("Sign in first (user and password, certificate, or token).");
    return error;
}

} // namespace anadesk
