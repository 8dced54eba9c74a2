#pragma once
// How a connection obtains an AnaplanAuthToken. Implementations: BasicAuthenticator (user +
// password), CertificateAuthenticator (CA certificate, v2 payload by default), TokenAuthenticator
// (a token given by the user) and FunctionAuthenticator (anything else, e.g. OAuth, tests).
// The Transport owns the token lifecycle (TokenKeeper): proactive /token/refresh, single-flight
// re-authentication on 401 — authenticators only know how to sign in once.
#include "net/ApiError.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace anadesk {

class Transport;

struct AuthToken
{
    QByteArray value;       // secret: never log, never persist
    qint64 expiresAtMs = 0; // ms since epoch as reported by the server; 0 = unknown
    bool isValid() const { return !value.isEmpty(); }
};

class Authenticator
{
public:
    using Done = std::function<void(const AuthToken &token, const ApiError &error)>;

    virtual ~Authenticator();

    // Signs in once. `done` is called exactly once — later, from the event loop, never inside this
    // call — unless `context` is destroyed first. A rejected credential must come back as an
    // ErrorCategory::Auth error (the transport then stops and emits credentialsRejected).
    // Requests go through transport.send() with `authenticated = false`.
    virtual void authenticate(Transport &transport, QObject *context, Done done) = 0;

    // False when authenticating again cannot produce a different token (a fixed token): a 401 from
    // the API is then final.
    virtual bool canReauthenticate() const { return true; }
    // Whether POST {auth}/token/refresh may be used to extend the token before it expires.
    virtual bool canRefresh() const { return true; }

    // For messages and logs, never containing a secret: "basic sign-in as a@b.com".
    virtual QString description() const = 0;
};

// Wraps a callable; used for OAuth flows living elsewhere and for tests.
class FunctionAuthenticator final : public Authenticator
{
public:
    using Function = std::function<void(Transport &transport, QObject *context, Done done)>;
    FunctionAuthenticator(Function function, QString description, bool canReauthenticate = true,
                          bool canRefresh = true);
    void authenticate(Transport &transport, QObject *context, Done done) override;
    bool canReauthenticate() const override { return m_canReauthenticate; }
    bool canRefresh() const override { return m_canRefresh; }
    QString description() const override { return m_description; }

private:
    Function m_function;
    QString m_description;
    bool m_canReauthenticate;
    bool m_canRefresh;
};

} // namespace anadesk
