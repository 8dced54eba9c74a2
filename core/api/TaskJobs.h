#pragma once
// Tasks of an import/export/action/process. The collection ("imports"…) comes from the id's prefix;
// an id with another prefix fails locally with BadInput and sends nothing.
//   GET    BASE/{kind}/{id}/tasks            → ListTaskSummariesJob (paged)
//   POST   BASE/{kind}/{id}/tasks            → StartTaskJob ({"localeName":"en_US"}; never re-sent blindly:
//                                              TaskRunner reconciles through the task list instead)
//   GET    BASE/{kind}/{id}/tasks/{taskId}   → GetTaskStatusJob
//   DELETE BASE/{kind}/{id}/tasks/{taskId}   → CancelTaskJob (the task goes CANCELLING → CANCELLED)
#include "ApiJob.h"
#include "BulkPaths.h"
#include "PagedListJob.h"
#include "types/Task.h"

namespace anadesk {

// The BadInput message for an id that is not an invokable; empty when the id is fine.
QString invalidActionIdMessage(const QString &actionId);

class ListTaskSummariesJob : public PagedListJob
{
    Q_OBJECT
public:
    ListTaskSummariesJob(Transport *transport, const ModelRef &model, const QString &actionId,
                         QObject *parent = nullptr);
    QList<TaskSummary> tasks() const;

protected:
    QList<QJsonObject> itemsOf(const QJsonObject &envelope) const override;
};

class GetTaskStatusJob : public ApiJob
{
    Q_OBJECT
public:
    GetTaskStatusJob(Transport *transport, const ModelRef &model, const QString &actionId, const QString &taskId,
                     QObject *parent = nullptr);
    const TaskStatus &status() const { return m_status; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    TaskStatus m_status;
};

class StartTaskJob : public ApiJob
{
    Q_OBJECT
public:
    StartTaskJob(Transport *transport, const ModelRef &model, const QString &actionId, QObject *parent = nullptr);
    QString taskId() const { return m_status.id; }
    // What the start answer said (taskId, sometimes taskState and creationTime too).
    const TaskStatus &status() const { return m_status; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    TaskStatus m_status;
};

class CancelTaskJob : public ApiJob
{
    Q_OBJECT
public:
    CancelTaskJob(Transport *transport, const ModelRef &model, const QString &actionId, const QString &taskId,
                  QObject *parent = nullptr);
    // The state the server reported in its answer, if any (usually CANCELLING).
    const TaskStatus &status() const { return m_status; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    TaskStatus m_status;
};

} // namespace anadesk
