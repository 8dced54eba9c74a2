#pragma once
// Raw downloads around tasks: chunk lists, failure dumps and optimizer solution logs.
//   GET BASE/files/{fileId}/chunks                                 → ListFileChunksJob
//   GET BASE/imports/{importId}/tasks/{taskId}/dump[/chunks[/{n}]] → import failure dump
//   GET BASE/processes/{processId}/tasks/{taskId}/dumps/{objectId}[/chunks[/{n}]]
//                                                                  → the dump of one nested action of a process
//   GET BASE/optimizeActions/{actionId}/tasks/{taskId}/solutionLogs → GetOptimizerLogJob
// Dumps are per user, overwritten by the next run of the same import and removed 48 h after last
// access: a 404 is reported as "no longer available", never as a crash.
#include "ApiJob.h"
#include "BulkPaths.h"
#include "PagedListJob.h"
#include "types/ChunkInfo.h"

#include <QIODevice>
#include <QPointer>

#include <optional>

namespace anadesk {

// Which failure dump: an import's (objectId empty) or one nested object's of a process.
struct DumpRef
{
    QString actionId; // 112… (import) or 118… (process)
    QString taskId;
    QString objectId; // processes only: nestedResults[].objectId

    bool isProcessDump() const { return actionKindFromId(actionId) == ActionKind::Process; }
    QString label() const; // "failure dump of task … of import …"
};

// The validation error for a DumpRef, if any.
ApiError checkDumpRef(const ModelRef &model, const DumpRef &dump);

class ListFileChunksJob : public PagedListJob
{
    Q_OBJECT
public:
    ListFileChunksJob(Transport *transport, const ModelRef &model, const QString &fileId, QObject *parent = nullptr);
    QList<ChunkInfo> chunks() const;
};

class ListDumpChunksJob : public PagedListJob
{
    Q_OBJECT
public:
    ListDumpChunksJob(Transport *transport, const ModelRef &model, const DumpRef &dump, QObject *parent = nullptr);
    QList<ChunkInfo> chunks() const;
};

// One GET of raw bytes: the whole dump (chunk empty) or one chunk of it.
class GetDumpJob : public ApiJob
{
    Q_OBJECT
public:
    GetDumpJob(Transport *transport, const ModelRef &model, const DumpRef &dump,
               const std::optional<QString> &chunkId = std::nullopt, QObject *parent = nullptr);
    const QByteArray &data() const { return body(); }

protected:
    ApiError parseBody(const QByteArray &body) override;
};

// A whole dump, chunk by chunk (list, then each chunk in order — the documented way; a dump with no
// chunk list falls back to the single whole-dump GET). The bytes are appended to `sink` when given
// (never held whole in memory), else kept in data().
class DumpDownloadJob : public Job
{
    Q_OBJECT
public:
    DumpDownloadJob(Transport *transport, const ModelRef &model, const DumpRef &dump, QIODevice *sink = nullptr,
                    QObject *parent = nullptr);
    ~DumpDownloadJob() override;

    const DumpRef &dump() const { return m_dump; }
    const QByteArray &data() const { return m_data; }
    qint64 bytesReceived() const { return m_bytes; }
    int chunkCount() const { return m_chunkIds.size(); }

Q_SIGNALS:
    void progress(int chunksDone, int chunkCount);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void onChunkList(ListDumpChunksJob *job);
    void fetchNext();
    void onChunk(GetDumpJob *job);
    void fail(ApiError error);

    Transport *m_transport;
    ModelRef m_model;
    DumpRef m_dump;
    QPointer<QIODevice> m_sink;
    QList<QString> m_chunkIds;
    int m_next = 0;
    bool m_wholeFallback = false;
    QByteArray m_data;
    qint64 m_bytes = 0;
    QPointer<Job> m_child;
};

// The optimizer's solver log (text/plain).
class GetOptimizerLogJob : public ApiJob
{
    Q_OBJECT
public:
    GetOptimizerLogJob(Transport *transport, const ModelRef &model, const QString &actionId, const QString &taskId,
                       QObject *parent = nullptr);
    const QByteArray &log() const { return body(); }

protected:
    ApiError parseBody(const QByteArray &body) override;
};

} // namespace anadesk
