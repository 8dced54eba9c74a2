#include "LogModel.h"

#include <QBrush>
#include <QPalette>

namespace anadesk {

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
        return tr("Error");
    case QtFatalMsg:
        return tr("Fatal");
    }
    return tr("Info");
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return entry.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelName(entry.type);
        case CategoryColumn:
            return entry.category;
        case MessageColumn:
            return entry.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return entry.time.toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return entry.message;
        return {};
    case TypeRole:
        return int(entry.type);
    case Qt::ForegroundRole:
        if (entry.type == QtCriticalMsg || entry.type == QtFatalMsg)
            return QBrush(Qt::darkRed);
        if (entry.type == QtWarningMsg)
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        return {};
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogModel::append(const LogEntry &entry)
{
    if (m_entries.size() >= m_maxLines) {
        const int excess = int(m_entries.size()) - m_maxLines + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.remove(0, excess);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void LogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString LogModel::formatLine(const LogEntry &entry)
{
    return entry.time.toString(Qt::ISODateWithMs) % QLatin1Char(' ') % levelName(entry.type) % QLatin1Char(' ')
           % entry.category % QStringLiteral(": ") % entry.message;
}

QString LogModel::toText() const
{
    QString text;
    for (const LogEntry &entry : m_entries)
        text += formatLine(entry) % QLatin1Char('\n');
    return text;
}

void LogModel::setMaxLines(int maxLines)
{
    m_maxLines = qMax(1, maxLines);
    if (m_entries.size() > m_maxLines) {
        const int excess = int(m_entries.size()) - m_maxLines;
        beginRemoveRows({}, 0, excess - 1);
        m_entries.remove(0, excess);
        endRemoveRows();
    }
}

} // namespace anadesk
