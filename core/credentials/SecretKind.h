#pragma once
// The kinds of secret a connection profile can have. Each is stored under its own keychain entry.
// The stable names below are part of the stored format (keychain keys and the credential index):
// never rename one.
#include <QList>
#include <QString>
#include <optional>

namespace anadesk {

enum class SecretKind
{
    Password,      // basic sign-in password                      "password"
    Token,         // an Anaplan token the user pasted             "token"
    KeyPassphrase, // passphrase of the certificate's private key "key-passphrase"
    RefreshToken,  // OAuth refresh token                          "refresh-token"
    ProxyPassword, // password of the profile's manual proxy       "proxy-password"
};

// Every kind this version knows, in declaration order.
QList<SecretKind> allSecretKinds();
// The stable, lower-case name used in keychain keys and in the index ("key-passphrase").
QString secretKindName(SecretKind kind);
std::optional<SecretKind> secretKindFromName(const QString &name);
// For messages: "password", "token", "private-key passphrase", … (translated).
QString secretKindLabel(SecretKind kind);

} // namespace anadesk
