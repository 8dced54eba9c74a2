// Fault-layer tests of the SCIM, Audit and CloudWorks jobs on the scripted fake network: each job's
// request (method, URL, headers, body), the three paging styles (SCIM startIndex/count, the Audit API's
// limit/offset/offSet, CloudWorks' silent 250 cap through PagedListJob) without duplicates or gaps, the
// entitlement-safe replace, local validation that sends nothing, no blind re-send of POSTs, secrets.
#include "CloudFakeEnv.h"
#include "net/Redaction.h"

#include <QJsonDocument>
#include <QUrlQuery>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

// JSON fixtures written as tokens (moc cannot parse raw string literals), normalised to compact form so
// that formatting inside J(...) never matters: J({"a" : 1}) → {"a":1}.
static QByteArray normalizedJson(const QByteArray &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text);
    return document.isNull() ? text : document.toJson(QJsonDocument::Compact);
}
#define J(...) normalizedJson(QByteArray(#__VA_ARGS__))

namespace {
QJsonObject scimUser(int n, const QJsonArray &entitlements = {})
{
    return {{u"id"_s, u"%1"_s.arg(n, 32, 10, QLatin1Char('0'))},
            {u"userName"_s, u"user%1@anadesk.test"_s.arg(n)},
            {u"name"_s, QJsonObject{{u"givenName"_s, u"G%1"_s.arg(n)}, {u"familyName"_s, u"F"_s}}},
            {u"active"_s, true},
            {u"entitlements"_s, entitlements}};
}

QString q(const RecordedRequest &r, const QString &key)
{
    return QUrlQuery(r.url).queryItemValue(key, QUrl::FullyDecoded);
}

// SCIM listing served from `total` users, at most `cap` a page.
FakeResponse scimPage(const RecordedRequest &r, int total, int cap)
{
    const int start = q(r, u"startIndex"_s).toInt();
    const int count = qMin(q(r, u"count"_s).toInt(), cap);
    QJsonArray resources;
    for (int i = start; i < qMin(total + 1, start + count); ++i)
        resources.append(scimUser(i));
    return FakeResponse::json(200, QJsonObject{{u"totalResults"_s, total},
                                               {u"startIndex"_s, start},
                                               {u"itemsPerPage"_s, resources.size()},
                                               {u"Resources"_s, resources}});
}
} // namespace

class TestCloudJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scimRequests()
    {
        CloudFakeEnv env;
        env.nam.on("GET", kScim + u"/**"_s)
            .reply(FakeResponse::json(200, QJsonObject{{u"Resources"_s, QJsonArray{}}}));
        env.nam.on("*", kScim + u"/Users**"_s).handle([](const RecordedRequest &) {
            return FakeResponse::json(200, scimUser(7));
        });
        auto config = keep(env.scim().getServiceProviderConfig());
        auto types = keep(env.scim().getResourceTypes());
        auto schemas = keep(env.scim().getResourceSchemas());
        auto user = keep(env.scim().getUser(u"a/b?c"_s));
        scim::UserInput input;
        input.userName = u"new@anadesk.test"_s;
        input.givenName = u"N"_s;
        input.familyName = u"P"_s;
        auto added = keep(env.scim().addUser(input));
        auto patched = keep(env.scim().patchUser(u"U1"_s, {scim::PatchOperation::setActive(false)}));
        for (Job *job : {static_cast<Job *>(config.get()), static_cast<Job *>(types.get()),
                         static_cast<Job *>(schemas.get()), static_cast<Job *>(user.get()),
                         static_cast<Job *>(added.get()), static_cast<Job *>(patched.get())}) {
            QVERIFY(env.finish(job));
            QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        }
        QCOMPARE(user->user().id, scimUser(7).value(u"id"_s).toString());
        const auto requests = env.nam.requests();
        QCOMPARE(requests.size(), 6);
        QStringList lines;
        for (const RecordedRequest &r : requests) {
            lines << QString::fromLatin1(r.method) + u' ' + r.url.path(QUrl::FullyEncoded);
            QCOMPARE(r.header("authorization"), QByteArray("AnaplanAuthToken tok-cloud"));
            QVERIFY(r.header("accept").contains("application/scim+json"));
            if (r.method != "GET")
                QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        }
        lines.sort();
        QCOMPARE(lines, (QStringList{u"GET /scim/1/0/v2/ResourceTypes"_s, u"GET /scim/1/0/v2/Schemas"_s,
                                     u"GET /scim/1/0/v2/ServiceProviderConfig"_s,
                                     u"GET /scim/1/0/v2/Users/a%2Fb%3Fc"_s, u"PATCH /scim/1/0/v2/Users/U1"_s,
                                     u"POST /scim/1/0/v2/Users"_s}));
        const RecordedRequest post = env.nam.matching("POST", kScim + u"/Users"_s).first();
        QCOMPARE(parse(post.body), input.toJson());
        const RecordedRequest patch = env.nam.matching("PATCH", kScim + u"/Users/U1"_s).first();
        QCOMPARE(patch.body, J({
                     "Operations" : [ {"op" : "replace", "path" : "active", "value" : false} ],
                     "schemas" : ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]
                 }));
    }

    void scimPagingTrustsServedPageSize()
    {
        ClientOptions options;
        options.pageConcurrency = 3;
        CloudFakeEnv env(options);
        const int total = 250;
        const int cap = 40; // asked 100, served 40 (RFC 7644 allows fewer)
        env.nam.on("GET", kScim + u"/Users"_s).handle([&](const RecordedRequest &r) {
            return scimPage(r, total, cap).after(50);
        });
        const scim::Filter filter = scim::field(scim::Attribute::UserName).eq(u"a+b&c#d \"x\""_s) ||
                                    scim::field(scim::Attribute::Active).truthy();
        auto job = keep(env.scim().getUsers(filter));
        QVERIFY(env.finish(job.get()));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->users().size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(job->users().at(i).id,
                     scimUser(i + 1).value(u"id"_s).toString()); // order, no dups, no gaps
        QCOMPARE(job->pageSize(), cap);
        QCOMPARE(job->pageCount(), 7);
        QVERIFY(job->maxPagesInFlight() <= 3);
        const auto requests = env.nam.requests();
        QCOMPARE(requests.size(), 7);
        QCOMPARE(q(requests.first(), u"startIndex"_s), u"1"_s);
        QCOMPARE(q(requests.first(), u"count"_s), u"100"_s);
        QStringList starts;
        for (const RecordedRequest &r : requests) {
            QCOMPARE(q(r, u"filter"_s),
                     filter.toString()); // survives the URL exactly ('+', '&', '#', quotes)
            if (&r != &requests.first()) {
                QCOMPARE(q(r, u"count"_s), u"40"_s);
                starts << q(r, u"startIndex"_s);
            }
        }
        starts.sort();
        QCOMPARE(starts, (QStringList{u"121"_s, u"161"_s, u"201"_s, u"241"_s, u"41"_s, u"81"_s}));
        figure(u"scim_fake_paging total=%1 asked=100 served=%2 pages=%3 max_in_flight=%4 dups=0 gaps=0"_s
                   .arg(total)
                   .arg(cap)
                   .arg(job->pageCount())
                   .arg(job->maxPagesInFlight()));
    }

    void scimPagingFaults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("total changes") << 0;
        QTest::newRow("short page") << 1;
        QTest::newRow("duplicate id") << 2;
        QTest::newRow("wrong startIndex echoed") << 3;
    }

    void scimPagingFaults()
    {
        QFETCH(int, fault);
        CloudFakeEnv env;
        env.nam.on("GET", kScim + u"/Users"_s).handle([&](const RecordedRequest &r) {
            const int start = q(r, u"startIndex"_s).toInt();
            QJsonObject page = parse(scimPage(r, 30, 10).body);
            if (start == 11) {
                QJsonArray res = page.value(u"Resources"_s).toArray();
                if (fault == 0)
                    page.insert(u"totalResults"_s, 31);
                else if (fault == 1)
                    res.removeLast();
                else if (fault == 2)
                    res[3] = scimUser(2);
                else
                    page.insert(u"startIndex"_s, 12);
                page.insert(u"Resources"_s, res);
            }
            return FakeResponse::json(200, page);
        });
        auto job = keep(env.scim().getUsers({}, 10));
        QVERIFY(env.finish(job.get()));
        QVERIFY(!job->isSucceeded());
        QCOMPARE(job->error().category, ErrorCategory::Protocol);
    }

    void scimBadInputSendsNothing()
    {
        CloudFakeEnv env;
        std::vector<std::unique_ptr<Job>> jobs;
        jobs.emplace_back(keep(env.scim().getUsers({}, 101)));
        jobs.emplace_back(keep(env.scim().getUsers({}, 0)));
        jobs.emplace_back(keep(env.scim().getUsers(scim::field(scim::Attribute::Active).gt(u"x"_s))));
        jobs.emplace_back(keep(env.scim().getUser({})));
        jobs.emplace_back(keep(env.scim().addUser({})));
        jobs.emplace_back(keep(env.scim().patchUser(u"U"_s, {})));
        jobs.emplace_back(keep(env.scim().replaceUser(u"U"_s, {})));
        for (const auto &job : jobs) {
            QVERIFY(env.finish(job.get()));
            QCOMPARE(job->error().category, ErrorCategory::BadInput);
        }
        QCOMPARE(env.nam.requests().size(), 0);
    }

    void replaceUserKeepsEntitlements()
    {
        CloudFakeEnv env;
        const QJsonArray current{
            QJsonObject{{u"value"_s, u"ws1"_s}, {u"type"_s, u"WORKSPACE"_s}},
            QJsonObject{{u"value"_s, u"ws2"_s}, {u"type"_s, u"WORKSPACE"_s}},
            QJsonObject{{u"value"_s, u"ws1,ws2"_s}, {u"type"_s, u"WORKSPACE_IDS"_s}},
            QJsonObject{{u"value"_s, u"Sales,Ops"_s}, {u"type"_s, u"WORKSPACE_NAMES"_s}}};
        env.nam.on("GET", kScim + u"/Users/U1"_s).reply(FakeResponse::json(200, scimUser(1, current)));
        env.nam.on("PUT", kScim + u"/Users/U1"_s).handle([](const RecordedRequest &r) {
            QJsonObject echo = parse(r.body);
            echo.insert(u"id"_s, u"U1"_s);
            return FakeResponse::json(200, echo);
        });
        scim::UserInput input;
        input.userName = u"user1@anadesk.test"_s;
        input.givenName = u"Renamed"_s;
        input.familyName = u"F"_s;

        auto keepJob = keep(env.scim().replaceUser(u"U1"_s, input));
        QVERIFY(env.finish(keepJob.get()));
        QVERIFY2(keepJob->isSucceeded(), qPrintable(keepJob->error().toString()));
        QVERIFY(keepJob->carriedOver());
        QCOMPARE(keepJob->carriedWorkspaceIds(), (QStringList{u"ws1"_s, u"ws2"_s}));
        auto requests = env.nam.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).method, QByteArray("GET"));
        QCOMPARE(requests.at(1).method, QByteArray("PUT"));
        QCOMPARE(parse(requests.at(1).body).value(u"entitlements"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"type"_s, u"WORKSPACE"_s}, {u"value"_s, u"ws1"_s}},
                             QJsonObject{{u"type"_s, u"WORKSPACE"_s}, {u"value"_s, u"ws2"_s}}}));
        QCOMPARE(keepJob->user().workspaceIds(), (QStringList{u"ws1"_s, u"ws2"_s}));

        env.nam.clearRecords();
        auto clearJob = keep(env.scim().replaceUser(u"U1"_s, input, scim::EntitlementPolicy::Clear));
        QVERIFY(env.finish(clearJob.get()));
        QVERIFY(clearJob->isSucceeded());
        QVERIFY(!clearJob->carriedOver());
        requests = env.nam.requests();
        QCOMPARE(requests.size(), 1);
        QVERIFY(!parse(requests.first().body).contains(u"entitlements"_s)); // the caller asked to clear

        env.nam.clearRecords();
        scim::UserInput given = input;
        given.setWorkspaceIds({u"ws3"_s});
        auto givenJob = keep(env.scim().replaceUser(u"U1"_s, given));
        QVERIFY(env.finish(givenJob.get()));
        QCOMPARE(env.nam.requests().size(), 1); // explicit entitlements: no read needed
        QCOMPARE(parse(env.nam.requests().first().body).value(u"entitlements"_s).toArray().size(), 1);

        // The read fails: nothing is written.
        env.nam.clearRecords();
        env.nam.on("GET", kScim + u"/Users/U2"_s).reply(FakeResponse::json(404, J({"detail" : "No user"})));
        auto failed = keep(env.scim().replaceUser(u"U2"_s, input));
        QVERIFY(env.finish(failed.get()));
        QCOMPARE(failed->error().category, ErrorCategory::NotFound);
        QCOMPARE(env.nam.count("PUT"), 0);
    }

    void auditRequestsAndPaging()
    {
        ClientOptions options;
        options.pageConcurrency = 2;
        CloudFakeEnv env(options);
        env.nam.on("GET", u"/2/0/users/me"_s)
            .reply(FakeResponse::json(200, J({"user" : {"id" : "me1", "email" : "a@b.c"}})));
        env.nam.on("GET", u"/2/0/users"_s)
            .reply(FakeResponse::json(
                200, J({
                    "meta" : {"paging" : {"currentPageSize" : 1, "totalSize" : 1, "offset" : 0}},
                    "users" : [ {"id" : "u1"} ]
                })));
        const int total = 2500;
        const int cap = 1000;
        env.nam.on("GET", kAudit).handle([&](const RecordedRequest &r) {
            const int offset = q(r, u"offset"_s).toInt();
            const int limit = qMin(q(r, u"limit"_s).toInt(), cap);
            QJsonArray events;
            for (int i = offset; i < qMin(total, offset + limit); ++i)
                events.append(QJsonObject{{u"id"_s, 9007199254740993LL + i}, {u"eventTypeId"_s, u"USR-8"_s}});
            return FakeResponse::json(
                200, QJsonObject{{u"meta"_s,
                                  QJsonObject{{u"paging"_s, QJsonObject{{u"currentPageSize"_s, events.size()},
                                                                        {u"totalSize"_s, total},
                                                                        {u"offSet"_s, offset}}}}},
                                 {u"response"_s, events}});
        });
        auto me = keep(env.audit().getUser());
        auto users = keep(env.audit().getUsers({u"last_login_date"_s, true, u"smith"_s}));
        auto events = keep(env.audit().getEvents(2, audit::EventType::UserActivity));
        auto tooMany = keep(env.audit().getEvents(31));
        for (Job *job : {static_cast<Job *>(me.get()), static_cast<Job *>(users.get()),
                         static_cast<Job *>(events.get()), static_cast<Job *>(tooMany.get())})
            QVERIFY(env.finish(job));
        QVERIFY(me->isSucceeded());
        QCOMPARE(me->user().id, u"me1"_s);
        QVERIFY(users->isSucceeded());
        QCOMPARE(tooMany->error().category, ErrorCategory::BadInput);
        QVERIFY2(events->isSucceeded(), qPrintable(events->error().toString()));
        QCOMPARE(events->events().size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(events->events().at(i).id, QString::number(9007199254740993LL + i)); // exact, ordered
        QCOMPARE(events->pageCount(), 3);
        const auto auditRequests = env.nam.matching("GET", kAudit);
        QCOMPARE(auditRequests.size(), 3);
        const qint64 now = env.clock->nowMs();
        for (const RecordedRequest &r : auditRequests) {
            QCOMPARE(q(r, u"type"_s), u"user_activity"_s);
            QCOMPARE(q(r, u"dateTo"_s).toLongLong(), now); // one fixed window for every page
            QCOMPARE(q(r, u"dateFrom"_s).toLongLong(), now - 2LL * 24 * 3600 * 1000);
            QVERIFY(!QUrlQuery(r.url).hasQueryItem(u"intervalInHours"_s));
        }
        QCOMPARE(q(auditRequests.first(), u"limit"_s), u"10000"_s);
        QCOMPARE(q(auditRequests.first(), u"offset"_s), u"0"_s);
        const RecordedRequest list = env.nam.matching("GET", u"/2/0/users"_s).first();
        QCOMPARE(list.url.query(QUrl::FullyEncoded), u"sort=-lastLoginDate&s=smith&limit=5000"_s);
        QCOMPARE(env.nam.requests().size(), 5); // nothing for the 31-day request
        figure(u"audit_fake_paging total=%1 asked=10000 served=%2 pages=%3"_s.arg(total).arg(cap).arg(
            events->pageCount()));
    }

    void auditWrongOffsetIsProtocolError()
    {
        CloudFakeEnv env;
        env.nam.on("GET", kAudit).handle([&](const RecordedRequest &r) {
            const int offset = q(r, u"offset"_s).toInt();
            QJsonArray events;
            for (int i = offset; i < qMin(20, offset + 10); ++i)
                events.append(QJsonObject{{u"id"_s, i}});
            return FakeResponse::json(
                200, QJsonObject{{u"meta"_s,
                                  QJsonObject{{u"paging"_s, QJsonObject{{u"currentPageSize"_s, events.size()},
                                                                        {u"totalSize"_s, 20},
                                                                        {u"offSet"_s, 0}}}}},
                                 {u"response"_s, events}});
        });
        audit::EventQuery query;
        query.pageSize = 10;
        auto job = keep(env.audit().getEvents(query));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Protocol);
    }

    void cloudWorksRequests()
    {
        CloudFakeEnv env;
        env.nam.on("*", u"/cloudworks/**"_s)
            .reply(FakeResponse::json(200, J({"status" : {"code" : 200, "message" : "Success"}})));
        env.nam.on("POST", kCw + u"/connections"_s)
            .reply(FakeResponse::json(200, J({"connections" : {"connectionId" : "C9"}})));
        env.nam.on("POST", kCw).reply(FakeResponse::json(200, J({"integration" : {"integrationId" : "I9"}})));
        env.nam.on("POST", kCw + u"/*/run"_s).reply(FakeResponse::json(200, J({"run" : {"id" : "R9"}})));
        env.nam.on("POST", kFlows + u"/*/run"_s).reply(FakeResponse::json(200, J({"run" : {"id" : "FR9"}})));
        env.nam.on("POST", kCw + u"/notification"_s)
            .reply(FakeResponse::json(200, J({"notificationId" : "N9"})));
        env.nam.on("POST", kFlows)
            .reply(FakeResponse::json(200, J({"integrationFlow" : {"integrationFlowId" : "F9"}})));
        env.nam.on("GET", kCw + u"/run/R1/dumps"_s)
            .reply(FakeResponse::text(200, "a,b\n1,2\n").withHeader("Content-Type", "text/csv"));
        env.nam.on("GET", kCw + u"/run/R1/process/import/112000000006/dumps"_s)
            .reply(FakeResponse::text(200, "x\n"));
        env.nam.on("GET", kCw + u"/run/R1"_s).reply(FakeResponse::json(200, J({
                                                                           "run" : {
                                                                               "id" : "R1",
                                                                               "integrationId" : "I1",
                                                                               "success" : true,
                                                                               "message" : "Success",
                                                                               "endDate" :
                                                                                   "2026-01-01T00:00:00Z"
                                                                           }
                                                                       })));
        env.nam.on("GET", kCw + u"/runerror/R1"_s).reply(FakeResponse::json(200, J({"runs" : {}})));
        env.nam.on("GET", kCw + u"/notification/N1"_s)
            .reply(FakeResponse::json(
                200, J({"notifications" : {"notificationId" : "N1", "channels" : ["email"]}})));
        env.nam.on("GET", kFlows + u"/F1"_s)
            .reply(
                FakeResponse::json(200, J({"integrationFlow" : {"id" : "F1", "name" : "f", "steps" : []}})));
        env.nam.on("GET", kCw + u"/I1"_s)
            .reply(FakeResponse::json(200, J({"integration" : {"integrationId" : "I1", "name" : "i"}})));

        using namespace cloudworks;
        CloudWorksClient cw = env.cw();
        IntegrationInput integration;
        integration.name = u"Load"_s;
        integration.workspaceId = u"WS"_s;
        integration.modelId = u"M"_s;
        integration.jobs = {IntegrationJob::importJob(
            JobEndpoint::fileEndpoint(ConnectionType::AmazonS3, u"C1"_s, u"f.csv"_s), u"112000000001"_s,
            u"113000000001"_s)};
        const ScheduleInput schedule =
            ScheduleInput::weekly(u"w"_s, u"06:30"_s, {1, 3}, u"2027-01-01"_s, u"2028-01-01"_s);
        const NotificationInput notification{{u"I1"_s}, {u"email"_s}, {{u"success"_s, {u"u1"_s}}}};
        const FlowInput flow = FlowInput::chain(u"f"_s, {u"I1"_s, u"I2"_s});
        const CloudConnectionInput s3 =
            CloudConnectionInput::amazonS3(u"n"_s, u"b"_s, u"k"_s, u"s3-secret-1234"_s);

        struct Expect
        {
            Job *job;
            QByteArray method;
            QString path;
            QByteArray body; // empty: no body
        };
        auto createConnection = keep(cw.createConnection(s3));
        auto createIntegration = keep(cw.createIntegration(integration));
        auto run = keep(cw.runIntegration(u"I1"_s));
        auto flowRun = keep(cw.flows().runFlow(u"F1"_s, {u"I2"_s}));
        auto flowRunAll = keep(cw.flows().runFlow(u"F1"_s));
        auto createNotification = keep(cw.createNotificationConfig(notification));
        auto createFlow = keep(cw.flows().createFlow(flow));
        auto dump = keep(cw.getImportErrorDump(u"R1"_s));
        auto processDump = keep(cw.getProcessErrorDump(u"R1"_s, u"112000000006"_s));
        auto status = keep(cw.getRunStatus(u"R1"_s));
        auto runError = keep(cw.getRunError(u"R1"_s));
        auto notificationGet = keep(cw.getNotificationConfig(u"N1"_s));
        auto flowGet = keep(cw.flows().getFlow(u"F1"_s));
        auto integrationGet = keep(cw.getIntegration(u"I1"_s));
        const QList<Expect> expected{
            {createConnection.get(), "POST", kCw + u"/connections"_s, compact(s3.toJson())},
            {keep(cw.updateConnection(u"C1"_s, s3)).release(), "PUT", kCw + u"/connections/C1"_s,
             compact(s3.body())},
            {keep(cw.patchConnection(u"C1"_s, QJsonObject{{u"name"_s, u"x"_s}})).release(), "PATCH",
             kCw + u"/connections/C1"_s, J({"name" : "x"})},
            {keep(cw.deleteConnection(u"C1"_s)).release(), "DELETE", kCw + u"/connections/C1"_s, {}},
            {createIntegration.get(), "POST", kCw, compact(integration.toJson())},
            {keep(cw.updateIntegration(u"I1"_s, integration)).release(), "PUT", kCw + u"/I1"_s,
             compact(integration.toJson())},
            {keep(cw.deleteIntegration(u"I1"_s)).release(), "DELETE", kCw + u"/I1"_s, {}},
            {run.get(), "POST", kCw + u"/I1/run"_s, {}},
            {keep(cw.cancelIntegrationRun(u"I1"_s)).release(), "POST", kCw + u"/I1/cancel"_s, {}},
            {status.get(), "GET", kCw + u"/run/R1"_s, {}},
            {runError.get(), "GET", kCw + u"/runerror/R1"_s, {}},
            {dump.get(), "GET", kCw + u"/run/R1/dumps"_s, {}},
            {processDump.get(), "GET", kCw + u"/run/R1/process/import/112000000006/dumps"_s, {}},
            {keep(cw.createSchedule(u"I1"_s, schedule)).release(), "POST", kCw + u"/I1/schedule"_s,
             compact(QJsonObject{{u"integrationId"_s, u"I1"_s}, {u"schedule"_s, schedule.toJson()}})},
            {keep(cw.updateSchedule(u"I1"_s, schedule)).release(), "PUT", kCw + u"/I1/schedule"_s,
             compact(QJsonObject{{u"integrationId"_s, u"I1"_s}, {u"schedule"_s, schedule.toJson()}})},
            {keep(cw.setScheduleStatus(u"I1"_s, false)).release(),
             "POST",
             kCw + u"/I1/schedule/status/disabled"_s,
             {}},
            {keep(cw.setScheduleStatus(u"I1"_s, true)).release(),
             "POST",
             kCw + u"/I1/schedule/status/enabled"_s,
             {}},
            {keep(cw.deleteSchedule(u"I1"_s)).release(), "DELETE", kCw + u"/I1/schedule"_s, {}},
            {createNotification.get(), "POST", kCw + u"/notification"_s, compact(notification.toJson())},
            {notificationGet.get(), "GET", kCw + u"/notification/N1"_s, {}},
            {keep(cw.updateNotificationConfig(u"N1"_s, notification)).release(), "PUT",
             kCw + u"/notification/N1"_s, compact(notification.toJson())},
            {keep(cw.deleteNotificationConfig(u"N1"_s)).release(), "DELETE", kCw + u"/notification/N1"_s, {}},
            {createFlow.get(), "POST", kFlows, compact(flow.toJson())},
            {flowGet.get(), "GET", kFlows + u"/F1"_s, {}},
            {keep(cw.flows().updateFlow(u"F1"_s, flow)).release(), "PUT", kFlows + u"/F1"_s,
             compact(flow.toJson())},
            {keep(cw.flows().deleteFlow(u"F1"_s)).release(), "DELETE", kFlows + u"/F1"_s, {}},
            {flowRun.get(), "POST", kFlows + u"/F1/run"_s, J({"stepsToRun" : ["I2"]})},
            {flowRunAll.get(), "POST", kFlows + u"/F1/run"_s, {}},
            {integrationGet.get(), "GET", kCw + u"/I1"_s, {}},
        };
        std::vector<std::unique_ptr<Job>> owned;
        for (const Expect &e : expected) {
            if (e.job != createConnection.get() && e.job != createIntegration.get() && e.job != run.get() &&
                e.job != flowRun.get() && e.job != flowRunAll.get() && e.job != createNotification.get() &&
                e.job != createFlow.get() && e.job != dump.get() && e.job != processDump.get() &&
                e.job != status.get() && e.job != runError.get() && e.job != notificationGet.get() &&
                e.job != flowGet.get() && e.job != integrationGet.get())
                owned.emplace_back(e.job);
        }
        for (const Expect &e : expected) {
            QVERIFY(env.finish(e.job));
            QVERIFY2(e.job->isSucceeded(), qPrintable(e.job->error().toString()));
            const ApiRequest &r = static_cast<ApiJob *>(e.job)->request();
            QCOMPARE(r.method, e.method);
            QCOMPARE(r.url.path(QUrl::FullyEncoded), e.path);
            QCOMPARE(r.body, e.body);
            if (e.method == "POST" || e.method == "PUT" || e.method == "PATCH" || e.method == "DELETE")
                QCOMPARE(r.contentType, QByteArray("application/json"));
        }
        QCOMPARE(env.nam.requests().size(), expected.size()); // each exactly once
        QCOMPARE(createConnection->connectionId(), u"C9"_s);
        QCOMPARE(createIntegration->integrationId(), u"I9"_s);
        QCOMPARE(run->runId(), u"R9"_s);
        QCOMPARE(flowRun->runId(), u"FR9"_s);
        QCOMPARE(createNotification->notificationId(), u"N9"_s); // the spec's top-level key
        QCOMPARE(createFlow->flowId(), u"F9"_s);
        QCOMPARE(dump->data(), QByteArray("a,b\n1,2\n"));
        QCOMPARE(processDump->data(), QByteArray("x\n"));
        QVERIFY(!status->status().isRunning());
        QVERIFY(!runError->hasError());
        QCOMPARE(notificationGet->config().id, u"N1"_s);
        QCOMPARE(flowGet->flow().id, u"F1"_s);
        // Ids went out as JSON strings.
        const QJsonObject target = parse(createIntegration->request().body)
                                       .value(u"jobs"_s)
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(u"targets"_s)
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QVERIFY(target.value(u"actionId"_s).isString());
        QVERIFY(target.value(u"fileId"_s).isString());
        figure(u"cloudworks_fake_endpoints=%1 requests=%2"_s.arg(expected.size())
                   .arg(env.nam.requests().size()));
    }

    void cloudWorksPostsAreNotResentBlindly()
    {
        ClientOptions options;
        options.retryCount = 3;
        CloudFakeEnv env(options);
        env.nam.on("POST", kCw + u"/I1/run"_s)
            .reply(FakeResponse::networkError(QNetworkReply::RemoteHostClosedError));
        env.nam.on("GET", kCw + u"/I1"_s)
            .reply(FakeResponse::networkError(QNetworkReply::RemoteHostClosedError))
            .reply(FakeResponse::json(200, J({"integration" : {"integrationId" : "I1"}})));
        auto run = keep(env.cw().runIntegration(u"I1"_s));
        auto get = keep(env.cw().getIntegration(u"I1"_s));
        QVERIFY(env.finish(run.get()));
        QVERIFY(env.finish(get.get()));
        QVERIFY(!run->isSucceeded());
        QCOMPARE(env.nam.count("POST"), 1); // may have started a run: never sent twice
        QVERIFY(get->isSucceeded());
        QCOMPARE(env.nam.count("GET"), 2); // a GET is retried
    }

    void cloudWorksPageCapTrusted()
    {
        ClientOptions options;
        options.pageConcurrency = 2;
        CloudFakeEnv env(options);
        const int total = 600;
        env.nam.on("GET", kCw).handle([&](const RecordedRequest &r) {
            const int offset = q(r, u"offset"_s).toInt();
            const int limit = qMin(q(r, u"limit"_s).toInt(), 250); // CloudWorks' silent cap
            QJsonArray items;
            for (int i = offset; i < qMin(total, offset + limit); ++i)
                items.append(QJsonObject{{u"integrationId"_s, u"I%1"_s.arg(i, 4, 10, QLatin1Char('0'))},
                                         {u"name"_s, u"N%1"_s.arg(i)},
                                         {u"integrationType"_s, u"Import"_s}});
            return FakeResponse::json(
                200, QJsonObject{{u"integrations"_s, items},
                                 {u"meta"_s,
                                  QJsonObject{{u"paging"_s, QJsonObject{{u"currentPageSize"_s, items.size()},
                                                                        {u"totalSize"_s, total},
                                                                        {u"offset"_s, offset}}}}}});
        });
        auto job = keep(env.cw().getIntegrations({u"name"_s, true, false}));
        QVERIFY(env.finish(job.get()));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
        const auto list = job->integrations();
        QCOMPARE(list.size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(list.at(i).id, u"I%1"_s.arg(i, 4, 10, QLatin1Char('0')));
        QCOMPARE(job->pageSize(), 250);
        const auto requests = env.nam.requests();
        QCOMPARE(requests.size(), 3);
        QStringList queries;
        for (const RecordedRequest &r : requests)
            queries << r.url.query(QUrl::FullyEncoded);
        queries.sort();
        QCOMPARE(queries,
                 (QStringList{u"sortBy=-name&limit=250&offset=250"_s, u"sortBy=-name&limit=250&offset=500"_s,
                              u"sortBy=-name&limit=5000"_s}));
        auto badSort = keep(env.cw().getIntegrations({u"createdBy"_s, false, false}));
        QVERIFY(env.finish(badSort.get()));
        QCOMPARE(badSort->error().category, ErrorCategory::BadInput);
        QCOMPARE(env.nam.requests().size(), 3);
        figure(u"cloudworks_fake_paging total=%1 asked=5000 cap=250 pages=%2 dups=0 gaps=0"_s.arg(total).arg(
            job->pageCount()));
    }

    void runHistoryAndNotificationOfIntegration()
    {
        CloudFakeEnv env;
        env.nam.on("GET", kCw + u"/runs/I1"_s)
            .reply(FakeResponse::json(
                200, J({
                    "history_of_runs" : {
                        "integrationId" : "I1",
                        "runs" : [
                            {"id" : "r2", "success" : false, "executionErrorCode" : 35},
                            {"id" : "r1", "success" : true, "endDate" : "2026-01-01T00:00:00Z"}
                        ]
                    },
                    "meta" : {"paging" : {"currentPageSize" : 2, "totalSize" : 2, "offset" : 0}}
                })));
        env.nam.on("GET", kCw + u"/I1"_s)
            .reply(FakeResponse::json(
                200, J({"integration" : {"integrationId" : "I1", "notificationId" : "N1"}})));
        env.nam.on("GET", kCw + u"/I2"_s)
            .reply(FakeResponse::json(200, J({"integration" : {"integrationId" : "I2"}})));
        env.nam.on("GET", kCw + u"/notification/N1"_s)
            .reply(FakeResponse::json(
                200, J({"notifications" : {"notificationId" : "N1", "integrationIds" : ["I1"]}})));
        env.nam.on("DELETE", kCw + u"/notification/N1"_s)
            .reply(FakeResponse::json(200, J({"status" : {"code" : 200}})));
        auto history = keep(env.cw().getRunHistory(u"I1"_s));
        auto get = keep(env.cw().getNotificationConfigOfIntegration(u"I1"_s));
        auto del = keep(env.cw().deleteNotificationConfigOfIntegration(u"I1"_s));
        auto none = keep(env.cw().getNotificationConfigOfIntegration(u"I2"_s));
        for (Job *job : {static_cast<Job *>(history.get()), static_cast<Job *>(get.get()),
                         static_cast<Job *>(del.get()), static_cast<Job *>(none.get())})
            QVERIFY(env.finish(job));
        QVERIFY(history->isSucceeded());
        QCOMPARE(history->runs().size(), 2);
        QCOMPARE(history->runs().first().executionErrorCode, std::optional<int>(35));
        QVERIFY(history->runs().first().isRunning());
        QVERIFY(get->isSucceeded());
        QCOMPARE(get->config().integrationIds, QStringList{u"I1"_s});
        QVERIFY(del->isSucceeded());
        QCOMPARE(env.nam.count("DELETE", kCw + u"/notification/N1"_s), 1);
        QCOMPARE(none->error().category, ErrorCategory::NotFound);
        QCOMPARE(env.nam.count("GET", kCw + u"/notification/*"_s), 1); // nothing asked for I2
    }

    void connectionSecretsNeverShown()
    {
        CloudFakeEnv env;
        const QString secret = u"AKIA-very-secret-Value-987"_s;
        // A server that echoes the secret back in its error message.
        env.nam.on("POST", kCw + u"/connections"_s)
            .reply(FakeResponse::json(
                400, QJsonObject{
                         {u"status"_s, QJsonObject{{u"code"_s, 400},
                                                   {u"message"_s, QString(u"Refused key "_s + secret)}}}}));
        auto job = keep(env.cw().createConnection(
            cloudworks::CloudConnectionInput::amazonS3(u"n"_s, u"b"_s, u"k"_s, secret)));
        QVERIFY(redactSecrets(u"x "_s + secret).indexOf(secret) < 0); // registered while the job lives
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::BadInput);
        QVERIFY2(!job->error().toString().contains(secret), qPrintable(job->error().toString()));
        QVERIFY(job->error().toString().contains(u"Refused key"_s));
        job.reset();
        QVERIFY(redactSecrets(secret).contains(secret)); // forgotten with the job
        // Local validation: a connection without its secret is refused before sending.
        env.nam.clearRecords();
        auto incomplete = keep(env.cw().createConnection(
            cloudworks::CloudConnectionInput::amazonS3(u"n"_s, u"b"_s, u"k"_s, {})));
        QVERIFY(env.finish(incomplete.get()));
        QCOMPARE(incomplete->error().category, ErrorCategory::BadInput);
        QCOMPARE(env.nam.requests().size(), 0);
    }

private:
    static QByteArray compact(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
};

QTEST_GUILESS_MAIN(TestCloudJobs)
#include "tst_CloudJobs.moc"
