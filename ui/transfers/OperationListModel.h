#pragma once
// A flat table over chosen operations of the task monitor (the uploads and imports of one drop), with
// the rows an import took, failed and ignored in columns of their own. It reads everything from the
// TaskMonitorModel and follows its changes, so both always agree.
#include <QAbstractTableModel>
#include <QList>

namespace anadesk {

class TaskMonitorModel;

class OperationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        OperationColumn,
        StateColumn,
        SucceededColumn,
        FailedColumn,
        IgnoredColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        TaskIdRole = Qt::UserRole + 80,
        DumpAvailableRole
    };

    explicit OperationListModel(TaskMonitorModel *source, QObject *parent = nullptr);

    void append(int taskId);
    const QList<int> &taskIds() const { return m_ids; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void onSourceChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    TaskMonitorModel *m_source;
    QList<int> m_ids;
};

} // namespace anadesk
