#pragma once
// A Connection to a real anadesk-sandbox (basic sign-in with the demo account) for the end-to-end
// tests of the Transactional and ALM clients. Ids: docs/sandbox.md.
#include "AlmClient.h"
#include "Connection.h"
#include "SandboxProcess.h"
#include "TransactionalClient.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"

#include <QTest>
#include <cstdio>
#include <memory>

namespace anadesk::test {

inline const QString kDevModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");  // Sales Planning Demo
inline const QString kProdModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A11"); // its production copy
inline const QString kRelease10 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501");
inline const QString kRelease11 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C502");
constexpr int kSandboxWaitMs = 120'000;

inline std::unique_ptr<Connection> sandboxConnection(const QUrl &url, const QString &modelId)
{
    ClientOptions options;
    options.modelId = modelId;
    options.statusPollDelayMs = 100;
    options.timeoutMs = 60'000;
    return std::make_unique<Connection>(
        Endpoints::singleOrigin(url), options,
        std::make_shared<BasicAuthenticator>(SandboxProcess::demoUser(),
                                             SandboxProcess::demoPassword().toUtf8()));
}

template <typename J> std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test

#define RUN_OK(job)                                                                                          \
    do {                                                                                                     \
        QVERIFY2(anadesk::waitFor((job).get(), anadesk::test::kSandboxWaitMs), "timed out");                 \
        QVERIFY2((job)->isSucceeded(), qPrintable((job)->error().toString()));                               \
    } while (false)
