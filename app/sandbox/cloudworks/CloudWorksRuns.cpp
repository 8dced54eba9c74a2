// Runs of the sandbox's CloudWorks: what a run ends with (decided at start from what it moves), and how
// it looks while running and after. A run lasts SandboxConfig::taskDurationMs; its state is derived from
// the clock like the bulk tasks' (no timers): running while now < end, then finished with its outcome.
#include "CloudWorks.h"

#include "tenant/TenantState.h"

#include <QUuid>

namespace sandbox::cloudworks {

namespace {

// The import of the seeded models whose file has failing rows (docs/sandbox.md).
const QString kFailingImport = QStringLiteral("112000000006");

QJsonObject detail(const QString &text, const QString &type, int occurrences = 0, const QStringList &values = {})
{
    return {{QStringLiteral("localMessageText"), text},
            {QStringLiteral("occurrences"), occurrences},
            {QStringLiteral("type"), type},
            {QStringLiteral("values"), QJsonArray::fromStringList(values)}};
}

QString failingImportDump()
{
    // Anaplan's dump format: every field quoted, _Status_, the file's columns, _Line_, _Error_1_.
    return QStringLiteral(
        "\"_Status_\",\"Products\",\"Regions\",\"Units\",\"Price\",\"Notes\",\"_Line_\",\"_Error_1_\"\n"
        "\"E\",\"Laptop\",\"Atlantis\",\"12\",\"799\",\"\",\"3\",\"Item not located in Regions list: Atlantis\"\n"
        "\"E\",\"Monitor\",\"North\",\"twelve\",\"199\",\"\",\"4\",\"Invalid number: twelve\"\n"
        "\"E\",\"Teleporter\",\"South\",\"3\",\"9999\",\"\",\"5\",\"Item not located in Products list: Teleporter\"\n"
        "\"E\",\"Office Suite\",\"East\",\"5\",\"1,5\",\"\",\"6\",\"Invalid number: 1,5\"\n");
}

QString upperHexId()
{
    return QUuid::createUuid().toString(QUuid::Id128).toUpper();
}

} // namespace

RunOutcome CloudWorks::outcomeFor(const IntegrationRecord &integration) const
{
    RunOutcome outcome;
    ModelInfo model;
    if (m_tenant.model(integration.modelId, &model)) {
        outcome.success = false;
        outcome.message = QStringLiteral("Anaplan model was deleted");
        outcome.errorCode = 39;
        return outcome;
    }
    ModelContent content;
    const bool haveContent = !m_tenant.content(integration.workspaceId, integration.modelId, &content);
    const auto actionName = [&](const QString &id) {
        for (const ImportRecord &i : content.imports)
            if (i.id == id)
                return i.name;
        for (const ExportRecord &e : content.exports)
            if (e.id == id)
                return e.name;
        for (const ProcessRecord &p : content.processes)
            if (p.id == id)
                return p.name;
        return id;
    };
    if (model.record.activeState == QLatin1String("ARCHIVED") || !haveContent) {
        outcome.success = false;
        outcome.message = QStringLiteral("Anaplan model %1 is archived; unarchive it to run integrations")
                              .arg(model.record.name);
        outcome.errorCode = 39;
        return outcome;
    }

    // A connection whose credentials are refused fails the whole run, before any action (no task, no dump).
    QStringList actions;
    for (const QJsonValue &jobValue : integration.jobs) {
        const QJsonObject job = jobValue.toObject();
        QString actionId;
        for (const QString &side : {QStringLiteral("sources"), QStringLiteral("targets")})
            for (const QJsonValue &end : job.value(side).toArray()) {
                const QJsonObject e = end.toObject();
                if (e.contains(QStringLiteral("actionId")))
                    actionId = e.value(QStringLiteral("actionId")).toString();
            }
        actions.append(actionId);
        for (const QString &side : {QStringLiteral("sources"), QStringLiteral("targets")})
            for (const QJsonValue &end : job.value(side).toArray()) {
                const QString connectionId = end.toObject().value(QStringLiteral("connectionId")).toString();
                if (connectionId.isEmpty())
                    continue;
                const ConnectionRecord *connection = nullptr;
                for (const ConnectionRecord &c : m_connections)
                    if (c.id == connectionId)
                        connection = &c;
                if (connection && connection->status == 1)
                    continue;
                const QString text =
                    connection ? QStringLiteral("Connection '%1' failed: %2 refused its credentials (error %3); update "
                                                "the connection.")
                                     .arg(connection->name(), connection->type)
                                     .arg(connection->errorCode)
                               : QStringLiteral("Connection %1 was deleted").arg(connectionId);
                outcome.success = false;
                outcome.message = text;
                outcome.errorCode = 35;
                outcome.errorMessages.append(QJsonObject{
                    {QStringLiteral("errorMessage"), QJsonArray{QJsonObject{{QStringLiteral("localMessageText"), text}}}},
                    {QStringLiteral("actionId"), actionId},
                    {QStringLiteral("actionName"), actionName(actionId)},
                    {QStringLiteral("failureDumpGenerated"), false}});
                return outcome;
            }
    }

    // Imports that run: the jobs' imports, or every import step of the process.
    QStringList imports = actions;
    if (!integration.processId.isEmpty())
        for (const ProcessRecord &p : content.processes)
            if (p.id == integration.processId)
                imports = p.steps;
    if (imports.contains(kFailingImport)) {
        const QString name = actionName(kFailingImport);
        outcome.success = true; // partial success: success with row counts and code 38 (cloudworks-openapi.json)
        outcome.errorCode = 38;
        outcome.message = integration.processId.isEmpty()
                              ? QStringLiteral("%1: 1 (1/5) rows successful, 4 failed").arg(name)
                              : QStringLiteral("Process %1 completed with errors: %2: 1 (1/5) rows successful, 4 failed")
                                    .arg(actionName(integration.processId), name);
        outcome.taskId = upperHexId();
        outcome.errorMessages.append(QJsonObject{
            {QStringLiteral("errorMessage"),
             QJsonArray{detail(QStringLiteral("Sales: 1 (1/5) rows successful, 0 ignored"),
                               QStringLiteral("moduleRowsProcessed"), 0,
                               {QStringLiteral("successRowCount"), QStringLiteral("1"), QStringLiteral("failedRowCount"),
                                QStringLiteral("4")}),
                        detail(QStringLiteral("4 rows failed; first: Item not located in Regions list: Atlantis"),
                               QStringLiteral("rowsFailed"), 4)}},
            {QStringLiteral("actionId"), kFailingImport},
            {QStringLiteral("actionName"), name},
            {QStringLiteral("failureDumpGenerated"), true}});
        outcome.dumps.insert(kFailingImport, failingImportDump());
    }
    return outcome;
}

RunRecord CloudWorks::startRun(const IntegrationRecord &integration, const Actor &who, const QString &source,
                               qint64 start)
{
    RunRecord run;
    run.id = newId();
    run.traceId = newId();
    run.integrationId = integration.id;
    run.triggeredBy = who.displayName;
    run.triggerSource = source;
    run.start = start;
    run.end = start + std::max(0, m_config.taskDurationMs);
    run.outcome = outcomeFor(integration);
    return run;
}

bool CloudWorks::isRunning(const QString &integrationId, qint64 at) const
{
    // Also busy when a flow run will still start it (its run lies in the future).
    for (const RunRecord &r : m_runs)
        if (r.integrationId == integrationId && at < r.finishedAt())
            return true;
    return false;
}

const RunRecord *CloudWorks::latestStartedRun(const QString &integrationId, qint64 at) const
{
    const RunRecord *latest = nullptr;
    for (const RunRecord &r : m_runs)
        if (r.integrationId == integrationId && r.start <= at && (!latest || r.start >= latest->start))
            latest = &r;
    return latest;
}

QJsonObject CloudWorks::latestRunJson(const RunRecord &run, qint64 at) const
{
    const bool finished = at >= run.finishedAt();
    const bool cancelled = run.cancelledAt >= 0;
    QJsonObject o{{QStringLiteral("triggeredBy"), run.triggeredBy},
                  {QStringLiteral("startDate"), isoMs(run.start)},
                  {QStringLiteral("success"), finished && !cancelled && run.outcome.success},
                  {QStringLiteral("message"), !finished ? QStringLiteral("Running")
                                              : cancelled ? QStringLiteral("Cancelled")
                                                          : run.outcome.message},
                  {QStringLiteral("executionErrorCode"), finished && !cancelled && run.outcome.errorCode >= 0
                                                             ? QJsonValue(run.outcome.errorCode)
                                                             : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("triggerSource"), run.triggerSource}};
    if (finished)
        o.insert(QStringLiteral("endDate"), isoMs(run.finishedAt()));
    return o;
}

QJsonObject CloudWorks::runSummaryJson(const RunRecord &run, qint64 at) const
{
    QJsonObject o = latestRunJson(run, at);
    o.insert(QStringLiteral("id"), run.id);
    o.insert(QStringLiteral("traceId"), run.traceId);
    // lastRun: epoch seconds of the end (of the start while the run is still going).
    o.insert(QStringLiteral("lastRun"), double((at >= run.finishedAt() ? run.finishedAt() : run.start) / 1000));
    return o;
}

QJsonObject CloudWorks::runStatusJson(const RunRecord &run, qint64 at) const
{
    QJsonObject o = latestRunJson(run, at);
    o.insert(QStringLiteral("id"), run.id);
    o.insert(QStringLiteral("integrationId"), run.integrationId);
    o.insert(QStringLiteral("traceId"), run.traceId);
    o.insert(QStringLiteral("creationDate"), isoMs(run.start));
    o.insert(QStringLiteral("modificationDate"), isoMs(at >= run.finishedAt() ? run.finishedAt() : run.start));
    o.insert(QStringLiteral("createdBy"), run.triggeredBy);
    o.insert(QStringLiteral("modifiedBy"), run.triggeredBy);
    o.insert(QStringLiteral("flowGroupId"), run.flowId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(run.flowId));
    return o;
}

const FlowRunRecord *CloudWorks::latestFlowRun(const QString &flowId, qint64 at) const
{
    const FlowRunRecord *latest = nullptr;
    for (const FlowRunRecord &r : m_flowRuns)
        if (r.flowId == flowId && r.start <= at && (!latest || r.start >= latest->start))
            latest = &r;
    return latest;
}

bool CloudWorks::flowRunActive(const FlowRunRecord &run, qint64 at) const
{
    return run.cancelledAt < 0 && at < run.end;
}

} // namespace sandbox::cloudworks
