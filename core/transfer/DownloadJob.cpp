#include "DownloadJob.h"

#include "ChunkLister.h"
#include "FileRequests.h"
#include "Gzip.h"
#include "SafeFileName.h"
#include "Sha256.h"
#include "net/ApiReply.h"
#include "net/ReplyBodySink.h"
#include "net/Transport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_LINUX
#include <fcntl.h> // sync_file_range
#endif
#ifdef Q_OS_UNIX
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace anadesk {

// ---------------------------------------------------------------------------------------------------
// DownloadJobBase

// Where the transport puts each piece of a chunk's body, for the attempt now on the wire.
class DownloadJobBase::PieceSink final : public ReplyBodySink
{
public:
    PieceSink(DownloadJobBase *job, int index)
        : m_job(job)
        , m_index(index)
    {}
    void restart() override
    {
        if (m_job)
            m_job->attemptRestarted(m_index);
    }
    void append(const QByteArray &piece) override
    {
        if (m_job)
            m_job->pieceArrived(m_index, piece);
    }

private:
    QPointer<DownloadJobBase> m_job;
    int m_index;
};

// A chunk on its way: the pieces not handed on yet, and how many bytes were handed on (streamed).
struct ChunkInFlight
{
    ChunkBody held;
    qint64 streamed = 0;
};

struct DownloadJobBase::Private
{
    QPointer<ChunkLister> lister;
    QHash<int, QPointer<ApiReply>> replies;
    QHash<int, ChunkInFlight> bodies; // chunks being fetched
    QMap<int, ChunkInFlight> ready;   // fetched, waiting for their turn
    bool singleRequest = false;       // ≤ 1 chunk: GET …/files/{id}
    bool listedEmpty = false;
    int nextToFetch = 0;
    int nextToDeliver = 0;
    int released = 0; // chunks the subclass is done with (plus the resumed ones)
    bool allDelivered = false;
};

DownloadJobBase::DownloadJobBase(Transport *transport, FileLocation source, QObject *parent)
    : TransferJob(transport, std::move(source), parent)
    , d(std::make_unique<Private>())
{}

DownloadJobBase::~DownloadJobBase()
{
    if (isRunning())
        DownloadJobBase::abortInFlight();
}

void DownloadJobBase::listChunks()
{
    setPhase(tr("Listing chunks"));
    auto *lister = new ChunkLister(transport(), m_location, this);
    d->lister = lister;
    connect(lister, &ChunkLister::finished, this, [this, lister] {
        lister->deleteLater();
        d->lister = nullptr;
        if (!isRunning())
            return;
        if (lister->error().isError()) {
            ApiError error = lister->error();
            error.message = tr("Listing the chunks of the file failed: %1").arg(error.message);
            if (error.category == ErrorCategory::NotFound && error.hint.isEmpty())
                error.hint = tr("Check the file id. An export's file only exists once the export has run.");
            if (error.object.isEmpty())
                error.object = objectDescription();
            finishWithError(error);
            return;
        }
        m_chunkIds = lister->ids();
        // ≤ 1 chunk: one plain GET of the file (anaplan-api.md §7.5 step 2).
        d->singleRequest = m_chunkIds.size() <= 1;
        d->listedEmpty = m_chunkIds.isEmpty();
        if (m_chunkIds.isEmpty())
            m_chunkIds = {QStringLiteral("0")};
        m_manifest.chunks.clear();
        for (int i = 0; i < m_chunkIds.size(); ++i) {
            ChunkRecord record;
            record.index = i;
            record.serverId = m_chunkIds[i];
            m_manifest.chunks.append(record);
        }
        chunkListReady();
    });
    lister->start();
}

void DownloadJobBase::fetchFrom(int firstIndex)
{
    setPhase(tr("Downloading"));
    d->nextToFetch = d->nextToDeliver = d->released = firstIndex;
    if (firstIndex >= m_chunkIds.size()) {
        d->allDelivered = true;
        allChunksDelivered();
        return;
    }
    pump();
}

void DownloadJobBase::pump()
{
    const int window = qMax(1, transport()->options().downloadBatchSize);
    while (isRunning() && d->nextToFetch < m_chunkIds.size() && d->nextToFetch - d->released < window)
        fetchOne(d->nextToFetch++, 1);
}

void DownloadJobBase::chunkReleased()
{
    ++d->released;
    pump();
}

void DownloadJobBase::fetchOne(int index, int attempt)
{
    const QUrl api = transport()->endpoints().api;
    ApiRequest request = d->singleRequest ? file_requests::getWholeFile(api, m_location)
                                          : file_requests::getChunk(api, m_location, m_chunkIds[index]);
    request.bodySink = std::make_shared<PieceSink>(this, index);
    d->bodies.insert(index, {});
    ApiReply *reply = transport()->send(request);
    d->replies.insert(index, reply);
    ++m_manifest.chunks[index].attempts;
    connect(reply, &ApiReply::finished, this,
            [this, reply, index, attempt] { onFetched(reply, index, attempt); });
}

void DownloadJobBase::onFetched(ApiReply *reply, int index, int attempt)
{
    reply->deleteLater();
    if (d->replies.value(index) == reply)
        d->replies.remove(index);
    ChunkInFlight fetched = d->bodies.take(index);
    if (!isRunning())
        return;
    if (!reply->isOk()) {
        ApiError error = reply->error();
        if (error.category == ErrorCategory::None)
            error.category = ErrorCategory::Protocol;
        if (d->listedEmpty && error.category == ErrorCategory::NotFound) {
            error.message = tr("The file holds no content (it has no chunks)");
            error.hint = tr("Run the export first, or upload data to the file.");
        } else {
            error.message = tr("Download of chunk %1 of %2 failed: %3")
                                .arg(index)
                                .arg(m_chunkIds.size())
                                .arg(error.message);
        }
        if (error.object.isEmpty())
            error.object = objectDescription();
        finishWithError(error);
        return;
    }
    fetched.held.append(reply->body()); // empty unless the transport did not stream this reply
    const qint64 size = fetched.streamed + fetched.held.size;
    // A body shorter than announced must never pass as the chunk (T-DL-01/02). The transport already
    // treats a cut connection as an error; this catches a short body that still reached us. Replies
    // decoded by Qt (Content-Encoding) carry the encoded length, so they are not compared.
    const QByteArray lengthHeader = reply->rawHeader(QByteArrayLiteral("content-length"));
    const QByteArray encoding = reply->rawHeader(QByteArrayLiteral("content-encoding")).trimmed().toLower();
    bool lengthOk = false;
    const qint64 announced = lengthHeader.trimmed().toLongLong(&lengthOk);
    if (lengthOk && (encoding.isEmpty() || encoding == "identity") && announced != size) {
        const int maxAttempts = qMax(1, transport()->options().retryCount) + 1;
        if (attempt < maxAttempts) {
            ++m_chunksRefetched;
            if (fetched.streamed > 0) {
                ++m_chunksRewound;
                chunkRewound(index); // the refetch streams the chunk again from its start
            }
            fetchOne(index, attempt + 1);
            return;
        }
        ApiError error;
        error.category = ErrorCategory::Network;
        error.httpStatus = reply->httpStatus();
        error.message = tr("Chunk %1 arrived incomplete (%2 of %3 bytes) %4 times")
                            .arg(index)
                            .arg(size)
                            .arg(announced)
                            .arg(attempt);
        error.hint =
            tr("The connection keeps breaking. Try again later; the download resumes where it stopped.");
        finishWithError(error);
        return;
    }
    ++m_chunksFetched;
    m_bytesFetched += size;
    d->ready.insert(index, std::move(fetched));
    while (isRunning() && d->ready.contains(d->nextToDeliver)) {
        const int next = d->nextToDeliver++;
        deliverChunk(next, d->ready.take(next).held);
    }
    if (isRunning() && !d->allDelivered && d->nextToDeliver == m_chunkIds.size()) {
        d->allDelivered = true;
        allChunksDelivered();
        return;
    }
    streamHeldPieces();
}

void DownloadJobBase::pieceArrived(int index, const QByteArray &piece)
{
    if (!isRunning() || !d->bodies.contains(index))
        return;
    ChunkInFlight &chunk = d->bodies[index];
    if (streamsPieces() && index == d->nextToDeliver) {
        chunk.streamed += piece.size();
        chunkPiece(index, piece);
    } else {
        chunk.held.append(piece);
    }
}

void DownloadJobBase::attemptRestarted(int index)
{
    if (!isRunning() || !d->bodies.contains(index))
        return;
    ChunkInFlight &chunk = d->bodies[index];
    chunk.held = {};
    if (chunk.streamed > 0) {
        chunk.streamed = 0;
        ++m_chunksRewound;
        chunkRewound(index);
    }
}

void DownloadJobBase::streamHeldPieces()
{
    // The chunk now next in order may already be on its way: hand on what it holds, the rest follows live.
    if (!streamsPieces() || !isRunning() || !d->bodies.contains(d->nextToDeliver))
        return;
    ChunkInFlight &chunk = d->bodies[d->nextToDeliver];
    const ChunkBody held = std::exchange(chunk.held, {});
    for (const QByteArray &piece : held.pieces) {
        chunk.streamed += piece.size();
        chunkPiece(d->nextToDeliver, piece);
    }
}

void DownloadJobBase::chunkPiece(int, const QByteArray &) {}

void DownloadJobBase::chunkRewound(int) {}

void DownloadJobBase::abortInFlight()
{
    for (const QPointer<ApiReply> &reply : std::as_const(d->replies)) {
        if (!reply)
            continue;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
    d->replies.clear();
    d->bodies.clear();
    d->ready.clear();
    if (d->lister)
        d->lister->abort();
}

// ---------------------------------------------------------------------------------------------------
// DownloadJob: the writer lives on one pool thread; every file operation happens there, in order.

struct DownloadJob::Writer
{
    static constexpr qint64 kWriteSliceBytes = 256 * 1024;

    QString partialPath;
    QString manifestPath;
    QFile file;
    Sha256 sha;
    qint64 written = 0;
    TransferManifest manifest; // the resume record, kept by the writer thread

    struct Written
    {
        int index = 0;
        qint64 size = 0;
        quint32 crc32 = 0;
        QString error;
    };

    static quint32 crcOf(const QByteArray &data) { return gzip::crc32(0, data.constData(), data.size()); }

    // Opens `.partial`; keeps the first `resumable` chunks of `manifest` that still hash correctly.
    // Returns the number kept, or -1 with *error.
    int open(TransferManifest record, int resumable, QString *error)
    {
        manifest = std::move(record);
        file.setFileName(partialPath);
        if (!file.open(QIODevice::ReadWrite)) {
            *error = file.errorString();
            return -1;
        }
        int kept = 0;
        QByteArray buffer;
        for (; kept < resumable; ++kept) {
            const ChunkRecord &chunk = manifest.chunks[kept];
            if (!file.seek(written))
                break;
            buffer = file.read(chunk.size);
            if (buffer.size() != chunk.size || crcOf(buffer) != chunk.crc32)
                break; // torn or changed: refetch from here
            sha.addData(buffer);
            written += chunk.size;
        }
        for (int i = kept; i < manifest.chunks.size(); ++i)
            manifest.chunks[i].done = false;
        if (!file.resize(written) || !file.seek(written)) {
            *error = file.errorString();
            return -1;
        }
        QString saveError;
        if (!manifest.save(manifestPath, &saveError)) {
            *error = saveError;
            return -1;
        }
        return kept;
    }

    // --- hash thread: the SHA-256 of the whole file (for the user), in chunk order, at the same time as
    // the writer thread writes the same shared bytes. The two threads never touch the same member (`sha`
    // and `shaAtChunkStart` are read by open() and finalize() only while no hashing is queued).
    Sha256 shaAtChunkStart;
    void hashBeginChunk() { shaAtChunkStart.copyFrom(sha); }
    void hashPiece(const QByteArray &piece) { sha.addData(piece); }
    void hashRewind() { sha.copyFrom(shaAtChunkStart); }

    // --- writer thread: appends the pieces of one chunk at a time and takes a CRC-32 per chunk (for
    // resume checks, about four times cheaper than a second SHA-256 pass over the same bytes; it guards
    // against torn writes, not against an adversary). The first error sticks until the chunk ends.
    qint64 chunkStart = 0;
    quint32 chunkCrc = 0;
    QString chunkError;

    void beginChunk()
    {
        chunkStart = written;
        chunkCrc = 0;
        chunkError.clear();
    }

    void writePiece(const QByteArray &piece)
    {
        if (!chunkError.isEmpty())
            return;
        // Written in slices of at most 256 KiB: on Linux 6.x (ext4 with large folios) one write() of a
        // whole 25 MB chunk costs about five times the CPU of the same bytes in 256 KiB writes, and
        // 1-4 MiB writes turn slow as soon as another process writes at the same time
        // (benchmarks/transfer/README.md). Most network pieces are smaller than that anyway.
        for (qint64 at = 0; at < piece.size(); at += kWriteSliceBytes) {
            const qint64 length = qMin(kWriteSliceBytes, piece.size() - at);
            if (file.write(piece.constData() + at, length) != length) {
                chunkError = file.errorString();
                return;
            }
        }
        written += piece.size();
        chunkCrc = gzip::crc32(chunkCrc, piece.constData(), piece.size());
    }

    // The attempt that delivered the pieces so far broke: back to the chunk's start.
    void rewind()
    {
        if (!file.flush() || !file.resize(chunkStart) || !file.seek(chunkStart)) {
            if (chunkError.isEmpty())
                chunkError = file.errorString();
            return;
        }
        written = chunkStart;
        chunkCrc = 0;
        chunkError.clear();
    }

    // All pieces of chunk `index` are written: record it as done (flushed, writeback started).
    Written endChunk(int index)
    {
        Written result;
        result.index = index;
        result.size = written - chunkStart;
        result.error = chunkError;
        if (!result.error.isEmpty())
            return result;
        if (!file.flush()) {
            result.error = file.errorString();
            return result;
        }
        startWriteback(chunkStart, result.size);
        result.crc32 = chunkCrc;
        ChunkRecord &chunk = manifest.chunks[index];
        chunk.offset = chunkStart;
        chunk.size = result.size;
        chunk.wireSize = result.size;
        chunk.crc32 = result.crc32;
        chunk.done = true;
        QString saveError;
        if (!manifest.save(manifestPath, &saveError))
            result.error = saveError;
        return result;
    }

    // Starts the disk writeback of a written chunk now, without waiting for it, so the fsync() in
    // finalize() has little left to do: it otherwise flushed the whole file at the end, 0.2-0.3 s per GiB
    // on the benchmark machine with nothing else happening (benchmarks/transfer/README.md).
    void startWriteback(qint64 offset, qint64 size)
    {
#ifdef Q_OS_LINUX
        if (::sync_file_range(file.handle(), offset, size, SYNC_FILE_RANGE_WRITE) != 0)
            return; // only a hint: fsync() in finalize() still makes the data durable
#else
        Q_UNUSED(offset);
        Q_UNUSED(size);
#endif
    }

    QString finalize(QByteArray *digest)
    {
        if (!file.flush()) // data reaches the disk before the name says "complete"
            return file.errorString();
#ifdef Q_OS_UNIX
        if (::fsync(file.handle()) != 0)
            return QString::fromLocal8Bit(std::strerror(errno));
#elif defined(Q_OS_WIN)
        if (::_commit(file.handle()) != 0)
            return QString::fromLocal8Bit(std::strerror(errno));
#endif
        file.close();
        *digest = sha.result();
        return {};
    }

    void close()
    {
        file.close();
    }
    void discard()
    {
        file.close();
        QFile::remove(partialPath);
        QFile::remove(manifestPath);
        QFile::remove(manifestPath + QStringLiteral(".tmp"));
    }
};

DownloadJob::DownloadJob(Transport *transport, FileLocation source, QObject *parent)
    : DownloadJobBase(transport, std::move(source), parent)
    , m_writerPool(std::make_unique<QThreadPool>())
    , m_hashPool(std::make_unique<QThreadPool>())
{
    for (QThreadPool *pool : {m_writerPool.get(), m_hashPool.get()}) {
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(-1);
    }
}

DownloadJob::~DownloadJob()
{
    if (isRunning())
        DownloadJob::abortInFlight();
    m_hashPool->waitForDone();   // at most downloadBatchSize chunks to hash
    m_writerPool->waitForDone(); // at most downloadBatchSize chunk writes
}

QString DownloadJob::partialPathFor(const QString &target)
{
    return target + QStringLiteral(".partial");
}

QString DownloadJob::manifestPathFor(const QString &target)
{
    return target + QStringLiteral(".partial.manifest");
}

void DownloadJob::setTargetPath(const QString &path)
{
    m_targetError.clear();
    m_target = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
}

void DownloadJob::setTargetInDirectory(const QString &directory, const QString &serverProvidedName)
{
    m_targetError.clear();
    m_target = SafeFileName::resolveInside(directory, serverProvidedName, &m_targetError);
}

void DownloadJob::start()
{
    if (!beginRunning())
        return;
    auto bad = [this](const QString &message, const QString &hint) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = message;
        error.hint = hint;
        finishWithError(error);
    };
    if (!m_targetError.isEmpty())
        return bad(m_targetError, tr("Choose another folder or file name."));
    if (m_target.isEmpty())
        return bad(tr("No file to save the download into was given"), tr("Choose where to save the file."));
    const QFileInfo target(m_target);
    if (target.isDir())
        return bad(tr("'%1' is a folder").arg(m_target), tr("Choose a file name inside the folder."));
    if (!target.dir().exists())
        return bad(tr("The folder '%1' does not exist").arg(target.absolutePath()),
                   tr("Choose an existing folder."));
    if (target.exists() && !m_overwrite)
        return bad(tr("'%1' already exists").arg(m_target), tr("Choose another name, or allow overwriting."));
    m_manifest.source = m_target;
    if (!m_resume) {
        QFile::remove(partialPathFor(m_target));
        QFile::remove(manifestPathFor(m_target));
    }
    listChunks();
}

void DownloadJob::chunkListReady()
{
    // Resume only what belongs to exactly this file and chunk list.
    int resumable = 0;
    QString ignored;
    const auto previous =
        m_resume ? TransferManifest::load(manifestPathFor(m_target), &ignored) : std::nullopt;
    if (previous && previous->workspaceId == m_location.workspaceId &&
        previous->modelId == m_location.modelId && previous->fileId == m_location.fileId &&
        previous->chunks.size() == m_manifest.chunks.size() && QFileInfo::exists(partialPathFor(m_target))) {
        bool sameIds = true;
        for (int i = 0; i < m_manifest.chunks.size(); ++i)
            sameIds = sameIds && previous->chunks[i].serverId == m_manifest.chunks[i].serverId;
        if (sameIds) {
            while (resumable < previous->chunks.size() && previous->chunks[resumable].done)
                ++resumable;
            m_manifest.chunks = previous->chunks;
        }
    }
    openPartial(resumable);
}

void DownloadJob::openPartial(int resumableChunks)
{
    m_writer = std::make_shared<Writer>();
    m_writer->partialPath = partialPathFor(m_target);
    m_writer->manifestPath = manifestPathFor(m_target);
    if (resumableChunks == 0) {
        QFile::remove(m_writer->partialPath); // a fresh start never appends to unrelated bytes
        for (ChunkRecord &chunk : m_manifest.chunks)
            chunk.done = false;
    }
    struct Opened
    {
        int kept = -1;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Opened>(this);
    connect(watcher, &QFutureWatcher<Opened>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!isRunning())
            return;
        const Opened opened = watcher->result();
        if (opened.kept < 0) {
            failLocal(tr("Cannot write '%1'").arg(partialPathFor(m_target)), opened.error);
            return;
        }
        m_chunksResumed = opened.kept;
        for (int i = 0; i < m_manifest.chunks.size(); ++i)
            m_manifest.chunks[i].done = i < opened.kept;
        Q_EMIT progress(m_manifest.doneBytes(), -1, opened.kept, int(m_manifest.chunks.size()));
        fetchFrom(opened.kept);
    });
    watcher->setFuture(QtConcurrent::run(
        m_writerPool.get(), [writer = m_writer, record = m_manifest, resumableChunks]() -> Opened {
            Opened opened;
            opened.kept = writer->open(record, resumableChunks, &opened.error);
            return opened;
        }));
}

void DownloadJob::openChunk(int index)
{
    // Both threads take the chunk's pieces in order; they start it from the state they are in now.
    m_openChunk = index;
    m_writerPool->start([writer = m_writer] { writer->beginChunk(); });
    m_hashPool->start([writer = m_writer] { writer->hashBeginChunk(); });
}

void DownloadJob::chunkPiece(int index, const QByteArray &piece)
{
    // The chunk next in order: each piece goes to disk and into the hash as it arrives, on the shared bytes.
    if (m_openChunk != index)
        openChunk(index);
    m_writerPool->start([writer = m_writer, piece] { writer->writePiece(piece); });
    m_hashPool->start([writer = m_writer, piece] { writer->hashPiece(piece); });
}

void DownloadJob::chunkRewound(int index)
{
    if (m_openChunk != index)
        return;
    m_writerPool->start([writer = m_writer] { writer->rewind(); });
    m_hashPool->start([writer = m_writer] { writer->hashRewind(); });
}

void DownloadJob::deliverChunk(int index, const ChunkBody &data)
{
    // `data` holds what was fetched ahead of its turn (all of it for a chunk that finished before the one
    // in front of it, nothing for a chunk that streamed). The chunk leaves the fetch window only when
    // both its write (writer thread) and its hashing (hash thread) are done, so at most downloadBatchSize
    // chunks are in memory at any time, fetched, queued or being written. Measured: releasing at delivery
    // instead (up to 2 × batch chunks in memory) was no faster and peaked at 170-200 MB instead of ~100.
    for (const QByteArray &piece : data.pieces)
        chunkPiece(index, piece);
    if (m_openChunk != index)
        openChunk(index); // an empty chunk
    m_openChunk = -1;
    ++m_pendingWrites;
    m_stagesLeft.insert(index, 2);
    auto *watcher = new QFutureWatcher<Writer::Written>(this);
    connect(watcher, &QFutureWatcher<Writer::Written>::finished, this, [this, watcher, index] {
        watcher->deleteLater();
        const Writer::Written written = watcher->result();
        if (isRunning() && !written.error.isEmpty())
            failLocal(tr("Writing '%1' failed").arg(partialPathFor(m_target)), written.error);
        if (isRunning()) {
            ChunkRecord &chunk = m_manifest.chunks[written.index];
            chunk.size = written.size;
            chunk.wireSize = written.size;
            chunk.crc32 = written.crc32;
            chunk.done = true;
        }
        stageDone(index);
    });
    watcher->setFuture(QtConcurrent::run(m_writerPool.get(),
                                         [writer = m_writer, index] { return writer->endChunk(index); }));
    auto *hashed = new QFutureWatcher<void>(this);
    connect(hashed, &QFutureWatcher<void>::finished, this, [this, hashed, index] {
        hashed->deleteLater();
        stageDone(index);
    });
    hashed->setFuture(QtConcurrent::run(m_hashPool.get(), [] {})); // after the chunk's hashing, in order
}

void DownloadJob::stageDone(int index)
{
    if (--m_stagesLeft[index] > 0)
        return;
    m_stagesLeft.remove(index);
    --m_pendingWrites;
    if (!isRunning())
        return;
    Q_EMIT progress(m_manifest.doneBytes(), -1, m_manifest.doneChunks(), int(m_manifest.chunks.size()));
    chunkReleased();
    finalizeWhenWritten();
}

void DownloadJob::allChunksDelivered()
{
    m_allDelivered = true;
    finalizeWhenWritten();
}

void DownloadJob::finalizeWhenWritten()
{
    if (!m_allDelivered || m_pendingWrites > 0 || !isRunning())
        return;
    m_allDelivered = false; // once
    setPhase(tr("Saving"));
    struct Finalized
    {
        QByteArray digest;
        qint64 size = 0;
        QString error;
    };
    auto *watcher = new QFutureWatcher<Finalized>(this);
    connect(watcher, &QFutureWatcher<Finalized>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!isRunning())
            return;
        const Finalized finalized = watcher->result();
        if (!finalized.error.isEmpty()) {
            failLocal(tr("Saving '%1' failed").arg(partialPathFor(m_target)), finalized.error);
            return;
        }
        m_sha256 = finalized.digest;
        m_fileSize = finalized.size;
        rename();
    });
    watcher->setFuture(QtConcurrent::run(m_writerPool.get(), [writer = m_writer]() -> Finalized {
        Finalized finalized;
        finalized.size = writer->written;
        finalized.error = writer->finalize(&finalized.digest);
        return finalized;
    }));
}

void DownloadJob::rename()
{
    // The final name appears only here, atomically, with complete content (T-DL-04/05).
    if (QFileInfo::exists(m_target) && !m_overwrite) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("'%1' appeared while downloading").arg(m_target);
        error.hint = tr("The download is kept in '%1'. Remove or rename the other file and run it again.")
                         .arg(partialPathFor(m_target));
        finishWithError(error);
        return;
    }
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(partialPathFor(m_target)).toStdString(),
                            QFile::encodeName(m_target).toStdString(), ec);
    if (ec) {
        failLocal(tr("Renaming '%1' to '%2' failed").arg(partialPathFor(m_target), m_target),
                  QString::fromLocal8Bit(ec.message().c_str()));
        return;
    }
    QFile::remove(manifestPathFor(m_target));
    finishOk();
}

void DownloadJob::failLocal(const QString &message, const QString &detail)
{
    // A local write error is not resumable in place (disk full, permissions): remove the partial data
    // so no half file is left behind. The final name was never created.
    if (m_writer) {
        m_writerPool->start([writer = m_writer] { writer->discard(); });
    }
    ApiError error;
    error.category = ErrorCategory::LocalIo;
    error.message = message;
    error.serverMessage = detail; // the operating system's explanation ("No space left on device")
    error.hint = tr("Free disk space or choose another folder, then download again. Nothing was saved under "
                    "'%1'.")
                     .arg(QFileInfo(m_target).fileName());
    finishWithError(error);
}

void DownloadJob::abortInFlight()
{
    DownloadJobBase::abortInFlight();
    // Network failure or cancel: `.partial` + manifest stay for a later resume; just close the file
    // after the writes already queued.
    if (m_writer)
        m_writerPool->start([writer = m_writer] { writer->close(); });
}

// ---------------------------------------------------------------------------------------------------
// DownloadStreamJob

DownloadStreamJob::DownloadStreamJob(Transport *transport, FileLocation source, QObject *parent)
    : DownloadJobBase(transport, std::move(source), parent)
{
    m_manifest.source = QStringLiteral("stream");
}

DownloadStreamJob::~DownloadStreamJob() = default;

void DownloadStreamJob::start()
{
    if (!beginRunning())
        return;
    listChunks();
}

void DownloadStreamJob::chunkListReady()
{
    fetchFrom(0);
}

void DownloadStreamJob::deliverChunk(int index, const ChunkBody &data)
{
    ChunkRecord &chunk = m_manifest.chunks[index];
    chunk.offset = m_manifest.doneBytes();
    chunk.size = data.size;
    chunk.wireSize = data.size;
    chunk.done = true;
    Q_EMIT chunkReady(index, data.joined());
    if (!isRunning())
        return; // cancelled from the handler
    Q_EMIT progress(m_manifest.doneBytes(), -1, m_manifest.doneChunks(), int(m_manifest.chunks.size()));
    chunkReleased();
}

void DownloadStreamJob::allChunksDelivered()
{
    m_manifest.totalBytes = m_manifest.doneBytes();
    finishOk();
}

} // namespace anadesk
