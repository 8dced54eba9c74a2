#include "SecretKind.h"

#include <QCoreApplication>

namespace anadesk {

QList<SecretKind> allSecretKinds()
{
    return {SecretKind::Password, SecretKind::Token, SecretKind::KeyPassphrase, SecretKind::RefreshToken,
            SecretKind::ProxyPassword};
}

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QStringLiteral("password");
    case SecretKind::Token:
        return QStringLiteral("token");
    case SecretKind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    case SecretKind::RefreshToken:
        return QStringLiteral("refresh-token");
    case SecretKind::ProxyPassword:
        return QStringLiteral("proxy-password");
    }
    return QStringLiteral("unknown");
}

std::optional<SecretKind> secretKindFromName(const QString &name)
{
    for (SecretKind kind : allSecretKinds()) {
        if (secretKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString secretKindLabel(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QCoreApplication::translate("anadesk::SecretKind", "password");
    case SecretKind::Token:
        return QCoreApplication::translate("anadesk::SecretKind", "token");
    case SecretKind::KeyPassphrase:
        return QCoreApplication::translate("anadesk::SecretKind", "private-key passphrase");
    case SecretKind::RefreshToken:
        return QCoreApplication::translate("anadesk::SecretKind", "refresh token");
    case SecretKind::ProxyPassword:
        return QCoreApplication::translate("anadesk::SecretKind", "proxy password");
    }
    return QCoreApplication::translate("anadesk::SecretKind", "secret");
}

} // namespace anadesk
