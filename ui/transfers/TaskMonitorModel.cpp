#include "TaskMonitorModel.h"

#include "RowCounts.h"
#include "shell/Icons.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace anadesk {

struct TaskMonitorModel::Node
{
    Node *parent = nullptr;
    NodeType type = NodeType::Operation;
    int taskId = 0;
    MonitoredTask task;      // NodeType::Operation
    TaskResultDetail detail; // NodeType::Detail
    TaskResult nested;       // NodeType::Nested (its details are its children)
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

QString actionTitle(const TaskResult &result, const QString &knownName)
{
    const QString noun = actionKindNoun(actionKindFromId(result.objectId));
    const QString what = noun.isEmpty() ? result.objectId : noun + QLatin1Char(' ') + result.objectId;
    const QString name = result.objectName.isEmpty() ? knownName : result.objectName;
    return name.isEmpty() ? what : QStringLiteral("%1 '%2'").arg(what, name);
}

} // namespace

TaskMonitorModel::TaskMonitorModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
    , m_ticker(new QTimer(this))
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_now = [clock] { return clock->elapsed(); };
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &TaskMonitorModel::tick);
}

TaskMonitorModel::~TaskMonitorModel() = default;

void TaskMonitorModel::setClock(std::function<qint64()> now)
{
    m_now = std::move(now);
}

void TaskMonitorModel::setNameLookup(NameLookup lookup)
{
    m_nameLookup = std::move(lookup);
}

int TaskMonitorModel::add(MonitoredTask task)
{
    task.id = m_nextId++;
    if (task.startedMs == 0)
        task.startedMs = m_now();
    auto node = std::make_unique<Node>();
    node->parent = m_root.get();
    node->type = NodeType::Operation;
    node->taskId = task.id;
    node->task = std::move(task);
    const int row = int(m_root->children.size());
    beginInsertRows({}, row, row);
    m_root->children.push_back(std::move(node));
    Node *added = m_root->children.back().get();
    endInsertRows();
    if (added->task.result)
        rebuildResultRows(added);
    if (!added->task.isFinished() && !m_ticker->isActive())
        m_ticker->start();
    return added->taskId;
}

void TaskMonitorModel::update(int id, const std::function<void(MonitoredTask &)> &change)
{
    const int row = rowOfTask(id);
    if (row < 0)
        return;
    Node *node = m_root->children[size_t(row)].get();
    const bool hadResult = node->task.result.has_value();
    const bool wasFinished = node->task.isFinished();
    change(node->task);
    node->task.id = id;
    if (!wasFinished && node->task.isFinished() && node->task.endedMs == 0)
        node->task.endedMs = m_now();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    // Results arrive once (when the run ends); rebuilding the few rows below is simpler than diffing.
    if (hadResult || node->task.result.has_value())
        rebuildResultRows(node);
    if (!node->task.isFinished() && !m_ticker->isActive())
        m_ticker->start();
}

const MonitoredTask *TaskMonitorModel::task(int id) const
{
    const int row = rowOfTask(id);
    return row < 0 ? nullptr : &m_root->children[size_t(row)]->task;
}

QList<int> TaskMonitorModel::taskIds() const
{
    QList<int> ids;
    for (const auto &child : m_root->children)
        ids.append(child->taskId);
    return ids;
}

int TaskMonitorModel::rowOfTask(int id) const
{
    for (size_t row = 0; row < m_root->children.size(); ++row) {
        if (m_root->children[row]->taskId == id)
            return int(row);
    }
    return -1;
}

QModelIndex TaskMonitorModel::indexOfTask(int id, int column) const
{
    const int row = rowOfTask(id);
    return row < 0 ? QModelIndex() : index(row, column);
}

int TaskMonitorModel::taskIdAt(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    return node ? node->taskId : 0;
}

void TaskMonitorModel::removeFinished()
{
    // Remove contiguous runs from the end so that every removal is one begin/end pair.
    int row = int(m_root->children.size()) - 1;
    while (row >= 0) {
        if (!m_root->children[size_t(row)]->task.isFinished()) {
            --row;
            continue;
        }
        int first = row;
        while (first - 1 >= 0 && m_root->children[size_t(first - 1)]->task.isFinished())
            --first;
        beginRemoveRows({}, first, row);
        m_root->children.erase(m_root->children.begin() + first, m_root->children.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
}

void TaskMonitorModel::rebuildResultRows(Node *operation)
{
    const QModelIndex parentIndex = createIndex(rowOf(operation), 0, operation);
    if (!operation->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(operation->children.size()) - 1);
        operation->children.clear();
        endRemoveRows();
    }
    if (!operation->task.result)
        return;
    const TaskResult &result = *operation->task.result;
    std::vector<std::unique_ptr<Node>> rows;
    auto detailNode = [&](Node *parent, const TaskResultDetail &detail) {
        auto node = std::make_unique<Node>();
        node->parent = parent;
        node->type = NodeType::Detail;
        node->taskId = operation->taskId;
        node->detail = detail;
        return node;
    };
    for (const TaskResultDetail &detail : result.details)
        rows.push_back(detailNode(operation, detail));
    for (const TaskResult &nested : result.nestedResults) {
        auto node = std::make_unique<Node>();
        node->parent = operation;
        node->type = NodeType::Nested;
        node->taskId = operation->taskId;
        node->nested = nested;
        for (const TaskResultDetail &detail : nested.details)
            node->children.push_back(detailNode(node.get(), detail));
        rows.push_back(std::move(node));
    }
    if (rows.empty())
        return;
    beginInsertRows(parentIndex, 0, int(rows.size()) - 1);
    operation->children = std::move(rows);
    endInsertRows();
}

void TaskMonitorModel::tick()
{
    bool running = false;
    for (const auto &child : m_root->children)
        running = running || !child->task.isFinished();
    const int rows = int(m_root->children.size());
    if (rows > 0)
        Q_EMIT dataChanged(index(0, ElapsedColumn), index(rows - 1, ElapsedColumn), {Qt::DisplayRole});
    if (!running)
        m_ticker->stop();
}

TaskMonitorModel::Node *TaskMonitorModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

int TaskMonitorModel::rowOf(const Node *node) const
{
    const Node *parent = node->parent;
    if (!parent)
        return 0;
    for (size_t row = 0; row < parent->children.size(); ++row) {
        if (parent->children[row].get() == node)
            return int(row);
    }
    return -1;
}

QModelIndex TaskMonitorModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *parentNode = parent.isValid() ? nodeAt(parent) : m_root.get();
    if (!parentNode || size_t(row) >= parentNode->children.size())
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex TaskMonitorModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeAt(child);
    if (!node || !node->parent || node->parent == m_root.get())
        return {};
    Node *parentNode = node->parent;
    return createIndex(rowOf(parentNode), 0, parentNode);
}

int TaskMonitorModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_root->children.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int TaskMonitorModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TaskMonitorModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return {};
    switch (role) {
    case TaskIdRole:
        return node->taskId;
    case NodeTypeRole:
        return int(node->type);
    default:
        break;
    }
    return node->type == NodeType::Operation ? operationData(*node, index.column(), role)
                                             : resultData(*node, index.column(), role);
}

QVariant TaskMonitorModel::operationData(const Node &node, int column, int role) const
{
    const MonitoredTask &task = node.task;
    switch (role) {
    case StateRole:
        return int(task.state);
    case ProgressRole:
        return task.progress;
    case ObjectIdRole:
        return task.objectId;
    case DumpAvailableRole:
        return task.hasFailureDump();
    default:
        break;
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return task.title;
        case StateColumn:
            return MonitoredTask::stateName(task.state);
        case ProgressColumn:
            return task.progress < 0 ? QString() : QStringLiteral("%1 %").arg(qRound(task.progress * 100));
        case StepColumn:
            return task.step;
        case ElapsedColumn:
            return formatElapsed(
                std::max<qint64>(0, (task.endedMs > 0 ? task.endedMs : m_now()) - task.startedMs));
        case ResultColumn: {
            QStringList parts;
            if (task.result) {
                const QString counts = RowCounts::fromResult(*task.result).describe();
                if (!counts.isEmpty())
                    parts.append(counts);
            }
            if (!task.message.isEmpty())
                parts.append(task.message);
            return parts.join(QStringLiteral(" — "));
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{task.title};
        if (!task.modelName.isEmpty())
            lines.append(tr("Model: %1").arg(task.modelName));
        if (!task.sourceRevisionId.isEmpty())
            lines.append(tr("Revision: %1 (%2) of %3")
                             .arg(task.sourceRevisionName, task.sourceRevisionId, task.sourceModelName));
        if (!task.targetRevisionId.isEmpty())
            lines.append(tr("Target revision: %1").arg(task.targetRevisionId));
        if (!task.taskId.isEmpty())
            lines.append(tr("Task id: %1").arg(task.taskId));
        if (!task.noCancelReason.isEmpty() && !task.isFinished())
            lines.append(task.noCancelReason);
        if (!task.message.isEmpty())
            lines.append(task.message);
        if (task.result)
            lines += task.result->summaryLines(20);
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::DecorationRole && column == StateColumn) {
        switch (task.state) {
        case MonitoredState::Succeeded:
            return icon(QStringLiteral("ok"));
        case MonitoredState::Failed:
            return icon(QStringLiteral("error"));
        case MonitoredState::Cancelled:
            return icon(QStringLiteral("skipped"));
        case MonitoredState::Cancelling:
        case MonitoredState::NotFollowed:
            return icon(QStringLiteral("warning"));
        default:
            return icon(QStringLiteral("connecting"));
        }
    }
    if (role == Qt::TextAlignmentRole && (column == ProgressColumn || column == ElapsedColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TaskMonitorModel::resultData(const Node &node, int column, int role) const
{
    if (node.type == NodeType::Detail) {
        if ((role == Qt::DisplayRole && column == NameColumn) || role == Qt::ToolTipRole)
            return node.detail.localMessageText.trimmed().isEmpty() ? node.detail.type
                                                                    : node.detail.localMessageText.trimmed();
        if (role == Qt::DisplayRole && column == ResultColumn)
            return node.detail.occurrences > 0 ? tr("%n occurrence(s)", nullptr, node.detail.occurrences)
                                               : QString();
        if (role == DumpAvailableRole)
            return false;
        return {};
    }
    const TaskResult &nested = node.nested;
    switch (role) {
    case StateRole:
        return nested.successful ? 1 : 0;
    case ObjectIdRole:
        return nested.objectId;
    case DumpAvailableRole:
        return nested.failureDumpAvailable;
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return actionTitle(nested, m_nameLookup && node.parent
                                           ? m_nameLookup(node.parent->task.model, nested.objectId)
                                           : QString());
        case StateColumn:
            return nested.successful ? tr("Succeeded") : tr("Failed");
        case ResultColumn: {
            const QString counts = RowCounts::fromResult(nested).describe();
            if (nested.failureDumpAvailable)
                return counts.isEmpty() ? tr("failure dump available")
                                        : tr("%1 — failure dump available").arg(counts);
            return counts;
        }
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == StateColumn)
            return icon(nested.successful ? QStringLiteral("ok") : QStringLiteral("error"));
        return {};
    case Qt::ToolTipRole:
        return nested.summaryLines(20).join(QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant TaskMonitorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Operation");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case StepColumn:
        return tr("Step");
    case ElapsedColumn:
        return tr("Elapsed");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

Qt::ItemFlags TaskMonitorModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeAt(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->children.empty() && node->type == NodeType::Detail)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QString TaskMonitorModel::formatElapsed(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1:%2 min").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1:%2:%3 h")
        .arg(seconds / 3600)
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace anadesk
