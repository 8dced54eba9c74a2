// Every ALM job's request on the recording fake network, local validation, and AlmTaskRunner: create,
// poll on the shared PollSchedule, fetch reports with the TARGET revision first, ActionFailed with
// Anaplan's error, transient poll failures, deadline, no-wait and attach.
#include "ModelApiFakeEnv.h"

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
const QString kAlm = kTx + u"/alm"_s;
const QString kSrcRev = u"4A1C7E2B9D3F48A6B5C0E1F2A3B4C502"_s;
const QString kTgtRev = u"4A1C7E2B9D3F48A6B5C0E1F2A3B4C501"_s;
const QString kSrcModel = u"75A40874E6B64FA3AE0743278B9E3A10"_s;
const QString kTask = u"D1E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6"_s;

QByteArray task(const QString &state, const QJsonObject &result = {})
{
    QJsonObject t{{u"taskId"_s, kTask},
                  {u"taskState"_s, state},
                  {u"creationTime"_s, 1750000000000LL},
                  {u"currentStep"_s, state == u"COMPLETE"_s ? u"Complete."_s : u"Syncing"_s}};
    if (!result.isEmpty())
        t.insert(u"result"_s, result);
    return QJsonDocument(envelopeObject(u"task"_s, t)).toJson(QJsonDocument::Compact);
}

QJsonObject success(bool report = false)
{
    QJsonObject r{
        {u"successful"_s, true}, {u"sourceRevisionId"_s, kSrcRev}, {u"targetRevisionId"_s, kTgtRev}};
    if (report)
        r.insert(u"reportFileUrl"_s, u"https://api.fake.test/report"_s);
    return r;
}

AlmTaskOptions quick(bool wait = true)
{
    AlmTaskOptions o;
    o.run.waitForCompletion = wait;
    o.run.pollDelayMs = 1000;
    return o;
}
} // namespace

class TestAlmJobs : public QObject
{
    Q_OBJECT

    template <typename J> static void runOk(ModelApiFakeEnv &env, J *job)
    {
        QVERIFY(env.finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
    }

    // Scripts a task collection: POST answers IN_PROGRESS, then `polls` GETs IN_PROGRESS, then COMPLETE.
    static void scriptTask(ModelApiFakeEnv &env, const QString &collection, int inProgressPolls,
                           const QJsonObject &result)
    {
        env.nam.on("POST", kAlm + u'/' + collection).reply(FakeResponse::json(201, task(u"IN_PROGRESS"_s)));
        auto &route = env.nam.on("GET", kAlm + u'/' + collection + u'/' + kTask);
        for (int i = 0; i < inProgressPolls; ++i)
            route.reply(FakeResponse::json(200, task(u"IN_PROGRESS"_s)));
        route.reply(FakeResponse::json(200, task(u"COMPLETE"_s, result)));
    }

private Q_SLOTS:
    void simpleRequests()
    {
        ModelApiFakeEnv env;
        env.nam.on("PUT", kTx + u"/onlineStatus"_s).reply(FakeResponse::http(204));
        env.nam.on("GET", kAlm + u"/revisions"_s)
            .reply(FakeResponse::json(
                200, J({
                    "meta" : {"paging" : {"currentPageSize" : 1, "offset" : 0, "totalSize" : 1}},
                    "revisions" : [ {
                        "id" : "R1",
                        "name" : "Release 1.0",
                        "createdOn" : "2026-01-01T00:00:00Z",
                        "createdBy" : "demo",
                        "creationMethod" : "user"
                    } ]
                })));
        env.nam.on("GET", kAlm + u"/latestRevision"_s)
            .reply(FakeResponse::json(
                200, J({"meta" : {"schema" : "x"}, "status" : {"code" : 200, "message" : "Success"}})));
        env.nam.on("GET", kAlm + u"/syncableRevisions"_s)
            .reply(FakeResponse::json(
                200, J({
                    "revisions" :
                        [ {"id" : "R2", "name" : "Release 1.1"}, {"id" : "R1", "name" : "Release 1.0"} ]
                })));
        env.nam.on("POST", kAlm + u"/revisions"_s)
            .reply(FakeResponse::json(201, J({"revisions" : [ {"id" : "R3", "name" : "Release 2"} ]})));
        env.nam.on("GET", kAlm + u"/revisions/R1/appliedToModels"_s)
            .reply(FakeResponse::json(200, J({
                                          "appliedToModels" : [
                                              {
                                                  "modelId" : "M1",
                                                  "modelName" : "DEV",
                                                  "workspaceId" : "w",
                                                  "appliedMethod" : "Create"
                                              },
                                              {"modelDeleted" : true}
                                          ]
                                      })));
        env.nam.on("GET", kAlm + u"/syncTasks"_s)
            .reply(FakeResponse::json(200, J({"meta" : {"schema" : "x"}})));
        env.nam.on("GET", kAlm + u"/syncTasks/*"_s).reply(FakeResponse::json(200, task(u"IN_PROGRESS"_s)));
        env.nam.on("GET", kAlm + u"/comparisonReportTasks/*"_s)
            .reply(FakeResponse::json(200, task(u"COMPLETE"_s, success(true))));
        env.nam.on("GET", kAlm + u"/summaryReportTasks/*"_s)
            .reply(FakeResponse::json(200, task(u"IN_PROGRESS"_s)));
        env.nam.on("GET", kAlm + u"/comparisonReports/*/*"_s)
            .reply(FakeResponse::http(200, "Lists Added\tx\n", "application/octet-stream"));
        env.nam.on("GET", kAlm + u"/summaryReports/*/*"_s)
            .reply(FakeResponse::json(200, J({
                                          "summaryReport" : {
                                              "targetRevisionId" : "T",
                                              "sourceRevisionId" : "S",
                                              "totals" : {"created" : 3},
                                              "differences" : {"lists" : {"created" : 1}}
                                          }
                                      })));

        auto offline = keep(env.alm.changeModelStatus(false));
        runOk(env, offline.get());
        RevisionQuery rq;
        rq.list = {u"created_on"_s, true, {}};
        rq.appliedAfter = u"2026-01-01"_s;
        auto revisions = keep(env.alm.getRevisions(rq));
        runOk(env, revisions.get());
        QCOMPARE(revisions->revisions().first().creationMethod, u"user"_s);
        auto latest = keep(env.alm.getLatestRevision());
        runOk(env, latest.get());
        QVERIFY(!latest->revision().has_value()); // none: the key is omitted
        auto syncable = keep(env.alm.getSyncableRevisions(kSrcModel));
        runOk(env, syncable.get());
        QCOMPARE(syncable->revisions().size(), 2);
        auto created = keep(env.alm.createRevision(u"Release 2"_s, u"Channel planning"_s));
        runOk(env, created.get());
        QCOMPARE(created->revision().id, u"R3"_s); // the spec's "revisions" form
        auto applied = keep(env.alm.getModelsForRevision(u"R1"_s));
        runOk(env, applied.get());
        QCOMPARE(applied->models().size(), 2);
        QVERIFY(applied->models().at(1).modelDeleted);
        auto syncTasks = keep(env.alm.getSyncTasks());
        runOk(env, syncTasks.get());
        QVERIFY(syncTasks->tasks().isEmpty());
        auto syncTask = keep(env.alm.getSyncTask(kTask));
        runOk(env, syncTask.get());
        QCOMPARE(syncTask->task().state, TaskState::InProgress);
        auto reportTask = keep(env.alm.getComparisonReportTask(kTask));
        runOk(env, reportTask.get());
        auto summaryTask = keep(env.alm.getComparisonSummaryTask(kTask));
        runOk(env, summaryTask.get());
        auto report = keep(env.alm.getComparisonReport(reportTask->task()));
        runOk(env, report.get());
        QCOMPARE(report->data(), QByteArray("Lists Added\tx\n"));
        auto summary = keep(env.alm.getComparisonSummary(u"T"_s, u"S"_s));
        runOk(env, summary.get());
        QCOMPARE(summary->report().totals.created, 3);

        const auto &r = env.nam.requests();
        const QStringList expected{
            kTx + u"/onlineStatus"_s,
            kAlm + u"/revisions?appliedAfter=2026-01-01&sort=-createdOn&limit=5000"_s,
            kAlm + u"/latestRevision"_s,
            kAlm + u"/syncableRevisions?sourceModelId="_s + kSrcModel,
            kAlm + u"/revisions"_s,
            kAlm + u"/revisions/R1/appliedToModels"_s,
            kAlm + u"/syncTasks"_s,
            kAlm + u"/syncTasks/"_s + kTask,
            kAlm + u"/comparisonReportTasks/"_s + kTask,
            kAlm + u"/summaryReportTasks/"_s + kTask,
            kAlm + u"/comparisonReports/"_s + kTgtRev + u'/' + kSrcRev, // TARGET first
            kAlm + u"/summaryReports/T/S"_s,
        };
        QCOMPARE(r.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(target(r.at(i)), expected.at(i));
        QCOMPARE(r.at(0).method, QByteArray("PUT"));
        QCOMPARE(r.at(0).body, QByteArray(R"({"status":"offline"})"));
        QCOMPARE(r.at(4).method, QByteArray("POST"));
        QCOMPARE(QJsonDocument::fromJson(r.at(4).body).object(),
                 (QJsonObject{{u"name"_s, u"Release 2"_s}, {u"description"_s, u"Channel planning"_s}}));
        figure(u"alm_requests checked=%1"_s.arg(expected.size()));
    }

    void badInputSendsNothing()
    {
        ModelApiFakeEnv env;
        const AlmClient none = env.alm.withModel({});
        QList<Job *> jobs{
            none.changeModelStatus(true), none.getRevisions(), none.getLatestRevision(),
            none.getSyncableRevisions(kSrcModel), none.createRevision(u"R"_s),
            none.getModelsForRevision(u"R1"_s), none.getSyncTasks(), none.getSyncTask(kTask),
            none.syncModels(kSrcRev, kSrcModel, kTgtRev),
            none.createComparisonReport(kSrcRev, kSrcModel, kTgtRev),
            none.createComparisonSummary(kSrcRev, kSrcModel, kTgtRev), none.getComparisonReportTask(kTask),
            none.getComparisonSummaryTask(kTask), none.getComparisonReport(kTgtRev, kSrcRev),
            none.getComparisonSummary(kTgtRev, kSrcRev), none.waitForTask(AlmTaskKind::Sync, kTask),
            // and with a model, but bad arguments:
            env.alm.createRevision(QString(61, u'n')), env.alm.createRevision(u"  "_s),
            env.alm.createRevision(u"ok"_s, QString(251, u'd')), env.alm.getSyncableRevisions({}),
            env.alm.syncModels(kSrcRev, {}, kTgtRev), env.alm.getComparisonReport(AlmTask{}),
            env.alm.getRevisions(RevisionQuery{{u"size"_s, false, {}}, {}, {}}),
            env.alm.getRevisions(RevisionQuery{{}, u"01/02/2026"_s, {}}),
            env.alm.waitForTask(AlmTaskKind::SummaryReport, {})};
        for (Job *job : jobs)
            job->setAutoDelete(false);
        for (Job *job : std::as_const(jobs)) {
            QVERIFY(env.finish(job));
            QVERIFY2(job->error().category == ErrorCategory::BadInput, qPrintable(job->error().toString()));
        }
        QVERIFY(jobs.first()->error().message.contains(u"No model selected"_s));
        QVERIFY(jobs.at(16)->error().message.contains(u"60"_s));
        QCOMPARE(env.nam.requests().size(), 0);
        figure(u"alm_bad_input jobs=%1 requests=0"_s.arg(jobs.size()));
        qDeleteAll(jobs);
    }

    void syncPollsToCompletion()
    {
        ClientOptions options;
        options.statusPollDelayMs = 700;
        ModelApiFakeEnv env(options);
        scriptTask(env, u"syncTasks"_s, 2, success());
        AlmTaskOptions o;
        auto runner = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, o));
        QStringList states;
        QString started;
        connect(runner.get(), &AlmTaskRunner::stateChanged, this,
                [&states](TaskState, const QString &raw) { states.append(raw); });
        connect(runner.get(), &AlmTaskRunner::taskStarted, this,
                [&started](const QString &id) { started = id; });
        runOk(env, runner.get());
        QCOMPARE(started, kTask);
        QCOMPARE(runner->polls(), 3);
        QCOMPARE(runner->pollDelays(), (QList<qint64>{0, 700, 700})); // base from the connection's options
        QCOMPARE(states, (QStringList{u"IN_PROGRESS"_s, u"COMPLETE"_s}));
        QVERIFY(runner->task().result->successful);
        const RecordedRequest &post = env.nam.requests().first();
        QCOMPARE(post.method, QByteArray("POST"));
        QCOMPARE(target(post), kAlm + u"/syncTasks"_s);
        QCOMPARE(QJsonDocument::fromJson(post.body).object(),
                 (QJsonObject{{u"sourceRevisionId"_s, kSrcRev},
                              {u"sourceModelId"_s, kSrcModel},
                              {u"targetRevisionId"_s, kTgtRev}}));
        QCOMPARE(env.nam.requests().size(), 4);
        figure(u"alm_sync polls=3 requests=4"_s);
    }

    void pollDelaysGrowOnTheSharedSchedule()
    {
        ModelApiFakeEnv env;
        scriptTask(env, u"syncTasks"_s, 13, success());
        AlmTaskOptions o = quick();
        o.run.pollsAtBaseDelay = 2;
        o.run.pollGrowth = 2.0;
        o.run.maxPollDelayMs = 5000;
        auto runner = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, o));
        runOk(env, runner.get());
        QList<qint64> expected{0};
        for (int i = 0; i < 13; ++i)
            expected.append(PollSchedule::delayFor(o.run, 1000, i));
        QCOMPARE(runner->pollDelays(), expected);
        QCOMPARE(expected.mid(1, 5), (QList<qint64>{1000, 1000, 2000, 4000, 5000}));
    }

    void reportsAreFetchedTargetFirst()
    {
        ModelApiFakeEnv env;
        scriptTask(env, u"comparisonReportTasks"_s, 1, success(true));
        scriptTask(env, u"summaryReportTasks"_s, 0, success(true));
        env.nam.on("GET", kAlm + u"/comparisonReports/*/*"_s)
            .reply(FakeResponse::http(200, "Lists Added\n", "application/octet-stream"));
        env.nam.on("GET", kAlm + u"/summaryReports/*/*"_s)
            .reply(FakeResponse::json(200, J({
                                          "summaryReport" : {
                                              "totals" : {"modified" : 1, "created" : 2, "deleted" : 0},
                                              "differences" : {"modules" : {"created" : 2}}
                                          }
                                      })));
        auto report = keep(env.alm.createComparisonReport(kSrcRev, kSrcModel, kTgtRev, quick()));
        runOk(env, report.get());
        QCOMPARE(report->comparisonReport(), QByteArray("Lists Added\n"));
        auto summary = keep(env.alm.createComparisonSummary(kSrcRev, kSrcModel, kTgtRev, quick()));
        runOk(env, summary.get());
        QCOMPARE(summary->summary()->differences.value(u"modules"_s).created, 2);
        QCOMPARE(env.nam.matching("GET", u"**/comparisonReports/**"_s).first().path(),
                 kAlm + u"/comparisonReports/"_s + kTgtRev + u'/' + kSrcRev);
        QCOMPARE(env.nam.matching("GET", u"**/summaryReports/**"_s).first().path(),
                 kAlm + u"/summaryReports/"_s + kTgtRev + u'/' + kSrcRev);
        AlmTaskOptions noFetch = quick();
        noFetch.fetchReport = false;
        env.nam.clearRecords();
        auto bare = keep(env.alm.createComparisonSummary(kSrcRev, kSrcModel, kTgtRev, noFetch));
        runOk(env, bare.get());
        QVERIFY(!bare->summary().has_value());
        QCOMPARE(env.nam.count("GET", u"**/summaryReports/**"_s), 0);
    }

    void unsuccessfulTaskIsActionFailed()
    {
        ModelApiFakeEnv env;
        scriptTask(
            env, u"syncTasks"_s, 0,
            QJsonObject{{u"successful"_s, false},
                        {u"error"_s, QJsonObject{{u"title"_s, u"Sync failed"_s},
                                                 {u"messageText"_s, u"Revision is not compatible"_s}}}});
        auto runner = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, quick()));
        QVERIFY(env.finish(runner.get()));
        const ApiError &e = runner->error();
        QCOMPARE(e.category, ErrorCategory::ActionFailed);
        QCOMPARE(e.serverMessage, u"Sync failed: Revision is not compatible"_s);
        QVERIFY(e.object.contains(kTask));
        QVERIFY(!e.hint.isEmpty());
        QCOMPARE(exitCodeFor(e.category), 12);
    }

    void transientPollFailuresAreTolerated()
    {
        ClientOptions options;
        options.retryCount = 1; // the transport gives up at once; the runner keeps polling
        ModelApiFakeEnv env(options);
        env.nam.on("POST", kAlm + u"/syncTasks"_s).reply(FakeResponse::json(201, task(u"IN_PROGRESS"_s)));
        env.nam.on("GET", kAlm + u"/syncTasks/"_s + kTask)
            .reply(FakeResponse::http(503))
            .reply(FakeResponse::networkError())
            .reply(FakeResponse::json(200, task(u"COMPLETE"_s, success())));
        auto runner = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, quick()));
        runOk(env, runner.get());
        QCOMPARE(runner->pollFailuresTolerated(), 2);
        QCOMPARE(runner->polls(), 3);

        env.nam.clearRoutes();
        env.nam.on("POST", kAlm + u"/syncTasks"_s).reply(FakeResponse::json(201, task(u"IN_PROGRESS"_s)));
        env.nam.on("GET", kAlm + u"/syncTasks/"_s + kTask)
            .reply(FakeResponse::anaplanError(404, u"no such task"_s));
        auto lost = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, quick()));
        QVERIFY(env.finish(lost.get()));
        QCOMPARE(lost->error().category, ErrorCategory::NotFound); // not transient: no more polling
        QCOMPARE(lost->polls(), 1);
    }

    void createFailureIsNotResent()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", kAlm + u"/syncTasks"_s)
            .reply(FakeResponse::http(500)); // 503 would be retried: "not processed"
        auto runner = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, quick()));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Server);
        QCOMPARE(env.nam.count("POST", u"**"_s), 1);
        QVERIFY(runner->error().hint.contains(u"sync tasks"_s));
    }

    void deadlineStopsFollowing()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", kAlm + u"/summaryReportTasks"_s)
            .reply(FakeResponse::json(201, task(u"IN_PROGRESS"_s)));
        env.nam.on("GET", kAlm + u"/summaryReportTasks/*"_s)
            .reply(FakeResponse::json(200, task(u"IN_PROGRESS"_s)));
        AlmTaskOptions o = quick();
        o.run.deadlineMs = 10'000;
        auto runner = keep(env.alm.createComparisonSummary(kSrcRev, kSrcModel, kTgtRev, o));
        QVERIFY(env.finish(runner.get()));
        QCOMPARE(runner->error().category, ErrorCategory::Timeout);
        QVERIFY(runner->error().object.contains(kTask));
        const int polls = runner->polls();
        QVERIFY(polls >= 5 && polls <= 12);
        env.clock->advance(60'000);
        settle(&env.nam);
        QCOMPARE(runner->polls(), polls); // nothing after the end
    }

    void noWaitAndAttach()
    {
        ModelApiFakeEnv env;
        scriptTask(env, u"syncTasks"_s, 1, success());
        auto started = keep(env.alm.syncModels(kSrcRev, kSrcModel, kTgtRev, quick(false)));
        runOk(env, started.get());
        QCOMPARE(started->polls(), 1);
        QCOMPARE(started->task().state, TaskState::InProgress);
        env.nam.clearRecords();
        auto attached = keep(env.alm.waitForTask(AlmTaskKind::Sync, kTask, quick()));
        runOk(env, attached.get());
        QCOMPARE(attached->task().state, TaskState::Complete);
        QCOMPARE(env.nam.count("POST", u"**"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlmJobs)
#include "tst_AlmJobs.moc"
