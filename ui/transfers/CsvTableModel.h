#pragma once
// A read-only table of parsed delimited text (CsvTable): the upload preview and the failure-dump view.
// Columns are the header's names (or "Column 1…" without a header); rows shorter than the widest one
// show empty cells. The vertical header shows the record's number in the source file.
#include "CsvPreview.h"

#include <QAbstractTableModel>

namespace anadesk {

class CsvTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit CsvTableModel(QObject *parent = nullptr);

    void setTable(const CsvTable &table);
    void clear();
    const CsvTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    CsvTable m_table;
    int m_columns = 0;
};

} // namespace anadesk
