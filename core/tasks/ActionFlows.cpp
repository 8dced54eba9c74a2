#include "ActionFlows.h"

#include "types/ActionKind.h"

namespace anadesk {

namespace {
void stopChild(Job *job, QObject *receiver)
{
    if (job) {
        QObject::disconnect(job, nullptr, receiver, nullptr);
        job->abort();
        job->deleteLater();
    }
}
} // namespace

UploadAndImportJob::UploadAndImportJob(Transport *transport, const ModelRef &model, const QString &fileId,
                                       const QByteArray &content, const QString &importId,
                                       const TaskRunnerOptions &options, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_importId(importId)
    , m_options(options)
    , m_upload(new UploadFileJob(transport, model, fileId, content, this))
{
    init(importId);
}

UploadAndImportJob::UploadAndImportJob(Transport *transport, const ModelRef &model, const QString &fileId,
                                       const QString &localPath, const QString &importId,
                                       const TaskRunnerOptions &options, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_importId(importId)
    , m_options(options)
    , m_upload(new UploadFileJob(transport, model, fileId, localPath, this))
{
    init(importId);
}

void UploadAndImportJob::init(const QString &importId)
{
    setDescription(tr("Upload and import %1").arg(actionLabel(importId)));
    m_upload->setAutoDelete(false);
    connect(m_upload.data(), &TransferAdapterJob::progress, this, &UploadAndImportJob::uploadProgress);
    connect(m_upload.data(), &Job::finished, this, &UploadAndImportJob::onUploaded);
    // Checked before anything is uploaded: an upload followed by a rejected id would leave a file behind.
    if (actionKindFromId(importId) == ActionKind::Invalid)
        failOnStart(badInput(tr("'%1' is not the id of an import, export, action or process").arg(importId),
                             importId));
}

UploadAndImportJob::~UploadAndImportJob()
{
    doAbort();
}

void UploadAndImportJob::doStart()
{
    m_upload->start();
}

void UploadAndImportJob::doAbort()
{
    stopChild(m_upload.data(), this);
    stopChild(m_runner.data(), this);
}

void UploadAndImportJob::onUploaded()
{
    if (!m_upload->isSucceeded()) {
        finishFailure(m_upload->error());
        return;
    }
    m_runner = new TaskRunner(m_transport, m_model, m_importId, m_options, this);
    m_runner->setAutoDelete(false);
    connect(m_runner.data(), &TaskRunner::taskStarted, this, &UploadAndImportJob::taskStarted);
    connect(m_runner.data(), &TaskRunner::progress, this, &UploadAndImportJob::taskProgress);
    connect(m_runner.data(), &Job::finished, this, &UploadAndImportJob::onRun);
    m_runner->start();
}

void UploadAndImportJob::onRun()
{
    if (m_runner->isSucceeded())
        finishSuccess();
    else
        finishFailure(m_runner->error());
}

ExportAndDownloadJob::ExportAndDownloadJob(Transport *transport, const ModelRef &model, const QString &exportId,
                                           const TaskRunnerOptions &options, const QString &targetPath,
                                           bool overwrite, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_exportId(exportId)
    , m_targetPath(targetPath)
    , m_overwrite(overwrite)
{
    setDescription(tr("Export and download %1").arg(actionLabel(exportId)));
    TaskRunnerOptions waiting = options;
    waiting.waitForCompletion = true; // the file only exists once the export completed
    m_runner = new TaskRunner(transport, model, exportId, waiting, this);
    m_runner->setAutoDelete(false);
    connect(m_runner.data(), &TaskRunner::taskStarted, this, &ExportAndDownloadJob::taskStarted);
    connect(m_runner.data(), &TaskRunner::progress, this, &ExportAndDownloadJob::taskProgress);
    connect(m_runner.data(), &Job::finished, this, &ExportAndDownloadJob::onExported);
    if (actionKindFromId(exportId) != ActionKind::Export)
        failOnStart(badInput(tr("'%1' is not the id of an export (116…)").arg(exportId), exportId));
}

ExportAndDownloadJob::~ExportAndDownloadJob()
{
    doAbort();
}

void ExportAndDownloadJob::doStart()
{
    m_runner->start();
}

void ExportAndDownloadJob::doAbort()
{
    stopChild(m_runner.data(), this);
    stopChild(m_download.data(), this);
}

void ExportAndDownloadJob::onExported()
{
    if (!m_runner->isSucceeded()) {
        finishFailure(m_runner->error());
        return;
    }
    // An export's output file has the export's id.
    if (m_targetPath.isEmpty())
        m_download = new GetFileJob(m_transport, m_model, m_exportId, this);
    else
        m_download = new DownloadFileJob(m_transport, m_model, m_exportId, m_targetPath, m_overwrite, this);
    m_download->setAutoDelete(false);
    connect(m_download.data(), &TransferAdapterJob::progress, this, &ExportAndDownloadJob::downloadProgress);
    connect(m_download.data(), &Job::finished, this, &ExportAndDownloadJob::onDownloaded);
    m_download->start();
}

void ExportAndDownloadJob::onDownloaded()
{
    if (!m_download->isSucceeded()) {
        finishFailure(m_download->error());
        return;
    }
    if (auto *get = qobject_cast<GetFileJob *>(m_download.data()))
        m_data = get->data();
    finishSuccess();
}

} // namespace anadesk
