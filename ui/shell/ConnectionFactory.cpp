#include "ConnectionFactory.h"

#include "Connection.h"
#include "SandboxLauncher.h"
#include "auth/BasicAuthenticator.h"
#include "auth/CertificateAuthenticator.h"
#include "auth/TokenAuthenticator.h"
#include "profiles/ConnectionProfile.h"

namespace anadesk {

namespace {
ApiError localError(ErrorCategory category, const QString &message, const QString &object, const QString &hint)
{
    ApiError error;
    error.category = category;
    error.message = message;
    error.object = object;
    error.hint = hint;
    return error;
}
} // namespace

std::shared_ptr<Authenticator> ConnectionFactory::makeAuthenticator(const ConnectionProfile &profile,
                                                                    const ProfileSecrets &secrets, ApiError *error)
{
    const QString object = tr("connection '%1'").arg(profile.name);
    switch (profile.authMethod) {
    case AuthMethod::Basic:
        if (!secrets.has(SecretKind::Password)) {
            *error = localError(ErrorCategory::BadInput, tr("No password is available for %1").arg(profile.userEmail),
                                object, tr("Enter the password in the connection manager."));
            return nullptr;
        }
        return std::make_shared<BasicAuthenticator>(profile.userEmail.trimmed(),
                                                    secrets.get(SecretKind::Password).bytes());
    case AuthMethod::Token:
        if (!secrets.has(SecretKind::Token)) {
            *error = localError(ErrorCategory::BadInput, tr("No token is available"), object,
                                tr("Paste the token in the connection manager."));
            return nullptr;
        }
        return std::make_shared<TokenAuthenticator>(secrets.get(SecretKind::Token).bytes());
    case AuthMethod::Certificate: {
        ApiError fileError;
        auto authenticator =
            CertificateAuthenticator::fromFiles(profile.certificatePath, profile.privateKeyPath,
                                                secrets.get(SecretKind::KeyPassphrase).bytes(),
                                                CertificateAuthenticator::Format::V2, &fileError);
        if (!authenticator) {
            *error = fileError;
            if (error->object.isEmpty())
                error->object = object;
            return nullptr;
        }
        if (const ApiError invalid = authenticator->validate(); invalid.isError()) {
            *error = invalid;
            if (error->object.isEmpty())
                error->object = object;
            return nullptr;
        }
        return authenticator;
    }
    }
    return nullptr;
}

Connection *ConnectionFactory::makeConnection(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                                              const ClientSettings &settings, ApiError *error, QObject *parent)
{
    const QStringList problems = profile.validate();
    if (!problems.isEmpty()) {
        *error = localError(ErrorCategory::BadInput, problems.join(QLatin1Char(' ')),
                            tr("connection '%1'").arg(profile.name), tr("Correct the connection settings."));
        return nullptr;
    }
    const Endpoints endpoints = profile.endpoints();
    if (!endpoints.isValid()) {
        *error = localError(ErrorCategory::BadInput, tr("The hosts of the connection cannot be determined"),
                            tr("connection '%1'").arg(profile.name), tr("Check the region or the server URLs."));
        return nullptr;
    }
    auto authenticator = makeAuthenticator(profile, secrets, error);
    if (!authenticator)
        return nullptr;
    const ClientOptions options = settings.optionsFor(profile, secrets.get(SecretKind::ProxyPassword));
    return new Connection(endpoints, options, std::move(authenticator), parent);
}

ConnectionProfile ConnectionFactory::sandboxProfile(const QUrl &origin)
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("anadesk-sandbox");
    profile.name = tr("Sandbox (%1)").arg(origin.authority());
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = origin;
    profile.authMethod = AuthMethod::Basic;
    profile.userEmail = SandboxLauncher::demoUser();
    profile.proxy.mode = ProxySettings::Mode::None;
    profile.rememberSecrets = false;
    return profile;
}

ProfileSecrets ConnectionFactory::sandboxSecrets()
{
    ProfileSecrets secrets;
    secrets.set(SecretKind::Password, SecretBytes(SandboxLauncher::demoPassword()));
    return secrets;
}

} // namespace anadesk
