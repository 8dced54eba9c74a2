#include "FileJobs.h"

#include <QCoreApplication>

namespace anadesk {

FileLocation fileLocation(const ModelRef &model, const QString &fileId)
{
    FileLocation location;
    location.workspaceId = model.workspaceId;
    location.modelId = model.modelId;
    location.fileId = fileId;
    return location;
}

TransferAdapterJob::TransferAdapterJob(TransferJob *transfer, QObject *parent)
    : Job(parent)
    , m_transfer(transfer)
{
    m_transfer->setParent(this);
    connect(m_transfer, &TransferJob::progress, this, &TransferAdapterJob::progress);
    connect(m_transfer, &TransferJob::phaseChanged, this, &TransferAdapterJob::phaseChanged);
    connect(m_transfer, &TransferJob::finished, this, &TransferAdapterJob::onTransferFinished);
}

TransferAdapterJob::~TransferAdapterJob()
{
    doAbort();
}

void TransferAdapterJob::doStart()
{
    m_transfer->start();
}

void TransferAdapterJob::doAbort()
{
    if (m_transfer) {
        disconnect(m_transfer, &TransferJob::finished, this, &TransferAdapterJob::onTransferFinished);
        m_transfer->cancel();
    }
}

void TransferAdapterJob::onTransferFinished()
{
    if (isFinished())
        return;
    if (!m_transfer->isOk()) {
        finishFailure(m_transfer->error());
        return;
    }
    const ApiError error = transferSucceeded();
    if (error.isError())
        finishFailure(error);
    else
        finishSuccess();
}

GetFileJob::GetFileJob(Transport *transport, const ModelRef &model, const QString &fileId, QObject *parent)
    : TransferAdapterJob(new DownloadStreamJob(transport, fileLocation(model, fileId)), parent)
{
    setDescription(tr("Download %1").arg(fileLabel(fileId)));
    connect(static_cast<DownloadStreamJob *>(transfer()), &DownloadStreamJob::chunkReady, this,
            [this](int, const QByteArray &data) { m_data += data; });
}

FileStreamJob::FileStreamJob(Transport *transport, const ModelRef &model, const QString &fileId, QObject *parent)
    : TransferAdapterJob(new DownloadStreamJob(transport, fileLocation(model, fileId)), parent)
{
    setDescription(tr("Download %1").arg(fileLabel(fileId)));
    connect(static_cast<DownloadStreamJob *>(transfer()), &DownloadStreamJob::chunkReady, this,
            &FileStreamJob::chunkReady);
}

DownloadFileJob::DownloadFileJob(Transport *transport, const ModelRef &model, const QString &fileId,
                                 const QString &targetPath, bool overwrite, QObject *parent)
    : TransferAdapterJob(new DownloadJob(transport, fileLocation(model, fileId)), parent)
{
    setDescription(tr("Download %1").arg(fileLabel(fileId)));
    download()->setTargetPath(targetPath);
    download()->setOverwrite(overwrite);
}

UploadFileJob::UploadFileJob(Transport *transport, const ModelRef &model, const QString &fileId,
                             const QByteArray &content, QObject *parent)
    : TransferAdapterJob(new UploadJob(transport, fileLocation(model, fileId)), parent)
    , m_buffer(std::make_unique<QBuffer>())
{
    setDescription(tr("Upload to %1").arg(fileLabel(fileId)));
    m_buffer->setData(content);
    m_buffer->open(QIODevice::ReadOnly);
    upload()->setSourceDevice(m_buffer.get(), tr("data in memory"));
}

UploadFileJob::UploadFileJob(Transport *transport, const ModelRef &model, const QString &fileId,
                             const QString &localPath, QObject *parent)
    : TransferAdapterJob(new UploadJob(transport, fileLocation(model, fileId)), parent)
{
    setDescription(tr("Upload %1 to %2").arg(localPath, fileLabel(fileId)));
    upload()->setSourceFile(localPath);
}

UploadFileJob::~UploadFileJob()
{
    doAbort(); // before m_buffer goes: the upload must not outlive its source device
}

QString UploadFileJob::writtenFileId() const
{
    const QString written = upload()->manifest().fileId;
    return written.isEmpty() ? upload()->location().fileId : written;
}

UploadStreamFileJob::UploadStreamFileJob(Transport *transport, const ModelRef &model, const QString &fileId,
                                         QObject *parent)
    : TransferAdapterJob(new UploadStreamJob(transport, fileLocation(model, fileId)), parent)
{
    setDescription(tr("Upload to %1").arg(fileLabel(fileId)));
    connect(stream(), &UploadStreamJob::readyForData, this, &UploadStreamFileJob::readyForData);
}

} // namespace anadesk
