// Every bulk job's request (method, URL, query, headers, body) against the recording fake network
// layer, local validation (BadInput, nothing sent), error mapping, and the paging rules.
#include "BulkFakeEnv.h"
#include "api/JobWait.h"
#include "api/PagedListJob.h"

#include <QBuffer>
#include <QUrlQuery>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

class TestBulkJobs : public QObject
{
    Q_OBJECT

    // The last request's URL, fully encoded, without scheme and host.
    static QString target(const RecordedRequest &r)
    {
        QString s = r.url.path(QUrl::FullyEncoded);
        if (r.url.hasQuery())
            s += u'?' + r.url.query(QUrl::FullyEncoded);
        return s;
    }

private Q_SLOTS:
    void listWorkspacesSendsTenantDetailsSearchAndSort()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"/2/0/workspaces"_s).reply(FakeResponse::json(200, envelope(u"workspaces"_s, QJsonArray{
            QJsonObject{{u"id"_s, u"w1"_s}, {u"name"_s, u"A"_s}, {u"sizeAllowance"_s, 10}, {u"active"_s, true}}})));
        auto job = keep(env.client.getWorkspaces({u"size_allowance"_s, true, u"Fin%ance & co+"_s}));
        QVERIFY(env.finish(job.get()));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(env.nam.requests().size(), 1);
        const RecordedRequest &r = env.nam.requests().first();
        QCOMPARE(r.method, QByteArray("GET"));
        QCOMPARE(target(r), u"/2/0/workspaces?tenantDetails=true&sort=-sizeAllowance&s=Fin%25ance%20%26%20co%2B&limit=5000"_s);
        QCOMPARE(r.header("Authorization"), QByteArray("AnaplanAuthToken tok-bulk"));
        QCOMPARE(job->workspaces().size(), 1);
        QCOMPARE(job->workspaces().first().sizeAllowance, 10);
    }

    void sortAscendingIsPercentEncodedPlus()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::json(200, envelope(u"files"_s, {})));
        auto job = keep(env.client.getFiles({u"name"_s, false, {}}));
        QVERIFY(env.finish(job.get()));
        QVERIFY(job->isSucceeded());
        QCOMPARE(target(env.nam.requests().first()), env.path(u"/files?sort=%2Bname&limit=5000"_s));
    }

    void invalidInputSendsNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("bad sort field") << 0;
        QTest::newRow("search on files") << 1;
        QTest::newRow("run a file id") << 2;
        QTest::newRow("no model") << 3;
        QTest::newRow("delete nothing") << 4;
        QTest::newRow("dump of an export") << 5;
        QTest::newRow("process dump without object") << 6;
        QTest::newRow("models of current workspace, none set") << 7;
        QTest::newRow("task status without id") << 8;
    }
    void invalidInputSendsNothing()
    {
        QFETCH(int, which);
        BulkFakeEnv env;
        const BulkClient noModel = BulkClient(env.connection.get(), ModelRef{kWs, {}});
        const BulkClient noWorkspace = BulkClient(env.connection.get(), ModelRef{});
        Job *raw = nullptr;
        switch (which) {
        case 0: raw = env.client.getWorkspaces({u"memory"_s, false, {}}); break;
        case 1: raw = env.client.getFiles({{}, false, u"x"_s}); break;
        case 2: raw = env.client.runAction(u"113000000001"_s); break;
        case 3: raw = noModel.getImports(); break;
        case 4: raw = env.client.deleteModels({}); break;
        case 5: raw = env.client.getImportDump(u"116000000001"_s, u"T"_s); break;
        case 6: raw = env.client.getProcessDump(u"118000000001"_s, u"T"_s, {}); break;
        case 7: raw = noWorkspace.getModels({}, WorkspaceFilter::current()); break;
        case 8: raw = env.client.getTaskStatus(u"112000000001"_s, {}); break;
        }
        auto job = keep(raw);
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::BadInput);
        QVERIFY(!job->error().message.isEmpty());
        QCOMPARE(env.nam.requests().size(), 0);
    }

    void modelsAllAndInWorkspace()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::json(200, envelope(u"models"_s, QJsonArray{
            QJsonObject{{u"id"_s, kModel}, {u"name"_s, u"M"_s}, {u"activeState"_s, u"SLEEPING"_s}}})));
        auto all = keep(env.client.getModels({u"active_state"_s, false, {}}));
        auto mine = keep(env.client.getModels({}, WorkspaceFilter::current()));
        auto other = keep(env.client.getModels({}, WorkspaceFilter::of(u"ffff"_s)));
        QVERIFY(env.finish(all.get()) && env.finish(mine.get()) && env.finish(other.get()));
        QStringList targets;
        for (const RecordedRequest &r : env.nam.requests())
            targets << target(r);
        QVERIFY(targets.contains(u"/2/0/models?modelDetails=true&sort=%2BactiveState&limit=5000"_s));
        QVERIFY(targets.contains(u"/2/0/workspaces/"_s + kWs + u"/models?modelDetails=true&limit=5000"_s));
        QVERIFY(targets.contains(u"/2/0/workspaces/ffff/models?modelDetails=true&limit=5000"_s));
        QCOMPARE(all->models().first().activeState, ModelState::Unknown); // unknown state kept raw
        QCOMPARE(all->models().first().activeStateRaw, u"SLEEPING"_s);
    }

    void singleObjectsAndModelPower()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"/2/0/workspaces/*"_s).reply(FakeResponse::json(200, J({"workspace":{"id":"w9","name":"W"}})));
        env.nam.on("GET", u"/2/0/models/*"_s).reply(FakeResponse::json(200, J({"model":{"id":"M9","name":"N","modelTransactionRunning":true}})));
        env.nam.on("GET", u"/2/0/models/*/status"_s).reply(FakeResponse::json(200, J({"requestStatus":{"progress":-1.0,"currentStep":"Open","tooltip":null,"taskId":null,"creationTime":1,"exportTaskType":null,"peakMemoryUsageEstimate":null,"peakMemoryUsageTime":null}})));
        env.nam.on("POST", u"/2/0/models/*/open"_s).reply(FakeResponse::http(202));
        env.nam.on("POST", u"/2/0/models/*/close"_s).reply(FakeResponse::http(204));
        auto ws = keep(env.client.getWorkspace(u"w9"_s));
        auto model = keep(env.client.getModel());
        auto status = keep(env.client.modelStatus());
        auto open = keep(env.client.openModel());
        auto close = keep(env.client.closeModel(u"OTHER"_s));
        for (Job *job : std::initializer_list<Job *>{ws.get(), model.get(), status.get(), open.get(), close.get()}) {
            QVERIFY(env.finish(job));
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        }
        QCOMPARE(ws->workspace().id, u"w9"_s);
        QCOMPARE(model->model().transactionRunning, std::optional<bool>(true));
        QCOMPARE(status->status().currentStep, u"Open"_s);
        QVERIFY(status->status().isIdle());
        const auto workspaceGets = env.nam.matching("GET", u"/2/0/workspaces/*"_s);
        QCOMPARE(target(workspaceGets.first()), u"/2/0/workspaces/w9?tenantDetails=true"_s);
        QCOMPARE(target(env.nam.matching("GET", u"/2/0/models/*"_s).first()), u"/2/0/models/"_s + kModel + u"?modelDetails=true"_s);
        const RecordedRequest openRequest = env.nam.matching("POST", u"/2/0/models/*/open"_s).first();
        QCOMPARE(openRequest.header("Content-Type"), QByteArray("application/text"));
        QVERIFY(openRequest.body.isEmpty());
        QCOMPARE(env.nam.matching("POST", u"/2/0/models/OTHER/close"_s).size(), 1);
    }

    void openAlreadyOpenModelIsSuccess()
    {
        BulkFakeEnv env;
        env.nam.on("POST", u"/2/0/models/*/open"_s).reply(FakeResponse::anaplanError(424, u"Model already open"_s));
        env.nam.on("POST", u"/2/0/models/*/close"_s).reply(FakeResponse::anaplanError(424, u"?"_s));
        auto open = keep(env.client.openModel());
        auto close = keep(env.client.closeModel());
        QVERIFY(env.finish(open.get()) && env.finish(close.get()));
        QVERIFY2(open->isSucceeded(), qPrintable(open->error().toString()));
        QVERIFY(open->wasAlreadyOpen());
        QVERIFY(!close->isSucceeded()); // 424 means "already open" only for /open
    }

    void deleteModelsBodyAndPartialFailure()
    {
        BulkFakeEnv env;
        env.nam.on("POST", u"/2/0/workspaces/*/bulkDeleteModels"_s).reply(FakeResponse::json(200,
            J({"modelsDeleted":1,"bulkDeleteModelsFailures":[{"modelId":"B2","message":"Model is open"}]})));
        auto job = keep(env.client.deleteModels({u"A1"_s, u"B2"_s}));
        QVERIFY(env.finish(job.get()));
        QVERIFY(job->isSucceeded());
        const RecordedRequest r = env.nam.requests().first();
        QCOMPARE(target(r), u"/2/0/workspaces/"_s + kWs + u"/bulkDeleteModels"_s);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(QJsonDocument::fromJson(r.body).object(),
                 QJsonObject({{u"modelIdsToDelete"_s, QJsonArray{u"A1"_s, u"B2"_s}}}));
        QCOMPARE(job->result().modelsDeleted, 1);
        QCOMPARE(job->result().failures.size(), 1);
        QCOMPARE(job->result().failures.first().message, u"Model is open"_s);
    }

    void modelObjectListings()
    {
        BulkFakeEnv env;
        env.nam.on("GET", env.path(u"/files"_s)).reply(FakeResponse::json(200, envelope(u"files"_s, QJsonArray{QJsonObject{{u"id"_s, 113000000001LL}, {u"name"_s, u"a.csv"_s}}})));
        env.nam.on("GET", env.path(u"/imports"_s)).reply(FakeResponse::json(200, envelope(u"imports"_s, QJsonArray{QJsonObject{{u"id"_s, u"112000000001"_s}, {u"name"_s, u"I"_s}, {u"importDataSourceId"_s, u""_s}}})));
        env.nam.on("GET", env.path(u"/exports"_s)).reply(FakeResponse::json(200, envelope(u"exports"_s, QJsonArray{QJsonObject{{u"id"_s, u"116000000001"_s}, {u"name"_s, u"E"_s}, {u"exportFormat"_s, u"text/csv"_s}}})));
        env.nam.on("GET", env.path(u"/processes"_s)).reply(FakeResponse::json(200, envelope(u"processes"_s, QJsonArray{QJsonObject{{u"id"_s, u"118000000001"_s}, {u"name"_s, u"P"_s}}})));
        env.nam.on("GET", env.path(u"/actions"_s)).reply(FakeResponse::json(200, envelope(u"actions"_s, QJsonArray{QJsonObject{{u"id"_s, u"117000000001"_s}, {u"name"_s, u"D"_s}, {u"actionType"_s, u"DELETE_BY_SELECTION"_s}}})));
        env.nam.on("GET", env.path(u"/files/*/chunks"_s)).reply(FakeResponse::json(200, J({"chunks":[{"id":"0","name":"Chunk 0"},{"id":"1","name":"Chunk 1"}]})));
        auto files = keep(env.client.getFiles({u"id"_s, true, {}}));
        auto imports = keep(env.client.getImports());
        auto exports = keep(env.client.getExports());
        auto processes = keep(env.client.getProcesses());
        auto actions = keep(env.client.getActions());
        auto chunks = keep(env.client.getFileChunks(u"113000000001"_s));
        for (Job *job : std::initializer_list<Job *>{files.get(), imports.get(), exports.get(), processes.get(),
                                                     actions.get(), chunks.get()}) {
            QVERIFY(env.finish(job));
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        }
        QCOMPARE(files->files().first().id, u"113000000001"_s);
        QVERIFY(!imports->imports().first().hasDataSource());
        QVERIFY(!exports->exports().first().encoding.has_value());
        QCOMPARE(processes->processes().first().name, u"P"_s);
        QCOMPARE(actions->actions().first().actionType, u"DELETE_BY_SELECTION"_s);
        QCOMPARE(chunks->chunks().size(), 2); // no meta.paging: taken as complete
        QCOMPARE(target(env.nam.matching("GET", env.path(u"/files"_s)).first()), env.path(u"/files?sort=-id&limit=5000"_s));
    }

    void taskEndpoints()
    {
        BulkFakeEnv env;
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks"_s)).reply(FakeResponse::json(200, envelope(u"tasks"_s, QJsonArray{
            QJsonObject{{u"taskId"_s, u"T1"_s}, {u"taskState"_s, u"CANCELLING"_s}, {u"creationTime"_s, 5}}})));
        env.nam.on("GET", env.path(u"/exports/116000000001/tasks/T2"_s)).reply(FakeResponse::json(200, taskJson(u"T2"_s, u"IN_PROGRESS"_s, 0.5)));
        env.nam.on("DELETE", env.path(u"/actions/117000000001/tasks/T3"_s)).reply(FakeResponse::json(200, taskJson(u"T3"_s, u"CANCELLING"_s)));
        env.nam.on("GET", env.path(u"/optimizeActions/117000000002/tasks/T4/solutionLogs"_s)).reply(FakeResponse::text(200, "Optimal solution found\n"));
        auto summaries = keep(env.client.getTaskSummaries(u"118000000001"_s));
        auto status = keep(env.client.getTaskStatus(u"116000000001"_s, u"T2"_s));
        auto cancel = keep(env.client.cancelTask(u"117000000001"_s, u"T3"_s));
        auto log = keep(env.client.getOptimizerLog(u"117000000002"_s, u"T4"_s));
        for (Job *job : std::initializer_list<Job *>{summaries.get(), status.get(), cancel.get(), log.get()}) {
            QVERIFY(env.finish(job));
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        }
        QCOMPARE(summaries->tasks().first().state, TaskState::Cancelling);
        QCOMPARE(status->status().progress, 0.5);
        QCOMPARE(cancel->status().state, TaskState::Cancelling);
        const RecordedRequest del = env.nam.matching("DELETE", u"**"_s).first();
        QCOMPARE(del.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(del.body.isEmpty());
        QCOMPARE(log->log(), QByteArray("Optimal solution found\n"));
        QCOMPARE(env.nam.matching("GET", u"**/solutionLogs"_s).first().header("Accept"), QByteArray("text/plain"));
    }

    void startTaskBodyAndNoBlindRepost()
    {
        BulkFakeEnv env;
        env.nam.on("POST", env.path(u"/imports/112000000001/tasks"_s)).reply(FakeResponse::json(200, J({"task":{"taskId":"ABC"}})));
        auto job = keep(new StartTaskJob(env.connection->transport(), env.client.model(), u"112000000001"_s));
        job->start();
        QVERIFY(env.finish(job.get()));
        QVERIFY(job->isSucceeded());
        QCOMPARE(job->taskId(), u"ABC"_s);
        const RecordedRequest r = env.nam.requests().first();
        QCOMPARE(r.body, QByteArray(R"({"localeName":"en_US"})"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        // The bare form {"taskId": …} (OpenAPI example) is accepted too.
        BulkFakeEnv env2;
        env2.nam.on("POST", u"**"_s).reply(FakeResponse::json(200, J({"taskId":"DEF","taskState":"NOT_STARTED"})));
        auto bare = keep(new StartTaskJob(env2.connection->transport(), env2.client.model(), u"118000000001"_s));
        bare->start();
        QVERIFY(env2.finish(bare.get()));
        QCOMPARE(bare->taskId(), u"DEF"_s);
        QCOMPARE(bare->status().state, TaskState::NotStarted);
    }

    void idsAreEncodedPerSegment()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::json(200, J({"workspace":{"id":"x"}})));
        auto job = keep(env.client.getWorkspace(u"a/b?c#d %"_s));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(env.nam.requests().first().url.path(QUrl::FullyEncoded), u"/2/0/workspaces/a%2Fb%3Fc%23d%20%25"_s);
    }

    void errorsNameTheObjectAndKeepServerMessage()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::anaplanError(404, u"Workspace not found"_s));
        auto job = keep(env.client.getWorkspace(u"nope"_s));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::NotFound);
        QCOMPARE(job->error().object, u"workspace nope"_s);
        QCOMPARE(job->error().serverMessage, u"Workspace not found"_s);
        QVERIFY(job->error().message.startsWith(u"Get workspace failed"_s));
        QCOMPARE(env.nam.requests().size(), 1); // a 404 is not retried
    }

    void malformedAnswerIsProtocolError()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::json(200, QByteArray("[1,2]")));
        auto job = keep(env.client.getModel());
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Protocol);
    }

    void dumpsWholeAndChunked()
    {
        BulkFakeEnv env;
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T1/dump/chunks"_s)).reply(FakeResponse::json(200,
            envelope(u"chunks"_s, QJsonArray{QJsonObject{{u"id"_s, u"0"_s}}, QJsonObject{{u"id"_s, u"1"_s}}})));
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T1/dump/chunks/0"_s)).reply(FakeResponse::http(200, "a,b\n", "text/csv"));
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T1/dump/chunks/1"_s)).reply(FakeResponse::http(200, "1,2\n", "text/csv"));
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks/T2/dumps/112000000005/chunks"_s)).reply(FakeResponse::json(200, envelope(u"chunks"_s, {})));
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks/T2/dumps/112000000005"_s)).reply(FakeResponse::http(200, "whole\n", "text/csv"));
        auto importDump = keep(env.client.getImportDump(u"112000000001"_s, u"T1"_s));
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        auto processDump = keep(env.client.getProcessDump(u"118000000001"_s, u"T2"_s, u"112000000005"_s, &sink));
        QVERIFY(env.finish(importDump.get()) && env.finish(processDump.get()));
        QVERIFY2(importDump->isSucceeded(), qPrintable(importDump->error().toString()));
        QVERIFY2(processDump->isSucceeded(), qPrintable(processDump->error().toString()));
        QCOMPARE(importDump->data(), QByteArray("a,b\n1,2\n"));
        QCOMPARE(importDump->chunkCount(), 2);
        QCOMPARE(sink.data(), QByteArray("whole\n")); // no chunk list: the whole dump in one GET
        QVERIFY(processDump->data().isEmpty());
        QCOMPARE(env.nam.matching("GET", env.path(u"/imports/112000000001/tasks/T1/dump/chunks/0"_s)).first().header("Accept"),
                 QByteArray("application/octet-stream"));
    }

    void expiredDumpIsExplained()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::anaplanError(404, u"Not Found"_s));
        auto job = keep(env.client.getImportDump(u"112000000001"_s, u"T1"_s));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::NotFound);
        QVERIFY(job->error().message.contains(u"no longer available"_s));
        QVERIFY(job->error().object.contains(u"T1"_s));
    }

    // --- paging ---------------------------------------------------------------------------------

    void pagingWithServerCapAndConcurrencyBound()
    {
        ClientOptions options;
        options.pageConcurrency = 2;
        BulkFakeEnv env(options);
        const int total = 23;
        const int cap = 5; // the server ignores limit=5000 and sends 5 per page
        QList<qint64> arrivals;
        env.nam.on("GET", env.path(u"/imports"_s)).handle([&](const RecordedRequest &r) {
            const QUrlQuery q(r.url);
            const int offset = q.queryItemValue(u"offset"_s).toInt();
            arrivals.append(r.atMs);
            QJsonArray items;
            for (int i = offset; i < qMin(total, offset + cap); ++i)
                items.append(QJsonObject{{u"id"_s, QString::number(112000000000LL + i)}, {u"name"_s, u"I%1"_s.arg(i)}});
            return FakeResponse::json(200, envelope(u"imports"_s, items, total, cap, offset)).after(100);
        });
        auto job = keep(env.client.getImports());
        QVERIFY(env.finish(job.get()));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        const QList<Import> imports = job->imports();
        QCOMPARE(imports.size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(imports.at(i).id, QString::number(112000000000LL + i)); // in order, no dups, no gaps
        const auto requests = env.nam.requests();
        QCOMPARE(requests.size(), 5);
        QCOMPARE(QUrlQuery(requests.first().url).queryItemValue(u"limit"_s), u"5000"_s);
        QVERIFY(!QUrlQuery(requests.first().url).hasQueryItem(u"offset"_s));
        QStringList later;
        for (int i = 1; i < requests.size(); ++i)
            later << requests.at(i).url.query();
        later.sort();
        QCOMPARE(later, QStringList({u"limit=5&offset=10"_s, u"limit=5&offset=15"_s, u"limit=5&offset=20"_s,
                                     u"limit=5&offset=5"_s}));
        // Server-side view: a request is in flight for 100 ms of fake time.
        int maxOverlap = 0;
        for (qint64 t : arrivals) {
            int overlap = 0;
            for (qint64 u : arrivals)
                overlap += (u <= t && t < u + 100) ? 1 : 0;
            maxOverlap = qMax(maxOverlap, overlap);
        }
        QCOMPARE(maxOverlap, 2);
        QCOMPARE(job->maxPagesInFlight(), 2);
        figure(u"paging total=%1 server_cap=%2 pages=%3 max_in_flight=%4 bound=%5 dups=0 gaps=0"_s.arg(total)
                   .arg(cap).arg(job->pageCount()).arg(maxOverlap).arg(options.pageConcurrency));
    }

    void pagingDetectsInconsistency_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("duplicate across pages") << 0;
        QTest::newRow("short page (gap)") << 1;
        QTest::newRow("totalSize changed") << 2;
        QTest::newRow("zero page size") << 3;
    }
    void pagingDetectsInconsistency()
    {
        QFETCH(int, fault);
        BulkFakeEnv env;
        env.nam.on("GET", env.path(u"/files"_s)).handle([fault](const RecordedRequest &r) {
            const int offset = QUrlQuery(r.url).queryItemValue(u"offset"_s).toInt();
            const int pageSize = fault == 3 ? 0 : 2;
            QJsonArray items;
            const int first = (fault == 0 && offset == 2) ? 1 : offset; // page 2 repeats item 1
            const int count = (fault == 1 && offset == 2) ? 1 : 2;
            for (int i = first; i < first + count && i < 6; ++i)
                items.append(QJsonObject{{u"id"_s, QString::number(113000000000LL + i)}});
            const int total = (fault == 2 && offset == 4) ? 7 : 6;
            return FakeResponse::json(200, envelope(u"files"_s, items, total, pageSize, offset));
        });
        auto job = keep(env.client.getFiles());
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Protocol);
        QVERIFY(!job->error().message.isEmpty());
        figure(u"paging-inconsistency fault=%1 detected=1 category=protocol"_s.arg(fault));
    }

    void pagingFailureAbortsOtherPages()
    {
        ClientOptions options;
        options.pageConcurrency = 3;
        options.retryCount = 1;
        BulkFakeEnv env(options);
        env.nam.on("GET", env.path(u"/files"_s)).handle([](const RecordedRequest &r) {
            const int offset = QUrlQuery(r.url).queryItemValue(u"offset"_s).toInt();
            if (offset == 2)
                return FakeResponse::anaplanError(403, u"Forbidden"_s);
            if (offset > 2)
                return FakeResponse::hang();
            return FakeResponse::json(200, envelope(u"files"_s, QJsonArray{QJsonObject{{u"id"_s, u"1"_s}}, QJsonObject{{u"id"_s, u"2"_s}}}, 8, 2, 0));
        });
        auto job = keep(env.client.getFiles());
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Permission);
        QCOMPARE(env.nam.hangingReplies(), 0); // the hanging pages were aborted
    }

    // --- resolution and futures ------------------------------------------------------------------

    void resolveByIdOrName()
    {
        BulkFakeEnv env;
        env.nam.on("GET", env.path(u"/imports"_s)).reply(FakeResponse::json(200, envelope(u"imports"_s, QJsonArray{
            QJsonObject{{u"id"_s, u"112000000001"_s}, {u"name"_s, u"Load Sales"_s}},
            QJsonObject{{u"id"_s, u"112000000002"_s}, {u"name"_s, u"Twin"_s}},
            QJsonObject{{u"id"_s, u"112000000003"_s}, {u"name"_s, u"Twin"_s}}})));
        for (const char *route : {"/exports", "/actions", "/processes"})
            env.nam.on("GET", env.path(QString::fromLatin1(route))).reply(FakeResponse::json(200, envelope(QString::fromLatin1(route + 1), {})));
        auto byId = keep(env.client.resolve(ObjectKind::Runnable, u"118000000009"_s));
        QVERIFY(env.finish(byId.get()));
        QCOMPARE(byId->id(), u"118000000009"_s);
        QCOMPARE(env.nam.requests().size(), 0); // an id needs no listing
        auto byName = keep(env.client.resolve(ObjectKind::Import, u"load sales"_s));
        QVERIFY(env.finish(byName.get()));
        QCOMPARE(byName->id(), u"112000000001"_s);
        auto twin = keep(env.client.resolve(ObjectKind::Runnable, u"Twin"_s));
        QVERIFY(env.finish(twin.get()));
        QCOMPARE(twin->error().category, ErrorCategory::BadInput);
        QVERIFY(twin->error().serverMessage.contains(u"112000000002"_s));
        QVERIFY(twin->error().serverMessage.contains(u"112000000003"_s));
        auto missing = keep(env.client.resolve(ObjectKind::Import, u"Sales"_s));
        QVERIFY(env.finish(missing.get()));
        QCOMPARE(missing->error().category, ErrorCategory::NotFound);
        QVERIFY(missing->error().hint.contains(u"Load Sales"_s));
    }

    void futureOfAJob()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::json(200, envelope(u"processes"_s, QJsonArray{QJsonObject{{u"id"_s, u"118000000001"_s}, {u"name"_s, u"P"_s}}})));
        auto future = futureOf(env.client.getProcesses(), [](ListProcessesJob *job) { return job->processes(); });
        QVERIFY(runUntil([&] { return future.isFinished(); }, env.clock.get(), &env.nam));
        QVERIFY(future.result().ok());
        QCOMPARE(future.result().value.first().name, u"P"_s);
    }

    void abortSendsNothingMore()
    {
        BulkFakeEnv env;
        env.nam.on("GET", u"**"_s).reply(FakeResponse::hang());
        auto job = keep(env.client.getExports());
        QVERIFY(runUntil([&] { return env.nam.requests().size() == 1; }, env.clock.get(), &env.nam));
        int failedSignals = 0;
        connect(job.get(), &Job::failed, this, [&](const ApiError &e) {
            ++failedSignals;
            QCOMPARE(e.category, ErrorCategory::Cancelled);
        });
        job->abort();
        settle(&env.nam);
        QCOMPARE(failedSignals, 1);
        QCOMPARE(env.nam.hangingReplies(), 0);
        QCOMPARE(env.nam.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBulkJobs)
#include "tst_BulkJobs.moc"
