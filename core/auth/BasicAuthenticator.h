#pragma once
// Basic sign-in: POST {auth}/token/authenticate with "Authorization: Basic base64(user:password)"
// and no body. The password lives only in memory and is wiped when the authenticator goes away.
#include "Authenticator.h"
#include "SecretBytes.h"

namespace anadesk {

class BasicAuthenticator final : public Authenticator
{
public:
    BasicAuthenticator(QString user, const QByteArray &password);
    ~BasicAuthenticator() override;
    BasicAuthenticator(const BasicAuthenticator &) = delete;
    BasicAuthenticator &operator=(const BasicAuthenticator &) = delete;
    void authenticate(Transport &transport, QObject *context, Done done) override;
    QString description() const override;
    const QString &user() const { return m_user; }

private:
    QString m_user;
    SecretBytes m_password;
};

} // namespace anadesk
