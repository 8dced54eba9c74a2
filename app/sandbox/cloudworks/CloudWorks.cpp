#include "CloudWorks.h"

#include "audit/AuditLog.h"
#include "scim/ScimDirectory.h"
#include "tenant/TenantState.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>

namespace sandbox::cloudworks {

namespace {

const QString kSchemaBase = QStringLiteral("https://api.cloudworks.anaplan.com/1/0/integrations/objects/");

QJsonObject statusOk()
{
    return {{QStringLiteral("code"), 200}, {QStringLiteral("message"), QStringLiteral("Success")}};
}

HttpResponse ok(QJsonObject body = {})
{
    body.insert(QStringLiteral("status"), statusOk());
    return HttpResponse::json(200, body);
}

// CloudWorks' error envelope: {"status":{"code":404,"message":"…"}} (cloudworks-openapi.json ErrorStatus).
HttpResponse error(int code, const QString &message)
{
    return HttpResponse::json(
        code, {{QStringLiteral("status"),
                QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

bool body(const HttpRequest &request, QJsonObject *out, HttpResponse *failure, bool optional = false)
{
    if (optional && request.body.trimmed().isEmpty())
        return true;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject()) {
        *failure = error(
            400, request.body.trimmed().isEmpty()
                     ? QStringLiteral("The request needs a JSON object body.")
                     : QStringLiteral("The body is not a JSON object: %1.").arg(parseError.errorString()));
        return false;
    }
    *out = doc.object();
    return true;
}

// The record of that id in a QList of records (connections, integrations, flows), or records.end().
template <typename Records> auto findById(Records &records, const QString &id)
{
    return std::find_if(records.begin(), records.end(), [&](const auto &r) { return r.id == id; });
}

HttpResponse notFound(const QString &what, const QString &id)
{
    return error(404, QStringLiteral("No %1 with id '%2'.").arg(what, id));
}

// Integrations and flows together are limited per tenant (meta.tenantMaxAllowed): 409 at the limit.
bool tenantFull(qsizetype count, HttpResponse *refusal)
{
    if (count < CloudWorks::kTenantMaxAllowed)
        return false;
    *refusal = error(
        409, QStringLiteral("The tenant already has %1 integrations and flows, its maximum; delete some "
                            "first.")
                 .arg(CloudWorks::kTenantMaxAllowed));
    return true;
}

// Who made a new record and when; its new id.
template <typename Record, typename Who>
void stampNew(Record &record, const Who &who, const QString &id, qint64 at)
{
    record.id = id;
    record.createdBy = who.displayName;
    if constexpr (requires { record.createdByEmail; })
        record.createdByEmail = who.email;
    record.created = record.modified = at;
}

// Who changed a record and when.
template <typename Record, typename Who> void stampChange(Record &record, const Who &who, qint64 at)
{
    record.modifiedBy = who.displayName;
    record.modified = at;
}

struct Paging
{
    qint64 offset = 0;
    qint64 limit = 0;
};

// offset/limit: non-negative whole numbers; a missing limit means `fallback`, and no page exceeds the cap.
bool paging(const HttpRequest &request, qint64 fallback, Paging *out, HttpResponse *failure)
{
    out->offset = 0;
    out->limit = fallback;
    for (const QString &key : {QStringLiteral("offset"), QStringLiteral("limit")}) {
        if (!request.hasQuery(key))
            continue;
        bool isNumber = false;
        const qint64 v = request.queryValue(key).toLongLong(&isNumber);
        if (!isNumber || v < 0 || (key == QLatin1String("limit") && v < 1)) {
            *failure = error(
                400, QStringLiteral("%1 must be a whole number of at least %2 (got '%3').")
                         .arg(key, key == QLatin1String("limit") ? QStringLiteral("1") : QStringLiteral("0"),
                              request.queryValue(key)));
            return false;
        }
        (key == QLatin1String("offset") ? out->offset : out->limit) = v;
    }
    out->limit = std::min<qint64>(out->limit, CloudWorks::kPageCap);
    return true;
}

QJsonArray page(const QJsonArray &all, const Paging &p)
{
    QJsonArray out;
    for (qint64 i = p.offset; i < all.size() && i < p.offset + p.limit; ++i)
        out.append(all.at(i));
    return out;
}

QJsonObject pagingMeta(qint64 pageSize, qint64 total, qint64 offset)
{
    return {{QStringLiteral("currentPageSize"), double(pageSize)},
            {QStringLiteral("totalSize"), double(total)},
            {QStringLiteral("offset"), double(offset)}};
}

} // namespace

CloudWorks::CloudWorks(const SandboxConfig &config, TenantState &tenant, scim::ScimDirectory &directory,
                       audit::AuditLog *audit, NowMs clock)
    : m_config(config)
    , m_tenant(tenant)
    , m_directory(directory)
    , m_audit(audit)
    , m_clock(std::move(clock))
{
    if (!load()) {
        seed();
        QMutexLocker lock(&m_mutex);
        saveLocked();
    }
}

CloudWorks::~CloudWorks() = default;

qint64 CloudWorks::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString CloudWorks::newId() const
{
    return QUuid::createUuid().toString(QUuid::Id128); // 32 lower-case hex
}

CloudWorks::Actor CloudWorks::actor(const HttpRequest &request) const
{
    Actor who{request.user, request.user, scim::ScimDirectory::idForUserName(request.user)};
    if (const auto p = m_directory.personByEmail(request.user))
        who.displayName = p->displayName();
    return who;
}

void CloudWorks::recordAudit(const QString &type, const Actor &who, const QString &objectId,
                             const QString &objectType, const QString &message) const
{
    if (m_audit)
        m_audit->record(type, who.id, objectId, objectType, message, {});
}

void CloudWorks::saveAndAudit(const QString &type, const Actor &who, const QString &objectId,
                              const QString &objectType, const QString &message)
{
    saveLocked();
    recordAudit(type, who, objectId, objectType, message);
}

int CloudWorks::integrationCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_integrations.size());
}

// ---- connections ---------------------------------------------------------------------------------------

HttpResponse CloudWorks::listConnections(const HttpRequest &request)
{
    Paging p;
    HttpResponse failure;
    if (!paging(request, kPageCap, &p, &failure))
        return failure;
    QMutexLocker lock(&m_mutex);
    QJsonArray all;
    for (const ConnectionRecord &c : std::as_const(m_connections))
        all.append(connectionJson(c));
    const QJsonArray items = page(all, p);
    return ok(
        {{QStringLiteral("connections"), items},
         {QStringLiteral("meta"),
          QJsonObject{{QStringLiteral("paging"), pagingMeta(items.size(), all.size(), p.offset)},
                      {QStringLiteral("schema"), QString(kSchemaBase + QStringLiteral("connections"))}}}});
}

HttpResponse CloudWorks::createConnection(const HttpRequest &request)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    const QString type = in.value(QStringLiteral("type")).toString();
    if (!in.value(QStringLiteral("body")).isObject())
        return error(
            400, QStringLiteral(
                     "A connection is {\"type\": \"AmazonS3|AzureBlob|GoogleBigQuery\", \"body\": {…}}."));
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    ConnectionRecord c;
    if (QString problem = parseConnectionBody(type, in.value(QStringLiteral("body")).toObject(), false, &c);
        !problem.isEmpty())
        return error(400, problem);
    for (const ConnectionRecord &other : std::as_const(m_connections))
        if (other.name().compare(c.name(), Qt::CaseInsensitive) == 0)
            return error(400, QStringLiteral("A connection named '%1' already exists (%2); names are unique.")
                                  .arg(c.name(), other.id));
    stampNew(c, who, newId(), now());
    m_connections.append(c);
    saveAndAudit(QStringLiteral("CONN-1"), who, c.id, QStringLiteral("CONNECTION"),
                 QStringLiteral("CloudWorks connection %1 created").arg(c.name()));
    // The library reads connections.connectionId (one object under the plural key); the spec documents a
    // top-level connectionId: both are sent, as for notifications.
    return ok({{QStringLiteral("connections"), QJsonObject{{QStringLiteral("connectionId"), c.id}}},
               {QStringLiteral("connectionId"), c.id}});
}

HttpResponse CloudWorks::updateConnection(const HttpRequest &request, const QString &id, bool patch)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_connections, id);
    if (it == m_connections.end())
        return notFound(QStringLiteral("connection"), id);
    // The spec wraps the fields as {"type", "body"}; anaplan-sdk sends the body alone. Both are accepted.
    QJsonObject fields =
        in.value(QStringLiteral("body")).isObject() ? in.value(QStringLiteral("body")).toObject() : in;
    if (in.contains(QStringLiteral("type")) && in.value(QStringLiteral("body")).isObject() &&
        in.value(QStringLiteral("type")).toString() != it->type)
        return error(400, QStringLiteral("The connection '%1' is of type %2; its type cannot change to %3.")
                              .arg(it->name(), it->type, in.value(QStringLiteral("type")).toString()));
    ConnectionRecord next = *it;
    if (!patch)
        next.info = QJsonObject();
    if (QString problem = parseConnectionBody(it->type, fields, patch, &next); !problem.isEmpty())
        return error(400, problem);
    for (const ConnectionRecord &other : std::as_const(m_connections))
        if (other.id != id && other.name().compare(next.name(), Qt::CaseInsensitive) == 0)
            return error(
                400,
                QStringLiteral("A connection named '%1' already exists (%2).").arg(next.name(), other.id));
    stampChange(next, who, now());
    *it = next;
    saveAndAudit(QStringLiteral("CONN-2"), who, id, QStringLiteral("CONNECTION"),
                 QStringLiteral("CloudWorks connection %1 updated").arg(next.name()));
    return ok();
}

HttpResponse CloudWorks::deleteConnection(const HttpRequest &request, const QString &id)
{
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_connections, id);
    if (it == m_connections.end())
        return notFound(QStringLiteral("connection"), id);
    for (const IntegrationRecord &i : std::as_const(m_integrations))
        if (QJsonDocument(i.jobs).toJson().contains(id.toUtf8()))
            return error(
                409, QStringLiteral("The connection '%1' is used by integration '%2' (%3); change or delete "
                                    "that integration first.")
                         .arg(it->name(), i.name, i.id));
    const QString name = it->name();
    m_connections.erase(it);
    saveAndAudit(QStringLiteral("CONN-3"), who, id, QStringLiteral("CONNECTION"),
                 QStringLiteral("CloudWorks connection %1 deleted").arg(name));
    return ok();
}

// ---- integrations --------------------------------------------------------------------------------------

HttpResponse CloudWorks::listIntegrations(const HttpRequest &request)
{
    Paging p;
    HttpResponse failure;
    const bool explicitPaging =
        request.hasQuery(QStringLiteral("offset")) || request.hasQuery(QStringLiteral("limit"));
    if (!paging(request, explicitPaging ? kPageCap : kDefaultPage, &p, &failure))
        return failure;
    if (!request.hasQuery(QStringLiteral("limit")))
        p.limit = kDefaultPage;
    const QString sortBy = request.queryValue(QStringLiteral("sortBy"));
    if (!sortBy.isEmpty() && sortBy != QLatin1String("name") && sortBy != QLatin1String("-name"))
        return error(400, QStringLiteral("sortBy '%1' is not supported; use name or -name.").arg(sortBy));
    const QString mine = request.queryValue(QStringLiteral("myIntegrations"));
    if (!mine.isEmpty() && mine != QLatin1String("0") && mine != QLatin1String("1"))
        return error(400, QStringLiteral("myIntegrations must be 0 or 1 (got '%1').").arg(mine));
    QMutexLocker lock(&m_mutex);
    QList<const IntegrationRecord *> selected;
    for (const IntegrationRecord &i : std::as_const(m_integrations))
        if (mine != QLatin1String("1") || i.createdByEmail.compare(request.user, Qt::CaseInsensitive) == 0)
            selected.append(&i);
    if (!sortBy.isEmpty()) {
        const bool descending = sortBy.startsWith(QLatin1Char('-'));
        std::stable_sort(selected.begin(), selected.end(), [descending](const auto *a, const auto *b) {
            int c = a->name.compare(b->name, Qt::CaseInsensitive);
            if (c == 0)
                c = a->id.compare(b->id); // a total order, so pages never overlap
            return descending ? c > 0 : c < 0;
        });
    }
    const qint64 at = now();
    QJsonArray items;
    for (qint64 i = p.offset; i < selected.size() && i < p.offset + p.limit; ++i)
        items.append(integrationJson(*selected.at(i), false, at));
    return ok(
        {{QStringLiteral("integrations"), items},
         {QStringLiteral("meta"),
          QJsonObject{{QStringLiteral("paging"), pagingMeta(items.size(), selected.size(), p.offset)},
                      {QStringLiteral("tenantCurrentCount"), int(m_integrations.size() + m_flows.size())},
                      {QStringLiteral("tenantMaxAllowed"), kTenantMaxAllowed},
                      {QStringLiteral("schema"), QString(kSchemaBase + QStringLiteral("integrations"))}}}});
}

HttpResponse CloudWorks::getIntegration(const HttpRequest &, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    for (const IntegrationRecord &i : std::as_const(m_integrations))
        if (i.id == id)
            return ok({{QStringLiteral("integration"), integrationJson(i, true, now())},
                       {QStringLiteral("meta"),
                        QJsonObject{{QStringLiteral("schema"),
                                     QString(kSchemaBase + QStringLiteral("integration"))}}}});
    return notFound(QStringLiteral("integration"), id);
}

template <typename Record, typename Parse, typename Store>
HttpResponse CloudWorks::createCounted(const HttpRequest &request, Parse parse, Store store)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    if (HttpResponse refused; tenantFull(m_integrations.size() + m_flows.size(), &refused))
        return refused;
    Record record;
    if (QString problem = parse(in, who, &record); !problem.isEmpty())
        return error(400, problem);
    stampNew(record, who, newId(), now());
    return store(who, record);
}

HttpResponse CloudWorks::createIntegration(const HttpRequest &request)
{
    const auto parse = [this](const QJsonObject &in, const Actor &, IntegrationRecord *out) {
        return parseIntegration(in, out);
    };
    return createCounted<IntegrationRecord>(
        request, parse, [this](const Actor &who, IntegrationRecord &integration) {
            // A new integration comes with a notification configuration (anaplan-sdk: creating another one
            // "will error if there is already a notification configuration for the integration, which is also
            // the case by default").
            NotificationRecord notification;
            notification.id = newId();
            notification.integrationIds = {integration.id};
            notification.channels = {QStringLiteral("in_app")};
            notification.config = {QJsonObject{{QStringLiteral("type"), QStringLiteral("full_failure")},
                                               {QStringLiteral("users"), QJsonArray{who.id}}}};
            m_notifications.insert(notification.id, notification);
            integration.notificationId = notification.id;
            m_integrations.append(integration);
            saveAndAudit(QStringLiteral("INT-11"), who, integration.id, QStringLiteral("INTEGRATION"),
                         QStringLiteral("CloudWorks integration %1 created").arg(integration.name));
            return ok({{QStringLiteral("integration"),
                        QJsonObject{{QStringLiteral("integrationId"), integration.id}}}});
        });
}

template <typename Record, typename Parse, typename Afterwards>
HttpResponse CloudWorks::replaceRecord(const HttpRequest &request, QList<Record> &records, const QString &id,
                                       const QString &what, Parse parse, Afterwards afterwards)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(records, id);
    if (it == records.end())
        return notFound(what, id);
    Record next = *it;
    if (QString problem = parse(in, who, &next); !problem.isEmpty())
        return error(400, problem);
    stampChange(next, who, now());
    *it = next;
    saveLocked();
    afterwards(who, next);
    return ok();
}

HttpResponse CloudWorks::updateIntegration(const HttpRequest &request, const QString &id)
{
    return replaceRecord(
        request, m_integrations, id, QStringLiteral("integration"),
        [this](const QJsonObject &in, const Actor &, IntegrationRecord *next) {
            return parseIntegration(in, next);
        },
        [this, &id](const Actor &who, const IntegrationRecord &next) {
            recordAudit(QStringLiteral("INT-11"), who, id, QStringLiteral("INTEGRATION"),
                        QStringLiteral("CloudWorks integration %1 updated").arg(next.name));
        });
}

HttpResponse CloudWorks::deleteIntegration(const HttpRequest &request, const QString &id)
{
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, id);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), id);
    if (isRunning(id, now()))
        return error(409, QStringLiteral("The integration '%1' is running; cancel it or wait for it to end.")
                              .arg(it->name));
    for (const FlowRecord &f : std::as_const(m_flows))
        for (const FlowStepRecord &s : f.steps)
            if (s.referrer == id)
                return error(409, QStringLiteral(
                                      "The integration '%1' is a step of flow '%2' (%3); remove it from the "
                                      "flow first.")
                                      .arg(it->name, f.name, f.id));
    const QString name = it->name;
    m_notifications.remove(it->notificationId);
    m_integrations.erase(it);
    saveAndAudit(QStringLiteral("INT-11"), who, id, QStringLiteral("INTEGRATION"),
                 QStringLiteral("CloudWorks integration %1 deleted").arg(name));
    return ok();
}

HttpResponse CloudWorks::runIntegration(const HttpRequest &request, const QString &id)
{
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, id);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), id);
    const qint64 at = now();
    if (isRunning(id, at))
        return error(
            409, QStringLiteral("The integration '%1' is already running (alone or in a flow); wait for the "
                                "run to end or cancel it.")
                     .arg(it->name));
    ModelInfo model;
    if (m_tenant.model(it->modelId, &model))
        return error(503, QStringLiteral("The integration's model %1 no longer exists (workspace %2).")
                              .arg(it->modelId, it->workspaceId));
    const RunRecord run = startRun(*it, who, QStringLiteral("manual"), at);
    m_runs.append(run);
    saveAndAudit(QStringLiteral("INT-10"), who, id, QStringLiteral("INTEGRATION"),
                 QStringLiteral("CloudWorks integration %1 run").arg(it->name));
    return ok({{QStringLiteral("run"), QJsonObject{{QStringLiteral("id"), run.id}}}});
}

HttpResponse CloudWorks::cancelIntegration(const HttpRequest &request, const QString &id)
{
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, id);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), id);
    const qint64 at = now();
    RunRecord *active = nullptr;
    for (RunRecord &r : m_runs)
        if (r.integrationId == id && r.start <= at && at < r.finishedAt())
            active = &r;
    if (!active)
        return error(
            409,
            QStringLiteral("The integration '%1' is not running; there is nothing to cancel.").arg(it->name));
    active->cancelledAt = at;
    if (!active->flowRunId.isEmpty()) {
        // The flow run stops with it: its later steps never start.
        const QString flowRunId = active->flowRunId;
        m_runs.erase(
            std::remove_if(m_runs.begin(), m_runs.end(),
                           [&](const RunRecord &r) { return r.flowRunId == flowRunId && r.start > at; }),
            m_runs.end());
        for (FlowRunRecord &fr : m_flowRuns)
            if (fr.id == flowRunId) {
                fr.cancelledAt = at;
                fr.success = false;
                fr.message = QStringLiteral("Cancelled");
                fr.runIds.clear();
                for (const RunRecord &r : std::as_const(m_runs))
                    if (r.flowRunId == flowRunId)
                        fr.runIds.append(r.id);
            }
    }
    saveAndAudit(QStringLiteral("INT-10"), who, id, QStringLiteral("INTEGRATION"),
                 QStringLiteral("CloudWorks integration %1 run cancelled").arg(it->name));
    return ok();
}

HttpResponse CloudWorks::runHistory(const HttpRequest &request, const QString &integrationId)
{
    Paging p;
    HttpResponse failure;
    // offset/limit are "required" in the spec, but anaplan-sdk calls without them: then every run (capped).
    if (!paging(request, kPageCap, &p, &failure))
        return failure;
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, integrationId);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), integrationId);
    const qint64 at = now();
    QJsonArray all;
    for (auto r = m_runs.crbegin(); r != m_runs.crend(); ++r) // newest first
        if (r->integrationId == integrationId && r->start <= at)
            all.append(runSummaryJson(*r, at));
    const QJsonArray runs = page(all, p);
    QJsonObject history = integrationJson(*it, false, at);
    history.remove(QStringLiteral("latestRun"));
    history.insert(QStringLiteral("version"), QStringLiteral("2.0"));
    history.insert(QStringLiteral("status"), 1);
    if (!history.contains(QStringLiteral("schedule")))
        history.insert(QStringLiteral("schedule"), QJsonValue(QJsonValue::Null));
    history.insert(QStringLiteral("runs"), runs);
    history.insert(QStringLiteral("totalRuns"), all.size());
    return ok({{QStringLiteral("history_of_runs"), history},
               {QStringLiteral("meta"),
                QJsonObject{{QStringLiteral("paging"), pagingMeta(runs.size(), all.size(), p.offset)},
                            {QStringLiteral("schema"), QString(kSchemaBase + QStringLiteral("runs"))}}}});
}

HttpResponse CloudWorks::runStatus(const HttpRequest &, const QString &runId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    const QJsonObject meta{{QStringLiteral("schema"), QString(kSchemaBase + QStringLiteral("run"))}};
    for (const RunRecord &r : std::as_const(m_runs))
        if (r.id == runId && r.start <= at)
            return ok({{QStringLiteral("run"), runStatusJson(r, at)}, {QStringLiteral("meta"), meta}});
    // A flow run id answers too, with the flow as the "integration" (sandbox choice, docs).
    for (const FlowRunRecord &fr : std::as_const(m_flowRuns))
        if (fr.id == runId) {
            const bool finished = !flowRunActive(fr, at);
            QJsonObject run{{QStringLiteral("id"), fr.id},
                            {QStringLiteral("integrationId"), fr.flowId},
                            {QStringLiteral("traceId"), fr.id},
                            {QStringLiteral("startDate"), isoMs(fr.start)},
                            {QStringLiteral("success"), finished && fr.success},
                            {QStringLiteral("message"), finished ? fr.message : QStringLiteral("Running")},
                            {QStringLiteral("creationDate"), isoMs(fr.start)},
                            {QStringLiteral("modificationDate"),
                             isoMs(finished ? (fr.cancelledAt >= 0 ? fr.cancelledAt : fr.end) : fr.start)},
                            {QStringLiteral("createdBy"), fr.triggeredBy},
                            {QStringLiteral("modifiedBy"), fr.triggeredBy},
                            {QStringLiteral("executionErrorCode"), finished && fr.errorCode >= 0
                                                                       ? QJsonValue(fr.errorCode)
                                                                       : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("flowGroupId"), fr.flowId},
                            {QStringLiteral("triggerSource"), QStringLiteral("manual")}};
            if (finished)
                run.insert(QStringLiteral("endDate"), isoMs(fr.cancelledAt >= 0 ? fr.cancelledAt : fr.end));
            return ok({{QStringLiteral("run"), run}, {QStringLiteral("meta"), meta}});
        }
    return error(404, QStringLiteral("No run with id '%1'.").arg(runId));
}

HttpResponse CloudWorks::runError(const HttpRequest &, const QString &runId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    for (const RunRecord &r : std::as_const(m_runs)) {
        if (r.id != runId || r.start > at)
            continue;
        // Live-tested: {} (not []) for a run without errors; also while it runs or when it was cancelled.
        if (at < r.finishedAt() || r.cancelledAt >= 0 || r.outcome.errorMessages.isEmpty())
            return ok({{QStringLiteral("runs"), QJsonObject()}, {QStringLiteral("meta"), QJsonObject()}});
        return ok(
            {{QStringLiteral("runs"), QJsonObject{{QStringLiteral("id"), r.id},
                                                  {QStringLiteral("taskId"),
                                                   r.outcome.taskId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(r.outcome.taskId)},
                                                  {QStringLiteral("errorMessages"), r.outcome.errorMessages},
                                                  {QStringLiteral("creationDate"), isoMs(r.start)},
                                                  {QStringLiteral("modificationDate"), isoMs(r.finishedAt())},
                                                  {QStringLiteral("createdBy"), r.triggeredBy},
                                                  {QStringLiteral("modifiedBy"), r.triggeredBy}}},
             {QStringLiteral("meta"), QJsonObject()}});
    }
    return error(404, QStringLiteral("No run with id '%1'.").arg(runId));
}

HttpResponse CloudWorks::importDump(const HttpRequest &, const QString &runId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    for (const RunRecord &r : std::as_const(m_runs)) {
        if (r.id != runId || r.start > at)
            continue;
        const IntegrationRecord *integration = nullptr;
        for (const IntegrationRecord &i : std::as_const(m_integrations))
            if (i.id == r.integrationId)
                integration = &i;
        if (integration && !integration->processId.isEmpty())
            return error(404, QStringLiteral("Run %1 is a process run: its dumps are per import, at "
                                             "/integrations/run/%1/process/import/{actionId}/dumps.")
                                  .arg(runId));
        if (at < r.finishedAt() || r.cancelledAt >= 0 || r.outcome.dumps.isEmpty())
            return error(404, QStringLiteral("Run %1 produced no error dump (%2).")
                                  .arg(runId, at < r.finishedAt() ? QStringLiteral("it is still running")
                                                                  : QStringLiteral("no rows failed")));
        return HttpResponse::bytes(200, r.outcome.dumps.first().toUtf8(), "text/csv; charset=utf-8");
    }
    return error(404, QStringLiteral("No run with id '%1'.").arg(runId));
}

HttpResponse CloudWorks::processDump(const HttpRequest &, const QString &runId, const QString &actionId)
{
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    for (const RunRecord &r : std::as_const(m_runs)) {
        if (r.id != runId || r.start > at)
            continue;
        if (at < r.finishedAt() || r.cancelledAt >= 0 || !r.outcome.dumps.contains(actionId))
            return error(
                404, QStringLiteral("Run %1 has no error dump for action %2 (GET /integrations/runerror/%1 "
                                    "lists the actions with failureDumpGenerated).")
                         .arg(runId, actionId));
        return HttpResponse::bytes(200, r.outcome.dumps.value(actionId).toUtf8(), "text/csv; charset=utf-8");
    }
    return error(404, QStringLiteral("No run with id '%1'.").arg(runId));
}

// ---- schedules -----------------------------------------------------------------------------------------

HttpResponse CloudWorks::putSchedule(const HttpRequest &request, const QString &integrationId, bool create)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, integrationId);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), integrationId);
    if (in.contains(QStringLiteral("integrationId")) &&
        in.value(QStringLiteral("integrationId")).toString() != integrationId)
        return error(400, QStringLiteral("The body's integrationId '%1' differs from the path's '%2'.")
                              .arg(in.value(QStringLiteral("integrationId")).toString(), integrationId));
    if (!in.value(QStringLiteral("schedule")).isObject())
        return error(400, QStringLiteral("The body needs a 'schedule' object."));
    if (create && !it->schedule.isEmpty())
        return error(400, QStringLiteral(
                              "The integration '%1' already has a schedule (one per integration); change it "
                              "with PUT or delete it first.")
                              .arg(it->name));
    if (!create && it->schedule.isEmpty())
        return error(404,
                     QStringLiteral("The integration '%1' has no schedule to update; create it with POST.")
                         .arg(it->name));
    QJsonObject schedule;
    if (QString problem = parseSchedule(in.value(QStringLiteral("schedule")).toObject(), now(), &schedule);
        !problem.isEmpty())
        return error(400, problem);
    it->schedule = schedule;
    if (create)
        it->scheduleEnabled = true;
    saveLocked();
    return ok();
}

HttpResponse CloudWorks::deleteSchedule(const HttpRequest &, const QString &integrationId)
{
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, integrationId);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), integrationId);
    if (it->schedule.isEmpty())
        return error(404, QStringLiteral("The integration '%1' has no schedule.").arg(it->name));
    it->schedule = QJsonObject();
    saveLocked();
    return ok();
}

HttpResponse CloudWorks::scheduleStatus(const HttpRequest &, const QString &integrationId,
                                        const QString &status)
{
    if (status != QLatin1String("enabled") && status != QLatin1String("disabled"))
        return error(
            400, QStringLiteral("The schedule status is 'enabled' or 'disabled' (got '%1').").arg(status));
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_integrations, integrationId);
    if (it == m_integrations.end())
        return notFound(QStringLiteral("integration"), integrationId);
    if (it->schedule.isEmpty())
        return error(404, QStringLiteral("The integration '%1' has no schedule to %2.")
                              .arg(it->name, status == QLatin1String("enabled") ? QStringLiteral("enable")
                                                                                : QStringLiteral("disable")));
    it->scheduleEnabled = status == QLatin1String("enabled");
    saveLocked();
    return ok();
}

// ---- notifications -------------------------------------------------------------------------------------

HttpResponse CloudWorks::createNotification(const HttpRequest &request)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    QMutexLocker lock(&m_mutex);
    NotificationRecord n;
    if (QString problem = parseNotification(in, &n); !problem.isEmpty())
        return error(400, problem);
    auto it = findById(m_integrations, n.integrationIds.constFirst());
    if (!it->notificationId.isEmpty())
        return error(400, QStringLiteral(
                              "The integration '%1' already has the notification configuration %2; change it "
                              "with PUT /integrations/notification/%2.")
                              .arg(it->name, it->notificationId));
    n.id = newId();
    m_notifications.insert(n.id, n);
    it->notificationId = n.id;
    saveLocked();
    // anaplan-sdk reads notification.notificationId; the spec shows a top-level notificationId: both are
    // sent.
    return ok({{QStringLiteral("notification"), QJsonObject{{QStringLiteral("notificationId"), n.id}}},
               {QStringLiteral("notificationId"), n.id}});
}

HttpResponse CloudWorks::getNotification(const HttpRequest &, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_notifications.constFind(id);
    if (it == m_notifications.cend())
        return error(404, QStringLiteral("No notification configuration with id '%1'.").arg(id));
    return ok(
        {{QStringLiteral("notifications"), notificationJson(*it)}, {QStringLiteral("meta"), QJsonObject()}});
}

HttpResponse CloudWorks::updateNotification(const HttpRequest &request, const QString &id)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused))
        return refused;
    QMutexLocker lock(&m_mutex);
    auto it = m_notifications.find(id);
    if (it == m_notifications.end())
        return error(404, QStringLiteral("No notification configuration with id '%1'.").arg(id));
    NotificationRecord n;
    if (QString problem = parseNotification(in, &n); !problem.isEmpty())
        return error(400, problem);
    if (n.integrationIds != it->integrationIds)
        return error(400, QStringLiteral("A notification configuration stays with its integration (%1).")
                              .arg(it->integrationIds.join(QStringLiteral(", "))));
    n.id = id;
    *it = n;
    saveLocked();
    return ok();
}

HttpResponse CloudWorks::deleteNotification(const HttpRequest &, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    if (!m_notifications.remove(id))
        return error(404, QStringLiteral("No notification configuration with id '%1'.").arg(id));
    for (IntegrationRecord &i : m_integrations)
        if (i.notificationId == id)
            i.notificationId.clear();
    saveLocked();
    return ok();
}

// ---- integration flows ---------------------------------------------------------------------------------

HttpResponse CloudWorks::listFlows(const HttpRequest &request)
{
    Paging p;
    HttpResponse failure;
    if (!paging(request, kDefaultPage, &p, &failure))
        return failure;
    const QString mine = request.queryValue(QStringLiteral("myIntegrations"));
    if (!mine.isEmpty() && mine != QLatin1String("0") && mine != QLatin1String("1"))
        return error(400, QStringLiteral("myIntegrations must be 0 or 1 (got '%1').").arg(mine));
    QMutexLocker lock(&m_mutex);
    const qint64 at = now();
    QJsonArray all;
    for (const FlowRecord &f : std::as_const(m_flows))
        if (mine != QLatin1String("1") || f.createdByEmail.compare(request.user, Qt::CaseInsensitive) == 0)
            all.append(flowJson(f, false, at));
    const QJsonArray items = page(all, p);
    return ok({{QStringLiteral("integrationFlows"), items},
               {QStringLiteral("meta"),
                QJsonObject{
                    {QStringLiteral("paging"), pagingMeta(items.size(), all.size(), p.offset)},
                    {QStringLiteral("schema"), QString(kSchemaBase + QStringLiteral("integrationflows"))}}}});
}

HttpResponse CloudWorks::getFlow(const HttpRequest &, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    for (const FlowRecord &f : std::as_const(m_flows))
        if (f.id == id)
            return ok({{QStringLiteral("integrationFlow"), flowJson(f, true, now())}});
    return notFound(QStringLiteral("integration flow"), id);
}

HttpResponse CloudWorks::createFlow(const HttpRequest &request)
{
    const auto parse = [this](const QJsonObject &in, const Actor &who, FlowRecord *out) {
        return parseFlow(in, who, out);
    };
    return createCounted<FlowRecord>(request, parse, [this](const Actor &who, const FlowRecord &flow) {
        m_flows.append(flow);
        saveAndAudit(QStringLiteral("INT-11"), who, flow.id, QStringLiteral("INTEGRATION_FLOW"),
                     QStringLiteral("CloudWorks integration flow %1 created").arg(flow.name));
        return ok({{QStringLiteral("integrationFlow"),
                    QJsonObject{{QStringLiteral("integrationFlowId"), flow.id}}}});
    });
}

HttpResponse CloudWorks::updateFlow(const HttpRequest &request, const QString &id)
{
    return replaceRecord(
        request, m_flows, id, QStringLiteral("integration flow"),
        [this](const QJsonObject &in, const Actor &who, FlowRecord *next) {
            return parseFlow(in, who, next);
        },
        [](const Actor &, const FlowRecord &) {});
}

HttpResponse CloudWorks::deleteFlow(const HttpRequest &request, const QString &id)
{
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_flows, id);
    if (it == m_flows.end())
        return notFound(QStringLiteral("integration flow"), id);
    if (const FlowRunRecord *run = latestFlowRun(id, now()); run && flowRunActive(*run, now()))
        return error(409, QStringLiteral("The flow '%1' is running; wait for it to end.").arg(it->name));
    const QString name = it->name;
    m_flows.erase(
        it); // its steps' integrations stay (anaplan-sdk: "This will not delete its contained steps")
    saveAndAudit(QStringLiteral("INT-11"), who, id, QStringLiteral("INTEGRATION_FLOW"),
                 QStringLiteral("CloudWorks integration flow %1 deleted").arg(name));
    return ok();
}

HttpResponse CloudWorks::runFlow(const HttpRequest &request, const QString &id)
{
    QJsonObject in;
    if (HttpResponse refused; !body(request, &in, &refused, true))
        return refused;
    const Actor who = actor(request);
    QMutexLocker lock(&m_mutex);
    auto it = findById(m_flows, id);
    if (it == m_flows.end())
        return notFound(QStringLiteral("integration flow"), id);
    const qint64 at = now();
    if (const FlowRunRecord *run = latestFlowRun(id, at); run && flowRunActive(*run, at))
        return error(409, QStringLiteral("The flow '%1' is already running.").arg(it->name));

    QStringList toRun;
    if (in.contains(QStringLiteral("stepsToRun"))) {
        const QJsonArray requested = in.value(QStringLiteral("stepsToRun")).toArray();
        if (requested.isEmpty())
            return error(
                400, QStringLiteral(
                         "stepsToRun must name at least one step (the referrer ids of the flow's steps)."));
        for (const QJsonValue &v : requested) {
            bool known = false;
            for (const FlowStepRecord &s : it->steps)
                known = known || s.referrer == v.toString();
            if (!known)
                return error(400, QStringLiteral(
                                      "stepsToRun: '%1' is not a step of flow '%2' (steps are named by their "
                                      "referrer, the integration id).")
                                      .arg(v.toVariant().toString(), it->name));
            toRun.append(v.toString());
        }
    } else {
        for (const FlowStepRecord &s : it->steps)
            if (!s.isSkipped)
                toRun.append(s.referrer);
    }
    for (const QString &referrer : std::as_const(toRun))
        if (isRunning(referrer, at))
            return error(409,
                         QStringLiteral("Step %1 of flow '%2' is running already; only one run at a time.")
                             .arg(referrer, it->name));

    // Order: dependencies first, otherwise the flow's own step order.
    QList<const FlowStepRecord *> ordered;
    QSet<QString> placed;
    while (ordered.size() < toRun.size()) {
        bool progressed = false;
        for (const FlowStepRecord &s : it->steps) {
            if (!toRun.contains(s.referrer) || placed.contains(s.referrer))
                continue;
            bool ready = true;
            for (const QString &d : s.dependsOn)
                ready = ready && (placed.contains(d) || !toRun.contains(d));
            if (ready) {
                ordered.append(&s);
                placed.insert(s.referrer);
                progressed = true;
            }
        }
        if (!progressed)
            return error(
                400, QStringLiteral("The steps of flow '%1' depend on each other in a loop.").arg(it->name));
    }

    FlowRunRecord flowRun;
    flowRun.id = newId();
    flowRun.flowId = id;
    flowRun.triggeredBy = who.displayName;
    flowRun.start = at;
    qint64 t = at;
    for (const FlowStepRecord *s : std::as_const(ordered)) {
        const auto integration = findById(std::as_const(m_integrations), s->referrer);
        if (integration == m_integrations.cend())
            continue;
        RunRecord run = startRun(*integration, who, QStringLiteral("manual_inf"), t);
        run.flowRunId = flowRun.id;
        run.flowId = id;
        m_runs.append(run);
        flowRun.runIds.append(run.id);
        t = run.end;
        const bool failed = !run.outcome.success;
        const bool partial = run.outcome.success && run.outcome.errorCode == 38;
        QString strategy = failed ? QStringLiteral("stop") : QStringLiteral("continue");
        for (const QJsonValue &b : s->exceptionBehavior)
            if (b.toObject().value(QStringLiteral("type")).toString() ==
                (failed ? QLatin1String("failure") : QLatin1String("partial_success")))
                strategy = b.toObject().value(QStringLiteral("strategy")).toString();
        if (failed || partial) {
            flowRun.errorCode = run.outcome.errorCode;
            flowRun.success = flowRun.success && !failed;
            flowRun.message = QStringLiteral("Step '%1': %2").arg(integration->name, run.outcome.message);
        }
        if ((failed || partial) && strategy == QLatin1String("stop")) {
            flowRun.success = false;
            flowRun.message += QStringLiteral(" (flow stopped)");
            break;
        }
    }
    flowRun.end = t;
    m_flowRuns.append(flowRun);
    saveAndAudit(QStringLiteral("INT-12"), who, id, QStringLiteral("INTEGRATION_FLOW"),
                 QStringLiteral("CloudWorks integration flow %1 run (%2 steps)")
                     .arg(it->name)
                     .arg(flowRun.runIds.size()));
    return ok({{QStringLiteral("run"), QJsonObject{{QStringLiteral("id"), flowRun.id}}}});
}

} // namespace sandbox::cloudworks
