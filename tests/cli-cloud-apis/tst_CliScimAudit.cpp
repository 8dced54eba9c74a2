// anadesk-cli scim and audit, end to end: the real binary against a real anadesk-sandbox (2,000 seeded
// SCIM users, 1,738 active / 262 inactive, 30 days of audit events). Every command runs with --json and
// its output is checked against the seeded data and a fresh read; error paths check the exit code and
// that nothing was sent for a bad input file (the sandbox's request log).
#include "CloudCliTest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kWs1 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c01"_s; // Financial Planning
const QString kWs1Name = u"Financial Planning"_s;
const QString kWs2 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c02"_s;
const QString kWs3 = u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c03"_s;
const QString kNewUser = u"cli.cloud.user@anadesk.test"_s;

bool isHex32(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9A-Fa-f]{32}$"_s);
    return hex.match(text).hasMatch();
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

class TestCliScimAudit : public CloudCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startSandbox()); }
    void cleanupTestCase() { stopSandbox(); }

    void groupHelpListsEveryCommand();
    void scimDiscovery();
    void scimUsersReadsEveryPage();
    void scimFilterLanguage();
    void scimUserByIdOrUserName();
    void scimAddReplaceKeepsWorkspaces();
    void scimPatch();
    void badInputFilesSendNothing();
    void auditUsers();
    void auditEventsPagedAndBounded();
    void noSecretInAnyOutput();

private:
    int requestsTo(const QString &method, const QString &pathPrefix);
    QJsonObject freshUser(const QString &idOrName);
};

int TestCliScimAudit::requestsTo(const QString &method, const QString &pathPrefix)
{
    int count = 0;
    const QJsonArray requests = m_probe->get(u"/__sandbox/requests"_s).json().value(u"requests"_s).toArray();
    for (const QJsonValue &r : requests)
        if (r[u"method"_s].toString() == method && r[u"path"_s].toString().startsWith(pathPrefix))
            ++count;
    return count;
}

QJsonObject TestCliScimAudit::freshUser(const QString &idOrName)
{
    return runObject({u"scim"_s, u"user"_s, idOrName});
}

void TestCliScimAudit::groupHelpListsEveryCommand()
{
    const CliResult scim = m_cli.run({u"scim"_s, u"--help"_s});
    QCOMPARE(scim.exitCode, 0);
    for (const char *command :
         {"config", "resource-types", "schemas", "users", "user", "add", "replace", "patch"})
        QVERIFY2(scim.out.contains(QByteArray(QByteArray("  ") + command + " ")), command);
    const CliResult audit = m_cli.run({u"audit"_s, u"--help"_s});
    QCOMPARE(audit.exitCode, 0);
    for (const char *command : {"users", "user", "events"})
        QVERIFY2(audit.out.contains(QByteArray(QByteArray("  ") + command + " ")), command);
    const CliResult details = m_cli.run({u"scim"_s, u"replace"_s, u"--help"_s});
    QCOMPARE(details.exitCode, 0);
    QVERIFY(details.out.contains("--clear-workspaces"));
}

void TestCliScimAudit::scimDiscovery()
{
    const QJsonObject config = runObject({u"scim"_s, u"config"_s});
    CHECK_RUN();
    QVERIFY(config.value(u"patchSupported"_s).toBool());
    QVERIFY(config.value(u"filterSupported"_s).toBool());
    QCOMPARE(config.value(u"filterMaxResults"_s).toInt(), 100);
    QVERIFY(!config.value(u"authenticationSchemes"_s).toArray().isEmpty());

    const QJsonArray types = runArray({u"scim"_s, u"resource-types"_s});
    CHECK_RUN();
    bool user = false;
    for (const QJsonValue &t : types)
        if (t[u"name"_s].toString() == "User"_L1) {
            user = true;
            QCOMPARE(t[u"endpoint"_s].toString(), u"/Users"_s);
            QVERIFY(!t[u"id"_s].toString().isEmpty());
        }
    QVERIFY(user);

    const QJsonArray schemas = runArray({u"scim"_s, u"schemas"_s});
    CHECK_RUN();
    QVERIFY(!schemas.isEmpty());
    const QJsonObject first = schemas.first().toObject();
    QVERIFY(first.value(u"id"_s).toString().startsWith(u"urn:"_s));
    QCOMPARE(first.value(u"attributeCount"_s).toInt(), int(first.value(u"attributes"_s).toArray().size()));
    QVERIFY(first.value(u"attributeCount"_s).toInt() > 0);
}

void TestCliScimAudit::scimUsersReadsEveryPage()
{
    QElapsedTimer timer;
    timer.start();
    const QJsonArray all = runArray({u"scim"_s, u"users"_s});
    CHECK_RUN();
    const qint64 ms = timer.elapsed();
    QCOMPARE(all.size(), 2000);
    QSet<QString> ids;
    int active = 0;
    for (const QJsonValue &u : all) {
        QVERIFY(isHex32(u[u"id"_s].toString()));
        QVERIFY(!u[u"name"_s].toString().isEmpty());
        ids.insert(u[u"id"_s].toString());
        active += u[u"active"_s].toBool() ? 1 : 0;
    }
    QCOMPARE(ids.size(), 2000);
    QCOMPARE(active, 1738);

    // An odd page size: 55 requests, still every user exactly once.
    const int before = requestsTo(u"GET"_s, u"/scim/1/0/v2/Users"_s);
    const QJsonArray paged = runArray({u"scim"_s, u"users"_s, u"--page-size"_s, u"37"_s});
    CHECK_RUN();
    const int requests = requestsTo(u"GET"_s, u"/scim/1/0/v2/Users"_s) - before;
    QCOMPARE(paged.size(), 2000);
    QSet<QString> pagedIds;
    for (const QJsonValue &u : paged)
        pagedIds.insert(u[u"id"_s].toString());
    QCOMPARE(pagedIds, ids);
    QCOMPARE(requests, (2000 + 36) / 37);

    const CliResult tooBig = runRaw({u"scim"_s, u"users"_s, u"--page-size"_s, u"101"_s});
    QCOMPARE(tooBig.exitCode, 2);
    QVERIFY2(tooBig.err.contains("--page-size"), tooBig.err.constData());
    figure(u"cli_scim_users users=2000 pages_of_37=%1 ms=%2"_s.arg(requests).arg(ms));
}

void TestCliScimAudit::scimFilterLanguage()
{
    const QJsonArray inactive = runArray({u"scim"_s, u"users"_s, u"--filter"_s, u"active eq false"_s});
    CHECK_RUN();
    QCOMPARE(inactive.size(), 262);
    for (const QJsonValue &u : inactive)
        QVERIFY(!u[u"active"_s].toBool());

    // and/or with parentheses, a case-insensitive userName match.
    const QJsonArray two = runArray(
        {u"scim"_s, u"users"_s, u"--filter"_s,
         u"(userName eq \"demo@anadesk.test\" or userName eq \"PLANNER@anadesk.test\") and active eq true"_s});
    CHECK_RUN();
    QSet<QString> names;
    for (const QJsonValue &u : two)
        names.insert(u[u"userName"_s].toString());
    QCOMPARE(names, (QSet<QString>{u"demo@anadesk.test"_s, u"planner@anadesk.test"_s}));

    const QJsonArray byExternal =
        runArray({u"scim"_s, u"users"_s, u"--filter"_s, u"externalId eq \"EMP000001\""_s});
    CHECK_RUN();
    QCOMPARE(byExternal.size(), 1);
    QCOMPARE(byExternal.first()[u"userName"_s].toString(), SandboxProcess::demoUser());
    QCOMPARE(strings(byExternal.first()[u"workspaceIds"_s]).size(), 4);

    // Outside Anaplan's subset: the server's refusal, exit 2, with the server's words and a hint.
    const QJsonObject refused =
        runObject({u"scim"_s, u"users"_s, u"--filter"_s, u"userName co \"anadesk\""_s}, 2);
    CHECK_RUN();
    const QJsonObject error = refused.value(u"error"_s).toObject();
    QCOMPARE(error.value(u"category"_s).toString(), u"bad-input"_s);
    QCOMPARE(error.value(u"httpStatus"_s).toInt(), 400);
    QVERIFY(!error.value(u"serverMessage"_s).toString().isEmpty());
    QVERIFY(!error.value(u"hint"_s).toString().isEmpty());

    // Human mode: a table with ids beside user names.
    const CliResult human = runRaw({u"scim"_s, u"users"_s, u"--filter"_s, u"externalId eq \"EMP000001\""_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.startsWith("ID "), human.out.constData());
    QVERIFY(human.out.contains("USER NAME"));
    QVERIFY(human.out.contains("demo@anadesk.test"));
}

void TestCliScimAudit::scimUserByIdOrUserName()
{
    const QJsonObject byName = freshUser(SandboxProcess::demoUser());
    CHECK_RUN();
    const QString id = byName.value(u"id"_s).toString();
    QVERIFY(isHex32(id));
    QCOMPARE(byName.value(u"externalId"_s).toString(), u"EMP000001"_s);
    QCOMPARE(strings(byName.value(u"workspaceIds"_s)).size(), 4);
    const QJsonObject byId = freshUser(id);
    CHECK_RUN();
    QCOMPARE(byId.value(u"userName"_s).toString(), SandboxProcess::demoUser());

    const QJsonObject missing = runObject({u"scim"_s, u"user"_s, u"00000000000000000000000000000000"_s}, 5);
    CHECK_RUN();
    QCOMPARE(missing[u"error"_s][u"category"_s].toString(), u"not-found"_s);
    runObject({u"scim"_s, u"user"_s, u"nobody@anadesk.test"_s}, 5);
    CHECK_RUN();
    runObject({u"scim"_s, u"user"_s, u"bogus"_s}, 2);
    CHECK_RUN();
}

void TestCliScimAudit::scimAddReplaceKeepsWorkspaces()
{
    // The SCIM shape, workspaces as entitlements.
    const QString addFile = writeJson(
        u"add.json"_s,
        {{u"userName"_s, kNewUser},
         {u"name"_s, QJsonObject{{u"givenName"_s, u"Cli"_s}, {u"familyName"_s, u"Cloud"_s}}},
         {u"externalId"_s, u"CLI-1"_s},
         {u"entitlements"_s, QJsonArray{QJsonObject{{u"value"_s, kWs1}, {u"type"_s, u"WORKSPACE"_s}},
                                        QJsonObject{{u"value"_s, kWs2}, {u"type"_s, u"WORKSPACE"_s}}}}});
    const QJsonObject added = runObject({u"scim"_s, u"add"_s, u"--from"_s, addFile});
    CHECK_RUN();
    const QString id = added.value(u"id"_s).toString();
    QVERIFY(isHex32(id));
    QCOMPARE(strings(added.value(u"workspaceIds"_s)), (QStringList{kWs1, kWs2}));
    const QJsonObject again = runObject({u"scim"_s, u"add"_s, u"--from"_s, addFile}, 6); // 409 uniqueness
    CHECK_RUN();
    QCOMPARE(again[u"error"_s][u"httpStatus"_s].toInt(), 409);

    // Replace without workspaces (the flat shape, from standard input): the current ones are kept.
    const QByteArray renamed = QJsonDocument(QJsonObject{{u"userName"_s, kNewUser},
                                                         {u"givenName"_s, u"Renamed"_s},
                                                         {u"familyName"_s, u"Cloud"_s},
                                                         {u"externalId"_s, u"CLI-1"_s}})
                                   .toJson();
    const CliResult replaced =
        m_cli.run(base({u"scim"_s, u"replace"_s, kNewUser, u"--from"_s, u"-"_s, u"--json"_s}), renamed);
    QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.describe()));
    QVERIFY2(replaced.err.contains("were kept"), replaced.err.constData()); // the note on stderr
    const QJsonObject r = replaced.json().object();
    QCOMPARE(r.value(u"workspaces"_s).toString(), u"kept"_s);
    QCOMPARE(strings(r.value(u"keptWorkspaceIds"_s)), (QStringList{kWs1, kWs2}));
    QJsonObject fresh = freshUser(id);
    CHECK_RUN();
    QCOMPARE(fresh.value(u"givenName"_s).toString(), u"Renamed"_s);
    QCOMPARE(strings(fresh.value(u"workspaceIds"_s)), (QStringList{kWs1, kWs2}));

    // The printed user can be edited and written back as it is (read-only fields ignored).
    QJsonObject edited = fresh;
    edited.insert(u"familyName"_s, u"Roundtrip"_s);
    const QJsonObject written =
        runObject({u"scim"_s, u"replace"_s, id, u"--from"_s, writeJson(u"roundtrip.json"_s, edited)});
    CHECK_RUN();
    QCOMPARE(written.value(u"workspaces"_s).toString(), u"given"_s);
    fresh = freshUser(id);
    CHECK_RUN();
    QCOMPARE(fresh.value(u"familyName"_s).toString(), u"Roundtrip"_s);
    QCOMPARE(strings(fresh.value(u"workspaceIds"_s)), (QStringList{kWs1, kWs2}));

    // Workspaces in the file and --clear-workspaces contradict each other: refused before sending.
    const QString withWorkspaces = writeJson(u"with-ws.json"_s, {{u"userName"_s, kNewUser},
                                                                 {u"givenName"_s, u"A"_s},
                                                                 {u"familyName"_s, u"B"_s},
                                                                 {u"workspaceIds"_s, QJsonArray{kWs1}}});
    runObject({u"scim"_s, u"replace"_s, id, u"--from"_s, withWorkspaces, u"--clear-workspaces"_s}, 2);
    CHECK_RUN();

    // Only --clear-workspaces removes them.
    const QString noWorkspaces =
        writeJson(u"no-ws.json"_s,
                  {{u"userName"_s, kNewUser}, {u"givenName"_s, u"Cleared"_s}, {u"familyName"_s, u"Cloud"_s}});
    const QJsonObject cleared =
        runObject({u"scim"_s, u"replace"_s, id, u"--from"_s, noWorkspaces, u"--clear-workspaces"_s});
    CHECK_RUN();
    QCOMPARE(cleared.value(u"workspaces"_s).toString(), u"cleared"_s);
    fresh = freshUser(id);
    CHECK_RUN();
    QVERIFY(strings(fresh.value(u"workspaceIds"_s)).isEmpty());
    QCOMPARE(fresh.value(u"givenName"_s).toString(), u"Cleared"_s);
}

void TestCliScimAudit::scimPatch()
{
    const QJsonObject user = freshUser(kNewUser);
    CHECK_RUN();
    const QString id = user.value(u"id"_s).toString();

    // Options: a workspace by name and one by id, and deactivation, in one all-or-nothing PATCH.
    const QJsonObject patched = runObject({u"scim"_s, u"patch"_s, kNewUser, u"--add-workspaces"_s,
                                           kWs1Name + u","_s + kWs3, u"--active"_s, u"false"_s});
    CHECK_RUN();
    QCOMPARE(patched.value(u"operations"_s).toInt(), 2);
    QJsonObject fresh = freshUser(id);
    CHECK_RUN();
    const QStringList workspaces = strings(fresh.value(u"workspaceIds"_s));
    QCOMPARE(QSet<QString>(workspaces.cbegin(), workspaces.cend()), (QSet<QString>{kWs1, kWs3}));
    QVERIFY(!fresh.value(u"active"_s).toBool());

    // PatchOp operations from a file.
    const QString ops = writeJson(
        u"ops.json"_s,
        {{u"schemas"_s, QJsonArray{u"urn:ietf:params:scim:api:messages:2.0:PatchOp"_s}},
         {u"Operations"_s,
          QJsonArray{
              QJsonObject{
                  {u"op"_s, u"replace"_s}, {u"path"_s, u"name.familyName"_s}, {u"value"_s, u"Patched"_s}},
              QJsonObject{{u"op"_s, u"remove"_s}, {u"path"_s, u"entitlements[value eq \"%1\"]"_s.arg(kWs3)}},
              QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"active"_s}, {u"value"_s, true}}}}});
    runObject({u"scim"_s, u"patch"_s, id, u"--from"_s, ops});
    CHECK_RUN();
    fresh = freshUser(id);
    CHECK_RUN();
    QCOMPARE(fresh.value(u"familyName"_s).toString(), u"Patched"_s);
    QCOMPARE(strings(fresh.value(u"workspaceIds"_s)), QStringList{kWs1});
    QVERIFY(fresh.value(u"active"_s).toBool());

    // A change Anaplan refuses (userName is immutable) changes nothing: all or none.
    const QString bad = writeJson(
        u"bad-ops.json"_s,
        {{u"Operations"_s,
          QJsonArray{
              QJsonObject{
                  {u"op"_s, u"replace"_s}, {u"path"_s, u"name.givenName"_s}, {u"value"_s, u"Never"_s}},
              QJsonObject{{u"op"_s, u"replace"_s}, {u"path"_s, u"userName"_s}, {u"value"_s, u"x@y.z"_s}}}}});
    runObject({u"scim"_s, u"patch"_s, id, u"--from"_s, bad}, 2);
    CHECK_RUN();
    QCOMPARE(freshUser(id).value(u"givenName"_s).toString(), u"Cleared"_s);

    runObject({u"scim"_s, u"patch"_s, id}, 2); // nothing to change
    CHECK_RUN();
    runObject({u"scim"_s, u"patch"_s, id, u"--active"_s, u"maybe"_s}, 2);
    CHECK_RUN();
    runObject({u"scim"_s, u"patch"_s, id, u"--add-workspaces"_s, u"No Such Workspace"_s}, 5);
    CHECK_RUN();
}

void TestCliScimAudit::badInputFilesSendNothing()
{
    const int postsBefore = requestsTo(u"POST"_s, u"/scim/1/0/v2/Users"_s);
    const int patchesBefore = requestsTo(u"PATCH"_s, u"/scim/1/0/v2/Users"_s);
    const QJsonObject malformed = runObject(
        {u"scim"_s, u"add"_s, u"--from"_s, writeFile(u"broken.json"_s, "{\n \"userName\": \"a@b.c\",\n}")},
        2);
    CHECK_RUN();
    QVERIFY2(malformed[u"error"_s][u"message"_s].toString().contains(u"line 3"_s),
             qPrintable(malformed[u"error"_s][u"message"_s].toString()));
    QVERIFY(malformed[u"error"_s][u"object"_s].toString().endsWith(u"broken.json"_s));

    const QJsonObject typo = runObject({u"scim"_s, u"add"_s, u"--from"_s,
                                        writeJson(u"typo.json"_s, {{u"userName"_s, u"t@anadesk.test"_s},
                                                                   {u"givenname"_s, u"T"_s},
                                                                   {u"familyName"_s, u"T"_s}})},
                                       2);
    CHECK_RUN();
    QVERIFY(typo[u"error"_s][u"message"_s].toString().contains(u"givenname"_s));

    runObject({u"scim"_s, u"add"_s, u"--from"_s,
               writeJson(u"nameless.json"_s, {{u"userName"_s, u"n@anadesk.test"_s}})},
              2);
    CHECK_RUN();
    runObject({u"scim"_s, u"add"_s, u"--from"_s, writeFile(u"array.json"_s, "[1, 2]")}, 2);
    CHECK_RUN();
    runObject({u"scim"_s, u"add"_s}, 2); // no --from
    CHECK_RUN();
    const QJsonObject missing =
        runObject({u"scim"_s, u"add"_s, u"--from"_s, m_dir.filePath(u"absent.json"_s)}, 15);
    CHECK_RUN();
    QCOMPARE(missing[u"error"_s][u"category"_s].toString(), u"local-io"_s);
    runObject({u"scim"_s, u"patch"_s, SandboxProcess::demoUser(), u"--from"_s,
               writeJson(u"op.json"_s, {{u"Operations"_s, QJsonArray{QJsonObject{{u"op"_s, u"move"_s}}}}})},
              2);
    CHECK_RUN();
    QCOMPARE(requestsTo(u"POST"_s, u"/scim/1/0/v2/Users"_s), postsBefore);
    QCOMPARE(requestsTo(u"PATCH"_s, u"/scim/1/0/v2/Users"_s), patchesBefore);
}

void TestCliScimAudit::auditUsers()
{
    const QJsonArray users = runArray({u"audit"_s, u"users"_s, u"--sort"_s, u"lastName"_s});
    CHECK_RUN();
    QVERIFY(users.size() >= 2000);
    for (qsizetype i = 1; i < users.size(); ++i)
        QVERIFY(users.at(i - 1)[u"lastName"_s].toString().compare(users.at(i)[u"lastName"_s].toString(),
                                                                  Qt::CaseInsensitive) <= 0);
    const QJsonArray planner = runArray({u"audit"_s, u"users"_s, u"--search"_s, u"planner"_s});
    CHECK_RUN();
    bool found = false;
    for (const QJsonValue &u : planner)
        found = found || u[u"email"_s].toString() == "planner@anadesk.test"_L1;
    QVERIFY(found);
    runObject({u"audit"_s, u"users"_s, u"--sort"_s, u"shoeSize"_s}, 2);
    CHECK_RUN();

    const QJsonObject me = runObject({u"audit"_s, u"user"_s});
    CHECK_RUN();
    QCOMPARE(me.value(u"email"_s).toString(), SandboxProcess::demoUser());
    QCOMPARE(me.value(u"name"_s).toString(), u"Demo Administrator"_s);
    const QJsonObject meAgain = runObject({u"audit"_s, u"user"_s, u"me"_s});
    CHECK_RUN();
    QCOMPARE(meAgain.value(u"id"_s), me.value(u"id"_s));
    const QJsonObject byId = runObject({u"audit"_s, u"user"_s, me.value(u"id"_s).toString()});
    CHECK_RUN();
    QCOMPARE(byId.value(u"email"_s), me.value(u"email"_s));
    // The same id across the APIs.
    QCOMPARE(freshUser(SandboxProcess::demoUser()).value(u"id"_s), me.value(u"id"_s));
    runObject({u"audit"_s, u"user"_s, u"ffffffffffffffffffffffffffffffff"_s}, 5);
    CHECK_RUN();
    runObject({u"audit"_s, u"user"_s, u"someone"_s}, 2);
    CHECK_RUN();
}

void TestCliScimAudit::auditEventsPagedAndBounded()
{
    const QJsonArray all = runArray({u"audit"_s, u"events"_s});
    CHECK_RUN();
    QVERIFY2(all.size() >= 3715, qPrintable(QString::number(all.size())));

    const qint64 weekAgo = QDateTime::currentMSecsSinceEpoch() - 7LL * 24 * 3600 * 1000 - 60'000;
    const int pagesBefore = requestsTo(u"GET"_s, u"/audit/api/1/events"_s);
    const QJsonArray week = runArray({u"audit"_s, u"events"_s, u"--type"_s, u"user_activity"_s, u"--days"_s,
                                      u"7"_s, u"--page-size"_s, u"250"_s});
    CHECK_RUN();
    const int pages = requestsTo(u"GET"_s, u"/audit/api/1/events"_s) - pagesBefore;
    QVERIFY(week.size() > 250);
    QCOMPARE(pages, int((week.size() + 249) / 250));
    QSet<QString> ids;
    for (const QJsonValue &e : week) {
        QVERIFY2(e[u"eventTypeId"_s].toString().startsWith(u"USR-"_s),
                 qPrintable(e[u"eventTypeId"_s].toString()));
        QVERIFY(e[u"id"_s].isString());
        ids.insert(e[u"id"_s].toString());
        const QDateTime date = QDateTime::fromString(e[u"date"_s].toString(), Qt::ISODateWithMs);
        QVERIFY2(date.isValid() && date.toMSecsSinceEpoch() >= weekAgo, qPrintable(e[u"date"_s].toString()));
    }
    QCOMPARE(ids.size(), week.size()); // no duplicates across pages
    // One big page gives the same events: no gaps either.
    const QJsonArray onePage =
        runArray({u"audit"_s, u"events"_s, u"--type"_s, u"user_activity"_s, u"--days"_s, u"7"_s});
    CHECK_RUN();
    QSet<QString> oneIds;
    for (const QJsonValue &e : onePage)
        oneIds.insert(e[u"id"_s].toString());
    // The second window starts a few seconds later and sees this run's own sign-ins: only a handful differ.
    QVERIFY2(QSet<QString>(ids).subtract(oneIds).size() <= 5, "events missing from the paged listing");
    QVERIFY2(QSet<QString>(oneIds).subtract(ids).size() <= 5, "events missing from the one-page listing");

    const QJsonObject tooFar = runObject({u"audit"_s, u"events"_s, u"--days"_s, u"31"_s}, 2);
    CHECK_RUN();
    QVERIFY2(tooFar[u"error"_s][u"message"_s].toString().contains(u"30 days"_s),
             qPrintable(tooFar[u"error"_s][u"message"_s].toString()));
    runObject({u"audit"_s, u"events"_s, u"--days"_s, u"0"_s}, 2);
    CHECK_RUN();
    const QJsonObject badType = runObject({u"audit"_s, u"events"_s, u"--type"_s, u"gossip"_s}, 2);
    CHECK_RUN();
    QVERIFY(badType[u"error"_s][u"hint"_s].toString().contains(u"user_activity"_s));
    figure(u"cli_audit events_30d=%1 user_activity_7d=%2 pages_of_250=%3"_s.arg(all.size())
               .arg(week.size())
               .arg(pages));
}

void TestCliScimAudit::noSecretInAnyOutput()
{
    QByteArray first;
    QCOMPARE(m_cli.runsContaining({m_password}, &first), 0);
    QVERIFY(m_cli.runCount() > 30);
}

QTEST_GUILESS_MAIN(TestCliScimAudit)
#include "tst_CliScimAudit.moc"
