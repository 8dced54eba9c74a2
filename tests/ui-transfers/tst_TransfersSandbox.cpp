// The transfer features in the real main window against a real anadesk-sandbox (offscreen): drop a CSV on
// the Sales.csv row → preview with the file's metadata → upload → the sandbox holds identical bytes
// (fetched back, SHA-256 compared) → run the import that reads it → rows shown; a bad CSV → failed import
// → its failure dump in the filterable table, saved byte for byte; run an export and save it; drag an
// export out; download a file; task history. Every item model involved runs under QAbstractItemModelTester.
#include "TransfersTestEnv.h"
#include "transfers/CsvTableModel.h"
#include "transfers/DropUploadDialog.h"
#include "transfers/ExportDragData.h"
#include "transfers/FailureDumpDialog.h"
#include "transfers/OperationListModel.h"
#include "transfers/TaskHistoryDialog.h"
#include "transfers/TaskHistoryModel.h"
#include "transfers/UploadPreviewTab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace anadesk;
using namespace transferstest;

namespace {

const QByteArray kGoodCsv = "Products,Regions,Units,Price,Notes\n"
                            "Laptop,East,31,905,\"Fleet, renewal\"\n"
                            "Monitor,West,64,219.5,\n"
                            "Office Suite,North,12,120,\"Promo \"\"spring\"\"\"\n"
                            "Security Pack,South,7,80,Bundle\n";

const QByteArray kBadCsv = "Products,Regions,Units,Price,Notes\n"
                           "Laptop,East,12,899,\n"
                           "Laptop,Atlantis,5,899,\n"
                           "Hoverboard,North,1,5000,\n";

} // namespace

class TestTransfersSandbox : public QObject
{
    Q_OBJECT
    TransfersEnv m_env;

    // Waits for the upload dialog the drop opened, in the given stage.
    DropUploadDialog *waitForDialog(DropUploadDialog::Stage stage, int timeoutMs = kWaitMs)
    {
        DropUploadDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = m_env.controller->lastUploadDialog();
                return dialog && dialog->stage() == stage;
            },
            timeoutMs);
        return dialog && dialog->stage() == stage ? dialog : nullptr;
    }

private Q_SLOTS:
    void initTestCase();
    void dropOnSalesRowPreviewsUploadsAndImports();
    void badCsvFailsAndItsDumpOpensFiltersAndSaves();
    void runExportAndSaveToTheRememberedFolder();
    void dragExportRowOut();
    void downloadAnyFile();
    void taskHistoryOfAnImport();
    void processResultShowsNestedResultsAndTheirDump();
    void droppedFolderAndMissingFileAreRefused();
};

void TestTransfersSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!test::SandboxProcess::binaryPath().isEmpty());
    const QString error = m_env.start(800);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    connect(m_env.controller, &TransfersController::uploadDialogOpened, this,
            [this](DropUploadDialog *dialog) { m_env.addTester(dialog->operations()); });
}

void TestTransfersSandbox::dropOnSalesRowPreviewsUploadsAndImports()
{
    const QString local = m_env.dir.filePath(QStringLiteral("weekly sales.csv"));
    QVERIFY(writeFile(local, kGoodCsv));

    QVERIFY(m_env.dropFiles({local}, m_env.rowCenter(ObjectKind::File, kSalesFile)));
    DropUploadDialog *dialog = waitForDialog(DropUploadDialog::Stage::Preview);
    QVERIFY(dialog);
    QCOMPARE(dialog->previewTabs().size(), 1);
    UploadPreviewTab *tab = dialog->previewTabs().first();
    // Dropped on the Sales.csv row: that is the target, although the names differ.
    QCOMPARE(tab->targetId(), kSalesFile);
    QVERIFY(QTest::qWaitFor([tab] { return tab->isPreviewReady(); }, kWaitMs));
    m_env.addTester(tab->previewModel());
    CsvTableModel *preview = tab->previewModel();
    QCOMPARE(preview->table().header,
             (QStringList{QStringLiteral("Products"), QStringLiteral("Regions"), QStringLiteral("Units"),
                          QStringLiteral("Price"), QStringLiteral("Notes")}));
    QCOMPARE(preview->columnCount(), 5);
    QCOMPARE(preview->rowCount(), 4);
    QCOMPARE(preview->index(0, 4).data().toString(), QStringLiteral("Fleet, renewal"));
    QCOMPARE(preview->index(2, 4).data().toString(), QStringLiteral("Promo \"spring\""));
    QCOMPARE(preview->headerData(0, Qt::Vertical).toInt(), 2); // first data row of the file's metadata
    QVERIFY(tab->formatLabel()->text().contains(QStringLiteral("UTF-8")));
    QVERIFY2(dialog->uploadProblem().isEmpty(), qPrintable(dialog->uploadProblem()));
    screenshot(dialog, QStringLiteral("upload-preview"));

    m_env.clearRequestLog();
    dialog->findChild<QPushButton *>(QStringLiteral("uploadButton"))->click();
    dialog = waitForDialog(DropUploadDialog::Stage::Imports);
    QVERIFY2(dialog, "the upload did not reach the import offer");
    QCOMPARE(dialog->uploadTaskIds().size(), 1);
    const MonitoredTask *upload = m_env.monitorModel()->task(dialog->uploadTaskIds().first());
    QCOMPARE(upload->state, MonitoredState::Succeeded);
    QCOMPARE(dialog->progressBar(0)->value(), dialog->progressBar(0)->maximum());

    // The sandbox holds exactly the dropped bytes, sent as chunk PUTs after the chunk count.
    QString error;
    QCOMPARE(m_env.sandboxFileSha(kSalesFile, &error), sha256Of(kGoodCsv));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString filePath = m_env.modelPath() + QStringLiteral("/files/") + kSalesFile;
    QCOMPARE(m_env.countRequests("PUT", filePath + QStringLiteral("/chunks/"), QStringLiteral("^\\d+$")), 1);
    QVERIFY(m_env.countRequests("POST", filePath, QStringLiteral("^$")) >= 1);

    // Only the import reading Sales.csv is offered.
    QCOMPARE(dialog->offeredImportIds(), QStringList{kSalesImport});
    QVERIFY(dialog->importCheck(kSalesImport)->isChecked());
    dialog->findChild<QPushButton *>(QStringLiteral("runImportsButton"))->click();
    dialog = waitForDialog(DropUploadDialog::Stage::Done);
    QVERIFY2(dialog, "the import did not finish");
    QCOMPARE(dialog->importTaskIds().size(), 1);
    const int importId = dialog->importTaskIds().first();
    const MonitoredTask *run = m_env.monitorModel()->task(importId);
    QVERIFY2(run->state == MonitoredState::Succeeded, qPrintable(run->message));
    QVERIFY(run->result.has_value());
    QCOMPARE(run->objectId, kSalesImport);

    // The result table shows the rows taken.
    OperationListModel *operations = dialog->operations();
    QCOMPARE(operations->rowCount(), 2);
    QCOMPARE(operations->index(1, OperationListModel::SucceededColumn).data().toInt(), 4);
    QCOMPARE(operations->index(1, OperationListModel::FailedColumn).data().toInt(), 0);
    QCOMPARE(operations->index(1, OperationListModel::IgnoredColumn).data().toInt(), 0);
    // The monitor lists the upload and the run, the run with its result details below it.
    const QModelIndex runIndex = m_env.monitorModel()->indexOfTask(importId);
    QVERIFY(m_env.monitorModel()->rowCount(runIndex) >= 1);
    QVERIFY(m_env.monitorModel()->index(0, 0, runIndex).data().toString().contains(QStringLiteral("4")));
    figure(QStringLiteral("ui_drop_upload_import_rows_succeeded=%1")
               .arg(operations->index(1, OperationListModel::SucceededColumn).data().toInt()));
    dialog->close();
}

void TestTransfersSandbox::badCsvFailsAndItsDumpOpensFiltersAndSaves()
{
    // Named like the model's file and dropped below the rows: the chooser preselects Sales.csv by name.
    const QString local = m_env.dir.filePath(QStringLiteral("Sales.csv"));
    QVERIFY(writeFile(local, kBadCsv));
    QTableView *files = m_env.browser->tableView(ObjectKind::File);
    const QPoint below(5, files->viewport()->height() - 3);
    QVERIFY2(!files->indexAt(below).isValid(),
             "the files table fills its viewport; no empty area to drop on");
    QVERIFY(m_env.dropFiles({local}, below));
    DropUploadDialog *dialog = waitForDialog(DropUploadDialog::Stage::Preview);
    QVERIFY(dialog);
    QCOMPARE(dialog->previewTabs().first()->targetId(), kSalesFile);
    dialog->findChild<QPushButton *>(QStringLiteral("uploadButton"))->click();
    dialog = waitForDialog(DropUploadDialog::Stage::Imports);
    QVERIFY(dialog);
    dialog->findChild<QPushButton *>(QStringLiteral("runImportsButton"))->click();
    dialog = waitForDialog(DropUploadDialog::Stage::Done);
    QVERIFY(dialog);
    const int importId = dialog->importTaskIds().first();
    const MonitoredTask *run = m_env.monitorModel()->task(importId);
    QCOMPARE(run->state, MonitoredState::Failed);
    QVERIFY(run->hasFailureDump());
    OperationListModel *operations = dialog->operations();
    QCOMPARE(operations->index(1, OperationListModel::SucceededColumn).data().toInt(), 1);
    QCOMPARE(operations->index(1, OperationListModel::FailedColumn).data().toInt(), 2);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("openDumpButton"))->isEnabled());

    QSignalSpy opened(m_env.monitor(), &TaskMonitor::dumpOpened);
    dialog->findChild<QPushButton *>(QStringLiteral("openDumpButton"))->click();
    QVERIFY(opened.count() == 1 || opened.wait(kWaitMs));
    auto *dump = opened.at(0).at(0).value<FailureDumpDialog *>();
    QVERIFY(dump);
    QVERIFY(QTest::qWaitFor([dump] { return dump->isParsed(); }, kWaitMs));
    m_env.addTester(dump->tableModel());
    m_env.addTester(dump->proxy());
    QCOMPARE(dump->tableModel()->rowCount(), 2);
    QVERIFY(dump->tableModel()->table().header.contains(QStringLiteral("_Error_1_")));
    // Shown in the dump's order (the file's line order) until the user sorts.
    QCOMPARE(dump->view()->horizontalHeader()->sortIndicatorSection(), -1);
    QCOMPARE(dump->proxy()->index(0, 1).data().toString(), QStringLiteral("Laptop"));
    QCOMPARE(dump->proxy()->index(1, 1).data().toString(), QStringLiteral("Hoverboard"));
    // Filter in all columns, then in one column.
    QTest::keyClicks(dump->filterEdit(), QStringLiteral("atlantis"));
    QCOMPARE(dump->proxy()->rowCount(), 1);
    dump->filterColumn()->setCurrentIndex(dump->filterColumn()->findText(QStringLiteral("Products")));
    QCOMPARE(dump->proxy()->rowCount(), 0);
    dump->filterEdit()->clear();
    QCOMPARE(dump->proxy()->rowCount(), 2);

    // Save: the file holds what the sandbox serves as the dump of that task.
    const QString saved = m_env.dir.filePath(QStringLiteral("dumps/sales-dump.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
    m_env.files.answerFor(QStringLiteral("saveDumpDialog"), {saved});
    QSignalSpy savedSpy(dump, &FailureDumpDialog::saved);
    dump->findChild<QPushButton *>(QStringLiteral("saveDumpButton"))->click();
    QVERIFY(savedSpy.count() == 1 || savedSpy.wait(kWaitMs));
    DumpDownloadJob *fetch = m_env.probeClient().getImportDump(kSalesImport, run->taskId);
    fetch->setAutoDelete(false);
    QVERIFY(waitFor(fetch, kWaitMs));
    QVERIFY2(fetch->isSucceeded(), qPrintable(fetch->error().toString()));
    QCOMPARE(sha256OfFile(saved), sha256Of(fetch->data()));
    delete fetch;
    QCOMPARE(QSettings(m_env.settingsFile(), QSettings::IniFormat)
                 .value(QStringLiteral("transfers/downloadFolder"))
                 .toString(),
             QFileInfo(saved).absolutePath());
    figure(QStringLiteral("ui_failure_dump_rows=%1").arg(dump->tableModel()->rowCount()));
    screenshot(dialog, QStringLiteral("upload-results"));
    screenshot(dump, QStringLiteral("failure-dump"));
    dump->close();
    dialog->close();
}

void TestTransfersSandbox::runExportAndSaveToTheRememberedFolder()
{
    const QString folder = m_env.dir.filePath(QStringLiteral("exports"));
    QVERIFY(QDir().mkpath(folder));
    const QString target = QDir(folder).filePath(QStringLiteral("sales-export.csv"));
    m_env.files.answerFor(QStringLiteral("saveExportDialog"), {target});
    const int before = m_env.files.count(QStringLiteral("saveExportDialog"));
    // Enter on the export row runs it and saves its file.
    m_env.activateRow(ObjectKind::Export, kSalesExport);
    QCOMPARE(m_env.files.count(QStringLiteral("saveExportDialog")), before + 1);
    const int id = m_env.newestTask(MonitoredKind::ExportAndSave, kSalesExport);
    QVERIFY(id > 0);
    QVERIFY(m_env.waitFinished(id));
    const MonitoredTask *task = m_env.monitorModel()->task(id);
    QVERIFY2(task->state == MonitoredState::Succeeded, qPrintable(task->message));
    QVERIFY(!task->taskId.isEmpty());
    QString error;
    const QString sandboxSha = m_env.sandboxFileSha(kSalesExport, &error);
    QVERIFY2(!sandboxSha.isEmpty(), qPrintable(error));
    QCOMPARE(sha256OfFile(target), sandboxSha);
    // The export wrote the rows imported by the first test (it round-trips Sales.csv's columns).
    QFile saved(target);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll().startsWith("Products,Regions"));

    // The next save dialog starts in the folder used last.
    m_env.files.answerFor(QStringLiteral("saveExportDialog"), {}); // cancelled: nothing runs
    const int count = int(m_env.monitorModel()->taskIds().size());
    QCOMPARE(m_env.controller->runExportAndSave(kSalesExport, QStringLiteral("Sales - Tabular.csv")), 0);
    QCOMPARE(int(m_env.monitorModel()->taskIds().size()), count);
    const FileDialogRequest request = m_env.files.requests().last();
    QCOMPARE(QFileInfo(request.directory).absolutePath(), folder);
    QCOMPARE(request.kind, FileDialogRequest::Kind::SaveFile);
    figure(QStringLiteral("ui_export_saved_bytes=%1").arg(QFileInfo(target).size()));
}

void TestTransfersSandbox::dragExportRowOut()
{
    const QModelIndex proxyIndex = m_env.showRow(ObjectKind::Export, kSalesExport);
    const QModelIndex source = m_env.browser->objectProxy(ObjectKind::Export)->mapToSource(proxyIndex);
    ObjectTableModel *exports = m_env.browser->objectModel(ObjectKind::Export);
    QVERIFY(exports->flags(source) & Qt::ItemIsDragEnabled);
    QVERIFY(m_env.browser->tableView(ObjectKind::Export)->dragEnabled());
    // What QAbstractItemView::startDrag asks the model for when the drag begins.
    std::unique_ptr<QMimeData> mime(exports->mimeData({source}));
    QVERIFY(mime);
    QVERIFY(mime->hasUrls());
    // The drop target asks for the URLs: the download (started with the drag) is waited for.
    const QList<QUrl> urls = mime->urls();
    QCOMPARE(urls.size(), 1);
    QVERIFY(urls.first().isLocalFile());
    const QString path = urls.first().toLocalFile();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("Sales - Tabular.csv"));
    QString error;
    QCOMPARE(sha256OfFile(path), m_env.sandboxFileSha(kSalesExport, &error));
    QVERIFY(m_env.newestTask(MonitoredKind::Download, kSalesExport) > 0);
}

void TestTransfersSandbox::downloadAnyFile()
{
    const QString target = m_env.dir.filePath(QStringLiteral("downloads/Products.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
    m_env.files.answerFor(QStringLiteral("saveFileDialog"), {target});
    const QString products = QStringLiteral("113000000000");
    m_env.activateRow(ObjectKind::File, products); // Enter on a file row downloads it
    const int id = m_env.newestTask(MonitoredKind::Download, products);
    QVERIFY(id > 0);
    QVERIFY(m_env.waitFinished(id));
    QVERIFY2(m_env.monitorModel()->task(id)->state == MonitoredState::Succeeded,
             qPrintable(m_env.monitorModel()->task(id)->message));
    QString error;
    QCOMPARE(sha256OfFile(target), m_env.sandboxFileSha(products, &error));
    QVERIFY(QFileInfo(target).size() > 0);
}

void TestTransfersSandbox::taskHistoryOfAnImport()
{
    const int id = m_env.newestTask(MonitoredKind::Run, kSalesImport);
    QVERIFY(id > 0);
    const QString taskId = m_env.monitorModel()->task(id)->taskId;
    m_env.monitor()->selectTask(id);
    QVERIFY(m_env.focus(m_env.monitor()->view()));
    QTest::keyClick(m_env.monitor()->view(), Qt::Key_H, Qt::ControlModifier);
    TaskHistoryDialog *history = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            history = m_env.window->findChild<TaskHistoryDialog *>(QStringLiteral("taskHistoryDialog"));
            return history && history->hasLoaded();
        },
        kWaitMs));
    m_env.addTester(history->historyModel());
    m_env.addTester(history->proxy());
    QVERIFY(history->historyModel()->rowCount() >= 2); // the good and the bad run of the Sales import
    int row = -1;
    for (int r = 0; r < history->proxy()->rowCount(); ++r) {
        if (history->proxy()->index(r, 0).data(TaskHistoryModel::TaskIdRole).toString() == taskId)
            row = r;
    }
    QVERIFY(row >= 0);
    history->view()->selectRow(row);
    QVERIFY(QTest::qWaitFor([history] { return !history->isLoadingDetails(); }, kWaitMs));
    QVERIFY2(history->details()->toPlainText().contains(QStringLiteral("COMPLETE")),
             qPrintable(history->details()->toPlainText()));
    history->close();
}

void TestTransfersSandbox::processResultShowsNestedResultsAndTheirDump()
{
    const QString processId =
        QStringLiteral("118000000004"); // Load Sales with Errors: its 2nd step fails rows
    const QString failingImport = QStringLiteral("112000000006");
    m_env.activateRow(ObjectKind::Process, processId);
    const int id = m_env.newestTask(MonitoredKind::Run, processId);
    QVERIFY(id > 0);
    QVERIFY(m_env.waitFinished(id));
    const MonitoredTask *task = m_env.monitorModel()->task(id);
    QCOMPARE(task->state, MonitoredState::Failed);
    QVERIFY(task->result.has_value());
    QCOMPARE(task->result->nestedResults.size(), 3);
    // The dump of the failed step came with the result (the next run would overwrite it).
    QVERIFY(std::any_of(task->dumps.cbegin(), task->dumps.cend(), [&](const TaskDump &dump) {
        return dump.objectId == failingImport && !dump.error.isError() && !dump.data.isEmpty();
    }));

    // The nested results are rows below the process, the failed one marked as having a dump.
    TaskMonitorModel *model = m_env.monitorModel();
    const QModelIndex processIndex = model->indexOfTask(id);
    QModelIndex nested;
    for (int row = 0; row < model->rowCount(processIndex); ++row) {
        const QModelIndex child = model->index(row, 0, processIndex);
        if (child.data(TaskMonitorModel::ObjectIdRole).toString() == failingImport)
            nested = child;
    }
    QVERIFY(nested.isValid());
    QVERIFY(nested.data(TaskMonitorModel::DumpAvailableRole).toBool());
    QVERIFY(m_env.monitor()->view()->isExpanded(processIndex)); // failed runs open up
    QVERIFY(model->rowCount(nested) >= 1);                      // its details below it

    // Ctrl+D on the nested row opens that step's dump, without fetching it again.
    m_env.clearRequestLog();
    QSignalSpy opened(m_env.monitor(), &TaskMonitor::dumpOpened);
    m_env.monitor()->view()->setCurrentIndex(nested);
    QVERIFY(m_env.focus(m_env.monitor()->view()));
    QTest::keyClick(m_env.monitor()->view(), Qt::Key_D, Qt::ControlModifier);
    QVERIFY(opened.count() == 1 || opened.wait(kWaitMs));
    auto *dump = opened.at(0).at(0).value<FailureDumpDialog *>();
    QVERIFY(QTest::qWaitFor([dump] { return dump->isParsed(); }, kWaitMs));
    QCOMPARE(dump->tableModel()->rowCount(), 4); // 4 of the 5 rows of "Sales with errors.csv" fail
    screenshot(m_env.window.get(), QStringLiteral("main-window-task-monitor"));
    QCOMPARE(m_env.countRequests("GET", m_env.modelPath() + QStringLiteral("/processes/")), 0);
    dump->close();
}

void TestTransfersSandbox::droppedFolderAndMissingFileAreRefused()
{
    const QString missing = m_env.dir.filePath(QStringLiteral("does-not-exist.csv"));
    QVERIFY(m_env.dropFiles({m_env.dir.path(), missing}, m_env.rowCenter(ObjectKind::File, kSalesFile)));
    DropUploadDialog *dialog = m_env.controller->lastUploadDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->rejected().size(), 2);
    QVERIFY(dialog->rejected().at(0).contains(QStringLiteral("folder")));
    QVERIFY(dialog->rejected().at(1).contains(QStringLiteral("does not exist")));
    QVERIFY(dialog->previewTabs().isEmpty());
    QCOMPARE(dialog->stage(), DropUploadDialog::Stage::Loading);
    dialog->close();
}

QTEST_MAIN(TestTransfersSandbox)
#include "tst_TransfersSandbox.moc"
