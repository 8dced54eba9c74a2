#pragma once
// Downloads an Anaplan file (an upload or an export's output, whose file id equals the export id),
// anaplan-api.md §7.5:
//
//   [list]      GET …/files/{id}/chunks → chunk ids (paged with limit/offset)
//   [fetch]     ≤ 1 chunk: GET …/files/{id} (whole body); else GET …/files/{id}/chunks/{n} with at
//               most downloadBatchSize in flight, delivered strictly in order. A body shorter than its
//               Content-Length or cut by the connection is an error the transport retries; a short body
//               that still slips through is caught here and re-fetched (T-DL-01/02).
//               Bodies arrive as the pieces the network produced (ReplyBodySink) and are never
//               concatenated into one buffer.
//   [deliver]   DownloadJob: the chunk next in order streams: each piece is appended to
//               `<target>.partial` on a single writer thread (with a CRC-32 per chunk) while a hash
//               thread adds it to the SHA-256 of the whole file, as it comes off the wire. An attempt
//               that breaks after some pieces is undone (file truncated to the chunk's start, hash
//               state restored) before the retry streams again. Chunks fetched ahead are held until
//               their turn. `<target>.partial.manifest` is rewritten (temporary file + rename) after
//               each chunk. A chunk counts against downloadBatchSize until it is written and hashed,
//               so memory stays ≤ about batch × chunk size.
//               DownloadStreamJob: chunkReady(index, data) in order.
//   [finish]    flush + fsync, atomic rename `.partial` → target, manifest removed.
//
// Resume (T-DL-04): a new DownloadJob on the same target finds `.partial` + manifest; when the
// workspace, model, file id and the server's chunk list are the same it keeps the chunks recorded as
// written whose bytes in `.partial` still match their CRC-32 (torn writes are refetched), truncates
// the rest and fetches only the missing chunks. Anaplan offers no checksum, so a file that
// changed on the server with the same chunk list cannot be detected; setResume(false) starts over.
//
// Failure handling: network errors, server errors and cancel keep `.partial` + manifest for a later
// resume; local write errors (disk full, T-DL-05) remove them, so no half file is ever left under the
// final name or a name that looks complete. The final name is only ever created by the rename.
#include "ChunkBody.h"
#include "TransferJob.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <memory>

class QThreadPool;

namespace anadesk {

class ApiReply;

// Fetching machinery shared by both download jobs. Not used directly.
class DownloadJobBase : public TransferJob
{
    Q_OBJECT
public:
    ~DownloadJobBase() override;

    // Figures for reports and tests.
    int chunksFetched() const { return m_chunksFetched; }     // chunk bodies fetched by this job
    int chunksRefetched() const { return m_chunksRefetched; } // extra fetches after a short/cut body
    qint64 bytesFetched() const { return m_bytesFetched; }
    int chunksRewound() const { return m_chunksRewound; } // streamed pieces undone after a broken attempt

protected:
    DownloadJobBase(Transport *transport, FileLocation source, QObject *parent);

    // Lists chunks, then calls chunkListReady(ids). Subclasses then call fetchFrom(first).
    void listChunks();
    void fetchFrom(int firstIndex);
    // A delivered chunk is "held" until the subclass calls chunkReleased(): the window of chunks in
    // memory (fetching + delivered but not yet written) never exceeds downloadBatchSize.
    void chunkReleased();
    const QStringList &chunkIds() const { return m_chunkIds; }

    virtual void chunkListReady() = 0;
    // A subclass that returns true gets the chunk next in order piece by piece as it arrives
    // (chunkPiece), is told to undo those pieces when the attempt fails and the chunk is fetched again
    // (chunkRewound), and gets in deliverChunk only the pieces it was not given yet.
    virtual bool streamsPieces() const { return false; }
    virtual void chunkPiece(int index, const QByteArray &piece);
    virtual void chunkRewound(int index);
    // In order; `index` counts from 0 over chunkIds(). Completes the chunk.
    virtual void deliverChunk(int index, const ChunkBody &data) = 0;
    virtual void allChunksDelivered() = 0;
    void abortInFlight() override;

private:
    class PieceSink;
    void pump();
    void fetchOne(int index, int attempt);
    void onFetched(ApiReply *reply, int index, int attempt);
    void pieceArrived(int index, const QByteArray &piece);
    void attemptRestarted(int index);
    void streamHeldPieces();

    struct Private;
    std::unique_ptr<Private> d;
    QStringList m_chunkIds;
    int m_chunksFetched = 0;
    int m_chunksRefetched = 0;
    int m_chunksRewound = 0;
    qint64 m_bytesFetched = 0;
};

class DownloadJob : public DownloadJobBase
{
    Q_OBJECT
public:
    DownloadJob(Transport *transport, FileLocation source, QObject *parent = nullptr);
    ~DownloadJob() override;

    // The local file to create. An existing file is replaced only with setOverwrite(true).
    void setTargetPath(const QString &path);
    // Saves into `directory` under a name that came from the server (an export's name): only its last
    // component is used, sanitised with SafeFileName, and the result must stay inside `directory`.
    void setTargetInDirectory(const QString &directory, const QString &serverProvidedName);
    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }
    void setResume(bool resume) { m_resume = resume; }

    void start() override;

    QString targetPath() const { return m_target; }
    static QString partialPathFor(const QString &target);  // "<target>.partial"
    static QString manifestPathFor(const QString &target); // "<target>.partial.manifest"

    // After success: SHA-256 of the whole file (raw 32 bytes) and its size.
    QByteArray sha256() const { return m_sha256; }
    qint64 fileSize() const { return m_fileSize; }
    int chunksResumed() const { return m_chunksResumed; } // chunks taken from an earlier .partial

protected:
    void chunkListReady() override;
    bool streamsPieces() const override { return true; }
    void chunkPiece(int index, const QByteArray &piece) override;
    void chunkRewound(int index) override;
    void deliverChunk(int index, const ChunkBody &data) override;
    void allChunksDelivered() override;
    void abortInFlight() override;

private:
    void openChunk(int index);
    void openPartial(int resumableChunks);
    void failLocal(const QString &message, const QString &detail);
    void stageDone(int index);
    void finalizeWhenWritten();
    void rename();

    struct Writer;
    std::shared_ptr<Writer> m_writer;
    std::unique_ptr<QThreadPool> m_writerPool; // one thread: writes happen strictly in order
    std::unique_ptr<QThreadPool> m_hashPool;   // one thread: SHA-256 in order, beside the writes
    QHash<int, int> m_stagesLeft;              // chunk index → write/hash tasks still running
    int m_openChunk = -1;                      // the chunk whose pieces the threads are taking
    QString m_target;
    QString m_targetError;
    bool m_overwrite = false;
    bool m_resume = true;
    bool m_allDelivered = false;
    int m_pendingWrites = 0;
    int m_chunksResumed = 0;
    QByteArray m_sha256;
    qint64 m_fileSize = 0;
};

// Emits the file's chunks in order (get_file_stream). Each chunk is released (next fetch started)
// once the chunkReady() handlers return.
class DownloadStreamJob : public DownloadJobBase
{
    Q_OBJECT
public:
    DownloadStreamJob(Transport *transport, FileLocation source, QObject *parent = nullptr);
    ~DownloadStreamJob() override;

    void start() override;

Q_SIGNALS:
    void chunkReady(int index, const QByteArray &data);

protected:
    void chunkListReady() override;
    void deliverChunk(int index, const ChunkBody &data) override;
    void allChunksDelivered() override;
};

} // namespace anadesk
