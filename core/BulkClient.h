#pragma once
// The bulk API of Anaplan — the reference AsyncClient's surface (anaplan-sdk-async-client.md), method
// names in camelCase — as a cheap, copyable view onto a Connection plus a workspace and a model.
//
// Async pattern (one for every method): each call returns a STARTED job (a core/api Job). Connect
// to it before returning to the event loop — nothing is emitted earlier:
//
//   auto *job = client.getFiles();
//   connect(job, &Job::succeeded, this, [job] { show(job->files()); });
//   connect(job, &Job::failed, this, [](const ApiError &e) { report(e.toString()); });
//
// Exactly one of succeeded()/failed() then finished(); the job deletes itself afterwards (unless
// setAutoDelete(false)); abort() stops it and sends nothing more. Invalid input (no model selected,
// an id of the wrong kind, an unknown sort field) fails the job with BadInput WITHOUT any request.
// Jobs are children of the Connection. For sequential code (CLI, tests) see waitFor() in JobWait.h.
#include "api/BulkPaths.h"
#include "api/DumpJobs.h"
#include "api/FileJobs.h"
#include "api/ListQuery.h"
#include "api/ModelJobs.h"
#include "api/ModelObjectJobs.h"
#include "api/ResolveJob.h"
#include "api/TaskJobs.h"
#include "api/WorkspaceJobs.h"
#include "tasks/ActionFlows.h"
#include "tasks/TaskRunner.h"

#include <QPointer>
#include <QStringList>

namespace anadesk {

class Connection;
class Transport;

// Which models getModels() lists (the SDK's only_in_workspace: False | True | "<ws id>").
struct WorkspaceFilter
{
    enum class Scope { All, Current, Given };
    Scope scope = Scope::All;
    QString workspaceId;
    static WorkspaceFilter all() { return {}; }
    static WorkspaceFilter current() { return {Scope::Current, {}}; }
    static WorkspaceFilter of(const QString &workspaceId) { return {Scope::Given, workspaceId}; }
};

class BulkClient
{
public:
    BulkClient() = default;
    BulkClient(Connection *connection, const ModelRef &model);

    // A copy on another model (and workspace); empty arguments keep the current ids. The copy shares
    // the connection (transport, token, pacing).
    BulkClient withModel(const QString &modelId = {}, const QString &workspaceId = {}) const;

    Connection *connection() const;
    Transport *transport() const;
    const ModelRef &model() const { return m_model; }
    QString workspaceId() const { return m_model.workspaceId; }
    QString modelId() const { return m_model.modelId; }
    bool isValid() const { return !m_connection.isNull(); }

    // --- workspaces and models --------------------------------------------------------------------
    // workspaceId empty: the client's workspace.
    GetWorkspaceJob *getWorkspace(const QString &workspaceId = {}) const;
    // query.search: tenant-admin substring search (% and _ wildcards); sortBy: "name" | "sizeAllowance".
    ListWorkspacesJob *getWorkspaces(const ListQuery &query = {}) const;
    // modelId empty: the client's model.
    GetModelJob *getModel(const QString &modelId = {}) const;
    // sortBy: "name" | "activeState".
    ListModelsJob *getModels(const ListQuery &query = {}, const WorkspaceFilter &filter = WorkspaceFilter::all()) const;
    // In the client's workspace; models must be closed first; others proceed if one fails.
    DeleteModelsJob *deleteModels(const QStringList &modelIds) const;
    GetModelStatusJob *modelStatus(const QString &modelId = {}) const;
    ModelPowerJob *openModel(const QString &modelId = {}) const;
    ModelPowerJob *closeModel(const QString &modelId = {}) const;

    // --- model objects (sortBy: "id" | "name") -----------------------------------------------------
    ListFilesJob *getFiles(const ListQuery &query = {}) const;
    ListActionsJob *getActions(const ListQuery &query = {}) const; // "Other actions" only
    ListProcessesJob *getProcesses(const ListQuery &query = {}) const;
    ListImportsJob *getImports(const ListQuery &query = {}) const;
    ListExportsJob *getExports(const ListQuery &query = {}) const;
    ListFileChunksJob *getFileChunks(const QString &fileId) const;

    // --- tasks ------------------------------------------------------------------------------------
    // Kind from the id prefix (112 import, 116 export, 117 action, 118 process). wait=false: ends
    // after the start with the task's first status (status()), like run_action(wait_for_completion=False).
    TaskRunner *runAction(const QString &actionId, bool waitForCompletion = true) const;
    TaskRunner *runAction(const QString &actionId, const TaskRunnerOptions &options) const;
    // Follows a task that already runs until it ends (after a deadline, or started elsewhere).
    TaskRunner *waitForTask(const QString &actionId, const QString &taskId, const TaskRunnerOptions &options = {}) const;
    ListTaskSummariesJob *getTaskSummaries(const QString &actionId) const;
    GetTaskStatusJob *getTaskStatus(const QString &actionId, const QString &taskId) const;
    // Only sends the DELETE; to wait until CANCELLED use TaskRunner::cancel() (or waitForTask after this).
    CancelTaskJob *cancelTask(const QString &actionId, const QString &taskId) const;
    GetOptimizerLogJob *getOptimizerLog(const QString &actionId, const QString &taskId) const;
    // Failure dumps, chunk by chunk; into data() or appended to `sink` when given (not owned).
    DumpDownloadJob *getImportDump(const QString &importId, const QString &taskId, QIODevice *sink = nullptr) const;
    DumpDownloadJob *getProcessDump(const QString &processId, const QString &taskId, const QString &objectId,
                                    QIODevice *sink = nullptr) const;

    // --- files ------------------------------------------------------------------------------------
    GetFileJob *getFile(const QString &fileId) const;             // content in memory: data()
    FileStreamJob *getFileStream(const QString &fileId) const;    // chunkReady(index, data) in order
    DownloadFileJob *downloadFile(const QString &fileId, const QString &targetPath, bool overwrite = false) const;
    UploadFileJob *uploadFile(const QString &fileId, const QByteArray &content) const;
    UploadFileJob *uploadFileFromPath(const QString &fileId, const QString &localPath) const;
    UploadStreamFileJob *uploadFileStream(const QString &fileId) const; // pushChunk()… finishInput()
    UploadAndImportJob *uploadAndImport(const QString &fileId, const QByteArray &content, const QString &importId,
                                        bool waitForCompletion = true) const;
    UploadAndImportJob *uploadAndImportFromPath(const QString &fileId, const QString &localPath,
                                                const QString &importId, const TaskRunnerOptions &options = {}) const;
    ExportAndDownloadJob *exportAndDownload(const QString &exportId) const;                 // data()
    ExportAndDownloadJob *exportAndDownloadTo(const QString &exportId, const QString &targetPath,
                                              bool overwrite = false) const;

    // --- names ------------------------------------------------------------------------------------
    // An id or a name → the id (ambiguous names fail with BadInput listing the candidates).
    ResolveJob *resolve(ObjectKind kind, const QString &idOrName) const;

private:
    template <typename J>
    J *started(J *job) const;
    QString orWorkspace(const QString &workspaceId) const;
    QString orModel(const QString &modelId) const;
    QObject *jobParent() const;

    QPointer<Connection> m_connection;
    ModelRef m_model;
};

} // namespace anadesk
