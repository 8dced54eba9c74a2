#include "TaskJobs.h"

#include "ListHelpers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::TaskJobs", text);
}

// Validates the model and the action id; returns the error to fail with, if any.
ApiError checkTarget(const ModelRef &model, const QString &actionId)
{
    if (!model.isComplete())
        return badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first."));
    const QString invalid = invalidActionIdMessage(actionId);
    if (!invalid.isEmpty())
        return badInput(invalid, actionId,
                        tr("Use the id of an import (112…), export (116…), action (117…) or process (118…)."));
    return {};
}

QStringList tasksPath(const QString &actionId)
{
    return {actionKindSegment(actionKindFromId(actionId)), actionId, u"tasks"_s};
}

// The task object of an answer: {"task": {...}} or the bare task ({"taskId": …}).
QJsonObject taskObject(const QJsonObject &json)
{
    const QJsonValue task = json.value("task"_L1);
    if (task.isObject())
        return task.toObject();
    if (json.contains("taskId"_L1))
        return json;
    return {};
}
} // namespace

QString invalidActionIdMessage(const QString &actionId)
{
    if (actionKindFromId(actionId) != ActionKind::Invalid)
        return QString();
    if (actionId.isEmpty())
        return tr("No action id given");
    return tr("'%1' is not the id of an import, export, action or process").arg(actionId);
}

ListTaskSummariesJob::ListTaskSummariesJob(Transport *transport, const ModelRef &model, const QString &actionId,
                                           QObject *parent)
    : PagedListJob(transport, {}, u"tasks"_s, QCoreApplication::translate("anadesk", "tasks of %1").arg(actionLabel(actionId)),
                   parent, u"taskId"_s)
{
    setDescription(tr("List tasks"));
    if (const ApiError error = checkTarget(model, actionId); error.isError()) {
        failOnStart(error);
        return;
    }
    setUrl(bulkUrl(detail::endpointsOf(transport), model, tasksPath(actionId)));
}

QList<TaskSummary> ListTaskSummariesJob::tasks() const
{
    return detail::parseAll<TaskSummary>(items());
}

QList<QJsonObject> ListTaskSummariesJob::itemsOf(const QJsonObject &envelope) const
{
    if (envelope.value(listKey()).isArray())
        return PagedListJob::itemsOf(envelope);
    // Some answers carry a single task under "task" (seen in Anaplan's own examples).
    const QJsonValue single = envelope.value("task"_L1);
    if (single.isObject())
        return {single.toObject()};
    QList<QJsonObject> items;
    for (const QJsonValue &value : single.toArray()) {
        if (value.isObject())
            items.append(value.toObject());
    }
    return items;
}

GetTaskStatusJob::GetTaskStatusJob(Transport *transport, const ModelRef &model, const QString &actionId,
                                   const QString &taskId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get task status"));
    ApiRequest request;
    request.url = bulkUrl(detail::endpointsOf(transport), model, tasksPath(actionId) + QStringList{taskId});
    request.object = taskLabel(actionId, taskId);
    setRequest(request);
    if (const ApiError error = checkTarget(model, actionId); error.isError())
        failOnStart(error);
    else if (taskId.isEmpty())
        failOnStart(badInput(tr("No task id given"), actionLabel(actionId)));
}

ApiError GetTaskStatusJob::parseJson(const QJsonObject &json)
{
    const QJsonObject task = taskObject(json);
    if (task.isEmpty())
        return malformed(tr("no 'task' object"));
    m_status = TaskStatus::fromJson(task);
    if (m_status.id.isEmpty()) // some servers omit the id in the status answer
        m_status.id = request().url.path(QUrl::FullyDecoded).section(u'/', -1);
    return {};
}

StartTaskJob::StartTaskJob(Transport *transport, const ModelRef &model, const QString &actionId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Start task"));
    ApiRequest request;
    request.method = "POST";
    request.url = bulkUrl(detail::endpointsOf(transport), model, tasksPath(actionId));
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"localeName"_s, u"en_US"_s}}).toJson(QJsonDocument::Compact);
    request.idempotency = Idempotency::NotRepeatable;
    request.object = actionLabel(actionId);
    setRequest(request);
    if (const ApiError error = checkTarget(model, actionId); error.isError())
        failOnStart(error);
}

ApiError StartTaskJob::parseJson(const QJsonObject &json)
{
    const QJsonObject task = taskObject(json);
    m_status = TaskStatus::fromJson(task);
    if (m_status.id.isEmpty())
        return malformed(tr("no task id in the answer"));
    return {};
}

CancelTaskJob::CancelTaskJob(Transport *transport, const ModelRef &model, const QString &actionId,
                             const QString &taskId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Cancel task"));
    ApiRequest request;
    request.method = "DELETE";
    request.url = bulkUrl(detail::endpointsOf(transport), model, tasksPath(actionId) + QStringList{taskId});
    request.contentType = "application/json"; // as Anaplan's own examples send it, with no body
    request.object = taskLabel(actionId, taskId);
    setRequest(request);
    if (const ApiError error = checkTarget(model, actionId); error.isError())
        failOnStart(error);
    else if (taskId.isEmpty())
        failOnStart(badInput(tr("No task id given"), actionLabel(actionId)));
}

ApiError CancelTaskJob::parseBody(const QByteArray &body)
{
    // The answer's shape is not documented; read a task state when there is one, ignore anything else.
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        m_status = TaskStatus::fromJson(taskObject(document.object()));
    return {};
}

} // namespace anadesk
