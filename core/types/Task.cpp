#include "Task.h"

#include "JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

TaskState taskStateFromString(const QString &raw)
{
    if (raw == "NOT_STARTED"_L1)
        return TaskState::NotStarted;
    if (raw == "IN_PROGRESS"_L1)
        return TaskState::InProgress;
    if (raw == "COMPLETE"_L1)
        return TaskState::Complete;
    if (raw == "CANCELLING"_L1)
        return TaskState::Cancelling;
    if (raw == "CANCELLED"_L1)
        return TaskState::Cancelled;
    return TaskState::Unknown;
}

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::NotStarted:
        return u"NOT_STARTED"_s;
    case TaskState::InProgress:
        return u"IN_PROGRESS"_s;
    case TaskState::Complete:
        return u"COMPLETE"_s;
    case TaskState::Cancelling:
        return u"CANCELLING"_s;
    case TaskState::Cancelled:
        return u"CANCELLED"_s;
    case TaskState::Unknown:
        break;
    }
    return QString();
}

namespace {
QString taskIdOf(const QJsonObject &object)
{
    QString id = json::idString(object.value("taskId"_L1));
    if (id.isEmpty())
        id = json::idString(object.value("id"_L1));
    return id;
}

void collectLines(const TaskResult &result, const QString &indent, QStringList &lines, int maxLines)
{
    for (const TaskResultDetail &detail : result.details) {
        if (lines.size() >= maxLines)
            return;
        const QString text = detail.localMessageText.trimmed();
        if (!text.isEmpty())
            lines.append(indent + text);
    }
    for (const TaskResult &nested : result.nestedResults) {
        if (lines.size() >= maxLines)
            return;
        const QString object = nested.objectName.isEmpty() ? nested.objectId : nested.objectName;
        lines.append(indent + object + (nested.successful ? u": ok"_s : u": failed"_s)
                     + (nested.failureDumpAvailable ? u" (failure dump available)"_s : QString()));
        collectLines(nested, indent + u"  "_s, lines, maxLines);
    }
}
} // namespace

TaskSummary TaskSummary::fromJson(const QJsonObject &object)
{
    TaskSummary t;
    t.id = taskIdOf(object);
    t.stateRaw = json::string(object, "taskState"_L1);
    t.state = taskStateFromString(t.stateRaw);
    t.creationTime = json::int64(object, "creationTime"_L1);
    return t;
}

TaskResultDetail TaskResultDetail::fromJson(const QJsonObject &object)
{
    TaskResultDetail d;
    d.localMessageText = json::string(object, "localMessageText"_L1);
    d.occurrences = static_cast<int>(json::int64(object, "occurrences"_L1));
    d.type = json::string(object, "type"_L1);
    d.values = json::stringList(object, "values"_L1);
    return d;
}

TaskResult TaskResult::fromJson(const QJsonObject &object)
{
    TaskResult r;
    r.successful = json::boolean(object, "successful"_L1);
    r.failureDumpAvailable = json::boolean(object, "failureDumpAvailable"_L1);
    r.objectId = json::idString(object.value("objectId"_L1));
    r.objectName = json::string(object, "objectName"_L1);
    for (const QJsonObject &detail : json::objectList(object, "details"_L1))
        r.details.append(TaskResultDetail::fromJson(detail));
    for (const QJsonObject &nested : json::objectList(object, "nestedResults"_L1))
        r.nestedResults.append(TaskResult::fromJson(nested));
    return r;
}

QStringList TaskResult::summaryLines(int maxLines) const
{
    QStringList lines;
    collectLines(*this, QString(), lines, maxLines);
    return lines;
}

TaskStatus TaskStatus::fromJson(const QJsonObject &object)
{
    TaskStatus t;
    t.id = taskIdOf(object);
    t.stateRaw = json::string(object, "taskState"_L1);
    t.state = taskStateFromString(t.stateRaw);
    t.progress = json::number(object, "progress"_L1, 0.0);
    t.currentStep = json::string(object, "currentStep"_L1);
    t.creationTime = json::int64(object, "creationTime"_L1);
    const QJsonValue result = object.value("result"_L1);
    if (result.isObject())
        t.result = TaskResult::fromJson(result.toObject());
    return t;
}

} // namespace anadesk
