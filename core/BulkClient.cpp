#include "BulkClient.h"

#include "Connection.h"
#include "net/Transport.h"

namespace anadesk {

BulkClient::BulkClient(Connection *connection, const ModelRef &model)
    : m_connection(connection)
    , m_model(model)
{
}

Connection *BulkClient::connection() const
{
    return m_connection; // out of line: QPointer's conversion needs the complete Connection type
}

BulkClient BulkClient::withModel(const QString &modelId, const QString &workspaceId) const
{
    BulkClient copy = *this;
    if (!modelId.isEmpty())
        copy.m_model.modelId = modelId;
    if (!workspaceId.isEmpty())
        copy.m_model.workspaceId = workspaceId;
    return copy;
}

Transport *BulkClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

QObject *BulkClient::jobParent() const
{
    return m_connection.data();
}

template <typename J>
J *BulkClient::started(J *job) const
{
    job->start();
    return job;
}

QString BulkClient::orWorkspace(const QString &workspaceId) const
{
    return workspaceId.isEmpty() ? m_model.workspaceId : workspaceId;
}

QString BulkClient::orModel(const QString &modelId) const
{
    return modelId.isEmpty() ? m_model.modelId : modelId;
}

GetWorkspaceJob *BulkClient::getWorkspace(const QString &workspaceId) const
{
    return started(new GetWorkspaceJob(transport(), orWorkspace(workspaceId), jobParent()));
}

ListWorkspacesJob *BulkClient::getWorkspaces(const ListQuery &query) const
{
    return started(new ListWorkspacesJob(transport(), query, jobParent()));
}

GetModelJob *BulkClient::getModel(const QString &modelId) const
{
    return started(new GetModelJob(transport(), orModel(modelId), jobParent()));
}

ListModelsJob *BulkClient::getModels(const ListQuery &query, const WorkspaceFilter &filter) const
{
    QString workspaceId;
    bool missing = false;
    switch (filter.scope) {
    case WorkspaceFilter::Scope::All:
        break;
    case WorkspaceFilter::Scope::Current:
        workspaceId = m_model.workspaceId;
        missing = workspaceId.isEmpty();
        break;
    case WorkspaceFilter::Scope::Given:
        workspaceId = filter.workspaceId;
        missing = workspaceId.isEmpty();
        break;
    }
    auto *job = new ListModelsJob(transport(), workspaceId, query, jobParent());
    if (missing) // never silently widen "this workspace" to "every workspace"
        job->failOnStart(badInput(QObject::tr("No workspace selected"), {},
                                            QObject::tr("Select a workspace, or list the models of all workspaces.")));
    return started(job);
}

DeleteModelsJob *BulkClient::deleteModels(const QStringList &modelIds) const
{
    return started(new DeleteModelsJob(transport(), m_model.workspaceId, modelIds, jobParent()));
}

GetModelStatusJob *BulkClient::modelStatus(const QString &modelId) const
{
    return started(new GetModelStatusJob(transport(), orModel(modelId), jobParent()));
}

ModelPowerJob *BulkClient::openModel(const QString &modelId) const
{
    return started(new ModelPowerJob(transport(), orModel(modelId), ModelPowerJob::Operation::Open, jobParent()));
}

ModelPowerJob *BulkClient::closeModel(const QString &modelId) const
{
    return started(new ModelPowerJob(transport(), orModel(modelId), ModelPowerJob::Operation::Close, jobParent()));
}

ListFilesJob *BulkClient::getFiles(const ListQuery &query) const
{
    return started(new ListFilesJob(transport(), m_model, query, jobParent()));
}

ListActionsJob *BulkClient::getActions(const ListQuery &query) const
{
    return started(new ListActionsJob(transport(), m_model, query, jobParent()));
}

ListProcessesJob *BulkClient::getProcesses(const ListQuery &query) const
{
    return started(new ListProcessesJob(transport(), m_model, query, jobParent()));
}

ListImportsJob *BulkClient::getImports(const ListQuery &query) const
{
    return started(new ListImportsJob(transport(), m_model, query, jobParent()));
}

ListExportsJob *BulkClient::getExports(const ListQuery &query) const
{
    return started(new ListExportsJob(transport(), m_model, query, jobParent()));
}

ListFileChunksJob *BulkClient::getFileChunks(const QString &fileId) const
{
    return started(new ListFileChunksJob(transport(), m_model, fileId, jobParent()));
}

TaskRunner *BulkClient::runAction(const QString &actionId, bool waitForCompletion) const
{
    TaskRunnerOptions options;
    options.waitForCompletion = waitForCompletion;
    return runAction(actionId, options);
}

TaskRunner *BulkClient::runAction(const QString &actionId, const TaskRunnerOptions &options) const
{
    return started(new TaskRunner(transport(), m_model, actionId, options, jobParent()));
}

TaskRunner *BulkClient::waitForTask(const QString &actionId, const QString &taskId,
                                    const TaskRunnerOptions &options) const
{
    return started(TaskRunner::attach(transport(), m_model, actionId, taskId, options, jobParent()));
}

ListTaskSummariesJob *BulkClient::getTaskSummaries(const QString &actionId) const
{
    return started(new ListTaskSummariesJob(transport(), m_model, actionId, jobParent()));
}

GetTaskStatusJob *BulkClient::getTaskStatus(const QString &actionId, const QString &taskId) const
{
    return started(new GetTaskStatusJob(transport(), m_model, actionId, taskId, jobParent()));
}

CancelTaskJob *BulkClient::cancelTask(const QString &actionId, const QString &taskId) const
{
    return started(new CancelTaskJob(transport(), m_model, actionId, taskId, jobParent()));
}

GetOptimizerLogJob *BulkClient::getOptimizerLog(const QString &actionId, const QString &taskId) const
{
    return started(new GetOptimizerLogJob(transport(), m_model, actionId, taskId, jobParent()));
}

DumpDownloadJob *BulkClient::getImportDump(const QString &importId, const QString &taskId, QIODevice *sink) const
{
    return started(new DumpDownloadJob(transport(), m_model, DumpRef{importId, taskId, {}}, sink, jobParent()));
}

DumpDownloadJob *BulkClient::getProcessDump(const QString &processId, const QString &taskId, const QString &objectId,
                                            QIODevice *sink) const
{
    return started(new DumpDownloadJob(transport(), m_model, DumpRef{processId, taskId, objectId}, sink, jobParent()));
}

GetFileJob *BulkClient::getFile(const QString &fileId) const
{
    return started(new GetFileJob(transport(), m_model, fileId, jobParent()));
}

FileStreamJob *BulkClient::getFileStream(const QString &fileId) const
{
    return started(new FileStreamJob(transport(), m_model, fileId, jobParent()));
}

DownloadFileJob *BulkClient::downloadFile(const QString &fileId, const QString &targetPath, bool overwrite) const
{
    return started(new DownloadFileJob(transport(), m_model, fileId, targetPath, overwrite, jobParent()));
}

UploadFileJob *BulkClient::uploadFile(const QString &fileId, const QByteArray &content) const
{
    return started(new UploadFileJob(transport(), m_model, fileId, content, jobParent()));
}

UploadFileJob *BulkClient::uploadFileFromPath(const QString &fileId, const QString &localPath) const
{
    return started(new UploadFileJob(transport(), m_model, fileId, localPath, jobParent()));
}

UploadStreamFileJob *BulkClient::uploadFileStream(const QString &fileId) const
{
    return started(new UploadStreamFileJob(transport(), m_model, fileId, jobParent()));
}

UploadAndImportJob *BulkClient::uploadAndImport(const QString &fileId, const QByteArray &content,
                                                const QString &importId, bool waitForCompletion) const
{
    TaskRunnerOptions options;
    options.waitForCompletion = waitForCompletion;
    return started(new UploadAndImportJob(transport(), m_model, fileId, content, importId, options, jobParent()));
}

UploadAndImportJob *BulkClient::uploadAndImportFromPath(const QString &fileId, const QString &localPath,
                                                        const QString &importId,
                                                        const TaskRunnerOptions &options) const
{
    return started(new UploadAndImportJob(transport(), m_model, fileId, localPath, importId, options, jobParent()));
}

ExportAndDownloadJob *BulkClient::exportAndDownload(const QString &exportId) const
{
    return started(new ExportAndDownloadJob(transport(), m_model, exportId, {}, {}, false, jobParent()));
}

ExportAndDownloadJob *BulkClient::exportAndDownloadTo(const QString &exportId, const QString &targetPath,
                                                      bool overwrite) const
{
    return started(new ExportAndDownloadJob(transport(), m_model, exportId, {}, targetPath, overwrite, jobParent()));
}

ResolveJob *BulkClient::resolve(ObjectKind kind, const QString &idOrName) const
{
    return started(new ResolveJob(transport(), m_model, kind, idOrName, jobParent()));
}

} // namespace anadesk
