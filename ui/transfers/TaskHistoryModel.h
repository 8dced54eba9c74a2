#pragma once
// The tasks Anaplan keeps for one import/export/action/process (GET …/tasks): task id, state, created.
// Rows sort by creation time through SortRole (epoch ms) in a proxy.
#include "types/Task.h"

#include <QAbstractTableModel>

namespace anadesk {

class TaskHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CreatedColumn,
        StateColumn,
        TaskIdColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 60,
        TaskIdRole
    };

    explicit TaskHistoryModel(QObject *parent = nullptr);

    void setTasks(const QList<TaskSummary> &tasks);
    const QList<TaskSummary> &tasks() const { return m_tasks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<TaskSummary> m_tasks;
};

} // namespace anadesk
