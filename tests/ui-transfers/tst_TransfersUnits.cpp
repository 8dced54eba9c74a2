// ui/transfers without a network: the CSV reading behind the upload preview and the dump view (quotes,
// line breaks in fields, header/first-data-row metadata, encodings, cut previews), the row counts read
// from task results, and the item models under QAbstractItemModelTester (Fatal) while they change.
#include "transfers/CsvPreview.h"
#include "transfers/CsvTableModel.h"
#include "transfers/OperationListModel.h"
#include "transfers/RowCounts.h"
#include "transfers/TaskHistoryModel.h"
#include "transfers/TaskMonitorModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace anadesk;

namespace {

TaskResult resultFromJson(const char *json)
{
    return TaskResult::fromJson(QJsonDocument::fromJson(QByteArray(json)).object());
}

const char *kImportResult = R"({"successful":false,"failureDumpAvailable":true,"objectId":"112000000006",
  "details":[{"localMessageText":"Sales: 1 (0/1) rows successful, 0 ignored ","occurrences":0,
              "type":"moduleRowsProcessed","values":["hierarchyName","Sales","successRowCount","1",
              "failedCount","4","ignoredCount","0","totalRowCount","5"]},
             {"localMessageText":"4 rows failed; first: Item not located in Regions list: Atlantis",
              "occurrences":4,"type":"rowsFailed","values":["failedCount","4"]}]})";

const char *kProcessResult = R"({"successful":false,"failureDumpAvailable":true,"objectId":"118000000004",
  "details":[],"nestedResults":[
    {"successful":true,"failureDumpAvailable":false,"objectId":"112000000000",
     "details":[{"localMessageText":"Products: 3 (1/2) rows successful, 0 ignored ","type":"hierarchyRowsProcessed",
                 "values":["successRowCount","3","ignoredCount","0","totalRowCount","3"]}]},
    {"successful":false,"failureDumpAvailable":true,"objectId":"112000000006",
     "details":[{"localMessageText":"Sales: 1 (0/1) rows successful, 0 ignored ","type":"moduleRowsProcessed",
                 "values":["successRowCount","1","ignoredCount","0","totalRowCount","5"]}]},
    {"successful":true,"failureDumpAvailable":false,"objectId":"116000000000","details":[]}]})";

} // namespace

class TestTransfersUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseQuotedFieldsAndLineBreaks();
    void parseCutTextDropsUnfinishedRecord();
    void formatFromFileMetadata();
    void previewUsesHeaderAndFirstDataRow();
    void previewDecodesLatin1AndTab();
    void previewOfCutUtf8HasNoInvalidCharacter();
    void previewReportsUnreadableFileAndUnknownEncoding();
    void sniffedDumpFormat();
    void rowCountsFromPairsAndSentence();
    void csvTableModelPassesTester();
    void taskMonitorModelPassesTesterThroughALifecycle();
    void operationListFollowsTheMonitor();
    void taskHistoryModelPassesTester();
};

void TestTransfersUnits::parseQuotedFieldsAndLineBreaks()
{
    const QString text =
        QStringLiteral("a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\n\n1,2,3");
    const QList<QStringList> records =
        CsvReader::parseRecords(text, QLatin1Char(','), QLatin1Char('"'), true);
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0), (QStringList{QStringLiteral("a"), QStringLiteral("b, with comma"),
                                         QStringLiteral("say \"hi\"")}));
    QCOMPARE(records.at(1), (QStringList{QStringLiteral("multi\nline"), QString(), QStringLiteral("x")}));
    QCOMPARE(records.at(2),
             QStringList{QString()}); // a blank line is a record (Anaplan counts it as ignored)
    QCOMPARE(records.at(3), (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    // Without a quote character quotes are data.
    const QList<QStringList> raw =
        CsvReader::parseRecords(QStringLiteral("\"a\",b"), QLatin1Char(','), QChar(), true);
    QCOMPARE(raw.at(0), (QStringList{QStringLiteral("\"a\""), QStringLiteral("b")}));
    // maxRecords stops early.
    QCOMPARE(CsvReader::parseRecords(QStringLiteral("1\n2\n3\n"), QLatin1Char(','), QLatin1Char('"'), true, 2)
                 .size(),
             2);
}

void TestTransfersUnits::parseCutTextDropsUnfinishedRecord()
{
    const QString text = QStringLiteral("h1,h2\n1,2\n3,\"unfinished");
    QCOMPARE(CsvReader::parseRecords(text, QLatin1Char(','), QLatin1Char('"'), false).size(), 2);
    QCOMPARE(CsvReader::parseRecords(text, QLatin1Char(','), QLatin1Char('"'), true).size(), 3);
}

void TestTransfersUnits::formatFromFileMetadata()
{
    File file;
    file.separator = QStringLiteral("\t");
    file.delimiter = QStringLiteral("\"");
    file.headerRow = 2;
    file.firstDataRow = 4;
    file.encoding = QStringLiteral("ISO-8859-1");
    CsvFormat format = CsvFormat::forFile(file);
    QCOMPARE(format.separator, QLatin1Char('\t'));
    QCOMPARE(format.quote, QLatin1Char('"'));
    QCOMPARE(format.headerRow, 2);
    QCOMPARE(format.firstDataRow, 4);
    QCOMPARE(format.encoding, QStringLiteral("ISO-8859-1"));
    QVERIFY(format.describe().contains(QStringLiteral("ISO-8859-1")));
    file.separator = QStringLiteral("semicolon");
    file.delimiter.clear();
    format = CsvFormat::forFile(file);
    QCOMPARE(format.separator, QLatin1Char(';'));
    QVERIFY(format.quote.isNull());
}

void TestTransfersUnits::previewUsesHeaderAndFirstDataRow()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("p.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("title line\nName,Code\nskipped,row\nA,1\nB,2\nC,3\n");
    file.close();
    CsvFormat format;
    format.headerRow = 2;
    format.firstDataRow = 4;
    CsvTable table = CsvReader::previewFile(file.fileName(), format, 2);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.header, (QStringList{QStringLiteral("Name"), QStringLiteral("Code")}));
    QCOMPARE(table.rows.size(), 2);
    QCOMPARE(table.rows.at(0), (QStringList{QStringLiteral("A"), QStringLiteral("1")}));
    QCOMPARE(table.recordNumbers, (QList<int>{4, 5}));
    QVERIFY(table.truncated);
    QCOMPARE(table.sourceBytes, file.size());
    table = CsvReader::previewFile(file.fileName(), format, 50);
    QCOMPARE(table.rows.size(), 3);
    QVERIFY(!table.truncated);
}

void TestTransfersUnits::previewDecodesLatin1AndTab()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("r.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Name\tCode\n\xCE"
               "le-de-France\tR-IDF\n"); // Î in ISO-8859-1
    file.close();
    CsvFormat format;
    format.separator = QLatin1Char('\t');
    format.encoding = QStringLiteral("ISO-8859-1");
    const CsvTable table = CsvReader::previewFile(file.fileName(), format);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.at(0).at(0), QStringLiteral("Île-de-France"));
    // The same bytes read as UTF-8 are invalid: shown, with a warning.
    format.encoding = QStringLiteral("UTF-8");
    const CsvTable wrong = CsvReader::previewFile(file.fileName(), format);
    QVERIFY(wrong.error.isEmpty());
    QVERIFY(!wrong.warning.isEmpty());
}

void TestTransfersUnits::previewOfCutUtf8HasNoInvalidCharacter()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("u.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray bytes = "Name\n";
    for (int i = 0; i < 200; ++i)
        bytes += "Zürich-Straße\n";
    file.write(bytes);
    file.close();
    // Cut in the middle of "ü" (2 bytes): the preview reads 4 + 1 + 2 bytes.
    for (qint64 limit : {7, 8, 9, 30, 31}) {
        const CsvTable table = CsvReader::previewFile(file.fileName(), CsvFormat{}, 50, limit);
        QVERIFY2(table.warning.isEmpty(),
                 qPrintable(QStringLiteral("limit %1: %2").arg(limit).arg(table.warning)));
        QVERIFY(table.truncated);
    }
}

void TestTransfersUnits::previewReportsUnreadableFileAndUnknownEncoding()
{
    const CsvTable missing = CsvReader::previewFile(QStringLiteral("/nonexistent/file.csv"), CsvFormat{});
    QVERIFY(missing.error.contains(QStringLiteral("/nonexistent/file.csv")));
    QVERIFY(missing.rows.isEmpty());
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("e.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n");
    file.close();
    CsvFormat format;
    format.encoding = QStringLiteral("X-NO-SUCH-ENCODING");
    const CsvTable unknown = CsvReader::previewFile(file.fileName(), format);
    QVERIFY(unknown.error.contains(QStringLiteral("X-NO-SUCH-ENCODING")));
}

void TestTransfersUnits::sniffedDumpFormat()
{
    const QByteArray dump =
        "\"_Status_\",\"Products\",\"Regions\",\"_Line_\",\"_Error_1_\"\n"
        "\"E\",\"Laptop\",\"Atlantis\",\"3\",\"Item not located in Regions list: Atlantis\"\n";
    const CsvFormat format = CsvReader::sniffFormat(dump);
    QCOMPARE(format.separator, QLatin1Char(','));
    const CsvTable table = CsvReader::parseDocument(dump, format);
    QCOMPARE(table.header.size(), 5);
    QCOMPARE(table.rows.size(), 1);
    QCOMPARE(table.rows.at(0).at(4), QStringLiteral("Item not located in Regions list: Atlantis"));
    QCOMPARE(CsvReader::sniffFormat("a\tb,c\td\n").separator, QLatin1Char('\t'));
}

void TestTransfersUnits::rowCountsFromPairsAndSentence()
{
    RowCounts counts = RowCounts::fromResult(resultFromJson(kImportResult));
    QCOMPARE(counts.succeeded, std::optional<int>(1));
    QCOMPARE(counts.failed, std::optional<int>(4));
    QCOMPARE(counts.ignored, std::optional<int>(0));
    QCOMPARE(counts.total, std::optional<int>(5));
    QVERIFY(counts.describe().contains(QStringLiteral("4")));

    // Only Anaplan's sentence (no pairs): successes and ignored from the text; failures unknown.
    const TaskResult sentenceOnly = resultFromJson(
        R"({"successful":true,"objectId":"112000000009","details":[{"localMessageText":
           "Employees: 90 (0/90) rows successful, 5 ignored ","type":"hierarchyRowsProcessed","values":[]}]})");
    counts = RowCounts::fromResult(sentenceOnly);
    QCOMPARE(counts.succeeded, std::optional<int>(90));
    QCOMPARE(counts.ignored, std::optional<int>(5));
    QVERIFY(!counts.failed.has_value());

    // Pairs without a failure count: total − succeeded − ignored.
    const TaskResult derived = resultFromJson(
        R"({"successful":false,"objectId":"112000000001","details":[{"type":"moduleRowsProcessed",
           "values":["successRowCount","7","ignoredRowCount","1","totalRowCount","10"]}]})");
    counts = RowCounts::fromResult(derived);
    QCOMPARE(counts.failed, std::optional<int>(2));

    // A process result has no row summary of its own.
    QVERIFY(!RowCounts::fromResult(resultFromJson(kProcessResult)).isKnown());
}

void TestTransfersUnits::csvTableModelPassesTester()
{
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CsvTable table;
    table.header = {QStringLiteral("A"), QString()};
    table.rows = {{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, {QStringLiteral("4")}};
    table.recordNumbers = {2, 3};
    model.setTable(table);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("A"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Column 3"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 3);
    QCOMPARE(model.index(1, 2).data().toString(), QString());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTransfersUnits::taskMonitorModelPassesTesterThroughALifecycle()
{
    TaskMonitorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    qint64 now = 1000;
    model.setClock([&now] { return now; });

    MonitoredTask upload;
    upload.kind = MonitoredKind::Upload;
    upload.title = QStringLiteral("Upload to 'Sales.csv'");
    upload.state = MonitoredState::Running;
    const int uploadId = model.add(upload);
    MonitoredTask run;
    run.kind = MonitoredKind::Run;
    run.title = QStringLiteral("Process 'Load Sales with Errors'");
    run.objectId = QStringLiteral("118000000004");
    run.state = MonitoredState::Running;
    const int runId = model.add(run);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(uploadId != runId);

    now = 66'000;
    model.update(uploadId, [](MonitoredTask &task) { task.progress = 0.5; });
    QCOMPARE(model.index(0, TaskMonitorModel::ProgressColumn).data().toString(), QStringLiteral("50 %"));
    QCOMPARE(model.index(0, TaskMonitorModel::ElapsedColumn).data().toString(), QStringLiteral("1:05 min"));
    model.update(uploadId, [](MonitoredTask &task) { task.state = MonitoredState::Succeeded; });
    now = 200'000;
    // Finished rows stop their clock.
    QCOMPARE(model.index(0, TaskMonitorModel::ElapsedColumn).data().toString(), QStringLiteral("1:05 min"));

    // The process ends: details and nested results appear below it, a second result replaces them.
    model.update(runId, [](MonitoredTask &task) {
        task.state = MonitoredState::Failed;
        task.result = TaskResult::fromJson(QJsonDocument::fromJson(kProcessResult).object());
    });
    const QModelIndex runIndex = model.indexOfTask(runId);
    QCOMPARE(model.rowCount(runIndex), 3);
    const QModelIndex failedNested = model.index(1, 0, runIndex);
    QCOMPARE(failedNested.data(TaskMonitorModel::ObjectIdRole).toString(), QStringLiteral("112000000006"));
    QVERIFY(failedNested.data(TaskMonitorModel::DumpAvailableRole).toBool());
    QCOMPARE(model.rowCount(failedNested), 1);
    QCOMPARE(model.taskIdAt(model.index(0, 0, failedNested)), runId);
    QVERIFY(model.index(0, 0, failedNested).data().toString().startsWith(QStringLiteral("Sales: 1")));
    QVERIFY(runIndex.data(TaskMonitorModel::DumpAvailableRole).toBool());
    model.update(runId, [](MonitoredTask &task) {
        task.result = TaskResult::fromJson(QJsonDocument::fromJson(kImportResult).object());
    });
    QCOMPARE(model.rowCount(model.indexOfTask(runId)), 2);
    QVERIFY(model.index(model.rowOfTask(runId), TaskMonitorModel::ResultColumn)
                .data()
                .toString()
                .contains(QStringLiteral("4")));

    MonitoredTask running;
    running.title = QStringLiteral("still running");
    const int runningId = model.add(running);
    model.removeFinished();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.taskIds(), QList<int>{runningId});
    QVERIFY(!model.task(runId));
}

void TestTransfersUnits::operationListFollowsTheMonitor()
{
    TaskMonitorModel monitor;
    OperationListModel list(&monitor);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::Fatal);
    MonitoredTask task;
    task.title = QStringLiteral("Import 'Sales'");
    task.state = MonitoredState::Running;
    const int id = monitor.add(task);
    list.append(id);
    QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
    monitor.update(id, [](MonitoredTask &changedTask) {
        changedTask.state = MonitoredState::Failed;
        changedTask.result = TaskResult::fromJson(QJsonDocument::fromJson(kImportResult).object());
    });
    QVERIFY(!changed.isEmpty());
    QCOMPARE(list.index(0, OperationListModel::SucceededColumn).data().toInt(), 1);
    QCOMPARE(list.index(0, OperationListModel::FailedColumn).data().toInt(), 4);
    QCOMPARE(list.index(0, OperationListModel::IgnoredColumn).data().toInt(), 0);
    QVERIFY(list.index(0, 0).data(OperationListModel::DumpAvailableRole).toBool());
    monitor.removeFinished();
    QVERIFY(list.index(0, 0).data().toString().contains(QStringLiteral("removed")));
}

void TestTransfersUnits::taskHistoryModelPassesTester()
{
    TaskHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TaskSummary first;
    first.id = QStringLiteral("A1");
    first.stateRaw = QStringLiteral("COMPLETE");
    first.creationTime = 1'700'000'000'000;
    TaskSummary second = first;
    second.id = QStringLiteral("B2");
    second.stateRaw = QStringLiteral("CANCELLED");
    model.setTasks({first, second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, TaskHistoryModel::StateColumn).data().toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(model.index(0, 0).data(TaskHistoryModel::SortRole).toLongLong(), first.creationTime);
    model.setTasks({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestTransfersUnits)
#include "tst_TransfersUnits.moc"
