#pragma once
// The file transfers of core/transfer (UploadJob, UploadStreamJob, DownloadJob, DownloadStreamJob),
// presented with the Job contract of core/api so every BulkClient method behaves the same way
// (started on return, succeeded/failed then finished, auto-delete, abort()). The transfer job itself
// stays reachable through transfer() for its figures (manifest, SHA-256, resends).
#include "BulkPaths.h"
#include "Job.h"
#include "transfer/DownloadJob.h"
#include "transfer/UploadJob.h"

#include <QBuffer>
#include <QPointer>

#include <memory>

namespace anadesk {

class TransferAdapterJob : public Job
{
    Q_OBJECT
public:
    ~TransferAdapterJob() override;
    TransferJob *transfer() const { return m_transfer; }

Q_SIGNALS:
    void progress(qint64 doneBytes, qint64 totalBytes, int doneChunks, int totalChunks);
    void phaseChanged(const QString &phase);

protected:
    TransferAdapterJob(TransferJob *transfer, QObject *parent); // takes ownership
    void doStart() override;
    void doAbort() override;
    // Called when the transfer succeeded, before succeeded() is emitted; return an error to fail instead.
    virtual ApiError transferSucceeded() { return {}; }

private:
    void onTransferFinished();
    TransferJob *m_transfer; // child
};

// get_file: the whole content in memory (data()). For big files prefer DownloadFileJob.
class GetFileJob : public TransferAdapterJob
{
    Q_OBJECT
public:
    GetFileJob(Transport *transport, const ModelRef &model, const QString &fileId, QObject *parent = nullptr);
    const QByteArray &data() const { return m_data; }

private:
    QByteArray m_data;
};

// get_file_stream: chunkReady(index, data) in order; the next chunk is fetched once the handlers
// return (at most ClientOptions::downloadBatchSize chunks are held at once).
class FileStreamJob : public TransferAdapterJob
{
    Q_OBJECT
public:
    FileStreamJob(Transport *transport, const ModelRef &model, const QString &fileId, QObject *parent = nullptr);

Q_SIGNALS:
    void chunkReady(int index, const QByteArray &data);
};

// Saves a file to disk through `<target>.partial` with resume and an atomic rename.
class DownloadFileJob : public TransferAdapterJob
{
    Q_OBJECT
public:
    DownloadFileJob(Transport *transport, const ModelRef &model, const QString &fileId, const QString &targetPath,
                    bool overwrite, QObject *parent = nullptr);
    DownloadJob *download() const { return static_cast<DownloadJob *>(transfer()); }
};

// upload_file: from bytes in memory (copied into a buffer this job owns) or from a local file
// (read chunk by chunk on workers, never whole).
class UploadFileJob : public TransferAdapterJob
{
    Q_OBJECT
public:
    UploadFileJob(Transport *transport, const ModelRef &model, const QString &fileId, const QByteArray &content,
                  QObject *parent = nullptr);
    UploadFileJob(Transport *transport, const ModelRef &model, const QString &fileId, const QString &localPath,
                  QObject *parent = nullptr);
    ~UploadFileJob() override;
    UploadJob *upload() const { return static_cast<UploadJob *>(transfer()); }
    // The file actually written (differs from the requested id only with allowFileCreation).
    QString writtenFileId() const;

private:
    std::unique_ptr<QBuffer> m_buffer;
};

// upload_file_stream: push chunks while the upload runs, then finishInput().
class UploadStreamFileJob : public TransferAdapterJob
{
    Q_OBJECT
public:
    UploadStreamFileJob(Transport *transport, const ModelRef &model, const QString &fileId,
                        QObject *parent = nullptr);
    UploadStreamJob *stream() const { return static_cast<UploadStreamJob *>(transfer()); }

    // See UploadStreamJob: false when not running yet, finished, or the queue is full.
    bool pushChunk(const QByteArray &data) { return stream()->pushChunk(data); }
    bool canPush() const { return stream()->canPush(); }
    void finishInput() { stream()->finishInput(); }

Q_SIGNALS:
    void readyForData();
};

// The transfer module's view of a file in a model.
FileLocation fileLocation(const ModelRef &model, const QString &fileId);

} // namespace anadesk
