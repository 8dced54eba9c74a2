#include "AlmClient.h"

#include "Connection.h"
#include "net/Transport.h"
#include "transactional/TxPaths.h"

namespace anadesk {

AlmClient::AlmClient(Connection *connection, const QString &modelId)
    : m_connection(connection)
    , m_modelId(modelId)
{}

AlmClient AlmClient::withModel(const QString &modelId) const
{
    AlmClient copy = *this;
    copy.m_modelId = modelId;
    return copy;
}

Transport *AlmClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

QObject *AlmClient::jobParent() const
{
    return m_connection.data();
}

SetOnlineStatusJob *AlmClient::changeModelStatus(bool online) const
{
    return started(new SetOnlineStatusJob(transport(), m_modelId, online, jobParent()));
}

ListRevisionsJob *AlmClient::getRevisions(const RevisionQuery &query) const
{
    return started(new ListRevisionsJob(transport(), m_modelId, query, jobParent()));
}

GetLatestRevisionJob *AlmClient::getLatestRevision() const
{
    return started(new GetLatestRevisionJob(transport(), m_modelId, jobParent()));
}

ListSyncableRevisionsJob *AlmClient::getSyncableRevisions(const QString &sourceModelId) const
{
    return started(new ListSyncableRevisionsJob(transport(), m_modelId, sourceModelId, jobParent()));
}

CreateRevisionJob *AlmClient::createRevision(const QString &name, const QString &description) const
{
    return started(new CreateRevisionJob(transport(), m_modelId, name, description, jobParent()));
}

ListAppliedModelsJob *AlmClient::getModelsForRevision(const QString &revisionId) const
{
    return started(new ListAppliedModelsJob(transport(), m_modelId, revisionId, jobParent()));
}

ListSyncTasksJob *AlmClient::getSyncTasks() const
{
    return started(new ListSyncTasksJob(transport(), m_modelId, jobParent()));
}

GetAlmTaskJob *AlmClient::getSyncTask(const QString &taskId) const
{
    return started(new GetAlmTaskJob(transport(), m_modelId, AlmTaskKind::Sync, taskId, jobParent()));
}

AlmTaskRunner *AlmClient::runner(AlmTaskKind kind, const QString &sourceRevisionId,
                                 const QString &sourceModelId, const QString &targetRevisionId,
                                 const AlmTaskOptions &options) const
{
    auto *job = new AlmTaskRunner(transport(), m_modelId, kind,
                                  AlmTaskRequest{sourceRevisionId, sourceModelId, targetRevisionId}, options,
                                  jobParent());
    // Checked here too so a runner never starts polling for a task that could not be created.
    if (m_modelId.isEmpty())
        job->failOnStart(badInput(noModelMessage(), {}, noModelHint()));
    else if (sourceRevisionId.isEmpty() || sourceModelId.isEmpty() || targetRevisionId.isEmpty())
        job->failOnStart(
            badInput(QObject::tr("A source revision, its source model and the target revision are all "
                                 "needed"),
                     almTaskKindNoun(kind)));
    return started(job);
}

AlmTaskRunner *AlmClient::syncModels(const QString &sourceRevisionId, const QString &sourceModelId,
                                     const QString &targetRevisionId, const AlmTaskOptions &options) const
{
    return runner(AlmTaskKind::Sync, sourceRevisionId, sourceModelId, targetRevisionId, options);
}

AlmTaskRunner *AlmClient::createComparisonReport(const QString &sourceRevisionId,
                                                 const QString &sourceModelId,
                                                 const QString &targetRevisionId,
                                                 const AlmTaskOptions &options) const
{
    return runner(AlmTaskKind::ComparisonReport, sourceRevisionId, sourceModelId, targetRevisionId, options);
}

GetAlmTaskJob *AlmClient::getComparisonReportTask(const QString &taskId) const
{
    return started(
        new GetAlmTaskJob(transport(), m_modelId, AlmTaskKind::ComparisonReport, taskId, jobParent()));
}

GetComparisonReportJob *AlmClient::getComparisonReport(const QString &targetRevisionId,
                                                       const QString &sourceRevisionId) const
{
    return started(
        new GetComparisonReportJob(transport(), m_modelId, targetRevisionId, sourceRevisionId, jobParent()));
}

GetComparisonReportJob *AlmClient::getComparisonReport(const AlmTask &completedTask) const
{
    const AlmTaskResult result = completedTask.result.value_or(AlmTaskResult{});
    return getComparisonReport(result.targetRevisionId, result.sourceRevisionId);
}

AlmTaskRunner *AlmClient::createComparisonSummary(const QString &sourceRevisionId,
                                                  const QString &sourceModelId,
                                                  const QString &targetRevisionId,
                                                  const AlmTaskOptions &options) const
{
    return runner(AlmTaskKind::SummaryReport, sourceRevisionId, sourceModelId, targetRevisionId, options);
}

GetAlmTaskJob *AlmClient::getComparisonSummaryTask(const QString &taskId) const
{
    return started(
        new GetAlmTaskJob(transport(), m_modelId, AlmTaskKind::SummaryReport, taskId, jobParent()));
}

GetSummaryReportJob *AlmClient::getComparisonSummary(const QString &targetRevisionId,
                                                     const QString &sourceRevisionId) const
{
    return started(
        new GetSummaryReportJob(transport(), m_modelId, targetRevisionId, sourceRevisionId, jobParent()));
}

GetSummaryReportJob *AlmClient::getComparisonSummary(const AlmTask &completedTask) const
{
    const AlmTaskResult result = completedTask.result.value_or(AlmTaskResult{});
    return getComparisonSummary(result.targetRevisionId, result.sourceRevisionId);
}

AlmTaskRunner *AlmClient::waitForTask(AlmTaskKind kind, const QString &taskId,
                                      const AlmTaskOptions &options) const
{
    auto *job = AlmTaskRunner::attach(transport(), m_modelId, kind, taskId, options, jobParent());
    if (m_modelId.isEmpty())
        job->failOnStart(badInput(noModelMessage(), {}, noModelHint()));
    return started(job);
}

} // namespace anadesk
