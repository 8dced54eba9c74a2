#include "OperationListModel.h"

#include "RowCounts.h"
#include "TaskMonitorModel.h"
#include "shell/Icons.h"

namespace anadesk {

OperationListModel::OperationListModel(TaskMonitorModel *source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    connect(source, &QAbstractItemModel::dataChanged, this, &OperationListModel::onSourceChanged);
    // Rows removed from the monitor (Clear finished) stay here as "removed": the ids are kept, data() of an
    // unknown id gives nothing, and every row is refreshed.
    connect(source, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &sourceParent) {
        if (!sourceParent.isValid() && !m_ids.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
    });
}

void OperationListModel::append(int taskId)
{
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(taskId);
    endInsertRows();
}

void OperationListModel::onSourceChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return; // result rows: the operation row itself changes too
    for (int sourceRow = topLeft.row(); sourceRow <= bottomRight.row(); ++sourceRow) {
        const int id = m_source->taskIdAt(m_source->index(sourceRow, 0));
        const qsizetype row = m_ids.indexOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

int OperationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int OperationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int id = m_ids.at(index.row());
    if (role == TaskIdRole)
        return id;
    const MonitoredTask *task = m_source->task(id);
    if (!task)
        return role == Qt::DisplayRole && index.column() == OperationColumn
                   ? tr("(removed from the task list)")
                   : QVariant();
    if (role == DumpAvailableRole)
        return task->hasFailureDump();
    const RowCounts counts = task->result ? RowCounts::fromResult(*task->result) : RowCounts{};
    auto count = [](const std::optional<int> &value) { return value ? QVariant(*value) : QVariant(); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case OperationColumn:
            return task->title;
        case StateColumn:
            return MonitoredTask::stateName(task->state);
        case SucceededColumn:
            return count(counts.succeeded);
        case FailedColumn:
            return count(counts.failed);
        case IgnoredColumn:
            return count(counts.ignored);
        case MessageColumn: {
            if (!task->isFinished())
                return task->step;
            return task->message;
        }
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{task->title, task->message};
        if (task->result)
            lines += task->result->summaryLines(20);
        lines.removeAll(QString());
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::DecorationRole && index.column() == StateColumn) {
        switch (task->state) {
        case MonitoredState::Succeeded:
            return icon(QStringLiteral("ok"));
        case MonitoredState::Failed:
            return icon(QStringLiteral("error"));
        case MonitoredState::Cancelled:
            return icon(QStringLiteral("skipped"));
        default:
            return icon(QStringLiteral("connecting"));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= SucceededColumn && index.column() <= IgnoredColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant OperationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OperationColumn:
        return tr("Operation");
    case StateColumn:
        return tr("State");
    case SucceededColumn:
        return tr("Rows succeeded");
    case FailedColumn:
        return tr("Rows failed");
    case IgnoredColumn:
        return tr("Rows ignored");
    case MessageColumn:
        return tr("Details");
    default:
        return {};
    }
}

Qt::ItemFlags OperationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace anadesk
