#pragma once
// The guarded state of the tenant and every operation the bulk routes need. Each method takes the
// mutex for its bookkeeping only: chunk bodies are inflated and written, CSV files parsed and exports
// written without it (see putChunk and settle). Errors come back as a Failure: an HTTP status and a
// message that says what failed, on which object, and what to do.
#include "ChunkStore.h"
#include "SandboxConfig.h"
#include "TenantData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace sandbox {

struct Failure
{
    int status = 0; // 0: no failure
    QString message;
    explicit operator bool() const { return status != 0; }
};

struct ModelInfo
{
    ModelRecord record;
    QString workspaceName;
    bool transactionRunning = false;
};

struct DeleteModelsOutcome
{
    int deleted = 0;
    QList<QPair<QString, QString>> failures; // model id, message
};

// What a handler needs to stream a stored file or dump.
struct StoredContent
{
    QStringList paths; // in order
    qint64 size = 0;
};

class TenantState
{
public:
    explicit TenantState(const SandboxConfig &config);
    ~TenantState();

    const SandboxConfig &config() const { return m_config; }
    static constexpr qint64 kDumpChunkBytes = 10'000'000;   // Anaplan: dump chunks are ≤ 10 MB
    static constexpr qint64 kExportChunkBytes = 10'000'000; // export output files are split like dumps

    // Workspaces and models.
    QList<WorkspaceRecord> workspaces() const;
    Failure workspace(const QString &id, WorkspaceRecord *out) const;
    Failure models(const QString &workspaceId, QList<ModelInfo> *out) const; // empty id: every model
    Failure model(const QString &id, ModelInfo *out) const;
    Failure bulkDeleteModels(const QString &workspaceId, const QStringList &ids, DeleteModelsOutcome *out);
    Failure modelStatus(const QString &workspaceId, const QString &modelId, QJsonObject *requestStatus);
    Failure openModel(const QString &workspaceId, const QString &modelId);
    Failure closeModel(const QString &workspaceId, const QString &modelId);

    // Model objects (workspace-scoped paths; the workspace must hold the model).
    Failure files(const QString &ws, const QString &model, QList<FileRecord> *out);
    Failure content(const QString &ws, const QString &model, ModelContent *out); // imports, exports, … (no tasks)

    // Files and chunks.
    Failure setChunkCount(const QString &ws, const QString &model, const QString &fileId, const QJsonValue &count,
                          const QString &user, FileRecord *out);
    Failure putChunk(const QString &ws, const QString &model, const QString &fileId, const QString &chunk,
                     const QByteArray &body, bool gzip, const QString &user);
    Failure putWholeFile(const QString &ws, const QString &model, const QString &fileId, const QByteArray &body,
                         bool gzip, const QString &user);
    Failure completeFile(const QString &ws, const QString &model, const QString &fileId, FileRecord *out);
    Failure chunkList(const QString &ws, const QString &model, const QString &fileId, QList<int> *indexes);
    Failure chunkContent(const QString &ws, const QString &model, const QString &fileId, const QString &chunk,
                         StoredContent *out);
    Failure fileContent(const QString &ws, const QString &model, const QString &fileId, StoredContent *out);
    Failure deleteFile(const QString &ws, const QString &model, const QString &fileId);

    // Tasks. `kind` is the path segment: imports, exports, actions, processes.
    Failure startTask(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                      const QString &user, QJsonObject *task);
    Failure taskList(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                     QJsonArray *tasks);
    Failure taskStatus(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                       const QString &taskId, QJsonObject *task);
    Failure cancelTask(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                       const QString &taskId, QJsonObject *task);
    // Failure dump of `dumpObjectId` (the import itself for import tasks, a nested objectId for processes).
    Failure dump(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                 const QString &taskId, const QString &dumpObjectId, StoredContent *out);
    Failure solutionLog(const QString &ws, const QString &model, const QString &actionId, const QString &taskId,
                        QByteArray *log);

    // The model's data for the transactional and ALM routes (app/sandbox/transactional, app/sandbox/alm).
    // Due tasks are applied first and list items get their ids (ModelData::ensureItemIds). `ws` may be
    // empty (the model-direct /2/0/models/{m} paths). The callbacks run under the tenant lock: keep them
    // short and do not call back into the TenantState.
    Failure readModelData(const QString &ws, const QString &model,
                          const std::function<void(const ModelRecord &, const ModelData &)> &reader);
    // Like readModelData, on a copy the writer may change; the copy replaces the model's data (and is
    // saved) unless the writer returns a Failure. LOCKED models answer 423, ARCHIVED 422.
    Failure updateModelData(const QString &ws, const QString &model,
                            const std::function<Failure(const ModelRecord &, ModelData &)> &writer);
    // ALM online status: offline puts UNLOCKED/ACTIVE models in MAINTENANCE and PRODUCTION models in
    // PRODUCTION_MAINTENANCE; online reverses it. 422 archived, 400 locked (alm-openapi.json).
    Failure setModelOnline(const QString &model, bool online);

private:
    enum class Need { Read, Write, Run };
    Failure checkModel(const QString &ws, const QString &model, Need need) const; // with the lock held
    ModelContent *contentOf(const QString &model);
    bool modelBusy(const ModelContent &c, qint64 now) const;
    QJsonObject taskJson(const ModelContent &c, const TaskRecord &t, qint64 now, bool summary) const;
    TaskRecord *findTask(ModelContent &c, const QString &kind, const QString &objectId, const QString &taskId);
    QString fileProblem(const ModelContent &c, const FileRecord &f) const;
    QStringList chunkPaths(const QString &model, const FileRecord &f) const;

    // Uploads (putChunk, putWholeFile). With the lock held: the file that may be uploaded to now, or a
    // Failure (404 ending with `notFoundHint`, 400 for an export's output).
    Failure uploadTarget(const QString &ws, const QString &model, const QString &fileId,
                         const QString &notFoundHint, FileRecord **out);
    // With the lock held: a new upload generation of `f`; returns the old generation's directory.
    QString restartUpload(const QString &model, FileRecord &f, int declaredChunkCount);
    // One chunk of an upload generation, to be written without the lock.
    struct PendingChunk
    {
        QString model;
        QString fileId;
        int generation = 0;
        int index = 0;
        QString path;
        QString what;         // "Chunk 3 of file 113…": prefix of a write error (400)
        QString resetMessage; // 409 when the file was reset by another upload meanwhile
    };
    // Call without the lock: writes (inflating when gzip) and records the chunk unless its generation is
    // gone; completes the file when its declared chunk count is reached; saves the state when `save`.
    Failure storeChunk(const PendingChunk &chunk, const QByteArray &body, bool gzip, bool save);

    // Applies every task of `model` that has become due (work outside the lock). Call without the lock.
    void settle(const QString &model);
    void seed();
    bool load();
    // Serialises the state under the lock, releases the lock, then writes tenant.json (with dataDir).
    void saveAndUnlock(QMutexLocker<QMutex> &lock);

    SandboxConfig m_config;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<ChunkStore> m_store;
    mutable QMutex m_mutex;
    TenantData m_data;
    QSet<QString> m_applying; // task ids whose work runs right now
    QMutex m_saveMutex;
    quint64 m_saveSequence = 0;
    quint64 m_savedSequence = 0;
};

} // namespace sandbox
