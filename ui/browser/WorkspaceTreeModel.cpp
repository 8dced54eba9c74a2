#include "WorkspaceTreeModel.h"

#include "BrowserRoles.h"
#include "StateDisplay.h"

#include <QColor>
#include <QLocale>

namespace anadesk {

namespace {
// Stops a job without hearing from it again (abort() would report a Cancelled failure).
void silence(Job *job, QObject *receiver)
{
    if (!job)
        return;
    QObject::disconnect(job, nullptr, receiver, nullptr);
    job->abort();
}

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}
} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(const BulkClient &client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_client(client)
    , m_lockedIcon(modelStateIcon(ModelState::Locked))
    , m_archivedIcon(modelStateIcon(ModelState::Archived))
{}

WorkspaceTreeModel::~WorkspaceTreeModel()
{
    abortAll();
}

void WorkspaceTreeModel::abortAll()
{
    silence(m_workspacesJob, this);
    for (const auto &node : m_workspaces)
        silence(node->job, this);
}

void WorkspaceTreeModel::reload()
{
    abortAll();
    beginResetModel();
    m_workspaces.clear();
    endResetModel();
    if (!m_client.isValid())
        return;
    ListWorkspacesJob *job = m_client.getWorkspaces({QStringLiteral("name"), false, {}});
    m_workspacesJob = job;
    connect(job, &Job::succeeded, this, [this, job] {
        const QList<Workspace> list = job->workspaces();
        if (list.isEmpty())
            return;
        beginInsertRows({}, 0, int(list.size()) - 1);
        for (const Workspace &workspace : list) {
            auto node = std::make_unique<WorkspaceNode>();
            node->workspace = workspace;
            m_workspaces.push_back(std::move(node));
        }
        endInsertRows();
    });
    connect(job, &Job::failed, this, &WorkspaceTreeModel::loadFailed);
    connect(job, &Job::finished, this, [this] { Q_EMIT workspacesLoaded(); });
}

void WorkspaceTreeModel::fetchAll()
{
    for (int row = 0; row < int(m_workspaces.size()); ++row) {
        if (m_workspaces[row]->state == LoadState::NotLoaded)
            startModelsFetch(row);
    }
}

void WorkspaceTreeModel::reloadWorkspace(const QString &workspaceId)
{
    const int row = workspaceRowOf(workspaceId);
    if (row < 0)
        return;
    silence(m_workspaces[row]->job, this);
    startModelsFetch(row);
}

void WorkspaceTreeModel::startModelsFetch(int workspaceRow)
{
    WorkspaceNode &node = *m_workspaces[workspaceRow];
    ListModelsJob *job =
        m_client.getModels({QStringLiteral("name"), false, {}}, WorkspaceFilter::of(node.workspace.id));
    node.job = job;
    node.state = LoadState::Loading;
    const QModelIndex wsIndex = index(workspaceRow, 0);
    Q_EMIT dataChanged(wsIndex, index(workspaceRow, ColumnCount - 1));
    connect(job, &Job::finished, this, [this, workspaceRow, job] { onModelsListed(workspaceRow, job); });
}

void WorkspaceTreeModel::onModelsListed(int workspaceRow, ListModelsJob *job)
{
    if (workspaceRow >= int(m_workspaces.size()) || m_workspaces[workspaceRow]->job != job)
        return; // a reply for rows that were reset meanwhile
    WorkspaceNode &node = *m_workspaces[workspaceRow];
    node.job.clear();
    const QModelIndex wsIndex = index(workspaceRow, 0);
    if (!job->isSucceeded()) {
        node.state = LoadState::Failed;
        Q_EMIT dataChanged(wsIndex, index(workspaceRow, ColumnCount - 1));
        Q_EMIT loadFailed(job->error());
        return;
    }
    if (!node.models.isEmpty()) { // a reload: replace the rows
        beginRemoveRows(wsIndex, 0, int(node.models.size()) - 1);
        node.models.clear();
        endRemoveRows();
    }
    const QList<Model> models = job->models();
    node.state = LoadState::Loaded;
    if (!models.isEmpty()) {
        beginInsertRows(wsIndex, 0, int(models.size()) - 1);
        node.models = models;
        endInsertRows();
    }
    Q_EMIT dataChanged(wsIndex, index(workspaceRow, ColumnCount - 1));
    Q_EMIT workspaceModelsLoaded(node.workspace.id);
}

void WorkspaceTreeModel::updateModel(const Model &model)
{
    const QModelIndex found = modelIndex(model.id);
    if (!found.isValid())
        return;
    WorkspaceNode &node = *m_workspaces[found.parent().row()];
    Model &stored = node.models[found.row()];
    const QString workspaceName = stored.workspaceName;
    stored = model;
    if (stored.workspaceName.isEmpty())
        stored.workspaceName = workspaceName;
    Q_EMIT dataChanged(found, found.siblingAtColumn(ColumnCount - 1));
}

void WorkspaceTreeModel::removeModels(const QStringList &modelIds)
{
    for (const QString &id : modelIds) {
        const QModelIndex found = modelIndex(id);
        if (!found.isValid())
            continue;
        WorkspaceNode &node = *m_workspaces[found.parent().row()];
        beginRemoveRows(found.parent(), found.row(), found.row());
        node.workspace.currentSize =
            qMax<qint64>(0, node.workspace.currentSize - node.models[found.row()].memoryUsage);
        node.models.removeAt(found.row());
        endRemoveRows();
        const QModelIndex wsIndex = found.parent();
        Q_EMIT dataChanged(wsIndex, wsIndex.siblingAtColumn(ColumnCount - 1));
    }
}

int WorkspaceTreeModel::workspaceRowOf(const QString &workspaceId) const
{
    for (int row = 0; row < int(m_workspaces.size()); ++row) {
        if (m_workspaces[row]->workspace.id.compare(workspaceId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

QModelIndex WorkspaceTreeModel::workspaceIndex(const QString &workspaceId) const
{
    const int row = workspaceRowOf(workspaceId);
    return row < 0 ? QModelIndex() : index(row, 0);
}

QModelIndex WorkspaceTreeModel::modelIndex(const QString &modelId) const
{
    for (int wsRow = 0; wsRow < int(m_workspaces.size()); ++wsRow) {
        const QList<Model> &models = m_workspaces[wsRow]->models;
        for (int row = 0; row < models.size(); ++row) {
            if (models[row].id.compare(modelId, Qt::CaseInsensitive) == 0)
                return createIndex(row, 0, quintptr(wsRow + 1));
        }
    }
    return {};
}

WorkspaceTreeModel::LoadState WorkspaceTreeModel::workspaceLoadState(const QString &workspaceId) const
{
    const int row = workspaceRowOf(workspaceId);
    return row < 0 ? LoadState::NotLoaded : m_workspaces[row]->state;
}

const Model *WorkspaceTreeModel::modelAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const int wsRow = int(index.internalId()) - 1;
    if (wsRow >= int(m_workspaces.size()) || index.row() >= m_workspaces[wsRow]->models.size())
        return nullptr;
    return &m_workspaces[wsRow]->models[index.row()];
}

const Workspace *WorkspaceTreeModel::workspaceAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const int wsRow = index.internalId() == 0 ? index.row() : int(index.internalId()) - 1;
    return wsRow < int(m_workspaces.size()) ? &m_workspaces[wsRow]->workspace : nullptr;
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
}

int WorkspaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_workspaces.size());
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= int(m_workspaces.size()))
        return 0;
    return int(m_workspaces[parent.row()]->models.size());
}

int WorkspaceTreeModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return ColumnCount;
}

bool WorkspaceTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_workspaces.empty();
    if (parent.column() != 0 || parent.internalId() != 0 || parent.row() >= int(m_workspaces.size()))
        return false;
    const WorkspaceNode &node = *m_workspaces[parent.row()];
    // Unloaded workspaces show an expander so that expanding them fetches their models.
    return node.state != LoadState::Loaded || !node.models.isEmpty();
}

bool WorkspaceTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.internalId() != 0 || parent.row() >= int(m_workspaces.size()))
        return false;
    return m_workspaces[parent.row()]->state == LoadState::NotLoaded;
}

void WorkspaceTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startModelsFetch(parent.row());
}

Qt::ItemFlags WorkspaceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == 0)
        return Qt::ItemIsEnabled; // a workspace is a heading, not something the browser acts on
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant WorkspaceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == 0)
        return workspaceData(*m_workspaces[index.row()], index.column(), role);
    const Model *model = modelAt(index);
    return model ? modelData(*model, index.column(), role) : QVariant();
}

QVariant WorkspaceTreeModel::workspaceData(const WorkspaceNode &node, int column, int role) const
{
    const Workspace &ws = node.workspace;
    switch (role) {
    case IdRole:
        return ws.id;
    case NameRole:
        return ws.name;
    case NodeKindRole:
        return int(NodeKind::Workspace);
    case WorkspaceIdRole:
        return ws.id;
    case LoadingRole:
        return node.state == LoadState::Loading;
    case ModelStateRole:
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            if (node.state == LoadState::Loading)
                return tr("%1 (loading models…)").arg(ws.name);
            if (node.state == LoadState::Failed)
                return tr("%1 (models could not be listed)").arg(ws.name);
            return ws.name;
        case StateColumn:
            return ws.active ? tr("Active workspace") : tr("Inactive workspace");
        case SizeColumn:
            return dataSize(ws.currentSize);
        case AllowanceColumn:
            return dataSize(ws.sizeAllowance);
        case IdColumn:
            return ws.id;
        }
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return ws.name;
        case StateColumn:
            return ws.active ? 1 : 0;
        case SizeColumn:
            return ws.currentSize;
        case AllowanceColumn:
            return ws.sizeAllowance;
        case IdColumn:
            return ws.id;
        }
        return {};
    case Qt::ToolTipRole: {
        const double used =
            ws.sizeAllowance > 0 ? 100.0 * double(ws.currentSize) / double(ws.sizeAllowance) : 0.0;
        return tr("Workspace %1 (%2)\nUses %3 of %4 (%5 %)")
            .arg(ws.name, ws.id, dataSize(ws.currentSize), dataSize(ws.sizeAllowance),
                 QLocale().toString(used, 'f', 1));
    }
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == AllowanceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::modelData(const Model &model, int column, int role) const
{
    switch (role) {
    case IdRole:
        return model.id;
    case NameRole:
        return model.name;
    case NodeKindRole:
        return int(NodeKind::Model);
    case WorkspaceIdRole:
        return model.workspaceId;
    case ModelStateRole:
        return int(model.activeState);
    case LoadingRole:
        return false;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return model.name;
        case StateColumn:
            return modelStateText(model.activeState, model.activeStateRaw);
        case SizeColumn:
            return dataSize(model.memoryUsage);
        case AllowanceColumn:
            return QString();
        case IdColumn:
            return model.id;
        }
        return {};
    case SortRole:
        switch (column) {
        case NameColumn:
            return model.name;
        case StateColumn:
            return modelStateText(model.activeState, model.activeStateRaw);
        case SizeColumn:
            return model.memoryUsage;
        case AllowanceColumn:
            return qint64(0);
        case IdColumn:
            return model.id;
        }
        return {};
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        if (model.activeState == ModelState::Locked)
            return m_lockedIcon;
        if (model.activeState == ModelState::Archived)
            return m_archivedIcon;
        return {};
    case Qt::ForegroundRole:
        if (model.activeState == ModelState::Archived)
            return QColor(Qt::darkGray); // repeats the state column and icon; never the only sign
        return {};
    case Qt::ToolTipRole:
        return tr("Model %1 (%2)\nState: %3\n%4")
            .arg(model.name, model.id, modelStateText(model.activeState, model.activeStateRaw),
                 modelStateExplanation(model.activeState));
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == AllowanceColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case SizeColumn:
        return tr("Size / memory");
    case AllowanceColumn:
        return tr("Size allowance");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

} // namespace anadesk
