#include "ObjectTableModel.h"

#include "BrowserRoles.h"
#include "ObjectColumns.h"

#include <QSet>

namespace anadesk {

ObjectTableModel::ObjectTableModel(ObjectKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(objectColumns(kind))
{}

void ObjectTableModel::setRows(const QList<ObjectRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void ObjectTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const ObjectRow *ObjectTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ObjectTableModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return row;
    }
    return -1;
}

void ObjectTableModel::setMimeProvider(MimeProvider provider)
{
    m_mimeProvider = std::move(provider);
}

int ObjectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ObjectTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ObjectTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ObjectRow &row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case IdRole:
        return row.id;
    case NameRole:
        return row.name;
    case Qt::DisplayRole:
    case SortRole: {
        if (column == NameColumn)
            return row.name;
        if (column == IdColumn)
            return row.id;
        const int extra = column - FirstExtraColumn;
        const QVariant value = extra < row.extra.size() ? row.extra[extra] : QVariant();
        if (role == SortRole)
            return value;
        if (extra < row.extraText.size() && !row.extraText[extra].isEmpty())
            return row.extraText[extra];
        return value.toString();
    }
    case Qt::ToolTipRole:
        return tr("%1\nId: %2").arg(row.name, row.id);
    case Qt::TextAlignmentRole:
        return int(m_columns[column].alignment);
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant ObjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns[section].title;
    if (role == Qt::TextAlignmentRole)
        return int(m_columns[section].alignment);
    return {};
}

Qt::ItemFlags ObjectTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_mimeProvider)
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList ObjectTableModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list"), QStringLiteral("text/plain")};
}

QMimeData *ObjectTableModel::mimeData(const QModelIndexList &indexes) const
{
    if (!m_mimeProvider)
        return nullptr;
    QList<ObjectRow> rows;
    QSet<int> seen;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !seen.contains(index.row())) {
            seen.insert(index.row());
            rows.append(m_rows[index.row()]);
        }
    }
    return m_mimeProvider(rows);
}

Qt::DropActions ObjectTableModel::supportedDragActions() const
{
    return m_mimeProvider ? Qt::CopyAction : Qt::IgnoreAction;
}

} // namespace anadesk
