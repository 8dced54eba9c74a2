#pragma once
// Workspaces and, under each, its models. Workspaces are listed once (reload()); a workspace's models are
// fetched only when it is expanded (canFetchMore/fetchMore) or when everything is needed (fetchAll(), for
// filtering). Each fetch is a core job; results arrive as already parsed value types.
//
// Columns: name · state · size (workspace: current size; model: memory) · size allowance · id.
// Index layout: workspace rows have internalId 0; model rows carry their workspace's row + 1 (workspace
// rows only change on reset).
#include "BulkClient.h"
#include "Connection.h" // BulkClient keeps a QPointer<Connection>: copies need the full type
#include "types/Model.h"
#include "types/Workspace.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QPointer>
#include <memory>
#include <vector>

namespace anadesk {

class WorkspaceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        SizeColumn,
        AllowanceColumn,
        IdColumn,
        ColumnCount
    };
    enum class LoadState
    {
        NotLoaded,
        Loading,
        Loaded,
        Failed
    };

    explicit WorkspaceTreeModel(const BulkClient &client, QObject *parent = nullptr);
    ~WorkspaceTreeModel() override;

    // Lists the workspaces again; every loaded model list is dropped and running fetches are aborted.
    void reload();
    bool isLoadingWorkspaces() const { return !m_workspacesJob.isNull(); }
    // Fetches the models of every workspace not loaded yet.
    void fetchAll();
    // Lists one workspace's models again (also after a failure).
    void reloadWorkspace(const QString &workspaceId);
    // Replaces the row of an already listed model (after getModel()).
    void updateModel(const Model &model);
    void removeModels(const QStringList &modelIds);

    QModelIndex workspaceIndex(const QString &workspaceId) const;
    QModelIndex modelIndex(const QString &modelId) const;
    LoadState workspaceLoadState(const QString &workspaceId) const;
    const Model *modelAt(const QModelIndex &index) const;
    const Workspace *workspaceAt(const QModelIndex &index) const;
    int workspaceCount() const { return int(m_workspaces.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void workspacesLoaded();
    void workspaceModelsLoaded(const QString &workspaceId);
    // A listing failed: error says what, on which object, and what to do.
    void loadFailed(const anadesk::ApiError &error);

private:
    struct WorkspaceNode
    {
        Workspace workspace;
        QList<Model> models;
        LoadState state = LoadState::NotLoaded;
        QPointer<ListModelsJob> job;
    };

    void startModelsFetch(int workspaceRow);
    void onModelsListed(int workspaceRow, ListModelsJob *job);
    int workspaceRowOf(const QString &workspaceId) const;
    QVariant workspaceData(const WorkspaceNode &node, int column, int role) const;
    QVariant modelData(const Model &model, int column, int role) const;
    void abortAll();

    BulkClient m_client;
    std::vector<std::unique_ptr<WorkspaceNode>> m_workspaces;
    QPointer<ListWorkspacesJob> m_workspacesJob;
    QIcon m_lockedIcon;
    QIcon m_archivedIcon;
};

} // namespace anadesk
