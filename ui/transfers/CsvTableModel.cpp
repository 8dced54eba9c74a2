#include "CsvTableModel.h"

namespace anadesk {

CsvTableModel::CsvTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CsvTableModel::setTable(const CsvTable &table)
{
    beginResetModel();
    m_table = table;
    m_columns = table.columnCount();
    endResetModel();
}

void CsvTableModel::clear()
{
    setTable({});
}

int CsvTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int CsvTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

QVariant CsvTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole)
        return {};
    const QStringList &row = m_table.rows.at(index.row());
    return index.column() < row.size() ? row.at(index.column()) : QString();
}

QVariant CsvTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_columns)
            return {};
        if (section < m_table.header.size() && !m_table.header.at(section).isEmpty())
            return m_table.header.at(section);
        return tr("Column %1").arg(section + 1);
    }
    if (section < 0 || section >= m_table.recordNumbers.size())
        return {};
    return m_table.recordNumbers.at(section);
}

Qt::ItemFlags CsvTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace anadesk
