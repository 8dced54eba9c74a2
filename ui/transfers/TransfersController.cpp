#include "TransfersController.h"

#include "DropUploadDialog.h"
#include "ExportDragData.h"
#include "TaskHistoryDialog.h"
#include "TaskMonitor.h"
#include "TaskMonitorModel.h"
#include "TaskTracker.h"
#include "browser/ModelBrowser.h"
#include "browser/ObjectTab.h"
#include "browser/ObjectTableModel.h"
#include "common/FileDialogs.h"
#include "shell/MainWindow.h"
#include "shell/ShellServices.h"
#include "transfer/SafeFileName.h"

#include <QAction>
#include <QDir>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>

namespace anadesk {

namespace {

QString nameOf(ModelBrowser *browser, ObjectKind kind, const QString &id)
{
    const ObjectTableModel *model = browser->objectModel(kind);
    const ObjectRow *row = model ? model->rowAt(model->rowOf(id)) : nullptr;
    return row ? row->name : QString();
}

ObjectTab *currentTab(ModelBrowser *browser)
{
    auto *tabs = browser->findChild<QTabWidget *>(QStringLiteral("objectTabs"));
    return tabs ? qobject_cast<ObjectTab *>(tabs->currentWidget()) : nullptr;
}

} // namespace

TransfersController::TransfersController(QMainWindow *window, FileDialogs *files, MessageBoxes *messages,
                                         const TransferSettings &settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_files(files)
    , m_messages(messages)
    , m_settings(settings)
    , m_tracker(new TaskTracker(this))
    , m_monitor(new TaskMonitor(m_tracker, files, messages, settings, window))
{
    setObjectName(QStringLiteral("transfersController"));
    QAction *toggle = m_monitor->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionToggleTaskMonitor"));
    toggle->setText(tr("&Task monitor"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    buildMenu();
    // Results of processes name their steps by id only: take the names from the browser's tables.
    m_tracker->model()->setNameLookup([this](const ModelRef &model, const QString &objectId) {
        // Ids are only unique within a model: look up only while that model is shown.
        if (!m_browser || m_browser->currentModel().modelId != model.modelId)
            return QString();
        switch (actionKindFromId(objectId)) {
        case ActionKind::Import:
            return nameOf(m_browser, ObjectKind::Import, objectId);
        case ActionKind::Export:
            return nameOf(m_browser, ObjectKind::Export, objectId);
        case ActionKind::Action:
            return nameOf(m_browser, ObjectKind::Action, objectId);
        case ActionKind::Process:
            return nameOf(m_browser, ObjectKind::Process, objectId);
        case ActionKind::Invalid:
            break;
        }
        return QString();
    });
    // Every new operation brings the monitor into view.
    connect(m_tracker, &TaskTracker::taskAdded, m_monitor, [this] {
        if (m_monitor->isHidden())
            m_monitor->show();
        m_monitor->raise();
    });
    updateActions();
}

TransfersController::~TransfersController()
{
    detach();
}

DropUploadDialog *TransfersController::lastUploadDialog() const
{
    return m_lastUpload.data();
}

void TransfersController::buildMenu()
{
    m_menu = new QMenu(tr("T&ransfers"), m_window);
    m_menu->setObjectName(QStringLiteral("menuTransfers"));
    auto add = [this](const char *name, const QString &text, const QKeySequence &shortcut,
                      void (TransfersController::*slot)()) {
        auto *action = new QAction(text, m_window);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        m_menu->addAction(action);
        m_window->addAction(action); // shortcuts work wherever the focus is in the window
        return action;
    };
    m_uploadAction = add("uploadFilesAction", tr("&Upload files to the selected file…"),
                         QKeySequence(Qt::CTRL | Qt::Key_U), &TransfersController::uploadFilesToSelection);
    m_downloadAction =
        add("downloadFilesAction", tr("&Download the selected files…"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), &TransfersController::downloadSelectedFiles);
    m_exportAction = add("runExportAndSaveAction", tr("Run the selected &export and save…"),
                         QKeySequence(Qt::CTRL | Qt::Key_E), &TransfersController::runExportAndSaveSelection);
    m_historyAction =
        add("taskHistoryOfSelectionAction", tr("Task &history of the selected action…"),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), &TransfersController::showHistoryOfSelection);
    m_menu->addSeparator();
    m_menu->addAction(m_monitor->toggleViewAction());

    QMenuBar *bar = m_window->menuBar();
    auto *help = m_window->findChild<QMenu *>(QStringLiteral("menuHelp"));
    if (help)
        bar->insertMenu(help->menuAction(), m_menu);
    else
        bar->addMenu(m_menu);
}

void TransfersController::updateActions()
{
    const bool model = m_browser && m_browser->currentModel().isComplete();
    for (QAction *action : {m_uploadAction, m_downloadAction, m_exportAction, m_historyAction})
        action->setEnabled(model);
}

QString TransfersController::modelName() const
{
    return m_browser ? m_browser->currentModelName() : QString();
}

void TransfersController::attach(ModelBrowser *browser)
{
    detach();
    m_browser = browser;
    if (!browser)
        return;
    browser->setFileDropsEnabled(true);
    m_browserConnections << connect(browser, &ModelBrowser::fileDropRequested, this,
                                    [this](const QList<QUrl> &files, const QString &target) {
                                        openUploadDialog(files, target);
                                    })
                         << connect(browser, &ModelBrowser::runRequested, this,
                                    [this](const QString &, const QString &, const QString &actionId,
                                           const QString &name) {
                                        // An export's point is its file: ask where to save it, then run and
                                        // download.
                                        if (actionKindFromId(actionId) == ActionKind::Export)
                                            runExportAndSave(actionId, name);
                                        else
                                            run(actionId, name);
                                    })
                         << connect(browser, &ModelBrowser::fileActivated, this,
                                    [this](const QString &, const QString &, const QString &fileId,
                                           const QString &name) { downloadFile(fileId, name); })
                         << connect(browser, &ModelBrowser::currentModelChanged, this,
                                    &TransfersController::updateActions);
    if (ObjectTableModel *exports = browser->objectModel(ObjectKind::Export)) {
        exports->setMimeProvider([this](const QList<ObjectRow> &rows) { return exportDragData(rows); });
        if (QTableView *view = browser->tableView(ObjectKind::Export)) {
            view->setDragEnabled(true);
            view->setDragDropMode(QAbstractItemView::DragOnly);
            view->setDefaultDropAction(Qt::CopyAction);
        }
    }
    updateActions();
}

void TransfersController::detach()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_browserConnections))
        disconnect(connection);
    m_browserConnections.clear();
    if (m_browser) {
        if (ObjectTableModel *exports = m_browser->objectModel(ObjectKind::Export))
            exports->setMimeProvider({});
    }
    m_browser = nullptr;
    updateActions();
}

DropUploadDialog *TransfersController::openUploadDialog(const QList<QUrl> &localFiles,
                                                        const QString &targetFileId)
{
    if (!m_browser || !m_browser->currentModel().isComplete())
        return nullptr;
    auto *dialog = new DropUploadDialog(m_browser->currentClient(), modelName(), localFiles, targetFileId,
                                        m_monitor, m_messages, m_settings, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastUpload = dialog;
    dialog->show();
    Q_EMIT uploadDialogOpened(dialog);
    return dialog;
}

int TransfersController::run(const QString &actionId, const QString &actionName)
{
    if (!m_browser || !m_browser->currentModel().isComplete())
        return 0;
    return m_tracker->run({m_browser->currentClient(), actionId, actionName, modelName(), {}});
}

int TransfersController::runExportAndSave(const QString &exportId, const QString &exportName)
{
    if (!m_browser || !m_browser->currentModel().isComplete() || !m_files)
        return 0;
    const QString proposed =
        QDir(m_settings.downloadFolder())
            .filePath(SafeFileName::sanitize(exportName.isEmpty() ? exportId : exportName));
    const QString path = m_files->saveFileName(
        m_window, QStringLiteral("saveExportDialog"),
        tr("Run '%1' and save its file as").arg(exportName.isEmpty() ? exportId : exportName), proposed,
        tr("All files (*)"));
    if (path.isEmpty())
        return 0;
    m_settings.rememberSavedFile(path);
    const BulkClient client = m_browser->currentClient();
    // The save dialog already asked before replacing an existing file.
    ExportAndDownloadJob *job = client.exportAndDownloadTo(exportId, path, true);
    return m_tracker->trackExportAndSave(job, {client, exportId, exportName, modelName(), path});
}

int TransfersController::downloadFile(const QString &fileId, const QString &fileName)
{
    if (!m_browser || !m_browser->currentModel().isComplete() || !m_files)
        return 0;
    const QString proposed = QDir(m_settings.downloadFolder())
                                 .filePath(SafeFileName::sanitize(fileName.isEmpty() ? fileId : fileName));
    const QString path = m_files->saveFileName(m_window, QStringLiteral("saveFileDialog"),
                                               tr("Save '%1' as").arg(fileName.isEmpty() ? fileId : fileName),
                                               proposed, tr("All files (*)"));
    if (path.isEmpty())
        return 0;
    m_settings.rememberSavedFile(path);
    const BulkClient client = m_browser->currentClient();
    DownloadFileJob *job = client.downloadFile(fileId, path, true);
    return m_tracker->trackDownload(job, {client, fileId, fileName, modelName(), path});
}

QMimeData *TransfersController::exportDragData(const QList<ObjectRow> &rows)
{
    if (!m_browser || !m_browser->currentModel().isComplete() || rows.isEmpty())
        return nullptr;
    if (!m_dragDir) {
        m_dragDir = std::make_unique<QTemporaryDir>();
        if (!m_dragDir->isValid()) {
            m_dragDir.reset();
            return nullptr;
        }
    }
    QList<ExportDragData::Item> items;
    for (const ObjectRow &row : rows)
        items.append({row.id, row.name});
    return new ExportDragData(m_browser->currentClient(), modelName(), items, m_dragDir->path(), m_tracker);
}

void TransfersController::uploadFilesToSelection()
{
    if (!m_browser || !m_files)
        return;
    const QStringList selected = m_browser->selectedObjectIds(ObjectKind::File);
    const QString target = selected.isEmpty() ? QString() : selected.first();
    const QStringList paths = m_files->openFileNames(
        m_window, QStringLiteral("uploadFilesDialog"), tr("Upload files to the model"),
        m_settings.uploadFolder(), tr("Delimited text (*.csv *.txt *.tsv);;All files (*)"));
    if (paths.isEmpty())
        return;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    openUploadDialog(urls, target);
}

void TransfersController::downloadSelectedFiles()
{
    if (!m_browser || !m_files)
        return;
    const QStringList ids = m_browser->selectedObjectIds(ObjectKind::File);
    if (ids.size() == 1) {
        downloadFile(ids.first(), nameOf(m_browser, ObjectKind::File, ids.first()));
        return;
    }
    if (ids.isEmpty())
        return;
    const QString directory = m_files->existingDirectory(m_window, QStringLiteral("downloadFolderDialog"),
                                                         tr("Save %n file(s) into", nullptr, int(ids.size())),
                                                         m_settings.downloadFolder());
    if (directory.isEmpty())
        return;
    const BulkClient client = m_browser->currentClient();
    for (const QString &id : ids) {
        const QString name = nameOf(m_browser, ObjectKind::File, id);
        QString error;
        const QString path = SafeFileName::resolveInside(directory, name.isEmpty() ? id : name, &error);
        if (path.isEmpty())
            continue;
        m_settings.rememberSavedFile(path);
        // Several at once: never replace a file silently (the job fails with a clear message instead).
        m_tracker->trackDownload(client.downloadFile(id, path, false), {client, id, name, modelName(), path});
    }
}

void TransfersController::runExportAndSaveSelection()
{
    if (!m_browser)
        return;
    const QStringList ids = m_browser->selectedObjectIds(ObjectKind::Export);
    for (const QString &id : ids)
        runExportAndSave(id, nameOf(m_browser, ObjectKind::Export, id));
}

void TransfersController::showHistoryOfSelection()
{
    if (!m_browser)
        return;
    ObjectTab *tab = currentTab(m_browser);
    if (!tab || !ObjectTab::isRunnable(tab->kind()))
        return;
    const QStringList ids = tab->selectedIds();
    if (ids.isEmpty())
        return;
    auto *dialog = new TaskHistoryDialog(m_browser->currentClient(), ids.first(),
                                         nameOf(m_browser, tab->kind(), ids.first()), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

TransfersController *installTransfers(MainWindow *window, const ShellServices &services)
{
    auto *controller = new TransfersController(window, services.files, services.messages,
                                               TransferSettings(services.settingsFile), window);
    window->addDock(controller->monitor(), Qt::BottomDockWidgetArea);
    controller->monitor()->hide(); // shown by the first operation, or by the saved layout below
    window->restoreWindowState();
    QObject::connect(window, &MainWindow::browserCreated, controller, [controller](QWidget *browser) {
        controller->attach(qobject_cast<ModelBrowser *>(browser));
    });
    QObject::connect(window, &MainWindow::browserAboutToBeDestroyed, controller,
                     [controller](QWidget *browser) {
                         if (controller->browser() == browser)
                             controller->detach();
                     });
    if (auto *browser = qobject_cast<ModelBrowser *>(window->browserWidget()))
        controller->attach(browser);
    return controller;
}

} // namespace anadesk
