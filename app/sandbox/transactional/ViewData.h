#pragma once
// Views and their cell data: resolving a view id (a module's default view, a saved view, or a line item
// standing for its module's default view restricted to it), the view metadata Anaplan returns, and the
// grid as CSV or JSON (format=v1), with page selectors, maxRows, exportType layouts and Anaplan's
// 1,000,000-cell read limit (400 above it, never a partial result).
#include "Catalog.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace sandbox::tx {

inline constexpr qint64 kMaxViewCells = 1'000'000;

struct ResolvedView
{
    QString id;
    QString name;
    const TxModule *module = nullptr;
    QStringList rows, columns, pages;     // dimension ids (kLineItemsDimension for line items)
    QHash<QString, Dimension> dimensions; // every axis dimension, already filtered by the view
};

// nullopt when the id is neither a module, a saved view nor a line item of the model.
std::optional<ResolvedView> resolveView(const Catalog &catalog, const QString &viewId);

QJsonObject viewInfoJson(const Catalog &catalog, const ResolvedView &view);

struct ViewRequest
{
    QHash<QString, QString> pages; // dimension id -> item id chosen by the caller
    qint64 maxRows = -1;           // -1: all rows
    QString
        exportType; // empty, GRID_CURRENT_PAGE, GRID_ALL_PAGES, TABULAR_SINGLE_COLUMN, TABULAR_MULTI_COLUMN
    bool json = false;    // Accept: application/json and format=v1
    bool escaped = false; // text/csv;escaped=true: every field quoted
};

// The response body; false with *status and *error (400 for a bad page selector, exportType or a read
// over the cell limit).
bool renderViewData(const Catalog &catalog, const ResolvedView &view, const ViewRequest &request,
                    QByteArray *body, int *status, QString *error);

} // namespace sandbox::tx
