#pragma once
// The two convenience flows of the reference AsyncClient, as composite jobs:
//   UploadAndImportJob   upload_and_import: upload the content to the file, and only when every
//                        chunk was acknowledged and verified, run the import (never on a partial file)
//   ExportAndDownloadJob export_and_download: run the export, then fetch its file (same id as the
//                        export) into memory or to a local path
// Both keep their steps reachable (upload(), runner(), …) for progress and figures.
#include "TaskRunner.h"
#include "api/FileJobs.h"

#include <QPointer>

namespace anadesk {

class UploadAndImportJob : public Job
{
    Q_OBJECT
public:
    // content in memory, or (localPath non-empty) a local file read chunk by chunk.
    UploadAndImportJob(Transport *transport, const ModelRef &model, const QString &fileId, const QByteArray &content,
                       const QString &importId, const TaskRunnerOptions &options, QObject *parent = nullptr);
    UploadAndImportJob(Transport *transport, const ModelRef &model, const QString &fileId, const QString &localPath,
                       const QString &importId, const TaskRunnerOptions &options, QObject *parent = nullptr);
    ~UploadAndImportJob() override;

    UploadFileJob *upload() const { return m_upload; }
    TaskRunner *runner() const { return m_runner; } // null until the upload succeeded

Q_SIGNALS:
    void uploadProgress(qint64 doneBytes, qint64 totalBytes, int doneChunks, int totalChunks);
    void taskStarted(const QString &taskId);
    void taskProgress(double fraction, const QString &currentStep);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void init(const QString &importId);
    void onUploaded();
    void onRun();

    Transport *m_transport;
    ModelRef m_model;
    QString m_importId;
    TaskRunnerOptions m_options;
    QPointer<UploadFileJob> m_upload;
    QPointer<TaskRunner> m_runner;
};

class ExportAndDownloadJob : public Job
{
    Q_OBJECT
public:
    // targetPath empty: the content ends up in data(); else it is saved there (overwrite as given).
    ExportAndDownloadJob(Transport *transport, const ModelRef &model, const QString &exportId,
                         const TaskRunnerOptions &options, const QString &targetPath = {}, bool overwrite = false,
                         QObject *parent = nullptr);
    ~ExportAndDownloadJob() override;

    TaskRunner *runner() const { return m_runner; }
    const QByteArray &data() const { return m_data; }
    // Set once the download step started (for the manifest and SHA-256 of a saved file).
    TransferAdapterJob *download() const { return m_download; }

Q_SIGNALS:
    void taskStarted(const QString &taskId);
    void taskProgress(double fraction, const QString &currentStep);
    void downloadProgress(qint64 doneBytes, qint64 totalBytes, int doneChunks, int totalChunks);

protected:
    void doStart() override;
    void doAbort() override;

private:
    void onExported();
    void onDownloaded();

    Transport *m_transport;
    ModelRef m_model;
    QString m_exportId;
    QString m_targetPath;
    bool m_overwrite;
    QByteArray m_data;
    QPointer<TaskRunner> m_runner;
    QPointer<TransferAdapterJob> m_download;
};

} // namespace anadesk
