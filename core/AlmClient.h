#pragma once
// The ALM API of Anaplan (anaplan-api.md §9; the reference AsyncClient's `alm`, method names in
// camelCase) as a cheap, copyable view onto a Connection and one (target) model. Base:
// {api}/2/0/models/{modelId}. Workspace-administrator rights on the models involved are needed.
//
// Same async pattern as BulkClient: every method returns a STARTED job (connect before returning to
// the event loop); without a model every job fails with BadInput and sends nothing. Long operations
// (sync, comparison report, comparison summary) return an AlmTaskRunner that creates the task, polls
// it on the shared PollSchedule and, for reports, downloads the result; a task that completes
// unsuccessfully fails the runner with ActionFailed carrying Anaplan's error title and message.
#include "alm/AlmJobs.h"
#include "alm/AlmTaskRunner.h"

#include <QPointer>

namespace anadesk {

class Connection;
class Transport;

class AlmClient
{
public:
    AlmClient() = default;
    AlmClient(Connection *connection, const QString &modelId);
    AlmClient withModel(const QString &modelId) const;

    Connection *connection() const { return m_connection; }
    Transport *transport() const;
    const QString &modelId() const { return m_modelId; }
    bool isValid() const { return !m_connection.isNull(); }

    // --- model status -----------------------------------------------------------------------------
    // PUT …/onlineStatus: online = true | false (the reference's change_model_status("online"|"offline")).
    SetOnlineStatusJob *changeModelStatus(bool online) const;

    // --- revisions --------------------------------------------------------------------------------
    ListRevisionsJob *
    getRevisions(const RevisionQuery &query = {}) const; // sortBy: id|name|appliedOn|createdOn
    GetLatestRevisionJob *getLatestRevision() const;     // revision(): none if no revision
    ListSyncableRevisionsJob *getSyncableRevisions(const QString &sourceModelId) const;
    CreateRevisionJob *createRevision(const QString &name, const QString &description = {}) const;
    ListAppliedModelsJob *getModelsForRevision(const QString &revisionId) const;

    // --- sync -------------------------------------------------------------------------------------
    ListSyncTasksJob *getSyncTasks() const;
    GetAlmTaskJob *getSyncTask(const QString &taskId) const;
    // Applies sourceRevisionId of sourceModelId to this model (whose latest revision is targetRevisionId).
    AlmTaskRunner *syncModels(const QString &sourceRevisionId, const QString &sourceModelId,
                              const QString &targetRevisionId, const AlmTaskOptions &options = {}) const;

    // --- comparison reports (full, TSV) -----------------------------------------------------------
    AlmTaskRunner *createComparisonReport(const QString &sourceRevisionId, const QString &sourceModelId,
                                          const QString &targetRevisionId,
                                          const AlmTaskOptions &options = {}) const;
    GetAlmTaskJob *getComparisonReportTask(const QString &taskId) const;
    // TARGET before SOURCE, as in the URL. The overload takes them from a completed task's result.
    GetComparisonReportJob *getComparisonReport(const QString &targetRevisionId,
                                                const QString &sourceRevisionId) const;
    GetComparisonReportJob *getComparisonReport(const AlmTask &completedTask) const;

    // --- comparison summaries (JSON) --------------------------------------------------------------
    AlmTaskRunner *createComparisonSummary(const QString &sourceRevisionId, const QString &sourceModelId,
                                           const QString &targetRevisionId,
                                           const AlmTaskOptions &options = {}) const;
    GetAlmTaskJob *getComparisonSummaryTask(const QString &taskId) const;
    GetSummaryReportJob *getComparisonSummary(const QString &targetRevisionId,
                                              const QString &sourceRevisionId) const;
    GetSummaryReportJob *getComparisonSummary(const AlmTask &completedTask) const;

    // Follows a sync or report task that already runs (started elsewhere, or after a deadline).
    AlmTaskRunner *waitForTask(AlmTaskKind kind, const QString &taskId,
                               const AlmTaskOptions &options = {}) const;

private:
    template <typename J> J *started(J *job) const
    {
        job->start();
        return job;
    }
    AlmTaskRunner *runner(AlmTaskKind kind, const QString &sourceRevisionId, const QString &sourceModelId,
                          const QString &targetRevisionId, const AlmTaskOptions &options) const;
    QObject *jobParent() const;

    QPointer<Connection> m_connection;
    QString m_modelId;
};

} // namespace anadesk
