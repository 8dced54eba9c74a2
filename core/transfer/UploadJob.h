#pragma once
// Uploads a local file (or a random-access QIODevice) to an Anaplan file, anaplan-api.md §7.4:
//
//   [set chunk count]  POST …/files/{id} {"chunkCount": N}
//        │              file.id != requested id → Anaplan created a new file:
//        │              allowFileCreation ? continue on the NEW id : fail (BadInput, ask a model builder)
//   [upload chunks]    for each planned chunk, at most uploadConcurrency at once:
//        │              worker: read [offset, offset+len) from disk, check the source is unchanged,
//        │              SHA-256, gzip (level ClientOptions::compressionLevel; 0 = no compression)
//        │              PUT …/files/{id}/chunks/{n}  (application/x-gzip or application/octet-stream)
//        │              Transport retries transient errors; a chunk that still fails fails the job
//   [verify]           GET …/files/{id}/chunks == manifest? missing chunks re-read and re-sent once,
//        │              then verified again; still missing → Protocol error
//   [source check]     size/mtime unchanged since the start, else LocalIo error (T-UP-09)
//   [done]             fixed chunk count: no /complete call (anaplan-api.md §17 fact 3)
//
// Memory is bounded by chunk size × uploadConcurrency × ~2 (raw + compressed); the file is never
// read whole. For text sources the cuts follow ChunkPlanner::planText (line boundaries).
#include "ChunkPlanner.h"
#include "TransferJob.h"

#include <QIODevice>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace anadesk {

class ApiReply;

// The machinery both upload jobs share: set chunk count, compress-and-PUT with bounded concurrency,
// verify the server's chunk list, complete. Not used directly.
class UploadJobBase : public TransferJob
{
    Q_OBJECT
public:
    ~UploadJobBase() override;

    // Figures for reports and tests.
    int chunkResends() const { return m_chunkResends; }     // chunks re-sent after verification
    qint64 wireBytesSent() const { return m_wireBytesSent; } // bytes of successful PUT bodies
    bool createdNewFile() const { return m_createdNewFile; }

Q_SIGNALS:
    void chunkUploaded(int index, qint64 uncompressedBytes, qint64 wireBytes);

protected:
    UploadJobBase(Transport *transport, FileLocation target, QObject *parent);

    // One chunk ready to send, produced on a worker.
    struct Prepared
    {
        QByteArray body;   // what goes on the wire (gzip or raw)
        QByteArray sha256; // of the uncompressed bytes
        qint64 rawSize = 0;
        ApiError error;    // set when reading/compressing failed (LocalIo, BadInput)
    };
    using Producer = std::function<Prepared()>; // runs on a worker thread; must not touch `this`

    // Runs `producer` on a worker, then PUTs the chunk (when a PUT slot is free); on success records it in
    // the manifest and calls chunkDone(). Any failure finishes the job.
    void sendChunk(int index, qint64 offset, Producer producer);
    // True while fewer than concurrency() chunks are being prepared or wait for a PUT slot.
    bool canStartChunk() const;
    int chunksPending() const; // being prepared, waiting or being sent
    // POST …/files/{id} {"chunkCount": count}; then chunkCountSet() (with the possibly new file id).
    void setChunkCount(int count);
    // GET the chunk list; re-send missing chunks once via resendProducer(); then, when `complete`,
    // POST …/complete; then checkBeforeSuccess(); then finishOk().
    void verifyAndFinish(bool complete);
    // Wraps raw bytes into a Prepared: SHA-256 and (level > 0) gzip. Thread-safe, static.
    static Prepared prepare(const QByteArray &raw, int compressionLevel);
    int compressionLevel() const;
    int concurrency() const;

    virtual void chunkCountSet() = 0;
    virtual void chunkDone(int index) = 0;
    // A preparation slot opened (canStartChunk() may now be true): start the next chunk if there is one.
    virtual void morePossible() = 0;
    // A producer that re-reads chunk `index`, or an empty function when that is impossible (streams).
    virtual Producer resendProducer(int index) = 0;
    // Last check before success (the source file unchanged); return an error to fail instead.
    virtual ApiError checkBeforeSuccess() { return {}; }
    void abortInFlight() override;

    int m_chunkCount = 0; // what was announced to the server (-1 for streams)

private:
    void sendWaiting();
    void onChunkSent(ApiReply *reply, int index);
    void listForVerification(bool afterResend);
    void onChunkListed(const QStringList &serverIds, bool afterResend);
    void afterVerification();
    void sendComplete();
    ApiError replyError(ApiReply *reply, const QString &what) const;

    struct Private;
    std::unique_ptr<Private> d;
    int m_chunkResends = 0;
    qint64 m_wireBytesSent = 0;
    bool m_createdNewFile = false;
    QJsonObject m_fileObject; // the `file` object the server returned for the chunk-count POST
};

class UploadJob : public UploadJobBase
{
    Q_OBJECT
public:
    UploadJob(Transport *transport, FileLocation target, QObject *parent = nullptr);
    ~UploadJob() override;

    // Exactly one source. A file is opened by path on the workers (never read whole). A device must be
    // open, readable and random-access (not sequential: use UploadStreamJob); it is read on this
    // thread one chunk at a time, must outlive the job and is not owned.
    void setSourceFile(const QString &path);
    void setSourceDevice(QIODevice *device, const QString &description = QStringLiteral("device"));

    // How cuts are placed. Auto (default) sniffs the first 4 KiB with ChunkPlanner::detectEncoding.
    enum class Boundaries { Auto, Binary, Text, Utf16LE, Utf16BE };
    void setBoundaries(Boundaries boundaries) { m_boundaries = boundaries; }

    // Overrides ClientOptions::uploadChunkSize for this job (bytes before compression).
    void setChunkSize(qint64 bytes) { m_chunkSizeOverride = bytes; }

    void start() override;

    const ChunkPlan &plan() const { return m_plan; }

protected:
    void chunkCountSet() override;
    void chunkDone(int index) override;
    void morePossible() override;
    Producer resendProducer(int index) override;
    ApiError checkBeforeSuccess() override;

private:
    void pump();
    Producer producerFor(int index);

    QString m_path;
    QIODevice *m_device = nullptr;
    QString m_deviceDescription;
    Boundaries m_boundaries = Boundaries::Auto;
    qint64 m_chunkSizeOverride = 0;
    ChunkPlan m_plan;
    struct ReadBuffers;
    std::shared_ptr<ReadBuffers> m_readBuffers; // shared with the producers on the workers
    int m_nextIndex = 0;
    int m_doneCount = 0;
    struct SourceStamp
    {
        qint64 size = -1;
        qint64 mtimeMs = 0;
    } m_stamp;
};

// Uploads chunks produced while the upload runs (database extracts, stdin): chunkCount -1, one PUT per
// pushed chunk, then the chunk list is verified and POST …/files/{id}/complete is sent with the file
// metadata object (id as a string, as Anaplan documents). Nothing is completed unless every chunk was
// acknowledged and listed by the server.
//
// Usage: start(); pushChunk() while canPush() (or on readyForData()); finishInput(). Chunks are
// compressed on workers and sent with at most uploadConcurrency in flight; pushChunk() queues at most
// that many more, so memory stays bounded by the producer honouring canPush().
class UploadStreamJob : public UploadJobBase
{
    Q_OBJECT
public:
    UploadStreamJob(Transport *transport, FileLocation target, QObject *parent = nullptr);
    ~UploadStreamJob() override;

    void start() override;

    // Queues one chunk (1 … 50,000,000 bytes; empty chunks are ignored). Returns false and leaves the
    // job unchanged when the job is not running, input was finished, or the queue is full; a chunk over
    // 50,000,000 bytes or a 1,001st chunk fails the job with BadInput.
    bool pushChunk(const QByteArray &data);
    bool canPush() const;
    int queuedChunks() const { return int(m_queue.size()); } // pushed, not yet being compressed
    // No more chunks: once all are acknowledged, verify and complete.
    void finishInput();

Q_SIGNALS:
    void readyForData(); // the queue has room again

protected:
    void chunkCountSet() override;
    void chunkDone(int index) override;
    void morePossible() override;
    Producer resendProducer(int index) override;

private:
    void pump(bool notify);

    QList<QByteArray> m_queue; // pushed, not yet handed to a worker
    bool m_countSet = false;
    bool m_inputFinished = false;
    int m_pushed = 0;
    int m_done = 0;
    qint64 m_pushedBytes = 0;
};

} // namespace anadesk
