// The sandbox's SCIM, users, audit and CloudWorks APIs against the references (anaplan-api.md §10–12,
// scim/audit/cloudworks-openapi.json): shapes and status codes, SCIM paging over a large seed without
// duplicates or gaps, the PUT-without-entitlements trap, PATCH, audit windows and paging, the CloudWorks
// page cap and sortBy, the run life cycle with dumps, schedules, notifications and flows with selected steps,
// persistence. Built twice: in process and over HTTP.
#include "CloudWire.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace cloudtest;

namespace {

const QString kScim = QStringLiteral("/scim/1/0/v2");
const QString kCw = QStringLiteral("/cloudworks/2/0/integrations");
const QString kFlows = QStringLiteral("/cloudworks/2/0/integrationflows");
const QString kWs1 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
const QString kWs2 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c02");
const QString kWs3 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c03");
const QString kModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
const QString kUserSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QStringList workspaceEntitlements(const QJsonObject &user)
{
    QStringList out;
    for (const QJsonValue &e : user.value(QStringLiteral("entitlements")).toArray())
        if (e.toObject().value(QStringLiteral("type")).toString() == QLatin1String("WORKSPACE"))
            out.append(e.toObject().value(QStringLiteral("value")).toString());
    return out;
}

QJsonObject s3ImportJob(const QString &connection, const QString &importId, const QString &fileId)
{
    return {{QStringLiteral("type"), QStringLiteral("AmazonS3ToAnaplan")},
            {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("AmazonS3")},
                                                               {QStringLiteral("connectionId"), connection},
                                                               {QStringLiteral("file"), QStringLiteral("in/data.csv")}}}},
            {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Anaplan")},
                                                               {QStringLiteral("actionId"), importId},
                                                               {QStringLiteral("fileId"), fileId}}}}};
}

} // namespace

class TestSandboxCloud : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Wire> m_wire;

    bool startWire(const WireOptions &options)
    {
        m_wire = makeWire();
        QString error;
        if (!m_wire->start(options, &error)) {
            qWarning("cannot start the sandbox (%s): %s", qPrintable(m_wire->name()), qPrintable(error));
            return false;
        }
        return true;
    }

    QString integrationIdNamed(const QString &name)
    {
        const Reply r = m_wire->get(kCw + QStringLiteral("?limit=250"));
        for (const QJsonValue &v : r.json().value(QStringLiteral("integrations")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject().value(QStringLiteral("integrationId")).toString();
        return {};
    }

    QString connectionIdNamed(const QString &name)
    {
        const Reply r = m_wire->get(kCw + QStringLiteral("/connections"));
        for (const QJsonValue &v : r.json().value(QStringLiteral("connections")).toArray())
            if (v.toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject().value(QStringLiteral("connectionId")).toString();
        return {};
    }

    // Polls a run to its end (generous deadline); the states seen go to *messages.
    QJsonObject waitForRun(const QString &runId, QStringList *messages = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30'000) {
            const Reply r = m_wire->get(kCw + QStringLiteral("/run/") + runId);
            if (r.status != 200)
                return {};
            const QJsonObject run = r.json().value(QStringLiteral("run")).toObject();
            if (messages && (messages->isEmpty() || messages->constLast() != run.value(QStringLiteral("message")).toString()))
                messages->append(run.value(QStringLiteral("message")).toString());
            if (run.contains(QStringLiteral("endDate")))
                return run;
            QThread::msleep(50);
        }
        return {};
    }

private Q_SLOTS:
    // ---- SCIM ----------------------------------------------------------------------------------------

    void scimDiscovery()
    {
        QVERIFY(startWire({}));
        Reply r = m_wire->get(kScim + QStringLiteral("/ServiceProviderConfig"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("application/scim+json"));
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("patch")).toObject().value(QStringLiteral("supported")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("filter")).toObject().value(QStringLiteral("maxResults")).toInt(), 100);
        QCOMPARE(o.value(QStringLiteral("bulk")).toObject().value(QStringLiteral("supported")).toBool(), false);
        QVERIFY(!o.value(QStringLiteral("authenticationSchemes")).toArray().isEmpty());
        QVERIFY(o.value(QStringLiteral("meta")).toObject().contains(QStringLiteral("lastModified")));

        r = m_wire->get(kScim + QStringLiteral("/ResourceTypes"));
        QCOMPARE(r.status, 200);
        const QJsonObject type = r.json().value(QStringLiteral("Resources")).toArray().at(0).toObject();
        QCOMPARE(type.value(QStringLiteral("endpoint")).toString(), QStringLiteral("/Users"));
        QCOMPARE(type.value(QStringLiteral("schema")).toString(), kUserSchema);

        r = m_wire->get(kScim + QStringLiteral("/Schemas"));
        QCOMPARE(r.status, 200);
        const QJsonObject schema = r.json().value(QStringLiteral("Resources")).toArray().at(0).toObject();
        QCOMPARE(schema.value(QStringLiteral("id")).toString(), kUserSchema);
        QStringList names;
        for (const QJsonValue &a : schema.value(QStringLiteral("attributes")).toArray()) {
            names.append(a.toObject().value(QStringLiteral("name")).toString());
            for (const char *key : {"type", "multiValued", "required", "caseExact", "mutability", "returned", "uniqueness"})
                QVERIFY2(a.toObject().contains(QLatin1String(key)), key);
        }
        QVERIFY(names.contains(QStringLiteral("entitlements")) && names.contains(QStringLiteral("userName")));
    }

    void scimPagingOverLargeSeed()
    {
        const int extra = 3'000;
        QVERIFY(startWire({400, extra, {}}));
        Reply first = m_wire->get(kScim + QStringLiteral("/Users?startIndex=1&count=100"));
        QCOMPARE(first.status, 200);
        const qint64 total = qint64(first.json().value(QStringLiteral("totalResults")).toDouble());
        QCOMPARE(total, qint64(2'000 + extra));
        QCOMPARE(first.json().value(QStringLiteral("itemsPerPage")).toInt(), 100);
        QCOMPARE(first.json().value(QStringLiteral("schemas")).toArray().at(0).toString(),
                 QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse"));

        // Walk every page as anaplan-sdk does (startIndex = 1, 101, 201, …): each user exactly once.
        QSet<QString> ids;
        QSet<QString> userNames;
        int pages = 0;
        for (qint64 start = 1; start <= total; start += 100) {
            const Reply page = m_wire->get(kScim + QStringLiteral("/Users?startIndex=%1&count=100").arg(start));
            QCOMPARE(page.status, 200);
            QCOMPARE(qint64(page.json().value(QStringLiteral("startIndex")).toDouble()), start);
            const QJsonArray resources = page.json().value(QStringLiteral("Resources")).toArray();
            QCOMPARE(qint64(resources.size()), std::min<qint64>(100, total - start + 1));
            for (const QJsonValue &u : resources) {
                const QString id = u.toObject().value(QStringLiteral("id")).toString();
                QVERIFY2(!ids.contains(id), qPrintable(QStringLiteral("duplicate ") + id));
                QCOMPARE(id.size(), 32);
                ids.insert(id);
                userNames.insert(u.toObject().value(QStringLiteral("userName")).toString().toLower());
            }
            ++pages;
        }
        QCOMPARE(qint64(ids.size()), total);
        QCOMPARE(qint64(userNames.size()), total);
        qInfo("FIGURE: scim_users_walked=%lld scim_pages=%d transport=%s", total, pages, qPrintable(m_wire->name()));

        // Past the end: empty page; count above 100 is an error, count 0 gives only the total.
        Reply r = m_wire->get(kScim + QStringLiteral("/Users?startIndex=%1&count=100").arg(total + 1));
        QCOMPARE(r.json().value(QStringLiteral("Resources")).toArray().size(), 0);
        r = m_wire->get(kScim + QStringLiteral("/Users?count=101"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("invalidValue"));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("400"));
        r = m_wire->get(kScim + QStringLiteral("/Users?count=0"));
        QCOMPARE(r.status, 200);
        QCOMPARE(qint64(r.json().value(QStringLiteral("totalResults")).toDouble()), total);
        QCOMPARE(r.json().value(QStringLiteral("Resources")).toArray().size(), 0);
        r = m_wire->get(kScim + QStringLiteral("/Users?count=ten"));
        QCOMPARE(r.status, 400);
    }

    void scimFilters()
    {
        QVERIFY(startWire({}));
        Reply r = m_wire->get(kScim + QStringLiteral("/Users?filter=") + enc(QStringLiteral("userName eq \"DEMO@anadesk.test\"")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("totalResults")).toInt(), 1);
        const QJsonObject demo = r.json().value(QStringLiteral("Resources")).toArray().at(0).toObject();
        QCOMPARE(demo.value(QStringLiteral("userName")).toString(), QStringLiteral("demo@anadesk.test"));

        const int all = m_wire->get(kScim + QStringLiteral("/Users?count=0")).json().value(QStringLiteral("totalResults")).toInt();
        const int active = m_wire->get(kScim + QStringLiteral("/Users?count=0&filter=") + enc(QStringLiteral("active eq true")))
                               .json().value(QStringLiteral("totalResults")).toInt();
        const int inactive = m_wire->get(kScim + QStringLiteral("/Users?count=0&filter=") + enc(QStringLiteral("active eq false")))
                                 .json().value(QStringLiteral("totalResults")).toInt();
        QVERIFY(active > 0 && inactive > 0);
        QCOMPARE(active + inactive, all);
        const int noExternal = m_wire->get(kScim + QStringLiteral("/Users?count=0&filter=") + enc(QStringLiteral("externalId eq null")))
                                   .json().value(QStringLiteral("totalResults")).toInt();
        const int withExternal = m_wire->get(kScim + QStringLiteral("/Users?count=0&filter=") + enc(QStringLiteral("externalId pr")))
                                     .json().value(QStringLiteral("totalResults")).toInt();
        QCOMPARE(noExternal + withExternal, all);
        r = m_wire->get(kScim + QStringLiteral("/Users?filter=") +
                        enc(QStringLiteral("(name.familyName eq \"planner\" or name.familyName eq \"VIEWER\") and active eq true")));
        QCOMPARE(r.json().value(QStringLiteral("totalResults")).toInt(), 2);
        qInfo("FIGURE: scim_active=%d scim_inactive=%d", active, inactive);

        r = m_wire->get(kScim + QStringLiteral("/Users?filter=") + enc(QStringLiteral("userName eq")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("invalidFilter"));
        r = m_wire->get(kScim + QStringLiteral("/Users?filter=") + enc(QStringLiteral("userName co \"demo\"")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("invalidValue"));
        r = m_wire->get(kScim + QStringLiteral("/Users?filter=") + enc(QStringLiteral("(userName eq \"a@b.c\"")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("invalidFilter"));
    }

    void scimCreateReplacePatch()
    {
        QVERIFY(startWire({}));
        const QJsonObject input{{QStringLiteral("schemas"), QJsonArray{kUserSchema}},
                                {QStringLiteral("userName"), QStringLiteral("new.hire@anadesk.test")},
                                {QStringLiteral("externalId"), QStringLiteral("HR-9001")},
                                {QStringLiteral("name"), QJsonObject{{QStringLiteral("familyName"), QStringLiteral("Hire")},
                                                                     {QStringLiteral("givenName"), QStringLiteral("New")}}},
                                {QStringLiteral("entitlements"),
                                 QJsonArray{QJsonObject{{QStringLiteral("value"), kWs1}, {QStringLiteral("type"), QStringLiteral("WORKSPACE")}},
                                            QJsonObject{{QStringLiteral("value"), QStringLiteral("Sales Operations")},
                                                        {QStringLiteral("type"), QStringLiteral("WORKSPACE_NAMES")}}}}};
        Reply r = m_wire->post(kScim + QStringLiteral("/Users"), input);
        QCOMPARE(r.status, 201);
        const QJsonObject created = r.json();
        const QString id = created.value(QStringLiteral("id")).toString();
        QCOMPARE(id.size(), 32);
        QVERIFY(r.header("location").endsWith(id.toUtf8()));
        QCOMPARE(workspaceEntitlements(created), (QStringList{kWs1, kWs2}));
        QCOMPARE(created.value(QStringLiteral("active")).toBool(), true);
        QCOMPARE(created.value(QStringLiteral("displayName")).toString(), QStringLiteral("New Hire"));

        r = m_wire->post(kScim + QStringLiteral("/Users"), input);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("uniqueness"));
        QJsonObject bad = input;
        bad.insert(QStringLiteral("userName"), QStringLiteral("other@anadesk.test"));
        bad.insert(QStringLiteral("entitlements"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("ffff")}}});
        QCOMPARE(m_wire->post(kScim + QStringLiteral("/Users"), bad).status, 400);
        bad.remove(QStringLiteral("entitlements"));
        bad.remove(QStringLiteral("name"));
        QCOMPARE(m_wire->post(kScim + QStringLiteral("/Users"), bad).status, 400);

        r = m_wire->get(kScim + QStringLiteral("/Users/") + id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("externalId")).toString(), QStringLiteral("HR-9001"));
        QCOMPARE(m_wire->get(kScim + QStringLiteral("/Users/0123456789abcdef0123456789abcdef")).status, 404);

        // PATCH adds a workspace and keeps the others.
        const auto patchOp = [](const QJsonArray &ops) {
            return QJsonObject{{QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:PatchOp")}},
                               {QStringLiteral("Operations"), ops}};
        };
        r = m_wire->send("PATCH", kScim + QStringLiteral("/Users/") + id,
                         patchOp({QJsonObject{{QStringLiteral("op"), QStringLiteral("add")},
                                              {QStringLiteral("path"), QStringLiteral("entitlements")},
                                              {QStringLiteral("value"), QJsonArray{QJsonObject{{QStringLiteral("value"), kWs3},
                                                                                               {QStringLiteral("type"), QStringLiteral("WORKSPACE")}}}}}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(workspaceEntitlements(r.json()), (QStringList{kWs1, kWs2, kWs3}));
        // PATCH removes one by value filter, and deactivates (Azure AD's "False" string accepted).
        r = m_wire->send("PATCH", kScim + QStringLiteral("/Users/") + id,
                         patchOp({QJsonObject{{QStringLiteral("op"), QStringLiteral("remove")},
                                              {QStringLiteral("path"), QStringLiteral("entitlements[value eq \"%1\"]").arg(kWs2)}},
                                  QJsonObject{{QStringLiteral("op"), QStringLiteral("Replace")},
                                              {QStringLiteral("path"), QStringLiteral("active")},
                                              {QStringLiteral("value"), QStringLiteral("False")}}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(workspaceEntitlements(r.json()), (QStringList{kWs1, kWs3}));
        QCOMPARE(r.json().value(QStringLiteral("active")).toBool(), false);
        // A bad operation changes nothing.
        r = m_wire->send("PATCH", kScim + QStringLiteral("/Users/") + id,
                         patchOp({QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                              {QStringLiteral("path"), QStringLiteral("active")},
                                              {QStringLiteral("value"), true}},
                                  QJsonObject{{QStringLiteral("op"), QStringLiteral("replace")},
                                              {QStringLiteral("path"), QStringLiteral("userName")},
                                              {QStringLiteral("value"), QStringLiteral("x@y.z")}}}));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("scimType")).toString(), QStringLiteral("mutability"));
        QCOMPARE(m_wire->get(kScim + QStringLiteral("/Users/") + id).json().value(QStringLiteral("active")).toBool(), false);

        // PUT without entitlements removes every workspace (Anaplan's documented trap).
        QJsonObject replace{{QStringLiteral("schemas"), QJsonArray{kUserSchema}},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("userName"), QStringLiteral("new.hire@anadesk.test")},
                            {QStringLiteral("name"), QJsonObject{{QStringLiteral("familyName"), QStringLiteral("Hire-Smith")},
                                                                 {QStringLiteral("givenName"), QStringLiteral("New")}}},
                            {QStringLiteral("active"), true}};
        r = m_wire->send("PUT", kScim + QStringLiteral("/Users/") + id, replace);
        QCOMPARE(r.status, 200);
        QCOMPARE(workspaceEntitlements(r.json()), QStringList());
        QCOMPARE(r.json().value(QStringLiteral("name")).toObject().value(QStringLiteral("familyName")).toString(),
                 QStringLiteral("Hire-Smith"));
        QVERIFY(!r.json().contains(QStringLiteral("externalId"))); // omitted attributes are cleared
        replace.insert(QStringLiteral("userName"), QStringLiteral("renamed@anadesk.test"));
        QCOMPARE(m_wire->send("PUT", kScim + QStringLiteral("/Users/") + id, replace).status, 400);

        // The permission changes reached the audit trail.
        r = m_wire->get(QStringLiteral("/audit/api/1/events?type=access_control&intervalInHours=1"));
        QCOMPARE(r.status, 200);
        int changes = 0;
        for (const QJsonValue &e : r.json().value(QStringLiteral("response")).toArray())
            if (e.toObject().value(QStringLiteral("objectId")).toString() == id)
                ++changes;
        QCOMPARE(changes, 3); // add ws3, remove ws2, PUT removing all
    }

    void integrationUsers()
    {
        QVERIFY(startWire({}));
        Reply me = m_wire->get(QStringLiteral("/2/0/users/me"));
        QCOMPARE(me.status, 200);
        const QJsonObject user = me.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("demo@anadesk.test"));
        const QString scimId = m_wire->get(kScim + QStringLiteral("/Users?filter=") + enc(QStringLiteral("userName eq \"demo@anadesk.test\"")))
                                   .json().value(QStringLiteral("Resources")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(user.value(QStringLiteral("id")).toString(), scimId);
        QCOMPARE(m_wire->get(QStringLiteral("/2/0/users/") + scimId).json().value(QStringLiteral("user")).toObject(), user);
        QCOMPARE(m_wire->get(QStringLiteral("/2/0/users/0123456789abcdef0123456789abcdef")).status, 404);

        Reply list = m_wire->get(QStringLiteral("/2/0/users?limit=50&offset=0&sort=%2BlastName"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject()
                     .value(QStringLiteral("totalSize")).toInt(), 2'000);
        const QJsonArray users = list.json().value(QStringLiteral("users")).toArray();
        QCOMPARE(users.size(), 50);
        for (int i = 1; i < users.size(); ++i)
            QVERIFY(users.at(i - 1).toObject().value(QStringLiteral("lastName")).toString().compare(
                        users.at(i).toObject().value(QStringLiteral("lastName")).toString(), Qt::CaseInsensitive) <= 0);
        QCOMPARE(m_wire->get(QStringLiteral("/2/0/users?sort=lastName")).status, 400); // the prefix is required
        QCOMPARE(m_wire->get(QStringLiteral("/2/0/users?sort=%2Bshoe")).status, 400);
        Reply search = m_wire->get(QStringLiteral("/2/0/users?s=planner"));
        QCOMPARE(search.json().value(QStringLiteral("users")).toArray().at(0).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("planner@anadesk.test"));
    }

    // ---- Audit ---------------------------------------------------------------------------------------

    void auditWindowsAndPaging()
    {
        QVERIFY(startWire({}));
        Reply r = m_wire->get(QStringLiteral("/audit/api/1/events?intervalInHours=721"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("FAILURE_BAD_REQUEST"));
        QVERIFY(r.json().value(QStringLiteral("statusMessage")).toString().contains(QStringLiteral("30 days")));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 day = 24LL * 3600 * 1000;
        r = m_wire->get(QStringLiteral("/audit/api/1/events?dateFrom=%1&dateTo=%2").arg(now - 31 * day).arg(now));
        QCOMPARE(r.status, 400);
        r = m_wire->get(QStringLiteral("/audit/api/1/events?intervalInHours=abc"));
        QCOMPARE(r.status, 400);

        // 30 days (720 hours, what anaplan-sdk sends for days_into_past=30), paged by 500: all, once each, in order.
        r = m_wire->get(QStringLiteral("/audit/api/1/events?type=all&intervalInHours=720&limit=0"));
        QCOMPARE(r.status, 200);
        const int total = r.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject()
                              .value(QStringLiteral("totalSize")).toInt();
        QVERIFY2(total > 2'000, qPrintable(QString::number(total)));
        QSet<qint64> ids;
        QSet<QString> types;
        qint64 previous = 0;
        for (int offset = 0; offset < total; offset += 500) {
            const Reply page = m_wire->get(QStringLiteral("/audit/api/1/events?intervalInHours=720&limit=500&offset=%1").arg(offset));
            QCOMPARE(page.status, 200);
            const QJsonObject paging = page.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject();
            QCOMPARE(paging.value(QStringLiteral("offSet")).toInt(), offset);
            QCOMPARE(paging.contains(QStringLiteral("nextOffset")), offset + 500 < total);
            for (const QJsonValue &v : page.json().value(QStringLiteral("response")).toArray()) {
                const QJsonObject e = v.toObject();
                const qint64 id = qint64(e.value(QStringLiteral("id")).toDouble());
                QVERIFY(!ids.contains(id));
                ids.insert(id);
                const qint64 when = qint64(e.value(QStringLiteral("eventDate")).toDouble());
                QVERIFY(when >= previous && when > now - 30 * day - 60'000 && when <= QDateTime::currentMSecsSinceEpoch());
                previous = when;
                types.insert(e.value(QStringLiteral("eventTypeId")).toString().section(QLatin1Char('-'), 0, 0));
                QCOMPARE(e.value(QStringLiteral("tenantId")).toString().size(), 32);
            }
        }
        QCOMPARE(ids.size(), total);
        for (const char *prefix : {"USR", "AUTHZ", "INT", "CONN", "COMMENT", "BYOK", "PLANIQ", "FCST"})
            QVERIFY2(types.contains(QLatin1String(prefix)), prefix);
        qInfo("FIGURE: audit_events_30d=%d audit_types=%lld", total, qint64(types.size()));

        // The type filter selects by prefix; an unknown type means all.
        r = m_wire->get(QStringLiteral("/audit/api/1/events?type=user_activity&limit=10000"));
        const QJsonArray userEvents = r.json().value(QStringLiteral("response")).toArray();
        QVERIFY(!userEvents.isEmpty());
        for (const QJsonValue &v : userEvents)
            QVERIFY(v.toObject().value(QStringLiteral("eventTypeId")).toString().startsWith(QStringLiteral("USR-")));
        QCOMPARE(m_wire->get(QStringLiteral("/audit/api/1/events?type=nonsense&limit=0")).json().value(QStringLiteral("meta"))
                     .toObject().value(QStringLiteral("paging")).toObject().value(QStringLiteral("totalSize")).toInt(),
                 total);
        // A shorter window holds fewer events; CEF text is unpaged, one line per event.
        const int lastDay = m_wire->get(QStringLiteral("/audit/api/1/events?intervalInHours=24&limit=0")).json()
                                .value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject()
                                .value(QStringLiteral("totalSize")).toInt();
        QVERIFY(lastDay > 0 && lastDay < total);
        const Reply cef = m_wire->call("GET", QStringLiteral("/audit/api/1/events?intervalInHours=24&limit=1"), {},
                                       {{"Accept", "text/plain"}});
        QCOMPARE(cef.status, 200);
        const QList<QByteArray> lines = cef.body.trimmed().split('\n');
        QCOMPARE(lines.size(), lastDay);
        QVERIFY(lines.constFirst().contains("CEF:0|Anaplan, Inc.||null|"));
        // POST /events/search with an interval body.
        r = m_wire->post(QStringLiteral("/audit/api/1/events/search?limit=0"), {{QStringLiteral("interval"), 24}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject()
                     .value(QStringLiteral("totalSize")).toInt(), lastDay);
        QCOMPARE(m_wire->post(QStringLiteral("/audit/api/1/events/search"), {{QStringLiteral("interval"), 800}}).status, 400);
    }

    // ---- CloudWorks ----------------------------------------------------------------------------------

    void cloudWorksConnections()
    {
        QVERIFY(startWire({}));
        Reply r = m_wire->get(kCw + QStringLiteral("/connections"));
        QCOMPARE(r.status, 200);
        const QJsonArray seeded = r.json().value(QStringLiteral("connections")).toArray();
        QCOMPARE(seeded.size(), 5);
        for (const QJsonValue &v : seeded)
            for (const char *key : {"connectionId", "connectionType", "body", "creationDate", "modificationDate", "createdBy",
                                    "modifiedBy", "status", "integrationErrorCode", "workspaceId"})
                QVERIFY2(v.toObject().contains(QLatin1String(key)), key);
        QVERIFY(!r.body.contains("secret") && !r.body.contains("sasToken"));

        const QJsonObject azure{{QStringLiteral("type"), QStringLiteral("AzureBlob")},
                                {QStringLiteral("body"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Blob")},
                                                                     {QStringLiteral("storageAccountName"), QStringLiteral("acc")},
                                                                     {QStringLiteral("containerName"), QStringLiteral("c")},
                                                                     {QStringLiteral("sasToken"), QStringLiteral("sv=2024&sig=tok")},
                                                                     {QStringLiteral("authMethod"), QStringLiteral("SAS-based")}}}};
        r = m_wire->post(kCw + QStringLiteral("/connections"), azure);
        QCOMPARE(r.status, 200);
        const QString id = r.json().value(QStringLiteral("connections")).toObject().value(QStringLiteral("connectionId")).toString();
        QCOMPARE(id.size(), 32);
        QCOMPARE(r.json().value(QStringLiteral("connectionId")).toString(), id); // the spec's top-level key too
        QCOMPARE(m_wire->post(kCw + QStringLiteral("/connections"), azure).status, 400); // name taken
        QJsonObject noAuth = azure;
        QJsonObject body = azure.value(QStringLiteral("body")).toObject();
        body.remove(QStringLiteral("authMethod"));
        body.insert(QStringLiteral("name"), QStringLiteral("Other"));
        noAuth.insert(QStringLiteral("body"), body);
        QCOMPARE(m_wire->post(kCw + QStringLiteral("/connections"), noAuth).status, 400);

        QCOMPARE(m_wire->send("PATCH", kCw + QStringLiteral("/connections/") + id, {{QStringLiteral("name"), QStringLiteral("Renamed Blob")}}).status, 200);
        QCOMPARE(connectionIdNamed(QStringLiteral("Renamed Blob")), id);
        // PUT is a full replacement: a missing required field is refused; an "invalid" SAS makes status 0.
        QCOMPARE(m_wire->send("PUT", kCw + QStringLiteral("/connections/") + id, {{QStringLiteral("name"), QStringLiteral("x")}}).status, 400);
        QJsonObject replacement = azure.value(QStringLiteral("body")).toObject();
        replacement.insert(QStringLiteral("sasToken"), QStringLiteral("invalid-token"));
        QCOMPARE(m_wire->send("PUT", kCw + QStringLiteral("/connections/") + id, replacement).status, 200);
        for (const QJsonValue &v : m_wire->get(kCw + QStringLiteral("/connections")).json().value(QStringLiteral("connections")).toArray())
            if (v.toObject().value(QStringLiteral("connectionId")).toString() == id)
                QCOMPARE(v.toObject().value(QStringLiteral("status")).toInt(), 0);
        QCOMPARE(m_wire->call("DELETE", kCw + QStringLiteral("/connections/") + id).status, 200);
        QCOMPARE(m_wire->call("DELETE", kCw + QStringLiteral("/connections/") + id).status, 404);
        // A connection an integration uses cannot go.
        QCOMPARE(m_wire->call("DELETE", kCw + QStringLiteral("/connections/") + connectionIdNamed(QStringLiteral("Finance S3 Landing"))).status, 409);
    }

    void cloudWorksPageCapAndSort()
    {
        QVERIFY(startWire({}));
        const QString s3 = connectionIdNamed(QStringLiteral("Finance S3 Landing"));
        QVERIFY(!s3.isEmpty());
        const int created = 260;
        for (int n = 0; n < created; ++n) {
            const QJsonObject input{{QStringLiteral("name"), QStringLiteral("Bulk %1").arg((n * 7919) % created, 3, 10, QLatin1Char('0'))},
                                    {QStringLiteral("version"), QStringLiteral("2.0")},
                                    {QStringLiteral("workspaceId"), kWs1},
                                    {QStringLiteral("modelId"), kModel},
                                    {QStringLiteral("nuxVisible"), false},
                                    {QStringLiteral("jobs"), QJsonArray{s3ImportJob(s3, QStringLiteral("112000000001"), QStringLiteral("113000000001"))}}};
            const Reply r = m_wire->post(kCw, input);
            QCOMPARE(r.status, 200);
        }
        Reply r = m_wire->get(kCw + QStringLiteral("?limit=5000&sortBy=name"));
        QCOMPARE(r.status, 200);
        const QJsonObject paging = r.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging")).toObject();
        const int total = paging.value(QStringLiteral("totalSize")).toInt();
        QCOMPARE(total, created + 12);
        QCOMPARE(paging.value(QStringLiteral("currentPageSize")).toInt(), 250); // silently capped
        QCOMPARE(r.json().value(QStringLiteral("integrations")).toArray().size(), 250);
        QCOMPARE(r.json().value(QStringLiteral("meta")).toObject().value(QStringLiteral("tenantMaxAllowed")).toInt(), 1000);
        QCOMPARE(m_wire->get(kCw).json().value(QStringLiteral("integrations")).toArray().size(), 25); // default page

        // Walking by the reported page size, sorted by name both ways: every integration once, in order.
        for (const QString &sort : {QStringLiteral("name"), QStringLiteral("-name")}) {
            QStringList names;
            QSet<QString> ids;
            for (int offset = 0; offset < total; offset += 250) {
                const Reply page = m_wire->get(kCw + QStringLiteral("?limit=5000&offset=%1&sortBy=%2").arg(offset).arg(sort));
                for (const QJsonValue &v : page.json().value(QStringLiteral("integrations")).toArray()) {
                    names.append(v.toObject().value(QStringLiteral("name")).toString());
                    ids.insert(v.toObject().value(QStringLiteral("integrationId")).toString());
                }
            }
            QCOMPARE(ids.size(), total);
            for (int k = 1; k < names.size(); ++k) {
                const int c = names.at(k - 1).compare(names.at(k), Qt::CaseInsensitive);
                QVERIFY2(sort == QLatin1String("name") ? c <= 0 : c >= 0, qPrintable(names.at(k - 1) + QStringLiteral(" / ") + names.at(k)));
            }
        }
        QCOMPARE(m_wire->get(kCw + QStringLiteral("?sortBy=%2Bname")).status, 400);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("?myIntegrations=1&limit=250")).json().value(QStringLiteral("meta")).toObject()
                     .value(QStringLiteral("paging")).toObject().value(QStringLiteral("totalSize")).toInt(),
                 created + 12 - 2); // two seeded ones belong to Paula Planner
        qInfo("FIGURE: cloudworks_integrations=%d page_cap=250 transport=%s", total, qPrintable(m_wire->name()));
    }

    void cloudWorksIntegrationValidation()
    {
        QVERIFY(startWire({}));
        const QString s3 = connectionIdNamed(QStringLiteral("Finance S3 Landing"));
        QJsonObject input{{QStringLiteral("name"), QStringLiteral("Numbers")},
                          {QStringLiteral("version"), QStringLiteral("2.0")},
                          {QStringLiteral("workspaceId"), kWs1},
                          {QStringLiteral("modelId"), kModel}};
        QJsonObject job = s3ImportJob(s3, QStringLiteral("112000000001"), QStringLiteral("113000000001"));
        QJsonObject target = job.value(QStringLiteral("targets")).toArray().at(0).toObject();
        target.insert(QStringLiteral("actionId"), 112000000001.0); // a number: refused
        job.insert(QStringLiteral("targets"), QJsonArray{target});
        input.insert(QStringLiteral("jobs"), QJsonArray{job});
        Reply r = m_wire->post(kCw, input);
        QCOMPARE(r.status, 400);
        QVERIFY(r.json().value(QStringLiteral("status")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("string")));
        input.insert(QStringLiteral("jobs"), QJsonArray{s3ImportJob(s3, QStringLiteral("112000000001"), QStringLiteral("113000000000"))});
        QCOMPARE(m_wire->post(kCw, input).status, 400); // not the import's data source
        input.insert(QStringLiteral("jobs"), QJsonArray{s3ImportJob(s3, QStringLiteral("112999999999"), QStringLiteral("113000000001"))});
        QCOMPARE(m_wire->post(kCw, input).status, 400);
        input.insert(QStringLiteral("workspaceId"), kWs2);
        input.insert(QStringLiteral("jobs"), QJsonArray{s3ImportJob(s3, QStringLiteral("112000000001"), QStringLiteral("113000000001"))});
        QCOMPARE(m_wire->post(kCw, input).status, 400); // model not in that workspace
        input.insert(QStringLiteral("workspaceId"), kWs1);
        input.insert(QStringLiteral("version"), QStringLiteral("1.0"));
        QCOMPARE(m_wire->post(kCw, input).status, 400);
        input.insert(QStringLiteral("version"), QStringLiteral("2.0"));
        r = m_wire->post(kCw, input);
        QCOMPARE(r.status, 200);
        const QString id = r.json().value(QStringLiteral("integration")).toObject().value(QStringLiteral("integrationId")).toString();

        // Process integration (processId only) and detail view without integrationType.
        const QJsonObject process{{QStringLiteral("name"), QStringLiteral("Process only")},
                                  {QStringLiteral("version"), QStringLiteral("2.0")},
                                  {QStringLiteral("workspaceId"), kWs1},
                                  {QStringLiteral("modelId"), kModel},
                                  {QStringLiteral("processId"), QStringLiteral("118000000001")}};
        r = m_wire->post(kCw, process);
        QCOMPARE(r.status, 200);
        r = m_wire->get(kCw + QLatin1Char('/') + id);
        QCOMPARE(r.status, 200);
        const QJsonObject detail = r.json().value(QStringLiteral("integration")).toObject();
        QVERIFY(!detail.contains(QStringLiteral("integrationType")));
        QCOMPARE(detail.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
        const QJsonObject source = detail.value(QStringLiteral("jobs")).toArray().at(0).toObject()
                                       .value(QStringLiteral("sources")).toArray().at(0).toObject();
        QCOMPARE(source.value(QStringLiteral("connectionName")).toString(), QStringLiteral("Finance S3 Landing"));
        QCOMPARE(source.value(QStringLiteral("isConnectionDeleted")).toBool(), false);
        QVERIFY(!detail.value(QStringLiteral("notificationId")).toString().isEmpty()); // created with the integration

        input.insert(QStringLiteral("name"), QStringLiteral("Numbers renamed"));
        QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id, input).status, 200);
        QCOMPARE(integrationIdNamed(QStringLiteral("Numbers renamed")), id);
        QCOMPARE(m_wire->call("DELETE", kCw + QLatin1Char('/') + id).status, 200);
        QCOMPARE(m_wire->get(kCw + QLatin1Char('/') + id).status, 404);
    }

    void cloudWorksRunLifeCycle()
    {
        QVERIFY(startWire({600, 0, {}}));
        // The partly failing import: running, then partial success with an error dump.
        const QString errors = integrationIdNamed(QStringLiteral("Load Sales with Errors (S3)"));
        QVERIFY(!errors.isEmpty());
        Reply r = m_wire->call("POST", kCw + QLatin1Char('/') + errors + QStringLiteral("/run"));
        QCOMPARE(r.status, 200);
        const QString runId = r.json().value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(runId.size(), 32);
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + errors + QStringLiteral("/run")).status, 409);
        QCOMPARE(m_wire->call("DELETE", kCw + QLatin1Char('/') + errors).status, 409);
        QStringList messages;
        const QJsonObject done = waitForRun(runId, &messages);
        QVERIFY(!done.isEmpty());
        QCOMPARE(messages.constFirst(), QStringLiteral("Running"));
        QCOMPARE(done.value(QStringLiteral("executionErrorCode")).toInt(), 38);
        QCOMPARE(done.value(QStringLiteral("integrationId")).toString(), errors);
        r = m_wire->get(kCw + QStringLiteral("/runerror/") + runId);
        QCOMPARE(r.status, 200);
        const QJsonObject runError = r.json().value(QStringLiteral("runs")).toObject();
        const QJsonObject message = runError.value(QStringLiteral("errorMessages")).toArray().at(0).toObject();
        QCOMPARE(message.value(QStringLiteral("actionId")).toString(), QStringLiteral("112000000006"));
        QCOMPARE(message.value(QStringLiteral("failureDumpGenerated")).toBool(), true);
        for (const QString &path : {QStringLiteral("/dumps"), QStringLiteral("/dump")}) {
            r = m_wire->get(kCw + QStringLiteral("/run/") + runId + path);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.startsWith("\"_Status_\""));
            QCOMPARE(r.body.count('\n'), 5);
        }
        r = m_wire->get(kCw + QStringLiteral("/runs/") + errors);
        QCOMPARE(r.status, 200);
        const QJsonObject history = r.json().value(QStringLiteral("history_of_runs")).toObject();
        QCOMPARE(history.value(QStringLiteral("runs")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(), runId);
        QCOMPARE(history.value(QStringLiteral("totalRuns")).toInt(), history.value(QStringLiteral("runs")).toArray().size());
        QVERIFY(history.value(QStringLiteral("totalRuns")).toInt() > 1); // seeded history too

        // A successful run: runerror is {} and there is no dump.
        const QString clean = integrationIdNamed(QStringLiteral("Load Products from Azure"));
        const QString cleanRun = m_wire->call("POST", kCw + QLatin1Char('/') + clean + QStringLiteral("/run")).json()
                                     .value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(waitForRun(cleanRun).value(QStringLiteral("success")).toBool(), true);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/runerror/") + cleanRun).json().value(QStringLiteral("runs")).toObject(), QJsonObject());
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/") + cleanRun + QStringLiteral("/dumps")).status, 404);

        // Expired credentials: full failure, code 35, no dump.
        const QString broken = integrationIdNamed(QStringLiteral("Legacy Regions Load (expired keys)"));
        const QString brokenRun = m_wire->call("POST", kCw + QLatin1Char('/') + broken + QStringLiteral("/run")).json()
                                      .value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        const QJsonObject failed = waitForRun(brokenRun);
        QCOMPARE(failed.value(QStringLiteral("success")).toBool(), false);
        QCOMPARE(failed.value(QStringLiteral("executionErrorCode")).toInt(), 35);

        // Process run: the nested import's dump is at /process/import/{actionId}/dumps.
        const QString process = integrationIdNamed(QStringLiteral("Load Sales with Errors (process)"));
        const QString processRun = m_wire->call("POST", kCw + QLatin1Char('/') + process + QStringLiteral("/run")).json()
                                       .value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!waitForRun(processRun).isEmpty());
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/") + processRun + QStringLiteral("/process/import/112000000006/dumps")).status, 200);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/") + processRun + QStringLiteral("/process/import/112000000000/dumps")).status, 404);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/") + processRun + QStringLiteral("/dumps")).status, 404);

        // Cancel: only while running.
        const QString cancelRun = m_wire->call("POST", kCw + QLatin1Char('/') + clean + QStringLiteral("/run")).json()
                                      .value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + clean + QStringLiteral("/cancel")).status, 200);
        QCOMPARE(waitForRun(cancelRun).value(QStringLiteral("message")).toString(), QStringLiteral("Cancelled"));
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + clean + QStringLiteral("/cancel")).status, 409);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/0123456789abcdef0123456789abcdef")).status, 404);
        qInfo("FIGURE: run_states_seen=%lld", qint64(messages.size()));
    }

    void cloudWorksSchedules()
    {
        QVERIFY(startWire({}));
        const QString id = integrationIdNamed(QStringLiteral("Load Products from Azure"));
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        const QString later = QDateTime::currentDateTimeUtc().date().addYears(2).toString(Qt::ISODate);
        const auto schedule = [&](QJsonObject s) {
            s.insert(QStringLiteral("name"), QStringLiteral("s"));
            s.insert(QStringLiteral("timezone"), QStringLiteral("Europe/Paris"));
            s.insert(QStringLiteral("startDate"), today);
            s.insert(QStringLiteral("endDate"), later);
            return QJsonObject{{QStringLiteral("integrationId"), id}, {QStringLiteral("schedule"), s}};
        };
        const QList<QJsonObject> valid = {
            {{QStringLiteral("type"), QStringLiteral("hourly")}, {QStringLiteral("fromTime"), QStringLiteral("08:00")},
             {QStringLiteral("toTime"), QStringLiteral("18:00")}, {QStringLiteral("daysOfWeek"), QJsonArray{1, 2}}},
            {{QStringLiteral("type"), QStringLiteral("daily")}, {QStringLiteral("time"), QStringLiteral("12:00")},
             {QStringLiteral("daysOfWeek"), QJsonArray{0, 2, 5}}},
            {{QStringLiteral("type"), QStringLiteral("weekly")}, {QStringLiteral("time"), QStringLiteral("12:45")},
             {QStringLiteral("daysOfWeek"), QJsonArray{0, 6}}},
            {{QStringLiteral("type"), QStringLiteral("monthly_specific_day")}, {QStringLiteral("time"), QStringLiteral("01:00")},
             {QStringLiteral("dayOfMonth"), 12}},
            {{QStringLiteral("type"), QStringLiteral("monthly_relative_weekday")}, {QStringLiteral("time"), QStringLiteral("23:59")},
             {QStringLiteral("dayOfWeek"), 2}, {QStringLiteral("repeatEvery"), 5}}};
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule/status/enabled")).status, 404);
        QCOMPARE(m_wire->post(kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), schedule(valid.at(0))).status, 200);
        QCOMPARE(m_wire->post(kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), schedule(valid.at(0))).status, 400);
        for (const QJsonObject &s : valid) {
            QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), schedule(s)).status, 200);
            const QJsonObject got = m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject()
                                        .value(QStringLiteral("schedule")).toObject();
            QCOMPARE(got.value(QStringLiteral("type")).toString(), s.value(QStringLiteral("type")).toString());
            QCOMPARE(got.value(QStringLiteral("status")).toString(), QStringLiteral("Active"));
            for (const char *key : {"toTime", "fromTime", "daysOfWeek", "repeatEvery", "startDate", "endDate", "timezone"})
                QVERIFY2(got.contains(QLatin1String(key)), key);
        }
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule/status/disabled")).status, 200);
        QCOMPARE(m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject()
                     .value(QStringLiteral("schedule")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("Inactive"));
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule/status/paused")).status, 400);

        QJsonObject badZone = valid.at(1);
        badZone.insert(QStringLiteral("timezone"), QStringLiteral("Europe/Berlin"));
        QJsonObject wrapped = schedule(valid.at(1));
        QJsonObject inner = wrapped.value(QStringLiteral("schedule")).toObject();
        inner.insert(QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")); // not in CloudWorks' list
        wrapped.insert(QStringLiteral("schedule"), inner);
        QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), wrapped).status, 400);
        inner.insert(QStringLiteral("timezone"), QStringLiteral("Asia/Tokyo"));
        inner.insert(QStringLiteral("time"), QStringLiteral("25:00"));
        wrapped.insert(QStringLiteral("schedule"), inner);
        QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), wrapped).status, 400);
        inner.insert(QStringLiteral("time"), QStringLiteral("10:00"));
        inner.insert(QStringLiteral("startDate"), QStringLiteral("2001-01-01"));
        wrapped.insert(QStringLiteral("schedule"), inner);
        QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), wrapped).status, 400);
        QJsonObject weeklyNoDays = valid.at(2);
        weeklyNoDays.remove(QStringLiteral("daysOfWeek"));
        QCOMPARE(m_wire->send("PUT", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule"), schedule(weeklyNoDays)).status, 400);

        QCOMPARE(m_wire->call("DELETE", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule")).status, 200);
        QCOMPARE(m_wire->call("DELETE", kCw + QLatin1Char('/') + id + QStringLiteral("/schedule")).status, 404);
        QVERIFY(!m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject().contains(QStringLiteral("schedule")));
    }

    void cloudWorksNotifications()
    {
        QVERIFY(startWire({}));
        const QString id = integrationIdNamed(QStringLiteral("Export Sales to Azure"));
        const QJsonObject integration = m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject();
        const QString existing = integration.value(QStringLiteral("notificationId")).toString();
        Reply r = m_wire->get(kCw + QStringLiteral("/notification/") + existing);
        QCOMPARE(r.status, 200);
        const QJsonObject config = r.json().value(QStringLiteral("notifications")).toObject();
        const QJsonObject firstUser = config.value(QStringLiteral("notifications")).toObject().value(QStringLiteral("config"))
                                          .toArray().at(0).toObject().value(QStringLiteral("users")).toArray().at(0).toObject();
        QCOMPARE(firstUser.value(QStringLiteral("firstName")).toString(), QStringLiteral("Demo"));
        const QString userGuid = firstUser.value(QStringLiteral("userGuid")).toString();

        QJsonObject input{{QStringLiteral("integrationIds"), QJsonArray{id}},
                          {QStringLiteral("channels"), QJsonArray{QStringLiteral("in_app"), QStringLiteral("email")}},
                          {QStringLiteral("notifications"),
                           QJsonObject{{QStringLiteral("config"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("success")},
                                                                                         {QStringLiteral("users"), QJsonArray{userGuid}}}}}}}};
        QCOMPARE(m_wire->post(kCw + QStringLiteral("/notification"), input).status, 400); // already has one
        QCOMPARE(m_wire->send("PUT", kCw + QStringLiteral("/notification/") + existing, input).status, 200);
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/notification/") + existing).json().value(QStringLiteral("notifications")).toObject()
                     .value(QStringLiteral("channels")).toArray().size(), 2);
        QJsonObject empty = input;
        empty.insert(QStringLiteral("channels"), QJsonArray());
        QCOMPARE(m_wire->send("PUT", kCw + QStringLiteral("/notification/") + existing, empty).status, 400);
        QCOMPARE(m_wire->call("DELETE", kCw + QStringLiteral("/notification/") + existing).status, 200);
        QVERIFY(!m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject().contains(QStringLiteral("notificationId")));
        r = m_wire->post(kCw + QStringLiteral("/notification"), input);
        QCOMPARE(r.status, 200);
        const QString created = r.json().value(QStringLiteral("notification")).toObject().value(QStringLiteral("notificationId")).toString();
        QCOMPARE(r.json().value(QStringLiteral("notificationId")).toString(), created);
        QCOMPARE(m_wire->get(kCw + QLatin1Char('/') + id).json().value(QStringLiteral("integration")).toObject()
                     .value(QStringLiteral("notificationId")).toString(), created);
        QJsonObject strangers = input;
        strangers.insert(QStringLiteral("integrationIds"), QJsonArray{integrationIdNamed(QStringLiteral("Export Sales to BigQuery"))});
        QCOMPARE(m_wire->send("PUT", kCw + QStringLiteral("/notification/") + created, strangers).status, 400);
    }

    void cloudWorksFlows()
    {
        QVERIFY(startWire({300, 0, {}}));
        Reply r = m_wire->get(kFlows);
        QCOMPARE(r.status, 200);
        QString pipeline;
        for (const QJsonValue &v : r.json().value(QStringLiteral("integrationFlows")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Nightly Sales Pipeline"))
                pipeline = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!pipeline.isEmpty());
        r = m_wire->get(kFlows + QLatin1Char('/') + pipeline);
        QCOMPARE(r.status, 200);
        const QJsonArray steps = r.json().value(QStringLiteral("integrationFlow")).toObject().value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 3);
        for (const char *key : {"referrer", "name", "type", "createdBy", "createdDate", "modifiedDate", "modelId",
                                "workspaceId", "dependsOn", "isSkipped", "exceptionBehavior"})
            QVERIFY2(steps.at(1).toObject().contains(QLatin1String(key)), key);
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("dependsOn")).toArray().at(0).toString(),
                 steps.at(0).toObject().value(QStringLiteral("referrer")).toString());

        // Run only the second step: exactly one new run, of that integration, attributed to the flow.
        const QString only = steps.at(1).toObject().value(QStringLiteral("referrer")).toString();
        const int before0 = m_wire->get(kCw + QStringLiteral("/runs/") + steps.at(0).toObject().value(QStringLiteral("referrer")).toString())
                                .json().value(QStringLiteral("history_of_runs")).toObject().value(QStringLiteral("totalRuns")).toInt();
        const int before1 = m_wire->get(kCw + QStringLiteral("/runs/") + only).json().value(QStringLiteral("history_of_runs")).toObject()
                                .value(QStringLiteral("totalRuns")).toInt();
        r = m_wire->post(kFlows + QLatin1Char('/') + pipeline + QStringLiteral("/run"), {{QStringLiteral("stepsToRun"), QJsonArray{only}}});
        QCOMPARE(r.status, 200);
        const QString flowRun = r.json().value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(m_wire->post(kFlows + QLatin1Char('/') + pipeline + QStringLiteral("/run"), {}).status, 409);
        QCOMPARE(m_wire->call("POST", kCw + QLatin1Char('/') + only + QStringLiteral("/run")).status, 409);
        const QJsonObject flowDone = waitForRun(flowRun);
        QCOMPARE(flowDone.value(QStringLiteral("flowGroupId")).toString(), pipeline);
        QCOMPARE(flowDone.value(QStringLiteral("success")).toBool(), true);
        const QJsonObject history1 = m_wire->get(kCw + QStringLiteral("/runs/") + only).json().value(QStringLiteral("history_of_runs")).toObject();
        QCOMPARE(history1.value(QStringLiteral("totalRuns")).toInt(), before1 + 1);
        QCOMPARE(history1.value(QStringLiteral("runs")).toArray().at(0).toObject().value(QStringLiteral("triggerSource")).toString(),
                 QStringLiteral("manual_inf"));
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/runs/") + steps.at(0).toObject().value(QStringLiteral("referrer")).toString())
                     .json().value(QStringLiteral("history_of_runs")).toObject().value(QStringLiteral("totalRuns")).toInt(),
                 before0);
        QCOMPARE(m_wire->post(kFlows + QLatin1Char('/') + pipeline + QStringLiteral("/run"),
                              {{QStringLiteral("stepsToRun"), QJsonArray{QStringLiteral("not-a-step")}}}).status, 400);

        // Error demo flow: the partial step continues (default strategy), the whole flow runs both steps.
        QString errorFlow;
        for (const QJsonValue &v : m_wire->get(kFlows).json().value(QStringLiteral("integrationFlows")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Error Demo Flow"))
                errorFlow = v.toObject().value(QStringLiteral("id")).toString();
        r = m_wire->call("POST", kFlows + QLatin1Char('/') + errorFlow + QStringLiteral("/run"));
        QCOMPARE(r.status, 200);
        const QJsonObject errorDone = waitForRun(r.json().value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(errorDone.value(QStringLiteral("executionErrorCode")).toInt(), 38);
        const QJsonObject flowDetail = m_wire->get(kFlows + QLatin1Char('/') + errorFlow).json().value(QStringLiteral("integrationFlow")).toObject();
        for (const QJsonValue &s : flowDetail.value(QStringLiteral("steps")).toArray())
            QVERIFY(s.toObject().contains(QStringLiteral("latestRun")));

        // Create, update, delete; validation of steps.
        const QString a = integrationIdNamed(QStringLiteral("Export Sales to BigQuery"));
        const QString b = integrationIdNamed(QStringLiteral("Run Sales Optimizer"));
        const auto step = [](const QString &referrer, const QStringList &dependsOn) {
            QJsonObject s{{QStringLiteral("type"), QStringLiteral("Integration")},
                          {QStringLiteral("referrer"), referrer},
                          {QStringLiteral("isSkipped"), false},
                          {QStringLiteral("exceptionBehavior"),
                           QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("failure")}, {QStringLiteral("strategy"), QStringLiteral("stop")}}}}};
            if (!dependsOn.isEmpty())
                s.insert(QStringLiteral("dependsOn"), QJsonArray::fromStringList(dependsOn));
            return s;
        };
        QJsonObject flow{{QStringLiteral("name"), QStringLiteral("Test flow")},
                         {QStringLiteral("version"), QStringLiteral("2.0")},
                         {QStringLiteral("type"), QStringLiteral("IntegrationFlow")},
                         {QStringLiteral("steps"), QJsonArray{step(a, {}), step(b, {a})}}};
        r = m_wire->post(kFlows, flow);
        QCOMPARE(r.status, 200);
        const QString flowId = r.json().value(QStringLiteral("integrationFlow")).toObject().value(QStringLiteral("integrationFlowId")).toString();
        QCOMPARE(m_wire->call("DELETE", kCw + QLatin1Char('/') + a).status, 409); // used by the flow
        QJsonObject oneStep = flow;
        oneStep.insert(QStringLiteral("steps"), QJsonArray{step(a, {})});
        QCOMPARE(m_wire->post(kFlows, oneStep).status, 400);
        QJsonObject loop = flow;
        loop.insert(QStringLiteral("steps"), QJsonArray{step(a, {b}), step(b, {a})});
        QCOMPARE(m_wire->post(kFlows, loop).status, 400);
        flow.insert(QStringLiteral("name"), QStringLiteral("Test flow renamed"));
        QCOMPARE(m_wire->send("PUT", kFlows + QLatin1Char('/') + flowId, flow).status, 200);
        QCOMPARE(m_wire->get(kFlows + QLatin1Char('/') + flowId).json().value(QStringLiteral("integrationFlow")).toObject()
                     .value(QStringLiteral("name")).toString(), QStringLiteral("Test flow renamed"));
        QCOMPARE(m_wire->call("DELETE", kFlows + QLatin1Char('/') + flowId).status, 200);
        QCOMPARE(m_wire->get(kFlows + QLatin1Char('/') + flowId).status, 404);
    }

    void persistence()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(startWire({400, 0, dir.path()}));
        const QJsonObject input{{QStringLiteral("schemas"), QJsonArray{kUserSchema}},
                                {QStringLiteral("userName"), QStringLiteral("kept@anadesk.test")},
                                {QStringLiteral("name"), QJsonObject{{QStringLiteral("familyName"), QStringLiteral("Kept")},
                                                                     {QStringLiteral("givenName"), QStringLiteral("Still")}}}};
        const QString userId = m_wire->post(kScim + QStringLiteral("/Users"), input).json().value(QStringLiteral("id")).toString();
        const QJsonObject connection{{QStringLiteral("type"), QStringLiteral("AmazonS3")},
                                     {QStringLiteral("body"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Kept S3")},
                                                                          {QStringLiteral("accessKeyId"), QStringLiteral("AKIAEXAMPLE")},
                                                                          {QStringLiteral("secretAccessKey"), QStringLiteral("do-not-store-me")},
                                                                          {QStringLiteral("bucketName"), QStringLiteral("b")}}}};
        QCOMPARE(m_wire->post(kCw + QStringLiteral("/connections"), connection).status, 200);
        const QString clean = integrationIdNamed(QStringLiteral("Load Products from Azure"));
        const QString runId = m_wire->call("POST", kCw + QLatin1Char('/') + clean + QStringLiteral("/run")).json()
                                  .value(QStringLiteral("run")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!waitForRun(runId).isEmpty());
        QCOMPARE(m_wire->send("PATCH", kCw + QStringLiteral("/connections/") + connectionIdNamed(QStringLiteral("Kept S3")),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Kept S3 (renamed)")}}).status,
                 200); // a modifiedBy and a modification date to keep
        // Every saved field of connections, integrations, runs and flows comes back (cloudworks.json round trip).
        const QString flowId = m_wire->get(kFlows).json().value(QStringLiteral("integrationFlows")).toArray().first()
                                   .toObject().value(QStringLiteral("id")).toString();
        const auto cloudState = [&] {
            return QJsonObject{{QStringLiteral("connections"), m_wire->get(kCw + QStringLiteral("/connections")).json()
                                                                   .value(QStringLiteral("connections"))},
                               {QStringLiteral("integrations"), m_wire->get(kCw + QStringLiteral("?limit=250")).json()
                                                                    .value(QStringLiteral("integrations"))},
                               {QStringLiteral("history"), m_wire->get(kCw + QStringLiteral("/runs/") + clean).json()
                                                               .value(QStringLiteral("history_of_runs"))},
                               {QStringLiteral("flows"), m_wire->get(kFlows + QStringLiteral("?limit=250")).json()
                                                             .value(QStringLiteral("integrationFlows"))},
                               {QStringLiteral("flow"), m_wire->get(kFlows + QLatin1Char('/') + flowId).json()
                                                            .value(QStringLiteral("integrationFlow"))}};
        };
        const QJsonObject before = cloudState();

        QVERIFY(startWire({400, 0, dir.path()})); // restart on the same data
        QCOMPARE(cloudState(), before);
        QCOMPARE(m_wire->get(kScim + QStringLiteral("/Users/") + userId).status, 200);
        QVERIFY(!connectionIdNamed(QStringLiteral("Kept S3 (renamed)")).isEmpty());
        QCOMPARE(m_wire->get(kCw + QStringLiteral("/run/") + runId).json().value(QStringLiteral("run")).toObject()
                     .value(QStringLiteral("success")).toBool(), true);
        for (const QString &file : {QStringLiteral("cloudworks.json"), QStringLiteral("scim.json"), QStringLiteral("audit.json")}) {
            QFile f(dir.filePath(file));
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
            QVERIFY2(!f.readAll().contains("do-not-store-me"), qPrintable(file)); // no secret on disk
        }
        m_wire.reset();
    }
};

QTEST_GUILESS_MAIN(TestSandboxCloud)
#include "tst_SandboxCloud.moc"
