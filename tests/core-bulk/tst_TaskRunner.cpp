// The task runner against the fake network layer on a fake clock: reconciliation instead of blind
// re-POSTs, terminal and non-terminal states, deadline, transient poll failures, failure dumps, a busy
// model, cancel on the server and abort on the client (reliability-and-security.md §5.2).
#include "BulkFakeEnv.h"

#include <QCryptographicHash>
#include <QSignalSpy>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kImport = u"112000000001"_s;
const QString kProcess = u"118000000001"_s;

// A tiny server for one action: the task list, and per task the statuses to hand out in turn (the
// last one repeats).
struct TaskServer
{
    BulkFakeEnv &env;
    QString actionPath; // "/imports/112000000001"
    QStringList tasks;
    QHash<QString, QList<QByteArray>> statuses;
    QHash<QString, int> statusReads;
    int created = 0;

    TaskServer(BulkFakeEnv &e, const QString &collection, const QString &actionId)
        : env(e)
        , actionPath(u"/"_s + collection + u"/"_s + actionId)
    {
        env.nam.on("GET", env.path(actionPath + u"/tasks"_s)).handle([this](const RecordedRequest &) {
            QJsonArray items;
            for (const QString &id : std::as_const(tasks))
                items.append(QJsonObject{{u"taskId"_s, id}, {u"taskState"_s, u"IN_PROGRESS"_s}, {u"creationTime"_s, 1}});
            return FakeResponse::json(200, envelope(u"tasks"_s, items));
        });
        env.nam.on("GET", env.path(actionPath + u"/tasks/*"_s)).handle([this](const RecordedRequest &r) {
            const QString id = r.url.path().section(u'/', -1);
            const QList<QByteArray> sequence = statuses.value(id);
            if (sequence.isEmpty())
                return FakeResponse::anaplanError(404, u"No such task"_s);
            const int n = statusReads[id]++;
            return FakeResponse::json(200, sequence.at(qMin(n, int(sequence.size()) - 1)));
        });
    }

    QString create()
    {
        const QString id = u"TASK%1"_s.arg(++created);
        tasks.append(id);
        return id;
    }
    int posts() const { return env.nam.count("POST", env.path(actionPath + u"/tasks"_s)); }
    QString tasksPath() const { return env.path(actionPath + u"/tasks"_s); }
};

TaskRunnerOptions fastOptions()
{
    TaskRunnerOptions options;
    options.pollDelayMs = 1'000;
    options.busyInitialDelayMs = 5'000;
    return options;
}

} // namespace

class TestTaskRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsToSuccess()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            const QString id = server.create();
            server.statuses[id] = {taskJson(id, u"NOT_STARTED"_s), taskJson(id, u"IN_PROGRESS"_s, 0.5),
                                   taskJson(id, u"COMPLETE"_s, 1.0, resultJson(true, false, kImport))};
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{u"task"_s, QJsonObject{{u"taskId"_s, id}}}}).toJson());
        });
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QSignalSpy started(runner.get(), &TaskRunner::taskStarted);
        QSignalSpy states(runner.get(), &TaskRunner::stateChanged);
        QSignalSpy progress(runner.get(), &TaskRunner::progress);
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().first().toString(), u"TASK1"_s);
        QCOMPARE(states.size(), 3);
        QCOMPARE(progress.last().first().toDouble(), 1.0);
        QVERIFY(runner->taskResult()->successful);
        QCOMPARE(runner->polls(), 3);
        QCOMPARE(runner->pollDelays(), QList<qint64>({1000, 1000, 1000}));
        QCOMPARE(server.posts(), 1);
    }

    void noWaitReturnsFirstStatus()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"exports"_s, u"116000000001"_s);
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            const QString id = server.create();
            server.statuses[id] = {taskJson(id, u"NOT_STARTED"_s)};
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{u"task"_s, QJsonObject{{u"taskId"_s, id}}}}).toJson());
        });
        auto runner = keep(env.client.runAction(u"116000000001"_s, false));
        QVERIFY(env.finish(runner.get()));
        QVERIFY(runner->isSucceeded());
        QCOMPARE(runner->status().state, TaskState::NotStarted);
        QCOMPARE(runner->polls(), 1);
        QCOMPARE(runner->pollDelays(), QList<qint64>({0}));
    }

    void tTask01_postFails500_reconcileThenStartOnce()
    {
        ClientOptions options;
        options.backoffMs = 1'000;
        BulkFakeEnv env(options);
        TaskServer server(env, u"imports"_s, kImport);
        int postCalls = 0;
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            if (++postCalls == 1)
                return FakeResponse::anaplanError(500, u"Internal error"_s); // nothing created
            const QString id = server.create();
            server.statuses[id] = {taskJson(id, u"COMPLETE"_s, 1.0, resultJson(true))};
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{u"task"_s, QJsonObject{{u"taskId"_s, id}}}}).toJson());
        });
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(server.created, 1);
        QCOMPARE(server.posts(), 2);
        QCOMPARE(runner->reconcileCalls(), 1);
        QVERIFY(!runner->adoptedExistingTask());
        // the second POST came only after a task list showed nothing new
        const auto requests = env.nam.requests();
        QStringList order;
        for (const RecordedRequest &r : requests)
            order << QString::fromLatin1(r.method) + u' ' + (r.url.path() == server.tasksPath() ? u"tasks"_s : u"status"_s);
        QCOMPARE(order.mid(0, 4), QStringList({u"GET tasks"_s, u"POST tasks"_s, u"GET tasks"_s, u"POST tasks"_s}));
        figure(u"T-TASK-01 tasks_created_on_server=%1 posts=%2 reconcile_calls=%3"_s.arg(server.created)
                   .arg(server.posts()).arg(runner->reconcileCalls()));
    }

    void tTask02_replyLostAfterCommit_adoptsExistingTask()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        server.tasks = {u"OLDTASK"_s}; // an earlier run, in the snapshot
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            const QString id = server.create(); // applied on the server …
            server.statuses[id] = {taskJson(id, u"IN_PROGRESS"_s), taskJson(id, u"COMPLETE"_s, 1.0, resultJson(true))};
            return FakeResponse::networkError(QNetworkReply::RemoteHostClosedError); // … answer lost
        });
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(server.created, 1);
        QCOMPARE(server.posts(), 1);
        QVERIFY(runner->adoptedExistingTask());
        QCOMPARE(runner->taskId(), u"TASK1"_s);
        QVERIFY(runner->reconcileCalls() >= 1);
        figure(u"T-TASK-02 tasks_created=%1 posts=%2 reconcile_calls=%3 adopted=%4"_s.arg(server.created)
                   .arg(server.posts()).arg(runner->reconcileCalls()).arg(runner->taskId()));
    }

    void reconcileAmbiguousNeverGuesses()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"processes"_s, kProcess);
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            server.create();
            server.create(); // someone else started one too
            return FakeResponse::http(504);
        });
        auto runner = keep(env.client.runAction(kProcess, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Server);
        QVERIFY(runner->error().serverMessage.contains(u"TASK1"_s));
        QCOMPARE(server.posts(), 1);
        QVERIFY(runner->taskId().isEmpty());
    }

    void reconcileGivesUpAfterMaxStartAttempts()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("POST", server.tasksPath()).reply(FakeResponse::http(500));
        TaskRunnerOptions options = fastOptions();
        options.maxStartAttempts = 3;
        auto runner = keep(env.client.runAction(kImport, options));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Server);
        QCOMPARE(server.posts(), 3);
        QCOMPARE(runner->reconcileCalls(), 3);
    }

    void tTask03_cancellingThenCancelledIsTerminal()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        const QString id = u"T3"_s;
        server.statuses[id] = {taskJson(id, u"IN_PROGRESS"_s, 0.2), taskJson(id, u"CANCELLING"_s, 0.2),
                               taskJson(id, u"CANCELLED"_s, 0.2)};
        auto runner = keep(env.client.waitForTask(kImport, id, fastOptions()));
        QList<TaskState> seen;
        connect(runner.get(), &TaskRunner::stateChanged, this, [&](TaskState s, const QString &) { seen << s; });
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        QCOMPARE(seen, QList<TaskState>({TaskState::InProgress, TaskState::Cancelling, TaskState::Cancelled}));
        QCOMPARE(runner->polls(), 3);
        settle(&env.nam);
        env.clock->advance(600'000);
        settle(&env.nam);
        QCOMPARE(env.nam.requests().size(), 3); // polling stopped
        figure(u"T-TASK-03 polls=%1 terminal_state=CANCELLED requests_after_terminal=0"_s.arg(runner->polls()));
    }

    void tTask04_deadlineWithSlowlyGrowingPollInterval()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"processes"_s, kProcess);
        server.statuses[u"T4"_s] = {taskJson(u"T4"_s, u"IN_PROGRESS"_s, 0.1)};
        TaskRunnerOptions options = fastOptions();
        options.deadlineMs = 10 * 60'000;
        auto runner = keep(env.client.waitForTask(kProcess, u"T4"_s, options));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Timeout);
        QVERIFY(runner->error().object.contains(u"T4"_s));
        QVERIFY(runner->error().hint.contains(u"cancel"_s));
        const QList<qint64> delays = runner->pollDelays();
        QCOMPARE(delays.first(), 0); // attach: first look at once
        qint64 previous = 0;
        for (int i = 1; i < delays.size(); ++i) {
            QVERIFY(delays.at(i) >= 1'000);       // never faster than configured
            QVERIFY(delays.at(i) <= 30'000);      // capped
            QVERIFY(delays.at(i) >= previous);    // grows, slowly
            previous = delays.at(i);
        }
        QCOMPARE(delays.mid(1, 10), QList<qint64>(10, 1'000));
        QCOMPARE(delays.last(), 30'000);
        settle(&env.nam);
        const int requests = int(env.nam.requests().size());
        env.clock->advance(3'600'000);
        settle(&env.nam);
        QCOMPARE(int(env.nam.requests().size()), requests);
        QStringList sequence;
        for (qint64 d : delays.mid(0, 20))
            sequence << QString::number(d);
        figure(u"T-TASK-04 polls=%1 deadline_s=600 intervals_ms=%2"_s.arg(runner->polls()).arg(sequence.join(u',')));
    }

    void tTask05_transientStatusFailuresTolerated()
    {
        ClientOptions options;
        options.retryCount = 1; // count every failure at the runner
        BulkFakeEnv env(options);
        TaskServer server(env, u"imports"_s, kImport);
        int reads = 0;
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T5"_s)).handle([&](const RecordedRequest &) {
            if (++reads <= 5)
                return FakeResponse::anaplanError(503, u"Service unavailable"_s);
            return FakeResponse::json(200, taskJson(u"T5"_s, u"COMPLETE"_s, 1.0, resultJson(true)));
        });
        auto runner = keep(env.client.waitForTask(kImport, u"T5"_s, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(runner->pollFailuresTolerated(), 5);
        QCOMPARE(runner->polls(), 6);
        figure(u"T-TASK-05 transient_failures_tolerated=%1 polls=%2"_s.arg(runner->pollFailuresTolerated()).arg(runner->polls()));
    }

    void tTask05b_tooManyPollFailuresGiveUpClearly()
    {
        ClientOptions options;
        options.retryCount = 1;
        BulkFakeEnv env(options);
        env.nam.on("GET", u"**"_s).reply(FakeResponse::networkError(QNetworkReply::ConnectionRefusedError));
        TaskRunnerOptions taskOptions = fastOptions();
        taskOptions.maxConsecutivePollFailures = 30;
        auto runner = keep(env.client.waitForTask(kImport, u"T6"_s, taskOptions));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Network);
        QVERIFY(runner->error().message.contains(u"31"_s));
        QCOMPARE(runner->polls(), 31);
    }

    void nonTransientStatusErrorStops()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport); // no statuses: 404
        auto runner = keep(env.client.waitForTask(kImport, u"GONE"_s, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::NotFound);
        QCOMPARE(runner->polls(), 1);
    }

    void tTask06_importFailureDumpDownloaded()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        server.statuses[u"T6"_s] = {taskJson(u"T6"_s, u"COMPLETE"_s, 1.0, resultJson(false, true, kImport))};
        QByteArray chunk0 = "Code,Error\n";
        QByteArray chunk1;
        for (int i = 0; i < 500; ++i)
            chunk1 += "E" + QByteArray::number(i) + ",Unknown list item\n";
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T6/dump/chunks"_s)).reply(FakeResponse::json(200,
            envelope(u"chunks"_s, QJsonArray{QJsonObject{{u"id"_s, u"0"_s}}, QJsonObject{{u"id"_s, u"1"_s}}})));
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T6/dump/chunks/0"_s)).reply(FakeResponse::http(200, chunk0, "text/csv"));
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T6/dump/chunks/1"_s)).reply(FakeResponse::http(200, chunk1, "text/csv"));
        TaskRunnerOptions options = fastOptions();
        options.fetchDumpsOnFailure = true;
        auto runner = keep(env.client.waitForTask(kImport, u"T6"_s, options));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed);
        QVERIFY(runner->error().serverMessage.contains(u"3 rows failed"_s)); // summary of the first errors
        QVERIFY(runner->taskResult().has_value());
        QVERIFY(!runner->taskResult()->successful);
        QCOMPARE(runner->dumps().size(), 1);
        const QByteArray expected = chunk0 + chunk1;
        QCOMPARE(QCryptographicHash::hash(runner->dumps().first().data, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(expected, QCryptographicHash::Sha256));
        figure(u"T-TASK-06 dump_bytes=%1 server_bytes=%2 sha256_match=1 error_shown=yes"_s
                   .arg(runner->dumps().first().data.size()).arg(expected.size()));
    }

    void tTask07_processDumpPerNestedObject()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"processes"_s, kProcess);
        const QJsonArray nested{resultJson(false, true, u"112000000011"_s), resultJson(true, false, u"116000000001"_s),
                                resultJson(false, true, u"112000000012"_s)};
        server.statuses[u"T7"_s] = {taskJson(u"T7"_s, u"COMPLETE"_s, 1.0, resultJson(false, false, kProcess, nested))};
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks/T7/dumps/*/chunks"_s)).reply(FakeResponse::json(200,
            envelope(u"chunks"_s, QJsonArray{QJsonObject{{u"id"_s, u"0"_s}}})));
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks/T7/dumps/*/chunks/0"_s)).handle([](const RecordedRequest &r) {
            return FakeResponse::http(200, "dump of " + r.url.path().section(u'/', -3, -3).toLatin1(), "text/csv");
        });
        TaskRunnerOptions options = fastOptions();
        options.fetchDumpsOnFailure = true;
        auto runner = keep(env.client.waitForTask(kProcess, u"T7"_s, options));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed);
        QCOMPARE(runner->dumps().size(), 2);
        QCOMPARE(runner->dumps().at(0).objectId, u"112000000011"_s);
        QCOMPARE(runner->dumps().at(0).data, QByteArray("dump of 112000000011"));
        QCOMPARE(runner->dumps().at(1).data, QByteArray("dump of 112000000012"));
        QCOMPARE(env.nam.count("GET", env.path(u"/processes/118000000001/tasks/T7/dumps/*/chunks/0"_s)), 2);
        figure(u"T-TASK-07 nested_failed=2 dumps_fetched=%1"_s.arg(runner->dumps().size()));
    }

    void tTask08_expiredDumpIsReportedNotCrashed()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        server.statuses[u"T8"_s] = {taskJson(u"T8"_s, u"COMPLETE"_s, 1.0, resultJson(false, true, kImport))};
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/T8/dump/**"_s)).reply(FakeResponse::anaplanError(404, u"Not Found"_s));
        TaskRunnerOptions options = fastOptions();
        options.fetchDumpsOnFailure = true;
        auto runner = keep(env.client.waitForTask(kImport, u"T8"_s, options));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed); // the run is still failed
        QCOMPARE(runner->dumps().size(), 1);
        QCOMPARE(runner->dumps().first().error.category, ErrorCategory::NotFound);
        QVERIFY(runner->dumps().first().error.message.contains(u"no longer available"_s));
        QVERIFY(runner->error().hint.contains(u"no longer available"_s));
        figure(u"T-TASK-08 dump_status=404 message=\"%1\" crash=0"_s.arg(runner->dumps().first().error.message));
    }

    void tTask09_unknownStateWarnedOnceNonTerminal()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        QJsonObject odd = QJsonDocument::fromJson(taskJson(u"T9"_s, u"PAUSED_FOR_MAINTENANCE"_s, 0.4)).object();
        QJsonObject task = odd.value(u"task"_s).toObject();
        task.insert(u"newField"_s, QJsonObject{{u"nested"_s, QJsonArray{1, 2}}});
        odd.insert(u"task"_s, task);
        const QByteArray oddBody = QJsonDocument(odd).toJson();
        server.statuses[u"T9"_s] = {oddBody, oddBody, oddBody, taskJson(u"T9"_s, u"COMPLETE"_s, 1.0, resultJson(true))};
        auto runner = keep(env.client.waitForTask(kImport, u"T9"_s, fastOptions()));
        QSignalSpy warnings(runner.get(), &TaskRunner::warning);
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(runner->polls(), 4);
        figure(u"T-TASK-09 unknown_state_polls=3 warnings=%1 parse_errors=0 outcome=COMPLETE"_s.arg(warnings.size()));
    }

    void tBusy01_waitsWithSlowBackoffShowsTooltip()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        int postCalls = 0;
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            if (++postCalls <= 3)
                return FakeResponse::anaplanError(postCalls == 2 ? 409 : 423, u"Model is locked"_s);
            const QString id = server.create();
            server.statuses[id] = {taskJson(id, u"COMPLETE"_s, 1.0, resultJson(true))};
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{u"task"_s, QJsonObject{{u"taskId"_s, id}}}}).toJson());
        });
        env.nam.on("GET", u"/2/0/models/*/status"_s).reply(FakeResponse::json(200,
            J({"requestStatus":{"progress":0.3,"currentStep":"Processing ...","tooltip":"The system is currently processing an Import","creationTime":1}})));
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QSignalSpy busy(runner.get(), &TaskRunner::modelBusy);
        QVERIFY(env.finish(runner.get()));
        QVERIFY2(runner->isSucceeded(), qPrintable(runner->error().toString()));
        QCOMPARE(runner->busyWaits(), 3);
        QCOMPARE(runner->busyDelays(), QList<qint64>({5'000, 7'500, 11'250}));
        QCOMPARE(busy.size(), 3);
        QCOMPARE(busy.first().first().toString(), u"The system is currently processing an Import"_s);
        QCOMPARE(server.posts(), 4);
        QCOMPARE(runner->reconcileCalls(), 0); // a refusal is not ambiguous
        figure(u"T-BUSY-01 attempts=%1 busy_waits=%2 max_interval_ms=%3 tooltip_shown=yes"_s.arg(server.posts())
                   .arg(runner->busyWaits()).arg(runner->busyDelays().last()));
    }

    void tBusy01b_busyWaitIsCancellable()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("POST", server.tasksPath()).reply(FakeResponse::anaplanError(423, u"Model is locked"_s));
        env.nam.on("GET", u"/2/0/models/*/status"_s).reply(FakeResponse::json(200, J({"requestStatus":{"progress":0.1,"tooltip":"busy"}})));
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        connect(runner.get(), &TaskRunner::modelBusy, runner.get(), [&] { runner->cancel(); });
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        settle(&env.nam);
        env.clock->advance(3'600'000);
        settle(&env.nam);
        QCOMPARE(server.posts(), 1);
    }

    void tBusy02_archivedIsNotRetried()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("POST", server.tasksPath()).reply(FakeResponse::anaplanError(422, u"Model is Archived"_s));
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::ModelArchived);
        QCOMPARE(runner->error().serverMessage, u"Model is Archived"_s);
        QCOMPARE(server.posts(), 1);
        figure(u"T-BUSY-02 attempts=%1 category=%2"_s.arg(server.posts()).arg(categoryName(runner->error().category)));
    }

    void tCancel01_abortDuringPollSendsNothingMore()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("GET", env.path(u"/imports/112000000001/tasks/TC"_s)).handle([&](const RecordedRequest &) {
            return env.nam.count("GET", env.path(u"/imports/112000000001/tasks/TC"_s)) >= 3
                       ? FakeResponse::hang() // the third poll is in flight when the user cancels
                       : FakeResponse::json(200, taskJson(u"TC"_s, u"IN_PROGRESS"_s, 0.3));
        });
        auto runner = keep(env.client.waitForTask(kImport, u"TC"_s, fastOptions()));
        QVERIFY(runUntil([&] { return env.nam.hangingReplies() == 1; }, env.clock.get(), &env.nam));
        const int before = int(env.nam.requests().size());
        runner->abort();
        QVERIFY(runner->isFinished());
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        settle(&env.nam);
        env.clock->advance(3'600'000);
        settle(&env.nam);
        QCOMPARE(env.nam.hangingReplies(), 0);
        QCOMPARE(int(env.nam.requests().size()), before);
        QCOMPARE(env.clock->pendingTimers(), 0);
        figure(u"T-CANCEL-01 phase=poll requests_after_cancel=%1 replies_left=0 timers_left=0"_s
                   .arg(int(env.nam.requests().size()) - before));
    }

    void tCancel01b_cancelOnServerThenCancelled()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"processes"_s, kProcess);
        bool deleted = false;
        env.nam.on("DELETE", env.path(u"/processes/118000000001/tasks/TD"_s)).handle([&](const RecordedRequest &) {
            deleted = true;
            return FakeResponse::json(200, taskJson(u"TD"_s, u"CANCELLING"_s));
        });
        env.nam.on("GET", env.path(u"/processes/118000000001/tasks/TD"_s)).handle([&](const RecordedRequest &) {
            return FakeResponse::json(200, taskJson(u"TD"_s, deleted ? u"CANCELLED"_s : u"IN_PROGRESS"_s, 0.5));
        });
        auto runner = keep(env.client.waitForTask(kProcess, u"TD"_s, fastOptions()));
        connect(runner.get(), &TaskRunner::progress, runner.get(), [&] { runner->cancel(); });
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        QCOMPARE(runner->status().state, TaskState::Cancelled);
        QCOMPARE(env.nam.count("DELETE", u"**"_s), 1);
        figure(u"T-CANCEL-01-server delete_sent=1 final_state=CANCELLED polls=%1"_s.arg(runner->polls()));
    }

    void cancelWhileStartInFlightCancelsTheNewTask()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"imports"_s, kImport);
        env.nam.on("POST", server.tasksPath()).handle([&](const RecordedRequest &) {
            const QString id = server.create();
            server.statuses[id] = {taskJson(id, u"CANCELLED"_s)};
            return FakeResponse::json(200, QJsonDocument(QJsonObject{{u"task"_s, QJsonObject{{u"taskId"_s, id}}}}).toJson()).after(500);
        });
        env.nam.on("DELETE", u"**"_s).reply(FakeResponse::http(204));
        auto runner = keep(env.client.runAction(kImport, fastOptions()));
        QVERIFY(runUntil([&] { return server.posts() == 1; }, env.clock.get(), &env.nam));
        runner->cancel();
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Cancelled);
        QCOMPARE(env.nam.count("DELETE", env.path(u"/imports/112000000001/tasks/TASK1"_s)), 1);
    }

    void completedWithoutSuccessWithoutDumps()
    {
        BulkFakeEnv env;
        TaskServer server(env, u"exports"_s, u"116000000001"_s);
        server.statuses[u"TE"_s] = {taskJson(u"TE"_s, u"COMPLETE"_s, 1.0, resultJson(false))};
        auto runner = keep(env.client.waitForTask(u"116000000001"_s, u"TE"_s, fastOptions()));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::ActionFailed);
        QVERIFY(runner->error().message.contains(u"116000000001"_s));
        QVERIFY(runner->dumps().isEmpty());
        QCOMPARE(env.nam.requests().size(), 1); // no dump requested unless asked
    }
};

QTEST_GUILESS_MAIN(TestTaskRunner)
#include "tst_TaskRunner.moc"
