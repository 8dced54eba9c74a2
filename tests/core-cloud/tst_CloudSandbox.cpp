// End to end: every ScimClient, AuditClient, CloudWorksClient and FlowsClient method against a real
// anadesk-sandbox on loopback (basic sign-in as the demo user; runs last 1.5 s). Seeded data:
// docs/sandbox.md (2,000 SCIM users, 30 days of audit events, 5 connections, 12
// integrations, 2 flows).
#include "Connection.h"
#include "SandboxProcess.h"
#include "api/JobWait.h"
#include "audit/AuditClient.h"
#include "auth/BasicAuthenticator.h"
#include "cloudworks/CloudWorksClient.h"
#include "scim/ScimClient.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace anadesk;
using namespace Qt::StringLiterals;

namespace {
const QString kWs1 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c01"_s;
const QString kWs2 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c02"_s;
const QString kWs3 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c03"_s;
const QString kModel = u"75A40874E6B64FA3AE0743278B9E3A10"_s;
constexpr int kWaitMs = 60'000;

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

template <typename J> std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}
} // namespace

#define RUN_OK(job)                                                                                          \
    do {                                                                                                     \
        QVERIFY2(waitFor((job).get(), kWaitMs), "timed out");                                                \
        QVERIFY2((job)->isSucceeded(), qPrintable((job)->error().toString()));                               \
    } while (false)

#define RUN_FAILS(job, cat)                                                                                  \
    do {                                                                                                     \
        QVERIFY2(waitFor((job).get(), kWaitMs), "timed out");                                                \
        QVERIFY2(!(job)->isSucceeded(), "succeeded unexpectedly");                                           \
        QCOMPARE((job)->error().category, cat);                                                              \
    } while (false)

class TestCloudSandbox : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;

    ScimClient scim() { return m_connection->scim(); }
    AuditClient audit() { return m_connection->audit(); }
    CloudWorksClient cw() { return m_connection->cloudWorks(); }

    scim::User freshUser(const QString &id)
    {
        auto job = keep(scim().getUser(id));
        if (!waitFor(job.get(), kWaitMs) || !job->isSucceeded())
            return {};
        return job->user();
    }

    // Polls the run until it has ended (a generous deadline, never a speed assertion).
    cloudworks::RunStatus waitRun(const QString &runId)
    {
        QElapsedTimer timer;
        timer.start();
        cloudworks::RunStatus last;
        while (timer.elapsed() < kWaitMs) {
            auto job = keep(cw().getRunStatus(runId));
            if (waitFor(job.get(), kWaitMs) && job->isSucceeded()) {
                last = job->status();
                if (!last.isRunning())
                    return last;
            }
            QTest::qWait(150);
        }
        return last;
    }

    QString integrationNamed(const QString &name)
    {
        auto job = keep(cw().getIntegrations());
        if (!waitFor(job.get(), kWaitMs) || !job->isSucceeded())
            return {};
        for (const cloudworks::Integration &i : job->integrations())
            if (i.name == name)
                return i.id;
        return {};
    }

    QString connectionNamed(const QString &name)
    {
        auto job = keep(cw().getConnections());
        if (!waitFor(job.get(), kWaitMs) || !job->isSucceeded())
            return {};
        for (const cloudworks::CloudConnection &c : job->connections())
            if (c.name == name)
                return c.id;
        return {};
    }

    cloudworks::IntegrationInput importInput(const QString &name, const QString &connectionId)
    {
        using namespace cloudworks;
        IntegrationInput in;
        in.name = name;
        in.workspaceId = kWs1;
        in.modelId = kModel;
        in.jobs = {IntegrationJob::importJob(
            JobEndpoint::fileEndpoint(ConnectionType::AmazonS3, connectionId, u"sales/sales.csv"_s),
            u"112000000001"_s, u"113000000001"_s)};
        return in;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<test::SandboxProcess>(QStringList{u"--task-duration"_s, u"1500"_s});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        ClientOptions options;
        options.timeoutMs = 20'000;
        m_connection = std::make_unique<Connection>(
            Endpoints::singleOrigin(m_sandbox->url()), options,
            std::make_shared<BasicAuthenticator>(test::SandboxProcess::demoUser(),
                                                 test::SandboxProcess::demoPassword().toUtf8()));
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    // --- SCIM ----------------------------------------------------------------------------------------
    void scimDiscovery()
    {
        auto config = keep(scim().getServiceProviderConfig());
        auto types = keep(scim().getResourceTypes());
        auto schemas = keep(scim().getResourceSchemas());
        RUN_OK(config);
        RUN_OK(types);
        RUN_OK(schemas);
        QVERIFY(config->config().patchSupported);
        QCOMPARE(config->config().filterMaxResults, 100);
        QVERIFY(std::any_of(types->resourceTypes().cbegin(), types->resourceTypes().cend(),
                            [](const scim::ResourceType &t) { return t.name == "User"_L1; }));
        QVERIFY(!schemas->schemas().isEmpty());
        QVERIFY(!schemas->schemas().first().attributes.isEmpty());
    }

    void scimListAndFilter()
    {
        auto all = keep(scim().getUsers());
        RUN_OK(all);
        const QList<scim::User> users = all->users();
        QCOMPARE(users.size(), 2000);
        QCOMPARE(all->pageCount(), 20);
        QSet<QString> ids;
        for (const scim::User &u : users)
            ids.insert(u.id);
        QCOMPARE(ids.size(), users.size());

        auto inactive = keep(scim().getUsers(scim::field(scim::Attribute::Active).falsy(), 50));
        RUN_OK(inactive);
        QCOMPARE(inactive->users().size(), 262);
        for (const scim::User &u : inactive->users())
            QVERIFY(!u.active);

        using scim::Attribute;
        const scim::Filter demoOrPlanner =
            scim::field(Attribute::UserName).eq(test::SandboxProcess::demoUser()) ||
            scim::field(Attribute::UserName).eq(u"PLANNER@anadesk.test"_s);
        auto two = keep(scim().getUsers(demoOrPlanner && scim::field(Attribute::Active).truthy()));
        RUN_OK(two);
        QCOMPARE(two->users().size(), 2);
        auto demo = keep(scim().getUsers(scim::field(Attribute::ExternalId).eq(u"EMP000001"_s)));
        RUN_OK(demo);
        QCOMPARE(demo->users().size(), 1);
        QCOMPARE(demo->users().first().userName, test::SandboxProcess::demoUser());
        QCOMPARE(demo->users().first().workspaceIds().size(), 4);
        const scim::User one = freshUser(demo->users().first().id);
        QCOMPARE(one.userName, test::SandboxProcess::demoUser());

        auto refused = keep(scim().getUsers(scim::Filter::raw(u"userName co \"anadesk\""_s)));
        RUN_FAILS(refused, ErrorCategory::BadInput); // Anaplan's subset: no `co`
        QVERIFY(!refused->error().serverMessage.isEmpty());
        auto missing = keep(scim().getUser(u"00000000000000000000000000000000"_s));
        RUN_FAILS(missing, ErrorCategory::NotFound);
        figure(u"sandbox_scim users=%1 pages=%2 inactive=%3"_s.arg(users.size())
                   .arg(all->pageCount())
                   .arg(inactive->users().size()));
    }

    void scimWriteKeepsEntitlements()
    {
        scim::UserInput input;
        input.userName = u"core.cloud.test@anadesk.test"_s;
        input.givenName = u"Core"_s;
        input.familyName = u"Cloud"_s;
        input.externalId = u"CC-1"_s;
        input.setWorkspaceIds({kWs1, kWs2});
        auto added = keep(scim().addUser(input));
        RUN_OK(added);
        const QString id = added->user().id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(added->user().workspaceIds(), (QStringList{kWs1, kWs2}));
        auto again = keep(scim().addUser(input));
        RUN_FAILS(again, ErrorCategory::ModelBusy); // 409 uniqueness

        // Replace without entitlements: the current workspaces are kept (verified by a fresh GET).
        scim::UserInput replacement;
        replacement.userName = input.userName;
        replacement.givenName = u"Renamed"_s;
        replacement.familyName = u"Cloud"_s;
        replacement.externalId = u"CC-1"_s;
        auto replaced = keep(scim().replaceUser(id, replacement));
        RUN_OK(replaced);
        QVERIFY(replaced->carriedOver());
        scim::User fresh = freshUser(id);
        QCOMPARE(fresh.name.givenName, u"Renamed"_s);
        QCOMPARE(fresh.workspaceIds(), (QStringList{kWs1, kWs2}));

        // Only an explicit request clears them.
        auto cleared = keep(scim().replaceUser(id, replacement, scim::EntitlementPolicy::Clear));
        RUN_OK(cleared);
        QVERIFY(freshUser(id).workspaceIds().isEmpty());

        auto patched = keep(scim().patchUser(id, {scim::PatchOperation::addWorkspaces({kWs3, kWs1}),
                                                  scim::PatchOperation::setActive(false),
                                                  scim::PatchOperation::setFamilyName(u"Patched"_s)}));
        RUN_OK(patched);
        fresh = freshUser(id);
        QCOMPARE(fresh.workspaceIds(), (QStringList{kWs3, kWs1}));
        QVERIFY(!fresh.active);
        QCOMPARE(fresh.name.familyName, u"Patched"_s);
        auto removed = keep(scim().patchUser(id, {scim::PatchOperation::removeWorkspace(kWs3)}));
        RUN_OK(removed);
        QCOMPARE(freshUser(id).workspaceIds(), QStringList{kWs1});
        auto bad = keep(scim().patchUser(id, {{scim::PatchOp::Replace, u"userName"_s, u"x@y.z"_s}}));
        RUN_FAILS(bad, ErrorCategory::BadInput);
    }

    // --- Audit ---------------------------------------------------------------------------------------
    void auditUsersAndEvents()
    {
        auto me = keep(audit().getUser());
        RUN_OK(me);
        QCOMPARE(me->user().email, test::SandboxProcess::demoUser());
        auto byId = keep(audit().getUser(me->user().id));
        RUN_OK(byId);
        QCOMPARE(byId->user().id, me->user().id);
        auto scimMe = keep(scim().getUsers(scim::field(scim::Attribute::Id).eq(me->user().id)));
        RUN_OK(scimMe);
        QCOMPARE(scimMe->users().size(), 1); // one id across the APIs

        auto users = keep(audit().getUsers({u"last_name"_s, false, {}}));
        RUN_OK(users);
        QVERIFY(users->users().size() >= 2000);
        const auto list = users->users();
        for (int i = 1; i < list.size(); ++i)
            QVERIFY(list.at(i - 1).lastName.compare(list.at(i).lastName, Qt::CaseInsensitive) <= 0);
        auto search = keep(audit().getUsers({{}, false, u"planner"_s}));
        RUN_OK(search);
        QVERIFY(!search->users().isEmpty());

        auto all = keep(audit().getEvents());
        RUN_OK(all);
        QVERIFY(all->events().size() >= 3715);
        audit::EventQuery q;
        q.daysIntoPast = 7;
        q.type = audit::EventType::UserActivity;
        q.pageSize = 250; // forces paging
        auto week = keep(audit().getEvents(q));
        RUN_OK(week);
        QVERIFY(week->pageCount() > 1);
        QSet<QString> ids;
        for (const audit::Event &e : week->events()) {
            QVERIFY2(e.eventTypeId.startsWith(u"USR-"_s), qPrintable(e.eventTypeId));
            QVERIFY(e.eventDate >= week->windowFromMs() && e.eventDate <= week->windowToMs());
            ids.insert(e.id);
        }
        QCOMPARE(ids.size(), week->events().size());
        auto tooFar = keep(audit().getEvents(31));
        RUN_FAILS(tooFar, ErrorCategory::BadInput);
        figure(u"sandbox_audit events_30d=%1 user_activity_7d=%2 pages=%3"_s.arg(all->events().size())
                   .arg(week->events().size())
                   .arg(week->pageCount()));
    }

    // --- CloudWorks ----------------------------------------------------------------------------------
    void connections()
    {
        using namespace cloudworks;
        auto list = keep(cw().getConnections());
        RUN_OK(list);
        QCOMPARE(list->connections().size(), 5);
        const QString legacy = connectionNamed(u"Legacy S3 (expired keys)"_s);
        for (const CloudConnection &c : list->connections())
            QCOMPARE(c.isValid(), c.id != legacy);

        CloudConnectionInput s3 = CloudConnectionInput::amazonS3(
            u"Core Cloud S3"_s, u"core-cloud-bucket"_s, u"AKIACORECLOUD"_s, u"core-cloud-secret-key-1"_s);
        auto created = keep(cw().createConnection(s3));
        RUN_OK(created);
        const QString id = created->connectionId();
        auto patched = keep(cw().patchConnection(id, QJsonObject{{u"name"_s, u"Core Cloud S3 (patched)"_s}}));
        RUN_OK(patched);
        QCOMPARE(connectionNamed(u"Core Cloud S3 (patched)"_s), id);
        s3.name = u"Core Cloud S3 (updated)"_s;
        auto updated = keep(cw().updateConnection(id, s3));
        RUN_OK(updated);
        QCOMPARE(connectionNamed(u"Core Cloud S3 (updated)"_s), id);
        auto azure = keep(cw().createConnection(CloudConnectionInput::azureBlobSas(
            u"Core Cloud Azure"_s, u"acct"_s, u"cont"_s, u"sv=2024&sig=abc"_s)));
        RUN_OK(azure);
        auto bq = keep(cw().createConnection(CloudConnectionInput::googleBigQuery(
            u"Core Cloud BigQuery"_s, u"dataset1"_s,
            QJsonObject{{u"type"_s, u"service_account"_s},
                        {u"project_id"_s, u"p"_s},
                        {u"private_key"_s,
                         u"-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG\n-----END PRIVATE KEY-----\n"_s},
                        {u"client_email"_s, u"sa@p.iam.gserviceaccount.com"_s}})));
        RUN_OK(bq);
        for (const QString &gone : {id, azure->connectionId(), bq->connectionId()}) {
            auto del = keep(cw().deleteConnection(gone));
            RUN_OK(del);
        }
        auto inUse = keep(cw().deleteConnection(connectionNamed(u"Finance S3 Landing"_s)));
        RUN_FAILS(inUse, ErrorCategory::ModelBusy); // 409: integrations use it
        auto after = keep(cw().getConnections());
        RUN_OK(after);
        QCOMPARE(after->connections().size(), 5);
    }

    void integrationsPageCapAndCrud()
    {
        using namespace cloudworks;
        const QString s3 = connectionNamed(u"Finance S3 Landing"_s);
        QVERIFY(!s3.isEmpty());
        auto seeded = keep(cw().getIntegrations());
        RUN_OK(seeded);
        const int before = int(seeded->integrations().size());
        QCOMPARE(before, 12);
        // Enough integrations that the 250 cap pages the listing.
        const int extra = 250;
        for (int n = 0; n < extra; ++n) {
            auto job =
                keep(cw().createIntegration(importInput(u"Bulk %1"_s.arg(n, 3, 10, QLatin1Char('0')), s3)));
            RUN_OK(job);
        }
        for (bool descending : {false, true}) {
            auto all = keep(cw().getIntegrations({u"name"_s, descending, false}));
            RUN_OK(all);
            const QList<Integration> list = all->integrations();
            QCOMPARE(list.size(), before + extra);
            QCOMPARE(all->pageSize(), 250);
            QCOMPARE(all->pageCount(), 2);
            QSet<QString> ids;
            for (int i = 0; i < list.size(); ++i) {
                ids.insert(list.at(i).id);
                if (i > 0) {
                    const int c = list.at(i - 1).name.compare(list.at(i).name, Qt::CaseInsensitive);
                    QVERIFY(descending ? c >= 0 : c <= 0);
                }
            }
            QCOMPARE(ids.size(), list.size());
            if (!descending)
                figure(u"sandbox_cloudworks_integrations total=%1 page_size=%2 pages=%3 dups=0"_s
                           .arg(list.size())
                           .arg(all->pageSize())
                           .arg(all->pageCount()));
        }
        auto mine = keep(cw().getIntegrations({{}, false, true}));
        RUN_OK(mine);
        QCOMPARE(mine->integrations().size(), before + extra - 2); // two seeded ones are Paula Planner's

        auto created = keep(cw().createIntegration(importInput(u"Core Cloud Import"_s, s3)));
        RUN_OK(created);
        const QString id = created->integrationId();
        IntegrationInput renamed = importInput(u"Core Cloud Import (renamed)"_s, s3);
        auto updated = keep(cw().updateIntegration(id, renamed));
        RUN_OK(updated);
        auto one = keep(cw().getIntegration(id));
        RUN_OK(one);
        QCOMPARE(one->integration().name, renamed.name);
        QCOMPARE(one->integration().type,
                 IntegrationType::Import); // derived: no integrationType in a single GET
        QCOMPARE(one->integration().jobs.first().sources.first().connectionName, u"Finance S3 Landing"_s);
        QCOMPARE(one->integration().jobs.first().targets.first().actionId, u"112000000001"_s);

        IntegrationInput process;
        process.name = u"Core Cloud Process"_s;
        process.workspaceId = kWs1;
        process.modelId = kModel;
        process.processId = u"118000000001"_s;
        auto createdProcess = keep(cw().createIntegration(process));
        RUN_OK(createdProcess);
        IntegrationInput exportInput;
        exportInput.name = u"Core Cloud Export"_s;
        exportInput.workspaceId = kWs1;
        exportInput.modelId = kModel;
        exportInput.jobs = {IntegrationJob::exportJob(
            u"116000000000"_s,
            JobEndpoint::fileEndpoint(ConnectionType::AmazonS3, s3, u"out/x.csv"_s, true))};
        auto createdExport = keep(cw().createIntegration(exportInput));
        RUN_OK(createdExport);

        // Schedules: all five types on the new integration, then disable / enable / delete.
        const QString start = QDate::currentDate().addDays(2).toString(Qt::ISODate);
        const QString end = QDate::currentDate().addYears(2).toString(Qt::ISODate);
        const QList<ScheduleInput> schedules{
            ScheduleInput::hourly(u"h"_s, u"08:00"_s, u"18:00"_s, {1, 2, 3, 4, 5}, 2, start, end),
            ScheduleInput::daily(u"d"_s, u"12:00"_s, start, end, {0, 2, 5}),
            ScheduleInput::weekly(u"w"_s, u"06:30"_s, {1, 3}, start, end),
            ScheduleInput::monthlySpecificDay(u"m"_s, u"05:00"_s, 15, start, end),
            ScheduleInput::monthlyRelativeWeekday(u"r"_s, u"07:15"_s, 2, 3, start, end)};
        auto create = keep(cw().createSchedule(id, schedules.first()));
        RUN_OK(create);
        for (const ScheduleInput &s : schedules) {
            ScheduleInput tz = s;
            tz.timezone = CloudWorksClient::scheduleTimezones().at(20);
            auto update = keep(cw().updateSchedule(id, tz));
            RUN_OK(update);
            auto check = keep(cw().getIntegration(id));
            RUN_OK(check);
            QVERIFY(check->integration().schedule.has_value());
            QCOMPARE(check->integration().schedule->type, s.type);
            QCOMPARE(check->integration().schedule->timezone, tz.timezone);
        }
        auto disable = keep(cw().setScheduleStatus(id, false));
        RUN_OK(disable);
        auto check = keep(cw().getIntegration(id));
        RUN_OK(check);
        QVERIFY(!check->integration().schedule->isEnabled());
        auto enable = keep(cw().setScheduleStatus(id, true));
        RUN_OK(enable);
        check = keep(cw().getIntegration(id));
        RUN_OK(check);
        QVERIFY(check->integration().schedule->isEnabled());
        auto dropSchedule = keep(cw().deleteSchedule(id));
        RUN_OK(dropSchedule);
        check = keep(cw().getIntegration(id));
        RUN_OK(check);
        QVERIFY(!check->integration().schedule.has_value());
        ScheduleInput badTz = schedules.first();
        badTz.timezone = u"Europe/Berlin"_s;
        auto refused = keep(cw().createSchedule(id, badTz));
        RUN_FAILS(refused, ErrorCategory::BadInput);

        // Notifications: a new integration has a default configuration.
        auto byIntegration = keep(cw().getNotificationConfigOfIntegration(id));
        RUN_OK(byIntegration);
        QCOMPARE(byIntegration->config().integrationIds, QStringList{id});
        auto dropDefault = keep(cw().deleteNotificationConfigOfIntegration(id));
        RUN_OK(dropDefault);
        auto me = keep(audit().getUser());
        RUN_OK(me);
        NotificationInput notification{{id}, {u"email"_s}, {{u"full_failure"_s, {me->user().id}}}};
        auto createdNotification = keep(cw().createNotificationConfig(notification));
        RUN_OK(createdNotification);
        const QString nid = createdNotification->notificationId();
        notification.channels = {u"email"_s, u"in_app"_s};
        notification.rules.append({u"success"_s, {me->user().id}});
        auto updatedNotification = keep(cw().updateNotificationConfig(nid, notification));
        RUN_OK(updatedNotification);
        auto gotNotification = keep(cw().getNotificationConfig(nid));
        RUN_OK(gotNotification);
        QCOMPARE(gotNotification->config().channels, (QStringList{u"email"_s, u"in_app"_s}));
        QCOMPARE(gotNotification->config().rules.size(), 2);
        QCOMPARE(gotNotification->config().rules.first().users.first().userGuid, me->user().id);
        auto dropNotification = keep(cw().deleteNotificationConfig(nid));
        RUN_OK(dropNotification);
        auto gone = keep(cw().getNotificationConfig(nid));
        RUN_FAILS(gone, ErrorCategory::NotFound);

        for (const QString &drop : {id, createdProcess->integrationId(), createdExport->integrationId()}) {
            auto del = keep(cw().deleteIntegration(drop));
            RUN_OK(del);
        }
        auto missing = keep(cw().getIntegration(id));
        RUN_FAILS(missing, ErrorCategory::NotFound);
    }

    void runsErrorsAndDumps()
    {
        using namespace cloudworks;
        const QString errors = integrationNamed(u"Load Sales with Errors (S3)"_s);
        QVERIFY(!errors.isEmpty());
        auto run = keep(cw().runIntegration(errors));
        RUN_OK(run);
        const RunStatus status = waitRun(run->runId());
        QVERIFY(!status.isRunning());
        QCOMPARE(status.integrationId, errors);
        QVERIFY(status.success);                                     // partial success reads as success…
        QCOMPARE(status.executionErrorCode, std::optional<int>(38)); // …with code 38
        auto runError = keep(cw().getRunError(run->runId()));
        RUN_OK(runError);
        QVERIFY(runError->hasError());
        QVERIFY(runError->runError()->errorMessages.first().failureDumpGenerated);
        auto dump = keep(cw().getImportErrorDump(run->runId()));
        RUN_OK(dump);
        QVERIFY(dump->data().contains(','));
        auto history = keep(cw().getRunHistory(errors));
        RUN_OK(history);
        QCOMPARE(history->runs().first().id, run->runId()); // newest first
        QVERIFY(history->runs().size() >= 8);

        const QString processErrors = integrationNamed(u"Load Sales with Errors (process)"_s);
        auto processRun = keep(cw().runIntegration(processErrors));
        RUN_OK(processRun);
        QVERIFY(!waitRun(processRun->runId()).isRunning());
        auto processError = keep(cw().getRunError(processRun->runId()));
        RUN_OK(processError);
        QVERIFY(processError->hasError());
        const QString actionId = processError->runError()->errorMessages.first().actionId;
        QCOMPARE(actionId, u"112000000006"_s);
        auto processDump = keep(cw().getProcessErrorDump(processRun->runId(), actionId));
        RUN_OK(processDump);
        QVERIFY(!processDump->data().isEmpty());

        // A clean run has no error and no dump.
        const QString clean = integrationNamed(u"Load Products from Azure"_s);
        auto cleanRun = keep(cw().runIntegration(clean));
        RUN_OK(cleanRun);
        auto busy = keep(cw().runIntegration(clean));
        RUN_FAILS(busy, ErrorCategory::ModelBusy); // one run at a time (409)
        QVERIFY(waitRun(cleanRun->runId()).success);
        auto noError = keep(cw().getRunError(cleanRun->runId()));
        RUN_OK(noError);
        QVERIFY(!noError->hasError());
        auto noDump = keep(cw().getImportErrorDump(cleanRun->runId()));
        RUN_FAILS(noDump, ErrorCategory::NotFound);

        // Cancel while running.
        auto toCancel = keep(cw().runIntegration(clean));
        RUN_OK(toCancel);
        auto cancel = keep(cw().cancelIntegrationRun(clean));
        RUN_OK(cancel);
        const RunStatus cancelled = waitRun(toCancel->runId());
        QVERIFY(!cancelled.success);
        QVERIFY2(cancelled.message.contains(u"Cancel"_s), qPrintable(cancelled.message));
        auto nothing = keep(cw().cancelIntegrationRun(clean));
        RUN_FAILS(nothing, ErrorCategory::ModelBusy); // 409: not running
        figure(u"sandbox_cloudworks_runs partial_code=38 dump_bytes=%1 process_dump_bytes=%2"_s
                   .arg(dump->data().size())
                   .arg(processDump->data().size()));
    }

    void flows()
    {
        using namespace cloudworks;
        FlowsClient flows = cw().flows();
        auto list = keep(flows.getFlows());
        RUN_OK(list);
        QCOMPARE(list->flows().size(), 2);
        QString nightly;
        for (const Flow &f : list->flows())
            if (f.name == "Nightly Sales Pipeline"_L1)
                nightly = f.id;
        auto one = keep(flows.getFlow(nightly));
        RUN_OK(one);
        QCOMPARE(one->flow().steps.size(), 3);
        QCOMPARE(one->flow().stepsCount, 3);
        auto mine = keep(flows.getFlows(true));
        RUN_OK(mine);
        QCOMPARE(mine->flows().size(), 2);

        const QString s3 = connectionNamed(u"Finance S3 Landing"_s);
        auto a = keep(cw().createIntegration(importInput(u"Flow Step A"_s, s3)));
        auto b = keep(cw().createIntegration(importInput(u"Flow Step B"_s, s3)));
        RUN_OK(a);
        RUN_OK(b);
        FlowInput input = FlowInput::chain(u"Core Cloud Flow"_s, {a->integrationId(), b->integrationId()});
        auto created = keep(flows.createFlow(input));
        RUN_OK(created);
        const QString id = created->flowId();
        input.name = u"Core Cloud Flow (renamed)"_s;
        input.steps[1].onFailure = u"continue"_s;
        auto updated = keep(flows.updateFlow(id, input));
        RUN_OK(updated);
        auto check = keep(flows.getFlow(id));
        RUN_OK(check);
        QCOMPARE(check->flow().name, input.name);
        QCOMPARE(check->flow().steps.at(1).dependsOn, QStringList{a->integrationId()});
        QCOMPARE(check->flow().steps.at(1).onFailure, u"continue"_s);

        // Run only step B: A is not run.
        auto run = keep(flows.runFlow(id, {b->integrationId()}));
        RUN_OK(run);
        const RunStatus status = waitRun(run->runId());
        QVERIFY(!status.isRunning());
        QVERIFY2(status.success, qPrintable(status.message));
        auto historyA = keep(cw().getRunHistory(a->integrationId()));
        auto historyB = keep(cw().getRunHistory(b->integrationId()));
        RUN_OK(historyA);
        RUN_OK(historyB);
        QCOMPARE(historyA->runs().size(), 0);
        QCOMPARE(historyB->runs().size(), 1);
        QCOMPARE(historyB->runs().first().flowGroupId.isEmpty() ? id : historyB->runs().first().flowGroupId,
                 id);
        auto unknownStep = keep(flows.runFlow(id, {u"ffffffffffffffffffffffffffffffff"_s}));
        RUN_FAILS(unknownStep, ErrorCategory::BadInput);
        auto all = keep(flows.runFlow(id));
        RUN_OK(all);
        QVERIFY(!waitRun(all->runId()).isRunning());
        auto historyAfter = keep(cw().getRunHistory(a->integrationId()));
        RUN_OK(historyAfter);
        QCOMPARE(historyAfter->runs().size(), 1);

        auto usedByFlow = keep(cw().deleteIntegration(a->integrationId()));
        RUN_FAILS(usedByFlow, ErrorCategory::ModelBusy);
        auto del = keep(flows.deleteFlow(id));
        RUN_OK(del);
        auto gone = keep(flows.getFlow(id));
        RUN_FAILS(gone, ErrorCategory::NotFound);
        for (const QString &drop : {a->integrationId(), b->integrationId()}) {
            auto d = keep(cw().deleteIntegration(drop));
            RUN_OK(d);
        }
    }
};

QTEST_GUILESS_MAIN(TestCloudSandbox)
#include "tst_CloudSandbox.moc"
