#pragma once
// An ALM comparison summary as a table: one row per area that changed (lists, modules, line items, …) and a
// Total row first; columns Area · Created · Modified · Deleted · All changes.
#include "alm/AlmTypes.h"

#include <QAbstractTableModel>

namespace anadesk {

class SummaryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AreaColumn,
        CreatedColumn,
        ModifiedColumn,
        DeletedColumn,
        AllColumn,
        ColumnCount
    };
    enum Role
    {
        AreaKeyRole = Qt::UserRole + 80, // the key Anaplan sent ("lineItems"…); "" for the Total row
        CountRole,                       // qint64 of numeric cells
    };

    explicit SummaryTableModel(QObject *parent = nullptr);

    void setSummary(const SummaryReport &summary);
    void clear();
    bool hasSummary() const { return m_has; }
    const SummaryReport &summary() const { return m_summary; }
    // The row of an area key ("modules"…), -1 when it did not change; the Total row is 0.
    int rowOfArea(const QString &key) const;

    // "lineItems" → "Line items"; unknown keys are shown split at their capitals.
    static QString areaTitle(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SummaryReport m_summary;
    QStringList m_areas; // keys in display order
    bool m_has = false;
};

} // namespace anadesk
