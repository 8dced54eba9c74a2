#include "UploadJob.h"

#include "ChunkLister.h"
#include "FileRequests.h"
#include "Gzip.h"
#include "Sha256.h"
#include "net/ApiReply.h"
#include "net/Transport.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QtConcurrent>

namespace anadesk {

using namespace chunk_limits;

// ---------------------------------------------------------------------------------------------------
// UploadJobBase

struct UploadJobBase::Private
{
    int preparing = 0;                                // chunks being read/compressed, or waiting to be sent
    QList<QPair<int, QByteArray>> waiting;            // prepared bodies waiting for a PUT slot
    QHash<int, QPointer<ApiReply>> chunkReplies;      // PUTs in flight by chunk index
    QPointer<ApiReply> control;                       // chunk count / complete
    QList<QPointer<QFutureWatcher<Prepared>>> workers; // chunks being read/compressed
    QPointer<ChunkLister> lister;
    qint64 doneBytes = 0;
    bool resending = false;
    int resendsPending = 0;
    bool completeAfterVerify = false;
};

UploadJobBase::UploadJobBase(Transport *transport, FileLocation target, QObject *parent)
    : TransferJob(transport, std::move(target), parent)
    , d(std::make_unique<Private>())
{
}

UploadJobBase::~UploadJobBase()
{
    if (isRunning())
        abortInFlight();
}

int UploadJobBase::compressionLevel() const { return transport()->options().compressionLevel; }

int UploadJobBase::concurrency() const { return qMax(1, transport()->options().uploadConcurrency); }

UploadJobBase::Prepared UploadJobBase::prepare(const QByteArray &raw, int level)
{
    Prepared prepared;
    prepared.rawSize = raw.size();
    prepared.sha256 = Sha256::hash(raw);
    if (level <= 0) {
        prepared.body = raw;
        return prepared;
    }
    gzip::Result packed = gzip::compress(raw, level);
    if (!packed.ok()) {
        prepared.error.category = ErrorCategory::LocalIo;
        prepared.error.message = QCoreApplication::translate("anadesk::UploadJob", "Compressing a chunk failed");
        prepared.error.serverMessage = packed.error;
        return prepared;
    }
    prepared.body = std::move(packed.data);
    return prepared;
}

ApiError UploadJobBase::replyError(ApiReply *reply, const QString &what) const
{
    ApiError error = reply->error();
    if (error.category == ErrorCategory::None)
        error.category = ErrorCategory::Protocol;
    if (error.httpStatus == 0)
        error.httpStatus = reply->httpStatus();
    error.message = error.message.isEmpty() ? what : what + QStringLiteral(": ") + error.message;
    if (error.object.isEmpty())
        error.object = objectDescription();
    return error;
}

void UploadJobBase::setChunkCount(int count)
{
    m_chunkCount = count;
    setPhase(tr("Setting the chunk count"));
    const FileLocation requested = m_location;
    ApiReply *reply =
        transport()->send(file_requests::setChunkCount(transport()->endpoints().api, m_location, count));
    d->control = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, requested] {
        reply->deleteLater();
        d->control = nullptr;
        if (!isRunning())
            return;
        if (!reply->isOk()) {
            ApiError error = replyError(reply, tr("Preparing the upload (setting the chunk count) failed"));
            if (error.category == ErrorCategory::NotFound && error.hint.isEmpty())
                error.hint = tr("Check the workspace, model and file ids, and that you can see the model.");
            finishWithError(error);
            return;
        }
        const auto file = file_requests::parseFileObject(reply->body());
        if (!file) {
            ApiError error;
            error.category = ErrorCategory::Protocol;
            error.httpStatus = reply->httpStatus();
            error.message = tr("The server's answer to the chunk count has no file object");
            error.serverMessage = QString::fromUtf8(reply->body().left(200));
            finishWithError(error);
            return;
        }
        m_fileObject = *file;
        const QString returnedId = file_requests::idOf(file->value(QStringLiteral("id")));
        if (returnedId != requested.fileId) {
            // anaplan-api.md §17 fact 4: Anaplan silently created a new file with another id.
            if (!transport()->options().allowFileCreation) {
                ApiError error;
                error.category = ErrorCategory::NotFound;
                error.httpStatus = reply->httpStatus();
                error.message = tr("File %1 does not exist in the model; Anaplan created a new file %2 instead")
                                    .arg(requested.fileId, returnedId);
                error.hint = tr("Nothing was uploaded. Check the file id, and ask a model builder to remove the "
                                "stray file %1 ('%2') from the model (or allow file creation to upload into it).")
                                 .arg(returnedId, file->value(QStringLiteral("name")).toString());
                finishWithError(error);
                return;
            }
            m_createdNewFile = true;
            m_location.fileId = returnedId;
            m_manifest.fileId = returnedId;
        }
        setPhase(tr("Uploading"));
        chunkCountSet();
    });
}

void UploadJobBase::sendChunk(int index, qint64 offset, Producer producer)
{
    // Two stages with their own slots, so compression never waits for the network and the network never
    // waits for compression: up to concurrency() chunks being prepared (or prepared and waiting), and
    // up to concurrency() PUTs in flight. Memory: concurrency × (raw + gzip) + concurrency × gzip.
    ++d->preparing;
    while (m_manifest.chunks.size() <= index) {
        ChunkRecord record;
        record.index = int(m_manifest.chunks.size());
        record.serverId = QString::number(record.index);
        m_manifest.chunks.append(record);
    }
    m_manifest.chunks[index].offset = offset;

    auto *watcher = new QFutureWatcher<Prepared>(this);
    d->workers.append(watcher);
    connect(watcher, &QFutureWatcher<Prepared>::finished, this, [this, watcher, index] {
        watcher->deleteLater();
        d->workers.removeAll(watcher);
        if (!isRunning())
            return;
        Prepared prepared = watcher->result();
        if (prepared.error.isError()) {
            if (prepared.error.object.isEmpty())
                prepared.error.object = objectDescription();
            finishWithError(prepared.error);
            return;
        }
        ChunkRecord &record = m_manifest.chunks[index];
        record.size = prepared.rawSize;
        record.sha256 = prepared.sha256;
        record.wireSize = prepared.body.size();
        d->waiting.append({index, std::move(prepared.body)});
        sendWaiting();
    });
    watcher->setFuture(QtConcurrent::run(std::move(producer)));
}

void UploadJobBase::sendWaiting()
{
    while (isRunning() && !d->waiting.isEmpty() && d->chunkReplies.size() < concurrency()) {
        auto [index, body] = d->waiting.takeFirst();
        --d->preparing;
        ++m_manifest.chunks[index].attempts;
        const bool gzipped = compressionLevel() > 0;
        ApiReply *reply =
            transport()->send(file_requests::putChunk(transport()->endpoints().api, m_location, index, body, gzipped));
        body.clear(); // the request holds its own copy while it may be retried
        d->chunkReplies.insert(index, reply);
        connect(reply, &ApiReply::finished, this, [this, reply, index] { onChunkSent(reply, index); });
    }
    // A preparation slot may have opened: let the subclass start reading the next chunk.
    if (isRunning() && !d->resending)
        morePossible();
}

void UploadJobBase::onChunkSent(ApiReply *reply, int index)
{
    reply->deleteLater();
    if (d->chunkReplies.value(index) == reply)
        d->chunkReplies.remove(index);
    if (!isRunning())
        return;
    if (!reply->isOk()) {
        finishWithError(replyError(reply, tr("Upload of chunk %1 failed").arg(index)));
        return;
    }
    ChunkRecord &sent = m_manifest.chunks[index];
    if (!sent.done)
        d->doneBytes += sent.size;
    sent.done = true;
    m_wireBytesSent += sent.wireSize;
    Q_EMIT chunkUploaded(index, sent.size, sent.wireSize);
    if (!isRunning())
        return; // cancelled from a handler
    Q_EMIT progress(d->doneBytes, m_manifest.totalBytes, m_manifest.doneChunks(), m_chunkCount < 0 ? -1 : m_chunkCount);
    if (!isRunning())
        return;
    if (d->resending) {
        if (--d->resendsPending == 0) {
            d->resending = false;
            listForVerification(true);
        } else {
            sendWaiting();
        }
        return;
    }
    sendWaiting();
    if (isRunning())
        chunkDone(index);
}

int UploadJobBase::chunksPending() const { return d->preparing + int(d->chunkReplies.size()); }

bool UploadJobBase::canStartChunk() const { return isRunning() && d->preparing < concurrency(); }

void UploadJobBase::verifyAndFinish(bool complete)
{
    d->completeAfterVerify = complete;
    if (m_manifest.chunks.isEmpty()) {
        afterVerification();
        return;
    }
    listForVerification(false);
}

void UploadJobBase::listForVerification(bool afterResend)
{
    setPhase(tr("Verifying chunks"));
    auto *lister = new ChunkLister(transport(), m_location, this);
    d->lister = lister;
    connect(lister, &ChunkLister::finished, this, [this, lister, afterResend] {
        lister->deleteLater();
        d->lister = nullptr;
        if (!isRunning())
            return;
        if (lister->error().isError()) {
            ApiError error = lister->error();
            error.message = tr("Verifying the uploaded chunks failed: %1").arg(error.message);
            if (error.object.isEmpty())
                error.object = objectDescription();
            finishWithError(error);
            return;
        }
        onChunkListed(lister->ids(), afterResend);
    });
    lister->start();
}

void UploadJobBase::onChunkListed(const QStringList &serverIds, bool afterResend)
{
    const QList<int> missing = m_manifest.missingOn(serverIds);
    QSet<QString> expected;
    for (const ChunkRecord &chunk : std::as_const(m_manifest.chunks))
        expected.insert(chunk.serverId);
    QStringList extra;
    for (const QString &id : serverIds)
        if (!expected.contains(id))
            extra.append(id);

    if (!extra.isEmpty()) {
        ApiError error;
        error.category = ErrorCategory::Protocol;
        error.message = tr("The server lists %1 chunk(s) that were not uploaded (%2)")
                            .arg(extra.size())
                            .arg(extra.mid(0, 10).join(QStringLiteral(", ")));
        error.hint = tr("The file on the server would not match the local data. Upload it again.");
        finishWithError(error);
        return;
    }
    if (missing.isEmpty()) {
        afterVerification();
        return;
    }
    QStringList missingText;
    for (int index : missing)
        missingText.append(QString::number(index));
    if (afterResend) {
        ApiError error;
        error.category = ErrorCategory::Protocol;
        error.message = tr("The server still lacks chunk(s) %1 after they were sent again")
                            .arg(missingText.mid(0, 10).join(QStringLiteral(", ")));
        error.hint = tr("The upload is incomplete and was not completed. Try again later; if this repeats, "
                        "contact Anaplan support.");
        finishWithError(error);
        return;
    }
    // T-UP-10: re-send exactly the missing chunks once, re-read from the source.
    QList<QPair<int, Producer>> resends;
    for (int index : missing) {
        Producer producer = resendProducer(index);
        if (!producer) {
            ApiError error;
            error.category = ErrorCategory::Protocol;
            error.message = tr("The server lacks chunk(s) %1 of this streamed upload")
                                .arg(missingText.mid(0, 10).join(QStringLiteral(", ")));
            error.hint = tr("A streamed upload cannot be re-sent from its source; the upload was not "
                            "completed. Run it again.");
            finishWithError(error);
            return;
        }
        resends.append({index, producer});
    }
    d->resending = true;
    d->resendsPending = int(resends.size());
    m_chunkResends += int(resends.size());
    setPhase(tr("Re-sending %n missing chunk(s)", nullptr, int(resends.size())));
    for (auto &[index, producer] : resends) {
        m_manifest.chunks[index].done = false;
        d->doneBytes -= m_manifest.chunks[index].size;
        sendChunk(index, m_manifest.chunks[index].offset, std::move(producer));
    }
}

void UploadJobBase::afterVerification()
{
    const ApiError check = checkBeforeSuccess();
    if (check.isError()) {
        finishWithError(check);
        return;
    }
    if (d->completeAfterVerify)
        sendComplete();
    else
        finishOk();
}

void UploadJobBase::sendComplete()
{
    setPhase(tr("Completing the upload"));
    // Anaplan documents the body as the file metadata with the id as a string.
    QJsonObject body = m_fileObject;
    body.insert(QStringLiteral("id"), m_location.fileId);
    body.insert(QStringLiteral("chunkCount"), int(m_manifest.chunks.size()));
    ApiReply *reply =
        transport()->send(file_requests::complete(transport()->endpoints().api, m_location, body));
    d->control = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        reply->deleteLater();
        d->control = nullptr;
        if (!isRunning())
            return;
        if (!reply->isOk()) {
            ApiError error = replyError(reply, tr("Completing the upload failed"));
            if (error.hint.isEmpty())
                error.hint = tr("All chunks were sent, but the server did not confirm the upload. Upload the "
                                "file again before running an import on it.");
            finishWithError(error);
            return;
        }
        finishOk();
    });
}

void UploadJobBase::abortInFlight()
{
    auto abortReply = [this](ApiReply *reply) {
        if (!reply)
            return;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    };
    for (const QPointer<ApiReply> &reply : std::as_const(d->chunkReplies))
        abortReply(reply);
    d->chunkReplies.clear();
    abortReply(d->control);
    d->control = nullptr;
    if (d->lister)
        d->lister->abort();
    // Workers cannot be interrupted; their results are ignored (the handlers check isRunning()).
    for (const auto &watcher : std::as_const(d->workers))
        if (watcher)
            disconnect(watcher, nullptr, this, nullptr);
    d->workers.clear();
    d->waiting.clear();
}

// ---------------------------------------------------------------------------------------------------
// UploadJob

// Chunk-sized read buffers reused from chunk to chunk. A fresh 25 MB buffer per chunk costs ~6,000 page
// faults and the unmapping afterwards, about 0.5 CPU-s per GiB (benchmarks/transfer/README.md). At most
// `keep` (the concurrency) are kept, and only while the job and its producers live.
struct UploadJob::ReadBuffers
{
    explicit ReadBuffers(int keepCount)
        : keep(keepCount)
    {
    }
    QByteArray take()
    {
        const QMutexLocker locker(&mutex);
        return free.isEmpty() ? QByteArray() : free.takeLast();
    }
    void give(QByteArray buffer)
    {
        const QMutexLocker locker(&mutex);
        if (free.size() < keep)
            free.append(std::move(buffer));
    }

    QMutex mutex;
    QList<QByteArray> free;
    const int keep;
};

namespace {

bool looksLikeFileId(const QString &id)
{
    // Import data sources are 113xxxxxxxxx (anaplan-api.md §2).
    if (id.size() != 12 || !id.startsWith(QStringLiteral("113")))
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) { return c.isDigit(); });
}

ApiError localError(const QString &message, const QString &object, const QString &hint = {})
{
    ApiError error;
    error.category = ErrorCategory::LocalIo;
    error.message = message;
    error.object = object;
    error.hint = hint;
    return error;
}

qint64 mtimeMs(const QFileInfo &info)
{
    return info.lastModified().toMSecsSinceEpoch();
}

} // namespace

UploadJob::UploadJob(Transport *transport, FileLocation target, QObject *parent)
    : UploadJobBase(transport, std::move(target), parent)
{
}

UploadJob::~UploadJob() = default;

void UploadJob::setSourceFile(const QString &path)
{
    m_path = path;
    m_device = nullptr;
}

void UploadJob::setSourceDevice(QIODevice *device, const QString &description)
{
    m_device = device;
    m_deviceDescription = description;
    m_path.clear();
}

void UploadJob::start()
{
    if (!beginRunning())
        return;
    if (!transport()->options().allowFileCreation && !looksLikeFileId(m_location.fileId)) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("'%1' is not an import file id").arg(m_location.fileId);
        error.hint = tr("Import files have 12-digit ids starting with 113. Pick the file from the model's file "
                        "list.");
        finishWithError(error);
        return;
    }
    const qint64 configured = m_chunkSizeOverride > 0 ? m_chunkSizeOverride : transport()->options().uploadChunkSize;

    if (m_device) {
        m_manifest.source = m_deviceDescription;
        if (!m_device->isOpen() || !m_device->isReadable() || m_device->isSequential()) {
            ApiError error;
            error.category = ErrorCategory::BadInput;
            error.message = tr("The data source '%1' is not open for random-access reading").arg(m_deviceDescription);
            error.hint = tr("Open it for reading, or upload it as a stream.");
            finishWithError(error);
            return;
        }
        const qint64 size = m_device->size();
        TextEncodingFamily family = TextEncodingFamily::Binary;
        switch (m_boundaries) {
        case Boundaries::Auto:
            m_device->seek(0);
            family = ChunkPlanner::detectEncoding(m_device->peek(4096));
            break;
        case Boundaries::Text: family = TextEncodingFamily::SingleByteOrUtf8; break;
        case Boundaries::Utf16LE: family = TextEncodingFamily::Utf16LE; break;
        case Boundaries::Utf16BE: family = TextEncodingFamily::Utf16BE; break;
        case Boundaries::Binary: break;
        }
        m_plan = ChunkPlanner::planText(*m_device, size, configured, family);
        if (!m_plan.isValid()) {
            ApiError error;
            error.category = size > kMaxFileBytes ? ErrorCategory::BadInput : ErrorCategory::LocalIo;
            error.message = m_plan.error;
            finishWithError(error);
            return;
        }
        m_manifest.totalBytes = size;
        setChunkCount(m_plan.chunkCount());
        return;
    }

    if (m_path.isEmpty()) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("No file to upload was given");
        finishWithError(error);
        return;
    }
    m_manifest.source = m_path;
    const QFileInfo info(m_path);
    if (!info.exists() || !info.isFile() || !info.isReadable()) {
        finishWithError(localError(tr("Cannot read '%1'").arg(m_path), objectDescription(),
                                   tr("Check that the file exists and that you may read it.")));
        return;
    }
    m_stamp.size = info.size();
    m_stamp.mtimeMs = mtimeMs(info);
    m_manifest.totalBytes = m_stamp.size;

    // Planning reads a little around each cut: on a worker, never on this thread.
    setPhase(tr("Planning chunks"));
    auto *watcher = new QFutureWatcher<ChunkPlan>(this);
    const QString path = m_path;
    const qint64 size = m_stamp.size;
    const Boundaries boundaries = m_boundaries;
    connect(watcher, &QFutureWatcher<ChunkPlan>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!isRunning())
            return;
        m_plan = watcher->result();
        if (!m_plan.isValid()) {
            ApiError error = localError(m_plan.error, objectDescription());
            if (m_stamp.size > kMaxFileBytes)
                error.category = ErrorCategory::BadInput;
            finishWithError(error);
            return;
        }
        setChunkCount(m_plan.chunkCount());
    });
    watcher->setFuture(QtConcurrent::run([path, size, configured, boundaries]() -> ChunkPlan {
        if (size > kMaxFileBytes || boundaries == Boundaries::Binary)
            return ChunkPlanner::plan(size, configured);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            ChunkPlan failed;
            failed.error = QCoreApplication::translate("anadesk::UploadJob", "Cannot open '%1': %2")
                               .arg(path, file.errorString());
            return failed;
        }
        TextEncodingFamily family = TextEncodingFamily::SingleByteOrUtf8;
        if (boundaries == Boundaries::Auto)
            family = ChunkPlanner::detectEncoding(file.read(4096));
        else if (boundaries == Boundaries::Utf16LE)
            family = TextEncodingFamily::Utf16LE;
        else if (boundaries == Boundaries::Utf16BE)
            family = TextEncodingFamily::Utf16BE;
        return ChunkPlanner::planText(file, size, configured, family);
    }));
}

void UploadJob::chunkCountSet() { pump(); }

void UploadJob::pump()
{
    const int total = m_plan.chunkCount();
    if (total == 0) {
        verifyAndFinish(false);
        return;
    }
    while (canStartChunk() && m_nextIndex < total) {
        const int index = m_nextIndex++;
        sendChunk(index, m_plan.chunks[index].offset, producerFor(index));
    }
}

void UploadJob::morePossible()
{
    if (m_plan.chunkCount() > 0 && m_nextIndex > 0)
        pump();
}

void UploadJob::chunkDone(int)
{
    if (++m_doneCount == m_plan.chunkCount())
        verifyAndFinish(false);
}

UploadJobBase::Producer UploadJob::producerFor(int index)
{
    const ChunkSpan span = m_plan.chunks[index];
    const int level = compressionLevel();
    const QString object = objectDescription();
    if (m_device) {
        // The device belongs to this thread: read here, compress and hash on the worker.
        QByteArray raw;
        QString readError;
        if (!m_device->seek(span.offset))
            readError = m_device->errorString();
        else {
            raw = m_device->read(span.length);
            if (raw.size() != span.length)
                readError = tr("read %1 of %2 bytes: %3").arg(raw.size()).arg(span.length).arg(m_device->errorString());
        }
        const QString description = m_deviceDescription;
        return [raw, level, readError, object, description, index]() -> Prepared {
            if (!readError.isEmpty()) {
                Prepared failed;
                failed.error = localError(QCoreApplication::translate("anadesk::UploadJob",
                                                                      "Reading chunk %1 from '%2' failed: %3")
                                              .arg(index)
                                              .arg(description, readError),
                                          object);
                return failed;
            }
            return prepare(raw, level);
        };
    }
    const QString path = m_path;
    const SourceStamp stamp = m_stamp;
    if (!m_readBuffers)
        m_readBuffers = std::make_shared<ReadBuffers>(concurrency());
    return [path, span, stamp, level, object, index, buffers = m_readBuffers]() -> Prepared {
        auto fail = [&](const QString &message, const QString &hint = {}) {
            Prepared failed;
            failed.error = localError(message, object, hint);
            return failed;
        };
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return fail(QCoreApplication::translate("anadesk::UploadJob", "Cannot open '%1': %2")
                            .arg(path, file.errorString()));
        QByteArray raw = buffers->take();
        raw.resize(span.length);
        const qint64 got = file.seek(span.offset) ? file.read(raw.data(), span.length) : -1;
        // T-UP-09: a source changed under us is never uploaded as a mix of old and new data.
        const QFileInfo now(path);
        if (now.size() != stamp.size || mtimeMs(now) != stamp.mtimeMs)
            return fail(QCoreApplication::translate("anadesk::UploadJob",
                                                    "'%1' was modified while it was being uploaded")
                            .arg(path),
                        QCoreApplication::translate("anadesk::UploadJob",
                                                    "The upload was stopped and not completed. Upload the file "
                                                    "again once it is no longer being written."));
        if (got != span.length)
            return fail(QCoreApplication::translate("anadesk::UploadJob",
                                                    "Reading chunk %1 of '%2' failed (%3 of %4 bytes): %5")
                            .arg(index)
                            .arg(path)
                            .arg(qMax<qint64>(got, 0))
                            .arg(span.length)
                            .arg(file.errorString()));
        Prepared prepared = prepare(raw, level);
        if (level > 0) // uncompressed, the body shares the buffer: it goes on the wire, not back
            buffers->give(std::move(raw));
        return prepared;
    };
}

UploadJobBase::Producer UploadJob::resendProducer(int index) { return producerFor(index); }

ApiError UploadJob::checkBeforeSuccess()
{
    if (m_device)
        return {};
    const QFileInfo now(m_path);
    if (now.size() != m_stamp.size || mtimeMs(now) != m_stamp.mtimeMs)
        return localError(tr("'%1' was modified while it was being uploaded").arg(m_path), objectDescription(),
                          tr("The server may hold a mix of old and new data: upload the file again before "
                             "running an import on it."));
    return {};
}

// ---------------------------------------------------------------------------------------------------
// UploadStreamJob

UploadStreamJob::UploadStreamJob(Transport *transport, FileLocation target, QObject *parent)
    : UploadJobBase(transport, std::move(target), parent)
{
    m_manifest.source = QStringLiteral("stream");
}

UploadStreamJob::~UploadStreamJob() = default;

void UploadStreamJob::start()
{
    if (!beginRunning())
        return;
    if (!transport()->options().allowFileCreation && !looksLikeFileId(m_location.fileId)) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("'%1' is not an import file id").arg(m_location.fileId);
        error.hint = tr("Import files have 12-digit ids starting with 113.");
        finishWithError(error);
        return;
    }
    setChunkCount(-1);
}

bool UploadStreamJob::canPush() const
{
    return isRunning() && !m_inputFinished && m_queue.size() < concurrency();
}

bool UploadStreamJob::pushChunk(const QByteArray &data)
{
    if (!isRunning() || m_inputFinished)
        return false;
    if (data.isEmpty())
        return true;
    if (data.size() > kMaxChunkBytes || m_pushed >= kMaxChunkCount) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = data.size() > kMaxChunkBytes
                            ? tr("A chunk of %1 bytes is larger than Anaplan's limit of %2 bytes")
                                  .arg(data.size())
                                  .arg(kMaxChunkBytes)
                            : tr("More than %1 chunks were given; Anaplan accepts at most %1 per file")
                                  .arg(kMaxChunkCount);
        error.hint = tr("Nothing was completed on the server. Send larger (≤ 50 MB) chunks.");
        finishWithError(error);
        return false;
    }
    if (m_queue.size() >= concurrency())
        return false;
    m_queue.append(data);
    ++m_pushed;
    m_pushedBytes += data.size();
    pump(false);
    return true;
}

void UploadStreamJob::finishInput()
{
    if (m_inputFinished)
        return;
    m_inputFinished = true;
    m_manifest.totalBytes = m_pushedBytes;
    pump(false);
}

void UploadStreamJob::chunkCountSet()
{
    m_countSet = true;
    pump(true);
}

void UploadStreamJob::chunkDone(int)
{
    ++m_done;
    pump(true);
}

void UploadStreamJob::morePossible() { pump(true); }

void UploadStreamJob::pump(bool notify)
{
    if (!m_countSet || !isRunning())
        return;
    while (canStartChunk() && !m_queue.isEmpty()) {
        const QByteArray data = m_queue.takeFirst();
        const int index = int(m_manifest.chunks.size());
        qint64 offset = 0;
        if (index > 0 && index - 1 < m_manifest.chunks.size()) {
            const ChunkRecord &previous = m_manifest.chunks[index - 1];
            offset = previous.offset + previous.size;
        }
        m_manifest.chunks.resize(qMax<qsizetype>(m_manifest.chunks.size(), index + 1));
        m_manifest.chunks[index].index = index;
        m_manifest.chunks[index].serverId = QString::number(index);
        m_manifest.chunks[index].size = data.size(); // known now; lets the next offset follow
        const int level = compressionLevel();
        sendChunk(index, offset, [data, level] { return prepare(data, level); });
    }
    if (m_inputFinished && m_queue.isEmpty() && chunksPending() == 0 && m_done == m_pushed) {
        m_countSet = false; // once
        verifyAndFinish(true);
        return;
    }
    // Only when room appeared through the server's progress: a producer that pushes from its
    // readyForData() handler then never recurses through pushChunk().
    if (notify && canPush())
        Q_EMIT readyForData();
}

UploadJobBase::Producer UploadStreamJob::resendProducer(int) { return {}; }

} // namespace anadesk
