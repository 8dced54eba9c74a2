#pragma once
// Everything anadesk-sandbox can be told on its command line, handed to each part of it.
#include <QString>

namespace sandbox {

struct SandboxConfig
{
    quint16 port = 0;                       // 0: a free port
    QString host = QStringLiteral("127.0.0.1");
    QString dataDir;                        // empty: in memory, freshly seeded each start
    QString user = QStringLiteral("demo@anadesk.test");
    QString password = QStringLiteral("Sandbox-Demo-1");
    int tokenLifetimeSeconds = 35 * 60;     // Anaplan: 35 minutes
    int taskDurationMs = 3'000;             // NOT_STARTED -> IN_PROGRESS -> COMPLETE spread over this
    int cancellingMs = 500;                 // how long a cancelled task stays CANCELLING
    int pageCap = 5'000;                    // server-side page cap of the integration API
    int v2MaxSkewSeconds = 300;             // freshness window of a v2 certificate payload
    qint64 maxChunkBytes = 50'000'000;      // Anaplan: chunks of 1–50 MB (decimal) uncompressed
    int maxChunks = 1'000;
    qint64 maxRequestBody = 64LL * 1024 * 1024; // larger bodies are refused with 413
    int largeUserCount = 0;                 // SCIM: seed this many extra users (tests of paging)
};

} // namespace sandbox
