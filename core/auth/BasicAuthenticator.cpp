#include "BasicAuthenticator.h"

#include "TokenResponse.h"
#include "net/Redaction.h"
#include "net/Transport.h"
#include "net/UrlBuilder.h"

#include <QCoreApplication>
#include <QPointer>

namespace anadesk {

BasicAuthenticator::BasicAuthenticator(QString user, const QByteArray &password)
    : m_user(std::move(user))
    , m_password(password)
{
    registerSecret(m_password.bytes());
}

BasicAuthenticator::~BasicAuthenticator()
{
    forgetSecret(m_password.bytes());
}

QString BasicAuthenticator::description() const
{
    return QCoreApplication::translate("anadesk::BasicAuthenticator", "sign-in as %1").arg(m_user);
}

void BasicAuthenticator::authenticate(Transport &transport, QObject *context, Done done)
{
    ApiRequest request;
    request.method = "POST";
    request.url =
        buildUrl(transport.endpoints().auth, {QStringLiteral("token"), QStringLiteral("authenticate")});
    request.authenticated = false;
    request.idempotency = Idempotency::Safe; // a second token is harmless; a 401 is never retried
    request.object = description();
    SecretBytes credentials(m_user.toUtf8() + ':' + m_password.bytes());
    SecretBytes header("Basic " + credentials.bytes().toBase64());
    request.extraHeaders.append({QByteArrayLiteral("Authorization"), header.bytes()});

    ApiReply *reply = transport.send(request);
    wipe(request.extraHeaders.last().second);
    QPointer<QObject> guard(context);
    const QString what = description();
    QObject::connect(reply, &ApiReply::finished, reply, [reply, guard, done, what]() {
        reply->deleteLater();
        if (!guard)
            return;
        const TokenResult result = parseTokenReply(*reply, what);
        done(result.token, result.error);
    });
}

} // namespace anadesk
