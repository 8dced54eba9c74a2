// 100,000 SCIM users through ScimClient::getUsers() against a real anadesk-sandbox seeded with
// --large-user-count 100000 (102,000 users in all): every user exactly once, as many as the server
// reports, in pages of at most 100 (1-based startIndex). Prints the figures; asserts no speed.
#include "Connection.h"
#include "SandboxProcess.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"
#include "scim/ScimClient.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace anadesk;
using namespace Qt::StringLiterals;

class TestScimLargeSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hundredThousandUsersWithoutDuplicatesOrGaps()
    {
        test::SandboxProcess sandbox({u"--large-user-count"_s, u"100000"_s});
        QString error;
        QVERIFY2(sandbox.start(&error, 240'000), qPrintable(error));
        ClientOptions options;
        options.timeoutMs = 60'000;
        Connection connection(
            Endpoints::singleOrigin(sandbox.url()), options,
            std::make_shared<BasicAuthenticator>(test::SandboxProcess::demoUser(),
                                                 test::SandboxProcess::demoPassword().toUtf8()));
        QElapsedTimer timer;
        timer.start();
        auto *job = connection.scim().getUsers();
        job->setAutoDelete(false);
        std::unique_ptr<scim::ListUsersJob> guard(job);
        QVERIFY2(waitFor(job, 600'000), "listing timed out");
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));

        const QList<scim::User> &users = job->users();
        QCOMPARE(qint64(users.size()), job->totalResults());
        QCOMPARE(users.size(), 102'000); // 2,000 seeded + 100,000
        QSet<QString> ids;
        ids.reserve(users.size());
        for (const scim::User &u : users) {
            QVERIFY(!u.id.isEmpty());
            ids.insert(u.id);
        }
        QCOMPARE(ids.size(), users.size()); // no duplicates; with the count above, no gaps
        QCOMPARE(job->pageSize(), 100);
        QCOMPARE(job->pageCount(), 1020);
        std::printf(
            "FIGURE: scim_large_listing users=%lld pages=%d page_size=%d concurrency=%d elapsed_ms=%lld "
            "dups=0 gaps=0\n",
            static_cast<long long>(users.size()), job->pageCount(), job->pageSize(), options.pageConcurrency,
            static_cast<long long>(elapsed));
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(TestScimLargeSandbox)
#include "tst_ScimLargeSandbox.moc"
