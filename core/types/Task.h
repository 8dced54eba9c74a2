#pragma once
// Tasks spawned by running an import, export, action or process, and their results.
// COMPLETE means finished, successful or not (see TaskResult::successful); CANCELLED is terminal too.
// A state this client does not know is TaskState::Unknown (raw value kept) and treated as running.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace anadesk {

enum class TaskState { Unknown, NotStarted, InProgress, Complete, Cancelling, Cancelled };

TaskState taskStateFromString(const QString &raw);
QString taskStateName(TaskState state); // "IN_PROGRESS"…; "" for Unknown
inline bool isTerminal(TaskState state) { return state == TaskState::Complete || state == TaskState::Cancelled; }

// One entry of GET …/{kind}/{id}/tasks.
struct TaskSummary
{
    QString id; // taskId, 32 hex
    TaskState state = TaskState::Unknown;
    QString stateRaw;
    qint64 creationTime = 0; // epoch ms

    static TaskSummary fromJson(const QJsonObject &object);
};

struct TaskResultDetail
{
    QString localMessageText; // "Employees: 90 (0/90) rows successful, 5 ignored"
    int occurrences = 0;
    QString type;             // "hierarchyRowsProcessed"…
    QStringList values;       // name/value pairs; null elements kept as null strings

    static TaskResultDetail fromJson(const QJsonObject &object);
};

struct TaskResult
{
    bool successful = false;
    bool failureDumpAvailable = false;
    QString objectId;   // the import/export/action this result is about
    QString objectName; // sent by some servers, optional
    QList<TaskResultDetail> details;
    QList<TaskResult> nestedResults; // one per action of a process

    // Human-readable lines: every detail's text, nested results indented and prefixed by their object.
    QStringList summaryLines(int maxLines = 20) const;
    static TaskResult fromJson(const QJsonObject &object);
};

// GET …/{kind}/{id}/tasks/{taskId} → task.
struct TaskStatus
{
    QString id;
    TaskState state = TaskState::Unknown;
    QString stateRaw;
    double progress = 0.0; // 0..1
    QString currentStep;
    qint64 creationTime = 0;
    std::optional<TaskResult> result; // present once COMPLETE (and sometimes CANCELLED)

    static TaskStatus fromJson(const QJsonObject &object);
};

} // namespace anadesk
