#include "JsonViews.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace anadesk::cli::json {

QString isoTime(qint64 epochMs)
{
    if (epochMs <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const Workspace &w)
{
    return {{u"id"_s, w.id},
            {u"name"_s, w.name},
            {u"active"_s, w.active},
            {u"sizeAllowance"_s, double(w.sizeAllowance)},
            {u"currentSize"_s, double(w.currentSize)}};
}

QJsonObject toJson(const Model &m)
{
    QJsonObject o{{u"id"_s, m.id},
                  {u"name"_s, m.name},
                  {u"activeState"_s, m.activeStateRaw},
                  {u"workspaceId"_s, m.workspaceId},
                  {u"workspaceName"_s, m.workspaceName},
                  {u"memoryUsage"_s, double(m.memoryUsage)},
                  {u"lastSavedSerialNumber"_s, double(m.lastSavedSerialNumber)},
                  {u"lastModified"_s, m.lastModified},
                  {u"isoCreationDate"_s, m.isoCreationDate},
                  {u"url"_s, m.url}};
    if (m.transactionRunning)
        o.insert(u"transactionRunning"_s, *m.transactionRunning);
    return o;
}

QJsonObject toJson(const File &f)
{
    return {{u"id"_s, f.id},
            {u"name"_s, f.name},
            {u"chunkCount"_s, f.chunkCount},
            {u"format"_s, f.format},
            {u"encoding"_s, f.encoding},
            {u"separator"_s, f.separator},
            {u"delimiter"_s, f.delimiter},
            {u"headerRow"_s, f.headerRow},
            {u"firstDataRow"_s, f.firstDataRow}};
}

QJsonObject toJson(const Import &i)
{
    return {{u"id"_s, i.id},
            {u"name"_s, i.name},
            {u"importType"_s, i.importTypeRaw},
            {u"importDataSourceId"_s, i.hasDataSource() ? QJsonValue(i.importDataSourceId) : QJsonValue()}};
}

QJsonObject toJson(const Export &e)
{
    return {{u"id"_s, e.id},
            {u"name"_s, e.name},
            {u"exportType"_s, e.exportTypeRaw},
            {u"layout"_s, e.layoutRaw},
            {u"exportFormat"_s, e.exportFormat},
            {u"encoding"_s, e.encoding ? QJsonValue(*e.encoding) : QJsonValue()}};
}

QJsonObject toJson(const Process &p)
{
    return {{u"id"_s, p.id}, {u"name"_s, p.name}};
}

QJsonObject toJson(const Action &a)
{
    return {{u"id"_s, a.id}, {u"name"_s, a.name}, {u"actionType"_s, a.actionType}};
}

QJsonObject toJson(const TaskSummary &t)
{
    return {{u"id"_s, t.id},
            {u"taskId"_s, t.id},
            {u"taskState"_s, t.stateRaw},
            {u"creationTime"_s, double(t.creationTime)},
            {u"created"_s, isoTime(t.creationTime)}};
}

QJsonObject toJson(const TaskResult &r)
{
    QJsonArray details;
    for (const TaskResultDetail &d : r.details) {
        QJsonArray values;
        for (const QString &v : d.values)
            values.append(v.isNull() ? QJsonValue() : QJsonValue(v));
        details.append(QJsonObject{{u"localMessageText"_s, d.localMessageText},
                                   {u"occurrences"_s, d.occurrences},
                                   {u"type"_s, d.type},
                                   {u"values"_s, values}});
    }
    QJsonObject o{{u"successful"_s, r.successful},
                  {u"failureDumpAvailable"_s, r.failureDumpAvailable},
                  {u"objectId"_s, r.objectId},
                  {u"details"_s, details}};
    if (!r.objectName.isEmpty())
        o.insert(u"objectName"_s, r.objectName);
    if (!r.nestedResults.isEmpty())
        o.insert(u"nestedResults"_s, toJsonArray(r.nestedResults));
    return o;
}

QJsonObject toJson(const TaskStatus &t, const QString &actionId)
{
    QJsonObject o{{u"id"_s, t.id},
                  {u"taskId"_s, t.id},
                  {u"actionId"_s, actionId},
                  {u"taskState"_s, t.stateRaw},
                  {u"progress"_s, t.progress},
                  {u"currentStep"_s, t.currentStep},
                  {u"creationTime"_s, double(t.creationTime)},
                  {u"created"_s, isoTime(t.creationTime)}};
    if (t.result) {
        o.insert(u"successful"_s, t.result->successful);
        o.insert(u"result"_s, toJson(*t.result));
    }
    return o;
}

QJsonObject toJson(const ModelStatus &s, const QString &modelId)
{
    QJsonObject o{{u"modelId"_s, modelId},
                  {u"currentStep"_s, s.currentStep},
                  {u"progress"_s, s.progress},
                  {u"idle"_s, s.isIdle()},
                  {u"tooltip"_s, s.tooltip},
                  {u"taskId"_s, s.taskId},
                  {u"creationTime"_s, double(s.creationTime)}};
    if (!s.exportTaskType.isEmpty())
        o.insert(u"exportTaskType"_s, s.exportTaskType);
    if (s.peakMemoryUsageEstimate)
        o.insert(u"peakMemoryUsageEstimate"_s, double(*s.peakMemoryUsageEstimate));
    if (s.peakMemoryUsageTime)
        o.insert(u"peakMemoryUsageTime"_s, double(*s.peakMemoryUsageTime));
    return o;
}

QJsonObject toJson(const ModelDeletionResult &r, const QString &workspaceId)
{
    QJsonArray failures;
    for (const ModelDeletionFailure &f : r.failures)
        failures.append(QJsonObject{{u"modelId"_s, f.modelId}, {u"message"_s, f.message}});
    return {
        {u"workspaceId"_s, workspaceId}, {u"modelsDeleted"_s, r.modelsDeleted}, {u"failures"_s, failures}};
}

} // namespace anadesk::cli::json
