// Value parsing of the bulk types: tolerant of numbers-for-strings, unknown enum values, extra and
// missing fields; ids kept exactly as sent.
#include "types/ActionKind.h"
#include "types/ChunkInfo.h"
#include "types/Export.h"
#include "types/File.h"
#include "types/Import.h"
#include "types/Model.h"
#include "types/ModelDeletionResult.h"
#include "types/ModelStatus.h"
#include "types/Task.h"
#include "types/Workspace.h"

#include <QJsonDocument>
#include <QtTest>

using namespace anadesk;
using namespace Qt::StringLiterals;

// JSON fixtures written as tokens (moc cannot parse raw string literals): J({"a":1}) → "{\"a\":1}".
#define J(...) #__VA_ARGS__

namespace {
QJsonObject obj(const char *jsonText)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(jsonText), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}
} // namespace

class TestBulkTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workspaceFull()
    {
        const Workspace w = Workspace::fromJson(obj(J({"id":"8a8b8c8d8e8f1a2b3c4d5e6f78901234","name":"FP",
            "active":true,"sizeAllowance":1073741824,"currentSize":873741824,"extra":{"x":1}})));
        QCOMPARE(w.id, u"8a8b8c8d8e8f1a2b3c4d5e6f78901234"_s);
        QCOMPARE(w.name, u"FP"_s);
        QVERIFY(w.active);
        QCOMPARE(w.sizeAllowance, 1073741824LL);
        QCOMPARE(w.currentSize, 873741824LL);
    }

    void workspaceMissingFieldsDefaulted()
    {
        const Workspace w = Workspace::fromJson(obj(J({"id":"abc","name":"N"})));
        QCOMPARE(w.id, u"abc"_s);
        QVERIFY(!w.active);
        QCOMPARE(w.sizeAllowance, 0);
    }

    void modelAllStates_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("state");
        QTest::newRow("archived") << u"ARCHIVED"_s << int(ModelState::Archived);
        QTest::newRow("unlocked") << u"UNLOCKED"_s << int(ModelState::Unlocked);
        QTest::newRow("active") << u"ACTIVE"_s << int(ModelState::Active);
        QTest::newRow("production") << u"PRODUCTION"_s << int(ModelState::Production);
        QTest::newRow("maintenance") << u"MAINTENANCE"_s << int(ModelState::Maintenance);
        QTest::newRow("prodmaint") << u"PRODUCTION_MAINTENANCE"_s << int(ModelState::ProductionMaintenance);
        QTest::newRow("locked") << u"LOCKED"_s << int(ModelState::Locked);
        QTest::newRow("future") << u"HIBERNATING"_s << int(ModelState::Unknown);
        QTest::newRow("lower") << u"unlocked"_s << int(ModelState::Unknown);
    }
    void modelAllStates()
    {
        QFETCH(QString, raw);
        QFETCH(int, state);
        QJsonObject o = obj(J({"id":"75A40874E6B64FA3AE0743278996850F","name":"M"}));
        o.insert(u"activeState"_s, raw);
        const Model m = Model::fromJson(o);
        QCOMPARE(int(m.activeState), state);
        QCOMPARE(m.activeStateRaw, raw); // kept exactly, known or not
        if (m.activeState != ModelState::Unknown)
            QCOMPARE(modelStateName(m.activeState), raw);
    }

    void modelDetails()
    {
        const Model m = Model::fromJson(obj(J({"id":"75A40874E6B64FA3AE0743278996850F","name":"FP Model",
            "activeState":"UNLOCKED","lastSavedSerialNumber":"2000012","modelTransactionRunning":false,
            "lastModifiedByUserGuid":"8a80db","memoryUsage":1234567,"currentWorkspaceId":"8a8196b",
            "currentWorkspaceName":"WS","modelUrl":"https://x/y","categoryValues":[{"id":"1"}],
            "isoCreationDate":"2022-02-10T19:14:23.000+0000","lastModified":"2022-02-11T00:00:00.000+0000"})));
        QCOMPARE(m.lastSavedSerialNumber, 2000012); // a string in the OpenAPI spec, an int in the SDK
        QCOMPARE(m.memoryUsage, 1234567);
        QCOMPARE(m.workspaceId, u"8a8196b"_s);
        QCOMPARE(m.workspaceName, u"WS"_s);
        QCOMPARE(m.url, u"https://x/y"_s);
        QCOMPARE(m.categoryValues.size(), 1);
        QVERIFY(m.transactionRunning.has_value());
        QVERIFY(!*m.transactionRunning);
        const Model listed = Model::fromJson(obj(J({"id":"A","name":"B","activeState":"LOCKED"})));
        QVERIFY(!listed.transactionRunning.has_value());
        QCOMPARE(listed.memoryUsage, 0);
    }

    void idsKeptExactly()
    {
        // strings untouched (leading zeros, case), integral numbers as digits (never 1.13e+11)
        QCOMPARE(File::fromJson(obj(J({"id":"113000000000","name":"a"}))).id, u"113000000000"_s);
        QCOMPARE(File::fromJson(obj(J({"id":113000000001,"name":"a"}))).id, u"113000000001"_s);
        QCOMPARE(File::fromJson(obj(J({"id":"0113","name":"a"}))).id, u"0113"_s);
        QCOMPARE(Import::fromJson(obj(J({"id":112000000009}))).id, u"112000000009"_s);
        QCOMPARE(Import::fromJson(obj(J({"id":null}))).id, QString());
        QCOMPARE(Import::fromJson(obj(J({"id":1.5}))).id, QString());
        QCOMPARE(TaskSummary::fromJson(obj(J({"taskId":"9530E1C5CAEB440DAC4E669178787160"}))).id,
                 u"9530E1C5CAEB440DAC4E669178787160"_s);
        QCOMPARE(ChunkInfo::fromJson(obj(J({"id":0,"name":"Chunk 0"}))).id, u"0"_s);
    }

    void fileFullAndExportFile()
    {
        const File f = File::fromJson(obj(J({"id":"113000000000","name":"Organization.txt","chunkCount":0,
            "delimiter":"\"","encoding":"ISO-8859-1","firstDataRow":2,"format":"txt","headerRow":1,"separator":"\t"})));
        QCOMPARE(f.delimiter, u"\""_s);
        QCOMPARE(f.encoding, u"ISO-8859-1"_s);
        QCOMPARE(f.firstDataRow, 2);
        QCOMPARE(f.headerRow, 1);
        QCOMPARE(f.separator, u"\t"_s);
        // export files carry fewer properties: no failure
        const File e = File::fromJson(obj(J({"id":"116000000002","name":"Grid.csv","chunkCount":"3"})));
        QCOMPARE(e.chunkCount, 3);
        QCOMPARE(e.firstDataRow, 0);
        QVERIFY(e.encoding.isEmpty());
    }

    void importDataSource()
    {
        const Import i = Import::fromJson(obj(J({"id":"112000000001","name":"Load","importType":"MODULE_DATA",
            "importDataSourceId":"113000000006"})));
        QCOMPARE(i.importType, ImportType::ModuleData);
        QVERIFY(i.hasDataSource());
        QCOMPARE(i.importDataSourceId, u"113000000006"_s);
        const Import none = Import::fromJson(obj(J({"id":"112000000002","name":"L","importType":"USERS",
            "importDataSourceId":""})));
        QVERIFY(!none.hasDataSource()); // "" means none
        const Import nested = Import::fromJson(obj(J({"id":"112000000003","name":"L","importType":"X_NEW",
            "importDataSource":{"importDataSourceId":"113000000007","type":"FILE"}})));
        QCOMPARE(nested.importDataSourceId, u"113000000007"_s);
        QCOMPARE(nested.importType, ImportType::Unknown);
        QCOMPARE(nested.importTypeRaw, u"X_NEW"_s);
        QCOMPARE(Import::fromJson(obj(J({"importType":"VERSIONS"}))).importType, ImportType::Versions);
    }

    void exportFields()
    {
        const Export csv = Export::fromJson(obj(J({"id":"116000000002","name":"Grid - Health Plan.csv",
            "exportType":"GRID_CURRENT_PAGE","exportFormat":"text/csv","encoding":"UTF-8","layout":"GRID_CURRENT_PAGE"})));
        QCOMPARE(csv.exportType, ExportLayout::GridCurrentPage);
        QCOMPARE(csv.layout, ExportLayout::GridCurrentPage);
        QCOMPARE(csv.exportFormat, u"text/csv"_s);
        QVERIFY(csv.encoding.has_value());
        QCOMPARE(*csv.encoding, u"UTF-8"_s);
        const Export xls = Export::fromJson(obj(J({"id":"116000000003","name":"x.xls",
            "exportType":"TABULAR_MULTI_COLUMN","exportFormat":"application/vnd.ms-excel"})));
        QVERIFY(!xls.encoding.has_value()); // optional, absent
        QCOMPARE(xls.layout, ExportLayout::TabularMultiColumn); // layout defaults to exportType
        const Export future = Export::fromJson(obj(J({"id":"116000000004","exportType":"PIVOT_3D","layout":"Z"})));
        QCOMPARE(future.exportType, ExportLayout::Unknown);
        QCOMPARE(future.exportTypeRaw, u"PIVOT_3D"_s);
        QCOMPARE(future.layoutRaw, u"Z"_s);
    }

    void modelStatusNulls()
    {
        const ModelStatus s = ModelStatus::fromJson(obj(J({"peakMemoryUsageEstimate":null,"peakMemoryUsageTime":null,
            "progress":0.25,"currentStep":"Processing ...","tooltip":"The system is currently processing an Import",
            "exportTaskType":null,"creationTime":1645577520129,"taskId":"E9CB"})));
        QVERIFY(!s.peakMemoryUsageEstimate.has_value());
        QCOMPARE(s.progress, 0.25);
        QCOMPARE(s.tooltip, u"The system is currently processing an Import"_s);
        QCOMPARE(s.creationTime, 1645577520129LL);
        QVERIFY(!s.isIdle());
        const ModelStatus idle = ModelStatus::fromJson(obj(J({"progress":-1.0,"currentStep":"Closed"})));
        QVERIFY(idle.isIdle());
        QVERIFY(idle.tooltip.isEmpty());
    }

    void taskStates_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("terminal");
        QTest::newRow("not started") << u"NOT_STARTED"_s << int(TaskState::NotStarted) << false;
        QTest::newRow("in progress") << u"IN_PROGRESS"_s << int(TaskState::InProgress) << false;
        QTest::newRow("complete") << u"COMPLETE"_s << int(TaskState::Complete) << true;
        QTest::newRow("cancelling") << u"CANCELLING"_s << int(TaskState::Cancelling) << false;
        QTest::newRow("cancelled") << u"CANCELLED"_s << int(TaskState::Cancelled) << true;
        QTest::newRow("unknown") << u"PAUSED"_s << int(TaskState::Unknown) << false;
        QTest::newRow("missing") << QString() << int(TaskState::Unknown) << false;
    }
    void taskStates()
    {
        QFETCH(QString, raw);
        QFETCH(int, state);
        QFETCH(bool, terminal);
        QJsonObject o{{u"taskId"_s, u"T1"_s}, {u"progress"_s, 0.5}, {u"weird"_s, QJsonArray{1, 2}}};
        if (!raw.isNull())
            o.insert(u"taskState"_s, raw);
        const TaskStatus t = TaskStatus::fromJson(o);
        QCOMPARE(int(t.state), state);
        QCOMPARE(t.stateRaw, raw.isNull() ? QString() : raw);
        QCOMPARE(isTerminal(t.state), terminal);
        QCOMPARE(TaskSummary::fromJson(o).state, t.state);
    }

    void completedTaskWithNestedResults()
    {
        const TaskStatus t = TaskStatus::fromJson(obj(J({"taskId":"1B1D","currentStep":"Complete.","progress":1.0,
          "taskState":"COMPLETE","creationTime":1571258347545,
          "result":{"successful":false,"failureDumpAvailable":false,"objectId":"118000000001",
            "details":[{"localMessageText":"Process failed","occurrences":0,"type":"processFailed","values":["a",null,3]}],
            "nestedResults":[
              {"successful":false,"failureDumpAvailable":true,"objectId":"112000000001","details":[
                 {"localMessageText":"Employees: 5 failed","type":"hierarchyRowsProcessed","values":[]}]},
              {"successful":true,"failureDumpAvailable":false,"objectId":"116000000001",
               "nestedResults":[{"successful":false,"failureDumpAvailable":true,"objectId":"112000000002"}]}]}})));
        QCOMPARE(t.state, TaskState::Complete);
        QVERIFY(t.result.has_value());
        const TaskResult &r = *t.result;
        QVERIFY(!r.successful);
        QCOMPARE(r.objectId, u"118000000001"_s);
        QCOMPARE(r.details.size(), 1);
        QCOMPARE(r.details[0].values.size(), 3);
        QVERIFY(r.details[0].values[1].isNull()); // null kept as null
        QCOMPARE(r.details[0].values[2], u"3"_s);
        QCOMPARE(r.nestedResults.size(), 2);
        QVERIFY(r.nestedResults[0].failureDumpAvailable);
        QCOMPARE(r.nestedResults[1].nestedResults.size(), 1); // recursive
        QCOMPARE(r.nestedResults[1].nestedResults[0].objectId, u"112000000002"_s);
        const QStringList lines = r.summaryLines();
        QVERIFY(lines.contains(u"Process failed"_s));
        QVERIFY(lines.contains(u"112000000001: failed (failure dump available)"_s));
        QVERIFY(lines.contains(u"  Employees: 5 failed"_s));
        QCOMPARE(r.summaryLines(2).size(), 2);
    }

    void taskResultMissingFieldsDefaulted()
    {
        const TaskStatus t = TaskStatus::fromJson(obj(J({"taskId":"X","taskState":"COMPLETE","result":{}})));
        QVERIFY(t.result.has_value());
        QVERIFY(!t.result->successful);
        QVERIFY(t.result->details.isEmpty());
        QVERIFY(t.result->nestedResults.isEmpty());
        const TaskStatus running = TaskStatus::fromJson(obj(J({"taskId":"X","taskState":"IN_PROGRESS"})));
        QVERIFY(!running.result.has_value());
        QCOMPARE(running.progress, 0.0);
    }

    void modelDeletionResult()
    {
        const ModelDeletionResult all = ModelDeletionResult::fromJson(obj(J({"modelsDeleted":2})));
        QCOMPARE(all.modelsDeleted, 2);
        QVERIFY(all.failures.isEmpty());
        const ModelDeletionResult some = ModelDeletionResult::fromJson(obj(J({"modelsDeleted":1,
          "bulkDeleteModelsFailures":[{"modelId":"AB12","message":"Model is open"}, 7]})));
        QCOMPARE(some.failures.size(), 1); // the non-object element is skipped, not a failure
        QCOMPARE(some.failures[0].modelId, u"AB12"_s);
        QCOMPARE(some.failures[0].message, u"Model is open"_s);
    }

    void actionKindFromPrefix_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("kind");
        QTest::newRow("import") << u"112000000001"_s << int(ActionKind::Import);
        QTest::newRow("export") << u"116000000001"_s << int(ActionKind::Export);
        QTest::newRow("action") << u"117000000001"_s << int(ActionKind::Action);
        QTest::newRow("process") << u"118000000001"_s << int(ActionKind::Process);
        QTest::newRow("file") << u"113000000001"_s << int(ActionKind::Invalid);
        QTest::newRow("list (sdk quirk: routed to imports)") << u"101000000001"_s << int(ActionKind::Invalid);
        QTest::newRow("short") << u"11200000001"_s << int(ActionKind::Invalid);
        QTest::newRow("long") << u"1120000000011"_s << int(ActionKind::Invalid);
        QTest::newRow("letters") << u"112ABC000001"_s << int(ActionKind::Invalid);
        QTest::newRow("empty") << QString() << int(ActionKind::Invalid);
    }
    void actionKindFromPrefix()
    {
        QFETCH(QString, id);
        QFETCH(int, kind);
        QCOMPARE(int(actionKindFromId(id)), kind);
    }

    void figures()
    {
        // A whole listing item with every field garbled must still parse (no exception, no crash).
        int parsed = 0;
        const char *garbled[] = {J({"id":{},"name":[],"chunkCount":"x","firstDataRow":null}), J({}),
                                 J({"taskState":7,"result":"bad","progress":"0.3"})};
        for (const char *text : garbled) {
            (void)File::fromJson(obj(text));
            (void)TaskStatus::fromJson(obj(text));
            (void)Model::fromJson(obj(text));
            ++parsed;
        }
        QCOMPARE(parsed, 3);
        QCOMPARE(TaskStatus::fromJson(obj(J({"progress":"0.3"}))).progress, 0.3);
        qInfo("FIGURE: T-TASK-09-parse garbled_items_parsed=%d parse_errors=0", parsed);
    }
};

QTEST_GUILESS_MAIN(TestBulkTypes)
#include "tst_BulkTypes.moc"
