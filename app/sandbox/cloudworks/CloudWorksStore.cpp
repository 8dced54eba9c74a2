// <dataDir>/cloudworks.json: the CloudWorks state between runs of the sandbox (no credentials in it).
#include "CloudWorks.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace sandbox::cloudworks {

namespace {

constexpr int kFormat = 1;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key, qint64 fallback = 0)
{
    return qint64(o.value(QLatin1String(key)).toDouble(double(fallback)));
}

QJsonObject outcomeToJson(const RunOutcome &o)
{
    QJsonObject dumps;
    for (auto it = o.dumps.cbegin(); it != o.dumps.cend(); ++it)
        dumps.insert(it.key(), it.value());
    return {{QStringLiteral("success"), o.success},     {QStringLiteral("message"), o.message},
            {QStringLiteral("errorCode"), o.errorCode}, {QStringLiteral("errorMessages"), o.errorMessages},
            {QStringLiteral("taskId"), o.taskId},       {QStringLiteral("dumps"), dumps}};
}

RunOutcome outcomeFromJson(const QJsonObject &j)
{
    RunOutcome o;
    o.success = j.value(QStringLiteral("success")).toBool();
    o.message = str(j, "message");
    o.errorCode = int(num(j, "errorCode", -1));
    o.errorMessages = j.value(QStringLiteral("errorMessages")).toArray();
    o.taskId = str(j, "taskId");
    const QJsonObject dumps = j.value(QStringLiteral("dumps")).toObject();
    for (auto it = dumps.begin(); it != dumps.end(); ++it)
        o.dumps.insert(it.key(), it.value().toString());
    return o;
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

// Who made and last changed a record, and when: the "versioned" fields of connections, integrations, flows
// and flow steps (createdByEmail and modifiedBy where the record has them).
template <typename Record> QJsonObject withVersion(QJsonObject o, const Record &r)
{
    o.insert(QStringLiteral("createdBy"), r.createdBy);
    if constexpr (requires { r.createdByEmail; })
        o.insert(QStringLiteral("createdByEmail"), r.createdByEmail);
    if constexpr (requires { r.modifiedBy; })
        o.insert(QStringLiteral("modifiedBy"), r.modifiedBy);
    o.insert(QStringLiteral("created"), double(r.created));
    o.insert(QStringLiteral("modified"), double(r.modified));
    return o;
}

template <typename Record> void readVersion(const QJsonObject &o, Record &r)
{
    r.createdBy = str(o, "createdBy");
    if constexpr (requires { r.createdByEmail; })
        r.createdByEmail = str(o, "createdByEmail");
    if constexpr (requires { r.modifiedBy; })
        r.modifiedBy = str(o, "modifiedBy");
    r.created = num(o, "created");
    r.modified = num(o, "modified");
}

// The id, trigger and times of an integration run or a flow run.
template <typename Run> QJsonObject withTimes(QJsonObject o, const Run &r)
{
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("triggeredBy"), r.triggeredBy);
    o.insert(QStringLiteral("start"), double(r.start));
    o.insert(QStringLiteral("end"), double(r.end));
    o.insert(QStringLiteral("cancelledAt"), double(r.cancelledAt));
    return o;
}

template <typename Run> void readTimes(const QJsonObject &o, Run &r)
{
    r.id = str(o, "id");
    r.triggeredBy = str(o, "triggeredBy");
    r.start = num(o, "start");
    r.end = num(o, "end");
    r.cancelledAt = num(o, "cancelledAt", -1);
}

} // namespace

void CloudWorks::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    QJsonArray connections;
    for (const ConnectionRecord &c : std::as_const(m_connections))
        connections.append(withVersion({{QStringLiteral("id"), c.id},
                                        {QStringLiteral("type"), c.type},
                                        {QStringLiteral("info"), c.info},
                                        {QStringLiteral("workspaceId"), c.workspaceId},
                                        {QStringLiteral("status"), c.status},
                                        {QStringLiteral("errorCode"), c.errorCode}},
                                       c));
    QJsonArray integrations;
    for (const IntegrationRecord &i : std::as_const(m_integrations))
        integrations.append(withVersion({{QStringLiteral("id"), i.id},
                                         {QStringLiteral("name"), i.name},
                                         {QStringLiteral("type"), i.type},
                                         {QStringLiteral("workspaceId"), i.workspaceId},
                                         {QStringLiteral("modelId"), i.modelId},
                                         {QStringLiteral("processId"), i.processId},
                                         {QStringLiteral("nuxVisible"), i.nuxVisible},
                                         {QStringLiteral("jobs"), i.jobs},
                                         {QStringLiteral("notificationId"), i.notificationId},
                                         {QStringLiteral("schedule"), i.schedule},
                                         {QStringLiteral("scheduleEnabled"), i.scheduleEnabled}},
                                        i));
    QJsonArray notifications;
    for (const NotificationRecord &n : std::as_const(m_notifications))
        notifications.append(QJsonObject{{QStringLiteral("id"), n.id},
                                         {QStringLiteral("integrationIds"), strings(n.integrationIds)},
                                         {QStringLiteral("channels"), strings(n.channels)},
                                         {QStringLiteral("config"), n.config}});
    QJsonArray runs;
    for (const RunRecord &r : std::as_const(m_runs))
        runs.append(withTimes({{QStringLiteral("integrationId"), r.integrationId},
                               {QStringLiteral("traceId"), r.traceId},
                               {QStringLiteral("flowRunId"), r.flowRunId},
                               {QStringLiteral("flowId"), r.flowId},
                               {QStringLiteral("triggerSource"), r.triggerSource},
                               {QStringLiteral("outcome"), outcomeToJson(r.outcome)}},
                              r));
    QJsonArray flows;
    for (const FlowRecord &f : std::as_const(m_flows)) {
        QJsonArray steps;
        for (const FlowStepRecord &s : f.steps)
            steps.append(withVersion({{QStringLiteral("referrer"), s.referrer},
                                      {QStringLiteral("dependsOn"), strings(s.dependsOn)},
                                      {QStringLiteral("isSkipped"), s.isSkipped},
                                      {QStringLiteral("exceptionBehavior"), s.exceptionBehavior}},
                                     s));
        flows.append(withVersion({{QStringLiteral("id"), f.id},
                                  {QStringLiteral("name"), f.name},
                                  {QStringLiteral("nuxVisible"), f.nuxVisible},
                                  {QStringLiteral("steps"), steps}},
                                 f));
    }
    QJsonArray flowRuns;
    for (const FlowRunRecord &fr : std::as_const(m_flowRuns))
        flowRuns.append(withTimes({{QStringLiteral("flowId"), fr.flowId},
                                   {QStringLiteral("success"), fr.success},
                                   {QStringLiteral("message"), fr.message},
                                   {QStringLiteral("errorCode"), fr.errorCode},
                                   {QStringLiteral("runIds"), strings(fr.runIds)}},
                                  fr));
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("connections"), connections},
                           {QStringLiteral("integrations"), integrations},
                           {QStringLiteral("notifications"), notifications},
                           {QStringLiteral("runs"), runs},
                           {QStringLiteral("flows"), flows},
                           {QStringLiteral("flowRuns"), flowRuns}};
    QDir().mkpath(m_config.dataDir);
    QSaveFile file(QDir(m_config.dataDir).filePath(QStringLiteral("cloudworks.json")));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qWarning("sandbox: cannot save the CloudWorks state to %s: %s", qPrintable(file.fileName()),
                 qPrintable(file.errorString()));
}

bool CloudWorks::load()
{
    if (m_config.dataDir.isEmpty())
        return false;
    QFile file(QDir(m_config.dataDir).filePath(QStringLiteral("cloudworks.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("format")).toInt() != kFormat) {
        qWarning("sandbox: %s is not a CloudWorks state file of this version; seeding afresh",
                 qPrintable(file.fileName()));
        return false;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject o = v.toObject();
        ConnectionRecord c;
        c.id = str(o, "id");
        c.type = str(o, "type");
        c.info = o.value(QStringLiteral("info")).toObject();
        c.workspaceId = str(o, "workspaceId");
        c.status = int(num(o, "status", 1));
        c.errorCode = int(num(o, "errorCode", -1));
        readVersion(o, c);
        m_connections.append(c);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("integrations")).toArray()) {
        const QJsonObject o = v.toObject();
        IntegrationRecord i;
        i.id = str(o, "id");
        i.name = str(o, "name");
        i.type = str(o, "type");
        i.workspaceId = str(o, "workspaceId");
        i.modelId = str(o, "modelId");
        i.processId = str(o, "processId");
        i.nuxVisible = o.value(QStringLiteral("nuxVisible")).toBool();
        i.jobs = o.value(QStringLiteral("jobs")).toArray();
        i.notificationId = str(o, "notificationId");
        i.schedule = o.value(QStringLiteral("schedule")).toObject();
        i.scheduleEnabled = o.value(QStringLiteral("scheduleEnabled")).toBool(true);
        readVersion(o, i);
        m_integrations.append(i);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("notifications")).toArray()) {
        const QJsonObject o = v.toObject();
        NotificationRecord n;
        n.id = str(o, "id");
        n.integrationIds = stringList(o.value(QStringLiteral("integrationIds")));
        n.channels = stringList(o.value(QStringLiteral("channels")));
        n.config = o.value(QStringLiteral("config")).toArray();
        m_notifications.insert(n.id, n);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("runs")).toArray()) {
        const QJsonObject o = v.toObject();
        RunRecord r;
        readTimes(o, r);
        r.integrationId = str(o, "integrationId");
        r.traceId = str(o, "traceId");
        r.flowRunId = str(o, "flowRunId");
        r.flowId = str(o, "flowId");
        r.triggerSource = str(o, "triggerSource");
        r.outcome = outcomeFromJson(o.value(QStringLiteral("outcome")).toObject());
        m_runs.append(r);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("flows")).toArray()) {
        const QJsonObject o = v.toObject();
        FlowRecord f;
        f.id = str(o, "id");
        f.name = str(o, "name");
        f.nuxVisible = o.value(QStringLiteral("nuxVisible")).toBool();
        for (const QJsonValue &sv : o.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject so = sv.toObject();
            FlowStepRecord s;
            s.referrer = str(so, "referrer");
            s.dependsOn = stringList(so.value(QStringLiteral("dependsOn")));
            s.isSkipped = so.value(QStringLiteral("isSkipped")).toBool();
            s.exceptionBehavior = so.value(QStringLiteral("exceptionBehavior")).toArray();
            readVersion(so, s);
            f.steps.append(s);
        }
        readVersion(o, f);
        m_flows.append(f);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("flowRuns")).toArray()) {
        const QJsonObject o = v.toObject();
        FlowRunRecord fr;
        readTimes(o, fr);
        fr.flowId = str(o, "flowId");
        fr.success = o.value(QStringLiteral("success")).toBool();
        fr.message = str(o, "message");
        fr.errorCode = int(num(o, "errorCode", -1));
        fr.runIds = stringList(o.value(QStringLiteral("runIds")));
        m_flowRuns.append(fr);
    }
    return true;
}

} // namespace sandbox::cloudworks
