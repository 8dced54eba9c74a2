#include "RevisionListModel.h"

#include <QFont>

namespace anadesk {

RevisionListModel::RevisionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RevisionListModel::setRevisions(const QList<Revision> &revisions, const QString &latestId)
{
    beginResetModel();
    m_revisions = revisions;
    m_latestId = latestId;
    endResetModel();
}

void RevisionListModel::clear()
{
    setRevisions({}, {});
}

const Revision *RevisionListModel::latest() const
{
    const int row = rowOf(m_latestId);
    return row >= 0 ? &m_revisions[row] : nullptr;
}

int RevisionListModel::rowOf(const QString &revisionId) const
{
    if (revisionId.isEmpty())
        return -1;
    for (int row = 0; row < m_revisions.size(); ++row) {
        if (m_revisions[row].id.compare(revisionId, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

int RevisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_revisions.size());
}

int RevisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Revision &revision = m_revisions[index.row()];
    const bool isLatest = !m_latestId.isEmpty() && revision.id.compare(m_latestId, Qt::CaseInsensitive) == 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return isLatest ? tr("%1 (latest)").arg(revision.name) : revision.name;
        case AppliedOnColumn:
            return revision.appliedOn;
        case AppliedByColumn:
            return revision.appliedBy;
        case CreatedOnColumn:
            return revision.createdOn;
        case CreatedByColumn:
            return revision.createdBy;
        case IdColumn:
            return revision.id;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) {
            QString tip = revision.description.value_or(QString());
            if (isLatest)
                tip = (tip.isEmpty() ? QString() : tip + QLatin1Char('\n')) +
                      tr("The model's latest revision: syncs into this model start from it.");
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        break;
    case Qt::FontRole:
        if (isLatest) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case RevisionIdRole:
        return revision.id;
    case LatestRole:
        return isLatest;
    default:
        break;
    }
    return {};
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Revision");
    case AppliedOnColumn:
        return tr("Applied on");
    case AppliedByColumn:
        return tr("Applied by");
    case CreatedOnColumn:
        return tr("Created on");
    case CreatedByColumn:
        return tr("Created by");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

} // namespace anadesk
