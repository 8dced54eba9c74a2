// End to end: every BulkClient method against a real anadesk-sandbox on loopback (basic sign-in,
// page cap 3 so every listing pages, tasks taking 300 ms). Ids are the sandbox's seeded demo tenant
// (docs/sandbox.md).
#include "BulkClient.h"
#include "Connection.h"
#include "SandboxProcess.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"
#include "net/Transport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace anadesk;
using namespace Qt::StringLiterals;

namespace {
const QString kWs = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c01"_s;
const QString kWs2 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c02"_s;
const QString kDemoModel = u"75A40874E6B64FA3AE0743278B9E3A10"_s;
QString model(const char *suffix)
{
    return u"75A40874E6B64FA3AE0743278B9E3A"_s + QLatin1String(suffix);
}

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

template <typename J>
std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

constexpr int kWaitMs = 60'000;
} // namespace

#define RUN_OK(job)                                                                                               \
    do {                                                                                                          \
        QVERIFY2(waitFor((job).get(), kWaitMs), "timed out");                                                     \
        QVERIFY2((job)->isSucceeded(), qPrintable((job)->error().toString()));                                    \
    } while (false)

class TestBulkSandbox : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;
    BulkClient m_client;
    QTemporaryDir m_dir;

    TaskRunnerOptions quick() const
    {
        TaskRunnerOptions options;
        options.pollDelayMs = 100;
        options.busyInitialDelayMs = 200;
        options.busyMaxDelayMs = 400;
        options.deadlineMs = 60'000;
        return options;
    }

    // Waits until no task of `actionId` is still running (the sandbox refuses a second task with 409).
    void waitIdle(const QString &actionId, const QString &taskId)
    {
        auto runner = keep(m_client.waitForTask(actionId, taskId, quick()));
        QVERIFY(waitFor(runner.get(), kWaitMs));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<test::SandboxProcess>(
            QStringList{u"--task-duration"_s, u"300"_s, u"--page-cap"_s, u"3"_s});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        ClientOptions options;
        options.workspaceId = kWs;
        options.modelId = kDemoModel;
        options.statusPollDelayMs = 100;
        options.timeoutMs = 20'000;
        m_connection = std::make_unique<Connection>(
            Endpoints::singleOrigin(m_sandbox->url()), options,
            std::make_shared<BasicAuthenticator>(test::SandboxProcess::demoUser(),
                                                 test::SandboxProcess::demoPassword().toUtf8()));
        m_client = m_connection->bulk();
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    void workspaces()
    {
        auto all = keep(m_client.getWorkspaces({u"name"_s, true, {}}));
        RUN_OK(all);
        const QList<Workspace> list = all->workspaces();
        QCOMPARE(list.size(), 4);
        QVERIFY(all->pageCount() >= 2); // page cap 3
        QCOMPARE(list.first().name, u"Supply Chain"_s); // name descending
        QVERIFY(list.last().name.startsWith(u"Archive"_s));
        auto bySize = keep(m_client.getWorkspaces({u"size_allowance"_s, false, {}}));
        RUN_OK(bySize);
        QVERIFY(bySize->workspaces().first().sizeAllowance <= bySize->workspaces().last().sizeAllowance);
        auto one = keep(m_client.getWorkspace());
        RUN_OK(one);
        QCOMPARE(one->workspace().id, kWs);
        QVERIFY(one->workspace().sizeAllowance > 0); // tenantDetails sent
        figure(u"sandbox-workspaces listed=%1 pages=%2 page_cap=3"_s.arg(list.size()).arg(all->pageCount()));
    }

    void models()
    {
        auto all = keep(m_client.getModels({u"name"_s, false, {}}));
        RUN_OK(all);
        QCOMPARE(all->models().size(), 11);
        auto mine = keep(m_client.getModels({}, WorkspaceFilter::current()));
        RUN_OK(mine);
        for (const Model &m : mine->models())
            QCOMPARE(m.workspaceId, kWs);
        QCOMPARE(mine->models().size(), 5);
        auto other = keep(m_client.getModels({u"activeState"_s, true, {}}, WorkspaceFilter::of(kWs2)));
        RUN_OK(other);
        QCOMPARE(other->models().size(), 3);
        auto one = keep(m_client.getModel());
        RUN_OK(one);
        QCOMPARE(one->model().name, u"Sales Planning Demo"_s);
        QCOMPARE(one->model().activeState, ModelState::Unlocked);
        QVERIFY(one->model().transactionRunning.has_value());
        QVERIFY(one->model().memoryUsage > 0);
    }

    void modelObjects()
    {
        auto files = keep(m_client.getFiles({u"name"_s, false, {}}));
        auto imports = keep(m_client.getImports());
        auto exports = keep(m_client.getExports({u"id"_s, true, {}}));
        auto processes = keep(m_client.getProcesses());
        auto actions = keep(m_client.getActions());
        RUN_OK(files);
        RUN_OK(imports);
        RUN_OK(exports);
        RUN_OK(processes);
        RUN_OK(actions);
        QVERIFY(files->files().size() >= 7 + 7); // 7 import files + 7 export outputs
        QCOMPARE(imports->imports().size(), 7);
        QCOMPARE(exports->exports().size(), 7);
        QCOMPARE(exports->exports().first().id, u"116000000006"_s); // id descending
        QCOMPARE(processes->processes().size(), 5);
        QCOMPARE(actions->actions().size(), 3);
        bool sawXls = false;
        for (const Export &e : exports->exports()) {
            if (e.exportFormat == u"application/vnd.ms-excel"_s) {
                sawXls = true;
                QVERIFY(!e.encoding.has_value());
            }
        }
        QVERIFY(sawXls);
        for (const Import &i : imports->imports())
            QVERIFY(i.importType != ImportType::Unknown);
        auto chunks = keep(m_client.getFileChunks(u"113000000000"_s));
        RUN_OK(chunks);
        QCOMPARE(chunks->chunks().size(), 1);
    }

    void resolveNames()
    {
        auto file = keep(m_client.resolve(ObjectKind::File, u"sales.csv"_s));
        RUN_OK(file);
        QCOMPARE(file->id(), u"113000000001"_s);
        auto runnable = keep(m_client.resolve(ObjectKind::Runnable, u"Load Sales Data"_s));
        RUN_OK(runnable);
        QCOMPARE(runnable->id(), u"118000000000"_s);
        auto ws = keep(m_client.resolve(ObjectKind::Workspace, u"Supply Chain"_s));
        RUN_OK(ws);
        QCOMPARE(ws->id(), u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c03"_s);
        auto missing = keep(m_client.resolve(ObjectKind::Import, u"No Such Import"_s));
        QVERIFY(waitFor(missing.get(), kWaitMs));
        QCOMPARE(missing->error().category, ErrorCategory::NotFound);
    }

    void runImportAndReadTasks()
    {
        auto runner = keep(m_client.runAction(u"112000000001"_s, quick()));
        QSignalSpy states(runner.get(), &TaskRunner::stateChanged);
        RUN_OK(runner);
        QVERIFY(runner->taskResult()->successful);
        QVERIFY(!runner->taskResult()->details.isEmpty());
        QCOMPARE(runner->status().state, TaskState::Complete);
        QVERIFY(states.size() >= 1);
        auto summaries = keep(m_client.getTaskSummaries(u"112000000001"_s));
        RUN_OK(summaries);
        bool found = false;
        for (const TaskSummary &t : summaries->tasks())
            found = found || t.id == runner->taskId();
        QVERIFY(found);
        auto status = keep(m_client.getTaskStatus(u"112000000001"_s, runner->taskId()));
        RUN_OK(status);
        QCOMPARE(status->status().state, TaskState::Complete);
        figure(u"sandbox-run import=112000000001 polls=%1 posts=%2 outcome=COMPLETE"_s.arg(runner->polls())
                   .arg(runner->startPosts()));
    }

    void runWithoutWaitThenWaitForTask()
    {
        auto started = keep(m_client.runAction(u"116000000000"_s, false));
        RUN_OK(started);
        QVERIFY(!started->taskId().isEmpty());
        QVERIFY(!isTerminal(started->status().state));
        auto waited = keep(m_client.waitForTask(u"116000000000"_s, started->taskId(), quick()));
        RUN_OK(waited);
        QCOMPARE(waited->status().state, TaskState::Complete);
    }

    void failedImportWithDump()
    {
        TaskRunnerOptions options = quick();
        options.fetchDumpsOnFailure = true;
        auto runner = keep(m_client.runAction(u"112000000006"_s, options));
        QVERIFY(waitFor(runner.get(), kWaitMs));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed);
        QVERIFY(runner->taskResult()->failureDumpAvailable);
        QCOMPARE(runner->dumps().size(), 1);
        QVERIFY2(!runner->dumps().first().error.isError(), qPrintable(runner->dumps().first().error.toString()));
        const QByteArray dump = runner->dumps().first().data;
        QVERIFY(dump.startsWith("\"_Status_\""));
        QCOMPARE(dump.count("\"E\""), 4); // 4 of 5 rows fail
        auto again = keep(m_client.getImportDump(u"112000000006"_s, runner->taskId()));
        RUN_OK(again);
        QCOMPARE(again->data(), dump);
        figure(u"sandbox-dump import=112000000006 rows_failed=4 dump_bytes=%1 refetch_equal=1"_s.arg(dump.size()));
    }

    void processWithNestedDump()
    {
        auto runner = keep(m_client.runAction(u"118000000004"_s, quick()));
        QVERIFY(waitFor(runner.get(), kWaitMs));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed);
        QString failedObject;
        for (const TaskResult &nested : runner->taskResult()->nestedResults) {
            if (nested.failureDumpAvailable)
                failedObject = nested.objectId;
        }
        QCOMPARE(failedObject, u"112000000006"_s);
        auto dump = keep(m_client.getProcessDump(u"118000000004"_s, runner->taskId(), failedObject));
        RUN_OK(dump);
        QVERIFY(dump->data().startsWith("\"_Status_\""));
    }

    void optimizerLog()
    {
        auto runner = keep(m_client.runAction(u"118000000002"_s, quick()));
        RUN_OK(runner);
        auto log = keep(m_client.getOptimizerLog(u"117000000002"_s, runner->taskId()));
        RUN_OK(log);
        QVERIFY(!log->log().isEmpty());
    }

    void cancelRunningTask()
    {
        auto runner = keep(m_client.runAction(u"118000000000"_s, quick()));
        connect(runner.get(), &TaskRunner::taskStarted, runner.get(), [&] { runner->cancel(); });
        QVERIFY(waitFor(runner.get(), kWaitMs));
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        QCOMPARE(runner->status().state, TaskState::Cancelled);
        // cancelTask() alone sends the DELETE; the task then ends CANCELLED.
        auto second = keep(m_client.runAction(u"118000000000"_s, false));
        RUN_OK(second);
        auto cancel = keep(m_client.cancelTask(u"118000000000"_s, second->taskId()));
        RUN_OK(cancel);
        auto waited = keep(m_client.waitForTask(u"118000000000"_s, second->taskId(), quick()));
        QVERIFY(waitFor(waited.get(), kWaitMs));
        QCOMPARE(waited->status().state, TaskState::Cancelled);
        figure(u"sandbox-cancel final_state=CANCELLED polls=%1"_s.arg(runner->polls()));
    }

    void busyModelWaitsThenRuns()
    {
        auto first = keep(m_client.runAction(u"112000000000"_s, false));
        RUN_OK(first);
        auto second = keep(m_client.runAction(u"112000000005"_s, quick()));
        QSignalSpy busy(second.get(), &TaskRunner::modelBusy);
        RUN_OK(second);
        QVERIFY(second->busyWaits() >= 1); // 409 while the first task ran
        QVERIFY(busy.size() >= 1);
        QVERIFY(second->startPosts() >= 2);
        waitIdle(u"112000000000"_s, first->taskId());
        figure(u"sandbox-T-BUSY-01 busy_waits=%1 posts=%2 tooltip=\"%3\""_s.arg(second->busyWaits())
                   .arg(second->startPosts()).arg(busy.first().first().toString()));
    }

    void archivedAndLockedModels()
    {
        auto archived = keep(m_client.withModel(model("13")).runAction(u"112000000001"_s, quick()));
        QVERIFY(waitFor(archived.get(), kWaitMs));
        QCOMPARE(archived->error().category, ErrorCategory::ModelArchived);
        QVERIFY(archived->startPosts() <= 1); // the 422 may already come from the task list: never retried
        QCOMPARE(archived->busyWaits(), 0);
        QCOMPARE(archived->reconcileCalls(), 0);
        TaskRunnerOptions options = quick();
        options.busyMaxWaitMs = 1'000;
        auto locked = keep(m_client.withModel(model("12")).runAction(u"112000000001"_s, options));
        QVERIFY(waitFor(locked.get(), kWaitMs));
        QCOMPARE(locked->error().category, ErrorCategory::ModelBusy);
        figure(u"sandbox-T-BUSY-02 archived_attempts=%1 locked_category=%2"_s.arg(archived->startPosts())
                   .arg(categoryName(locked->error().category)));
    }

    void invalidActionSendsNothing()
    {
        auto runner = keep(m_client.runAction(u"113000000001"_s));
        QVERIFY(waitFor(runner.get(), kWaitMs));
        QCOMPARE(runner->error().category, ErrorCategory::BadInput);
        QCOMPARE(runner->startPosts(), 0);
    }

    void modelStatusOpenClose()
    {
        const BulkClient other = m_client.withModel(model("14"), kWs2); // MAINTENANCE, closed
        auto status = keep(other.modelStatus());
        RUN_OK(status);
        QCOMPARE(status->status().currentStep, u"Closed"_s);
        auto open = keep(other.openModel());
        RUN_OK(open);
        QVERIFY(!open->wasAlreadyOpen());
        auto openAgain = keep(other.openModel());
        RUN_OK(openAgain); // 424 "already open" is success
        QVERIFY(openAgain->wasAlreadyOpen());
        auto opened = keep(other.modelStatus());
        RUN_OK(opened);
        QCOMPARE(opened->status().currentStep, u"Open"_s);
        auto close = keep(other.closeModel());
        RUN_OK(close);
        auto closed = keep(other.modelStatus());
        RUN_OK(closed);
        QCOMPARE(closed->status().currentStep, u"Closed"_s);
    }

    void deleteModels()
    {
        auto result = keep(m_client.deleteModels({model("17"), kDemoModel}));
        RUN_OK(result);
        QCOMPARE(result->result().modelsDeleted, 1);
        QCOMPARE(result->result().failures.size(), 1);
        QCOMPARE(result->result().failures.first().modelId, kDemoModel); // open: refused, others proceed
        auto mine = keep(m_client.getModels({}, WorkspaceFilter::current()));
        RUN_OK(mine);
        QCOMPARE(mine->models().size(), 4);
    }

    void filesUploadDownloadRoundTrip()
    {
        QByteArray content = "Products,Regions,Units,Price,Notes\n";
        content += "Laptop,North,12,999.5,\"big, shiny\"\n";
        content += "Laptop,South,3,999.5,\n";
        auto upload = keep(m_client.uploadFile(u"113000000001"_s, content));
        RUN_OK(upload);
        auto get = keep(m_client.getFile(u"113000000001"_s));
        RUN_OK(get);
        QCOMPARE(get->data(), content);
        const QString target = m_dir.filePath(u"sales-copy.csv"_s);
        auto download = keep(m_client.downloadFile(u"113000000001"_s, target));
        RUN_OK(download);
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), content);
        QByteArray streamed;
        auto stream = keep(m_client.getFileStream(u"113000000001"_s));
        connect(stream.get(), &FileStreamJob::chunkReady, this, [&](int, const QByteArray &d) { streamed += d; });
        RUN_OK(stream);
        QCOMPARE(streamed, content);
        figure(u"sandbox-files upload_bytes=%1 get_equal=1 download_equal=1 stream_equal=1"_s.arg(content.size()));
    }

    void uploadFromPathAndStream()
    {
        const QString source = m_dir.filePath(u"products.csv"_s);
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray body = "Name,Code,Parent\nTablet,TAB,Computers\n";
        f.write(body);
        f.close();
        auto fromPath = keep(m_client.uploadFileFromPath(u"113000000000"_s, source));
        RUN_OK(fromPath);
        auto stream = keep(m_client.uploadFileStream(u"113000000005"_s));
        const QByteArray part1 = "Name\tCode\nNorth\tN\n";
        const QByteArray part2 = "Central\tC\n";
        QVERIFY(QTest::qWaitFor([&] { return stream->canPush(); }, 10'000));
        QVERIFY(stream->pushChunk(part1));
        QVERIFY(QTest::qWaitFor([&] { return stream->canPush(); }, 10'000));
        QVERIFY(stream->pushChunk(part2));
        stream->finishInput();
        RUN_OK(stream);
        auto back = keep(m_client.getFile(u"113000000005"_s));
        RUN_OK(back);
        QCOMPARE(back->data(), part1 + part2);
    }

    void uploadAndImportThenExportAndDownload()
    {
        const QByteArray content = "Products,Regions,Units,Price,Notes\nLaptop,North,7,1000,\n";
        auto flow = keep(m_client.uploadAndImport(u"113000000001"_s, content, u"112000000001"_s));
        RUN_OK(flow);
        QVERIFY(flow->runner()->taskResult()->successful);
        auto exported = keep(m_client.exportAndDownload(u"116000000000"_s));
        RUN_OK(exported);
        QVERIFY(exported->data().contains("Laptop"));
        QVERIFY(exported->data().contains("7"));
        const QString target = m_dir.filePath(u"export.csv"_s);
        auto toFile = keep(m_client.exportAndDownloadTo(u"116000000000"_s, target));
        RUN_OK(toFile);
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), exported->data());
        figure(u"sandbox-flows upload_and_import=ok export_bytes=%1 file_equal=1"_s.arg(exported->data().size()));
    }

    void badCredentialsAreAuthErrors()
    {
        ClientOptions options;
        options.workspaceId = kWs;
        options.modelId = kDemoModel;
        Connection wrong(Endpoints::singleOrigin(m_sandbox->url()), options,
                         std::make_shared<BasicAuthenticator>(test::SandboxProcess::demoUser(), QByteArray("nope")));
        auto job = keep(wrong.bulk().getWorkspaces());
        QVERIFY(waitFor(job.get(), kWaitMs));
        QCOMPARE(job->error().category, ErrorCategory::Auth);
        QVERIFY(!job->error().toString().contains(u"nope"_s)); // no secret in messages
    }
};

QTEST_GUILESS_MAIN(TestBulkSandbox)
#include "tst_BulkSandbox.moc"
