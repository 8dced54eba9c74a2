#pragma once
// The user's tunables of every connection (Settings dialog): timeouts, retries, back-off, page size, task
// polling, upload chunk size, compression level and the application-wide proxy. Kept in the Anadesk
// settings file (group "client"); never a secret — the proxy configured here has no password (a proxy
// that needs one is set per connection profile, whose password lives in the credential store).
#include "net/ClientOptions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

namespace anadesk {

struct ConnectionProfile;
class SecretBytes;

struct ClientSettings
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ClientSettings)

public:
    enum class ProxyMode
    {
        System, // the operating system's proxy configuration
        None,   // direct connections
        Manual, // proxyHost:proxyPort (HTTP CONNECT), without credentials
    };

    int timeoutSeconds = 30;
    int retryCount = 2;
    int backoffMs = 1'000;
    double backoffFactor = 2.0;
    int maxBackoffSeconds = 60;
    int pageSize = 5'000;
    int statusPollDelayMs = 1'000;
    int uploadChunkSizeMb = 25; // 1 MB = 1,000,000 bytes, as the reference client's 25,000,000
    int compressionLevel = 1;
    ProxyMode proxyMode = ProxyMode::System;
    QString proxyHost;
    quint16 proxyPort = 0;

    // Limits enforced by the dialog and by load() (a hand-edited file cannot set absurd values).
    static constexpr int kMinTimeoutSeconds = 5, kMaxTimeoutSeconds = 3'600;
    static constexpr int kMaxRetryCount = 10;
    static constexpr int kMinBackoffMs = 100, kMaxBackoffMs = 60'000;
    static constexpr int kMinPageSize = 1, kMaxPageSize = 5'000;
    static constexpr int kMinPollDelayMs = 250, kMaxPollDelayMs = 60'000;
    static constexpr int kMinChunkSizeMb = 1, kMaxChunkSizeMb = 50; // Anaplan's chunk limit is 50 MB
    static constexpr int kMinCompressionLevel = 0, kMaxCompressionLevel = 9;

    bool operator==(const ClientSettings &other) const = default;

    // Reads group "client"; missing or out-of-range values fall back to the defaults above.
    static ClientSettings load(QSettings &settings);
    void save(QSettings &settings) const;

    // What is wrong, one translated sentence per problem; empty = valid.
    QStringList validate() const;

    // The tunables only (no workspace/model, no proxy).
    void applyTo(ClientOptions &options) const;
    // Everything a connection of `profile` needs: these tunables, the profile's defaults and proxy; a
    // profile whose proxy is "system" uses the proxy configured here.
    ClientOptions optionsFor(const ConnectionProfile &profile, const SecretBytes &proxyPassword) const;
};

QString proxyModeKey(ClientSettings::ProxyMode mode);

} // namespace anadesk
