#pragma once
// A token the user already has (e.g. from another tool). It cannot be renewed: a 401 from the API
// is final (Auth error, credentialsRejected emitted once, no prompt loop). /token/refresh is tried
// only when an expiry is known.
#include "Authenticator.h"
#include "SecretBytes.h"

namespace anadesk {

class TokenAuthenticator final : public Authenticator
{
public:
    explicit TokenAuthenticator(const QByteArray &token, qint64 expiresAtMs = 0);
    ~TokenAuthenticator() override;
    TokenAuthenticator(const TokenAuthenticator &) = delete;
    TokenAuthenticator &operator=(const TokenAuthenticator &) = delete;
    void authenticate(Transport &transport, QObject *context, Done done) override;
    bool canReauthenticate() const override { return false; }
    bool canRefresh() const override { return m_expiresAtMs > 0; }
    QString description() const override;

private:
    SecretBytes m_token;
    qint64 m_expiresAtMs;
};

} // namespace anadesk
