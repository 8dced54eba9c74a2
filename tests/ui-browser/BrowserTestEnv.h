#pragma once
// Shared by the browser tests: a real anadesk-sandbox (tasks of 300 ms unless told), a Connection to it
// signed in with the demo account, the demo tenant's ids (docs/sandbox.md), and a FIGURE line
// printer.
#include "BulkClient.h"
#include "Connection.h"
#include "SandboxProcess.h"
#include "auth/BasicAuthenticator.h"

#include <QStringList>
#include <cstdio>
#include <memory>

namespace anadesk::test {

inline const QString kDemoWorkspace = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
inline const QString kDemoModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
inline QString demoModel(const char *suffix)
{
    return QStringLiteral("75A40874E6B64FA3AE0743278B9E3A") + QLatin1String(suffix);
}
inline const QString kProductionModel = demoModel("11"); // open, PRODUCTION
inline const QString kLockedModel = demoModel("12");     // FP&A Consolidation
inline const QString kArchivedModel = demoModel("13");   // FY2021 Budget
inline const QString kScratchModel = demoModel("17");    // closed, deletable

// Every model of the demo workspace holds the same seeded objects.
inline QStringList seededFileIds()
{
    QStringList ids;
    for (int i = 0; i <= 6; ++i)
        ids.append(QStringLiteral("11300000000%1").arg(i));
    return ids;
}
inline QStringList seededIds(const char *prefix, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QLatin1String(prefix) + QStringLiteral("00000000%1").arg(i));
    return ids;
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

// Starts the sandbox and a signed-in connection; returns an error text on failure.
inline QString startSandbox(std::unique_ptr<SandboxProcess> &sandbox, std::unique_ptr<Connection> &connection,
                            int taskDurationMs = 300)
{
    const QStringList arguments{QStringLiteral("--task-duration"), QString::number(taskDurationMs)};
    sandbox = std::make_unique<SandboxProcess>(arguments);
    QString error;
    if (!sandbox->start(&error))
        return error.isEmpty() ? QStringLiteral("sandbox did not start") : error;
    ClientOptions options;
    options.statusPollDelayMs = 100;
    options.timeoutMs = 20'000;
    options.retryCount = 1; // a stopped sandbox fails at once instead of after back-offs
    connection = std::make_unique<Connection>(
        Endpoints::singleOrigin(sandbox->url()), options,
        std::make_shared<BasicAuthenticator>(SandboxProcess::demoUser(),
                                             SandboxProcess::demoPassword().toUtf8()));
    return {};
}

} // namespace anadesk::test
