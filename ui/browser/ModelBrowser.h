#pragma once
// The model browser: workspaces → models tree on the left; for the selected model a header (details, live
// status, open/close/delete) and tabs listing its files, imports, exports, processes and actions.
//
// Seams for the rest of the app (shell, transfers, task monitor):
// - runRequested(): a runnable row was activated (double-click, Enter, "Run" in the context menu). When no
//   one is connected to it the browser runs the action itself (BulkClient::runAction) and reports the
//   result through MessageBoxes — a minimal fallback until the task monitor takes over.
// - fileDropRequested(): local files were dropped on the Files tab (only while setFileDropsEnabled(true)).
// - currentModelChanged(), and tableView()/objectModel()/selectedObjectIds() to reach the tables.
// All network work goes through core jobs; replies of a previous selection are dropped (jobs aborted).
#include "api/BulkPaths.h"
#include "api/ResolveJob.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QItemSelection;
class QLineEdit;
class QComboBox;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace anadesk {

class BulkClient;
class Connection;
class InlineBanner;
class MessageBoxes;
class ModelDeleter;
class ModelHeader;
class ModelTreeFilter;
class ObjectTab;
class ObjectTableModel;
class WorkspaceTreeModel;

class ModelBrowser : public QWidget
{
    Q_OBJECT
public:
    // connection and messages are not owned and must outlive the browser (or the browser is deleted first).
    ModelBrowser(Connection *connection, MessageBoxes *messages, QWidget *parent = nullptr);
    ~ModelBrowser() override;

    // Reloads the workspaces (and forgets every loaded model list). Called once by the constructor.
    void reload();
    // Refreshes the object tab shown (F5).
    void refreshCurrentTab();
    // Selects a model in the tree, loading its workspace first when needed; false when it is not known
    // (yet): the selection then happens as soon as the workspace's models arrive.
    void selectModel(const QString &workspaceId, const QString &modelId);

    // The model whose objects are shown; empty when none.
    ModelRef currentModel() const { return m_current; }
    QString currentModelName() const;
    // A client on the current model (invalid when none is selected).
    BulkClient currentClient() const;

    // Tables, for the transfer and task-monitor features. kind: File, Import, Export, Process or Action.
    QTableView *tableView(ObjectKind kind) const;
    ObjectTableModel *objectModel(ObjectKind kind) const;
    QSortFilterProxyModel *objectProxy(ObjectKind kind) const;
    QStringList selectedObjectIds(ObjectKind kind) const;
    // Shows the tab of kind and, when given, selects the row of objectId.
    void showObject(ObjectKind kind, const QString &objectId = {});

    QTreeView *modelTreeView() const { return m_tree; }
    WorkspaceTreeModel *treeModel() const { return m_treeModel; }
    ModelTreeFilter *treeFilter() const { return m_treeFilter; }
    ModelHeader *header() const { return m_header; }
    // Models selected in the tree (several for Delete).
    QList<ModelRef> selectedModels() const;

    // The browser's own actions (open, close, delete models, copy model id, refresh, filter, show tab…), with
    // their shortcuts scoped to the browser; the shell may list them in its menus.
    QList<QAction *> modelActions() const { return m_modelActions; }

    // Accept local files dropped on the Files tab (they are only reported through fileDropRequested).
    void setFileDropsEnabled(bool enabled);
    // How often the live model status is read while the browser is visible (default 5 s; 0 stops it).
    void setStatusRefreshInterval(int milliseconds);

Q_SIGNALS:
    void currentModelChanged(const QString &workspaceId, const QString &modelId);
    // A runnable (import 112…, export 116…, action 117…, process 118…) of the model was activated.
    void runRequested(const QString &workspaceId, const QString &modelId, const QString &actionId,
                      const QString &actionName);
    // A file row was activated (double-click/Enter on the Files tab).
    void fileActivated(const QString &workspaceId, const QString &modelId, const QString &fileId,
                       const QString &fileName);
    // Local files were dropped on the Files tab: onto the row of targetFileId, or (empty) on no row.
    void fileDropRequested(const QList<QUrl> &localFiles, const QString &targetFileId);
    // After a deletion: ids that are gone.
    void modelsDeleted(const QStringList &modelIds);

public Q_SLOTS:
    void openSelectedModel();
    void closeSelectedModel();
    // Asks for confirmation (MessageBoxes, listing the models by name), then deletes the selected models.
    void deleteSelectedModels();

private:
    void buildUi();
    void buildActions();
    void onTreeSelectionChanged();
    void setCurrentModel(const ModelRef &model);
    void onRunRequested(ObjectKind kind, const QString &id, const QString &name);
    void runWithoutMonitor(const QString &actionId, const QString &actionName);
    void onWorkspaceModelsLoaded(const QString &workspaceId);
    void onFilterChanged();
    void updateActions();
    ObjectTab *tab(ObjectKind kind) const;

    Connection *m_connection;
    MessageBoxes *m_messages;
    WorkspaceTreeModel *m_treeModel = nullptr;
    ModelTreeFilter *m_treeFilter = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_treeFilterEdit = nullptr;
    QComboBox *m_stateFilter = nullptr;
    InlineBanner *m_treeBanner = nullptr;
    ModelHeader *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<ObjectTab *> m_objectTabs;
    QList<QAction *> m_modelActions;
    ModelDeleter *m_deleter = nullptr;
    ModelRef m_current;
    ModelRef m_pendingSelection;
};

} // namespace anadesk
