// ALM tasks in the task monitor, in the real main window against anadesk-sandbox: a comparison summary, a
// full comparison report and a sync started from the ALM tab each get a monitor row that reaches the state
// the sandbox reports for the task (and says where the report was written); Cancel is disabled for them,
// with the reason as its tooltip, and enabled for a bulk import's row; the monitor adds no poller of its own
// (the sandbox saw exactly as many status GETs per task id as the ALM tab's runner sent); a sync the server
// refuses shows the server's message; "Stop following" leaves a row "No longer followed", not "Cancelled";
// the rows stay as history; QAbstractItemModelTester watches the monitor model.
#include "AdminTestEnv.h"
#include "AlmTestSteps.h"
#include "alm/AlmPanel.h"
#include "alm/AlmSourceDialog.h"
#include "alm/AlmTaskRow.h"
#include "alm/AlmTaskRunner.h"
#include "browser/ModelBrowser.h"
#include "transfers/TaskMonitor.h"
#include "transfers/TaskMonitorModel.h"
#include "transfers/TaskTracker.h"
#include "transfers/TransfersController.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace anadesk;
using namespace admintest;

namespace {

const QString kSalesImport = QStringLiteral("112000000001"); // an import of the DEV model

QString almPath(const QString &model, const QString &rest)
{
    return QStringLiteral("/2/0/models/%1/alm/%2").arg(model, rest);
}

// What the ALM tab's own runner did, read when it finished (it deletes itself afterwards).
struct RunnerRecord
{
    bool finished = false;
    int polls = 0;
    QString taskId;
};

} // namespace

class TestAlmMonitorSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bulkRunCanBeCancelled();
    void comparisonSummaryRow();
    void comparisonReportRow();
    void failedSyncShowsTheServerMessage();
    void stopFollowingIsNotCancel();
    void syncRow();
    void rowsStayAsHistory();
    void cleanupTestCase();

private:
    bool showModel(const QString &modelId) { return admintest::showModel(m_browser, m_panel, modelId); }
    // Opens the sync/compare dialog through its action and picks DEV's revision `revisionId`.
    AlmSourceDialog *chooseSource(const char *action, const QString &revisionId)
    {
        auto *trigger = m_panel->findChild<QAction *>(QLatin1String(action));
        if (!trigger || !QTest::qWaitFor([trigger] { return trigger->isEnabled(); }, kWaitMs))
            return nullptr;
        trigger->trigger();
        AlmSourceDialog *dialog = m_panel->sourceDialog();
        if (!dialog)
            return nullptr;
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoading() && dialog->modelCombo()->count() > 0; },
                             kWaitMs))
            return nullptr;
        if (dialog->modelCombo()->currentData().toString() != kDevModel) {
            if (!dialog->selectSourceModel(kDevModel))
                return nullptr;
        }
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoading(); }, kWaitMs))
            return nullptr;
        return dialog->selectRevision(revisionId) ? dialog : nullptr;
    }
    // Records the ALM tab's runner (the one its progress row follows) when it finishes.
    std::shared_ptr<RunnerRecord> recordRunner()
    {
        auto record = std::make_shared<RunnerRecord>();
        AlmTaskRunner *runner = m_panel->taskRow()->runner();
        if (!runner)
            return record;
        connect(runner, &Job::finished, this, [record, runner] {
            record->finished = true;
            record->polls = runner->polls();
            record->taskId = runner->taskId();
        });
        return record;
    }
    TaskMonitorModel *monitorModel() const { return m_controller->tracker()->model(); }
    QAction *cancelAction() const
    {
        return m_controller->monitor()->findChild<QAction *>(QStringLiteral("cancelTaskAction"));
    }
    // The task the sandbox reports for `kindPath` ("syncTasks"…) of model.
    QJsonObject sandboxTask(const QString &model, const QString &kindPath, const QString &taskId) const
    {
        return m_env.probe->get(almPath(model, kindPath + u'/' + taskId))
            .json()
            .value(QStringLiteral("task"))
            .toObject();
    }
    // The row of a just-started ALM task: there at once, running, not cancellable, and Cancel says why.
    void checkStartedRow(int id, MonitoredKind kind, const QString &modelName);
    // Status GETs the sandbox saw for the task equal the ALM tab runner's polls (one poller).
    void checkOnePoller(const QString &model, const QString &kindPath, const RunnerRecord &record,
                        const char *figureName);

    AdminEnv m_env;
    TransfersController *m_controller = nullptr;
    ModelBrowser *m_browser = nullptr;
    AlmPanel *m_panel = nullptr;
    QString m_devName;
    QString m_prodName;
    int m_rowsStarted = 0;
};

void TestAlmMonitorSandbox::initTestCase()
{
    // Tasks of 1.5 s with 250 ms polls: several status reads per task.
    const QString error = m_env.start(1500);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The task monitor as the desktop app installs it (after the window, hence after the ALM tab).
    ShellServices services;
    services.messages = &m_env.messages;
    services.files = &m_env.files;
    services.settingsFile = m_env.dir.filePath(QStringLiteral("Anadesk.ini"));
    m_controller = installTransfers(m_env.window.get(), services);
    QVERIFY(m_controller);
    m_env.addTester(monitorModel());
    m_browser = qobject_cast<ModelBrowser *>(m_env.window->browserWidget());
    QVERIFY(m_browser);
    m_panel = m_browser->findChild<AlmPanel *>(QStringLiteral("almPanel"));
    QVERIFY(m_panel);
    auto *tabs = m_browser->findChild<QTabWidget *>(QStringLiteral("objectTabs"));
    QVERIFY(tabs);
    tabs->setCurrentWidget(m_panel);
    QVERIFY(showModel(kDevModel));
    m_devName = m_browser->currentModelName();
    QVERIFY(!m_devName.isEmpty());
}

void TestAlmMonitorSandbox::bulkRunCanBeCancelled()
{
    QVERIFY(QTest::qWaitFor([this] { return m_browser->currentModel().isComplete(); }, kWaitMs));
    const int id = m_controller->run(kSalesImport, QStringLiteral("Sales"));
    QVERIFY(id > 0);
    ++m_rowsStarted;
    const MonitoredTask *task = monitorModel()->task(id);
    QVERIFY(task);
    QCOMPARE(task->kind, MonitoredKind::Run);
    QVERIFY(task->noCancelReason.isEmpty());
    QVERIFY(task->isCancellable());
    m_controller->monitor()->selectTask(id);
    QCOMPARE(m_controller->monitor()->currentTaskId(), id);
    QVERIFY(cancelAction()->isEnabled());
    QVERIFY(cancelAction()->toolTip() != TaskTracker::almNoCancelReason());
    // Cancel it at once (no event loop ran since: the task was not started on the server yet).
    cancelAction()->trigger();
    QVERIFY(monitorModel()->task(id)->isFinished());
    QVERIFY(!cancelAction()->isEnabled());
    // The runner deletes itself later: the row keeps saying why it ended (not "connection closed").
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->tracker()->jobOf(id), kWaitMs);
    const MonitoredTask *ended = monitorModel()->task(id);
    QCOMPARE(ended->state, MonitoredState::Cancelled);
    QVERIFY2(ended->message.contains(QStringLiteral("before the task started")), qPrintable(ended->message));
}

void TestAlmMonitorSandbox::checkStartedRow(int id, MonitoredKind kind, const QString &modelName)
{
    QVERIFY(id > 0);
    ++m_rowsStarted;
    const MonitoredTask *task = monitorModel()->task(id);
    QVERIFY(task);
    QCOMPARE(task->kind, kind);
    QCOMPARE(task->model.modelId, m_panel->modelId());
    QCOMPARE(task->modelName, modelName);
    QCOMPARE(task->sourceRevisionId, kRelease11);
    QCOMPARE(task->sourceModelName, m_devName);
    QVERIFY(!task->isFinished());
    QVERIFY(!task->isCancellable());
    QCOMPARE(task->noCancelReason, TaskTracker::almNoCancelReason());
    // The row names the model and the revision.
    const QString tooltip = monitorModel()->indexOfTask(id).data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(modelName) && tooltip.contains(kRelease11), qPrintable(tooltip));
    m_controller->monitor()->selectTask(id);
    QCOMPARE(m_controller->monitor()->currentTaskId(), id);
    QVERIFY(!cancelAction()->isEnabled());
    QCOMPARE(cancelAction()->toolTip(), TaskTracker::almNoCancelReason());
    // Delete (the Cancel shortcut) and a direct call change nothing.
    m_controller->tracker()->cancel(id);
    QVERIFY(!monitorModel()->task(id)->isFinished());
    QVERIFY(monitorModel()->task(id)->state == MonitoredState::Running);
}

void TestAlmMonitorSandbox::checkOnePoller(const QString &model, const QString &kindPath,
                                           const RunnerRecord &record, const char *figureName)
{
    QVERIFY(record.finished);
    QVERIFY(!record.taskId.isEmpty());
    QVERIFY(record.polls >= 1);
    const int seen = int(m_env.requests("GET", almPath(model, kindPath + u'/' + record.taskId)).size());
    QCOMPARE(seen, record.polls);
    figure(QStringLiteral("%1 status_gets=%2 runner_polls=%3")
               .arg(QLatin1String(figureName))
               .arg(seen)
               .arg(record.polls));
}

void TestAlmMonitorSandbox::comparisonSummaryRow()
{
    QVERIFY(showModel(kProdModel));
    m_prodName = m_browser->currentModelName();
    AlmSourceDialog *dialog = chooseSource("compareRevisionsAction", kRelease11);
    QVERIFY(dialog);
    QSignalSpy compared(m_panel, &AlmPanel::comparisonFinished);
    dialog->accept();
    const int id = m_panel->lastMonitorId();
    checkStartedRow(id, MonitoredKind::AlmComparisonSummary, m_prodName);
    if (QTest::currentTestFailed())
        return;
    const auto record = recordRunner();
    QVERIFY(compared.wait(kWaitMs));
    QVERIFY(compared.first().first().toBool());
    QVERIFY(QTest::qWaitFor([&record] { return record->finished; }, kWaitMs));
    const MonitoredTask *task = monitorModel()->task(id);
    QCOMPARE(task->taskId, record->taskId);
    // Counted before this test reads the task itself.
    checkOnePoller(kProdModel, QStringLiteral("summaryReportTasks"), *record, "ui_alm_monitor_summary");
    if (QTest::currentTestFailed())
        return;
    const QJsonObject reported = sandboxTask(kProdModel, QStringLiteral("summaryReportTasks"), task->taskId);
    QCOMPARE(reported.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QVERIFY(reported.value(QStringLiteral("result")).toObject().value(QStringLiteral("successful")).toBool());
    QCOMPARE(task->state, MonitoredState::Succeeded);
    QCOMPARE(task->progress, 1.0);
    QVERIFY2(task->message.contains(QStringLiteral("created")), qPrintable(task->message));
}

void TestAlmMonitorSandbox::comparisonReportRow()
{
    const QString path = m_env.dir.filePath(QStringLiteral("monitor-comparison.tsv"));
    m_env.files.answerFor(QStringLiteral("saveComparisonReportDialog"), {path});
    QSignalSpy saved(m_panel, &AlmPanel::reportSaved);
    auto *save = m_panel->findChild<QAction *>(QStringLiteral("saveComparisonReportAction"));
    QVERIFY(save && save->isEnabled());
    save->trigger();
    const int id = m_panel->lastMonitorId();
    checkStartedRow(id, MonitoredKind::AlmComparisonReport, m_prodName);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(monitorModel()->task(id)->localPath, path);
    const auto record = recordRunner();
    QVERIFY(saved.wait(kWaitMs));
    QVERIFY(record->finished);
    // The row ends with the file written, and says where.
    const MonitoredTask *task = monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Succeeded);
    QVERIFY2(task->message.contains(QDir::toNativeSeparators(path)), qPrintable(task->message));
    QVERIFY(QFile::exists(path));
    // Counted before this test reads the task itself.
    checkOnePoller(kProdModel, QStringLiteral("comparisonReportTasks"), *record, "ui_alm_monitor_report");
    if (QTest::currentTestFailed())
        return;
    const QJsonObject reported =
        sandboxTask(kProdModel, QStringLiteral("comparisonReportTasks"), task->taskId);
    QCOMPARE(reported.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QVERIFY(reported.value(QStringLiteral("result")).toObject().value(QStringLiteral("successful")).toBool());
    const QString shown = monitorModel()->indexOfTask(id, TaskMonitorModel::ResultColumn).data().toString();
    QVERIFY2(shown.contains(QDir::toNativeSeparators(path)), qPrintable(shown));
}

void TestAlmMonitorSandbox::stopFollowingIsNotCancel()
{
    AlmSourceDialog *dialog = chooseSource("compareRevisionsAction", kRelease11);
    QVERIFY(dialog);
    QSignalSpy compared(m_panel, &AlmPanel::comparisonFinished);
    dialog->accept();
    const int id = m_panel->lastMonitorId();
    checkStartedRow(id, MonitoredKind::AlmComparisonSummary, m_prodName);
    if (QTest::currentTestFailed())
        return;
    // The ALM tab's "Stop following": the monitor row says the task goes on, never "Cancelled".
    m_panel->taskRow()->stopFollowing();
    QVERIFY(compared.count() == 1 || compared.wait(kWaitMs));
    QCOMPARE(compared.first().first().toBool(), false);
    const MonitoredTask *task = monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::NotFollowed);
    QVERIFY2(task->message.contains(QStringLiteral("Anaplan")), qPrintable(task->message));
    QCOMPARE(monitorModel()->indexOfTask(id, TaskMonitorModel::StateColumn).data().toString(),
             QStringLiteral("No longer followed"));
}

void TestAlmMonitorSandbox::syncRow()
{
    AlmSourceDialog *dialog = chooseSource("syncModelAction", kRelease11);
    QVERIFY(dialog);
    QSignalSpy synced(m_panel, &AlmPanel::syncFinished);
    dialog->accept();
    const int id = m_panel->lastMonitorId();
    checkStartedRow(id, MonitoredKind::AlmSync, m_prodName);
    if (QTest::currentTestFailed())
        return;
    const auto record = recordRunner();
    // Progress reaches the monitor row while the task runs (the sandbox reports it).
    bool sawProgress = false;
    connect(monitorModel(), &QAbstractItemModel::dataChanged, this, [&sawProgress, id, this] {
        const MonitoredTask *task = monitorModel()->task(id);
        sawProgress = sawProgress || (task && !task->isFinished() && task->progress >= 0.0);
    });
    QVERIFY(synced.wait(kWaitMs));
    disconnect(monitorModel(), &QAbstractItemModel::dataChanged, this, nullptr);
    QVERIFY(synced.first().first().toBool());
    QVERIFY(QTest::qWaitFor([&record] { return record->finished; }, kWaitMs));
    const MonitoredTask *task = monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Succeeded);
    QVERIFY2(task->message.contains(m_prodName), qPrintable(task->message));
    // Counted before this test reads the task itself.
    checkOnePoller(kProdModel, QStringLiteral("syncTasks"), *record, "ui_alm_monitor_sync");
    if (QTest::currentTestFailed())
        return;
    const QJsonObject reported = sandboxTask(kProdModel, QStringLiteral("syncTasks"), task->taskId);
    QCOMPARE(reported.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QVERIFY(reported.value(QStringLiteral("result")).toObject().value(QStringLiteral("successful")).toBool());
    if (record->polls > 1) // the first poll may already see the end
        QVERIFY(sawProgress);
}

void TestAlmMonitorSandbox::failedSyncShowsTheServerMessage()
{
    // The sandbox refuses the sync (once) with a v2 error: the row fails with the server's message.
    const QString serverMessage = QStringLiteral("Model is locked by another sync.");
    QCOMPARE(
        m_env.addFault(QJsonObject{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("path"), almPath(kProdModel, QStringLiteral("syncTasks"))},
            {QStringLiteral("kind"), QStringLiteral("status")},
            {QStringLiteral("status"), 400},
            {QStringLiteral("body"), QJsonObject{{QStringLiteral("status"),
                                                  QJsonObject{{QStringLiteral("code"), 400},
                                                              {QStringLiteral("message"), serverMessage}}}}},
            {QStringLiteral("times"), 1}}),
        201);
    AlmSourceDialog *dialog = chooseSource("syncModelAction", kRelease11);
    QVERIFY(dialog);
    QSignalSpy synced(m_panel, &AlmPanel::syncFinished);
    dialog->accept();
    const int id = m_panel->lastMonitorId();
    checkStartedRow(id, MonitoredKind::AlmSync, m_prodName);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(synced.wait(kWaitMs));
    m_env.clearFaults();
    QCOMPARE(synced.first().first().toBool(), false);
    const MonitoredTask *task = monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Failed);
    QVERIFY2(task->message.contains(serverMessage), qPrintable(task->message));
    QVERIFY(monitorModel()
                ->indexOfTask(id, TaskMonitorModel::ResultColumn)
                .data()
                .toString()
                .contains(serverMessage));
    // Finished: Cancel stays disabled, with its ordinary tooltip.
    m_controller->monitor()->selectTask(id);
    QVERIFY(!cancelAction()->isEnabled());
    QVERIFY(cancelAction()->toolTip() != TaskTracker::almNoCancelReason());
}

void TestAlmMonitorSandbox::rowsStayAsHistory()
{
    // Every operation of the session is still listed, finished.
    QCOMPARE(monitorModel()->rowCount(), m_rowsStarted);
    for (int id : monitorModel()->taskIds())
        QVERIFY(monitorModel()->task(id)->isFinished());
    figure(QStringLiteral("ui_alm_monitor_rows=%1").arg(m_rowsStarted));
}

void TestAlmMonitorSandbox::cleanupTestCase()
{
    QVERIFY2(m_env.messages.unanswered().isEmpty(), qPrintable(m_env.messages.unanswered().join(u", ")));
}

QTEST_MAIN(TestAlmMonitorSandbox)
#include "tst_AlmMonitorSandbox.moc"
