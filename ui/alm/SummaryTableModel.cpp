#include "SummaryTableModel.h"

#include <QFont>
#include <QLocale>

namespace anadesk {

SummaryTableModel::SummaryTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SummaryTableModel::setSummary(const SummaryReport &summary)
{
    beginResetModel();
    m_summary = summary;
    m_areas = summary.differences.keys();
    m_has = true;
    endResetModel();
}

void SummaryTableModel::clear()
{
    beginResetModel();
    m_summary = {};
    m_areas.clear();
    m_has = false;
    endResetModel();
}

int SummaryTableModel::rowOfArea(const QString &key) const
{
    if (!m_has)
        return -1;
    if (key.isEmpty())
        return 0;
    const int index = int(m_areas.indexOf(key));
    return index < 0 ? -1 : index + 1;
}

QString SummaryTableModel::areaTitle(const QString &key)
{
    if (key == QLatin1String("lists"))
        return tr("Lists");
    if (key == QLatin1String("modules"))
        return tr("Modules");
    if (key == QLatin1String("lineItems"))
        return tr("Line items");
    if (key == QLatin1String("rolesContents"))
        return tr("Roles");
    if (key == QLatin1String("views") || key == QLatin1String("savedViews"))
        return tr("Saved views");
    if (key == QLatin1String("actions"))
        return tr("Actions");
    QString title;
    for (const QChar c : key) {
        if (c.isUpper() && !title.isEmpty())
            title += QLatin1Char(' ');
        title += title.isEmpty() ? c.toUpper() : c.toLower();
    }
    return title;
}

int SummaryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_has ? 0 : int(m_areas.size()) + 1;
}

int SummaryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool total = index.row() == 0;
    const QString key = total ? QString() : m_areas.at(index.row() - 1);
    const ChangeCounts counts = total ? m_summary.totals : m_summary.differences.value(key);
    qint64 value = 0;
    switch (index.column()) {
    case CreatedColumn:
        value = counts.created;
        break;
    case ModifiedColumn:
        value = counts.modified;
        break;
    case DeletedColumn:
        value = counts.deleted;
        break;
    case AllColumn:
        value = counts.created + counts.modified + counts.deleted;
        break;
    default:
        break;
    }
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == AreaColumn)
            return total ? tr("Total") : areaTitle(key);
        return QLocale().toString(value);
    case CountRole:
        if (index.column() == AreaColumn)
            return {};
        return value;
    case AreaKeyRole:
        return key;
    case Qt::TextAlignmentRole:
        if (index.column() != AreaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (total) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AreaColumn:
        return tr("Area");
    case CreatedColumn:
        return tr("Created");
    case ModifiedColumn:
        return tr("Modified");
    case DeletedColumn:
        return tr("Deleted");
    case AllColumn:
        return tr("All changes");
    }
    return {};
}

} // namespace anadesk
