#pragma once
// One table model for the five kinds of model objects (files, imports, exports, processes, actions): rows
// are ObjectRows (id, name and per-kind extra values), columns come from a column spec per kind
// (ObjectColumns.h). Name and id are always the first two columns, side by side.
#include "api/ResolveJob.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMimeData>
#include <QStringList>
#include <QVariant>
#include <functional>

namespace anadesk {

struct ObjectRow
{
    QString id;
    QString name;
    QVariantList extra;    // one value per extra column (sorts by this value)
    QStringList extraText; // what those columns show (empty string: the value's text)
    QString linkedId;      // imports: importDataSourceId (the file the import reads)
};

struct ObjectColumn
{
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

class ObjectTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum
    {
        NameColumn = 0,
        IdColumn = 1,
        FirstExtraColumn = 2
    };

    ObjectTableModel(ObjectKind kind, QObject *parent = nullptr);

    ObjectKind kind() const { return m_kind; }
    void setRows(const QList<ObjectRow> &rows);
    void clear();
    const QList<ObjectRow> &rows() const { return m_rows; }
    const ObjectRow *rowAt(int row) const;
    int rowOf(const QString &id) const;

    // For dragging rows out (the transfers feature): when set, rows are draggable and mimeData() asks this.
    using MimeProvider = std::function<QMimeData *(const QList<ObjectRow> &rows)>;
    void setMimeProvider(MimeProvider provider);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    // Drops of local files are handled by ObjectTab (reported, never decoded into rows here).
    Qt::DropActions supportedDropActions() const override { return Qt::IgnoreAction; }

private:
    ObjectKind m_kind;
    QList<ObjectColumn> m_columns;
    QList<ObjectRow> m_rows;
    MimeProvider m_mimeProvider;
};

} // namespace anadesk
