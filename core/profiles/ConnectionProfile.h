#pragma once
// One saved connection of the connection manager (and of the CLI's --profile): where the tenant is,
// how to sign in, as whom, through which proxy, and the default workspace/model. Plain data, no
// secret: the password, token, key passphrase, refresh token and proxy password of a profile live in
// a CredentialStore under the profile's id (secretKinds() says which apply).
#include "auth/SecretBytes.h"
#include "credentials/SecretKind.h"
#include "net/ClientOptions.h"
#include "net/Endpoints.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace anadesk {

enum class AuthMethod
{
    Basic,
    Certificate,
    Token
};
// Stable names used in the settings file and on the command line: "basic", "certificate", "token".
QString authMethodName(AuthMethod method);
std::optional<AuthMethod> authMethodFromName(const QString &name);

// How the profile names its hosts.
enum class EndpointMode
{
    Region,       // a region of the built-in table (Endpoints::forRegion), e.g. "eu1"
    SingleOrigin, // every API on one origin (Endpoints::singleOrigin), e.g. anadesk-sandbox or a gateway
    Custom,       // four URLs given one by one
};
// "region", "single-origin", "custom"
QString endpointModeName(EndpointMode mode);
std::optional<EndpointMode> endpointModeFromName(const QString &name);

struct ProxySettings
{
    enum class Mode
    {
        System,
        None,
        Manual
    };
    Mode mode = Mode::System; // System: the operating system's proxy configuration
    QString host;             // Manual only
    quint16 port = 0;         // Manual only
    QString user;             // Manual only; its password is the SecretKind::ProxyPassword of the profile

    bool operator==(const ProxySettings &) const = default;
};
// "system", "none", "manual"
QString proxyModeName(ProxySettings::Mode mode);
std::optional<ProxySettings::Mode> proxyModeFromName(const QString &name);

struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ConnectionProfile)

public:
    QString id;   // a UUID without braces; the key of the profile's secrets
    QString name; // shown in the connection manager; unique (case-insensitive) within a ProfileStore

    EndpointMode endpointMode = EndpointMode::Region;
    QString region = QStringLiteral("us1");
    QUrl singleOrigin;
    Endpoints customEndpoints;

    AuthMethod authMethod = AuthMethod::Basic;
    QString userEmail;       // basic sign-in user; for the other methods shown only
    QString certificatePath; // certificate auth: PEM certificate file
    QString privateKeyPath;  // certificate auth: PEM private key (its passphrase is a secret kind)

    QString defaultWorkspaceId;
    QString defaultModelId;

    ProxySettings proxy;

    // false: "don't remember" — secrets are asked for and kept in memory for the session only.
    bool rememberSecrets = true;

    bool operator==(const ConnectionProfile &other) const;

    // A new profile with a fresh id.
    static ConnectionProfile create(const QString &name);
    static QString newId();

    // The hosts of the profile; invalid (isValid() == false) when they cannot be resolved.
    Endpoints endpoints() const;
    // What is wrong, one translated sentence per problem naming the field and what to do; empty = valid.
    QStringList validate() const;
    // The secret kinds that apply to this profile (what "forget" and the sign-in dialog deal with).
    QList<SecretKind> secretKinds() const;
    // Copies the workspace/model defaults and the proxy into `options`. For a manual proxy with a user,
    // `proxyPassword` is its password (read from the credential store); for a system proxy, `options.proxy`
    // is left unset (the transport then uses the system configuration).
    void applyTo(ClientOptions &options, const SecretBytes &proxyPassword = {}) const;
};

} // namespace anadesk
