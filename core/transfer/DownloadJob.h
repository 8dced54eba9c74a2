#pragma once
// Downloads an Anaplan file (an upload or an export's output, whose file id equals the export id),
// anaplan-api.md §7.5:
//
//   [list]      GET …/files/{id}/chunks → chunk ids (paged with limit/offset)
//   [fetch]     ≤ 1 chunk: GET …/files/{id} (whole body); else GET …/files/{id}/chunks/{n} with at
//               most downloadBatchSize in flight, delivered strictly in order. A body shorter than its
//               Content-Length or cut by the connection is an error the transport retries; a short body
//               that still slips through is caught here and re-fetched (T-DL-01/02).
//   [deliver]   DownloadJob: appended to `<target>.partial` on a single writer thread (with a CRC-32
//               per chunk) while a hash thread adds it to the SHA-256 of the whole file, with
//               `<target>.partial.manifest` rewritten (temporary file + rename) after each chunk. While up to downloadBatchSize
//               chunks wait for the writer, fetching goes on; memory ≤ 2 × batch × chunk size.
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
    // In order; `index` counts from 0 over chunkIds().
    virtual void deliverChunk(int index, const QByteArray &data) = 0;
    virtual void allChunksDelivered() = 0;
    void abortInFlight() override;

private:
    void pump();
    void fetchOne(int index, int attempt);
    void onFetched(ApiReply *reply, int index, int attempt);
    void deliverReady();

    struct Private;
    std::unique_ptr<Private> d;
    QStringList m_chunkIds;
    int m_chunksFetched = 0;
    int m_chunksRefetched = 0;
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
    void deliverChunk(int index, const QByteArray &data) override;
    void allChunksDelivered() override;
    void abortInFlight() override;

private:
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
    QString m_target;
    QString m_targetError;
    bool m_overwrite = false;
    bool m_resume = true;
    bool m_allDelivered = false;
    int m_pendingWrites = 0;
    int m_deferredReleases = 0;
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
    void deliverChunk(int index, const QByteArray &data) override;
    void allChunksDelivered() override;
};

} // namespace anadesk
