// The transfer features under load and over time, in the real main window against anadesk-sandbox:
// - a running task (tasks of 60 s) is cancelled from the task monitor with the keyboard and ends CANCELLED
//   on the server and in the monitor;
// - a 200 MB file dropped on a file row is previewed and uploaded (chunked, compressed) while a 10 ms timer
//   measures how long the event loop ever stood still; the sandbox then holds identical bytes.
#include "TransfersTestEnv.h"
#include "transfers/CsvTableModel.h"
#include "transfers/DropUploadDialog.h"
#include "transfers/UploadPreviewTab.h"

#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace anadesk;
using namespace transferstest;

class TestTransfersLong : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cancelRunningTaskFromTheMonitor();
    void eventLoopKeepsTurningDuring200MbUpload();
    void cancelAnUploadFromTheDialog();
    void disconnectEndsTheRowsOfRunningTasks();

private:
    TransfersEnv m_env;
    QString m_bigFile;
};

void TestTransfersLong::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Tasks take a minute: long enough to cancel one whatever the machine's load.
    const QString error = m_env.start(60'000);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTransfersLong::cancelRunningTaskFromTheMonitor()
{
    const QString importId = QStringLiteral("112000000000");
    m_env.activateRow(ObjectKind::Import, importId); // Enter runs it
    const int id = m_env.newestTask(MonitoredKind::Run, importId);
    QVERIFY(id > 0);
    QVERIFY(m_env.monitor()->isVisible());
    // Wait until the task exists on the server.
    QVERIFY(QTest::qWaitFor([&] { return !m_env.monitorModel()->task(id)->taskId.isEmpty(); }, kWaitMs));
    const QString taskId = m_env.monitorModel()->task(id)->taskId;
    QVERIFY(!m_env.monitorModel()->task(id)->isFinished());

    // Delete in the monitor cancels the selected task.
    m_env.monitor()->selectTask(id);
    QTreeView *view = m_env.monitor()->view();
    QVERIFY(m_env.focus(view));
    QTest::keyClick(view, Qt::Key_Delete);
    const MonitoredState afterKey = m_env.monitorModel()->task(id)->state;
    QVERIFY(afterKey == MonitoredState::Cancelling || afterKey == MonitoredState::Cancelled);
    QVERIFY(m_env.waitFinished(id));
    const MonitoredTask *task = m_env.monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Cancelled);
    QCOMPARE(task->step, QStringLiteral("CANCELLED"));
    const QModelIndex row = m_env.monitorModel()->indexOfTask(id, TaskMonitorModel::StateColumn);
    QCOMPARE(row.data().toString(), MonitoredTask::stateName(MonitoredState::Cancelled));

    // The server agrees, and got exactly one DELETE for that task.
    GetTaskStatusJob *status = m_env.probeClient().getTaskStatus(importId, taskId);
    status->setAutoDelete(false);
    QVERIFY(waitFor(status, kWaitMs));
    QVERIFY2(status->isSucceeded(), qPrintable(status->error().toString()));
    QCOMPARE(status->status().state, TaskState::Cancelled);
    delete status;
    const QString taskPath = m_env.modelPath() + QStringLiteral("/imports/%1/tasks/%2").arg(importId, taskId);
    QCOMPARE(m_env.countRequests("DELETE", taskPath, QStringLiteral("^$")), 1);
    figure(QStringLiteral("ui_cancel_state=%1 deletes=1").arg(task->step));
}

void TestTransfersLong::eventLoopKeepsTurningDuring200MbUpload()
{
    // 200 MB of Sales.csv-shaped rows, written at test time.
    const QString local = m_env.dir.filePath(QStringLiteral("big sales.csv"));
    constexpr qint64 kSize = 200'000'000;
    {
        QFile file(local);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Products,Regions,Units,Price,Notes\n");
        QByteArray block;
        int n = 0;
        while (block.size() < 1'000'000) {
            ++n;
            block += QByteArray("Laptop,North,") + QByteArray::number(n % 997) + ",899,\"row " +
                     QByteArray::number(n) + "\"\n";
        }
        while (file.size() < kSize) {
            const qint64 room = kSize - file.size();
            QVERIFY(file.write(room >= block.size() ? block : block.left(room)) > 0);
        }
    }
    QCOMPARE(QFileInfo(local).size(), kSize);
    const QString localSha = sha256OfFile(local);
    const QString target = QStringLiteral("113000000004"); // Versions.csv: any import data file will do
    m_env.clearRequestLog();

    LoopWatch watch;
    watch.start();
    QVERIFY(m_env.dropFiles({local}, m_env.rowCenter(ObjectKind::File, target)));
    DropUploadDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            dialog = m_env.controller->lastUploadDialog();
            return dialog && dialog->stage() == DropUploadDialog::Stage::Preview;
        },
        kWaitMs));
    UploadPreviewTab *tab = dialog->previewTabs().first();
    QVERIFY(QTest::qWaitFor([tab] { return tab->isPreviewReady(); }, kWaitMs));
    QCOMPARE(tab->previewModel()->rowCount(), UploadPreviewTab::kPreviewRows); // only the head was read
    dialog->findChild<QPushButton *>(QStringLiteral("uploadButton"))->click();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return dialog->stage() == DropUploadDialog::Stage::Imports ||
                   dialog->stage() == DropUploadDialog::Stage::Done;
        },
        8 * kWaitMs));
    watch.stop();
    const MonitoredTask *upload = m_env.monitorModel()->task(dialog->uploadTaskIds().first());
    QVERIFY2(upload->state == MonitoredState::Succeeded, qPrintable(upload->message));

    figure(QStringLiteral("gui_max_gap_ms=%1 ticks=%2 upload_bytes=%3")
               .arg(watch.longestGapMs())
               .arg(watch.ticks())
               .arg(kSize));
    QVERIFY2(watch.longestGapMs() < 1'000, "the GUI stood still for a second or more during the upload");

    // Chunked: several chunk PUTs; and the sandbox holds identical bytes.
    const int puts = m_env.countRequests(
        "PUT", m_env.modelPath() + QStringLiteral("/files/%1/chunks/").arg(target), QStringLiteral("^\\d+$"));
    QVERIFY2(puts >= 8, qPrintable(QString::number(puts)));
    // Compressed: far fewer bytes arrived than the file holds.
    const qint64 wireBytes = m_env.bytesIn(
        "PUT", m_env.modelPath() + QStringLiteral("/files/%1/chunks/").arg(target), QStringLiteral("^\\d+$"));
    QVERIFY2(wireBytes > 0 && wireBytes < kSize / 2, qPrintable(QString::number(wireBytes)));
    QString error;
    QCOMPARE(m_env.sandboxFileSha(target, &error), localSha);
    figure(QStringLiteral("ui_200mb_upload_chunk_puts=%1 wire_bytes=%2").arg(puts).arg(wireBytes));
    m_bigFile = local;
    if (dialog->stage() == DropUploadDialog::Stage::Imports)
        dialog->findChild<QPushButton *>(QStringLiteral("skipImportsButton"))->click();
    QCOMPARE(dialog->stage(), DropUploadDialog::Stage::Done);
    dialog->close();
}

void TestTransfersLong::cancelAnUploadFromTheDialog()
{
    QVERIFY2(!m_bigFile.isEmpty(), "needs the file of the 200 MB test");
    const QString target = QStringLiteral("113000000004");
    m_env.clearRequestLog();
    QVERIFY(m_env.dropFiles({m_bigFile}, m_env.rowCenter(ObjectKind::File, target)));
    DropUploadDialog *dialog = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            dialog = m_env.controller->lastUploadDialog();
            return dialog && dialog->stage() == DropUploadDialog::Stage::Preview;
        },
        kWaitMs));
    dialog->findChild<QPushButton *>(QStringLiteral("uploadButton"))->click();
    QProgressBar *bar = dialog->progressBar(0);
    QVERIFY(bar);
    // Cancel as soon as the first chunk was acknowledged (from the progress signal itself: no timing luck).
    auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelUpload_0"));
    QVERIFY(cancel && cancel->isEnabled());
    connect(bar, &QProgressBar::valueChanged, cancel, [cancel](int value) {
        if (value > 0 && cancel->isEnabled())
            cancel->click();
    });
    QVERIFY(QTest::qWaitFor([&] { return dialog->stage() == DropUploadDialog::Stage::Done; }, 4 * kWaitMs));
    const MonitoredTask *upload = m_env.monitorModel()->task(dialog->uploadTaskIds().first());
    QCOMPARE(upload->state, MonitoredState::Cancelled);
    QCOMPARE(bar->format(), QStringLiteral("Cancelled"));
    QVERIFY(dialog->offeredImportIds().isEmpty()); // nothing uploaded: no import is offered
    const int puts = m_env.countRequests(
        "PUT", m_env.modelPath() + QStringLiteral("/files/%1/chunks/").arg(target), QStringLiteral("^\\d+$"));
    QVERIFY2(puts < 9, qPrintable(QString::number(puts)));
    figure(QStringLiteral("ui_cancelled_upload_chunk_puts=%1").arg(puts));
    dialog->close();
}

void TestTransfersLong::disconnectEndsTheRowsOfRunningTasks()
{
    const QString importId = QStringLiteral("112000000003");
    m_env.activateRow(ObjectKind::Import, importId);
    const int id = m_env.newestTask(MonitoredKind::Run, importId);
    QVERIFY(id > 0);
    QVERIFY(QTest::qWaitFor([&] { return !m_env.monitorModel()->task(id)->taskId.isEmpty(); }, kWaitMs));
    QVERIFY(!m_env.monitorModel()->task(id)->isFinished());
    m_env.window->disconnectSession(); // the connection and its jobs go away
    QVERIFY(m_env.waitFinished(id, 10'000));
    const MonitoredTask *task = m_env.monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Cancelled);
    QVERIFY2(task->message.contains(QStringLiteral("connection")), qPrintable(task->message));
    QVERIFY(!m_env.controller->browser());
    QCOMPARE(m_env.controller->run(importId, QStringLiteral("Users")), 0); // nothing to run on
}

QTEST_MAIN(TestTransfersLong)
#include "tst_TransfersLong.moc"
