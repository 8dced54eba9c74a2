// PageLedger on its own (and the page store helpers of PagedFetchJob.h): what a first page implies, which
// page goes next within the concurrency bound, what each later page must hold, and the first repeated id —
// the checks every paged listing relies on (PagedListJob, scim::ScimPagedJob, audit::AuditPagedJob), shown
// here without any network.
#include "api/PageLedger.h"
#include "api/PagedFetchJob.h"

#include <QTest>
#include <cstdio>

using namespace anadesk;
using Problem = PageLedger::Problem;

Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {
QStringList ids(int from, int count)
{
    QStringList list;
    for (int i = from; i < from + count; ++i)
        list.append(QString::number(i));
    return list;
}
} // namespace

class TestPageLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstPageHoldingEverythingIsComplete()
    {
        PageLedger ledger;
        QVERIFY(!ledger.begin(3, 3, 3, 10));
        QCOMPARE(ledger.pageCount(), 1);
        ledger.keep(0, ids(0, 3));
        QCOMPARE(ledger.pagesDone(), 1);
        QVERIFY(!ledger.take(4));
        QVERIFY(ledger.allIn());
        QVERIFY(!ledger.firstRepeat());
    }

    void firstPageProblems_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("firstCount");
        QTest::addColumn<qint64>("pageSize");
        QTest::addColumn<int>("kind");
        QTest::addColumn<qint64>("got");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("more than total")
            << qint64(2) << qint64(3) << qint64(3) << int(Problem::MoreThanTotal) << qint64(3) << qint64(2);
        QTest::newRow("negative total")
            << qint64(-1) << qint64(0) << qint64(0) << int(Problem::MoreThanTotal) << qint64(0) << qint64(-1);
        QTest::newRow("empty first page")
            << qint64(5) << qint64(0) << qint64(0) << int(Problem::NoPageSize) << qint64(0) << qint64(5);
        QTest::newRow("short first page")
            << qint64(10) << qint64(3) << qint64(4) << int(Problem::FirstPageShort) << qint64(3) << qint64(4);
        QTest::newRow("too many pages") << qint64(1'000) << qint64(1) << qint64(1)
                                        << int(Problem::TooManyPages) << qint64(1'000) << qint64(100);
    }
    void firstPageProblems()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, firstCount);
        QFETCH(qint64, pageSize);
        QFETCH(int, kind);
        QFETCH(qint64, got);
        QFETCH(qint64, expected);
        PageLedger ledger;
        const auto problem = ledger.begin(total, firstCount, pageSize, 100);
        QVERIFY(problem);
        QCOMPARE(int(problem->kind), kind);
        QCOMPARE(problem->offset, qint64(0));
        QCOMPARE(problem->got, got);
        QCOMPARE(problem->expected, expected);
    }

    // 10 items in pages of 4: pages 1 and 2 at offsets 4 and 8, the last one short (2 items).
    void schedulesRemainingPagesWithinTheBound()
    {
        PageLedger ledger;
        QVERIFY(!ledger.begin(10, 4, 4, 100));
        QCOMPARE(ledger.pageCount(), 3);
        ledger.keep(0, ids(0, 4));
        QCOMPARE(ledger.offsetOf(1), qint64(4));
        QCOMPARE(ledger.offsetOf(2), qint64(8));
        QCOMPARE(ledger.expectedCount(1), qint64(4));
        QCOMPARE(ledger.expectedCount(2), qint64(2));

        QCOMPARE(ledger.take(1), std::optional<int>(1));
        QVERIFY(!ledger.take(1)); // one in flight already
        QVERIFY(!ledger.allIn());
        ledger.landed();
        ledger.keep(1, ids(4, 4));
        QCOMPARE(ledger.take(2), std::optional<int>(2));
        QVERIFY(!ledger.take(2)); // nothing left to send
        QVERIFY(!ledger.allIn());
        ledger.landed();
        ledger.keep(2, ids(8, 2));
        QVERIFY(ledger.allIn());
        QCOMPARE(ledger.pagesDone(), 3);
        QCOMPARE(ledger.maxInFlight(), 1);
        QVERIFY(!ledger.firstRepeat());
        std::printf("FIGURE: page_ledger_pages=%d max_in_flight=%d\n", ledger.pageCount(),
                    ledger.maxInFlight());
    }

    void concurrencyBoundIsReached()
    {
        PageLedger ledger;
        QVERIFY(!ledger.begin(100, 10, 10, 100));
        int taken = 0;
        while (ledger.take(3))
            ++taken;
        QCOMPARE(taken, 3);
        QCOMPARE(ledger.maxInFlight(), 3);
        ledger.dropInFlight(); // an abort: nothing in flight any more, but pages are left
        QVERIFY(!ledger.allIn());
    }

    void laterPageChecks_data()
    {
        QTest::addColumn<std::optional<qint64>>("total");
        QTest::addColumn<std::optional<qint64>>("offset");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<int>("kind"); // -1: accepted
        QTest::addColumn<qint64>("got");
        QTest::addColumn<qint64>("expected");
        const std::optional<qint64> none;
        QTest::newRow("silent and right") << none << none << qint64(2) << -1 << qint64(0) << qint64(0);
        QTest::newRow("echoes right") << std::optional<qint64>(10) << std::optional<qint64>(8) << qint64(2)
                                      << -1 << qint64(0) << qint64(0);
        QTest::newRow("total changed") << std::optional<qint64>(11) << std::optional<qint64>(9) << qint64(1)
                                       << int(Problem::TotalChanged) << qint64(11) << qint64(10);
        QTest::newRow("wrong position") << std::optional<qint64>(10) << std::optional<qint64>(4) << qint64(2)
                                        << int(Problem::WrongPosition) << qint64(4) << qint64(8);
        QTest::newRow("gap") << none << none << qint64(1) << int(Problem::WrongCount) << qint64(1)
                             << qint64(2);
        QTest::newRow("too many") << none << none << qint64(3) << int(Problem::WrongCount) << qint64(3)
                                  << qint64(2);
    }
    void laterPageChecks()
    {
        QFETCH(std::optional<qint64>, total);
        QFETCH(std::optional<qint64>, offset);
        QFETCH(qint64, count);
        QFETCH(int, kind);
        QFETCH(qint64, got);
        QFETCH(qint64, expected);
        PageLedger ledger;
        QVERIFY(!ledger.begin(10, 4, 4, 100));
        const auto problem = ledger.check(2, total, offset, count);
        if (kind < 0) {
            QVERIFY(!problem);
            return;
        }
        QVERIFY(problem);
        QCOMPARE(int(problem->kind), kind);
        QCOMPARE(problem->offset, qint64(8));
        QCOMPARE(problem->got, got);
        QCOMPARE(problem->expected, expected);
    }

    void repeatedIdIsFoundAcrossPagesInPageOrder()
    {
        PageLedger ledger;
        QVERIFY(!ledger.begin(6, 2, 2, 100));
        // Pages land out of order; the repeat is reported where it stands in page order.
        ledger.keep(2, {QStringLiteral("b"), QStringLiteral("e")});
        ledger.keep(0, {QStringLiteral("a"), QStringLiteral("b")});
        ledger.keep(1, {QString(), QString()}); // items without an id never collide
        const auto repeat = ledger.firstRepeat();
        QVERIFY(repeat);
        QCOMPARE(int(repeat->kind), int(Problem::Duplicate));
        QCOMPARE(repeat->id, QStringLiteral("b"));
        QCOMPARE(repeat->offset, qint64(4));
    }

    void keepOutsideThePagesIsIgnored()
    {
        PageLedger ledger;
        QVERIFY(!ledger.begin(4, 2, 2, 100));
        ledger.keep(5, ids(0, 2));
        ledger.keep(-1, ids(0, 2));
        QCOMPARE(ledger.pagesDone(), 0);
    }

    void pagesArrivingInAnyOrderJoinInPageOrder()
    {
        QList<QList<int>> pages;
        putPage(pages, 2, QList<int>{5});
        putPage(pages, 0, QList<int>{1, 2});
        putPage(pages, 1, QList<int>{3, 4});
        QCOMPARE(pages.size(), 3);
        QCOMPARE(joinPages(pages), (QList<int>{1, 2, 3, 4, 5}));
        QVERIFY(pages.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPageLedger)
#include "tst_PageLedger.moc"
