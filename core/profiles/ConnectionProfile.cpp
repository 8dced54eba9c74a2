#include "ConnectionProfile.h"

#include "credentials/CredentialStore.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QUuid>

namespace anadesk {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const QString &name, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[value, text] : table) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString toName(Enum value, const std::pair<Enum, const char *> (&table)[N])
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QLatin1String(text);
    }
    return {};
}

constexpr std::pair<AuthMethod, const char *> kAuthMethods[] = {
    {AuthMethod::Basic, "basic"}, {AuthMethod::Certificate, "certificate"}, {AuthMethod::Token, "token"}};
constexpr std::pair<EndpointMode, const char *> kEndpointModes[] = {
    {EndpointMode::Region, "region"},
    {EndpointMode::SingleOrigin, "single-origin"},
    {EndpointMode::Custom, "custom"}};
constexpr std::pair<ProxySettings::Mode, const char *> kProxyModes[] = {
    {ProxySettings::Mode::System, "system"},
    {ProxySettings::Mode::None, "none"},
    {ProxySettings::Mode::Manual, "manual"}};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Empty when acceptable. Secrets travel to these hosts, so plain http is allowed for loopback only
// (anadesk-sandbox, a local gateway).
QString urlProblem(const QUrl &url)
{
    if (url.isEmpty())
        return ConnectionProfile::tr("is empty");
    if (!url.isValid() || url.host().isEmpty())
        return ConnectionProfile::tr("is not a valid URL (expected e.g. https://api.anaplan.com)");
    if (!url.userInfo().isEmpty())
        return ConnectionProfile::tr("must not contain a user name or password");
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http"))
        return isLoopbackHost(url.host())
                   ? QString()
                   : ConnectionProfile::tr("uses http; only https is allowed except for "
                                           "this computer (localhost)");
    return ConnectionProfile::tr("must start with https://");
}

bool isPlainId(const QString &id)
{
    for (QChar c : id) {
        if (c.isSpace() || c == QLatin1Char('/'))
            return false;
    }
    return id.size() <= 128;
}

} // namespace

QString authMethodName(AuthMethod method)
{
    return toName(method, kAuthMethods);
}

std::optional<AuthMethod> authMethodFromName(const QString &name)
{
    return fromName(name.trimmed(), kAuthMethods);
}

QString endpointModeName(EndpointMode mode)
{
    return toName(mode, kEndpointModes);
}

std::optional<EndpointMode> endpointModeFromName(const QString &name)
{
    return fromName(name.trimmed(), kEndpointModes);
}

QString proxyModeName(ProxySettings::Mode mode)
{
    return toName(mode, kProxyModes);
}

std::optional<ProxySettings::Mode> proxyModeFromName(const QString &name)
{
    return fromName(name.trimmed(), kProxyModes);
}

bool ConnectionProfile::operator==(const ConnectionProfile &other) const
{
    const auto sameEndpoints = [](const Endpoints &a, const Endpoints &b) {
        return a.auth == b.auth && a.api == b.api && a.audit == b.audit && a.cloudWorks == b.cloudWorks;
    };
    return id == other.id && name == other.name && endpointMode == other.endpointMode &&
           region == other.region && singleOrigin == other.singleOrigin &&
           sameEndpoints(customEndpoints, other.customEndpoints) && authMethod == other.authMethod &&
           userEmail == other.userEmail && certificatePath == other.certificatePath &&
           privateKeyPath == other.privateKeyPath && defaultWorkspaceId == other.defaultWorkspaceId &&
           defaultModelId == other.defaultModelId && proxy == other.proxy &&
           rememberSecrets == other.rememberSecrets;
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

ConnectionProfile ConnectionProfile::create(const QString &name)
{
    ConnectionProfile profile;
    profile.id = newId();
    profile.name = name.trimmed();
    return profile;
}

Endpoints ConnectionProfile::endpoints() const
{
    switch (endpointMode) {
    case EndpointMode::Region:
        return Endpoints::forRegion(region);
    case EndpointMode::SingleOrigin:
        return Endpoints::singleOrigin(singleOrigin);
    case EndpointMode::Custom:
        return customEndpoints;
    }
    return {};
}

QStringList ConnectionProfile::validate() const
{
    QStringList problems;
    if (!CredentialStore::isValidProfileId(id))
        problems
            << tr("The profile id '%1' is not valid; create the profile with ConnectionProfile::create()")
                   .arg(id.left(64));
    if (name.trimmed().isEmpty())
        problems << tr("The profile name is empty; give the connection a name");
    else if (name.size() > 100 || name.contains(QLatin1Char('\n')))
        problems << tr("The profile name must be one line of at most 100 characters");

    switch (endpointMode) {
    case EndpointMode::Region:
        if (!Endpoints::forRegion(region).isValid())
            problems << tr("The region '%1' is unknown; choose one of: %2")
                            .arg(region, Endpoints::regionNames().join(QStringLiteral(", ")));
        break;
    case EndpointMode::SingleOrigin:
        if (const QString problem = urlProblem(singleOrigin); !problem.isEmpty())
            problems << tr("The server URL %1").arg(problem);
        break;
    case EndpointMode::Custom: {
        const std::pair<QString, QUrl> urls[] = {{tr("authentication"), customEndpoints.auth},
                                                 {tr("API"), customEndpoints.api},
                                                 {tr("audit"), customEndpoints.audit},
                                                 {tr("CloudWorks"), customEndpoints.cloudWorks}};
        for (const auto &[label, url] : urls) {
            if (const QString problem = urlProblem(url); !problem.isEmpty())
                problems << tr("The %1 URL %2").arg(label, problem);
        }
        break;
    }
    }

    switch (authMethod) {
    case AuthMethod::Basic:
        if (userEmail.trimmed().isEmpty() || !userEmail.contains(QLatin1Char('@')))
            problems << tr("Basic sign-in needs the user's e-mail address (e.g. name@company.com)");
        break;
    case AuthMethod::Certificate:
        if (certificatePath.trimmed().isEmpty())
            problems << tr("Certificate sign-in needs the certificate file (PEM)");
        if (privateKeyPath.trimmed().isEmpty())
            problems << tr("Certificate sign-in needs the private key file (PEM)");
        break;
    case AuthMethod::Token:
        break;
    }

    if (!isPlainId(defaultWorkspaceId))
        problems << tr("The default workspace id must not contain spaces or '/'");
    if (!isPlainId(defaultModelId))
        problems << tr("The default model id must not contain spaces or '/'");

    if (proxy.mode == ProxySettings::Mode::Manual) {
        if (proxy.host.trimmed().isEmpty() || proxy.host.contains(QLatin1Char('/')))
            problems << tr("The manual proxy needs a host name (e.g. proxy.company.com), without http://");
        if (proxy.port == 0)
            problems << tr("The manual proxy needs a port between 1 and 65535");
    }
    return problems;
}

QList<SecretKind> ConnectionProfile::secretKinds() const
{
    QList<SecretKind> kinds;
    switch (authMethod) {
    case AuthMethod::Basic:
        kinds << SecretKind::Password;
        break;
    case AuthMethod::Certificate:
        kinds << SecretKind::KeyPassphrase;
        break;
    case AuthMethod::Token:
        kinds << SecretKind::Token;
        break;
    }
    if (proxy.mode == ProxySettings::Mode::Manual && !proxy.user.isEmpty())
        kinds << SecretKind::ProxyPassword;
    return kinds;
}

void ConnectionProfile::applyTo(ClientOptions &options, const SecretBytes &proxyPassword) const
{
    options.workspaceId = defaultWorkspaceId;
    options.modelId = defaultModelId;
    switch (proxy.mode) {
    case ProxySettings::Mode::System:
        options.proxy.reset();
        break;
    case ProxySettings::Mode::None:
        options.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case ProxySettings::Mode::Manual:
        options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, proxy.host.trimmed(), proxy.port, proxy.user,
                                      QString::fromUtf8(proxyPassword.bytes()));
        break;
    }
}

} // namespace anadesk
