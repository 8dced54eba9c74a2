#pragma once
// The lines of the log view: every Qt log message of the process, already redacted (LogCapture), newest
// last, at most maxLines() (the oldest go first). Columns: time, level, category, message.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace anadesk {

struct LogEntry
{
    QDateTime time;
    QtMsgType type = QtDebugMsg;
    QString category;
    QString message; // redacted
};

class LogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        CategoryColumn,
        MessageColumn,
        ColumnCount
    };
    // Qt::UserRole on any column: the QtMsgType as int; for filtering.
    static constexpr int TypeRole = Qt::UserRole + 1;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends (call on the model's thread; LogCapture queues lines from other threads).
    void append(const LogEntry &entry);
    void clear();
    const QList<LogEntry> &entries() const { return m_entries; }
    // Every line as "time level category: message", for copying, saving and tests.
    QString toText() const;
    static QString formatLine(const LogEntry &entry);
    static QString levelName(QtMsgType type);

    void setMaxLines(int maxLines);
    int maxLines() const { return m_maxLines; }

private:
    QList<LogEntry> m_entries;
    int m_maxLines = 10'000;
};

} // namespace anadesk
