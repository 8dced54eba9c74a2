#pragma once
// What happens after local files were dropped on the model browser's Files tab:
//
//   [loading]   the model's files (metadata) and imports (which file each reads) are listed
//   [preview]   one tab per dropped file: the target model file (chooser; preset to the row dropped on,
//               or to the file with the same name) and the first rows read with that file's metadata
//   [uploading] one upload at a time (chunked, compressed, verified by core's UploadJob), each with its
//               progress bar and Cancel; every upload is also a row of the task monitor
//   [imports]   the imports whose importDataSourceId is an uploaded file, offered with check boxes
//   [done]      uploads and import runs with the rows succeeded/failed/ignored; failure dumps open from here
//
// Every network and disk step runs in core jobs or on workers; the dialog is not modal.
#include "BulkClient.h"
#include "Connection.h"
#include "TransferSettings.h"
#include "types/File.h"
#include "types/Import.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QUrl>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace anadesk {

class MessageBoxes;
class OperationListModel;
class TaskMonitor;
class UploadPreviewTab;

class DropUploadDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Stage
    {
        Loading,
        Preview,
        Uploading,
        Imports,
        Running,
        Done
    };
    Q_ENUM(Stage)

    // `dropTargetFileId`: the file row the files were dropped on (empty: the Files tab itself).
    // monitor and messages are not owned and must outlive the dialog.
    DropUploadDialog(const BulkClient &client, const QString &modelName, const QList<QUrl> &urls,
                     const QString &dropTargetFileId, TaskMonitor *monitor, MessageBoxes *messages,
                     const TransferSettings &settings, QWidget *parent = nullptr);
    ~DropUploadDialog() override;

    Stage stage() const { return m_stage; }
    // Dropped entries that cannot be uploaded (not local, missing, a folder, unreadable), with the reason.
    const QStringList &rejected() const { return m_rejected; }
    QList<UploadPreviewTab *> previewTabs() const { return m_tabs; }
    QTabWidget *previewTabWidget() const { return m_previewTabs; }
    // Why Upload is disabled; empty when it is enabled.
    QString uploadProblem() const;
    QStringList offeredImportIds() const { return m_importChecks.keys(); }
    QCheckBox *importCheck(const QString &importId) const { return m_importChecks.value(importId); }
    QProgressBar *progressBar(int fileIndex) const;
    OperationListModel *operations() const { return m_operations; }
    QTableView *operationsView() const { return m_operationsView; }
    QList<int> uploadTaskIds() const { return m_uploadIds; }
    QList<int> importTaskIds() const { return m_importIds; }

public Q_SLOTS:
    void startUploads();
    // Cancels the running upload and every queued one.
    void cancelUploads();
    void cancelUpload(int fileIndex);
    void runSelectedImports();
    void skipImports();
    // Opens the failure dump of the selected result row (or the first one that has a dump).
    bool openFailureDump();
    void reject() override;

Q_SIGNALS:
    void stageChanged(anadesk::DropUploadDialog::Stage stage);

private:
    struct Upload
    {
        UploadPreviewTab *tab = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *status = nullptr;
        QPushButton *cancel = nullptr;
        int taskId = 0;
        bool queued = false;
        bool succeeded = false;
        bool skipped = false;
    };

    void buildUi();
    void loadModelObjects();
    void onModelObjectsLoaded();
    void buildPreview();
    void updateUploadButton();
    void uploadNext();
    void onUploadFinished(int index);
    void offerImports();
    void runNextImport();
    void showDone();
    void setStage(Stage stage);
    // True (and the dialog says so) when the connection the files were dropped for is gone.
    bool connectionLost();
    QString initialTargetFor(const QString &localPath, const QSet<QString> &taken) const;

    BulkClient m_client;
    QString m_modelName;
    QStringList m_localPaths;
    QStringList m_rejected;
    QString m_dropTargetId;
    TaskMonitor *m_monitor;
    MessageBoxes *m_messages;
    TransferSettings m_settings;
    Stage m_stage = Stage::Loading;

    QList<File> m_files; // import data sources (113…) only
    QList<Import> m_imports;
    bool m_filesLoaded = false;
    bool m_importsLoaded = false;
    QPointer<Job> m_filesJob;
    QPointer<Job> m_importsJob;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_loadingLabel = nullptr;
    QPushButton *m_retry = nullptr;
    QTabWidget *m_previewTabs = nullptr;
    QLabel *m_problem = nullptr;
    QVBoxLayout *m_uploadRows = nullptr;
    QWidget *m_importsPage = nullptr;
    QVBoxLayout *m_importRows = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_operationsView = nullptr;
    OperationListModel *m_operations = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QPushButton *m_runImportsButton = nullptr;
    QPushButton *m_skipImportsButton = nullptr;
    QPushButton *m_openDumpButton = nullptr;
    QPushButton *m_closeButton = nullptr;

    QList<UploadPreviewTab *> m_tabs;
    QList<Upload> m_uploads;
    int m_current = -1; // index of the upload running
    QList<int> m_uploadIds;
    QHash<QString, QCheckBox *> m_importChecks;
    QStringList m_importQueue;
    int m_runningImportTask = 0;
    QList<int> m_importIds;
};

} // namespace anadesk
