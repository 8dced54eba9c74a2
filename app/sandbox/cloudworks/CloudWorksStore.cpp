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
    return {{QStringLiteral("success"), o.success},   {QStringLiteral("message"), o.message},
            {QStringLiteral("errorCode"), o.errorCode}, {QStringLiteral("errorMessages"), o.errorMessages},
            {QStringLiteral("taskId"), o.taskId},     {QStringLiteral("dumps"), dumps}};
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

} // namespace

void CloudWorks::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    QJsonArray connections;
    for (const ConnectionRecord &c : std::as_const(m_connections))
        connections.append(QJsonObject{{QStringLiteral("id"), c.id},          {QStringLiteral("type"), c.type},
                                       {QStringLiteral("info"), c.info},      {QStringLiteral("workspaceId"), c.workspaceId},
                                       {QStringLiteral("status"), c.status},  {QStringLiteral("errorCode"), c.errorCode},
                                       {QStringLiteral("createdBy"), c.createdBy}, {QStringLiteral("modifiedBy"), c.modifiedBy},
                                       {QStringLiteral("created"), double(c.created)},
                                       {QStringLiteral("modified"), double(c.modified)}});
    QJsonArray integrations;
    for (const IntegrationRecord &i : std::as_const(m_integrations))
        integrations.append(QJsonObject{
            {QStringLiteral("id"), i.id},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("type"), i.type},
            {QStringLiteral("workspaceId"), i.workspaceId},
            {QStringLiteral("modelId"), i.modelId},
            {QStringLiteral("processId"), i.processId},
            {QStringLiteral("nuxVisible"), i.nuxVisible},
            {QStringLiteral("jobs"), i.jobs},
            {QStringLiteral("notificationId"), i.notificationId},
            {QStringLiteral("schedule"), i.schedule},
            {QStringLiteral("scheduleEnabled"), i.scheduleEnabled},
            {QStringLiteral("createdBy"), i.createdBy},
            {QStringLiteral("createdByEmail"), i.createdByEmail},
            {QStringLiteral("modifiedBy"), i.modifiedBy},
            {QStringLiteral("created"), double(i.created)},
            {QStringLiteral("modified"), double(i.modified)}});
    QJsonArray notifications;
    for (const NotificationRecord &n : std::as_const(m_notifications))
        notifications.append(QJsonObject{{QStringLiteral("id"), n.id},
                                         {QStringLiteral("integrationIds"), strings(n.integrationIds)},
                                         {QStringLiteral("channels"), strings(n.channels)},
                                         {QStringLiteral("config"), n.config}});
    QJsonArray runs;
    for (const RunRecord &r : std::as_const(m_runs))
        runs.append(QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("integrationId"), r.integrationId},
                                {QStringLiteral("traceId"), r.traceId},
                                {QStringLiteral("flowRunId"), r.flowRunId},
                                {QStringLiteral("flowId"), r.flowId},
                                {QStringLiteral("triggeredBy"), r.triggeredBy},
                                {QStringLiteral("triggerSource"), r.triggerSource},
                                {QStringLiteral("start"), double(r.start)},
                                {QStringLiteral("end"), double(r.end)},
                                {QStringLiteral("cancelledAt"), double(r.cancelledAt)},
                                {QStringLiteral("outcome"), outcomeToJson(r.outcome)}});
    QJsonArray flows;
    for (const FlowRecord &f : std::as_const(m_flows)) {
        QJsonArray steps;
        for (const FlowStepRecord &s : f.steps)
            steps.append(QJsonObject{{QStringLiteral("referrer"), s.referrer},
                                     {QStringLiteral("dependsOn"), strings(s.dependsOn)},
                                     {QStringLiteral("isSkipped"), s.isSkipped},
                                     {QStringLiteral("exceptionBehavior"), s.exceptionBehavior},
                                     {QStringLiteral("createdBy"), s.createdBy},
                                     {QStringLiteral("created"), double(s.created)},
                                     {QStringLiteral("modified"), double(s.modified)}});
        flows.append(QJsonObject{{QStringLiteral("id"), f.id},
                                 {QStringLiteral("name"), f.name},
                                 {QStringLiteral("nuxVisible"), f.nuxVisible},
                                 {QStringLiteral("steps"), steps},
                                 {QStringLiteral("createdBy"), f.createdBy},
                                 {QStringLiteral("createdByEmail"), f.createdByEmail},
                                 {QStringLiteral("modifiedBy"), f.modifiedBy},
                                 {QStringLiteral("created"), double(f.created)},
                                 {QStringLiteral("modified"), double(f.modified)}});
    }
    QJsonArray flowRuns;
    for (const FlowRunRecord &fr : std::as_const(m_flowRuns))
        flowRuns.append(QJsonObject{{QStringLiteral("id"), fr.id},
                                    {QStringLiteral("flowId"), fr.flowId},
                                    {QStringLiteral("triggeredBy"), fr.triggeredBy},
                                    {QStringLiteral("start"), double(fr.start)},
                                    {QStringLiteral("end"), double(fr.end)},
                                    {QStringLiteral("cancelledAt"), double(fr.cancelledAt)},
                                    {QStringLiteral("success"), fr.success},
                                    {QStringLiteral("message"), fr.message},
                                    {QStringLiteral("errorCode"), fr.errorCode},
                                    {QStringLiteral("runIds"), strings(fr.runIds)}});
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("connections"), connections},
                           {QStringLiteral("integrations"), integrations},
                           {QStringLiteral("notifications"), notifications},
                           {QStringLiteral("runs"), runs},
                           {QStringLiteral("flows"), flows},
                           {QStringLiteral("flowRuns"), flowRuns}};
    QDir().mkpath(m_config.dataDir);
    QSaveFile file(QDir(m_config.dataDir).filePath(QStringLiteral("cloudworks.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
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
        qWarning("sandbox: %s is not a CloudWorks state file of this version; seeding afresh", qPrintable(file.fileName()));
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
        c.createdBy = str(o, "createdBy");
        c.modifiedBy = str(o, "modifiedBy");
        c.created = num(o, "created");
        c.modified = num(o, "modified");
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
        i.createdBy = str(o, "createdBy");
        i.createdByEmail = str(o, "createdByEmail");
        i.modifiedBy = str(o, "modifiedBy");
        i.created = num(o, "created");
        i.modified = num(o, "modified");
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
        r.id = str(o, "id");
        r.integrationId = str(o, "integrationId");
        r.traceId = str(o, "traceId");
        r.flowRunId = str(o, "flowRunId");
        r.flowId = str(o, "flowId");
        r.triggeredBy = str(o, "triggeredBy");
        r.triggerSource = str(o, "triggerSource");
        r.start = num(o, "start");
        r.end = num(o, "end");
        r.cancelledAt = num(o, "cancelledAt", -1);
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
            s.createdBy = str(so, "createdBy");
            s.created = num(so, "created");
            s.modified = num(so, "modified");
            f.steps.append(s);
        }
        f.createdBy = str(o, "createdBy");
        f.createdByEmail = str(o, "createdByEmail");
        f.modifiedBy = str(o, "modifiedBy");
        f.created = num(o, "created");
        f.modified = num(o, "modified");
        m_flows.append(f);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("flowRuns")).toArray()) {
        const QJsonObject o = v.toObject();
        FlowRunRecord fr;
        fr.id = str(o, "id");
        fr.flowId = str(o, "flowId");
        fr.triggeredBy = str(o, "triggeredBy");
        fr.start = num(o, "start");
        fr.end = num(o, "end");
        fr.cancelledAt = num(o, "cancelledAt", -1);
        fr.success = o.value(QStringLiteral("success")).toBool();
        fr.message = str(o, "message");
        fr.errorCode = int(num(o, "errorCode", -1));
        fr.runIds = stringList(o.value(QStringLiteral("runIds")));
        m_flowRuns.append(fr);
    }
    return true;
}

} // namespace sandbox::cloudworks
