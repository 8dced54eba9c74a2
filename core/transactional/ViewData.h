#pragma once
// Cell data of a view as JSON (GET …/views/{viewId}/data, Accept: application/json, format=v1):
// the selected page items, one coordinate tuple per column, and per row its coordinates and cells.
// Cell values are kept as the strings Anaplan sends (numbers rendered, null as an empty string).
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk {

struct ViewDataRow
{
    QStringList coordinates; // one per row dimension
    QStringList cells;       // one per column
};

struct ViewData
{
    QStringList pages;                    // one per page dimension; empty without page dimensions
    QList<QStringList> columnCoordinates; // one tuple per column
    QList<ViewDataRow> rows;

    qint64 cellCount() const;
    // Parses the v1 JSON document. Returns an empty string on success, else what was wrong.
    // Runs on a worker thread for large views (no QObject, no shared state).
    static QString parse(const QByteArray &json, ViewData *out);
};

} // namespace anadesk
