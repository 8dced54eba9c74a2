#pragma once
// Wires the transfer features into the desktop app: the task monitor dock, the Transfers menu, and the
// hooks into each model browser — files dropped on the Files tab open the upload dialog, runnable rows
// run through the task monitor, export rows can be dragged out, file rows download on activation.
//
// It only connects to the seams the shell and the browser offer (MainWindow::browserCreated/addDock,
// ModelBrowser's signals, tables and ObjectTableModel::setMimeProvider); it changes nothing of theirs.
#include "TransferSettings.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QAction;
class QMainWindow;
class QMenu;
class QMimeData;

namespace anadesk {

class Connection;
class DropUploadDialog;
class FileDialogs;
class MainWindow;
class MessageBoxes;
class ModelBrowser;
class TaskMonitor;
class TaskTracker;
struct ObjectRow;
struct ShellServices;

class TransfersController : public QObject
{
    Q_OBJECT
public:
    // files and messages are not owned and must outlive the controller. The monitor dock is created as a
    // child of `window` but not added to it (see installTransfers()).
    TransfersController(QMainWindow *window, FileDialogs *files, MessageBoxes *messages,
                        const TransferSettings &settings, QObject *parent = nullptr);
    ~TransfersController() override;

    TaskTracker *tracker() const { return m_tracker; }
    TaskMonitor *monitor() const { return m_monitor; }
    QMenu *menu() const { return m_menu; }
    ModelBrowser *browser() const { return m_browser; }
    const TransferSettings &settings() const { return m_settings; }

    // Takes over the browser's drops, runs, file activations and export drags.
    void attach(ModelBrowser *browser);
    void detach();

    // The features, callable from menus, the browser and tests.
    DropUploadDialog *openUploadDialog(const QList<QUrl> &localFiles, const QString &targetFileId);
    int run(const QString &actionId, const QString &actionName);
    // Asks where to save (FileDialogs, remembered folder), then runs the export and saves its file.
    int runExportAndSave(const QString &exportId, const QString &exportName);
    // Asks where to save, then downloads the file.
    int downloadFile(const QString &fileId, const QString &fileName);
    // The mime data of dragged export rows (downloads start now).
    QMimeData *exportDragData(const QList<ObjectRow> &rows);

    DropUploadDialog *lastUploadDialog() const;

public Q_SLOTS:
    void uploadFilesToSelection();
    void downloadSelectedFiles();
    void runExportAndSaveSelection();
    void showHistoryOfSelection();

Q_SIGNALS:
    void uploadDialogOpened(anadesk::DropUploadDialog *dialog);

private:
    void buildMenu();
    void updateActions();
    QString modelName() const;

    QMainWindow *m_window;
    FileDialogs *m_files;
    MessageBoxes *m_messages;
    TransferSettings m_settings;
    TaskTracker *m_tracker;
    TaskMonitor *m_monitor;
    QMenu *m_menu = nullptr;
    QAction *m_uploadAction = nullptr;
    QAction *m_downloadAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_historyAction = nullptr;
    QPointer<ModelBrowser> m_browser;
    QList<QMetaObject::Connection> m_browserConnections;
    QPointer<DropUploadDialog> m_lastUpload;
    std::unique_ptr<QTemporaryDir> m_dragDir; // files dragged out live here until the app quits
};

// Installs the transfers into the shell's main window: the task monitor dock (bottom, toggled from the
// View menu), the Transfers menu, and attaching to every model browser the window creates. The controller
// is a child of the window.
TransfersController *installTransfers(MainWindow *window, const ShellServices &services);

} // namespace anadesk
