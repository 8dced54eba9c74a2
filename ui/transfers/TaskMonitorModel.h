#pragma once
// The task monitor's tree: one top-level row per operation of the session (newest last), and under a
// finished run its result — every detail line, and for a process one row per nested result with that
// action's details below it.
//
// Columns: Name · State · Progress · Step · Elapsed · Result. Elapsed of running rows is refreshed once
// a second (only while something runs). The clock is injectable for tests.
#include "MonitoredTask.h"

#include <QAbstractItemModel>
#include <functional>
#include <memory>
#include <vector>

class QTimer;

namespace anadesk {

class TaskMonitorModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ProgressColumn,
        StepColumn,
        ElapsedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role
    {
        TaskIdRole = Qt::UserRole + 40, // int: MonitoredTask::id of the row's operation (also on result rows)
        NodeTypeRole,                   // int: NodeType
        StateRole,         // int: MonitoredState (operation rows) or 1/0 successful (nested rows)
        ProgressRole,      // double 0..1, negative when unknown
        ObjectIdRole,      // the action/file id (nested rows: the nested action)
        DumpAvailableRole, // bool: a failure dump can be opened for this row
    };
    enum class NodeType
    {
        Operation = 1,
        Detail = 2,
        Nested = 3
    };

    explicit TaskMonitorModel(QObject *parent = nullptr);
    ~TaskMonitorModel() override;

    // Milliseconds of a monotonic clock (default: QElapsedTimer since construction).
    void setClock(std::function<qint64()> now);
    qint64 now() const { return m_now(); }
    // Names of the actions of a process (results carry only ids) in a model; "" when unknown.
    using NameLookup = std::function<QString(const ModelRef &model, const QString &objectId)>;
    void setNameLookup(NameLookup lookup);

    // Adds an operation (its id is assigned here; startedMs is set when 0) and returns the id.
    int add(MonitoredTask task);
    // Changes an operation; rows below it are rebuilt when its result changed.
    void update(int id, const std::function<void(MonitoredTask &)> &change);
    const MonitoredTask *task(int id) const;
    QList<int> taskIds() const;
    int rowOfTask(int id) const;
    QModelIndex indexOfTask(int id, int column = NameColumn) const;
    // The operation a row (or a result row below it) belongs to; 0 for an invalid index.
    int taskIdAt(const QModelIndex &index) const;
    // Removes every finished operation.
    void removeFinished();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString formatElapsed(qint64 ms);

private:
    struct Node;
    Node *nodeAt(const QModelIndex &index) const;
    int rowOf(const Node *node) const;
    void rebuildResultRows(Node *operation);
    void tick();
    QVariant operationData(const Node &node, int column, int role) const;
    QVariant resultData(const Node &node, int column, int role) const;

    std::unique_ptr<Node> m_root;
    std::function<qint64()> m_now;
    NameLookup m_nameLookup;
    QTimer *m_ticker;
    int m_nextId = 1;
};

} // namespace anadesk
