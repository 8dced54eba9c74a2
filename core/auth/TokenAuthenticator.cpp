#include "TokenAuthenticator.h"

#include "net/Redaction.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace anadesk {

TokenAuthenticator::TokenAuthenticator(const QByteArray &token, qint64 expiresAtMs)
    : m_token(token)
    , m_expiresAtMs(expiresAtMs)
{
    registerSecret(m_token.bytes());
}

TokenAuthenticator::~TokenAuthenticator()
{
    forgetSecret(m_token.bytes());
}

QString TokenAuthenticator::description() const
{
    return QCoreApplication::translate("anadesk::TokenAuthenticator", "the given token");
}

void TokenAuthenticator::authenticate(Transport &, QObject *context, Done done)
{
    AuthToken token{m_token.bytes(), m_expiresAtMs};
    ApiError error;
    if (!token.isValid()) {
        error.category = ErrorCategory::Auth;
        error.object = description();
        error.message = QCoreApplication::translate("anadesk::TokenAuthenticator", "No token was given");
        error.hint = QCoreApplication::translate("anadesk::TokenAuthenticator", "Enter a token or sign in.");
    }
    // Never call back synchronously (the contract of Authenticator::authenticate).
    QTimer::singleShot(0, context, [done, token, error]() { done(token, error); });
}

} // namespace anadesk
