#include "TaskHistoryModel.h"

#include <QDateTime>
#include <QLocale>

namespace anadesk {

TaskHistoryModel::TaskHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TaskHistoryModel::setTasks(const QList<TaskSummary> &tasks)
{
    beginResetModel();
    m_tasks = tasks;
    endResetModel();
}

int TaskHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaskSummary &task = m_tasks.at(index.row());
    if (role == TaskIdRole)
        return task.id;
    if (role == SortRole) {
        switch (index.column()) {
        case CreatedColumn:
            return task.creationTime;
        case StateColumn:
            return task.stateRaw;
        case TaskIdColumn:
            return task.id;
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case CreatedColumn:
        return task.creationTime > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(task.creationTime),
                                                          QLocale::ShortFormat)
                                     : tr("unknown");
    case StateColumn:
        return task.stateRaw;
    case TaskIdColumn:
        return task.id;
    default:
        return {};
    }
}

QVariant TaskHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case StateColumn:
        return tr("State");
    case TaskIdColumn:
        return tr("Task id");
    default:
        return {};
    }
}

Qt::ItemFlags TaskHistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace anadesk
