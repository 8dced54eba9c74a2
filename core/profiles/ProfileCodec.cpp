#include "ProfileCodec.h"

namespace anadesk {

namespace {

constexpr int kFormatVersion = 1;

QUrl readUrl(QSettings &settings, const QString &key)
{
    const QString text = settings.value(key).toString();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

void writeUrl(QSettings &settings, const QString &key, const QUrl &url)
{
    if (url.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, url.toString(QUrl::FullyEncoded));
}

} // namespace

void writeProfile(QSettings &settings, const ConnectionProfile &profile)
{
    settings.setValue(QStringLiteral("formatVersion"), kFormatVersion);
    settings.setValue(QStringLiteral("name"), profile.name);

    settings.setValue(QStringLiteral("endpoints/mode"), endpointModeName(profile.endpointMode));
    settings.setValue(QStringLiteral("endpoints/region"), profile.region);
    writeUrl(settings, QStringLiteral("endpoints/origin"), profile.singleOrigin);
    writeUrl(settings, QStringLiteral("endpoints/auth"), profile.customEndpoints.auth);
    writeUrl(settings, QStringLiteral("endpoints/api"), profile.customEndpoints.api);
    writeUrl(settings, QStringLiteral("endpoints/audit"), profile.customEndpoints.audit);
    writeUrl(settings, QStringLiteral("endpoints/cloudWorks"), profile.customEndpoints.cloudWorks);

    settings.setValue(QStringLiteral("auth/method"), authMethodName(profile.authMethod));
    settings.setValue(QStringLiteral("auth/user"), profile.userEmail);
    settings.setValue(QStringLiteral("auth/certificate"), profile.certificatePath);
    settings.setValue(QStringLiteral("auth/privateKey"), profile.privateKeyPath);
    settings.setValue(QStringLiteral("auth/rememberSecrets"), profile.rememberSecrets);

    settings.setValue(QStringLiteral("defaults/workspace"), profile.defaultWorkspaceId);
    settings.setValue(QStringLiteral("defaults/model"), profile.defaultModelId);

    settings.setValue(QStringLiteral("proxy/mode"), proxyModeName(profile.proxy.mode));
    settings.setValue(QStringLiteral("proxy/host"), profile.proxy.host);
    settings.setValue(QStringLiteral("proxy/port"), profile.proxy.port);
    settings.setValue(QStringLiteral("proxy/user"), profile.proxy.user);
    // No proxy/password key, ever: it is SecretKind::ProxyPassword in the credential store.
}

ConnectionProfile readProfile(QSettings &settings, const QString &id)
{
    ConnectionProfile profile;
    profile.id = id;
    profile.name = settings.value(QStringLiteral("name")).toString();

    profile.endpointMode = endpointModeFromName(settings.value(QStringLiteral("endpoints/mode")).toString())
                               .value_or(EndpointMode::Region);
    profile.region = settings.value(QStringLiteral("endpoints/region"), profile.region).toString();
    profile.singleOrigin = readUrl(settings, QStringLiteral("endpoints/origin"));
    profile.customEndpoints.auth = readUrl(settings, QStringLiteral("endpoints/auth"));
    profile.customEndpoints.api = readUrl(settings, QStringLiteral("endpoints/api"));
    profile.customEndpoints.audit = readUrl(settings, QStringLiteral("endpoints/audit"));
    profile.customEndpoints.cloudWorks = readUrl(settings, QStringLiteral("endpoints/cloudWorks"));

    profile.authMethod = authMethodFromName(settings.value(QStringLiteral("auth/method")).toString())
                             .value_or(AuthMethod::Basic);
    profile.userEmail = settings.value(QStringLiteral("auth/user")).toString();
    profile.certificatePath = settings.value(QStringLiteral("auth/certificate")).toString();
    profile.privateKeyPath = settings.value(QStringLiteral("auth/privateKey")).toString();
    profile.rememberSecrets = settings.value(QStringLiteral("auth/rememberSecrets"), true).toBool();

    profile.defaultWorkspaceId = settings.value(QStringLiteral("defaults/workspace")).toString();
    profile.defaultModelId = settings.value(QStringLiteral("defaults/model")).toString();

    profile.proxy.mode = proxyModeFromName(settings.value(QStringLiteral("proxy/mode")).toString())
                             .value_or(ProxySettings::Mode::System);
    profile.proxy.host = settings.value(QStringLiteral("proxy/host")).toString();
    bool portOk = false;
    const uint port = settings.value(QStringLiteral("proxy/port")).toUInt(&portOk);
    profile.proxy.port = portOk && port <= 65535 ? static_cast<quint16>(port) : 0;
    profile.proxy.user = settings.value(QStringLiteral("proxy/user")).toString();
    return profile;
}

} // namespace anadesk
