#pragma once
// One job per ALM endpoint (base {api}/2/0/models/{modelId}; the target model is the client's model).
// Workspace-administrator rights (and a Professional or Enterprise subscription) are needed.
// Creating revisions and tasks is never re-sent blindly (Idempotency::NotRepeatable).
#include "AlmTypes.h"
#include "api/ApiJob.h"
#include "api/ListQuery.h"
#include "api/PagedListJob.h"

namespace anadesk {

// PUT …/onlineStatus {"status":"online"|"offline"} (204). The model must be unlocked; archived → 422.
class SetOnlineStatusJob : public ApiJob
{
    Q_OBJECT
public:
    SetOnlineStatusJob(Transport *transport, const QString &modelId, bool online, QObject *parent = nullptr);
    bool online() const { return m_online; }

protected:
    ApiError parseBody(const QByteArray &body) override;

private:
    bool m_online;
};

// Options of GET …/alm/revisions: sortBy id | name | appliedOn | createdOn (snake_case accepted),
// and the applied-date window (YYYY-MM-DD, inclusive).
struct RevisionQuery
{
    ListQuery list; // list.search is not supported here
    QString appliedAfter;
    QString appliedBefore;
};

// GET …/alm/revisions (paged).
class ListRevisionsJob : public PagedListJob
{
    Q_OBJECT
public:
    ListRevisionsJob(Transport *transport, const QString &modelId, const RevisionQuery &query = {},
                     QObject *parent = nullptr);
    QList<Revision> revisions() const;
};

// GET …/alm/latestRevision → revisions[0]; none when the model has no revision (Anaplan omits the key).
class GetLatestRevisionJob : public ApiJob
{
    Q_OBJECT
public:
    GetLatestRevisionJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    const std::optional<Revision> &revision() const { return m_revision; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    std::optional<Revision> m_revision;
};

// GET …/alm/syncableRevisions?sourceModelId=… → the source model's revisions this model can take,
// newest first.
class ListSyncableRevisionsJob : public ApiJob
{
    Q_OBJECT
public:
    ListSyncableRevisionsJob(Transport *transport, const QString &modelId, const QString &sourceModelId,
                             QObject *parent = nullptr);
    const QList<Revision> &revisions() const { return m_revisions; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<Revision> m_revisions;
};

// POST …/alm/revisions {"name","description"} (name ≤ 60, description ≤ 250 characters, checked here).
class CreateRevisionJob : public ApiJob
{
    Q_OBJECT
public:
    CreateRevisionJob(Transport *transport, const QString &modelId, const QString &name,
                      const QString &description = {}, QObject *parent = nullptr);
    const Revision &revision() const { return m_revision; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Revision m_revision;
};

// GET …/alm/revisions/{revisionId}/appliedToModels. The first entry is the revision's source model.
class ListAppliedModelsJob : public ApiJob
{
    Q_OBJECT
public:
    ListAppliedModelsJob(Transport *transport, const QString &modelId, const QString &revisionId,
                         QObject *parent = nullptr);
    const QList<AppliedModel> &models() const { return m_models; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<AppliedModel> m_models;
};

// GET …/alm/syncTasks: tasks running or finished within 48 hours (not paged; none → empty).
class ListSyncTasksJob : public ApiJob
{
    Q_OBJECT
public:
    ListSyncTasksJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    const QList<AlmTask> &tasks() const { return m_tasks; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<AlmTask> m_tasks;
};

// The three revisions/models a sync or report task is about.
struct AlmTaskRequest
{
    QString sourceRevisionId;
    QString sourceModelId;
    QString targetRevisionId;
};

// POST …/alm/syncTasks | comparisonReportTasks | summaryReportTasks → task.
class CreateAlmTaskJob : public ApiJob
{
    Q_OBJECT
public:
    CreateAlmTaskJob(Transport *transport, const QString &modelId, AlmTaskKind kind,
                     const AlmTaskRequest &input, QObject *parent = nullptr);
    AlmTaskKind kind() const { return m_kind; }
    const AlmTask &task() const { return m_task; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    AlmTaskKind m_kind;
    AlmTask m_task;
};

// GET …/alm/syncTasks/{id} | comparisonReportTasks/{id} | summaryReportTasks/{id} → task.
class GetAlmTaskJob : public ApiJob
{
    Q_OBJECT
public:
    GetAlmTaskJob(Transport *transport, const QString &modelId, AlmTaskKind kind, const QString &taskId,
                  QObject *parent = nullptr);
    AlmTaskKind kind() const { return m_kind; }
    const AlmTask &task() const { return m_task; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    AlmTaskKind m_kind;
    AlmTask m_task;
};

// GET …/alm/comparisonReports/{targetRevisionId}/{sourceRevisionId}: the full report (TSV) in data().
// Note the order: TARGET first. Reports expire 48 hours after they were generated (then 404).
class GetComparisonReportJob : public ApiJob
{
    Q_OBJECT
public:
    GetComparisonReportJob(Transport *transport, const QString &modelId, const QString &targetRevisionId,
                           const QString &sourceRevisionId, QObject *parent = nullptr);
    const QByteArray &data() const { return body(); }

protected:
    ApiError parseBody(const QByteArray &body) override;
};

// GET …/alm/summaryReports/{targetRevisionId}/{sourceRevisionId} → summaryReport (TARGET first).
class GetSummaryReportJob : public ApiJob
{
    Q_OBJECT
public:
    GetSummaryReportJob(Transport *transport, const QString &modelId, const QString &targetRevisionId,
                        const QString &sourceRevisionId, QObject *parent = nullptr);
    const SummaryReport &report() const { return m_report; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    SummaryReport m_report;
};

} // namespace anadesk
