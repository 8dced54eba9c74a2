// Unit tests of core-cloud's values: the SCIM filter builder (the reference client's
// test_filter_expressions, case for case, plus escaping and refusals), tolerant parsing of SCIM, audit
// and CloudWorks answers, and what the inputs serialise to (ids as strings, nulls omitted, local checks).
#include "audit/AuditJobs.h"
#include "audit/AuditTypes.h"
#include "cloudworks/CloudWorksConnection.h"
#include "cloudworks/CloudWorksFlow.h"
#include "cloudworks/CloudWorksIntegration.h"
#include "cloudworks/CloudWorksNotification.h"
#include "cloudworks/CloudWorksRun.h"
#include "cloudworks/CloudWorksSchedule.h"
#include "scim/ScimFilter.h"
#include "scim/ScimPatch.h"
#include "scim/ScimServiceTypes.h"
#include "scim/ScimUser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cstdio>

using namespace anadesk;
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
QJsonObject obj(const QByteArray &text)
{
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(text, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("bad fixture: %s", qPrintable(e.errorString()));
    return d.object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}
} // namespace

class TestCloudTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- SCIM filter: the reference client's tests -------------------------------------------------------
    void filterLibraryCases()
    {
        using namespace scim;
        const Field active = field(Attribute::Active);
        const Field userName = field(Attribute::UserName);
        const Field id = field(Attribute::Id);
        const Field given = field(Attribute::GivenName);
        QCOMPARE(active.truthy().toString(), u"active eq true"_s);
        QCOMPARE(active.falsy().toString(), u"active eq false"_s);
        QCOMPARE(userName.truthy().toString(), u"userName pr"_s);
        QCOMPARE(userName.falsy().toString(), u"userName eq null"_s);
        QCOMPARE(id.eq(u"123"_s).toString(), u"id eq \"123\""_s);
        QCOMPARE(id.ne(u"123"_s).toString(), u"id ne \"123\""_s);
        QCOMPARE(given.gt(u"zzz"_s).toString(), u"name.givenName gt \"zzz\""_s);
        QCOMPARE(given.ge(u"zzz"_s).toString(), u"name.givenName ge \"zzz\""_s);
        QCOMPARE(given.lt(u"zzz"_s).toString(), u"name.givenName lt \"zzz\""_s);
        QCOMPARE(given.le(u"zzz"_s).toString(), u"name.givenName le \"zzz\""_s);
        QCOMPARE((active.truthy() && id.eq(u"123"_s)).toString(), u"active eq true and id eq \"123\""_s);
        QCOMPARE((active.truthy() || id.eq(u"123"_s)).toString(), u"active eq true or id eq \"123\""_s);
        QCOMPARE(((active.truthy() && id.eq(u"123"_s)) || userName.falsy()).toString(),
                 u"(active eq true and id eq \"123\") or userName eq null"_s);
        const Filter part = active.truthy() && userName.truthy() && given.gt(u"Thomas"_s);
        QCOMPARE(part.toString(), u"active eq true and userName pr and name.givenName gt \"Thomas\""_s);
        const Filter predicate =
            userName.eq(u"test.user@valantic.com"_s) || (part || (active.falsy() && given.ne(u"Thomas"_s)));
        QCOMPARE(predicate.toString(),
                 u"userName eq \"test.user@valantic.com\" or ((active eq true and userName pr and "
                 "name.givenName gt \"Thomas\") or (active eq false and name.givenName ne \"Thomas\"))"_s);
        QVERIFY(predicate.isValid());
    }

    void filterEscapesAndRefuses()
    {
        using namespace scim;
        // A value cannot break out of its quotes.
        QCOMPARE(field(Attribute::FamilyName).eq(u"O\"Brien\\ or id pr"_s).toString(),
                 u"name.familyName eq \"O\\\"Brien\\\\ or id pr\""_s);
        QCOMPARE(quoted(u"a\nb\tc\u0001"_s), u"\"a\\nb\\tc\\u0001\""_s);
        QCOMPARE(field(Attribute::ExternalId).eq(u"Zoë & co #1+2"_s).toString(),
                 u"externalId eq \"Zoë & co #1+2\""_s);
        QCOMPARE(field(Attribute::ExternalId).absent().toString(), u"externalId eq null"_s);
        QCOMPARE(field(Attribute::Active).ne(false).toString(), u"active ne false"_s);
        // What Anaplan would refuse is refused here, and stays refused through combinations.
        QVERIFY(!field(Attribute::Active).gt(u"x"_s).isValid());
        QVERIFY(!Filter::compare(Attribute::Active, Operator::Gt, true).isValid());
        QVERIFY(!field(Attribute::UserName).eq(true).isValid());
        const Filter combined =
            field(Attribute::Id).eq(u"1"_s) && Filter::compare(Attribute::Active, Operator::Le, true);
        QVERIFY(!combined.isValid());
        QVERIFY(combined.error().contains(u"active"_s));
        // Empty filters disappear; raw text is grouped when combined.
        QCOMPARE((Filter() && field(Attribute::Active).truthy()).toString(), u"active eq true"_s);
        QVERIFY(Filter::raw(u"   "_s).isEmpty());
        QCOMPARE(
            (Filter::raw(u"userName eq \"a\" or userName eq \"b\""_s) && field(Attribute::Active).truthy())
                .toString(),
            u"(userName eq \"a\" or userName eq \"b\") and active eq true"_s);
        QCOMPARE(attributeFromName(u"NAME.FAMILYNAME"_s), std::optional<Attribute>(Attribute::FamilyName));
        QVERIFY(!attributeFromName(u"emails"_s));
        QCOMPARE(operatorFromName(u"GE"_s), std::optional<Operator>(Operator::Ge));
    }

    // --- SCIM values -------------------------------------------------------------------------------------
    void scimUserTolerant()
    {
        const scim::User u = scim::User::fromJson(obj(J({
            "schemas" : ["urn:ietf:params:scim:schemas:core:2.0:User"],
            "id" : "8a8b8c8d8e8f1a2b3c4d5e6f78901234",
            "userName" : "Zoë.Ångström@anadesk.test",
            "externalId" : null,
            "active" : "true",
            "name" : {"givenName" : "Zoë", "familyName" : "Ångström", "formatted" : "Zoë Ångström"},
            "emails" : [ {"value" : "zoe@anadesk.test", "type" : "work", "primary" : true}, 7 ],
            "entitlements" : [
                {"value" : "ws1,ws2", "type" : "WORKSPACE_IDS"},
                {"value" : "A,B", "type" : "WORKSPACE_NAMES"},
                {"value" : "x", "type" : "ROLE_FUTURE", "display" : "later"}
            ],
            "meta" : {"resourceType" : "User", "created" : "2025-01-01T00:00:00Z"},
            "somethingNew" : {"a" : 1}
        })));
        QCOMPARE(u.id, u"8a8b8c8d8e8f1a2b3c4d5e6f78901234"_s);
        QCOMPARE(u.userName, u"Zoë.Ångström@anadesk.test"_s);
        QVERIFY(u.externalId.isEmpty());
        QVERIFY(u.active);
        QCOMPARE(u.emails.size(), 1);
        QCOMPARE(u.entitlements.size(), 3);
        QCOMPARE(u.entitlements.at(2).type, scim::EntitlementType::Unknown);
        QCOMPARE(u.entitlements.at(2).typeRaw, u"ROLE_FUTURE"_s);      // unknown kept raw
        QCOMPARE(u.workspaceIds(), (QStringList{u"ws1"_s, u"ws2"_s})); // from WORKSPACE_IDS when no WORKSPACE
        QCOMPARE(u.meta.created, u"2025-01-01T00:00:00Z"_s);
        // Numeric id kept as exact digits; everything missing defaults.
        const scim::User n = scim::User::fromJson(obj(J({"id" : 12345678901234567})));
        QCOMPARE(n.id, u"12345678901234567"_s);
        QVERIFY(!n.active);
        QVERIFY(n.workspaceIds().isEmpty());
    }

    void scimInputsAndPatch()
    {
        scim::UserInput in;
        in.userName = u"new@anadesk.test"_s;
        in.givenName = u"New"_s;
        in.familyName = u"Person"_s;
        QCOMPARE(compact(in.toJson()), J({
                     "name" : {"familyName" : "Person", "givenName" : "New"},
                     "schemas" : ["urn:ietf:params:scim:schemas:core:2.0:User"],
                     "userName" : "new@anadesk.test"
                 }));
        in.active = false;
        in.externalId = u"E1"_s;
        in.setWorkspaceIds({u"ws1"_s});
        QCOMPARE(compact(in.toJson(u"ID"_s)), J({
                     "active" : false,
                     "entitlements" : [ {"type" : "WORKSPACE", "value" : "ws1"} ],
                     "externalId" : "E1",
                     "id" : "ID",
                     "name" : {"familyName" : "Person", "givenName" : "New"},
                     "schemas" : ["urn:ietf:params:scim:schemas:core:2.0:User"],
                     "userName" : "new@anadesk.test"
                 }));
        scim::UserInput bad = in;
        bad.familyName.clear();
        QVERIFY(!bad.validationError().isEmpty());

        using scim::PatchOperation;
        const QList<PatchOperation> ops{
            PatchOperation::setActive(false), PatchOperation::removeAllWorkspaces(),
            PatchOperation::addWorkspaces({u"w\"1"_s}), PatchOperation::removeWorkspace(u"w\"1"_s)};
        QCOMPARE(compact(scim::patchBody(ops)), J({
                     "Operations" : [
                         {"op" : "replace", "path" : "active", "value" : false},
                         {"op" : "remove", "path" : "entitlements"}, {
                             "op" : "add",
                             "path" : "entitlements",
                             "value" : [ {"type" : "WORKSPACE", "value" : "w\"1"} ]
                         },
                         {"op" : "remove", "path" : "entitlements[value eq \"w\\\"1\"]"}
                     ],
                     "schemas" : ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]
                 }));
        QVERIFY(scim::patchValidationError(ops).isEmpty());
        QVERIFY(!scim::patchValidationError({}).isEmpty());
        QVERIFY(!scim::patchValidationError({{scim::PatchOp::Remove, {}, QJsonValue::Undefined}}).isEmpty());
        QVERIFY(!scim::patchValidationError({{scim::PatchOp::Add, u"active"_s, QJsonValue::Undefined}})
                     .isEmpty());
        QVERIFY(!scim::patchValidationError({{scim::PatchOp::Replace, {}, true}}).isEmpty());
    }

    void scimDiscoveryDocuments()
    {
        const auto c = scim::ServiceProviderConfig::fromJson(obj(J({
            "patch" : {"supported" : true},
            "bulk" : {"supported" : false, "maxOperations" : "0"},
            "filter" : {"supported" : true, "maxResults" : 100},
            "sort" : {},
            "authenticationSchemes" : [ {"name" : "OAuth"} ]
        })));
        QVERIFY(c.patchSupported);
        QVERIFY(!c.sortSupported);
        QCOMPARE(c.filterMaxResults, 100);
        QCOMPARE(c.authenticationSchemes.size(), 1);
        const auto s = scim::Schema::fromJson(obj(J({
            "id" : "urn:x",
            "attributes" : [ {
                "name" : "name",
                "type" : "complex",
                "subAttributes" : [ {"name" : "givenName", "required" : "true"} ]
            } ]
        })));
        QCOMPARE(s.attributes.first().subAttributes.first().name, u"givenName"_s);
        QVERIFY(s.attributes.first().subAttributes.first().required);
    }

    // --- audit -------------------------------------------------------------------------------------------
    void auditValues()
    {
        const audit::Event e = audit::Event::fromJson(obj(J({
            "id" : 1844674407370955161,
            "eventTypeId" : "USR-8",
            "userId" : "u1",
            "success" : true,
            "eventDate" : "1750000000000",
            "additionalAttributes" : null,
            "checksum" : "1118902891",
            "future" : [1]
        })));
        QCOMPARE(e.id, u"1844674407370955161"_s); // a Snowflake id beyond 2^53, exact
        QCOMPARE(e.eventDate, 1750000000000LL);
        QVERIFY(e.additionalAttributes.isEmpty());
        QVERIFY(e.raw.contains(u"future"_s));
        const audit::TenantUser u =
            audit::TenantUser::fromJson(obj(J({"id" : "x", "active" : 1, "email" : "a@b.c"})));
        QVERIFY(u.active);
        QVERIFY(u.lastLoginDate.isEmpty());
        QCOMPARE(audit::eventTypeFromName(u"USER-ACTIVITY"_s), std::optional(audit::EventType::UserActivity));
        QCOMPARE(audit::eventTypeName(audit::EventType::Integration), u"int"_s);
        QVERIFY(!audit::eventTypeFromName(u"nonsense"_s));

        audit::EventQuery q;
        QVERIFY(q.validationError().isEmpty());
        for (int days : {0, -1, 31, 365}) {
            q.daysIntoPast = days;
            QVERIFY2(!q.validationError().isEmpty(), qPrintable(QString::number(days)));
        }
        q.daysIntoPast = 30;
        q.dateFromMs = 0;
        q.dateToMs = 30LL * 24 * 3600 * 1000 + 1;
        QVERIFY(!q.validationError().isEmpty());
        q.dateToMs = 30LL * 24 * 3600 * 1000;
        QVERIFY(q.validationError().isEmpty());
    }

    // --- CloudWorks ----------------------------------------------------------------------------------------
    void cloudWorksValuesTolerant()
    {
        using namespace cloudworks;
        const CloudConnection c = CloudConnection::fromJson(obj(J({
            "connectionId" : "c1",
            "connectionType" : "Dropbox",
            "body" : {"name" : "Box"},
            "status" : "0",
            "integrationErrorCode" : 401,
            "workspaceId" : null
        })));
        QCOMPARE(c.type, ConnectionType::Unknown);
        QCOMPARE(c.typeRaw, u"Dropbox"_s);
        QCOMPARE(c.name, u"Box"_s);
        QVERIFY(!c.isValid());
        QCOMPARE(c.integrationErrorCode, std::optional<int>(401));

        // A single integration has no integrationType: derived from processId / jobs.
        const Integration single = Integration::fromJson(obj(J({
            "integrationId" : "i1",
            "name" : "x",
            "latestRun" : {},
            "jobs" : [ {
                "type" : "AmazonS3ToAnaplan",
                "sources" : [ {
                    "type" : "AmazonS3",
                    "connectionId" : "c1",
                    "file" : "f.csv",
                    "connectionName" : "S3",
                    "isConnectionDeleted" : false
                } ],
                "targets" : [ {"type" : "Anaplan", "actionId" : 112000000001, "fileId" : "113000000001"} ]
            } ],
            "schedule" : {"type" : "weekly", "daysOfWeek" : [ 1, 3 ], "status" : "Active"}
        })));
        QCOMPARE(single.type, IntegrationType::Import);
        QVERIFY(!single.latestRun); // {} reads as absent
        QCOMPARE(single.jobs.first().targets.first().actionId, u"112000000001"_s);
        QVERIFY(single.schedule && single.schedule->isEnabled());
        QCOMPARE(single.schedule->daysOfWeek, (QList<int>{1, 3}));
        QCOMPARE(Integration::fromJson(obj(J({"processId" : 118000000000}))).type, IntegrationType::Process);
        QCOMPARE(Integration::fromJson(obj(J({"integrationType" : "Workflow"}))).typeRaw, u"Workflow"_s);

        const RunError re = RunError::fromJson(obj(J({
            "id" : "r",
            "taskId" : null,
            "errorMessages" : [
                {
                    "errorMessage" : [ {"localMessageText" : "3 rows failed", "occurrences" : 3} ],
                    "actionId" : "112000000006",
                    "failureDumpGenerated" : true
                },
                {"errorMessage" : "plain text", "actionId" : 112000000001}
            ]
        })));
        QVERIFY(re.taskId.isEmpty());
        QCOMPARE(re.errorMessages.size(), 2);
        QCOMPARE(re.errorMessages.at(0).messages.first().occurrences, 3);
        QCOMPARE(re.errorMessages.at(1).messages.first().localMessageText, u"plain text"_s);
        QCOMPARE(re.errorMessages.at(1).actionId, u"112000000001"_s);

        const Flow f = Flow::fromJson(obj(J({
            "id" : "f1",
            "steps" : [ {
                "referrer" : "i1",
                "exceptionBehavior" : [ {"type" : "failure", "strategy" : "continue"} ],
                "createdDate" : "2026-08-11 18:07:06.123456+00:00"
            } ]
        })));
        QCOMPARE(f.stepsCount, 1);
        QCOMPARE(f.steps.first().onFailure, u"continue"_s);
        QVERIFY(parseDateTime(f.steps.first().createdDate).isValid());
        QCOMPARE(parseDateTime(u"2026-08-11T18:07:06.000Z"_s).toMSecsSinceEpoch(), 1786471626000LL);

        const NotificationConfig n = NotificationConfig::fromJson(obj(J({
            "notificationId" : "n",
            "channels" : ["email"],
            "notifications" : {
                "config" :
                    [ {"type" : "full_failure",
                       "users" : [ {"userGuid" : "u1", "firstName" : "A"}, "u2" ]} ]
            }
        })));
        QCOMPARE(n.rules.first().users.size(), 2);
        QCOMPARE(n.rules.first().users.at(1).userGuid, u"u2"_s);
    }

    void cloudWorksInputs()
    {
        using namespace cloudworks;
        IntegrationInput in;
        in.name = u"Load"_s;
        in.workspaceId = u"WS"_s;
        in.modelId = u"M"_s;
        in.jobs = {IntegrationJob::importJob(
            JobEndpoint::fileEndpoint(ConnectionType::AzureBlob, u"C"_s, u"dir/f.csv"_s), u"112000000064"_s,
            u"113000000055"_s)};
        QVERIFY2(in.validationError().isEmpty(), qPrintable(in.validationError()));
        // The reference client's verified serialisation: ids as JSON strings, nulls omitted.
        QCOMPARE(compact(in.toJson()), J({
                     "jobs" : [ {
                         "sources" : [ {"connectionId" : "C", "file" : "dir/f.csv", "type" : "AzureBlob"} ],
                         "targets" :
                             [ {"actionId" : "112000000064", "fileId" : "113000000055", "type" : "Anaplan"} ],
                         "type" : "AzureBlobToAnaplan"
                     } ],
                     "modelId" : "M",
                     "name" : "Load",
                     "nuxVisible" : false,
                     "version" : "2.0",
                     "workspaceId" : "WS"
                 }));
        IntegrationInput process;
        process.name = u"P"_s;
        process.workspaceId = u"WS"_s;
        process.modelId = u"M"_s;
        process.processId = u"118000000012"_s;
        QCOMPARE(compact(process.toJson()), J({
                     "modelId" : "M",
                     "name" : "P",
                     "nuxVisible" : false,
                     "processId" : "118000000012",
                     "version" : "2.0",
                     "workspaceId" : "WS"
                 }));
        process.processId = u"112000000012"_s;
        QVERIFY(!process.validationError().isEmpty());
        const IntegrationJob exportJob = IntegrationJob::exportJob(
            u"116000000001"_s,
            JobEndpoint::fileEndpoint(ConnectionType::AmazonS3, u"C"_s, u"out.csv"_s, true));
        QCOMPARE(
            compact(exportJob.toJson()), J({
                "sources" : [ {"actionId" : "116000000001", "type" : "Anaplan"} ],
                "targets" :
                    [ {"connectionId" : "C", "file" : "out.csv", "overwrite" : true, "type" : "AmazonS3"} ],
                "type" : "AnaplanToAmazonS3"
            }));

        const CloudConnectionInput s3 =
            CloudConnectionInput::amazonS3(u"n"_s, u"b"_s, u"k"_s, u"s3-secret-value"_s);
        QCOMPARE(compact(s3.toJson()), J({
                     "body" : {
                         "accessKeyId" : "k",
                         "bucketName" : "b",
                         "name" : "n",
                         "secretAccessKey" : "s3-secret-value"
                     },
                     "type" : "AmazonS3"
                 }));
        QCOMPARE(s3.secrets(), QList<QByteArray>{"s3-secret-value"});
        const CloudConnectionInput azure =
            CloudConnectionInput::azureBlobSas(u"n"_s, u"acc"_s, u"c"_s, u"sv=tok"_s);
        QCOMPARE(compact(azure.toJson()), J({
                     "body" : {
                         "authMethod" : "SAS-based",
                         "containerName" : "c",
                         "name" : "n",
                         "sasToken" : "sv=tok",
                         "storageAccountName" : "acc"
                     },
                     "type" : "AzureBlob"
                 }));
        const CloudConnectionInput bq = CloudConnectionInput::googleBigQuery(
            u"n"_s, u"ds"_s, obj(J({
                "type" : "service_account",
                "private_key" : "-----BEGIN-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\n-----END-----"
            })));
        QVERIFY(bq.secrets().contains("MIIEvQIBADANBgkqhkiG9w0BAQEF"));
        CloudConnectionInput noSecret = s3;
        noSecret.secretAccessKey.clear();
        QVERIFY(!noSecret.validationError().isEmpty());
        CloudConnectionInput oauth =
            CloudConnectionInput::azureBlobOAuth(u"n"_s, u"a"_s, u"c"_s, u"id"_s, {}, u"t"_s);
        QVERIFY(!oauth.validationError().isEmpty());

        NotificationInput ni{{u"I"_s}, {u"in_app"_s, u"email"_s}, {{u"full_failure"_s, {u"u1"_s}}}};
        QCOMPARE(compact(ni.toJson()), J({
                     "channels" : [ "in_app", "email" ],
                     "integrationIds" : ["I"],
                     "notifications" : {"config" : [ {"type" : "full_failure", "users" : ["u1"]} ]}
                 }));
        QVERIFY(ni.validationError().isEmpty());
        ni.rules.first().userIds = {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s};
        QVERIFY(!ni.validationError().isEmpty());

        FlowInput flow = FlowInput::chain(u"f"_s, {u"i1"_s, u"i2"_s});
        QCOMPARE(compact(flow.toJson()), J({
                     "name" : "f",
                     "steps" : [
                         {
                             "exceptionBehavior" : [
                                 {"strategy" : "stop", "type" : "failure"},
                                 {"strategy" : "continue", "type" : "partial_success"}
                             ],
                             "isSkipped" : false,
                             "referrer" : "i1",
                             "type" : "Integration"
                         },
                         {
                             "dependsOn" : ["i1"],
                             "exceptionBehavior" : [
                                 {"strategy" : "stop", "type" : "failure"},
                                 {"strategy" : "continue", "type" : "partial_success"}
                             ],
                             "isSkipped" : false,
                             "referrer" : "i2",
                             "type" : "Integration"
                         }
                     ],
                     "type" : "IntegrationFlow",
                     "version" : "2.0"
                 }));
        QVERIFY(flow.validationError().isEmpty());
        flow.steps[1].isSkipped = true;
        QVERIFY(!flow.validationError().isEmpty()); // fewer than two active steps
        QVERIFY(!FlowInput::chain(u"f"_s, {u"i1"_s}).validationError().isEmpty());
        QVERIFY(!FlowInput::chain(u"f"_s, {u"i1"_s, u"i1"_s}).validationError().isEmpty());
    }

    void schedulesAllFiveTypes()
    {
        using namespace cloudworks;
        const QString start = u"2027-01-01"_s;
        const QString end = u"2029-01-01"_s;
        const QList<ScheduleInput> valid{
            ScheduleInput::hourly(u"h"_s, u"08:00"_s, u"18:00"_s, {1, 2, 3}, 2, start, end),
            ScheduleInput::daily(u"d"_s, u"12:00"_s, start, end, {0, 2, 5}),
            ScheduleInput::weekly(u"w"_s, u"06:30"_s, {1}, start, end),
            ScheduleInput::monthlySpecificDay(u"m"_s, u"05:00"_s, 31, start, end),
            ScheduleInput::monthlyRelativeWeekday(u"r"_s, u"07:15"_s, 2, 5, start, end)};
        for (const ScheduleInput &s : valid)
            QVERIFY2(s.validationError().isEmpty(), qPrintable(s.name + u": "_s + s.validationError()));
        ScheduleInput daily = valid.at(1);
        daily.timezone = u"Europe/Paris"_s;
        QCOMPARE(compact(daily.toJson()), J({
                     "daysOfWeek" : [ 0, 2, 5 ],
                     "endDate" : "2029-01-01",
                     "name" : "d",
                     "startDate" : "2027-01-01",
                     "time" : "12:00",
                     "timezone" : "Europe/Paris",
                     "type" : "daily"
                 }));
        QCOMPARE(timezones().size(), 38);
        QVERIFY(timezones().contains(u"Australia/Lord_Howe"_s));

        QList<ScheduleInput> invalid;
        ScheduleInput s = valid.at(0);
        s.fromTime = u"19:00"_s; // after toTime
        invalid << s;
        s = valid.at(0);
        s.repeatEvery = 24;
        invalid << s;
        s = valid.at(1);
        s.time = u"24:00"_s;
        invalid << s;
        s = valid.at(2);
        s.daysOfWeek = {};
        invalid << s;
        s = valid.at(2);
        s.daysOfWeek = {7};
        invalid << s;
        s = valid.at(3);
        s.dayOfMonth = 32;
        invalid << s;
        s = valid.at(4);
        s.repeatEvery = 6;
        invalid << s;
        s = valid.at(4);
        s.timezone = u"Mars/Olympus"_s;
        invalid << s;
        s = valid.at(1);
        s.startDate = u"2027-02-30"_s;
        invalid << s;
        s = valid.at(1);
        s.endDate = u"2026-12-31"_s;
        invalid << s;
        s = valid.at(1);
        s.endDate.clear(); // required by CloudWorks
        invalid << s;
        for (const ScheduleInput &bad : std::as_const(invalid))
            QVERIFY2(!bad.validationError().isEmpty(), compact(bad.toJson()).constData());
        figure(
            u"schedule_types=5 invalid_cases=%1 timezones=%2"_s.arg(invalid.size()).arg(timezones().size()));
    }
};

QTEST_GUILESS_MAIN(TestCloudTypes)
#include "tst_CloudTypes.moc"
