#pragma once
// Every tunable of a connection, with the reference AsyncClient's defaults where it has one.
// Plain data: settable from QSettings (the GUI), the command line (the CLI) and tests.
#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QString>
#include <optional>

namespace anadesk {

struct ClientOptions
{
    QString workspaceId;
    QString modelId;

    int timeoutMs = 30'000;              // idle transfer timeout per request (AsyncClient: timeout=30 s)
    int retryCount = 2;                  // attempts = max(retryCount, 1) (AsyncClient: retry_count=2)
    int backoffMs = 1'000;               // first back-off (AsyncClient: backoff=1.0)
    double backoffFactor = 2.0;          // growth per attempt (AsyncClient: backoff_factor=2.0)
    int maxBackoffMs = 60'000;           // cap for the exponential back-off and for Retry-After
    int pageSize = 5'000;                // capped at 5,000 (AsyncClient: page_size)
    int pageConcurrency = 4;             // further pages fetched concurrently, at most this many at once
    int statusPollDelayMs = 1'000;       // task polling interval (AsyncClient: status_poll_delay=1)
    qint64 uploadChunkSize = 25'000'000; // bytes before compression (AsyncClient: upload_chunk_size)
    int uploadConcurrency = 2;           // chunks in flight
    int downloadBatchSize = 2;           // chunks fetched concurrently (AsyncClient: batch_size)
    int compressionLevel = 1; // zlib level for gzip chunks (see docs/architecture.md for the measurement)
    bool allowFileCreation = false; // AsyncClient: allow_file_creation

    std::optional<QNetworkProxy> proxy; // in place of httpx_kwargs
    // The owner answers QNetworkAccessManager::proxyAuthenticationRequired (the desktop app asks the user):
    // QNAM may then resend a request with the proxy credentials it was given. Off: QNAM never resends with
    // credentials (AuthenticationReuseAttribute Manual). Origin credentials are never handed to QNAM.
    bool answerProxyAuthentication = false;
    std::optional<QSslConfiguration> sslConfiguration;

    int effectivePageSize() const { return pageSize < 1 ? 1 : (pageSize > 5'000 ? 5'000 : pageSize); }
};

} // namespace anadesk
