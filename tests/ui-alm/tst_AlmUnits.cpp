// The ALM tab's item models without a server (QAbstractItemModelTester on each): revisions with the latest
// marked, and a comparison summary with its Total row. And the ALM rows of the task monitor without a server:
// a runner that cannot start fails its row, "Stop following" leaves it "No longer followed" (not cancelled),
// Cancel is disabled with the reason for ALM rows and enabled for a bulk row.
#include "alm/AlmTaskRunner.h"
#include "alm/RevisionListModel.h"
#include "alm/SummaryTableModel.h"
#include "transfers/TaskMonitor.h"
#include "transfers/TaskMonitorModel.h"
#include "transfers/TaskTracker.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFont>
#include <QtTest>

using namespace anadesk;

class TestAlmUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revisions();
    void summary();
    void monitorRowOfARunnerThatCannotStart();
    void stopFollowingIsNotCancel();
    void cancelActionSaysWhy();
};

namespace {
TaskTracker::AlmSubject syncSubject()
{
    TaskTracker::AlmSubject subject;
    subject.kind = MonitoredKind::AlmSync;
    subject.title = QStringLiteral("Sync of 'Release 1.1' into Sales PROD");
    subject.modelId = QStringLiteral("PROD");
    subject.modelName = QStringLiteral("Sales PROD");
    subject.sourceModelName = QStringLiteral("Sales DEV");
    subject.sourceRevisionId = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C502");
    subject.sourceRevisionName = QStringLiteral("Release 1.1");
    subject.targetRevisionId = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501");
    return subject;
}
} // namespace

void TestAlmUnits::revisions()
{
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    Revision a;
    a.id = QStringLiteral("AAA");
    a.name = QStringLiteral("Release 1.0");
    a.appliedBy = QStringLiteral("demo@anadesk.test");
    a.appliedOn = QStringLiteral("2025-01-01T10:00:00Z");
    Revision b = a;
    b.id = QStringLiteral("BBB");
    b.name = QStringLiteral("Release 1.1");
    b.description = QStringLiteral("Channels");
    model.setRevisions({a, b}, QStringLiteral("bbb")); // ids compare case-insensitively
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.latest()->id, QStringLiteral("BBB"));
    QCOMPARE(model.index(1, RevisionListModel::NameColumn).data().toString(),
             QStringLiteral("Release 1.1 (latest)"));
    QCOMPARE(model.index(0, RevisionListModel::NameColumn).data().toString(), QStringLiteral("Release 1.0"));
    QVERIFY(model.index(1, 0).data(RevisionListModel::LatestRole).toBool());
    QVERIFY(!model.index(0, 0).data(RevisionListModel::LatestRole).toBool());
    QVERIFY(model.index(1, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Channels")));
    QCOMPARE(model.index(0, RevisionListModel::AppliedByColumn).data().toString(), a.appliedBy);
    QCOMPARE(model.index(0, RevisionListModel::IdColumn).data(RevisionListModel::RevisionIdRole).toString(),
             a.id);
    QCOMPARE(model.rowOf(QStringLiteral("aaa")), 0);
    QCOMPARE(model.rowOf(QString()), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.latest());
}

void TestAlmUnits::summary()
{
    SummaryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!model.hasSummary());
    QCOMPARE(model.rowCount(), 0);
    SummaryReport report;
    report.totals = ChangeCounts{7, 2, 1};
    report.differences.insert(QStringLiteral("lineItems"), ChangeCounts{5, 2, 0});
    report.differences.insert(QStringLiteral("lists"), ChangeCounts{2, 0, 1});
    report.differences.insert(QStringLiteral("newThingCount"), ChangeCounts{0, 0, 0});
    model.setSummary(report);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, SummaryTableModel::AreaColumn).data().toString(), QStringLiteral("Total"));
    QCOMPARE(model.index(0, SummaryTableModel::CreatedColumn).data(SummaryTableModel::CountRole).toLongLong(),
             7);
    QCOMPARE(model.index(0, SummaryTableModel::AllColumn).data(SummaryTableModel::CountRole).toLongLong(),
             10);
    const int lineItems = model.rowOfArea(QStringLiteral("lineItems"));
    QVERIFY(lineItems > 0);
    QCOMPARE(model.index(lineItems, SummaryTableModel::AreaColumn).data().toString(),
             QStringLiteral("Line items"));
    QCOMPARE(model.index(lineItems, SummaryTableModel::ModifiedColumn)
                 .data(SummaryTableModel::CountRole)
                 .toLongLong(),
             2);
    QCOMPARE(model.index(model.rowOfArea(QStringLiteral("lists")), SummaryTableModel::DeletedColumn)
                 .data(SummaryTableModel::CountRole)
                 .toLongLong(),
             1);
    QCOMPARE(SummaryTableModel::areaTitle(QStringLiteral("newThingCount")),
             QStringLiteral("New thing count"));
    QCOMPARE(model.rowOfArea(QStringLiteral("modules")), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestAlmUnits::monitorRowOfARunnerThatCannotStart()
{
    TaskTracker tracker;
    QAbstractItemModelTester tester(tracker.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&tracker, &TaskTracker::taskFinished);
    auto *runner = new AlmTaskRunner(nullptr, QStringLiteral("PROD"), AlmTaskKind::Sync, {});
    const int id = tracker.trackAlm(runner, syncSubject());
    const MonitoredTask *task = tracker.model()->task(id);
    QVERIFY(task);
    QCOMPARE(task->state, MonitoredState::Running);
    QVERIFY(!task->isCancellable());
    QCOMPARE(task->noCancelReason, TaskTracker::almNoCancelReason());
    const QString tooltip = tracker.model()->indexOfTask(id).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("Sales PROD")) &&
                 tooltip.contains(QStringLiteral("Release 1.1")) &&
                 tooltip.contains(QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501")) &&
                 tooltip.contains(TaskTracker::almNoCancelReason()),
             qPrintable(tooltip));
    tracker.cancel(id); // nothing to cancel with
    QCOMPARE(tracker.model()->task(id)->state, MonitoredState::Running);
    runner->start();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    task = tracker.model()->task(id);
    QCOMPARE(task->state, MonitoredState::Failed);
    QVERIFY2(task->message.contains(QStringLiteral("No connection")), qPrintable(task->message));
    // A local step never announced is ignored.
    tracker.finishLocalStep(id, true, QStringLiteral("written"));
    QCOMPARE(tracker.model()->task(id)->state, MonitoredState::Failed);
    QCOMPARE(finished.count(), 1);
}

void TestAlmUnits::stopFollowingIsNotCancel()
{
    TaskTracker tracker;
    QAbstractItemModelTester tester(tracker.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto *runner = AlmTaskRunner::attach(nullptr, QStringLiteral("PROD"), AlmTaskKind::ComparisonReport,
                                         QStringLiteral("TASK1"));
    TaskTracker::AlmSubject subject = syncSubject();
    subject.kind = MonitoredKind::AlmComparisonReport;
    subject.localPath = QStringLiteral("/tmp/report.tsv");
    const int id = tracker.trackAlm(runner, subject);
    runner->abort(); // what the ALM tab's "Stop following" does
    const MonitoredTask *task = tracker.model()->task(id);
    QCOMPARE(task->state, MonitoredState::NotFollowed);
    QVERIFY(task->isFinished());
    QVERIFY2(task->message.contains(QStringLiteral("Anaplan")), qPrintable(task->message));
    QCOMPARE(MonitoredTask::stateName(task->state), QStringLiteral("No longer followed"));
    // Deleted later (autoDelete): the row stays as it is.
    QTRY_COMPARE(tracker.model()->task(id)->state, MonitoredState::NotFollowed);
}

void TestAlmUnits::cancelActionSaysWhy()
{
    TaskTracker tracker;
    TaskMonitor monitor(&tracker, nullptr, nullptr, TransferSettings());
    auto *cancel = monitor.findChild<QAction *>(QStringLiteral("cancelTaskAction"));
    QVERIFY(cancel);
    const QString bulkTip = cancel->toolTip();
    auto *runner =
        AlmTaskRunner::attach(nullptr, QStringLiteral("PROD"), AlmTaskKind::Sync, QStringLiteral("T"));
    const int alm = tracker.trackAlm(runner, syncSubject());
    MonitoredTask bulk;
    bulk.kind = MonitoredKind::Run;
    bulk.title = QStringLiteral("Import 'Sales'");
    bulk.objectId = QStringLiteral("112000000001");
    bulk.state = MonitoredState::Running;
    const int run = tracker.model()->add(bulk);

    monitor.selectTask(alm);
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(cancel->toolTip(), TaskTracker::almNoCancelReason());
    monitor.selectTask(run);
    QVERIFY(cancel->isEnabled());
    QCOMPARE(cancel->toolTip(), bulkTip);
    monitor.selectTask(alm);
    QCOMPARE(cancel->toolTip(), TaskTracker::almNoCancelReason());
    runner->abort();
    // Finished: disabled like any finished row, with the ordinary tooltip.
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(cancel->toolTip(), bulkTip);
}

QTEST_MAIN(TestAlmUnits)
#include "tst_AlmUnits.moc"
