#include "ClientSettings.h"

#include "profiles/ConnectionProfile.h"

#include <QNetworkProxy>
#include <QSettings>

namespace anadesk {

namespace {

int boundedInt(QSettings &settings, const QString &key, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok && value >= minimum && value <= maximum ? value : fallback;
}

std::optional<ClientSettings::ProxyMode> proxyModeFromKey(const QString &key)
{
    for (const auto mode :
         {ClientSettings::ProxyMode::System, ClientSettings::ProxyMode::None, ClientSettings::ProxyMode::Manual}) {
        if (proxyModeKey(mode) == key)
            return mode;
    }
    return std::nullopt;
}

} // namespace

QString proxyModeKey(ClientSettings::ProxyMode mode)
{
    switch (mode) {
    case ClientSettings::ProxyMode::System:
        return QStringLiteral("system");
    case ClientSettings::ProxyMode::None:
        return QStringLiteral("none");
    case ClientSettings::ProxyMode::Manual:
        return QStringLiteral("manual");
    }
    return QStringLiteral("system");
}

ClientSettings ClientSettings::load(QSettings &settings)
{
    const ClientSettings d;
    ClientSettings s;
    settings.beginGroup(QStringLiteral("client"));
    s.timeoutSeconds =
        boundedInt(settings, QStringLiteral("timeoutSeconds"), d.timeoutSeconds, kMinTimeoutSeconds, kMaxTimeoutSeconds);
    s.retryCount = boundedInt(settings, QStringLiteral("retryCount"), d.retryCount, 0, kMaxRetryCount);
    s.backoffMs = boundedInt(settings, QStringLiteral("backoffMs"), d.backoffMs, kMinBackoffMs, kMaxBackoffMs);
    bool ok = false;
    const double factor = settings.value(QStringLiteral("backoffFactor"), d.backoffFactor).toDouble(&ok);
    s.backoffFactor = ok && factor >= 1.0 && factor <= 10.0 ? factor : d.backoffFactor;
    s.maxBackoffSeconds = boundedInt(settings, QStringLiteral("maxBackoffSeconds"), d.maxBackoffSeconds, 1, 600);
    s.pageSize = boundedInt(settings, QStringLiteral("pageSize"), d.pageSize, kMinPageSize, kMaxPageSize);
    s.statusPollDelayMs = boundedInt(settings, QStringLiteral("statusPollDelayMs"), d.statusPollDelayMs,
                                     kMinPollDelayMs, kMaxPollDelayMs);
    s.uploadChunkSizeMb = boundedInt(settings, QStringLiteral("uploadChunkSizeMb"), d.uploadChunkSizeMb,
                                     kMinChunkSizeMb, kMaxChunkSizeMb);
    s.compressionLevel = boundedInt(settings, QStringLiteral("compressionLevel"), d.compressionLevel,
                                    kMinCompressionLevel, kMaxCompressionLevel);
    s.proxyMode = proxyModeFromKey(settings.value(QStringLiteral("proxyMode")).toString()).value_or(d.proxyMode);
    s.proxyHost = settings.value(QStringLiteral("proxyHost")).toString().trimmed();
    s.proxyPort = quint16(boundedInt(settings, QStringLiteral("proxyPort"), 0, 0, 65'535));
    settings.endGroup();
    return s;
}

void ClientSettings::save(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("client"));
    settings.setValue(QStringLiteral("timeoutSeconds"), timeoutSeconds);
    settings.setValue(QStringLiteral("retryCount"), retryCount);
    settings.setValue(QStringLiteral("backoffMs"), backoffMs);
    settings.setValue(QStringLiteral("backoffFactor"), backoffFactor);
    settings.setValue(QStringLiteral("maxBackoffSeconds"), maxBackoffSeconds);
    settings.setValue(QStringLiteral("pageSize"), pageSize);
    settings.setValue(QStringLiteral("statusPollDelayMs"), statusPollDelayMs);
    settings.setValue(QStringLiteral("uploadChunkSizeMb"), uploadChunkSizeMb);
    settings.setValue(QStringLiteral("compressionLevel"), compressionLevel);
    settings.setValue(QStringLiteral("proxyMode"), proxyModeKey(proxyMode));
    settings.setValue(QStringLiteral("proxyHost"), proxyHost);
    settings.setValue(QStringLiteral("proxyPort"), int(proxyPort));
    settings.endGroup();
    settings.sync();
}

QStringList ClientSettings::validate() const
{
    QStringList problems;
    if (timeoutSeconds < kMinTimeoutSeconds || timeoutSeconds > kMaxTimeoutSeconds)
        problems << tr("The timeout must be between %1 and %2 seconds").arg(kMinTimeoutSeconds).arg(kMaxTimeoutSeconds);
    if (retryCount < 0 || retryCount > kMaxRetryCount)
        problems << tr("The number of retries must be between 0 and %1").arg(kMaxRetryCount);
    if (backoffMs < kMinBackoffMs || backoffMs > kMaxBackoffMs)
        problems << tr("The first back-off must be between %1 and %2 ms").arg(kMinBackoffMs).arg(kMaxBackoffMs);
    if (pageSize < kMinPageSize || pageSize > kMaxPageSize)
        problems << tr("The page size must be between %1 and %2").arg(kMinPageSize).arg(kMaxPageSize);
    if (statusPollDelayMs < kMinPollDelayMs || statusPollDelayMs > kMaxPollDelayMs)
        problems << tr("The task poll delay must be between %1 and %2 ms").arg(kMinPollDelayMs).arg(kMaxPollDelayMs);
    if (uploadChunkSizeMb < kMinChunkSizeMb || uploadChunkSizeMb > kMaxChunkSizeMb)
        problems << tr("The upload chunk size must be between %1 and %2 MB").arg(kMinChunkSizeMb).arg(kMaxChunkSizeMb);
    if (compressionLevel < kMinCompressionLevel || compressionLevel > kMaxCompressionLevel)
        problems << tr("The compression level must be between %1 and %2")
                        .arg(kMinCompressionLevel)
                        .arg(kMaxCompressionLevel);
    if (proxyMode == ProxyMode::Manual) {
        if (proxyHost.trimmed().isEmpty() || proxyHost.contains(QLatin1Char('/')))
            problems << tr("The manual proxy needs a host name (e.g. proxy.company.com), without http://");
        if (proxyPort == 0)
            problems << tr("The manual proxy needs a port between 1 and 65535");
    }
    return problems;
}

void ClientSettings::applyTo(ClientOptions &options) const
{
    options.timeoutMs = timeoutSeconds * 1'000;
    options.retryCount = retryCount;
    options.backoffMs = backoffMs;
    options.backoffFactor = backoffFactor;
    options.maxBackoffMs = maxBackoffSeconds * 1'000;
    options.pageSize = pageSize;
    options.statusPollDelayMs = statusPollDelayMs;
    options.uploadChunkSize = qint64(uploadChunkSizeMb) * 1'000'000;
    options.compressionLevel = compressionLevel;
}

ClientOptions ClientSettings::optionsFor(const ConnectionProfile &profile, const SecretBytes &proxyPassword) const
{
    ClientOptions options;
    applyTo(options);
    profile.applyTo(options, proxyPassword);
    if (profile.proxy.mode == ProxySettings::Mode::System) {
        switch (proxyMode) {
        case ProxyMode::System:
            options.proxy.reset();
            break;
        case ProxyMode::None:
            options.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
            break;
        case ProxyMode::Manual:
            options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, proxyHost, proxyPort);
            break;
        }
    }
    return options;
}

} // namespace anadesk
