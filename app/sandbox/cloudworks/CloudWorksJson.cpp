// JSON views of the sandbox's CloudWorks records, in the shapes of cloudworks-openapi.json and the models
// anaplan-sdk validates (anaplan-api.md §11).
#include "CloudWorks.h"

#include "scim/ScimDirectory.h"

#include <QDateTime>

namespace sandbox::cloudworks {

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// Flow steps use another date style: "YYYY-MM-DD HH:MM:SS.ffffff+00:00" (cloudworks-openapi.json).
QString stepDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) +
           QStringLiteral("000+00:00");
}

} // namespace

QJsonObject CloudWorks::connectionJson(const ConnectionRecord &c) const
{
    return {{QStringLiteral("connectionId"), c.id},
            {QStringLiteral("connectionType"), c.type},
            {QStringLiteral("body"), c.info},
            {QStringLiteral("creationDate"), isoMs(c.created)},
            {QStringLiteral("modificationDate"), isoMs(c.modified)},
            {QStringLiteral("createdBy"), c.createdBy},
            {QStringLiteral("modifiedBy"), nullable(c.modifiedBy)},
            {QStringLiteral("status"), c.status},
            {QStringLiteral("integrationErrorCode"), c.errorCode < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(c.errorCode)},
            {QStringLiteral("workspaceId"), nullable(c.workspaceId)},
            {QStringLiteral("authMethod"), nullable(c.info.value(QStringLiteral("authMethod")).toString())}};
}

QJsonObject CloudWorks::scheduleJson(const IntegrationRecord &i) const
{
    QJsonObject s = i.schedule;
    // anaplan-sdk's Schedule model requires every one of these keys, so they are always sent.
    if (!s.contains(QStringLiteral("daysOfWeek")))
        s.insert(QStringLiteral("daysOfWeek"), QJsonArray());
    if (!s.contains(QStringLiteral("fromTime")))
        s.insert(QStringLiteral("fromTime"), s.value(QStringLiteral("time")));
    if (!s.contains(QStringLiteral("toTime")))
        s.insert(QStringLiteral("toTime"), s.value(QStringLiteral("time")));
    if (!s.contains(QStringLiteral("repeatEvery")))
        s.insert(QStringLiteral("repeatEvery"), 1);
    s.insert(QStringLiteral("status"), i.scheduleEnabled ? QStringLiteral("Active") : QStringLiteral("Inactive"));
    return s;
}

QJsonObject CloudWorks::integrationJson(const IntegrationRecord &i, bool detail, qint64 at) const
{
    QJsonObject o{{QStringLiteral("integrationId"), i.id},
                  {QStringLiteral("name"), i.name},
                  {QStringLiteral("workspaceId"), i.workspaceId},
                  {QStringLiteral("modelId"), i.modelId},
                  {QStringLiteral("createdBy"), i.createdBy},
                  {QStringLiteral("creationDate"), isoMs(i.created)},
                  {QStringLiteral("modificationDate"), isoMs(i.modified)},
                  {QStringLiteral("modifiedBy"), nullable(i.modifiedBy)},
                  {QStringLiteral("nuxVisible"), i.nuxVisible}};
    // anaplan-sdk: "the integration type is not included in the details of a single integration".
    if (!detail)
        o.insert(QStringLiteral("integrationType"), i.type);
    if (!i.processId.isEmpty())
        o.insert(QStringLiteral("processId"), i.processId);
    if (!i.notificationId.isEmpty())
        o.insert(QStringLiteral("notificationId"), i.notificationId);
    if (const RunRecord *run = latestStartedRun(i.id, at))
        o.insert(QStringLiteral("latestRun"), latestRunJson(*run, at));
    if (!i.schedule.isEmpty())
        o.insert(QStringLiteral("schedule"), scheduleJson(i));
    if (detail) {
        o.insert(QStringLiteral("version"), QStringLiteral("2.0"));
        QJsonArray jobs;
        for (const QJsonValue &jobValue : i.jobs) {
            QJsonObject job = jobValue.toObject();
            for (const QString &side : {QStringLiteral("sources"), QStringLiteral("targets")}) {
                QJsonArray enriched;
                for (const QJsonValue &endValue : job.value(side).toArray()) {
                    QJsonObject end = endValue.toObject();
                    const QString connectionId = end.value(QStringLiteral("connectionId")).toString();
                    if (!connectionId.isEmpty()) {
                        const ConnectionRecord *connection = nullptr;
                        for (const ConnectionRecord &c : m_connections)
                            if (c.id == connectionId)
                                connection = &c;
                        end.insert(QStringLiteral("connectionName"), connection ? connection->name() : QString());
                        end.insert(QStringLiteral("isConnectionDeleted"), connection == nullptr);
                        if (connection && connection->type != QLatin1String("GoogleBigQuery"))
                            end.insert(QStringLiteral("bucketName"),
                                       connection->info.value(connection->type == QLatin1String("AmazonS3")
                                                                  ? QStringLiteral("bucketName")
                                                                  : QStringLiteral("containerName")));
                        if (side == QLatin1String("targets") && !end.contains(QStringLiteral("overwrite")))
                            end.insert(QStringLiteral("overwrite"), !end.contains(QStringLiteral("table")));
                    }
                    enriched.append(end);
                }
                job.insert(side, enriched);
            }
            jobs.append(job);
        }
        o.insert(QStringLiteral("jobs"), jobs);
    }
    return o;
}

QJsonObject CloudWorks::notificationJson(const NotificationRecord &n) const
{
    QJsonArray config;
    for (const QJsonValue &itemValue : n.config) {
        const QJsonObject item = itemValue.toObject();
        QJsonArray users;
        for (const QJsonValue &u : item.value(QStringLiteral("users")).toArray()) {
            const std::optional<scim::Person> p = m_directory.personById(u.toString());
            users.append(QJsonObject{{QStringLiteral("userGuid"), u.toString()},
                                     {QStringLiteral("firstName"), p ? p->givenName : QString()},
                                     {QStringLiteral("lastName"), p ? p->familyName : QString()}});
        }
        config.append(QJsonObject{{QStringLiteral("type"), item.value(QStringLiteral("type"))},
                                  {QStringLiteral("users"), users}});
    }
    return {{QStringLiteral("notificationId"), n.id},
            {QStringLiteral("integrationIds"), QJsonArray::fromStringList(n.integrationIds)},
            {QStringLiteral("channels"), QJsonArray::fromStringList(n.channels)},
            {QStringLiteral("notifications"), QJsonObject{{QStringLiteral("config"), config}}}};
}

QJsonObject CloudWorks::flowJson(const FlowRecord &f, bool detail, qint64 at) const
{
    QJsonObject o{{QStringLiteral("id"), f.id},
                  {QStringLiteral("name"), f.name},
                  {QStringLiteral("createdBy"), f.createdBy},
                  {QStringLiteral("creationDate"), isoMs(f.created)},
                  {QStringLiteral("modificationDate"), isoMs(f.modified)},
                  {QStringLiteral("modifiedBy"), nullable(f.modifiedBy)},
                  {QStringLiteral("nuxVisible"), f.nuxVisible},
                  {QStringLiteral("stepsCount"), int(f.steps.size())}};
    if (const FlowRunRecord *run = latestFlowRun(f.id, at)) {
        const bool finished = !flowRunActive(*run, at);
        QJsonObject latest{{QStringLiteral("triggeredBy"), run->triggeredBy},
                           {QStringLiteral("startDate"), isoMs(run->start)},
                           {QStringLiteral("success"), finished && run->success},
                           {QStringLiteral("message"), finished ? run->message : QStringLiteral("Running")},
                           {QStringLiteral("executionErrorCode"),
                            finished && run->errorCode >= 0 ? QJsonValue(run->errorCode) : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("triggerSource"), QStringLiteral("manual")}};
        if (finished)
            latest.insert(QStringLiteral("endDate"), isoMs(run->cancelledAt >= 0 ? run->cancelledAt : run->end));
        o.insert(QStringLiteral("latestRun"), latest);
    }
    if (!detail)
        return o;
    o.insert(QStringLiteral("version"), QStringLiteral("2.0"));
    QJsonArray steps;
    for (const FlowStepRecord &s : f.steps) {
        const IntegrationRecord *integration = nullptr;
        for (const IntegrationRecord &i : m_integrations)
            if (i.id == s.referrer)
                integration = &i;
        QJsonObject step{{QStringLiteral("referrer"), s.referrer},
                         {QStringLiteral("name"), integration ? integration->name : QString()},
                         {QStringLiteral("type"), integration ? integration->type : QString()},
                         {QStringLiteral("createdBy"), s.createdBy},
                         {QStringLiteral("createdDate"), stepDate(s.created)},
                         {QStringLiteral("modifiedDate"), stepDate(s.modified)},
                         {QStringLiteral("modifiedBy"), QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("modelId"), integration ? integration->modelId : QString()},
                         {QStringLiteral("workspaceId"), integration ? integration->workspaceId : QString()},
                         {QStringLiteral("dependsOn"), QJsonArray::fromStringList(s.dependsOn)},
                         {QStringLiteral("isSkipped"), s.isSkipped},
                         {QStringLiteral("exceptionBehavior"), s.exceptionBehavior}};
        const RunRecord *latest = nullptr;
        for (const RunRecord &r : m_runs)
            if (r.integrationId == s.referrer && r.flowId == f.id && r.start <= at)
                latest = &r;
        if (latest)
            step.insert(QStringLiteral("latestRun"), latestRunJson(*latest, at));
        steps.append(step);
    }
    o.insert(QStringLiteral("steps"), steps);
    return o;
}

} // namespace sandbox::cloudworks
