#pragma once
// A model's ALM revisions as a table: Name · Applied on · Applied by · Created on · Created by · Id. The
// latest revision (the one syncs and reports compare against) is marked in its name ("… (latest)"), in bold
// and by LatestRole, so it does not rely on the font alone.
#include "alm/AlmTypes.h"

#include <QAbstractTableModel>

namespace anadesk {

class RevisionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        AppliedOnColumn,
        AppliedByColumn,
        CreatedOnColumn,
        CreatedByColumn,
        IdColumn,
        ColumnCount
    };
    enum Role
    {
        RevisionIdRole = Qt::UserRole + 70,
        LatestRole, // bool
    };

    explicit RevisionListModel(QObject *parent = nullptr);

    // latestId: the model's latest revision (empty when it has none or it is unknown).
    void setRevisions(const QList<Revision> &revisions, const QString &latestId);
    void clear();
    const QList<Revision> &revisions() const { return m_revisions; }
    const QString &latestId() const { return m_latestId; }
    const Revision *latest() const;
    int rowOf(const QString &revisionId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Revision> m_revisions;
    QString m_latestId;
};

} // namespace anadesk
