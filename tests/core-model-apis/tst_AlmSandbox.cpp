// End to end: every AlmClient method against a real anadesk-sandbox on loopback: the seeded DEV model
// (Release 1.0 and 1.1) and its PROD copy (on Release 1.0, Release 1.1 syncable).
#include "SandboxClient.h"

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

class TestAlmSandbox : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;
    AlmClient m_prod;
    AlmClient m_dev;

    AlmTaskOptions quick() const
    {
        AlmTaskOptions o;
        o.run.pollDelayMs = 100;
        o.run.deadlineMs = 60'000;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>(QStringList{u"--task-duration"_s, u"300"_s});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_connection = sandboxConnection(m_sandbox->url(), kProdModel);
        m_prod = m_connection->alm();
        m_dev = m_prod.withModel(kDevModel);
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    void revisions()
    {
        RevisionQuery byName;
        byName.list = {u"name"_s, true, {}};
        auto dev = keep(m_dev.getRevisions(byName));
        RUN_OK(dev);
        QCOMPARE(dev->revisions().size(), 2);
        QCOMPARE(dev->totalSize(), 2);
        QCOMPARE(dev->revisions().first().id, kRelease11); // "Release 1.1…" > "Release 1.0"
        auto latest = keep(m_prod.getLatestRevision());
        RUN_OK(latest);
        QCOMPARE(latest->revision()->id, kRelease10);
        auto syncable = keep(m_prod.getSyncableRevisions(kDevModel));
        RUN_OK(syncable);
        QCOMPARE(syncable->revisions().size(), 1);
        QCOMPARE(syncable->revisions().first().id, kRelease11);
        auto applied = keep(m_prod.getModelsForRevision(kRelease10));
        RUN_OK(applied);
        QVERIFY(applied->models().size() >= 2);
        QCOMPARE(applied->models().first().modelId, kDevModel); // the source model comes first
    }

    void comparisonReportAndSummary()
    {
        auto report = keep(m_prod.createComparisonReport(kRelease11, kDevModel, kRelease10, quick()));
        RUN_OK(report);
        QVERIFY(report->polls() >= 1);
        QVERIFY(report->comparisonReport().contains("Lists Added"));
        QVERIFY(report->comparisonReport().contains("Channels"));
        auto task = keep(m_prod.getComparisonReportTask(report->taskId()));
        RUN_OK(task);
        QCOMPARE(task->task().state, TaskState::Complete);
        auto again = keep(m_prod.getComparisonReport(task->task()));
        RUN_OK(again);
        QCOMPARE(again->data(), report->comparisonReport());
        auto swapped = keep(m_prod.getComparisonReport(kRelease11, kRelease10)); // source first: wrong
        QVERIFY(waitFor(swapped.get(), kSandboxWaitMs));
        QCOMPARE(swapped->error().category, ErrorCategory::NotFound);

        auto summary = keep(m_prod.createComparisonSummary(kRelease11, kDevModel, kRelease10, quick()));
        RUN_OK(summary);
        QVERIFY(summary->summary().has_value());
        QVERIFY(summary->summary()->totals.created > 0);
        QVERIFY(summary->summary()->differences.contains(u"lists"_s));
        auto summaryTask = keep(m_prod.getComparisonSummaryTask(summary->taskId()));
        RUN_OK(summaryTask);
        auto fetched = keep(m_prod.getComparisonSummary(kRelease10, kRelease11));
        RUN_OK(fetched);
        QCOMPARE(fetched->report().totals.created, summary->summary()->totals.created);
        figure(u"alm_sandbox_reports report_bytes=%1 summary_created=%2 polls=%3"_s
                   .arg(report->comparisonReport().size())
                   .arg(summary->summary()->totals.created)
                   .arg(report->polls()));
    }

    void syncAppliesTheRevision()
    {
        auto wrongTarget = keep(m_prod.syncModels(kRelease11, kDevModel, kRelease11, quick()));
        QVERIFY(waitFor(wrongTarget.get(), kSandboxWaitMs));
        QCOMPARE(wrongTarget->error().category, ErrorCategory::BadInput); // refused when created

        auto sync = keep(m_prod.syncModels(kRelease11, kDevModel, kRelease10, quick()));
        QString started;
        connect(sync.get(), &AlmTaskRunner::taskStarted, this,
                [&started](const QString &id) { started = id; });
        RUN_OK(sync);
        QCOMPARE(started, sync->taskId());
        QVERIFY(sync->task().result->successful);
        auto latest = keep(m_prod.getLatestRevision());
        RUN_OK(latest);
        QCOMPARE(latest->revision()->id, kRelease11);
        auto tasks = keep(m_prod.getSyncTasks());
        RUN_OK(tasks);
        QCOMPARE(tasks->tasks().size(), 1);
        QCOMPARE(tasks->tasks().first().taskId, sync->taskId());
        auto one = keep(m_prod.getSyncTask(sync->taskId()));
        RUN_OK(one);
        QCOMPARE(one->task().state, TaskState::Complete);
        auto attached = keep(m_prod.waitForTask(AlmTaskKind::Sync, sync->taskId(), quick()));
        RUN_OK(attached);
        // The synced structure is there: PROD now has the Channels list of Release 1.1.
        auto lists = keep(m_connection->transactional().getLists());
        RUN_OK(lists);
        bool channels = false;
        for (const ModelList &l : lists->lists())
            channels = channels || l.name == u"Channels"_s;
        QVERIFY(channels);
        figure(u"alm_sandbox_sync polls=%1"_s.arg(sync->polls()));
    }

    void createRevisionAfterAChange()
    {
        // DEV holds a change made after Release 1.1 (REV02's Forecast Notes): a revision can be created.
        auto first = keep(m_dev.createRevision(u"Release 1.2"_s));
        RUN_OK(first);
        auto nothing = keep(m_dev.createRevision(u"No change"_s));
        QVERIFY(waitFor(nothing.get(), kSandboxWaitMs));
        QCOMPARE(nothing->error().category, ErrorCategory::BadInput); // no structural change since 1.2
        QVERIFY(!nothing->error().serverMessage.isEmpty());
        // A new item of a non-production list is a structural change.
        auto insert = keep(m_connection->transactional().withModel(kDevModel).insertListItems(
            u"101000000003"_s, QJsonArray{QJsonObject{{u"name"_s, u"Marketplace"_s}}}));
        RUN_OK(insert);
        QCOMPARE(insert->result().added, 1);
        auto created = keep(m_dev.createRevision(u"Release 1.3"_s, u"Marketplace channel"_s));
        RUN_OK(created);
        QCOMPARE(created->revision().name, u"Release 1.3"_s);
        QCOMPARE(created->revision().description.value_or(QString()), u"Marketplace channel"_s);
        auto syncable = keep(m_prod.getSyncableRevisions(kDevModel));
        RUN_OK(syncable);
        QCOMPARE(syncable->revisions().first().id, created->revision().id);
    }

    void onlineStatus()
    {
        auto offline = keep(m_dev.changeModelStatus(false));
        RUN_OK(offline);
        auto refused =
            keep(m_connection->transactional().withModel(kDevModel).getListItems(u"101000000000"_s));
        QVERIFY(waitFor(refused.get(), kSandboxWaitMs));
        QCOMPARE(refused->error().category, ErrorCategory::ModelBusy); // offline: no data
        auto online = keep(m_dev.changeModelStatus(true));
        RUN_OK(online);
        auto readable =
            keep(m_connection->transactional().withModel(kDevModel).getListItems(u"101000000000"_s));
        RUN_OK(readable);
    }
};

QTEST_GUILESS_MAIN(TestAlmSandbox)
#include "tst_AlmSandbox.moc"
