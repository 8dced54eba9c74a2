#include "ViewData.h"

#include "bulk/Envelope.h"

#include <functional>
#include <vector>

namespace sandbox::tx {

std::optional<ResolvedView> resolveView(const Catalog &catalog, const QString &viewId)
{
    const TxModel &model = catalog.model();
    ResolvedView view;
    QHash<QString, QStringList> filters;
    if (const TxModule *m = model.module(viewId)) {
        view.id = m->id;
        view.name = m->name;
        view.module = m;
        view.rows = m->rows;
        view.columns = m->columns;
        view.pages = m->pages;
    } else if (const TxView *v = model.view(viewId)) {
        view.module = model.module(v->moduleId);
        if (!view.module)
            return std::nullopt;
        view.id = v->id;
        view.name = v->name;
        view.rows = v->rows;
        view.columns = v->columns;
        view.pages = v->pages;
        filters = v->filters;
    } else if (const TxModule *owner = catalog.moduleOfLineItem(viewId)) {
        // A line item id stands for its module's default view showing that line item only.
        view.id = viewId;
        view.name = owner->name;
        view.module = owner;
        view.rows = owner->rows;
        view.columns = owner->columns;
        view.pages = owner->pages;
        filters.insert(kLineItemsDimension, {viewId});
    } else {
        return std::nullopt;
    }
    for (const QStringList *axis : {&view.rows, &view.columns, &view.pages})
        for (const QString &dimId : *axis) {
            std::optional<Dimension> d = catalog.axisDimension(*view.module, dimId);
            if (!d)
                continue;
            if (filters.contains(dimId)) {
                const QStringList keep = filters.value(dimId);
                d->items.removeIf([&](const DimItem &item) { return !keep.contains(item.id); });
            }
            view.dimensions.insert(dimId, *d);
        }
    return view;
}

QJsonObject viewInfoJson(const Catalog &catalog, const ResolvedView &view)
{
    QJsonObject o{{QStringLiteral("viewId"), view.id}, {QStringLiteral("viewName"), view.name}};
    const auto axis = [&](const QStringList &dims) {
        QJsonArray a;
        for (const QString &d : dims)
            a.append(idName(d, catalog.dimensionName(d)));
        return a;
    };
    // An axis without dimensions is omitted, as Anaplan does.
    if (!view.rows.isEmpty())
        o.insert(QStringLiteral("rows"), axis(view.rows));
    if (!view.columns.isEmpty())
        o.insert(QStringLiteral("columns"), axis(view.columns));
    if (!view.pages.isEmpty())
        o.insert(QStringLiteral("pages"), axis(view.pages));
    return o;
}

namespace {

QByteArray csvField(const QString &text, bool quoteAll)
{
    const bool needs = quoteAll || text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needs)
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

void appendCsvLine(QByteArray *out, const QStringList &fields, bool quoteAll)
{
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out->append(',');
        out->append(csvField(fields.at(i), quoteAll));
    }
    out->append('\n');
}

void appendJsonString(QByteArray *out, const QString &text)
{
    out->append('"');
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u == '"' || u == '\\') {
            out->append('\\');
            out->append(char(u));
        } else if (u < 0x20) {
            out->append(QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0')).toLatin1());
        } else {
            out->append(QString(c).toUtf8());
        }
    }
    out->append('"');
}

// Walks an axis: every combination of its dimensions' items, first dimension outermost.
struct Axis
{
    QList<const Dimension *> dims;
    qint64 count() const
    {
        qint64 n = 1;
        for (const Dimension *d : dims)
            n *= d->items.size();
        return n;
    }
    // Item indexes of combination `index`.
    void indexes(qint64 index, std::vector<int> *out) const
    {
        out->assign(dims.size(), 0);
        for (int i = int(dims.size()) - 1; i >= 0; --i) {
            const qint64 size = dims.at(i)->items.size();
            (*out)[i] = int(index % size);
            index /= size;
        }
    }
    QStringList names(const std::vector<int> &idx) const
    {
        QStringList out;
        for (int i = 0; i < dims.size(); ++i)
            out.append(dims.at(i)->items.at(idx[i]).name);
        return out;
    }
};

class Grid
{
public:
    Grid(const Catalog &catalog, const ResolvedView &view)
        : m_catalog(catalog)
        , m_view(view)
    {
        m_lineItems = catalog.lineItems(*view.module);
        // Every axis dimension exists before pointers into the hash are taken (no rehash afterwards).
        for (const QStringList *axis : {&view.rows, &view.columns, &view.pages})
            for (const QString &d : *axis)
                if (!m_view.dimensions.contains(d))
                    m_view.dimensions.insert(d, Dimension{d, d, {}});
        for (const QString &d : view.rows)
            m_rows.dims.append(&m_view.dimensions[d]);
        for (const QString &d : view.columns)
            m_columns.dims.append(&m_view.dimensions[d]);
        for (const QString &d : view.pages)
            m_pages.dims.append(&m_view.dimensions[d]);
        // Module dimensions on no axis show their first item.
        for (const QString &d : view.module->dimensions) {
            const auto full = catalog.dimension(d);
            m_fixed.append(full && !full->items.isEmpty() ? full->items.constFirst() : DimItem{});
        }
        m_coords.resize(view.module->dimensions.size());
        for (int i = 0; i < m_coords.size(); ++i)
            m_coords[i] = &m_fixed[i];
    }

    Axis &rows() { return m_rows; }
    Axis &columns() { return m_columns; }
    Axis &pages() { return m_pages; }

    // Sets the coordinates of one axis combination.
    void place(const Axis &axis, const QStringList &dimIds, const std::vector<int> &idx)
    {
        for (int i = 0; i < dimIds.size(); ++i) {
            const DimItem *item = &axis.dims.at(i)->items.at(idx[i]);
            if (dimIds.at(i) == kLineItemsDimension) {
                m_lineItem = lineItem(item->id);
            } else {
                const int at = int(m_view.module->dimensions.indexOf(dimIds.at(i)));
                if (at >= 0)
                    m_coords[at] = item;
            }
        }
    }

    QString value() const
    {
        const TxLineItem *li =
            m_lineItem ? m_lineItem : (m_lineItems.isEmpty() ? nullptr : &m_lineItems.constFirst());
        return li ? m_catalog.value(*m_view.module, *li, m_coords) : QString();
    }

private:
    const TxLineItem *lineItem(const QString &id) const
    {
        for (const TxLineItem &li : m_lineItems)
            if (li.id == id)
                return &li;
        return nullptr;
    }

    const Catalog &m_catalog;
    ResolvedView m_view;
    QList<TxLineItem> m_lineItems;
    Axis m_rows, m_columns, m_pages;
    QList<DimItem> m_fixed;
    QList<const DimItem *> m_coords;
    const TxLineItem *m_lineItem = nullptr;
};

} // namespace

bool renderViewData(const Catalog &catalog, const ResolvedView &view, const ViewRequest &request,
                    QByteArray *body, int *status, QString *error)
{
    *status = 400;
    static const QStringList exportTypes{
        QStringLiteral("GRID_CURRENT_PAGE"), QStringLiteral("GRID_ALL_PAGES"),
        QStringLiteral("TABULAR_SINGLE_COLUMN"), QStringLiteral("TABULAR_MULTI_COLUMN")};
    if (!request.exportType.isEmpty() && !exportTypes.contains(request.exportType)) {
        *error = QStringLiteral("exportType '%1' is not supported; use one of %2.")
                     .arg(request.exportType, exportTypes.join(QStringLiteral(", ")));
        return false;
    }
    QStringList pageNames;
    for (const QString &d : view.pages)
        pageNames.append(catalog.dimensionName(d));
    for (auto it = request.pages.cbegin(); it != request.pages.cend(); ++it)
        if (!view.pages.contains(it.key())) {
            *error = QStringLiteral(
                         "Dimension %1 is not on the pages of view %2 (%3); its page dimensions are: %4.")
                         .arg(it.key(), view.name, view.id,
                              view.pages.isEmpty() ? QStringLiteral("none")
                                                   : view.pages.join(QStringLiteral(", ")));
            return false;
        }

    Grid grid(catalog, view);
    const bool allPages = request.exportType == QLatin1String("GRID_ALL_PAGES") ||
                          request.exportType.startsWith(QLatin1String("TABULAR"));
    // The chosen page item of each page dimension (default: the first the view shows).
    std::vector<int> chosenPage(view.pages.size(), 0);
    for (int i = 0; i < view.pages.size(); ++i) {
        const Dimension &d = *grid.pages().dims.at(i);
        const QString wanted = request.pages.value(view.pages.at(i));
        if (!wanted.isEmpty()) {
            const int at = d.indexOfId(wanted);
            if (at < 0) {
                *error =
                    QStringLiteral("Item %1 is not an item of page dimension %2 (%3) in view %4; list the "
                                   "items with GET …/views/%5/dimensions/%3/items.")
                        .arg(wanted, d.name, d.id, view.name, view.id);
                return false;
            }
            chosenPage[i] = at;
        }
        if (d.items.isEmpty()) {
            *error = QStringLiteral("Page dimension %1 (%2) of view %3 has no items to show.")
                         .arg(d.name, d.id, view.name);
            return false;
        }
    }

    const qint64 rowCount = grid.rows().count();
    const qint64 columnCount = grid.columns().count();
    const qint64 pageCount = allPages ? grid.pages().count() : 1;
    const qint64 cells = rowCount * columnCount * pageCount;
    if (cells > kMaxViewCells) {
        *error = QStringLiteral(
                     "View %1 (%2) holds %3 cells for this request; Anaplan reads at most 1,000,000 cells "
                     "in one call and returns no partial result. Select other pages, use a saved view "
                     "with fewer items, or read it with a large-volume read request.")
                     .arg(view.name, view.id)
                     .arg(cells);
        return false;
    }

    QByteArray &out = *body;
    out.clear();
    out.reserve(int(std::min<qint64>(cells * 4 + rowCount * 16 + 1024, 256LL * 1024 * 1024)));
    std::vector<int> rowIdx, columnIdx, pageIdx(chosenPage);
    const qint64 rowLimit = request.maxRows >= 0 ? std::min(request.maxRows, rowCount) : rowCount;
    QStringList columnLabels;
    std::vector<std::vector<int>> columnIndexes(static_cast<size_t>(columnCount), std::vector<int>());
    for (qint64 c = 0; c < columnCount; ++c)
        grid.columns().indexes(c, &columnIndexes[size_t(c)]);

    if (request.json) {
        grid.place(grid.pages(), view.pages, pageIdx);
        out.append("{\"pages\":[");
        const QStringList pages = grid.pages().names(pageIdx);
        for (int i = 0; i < pages.size(); ++i) {
            if (i)
                out.append(',');
            appendJsonString(&out, pages.at(i));
        }
        out.append("],\"columnCoordinates\":[");
        for (qint64 c = 0; c < columnCount; ++c) {
            out.append(c ? ",[" : "[");
            const QStringList names = grid.columns().names(columnIndexes[size_t(c)]);
            for (int i = 0; i < names.size(); ++i) {
                if (i)
                    out.append(',');
                appendJsonString(&out, names.at(i));
            }
            out.append(']');
        }
        out.append("],\"rows\":[");
        for (qint64 r = 0; r < rowLimit; ++r) {
            grid.rows().indexes(r, &rowIdx);
            grid.place(grid.rows(), view.rows, rowIdx);
            out.append(r ? ",{\"rowCoordinates\":[" : "{\"rowCoordinates\":[");
            const QStringList names = grid.rows().names(rowIdx);
            for (int i = 0; i < names.size(); ++i) {
                if (i)
                    out.append(',');
                appendJsonString(&out, names.at(i));
            }
            out.append("],\"cells\":[");
            for (qint64 c = 0; c < columnCount; ++c) {
                grid.place(grid.columns(), view.columns, columnIndexes[size_t(c)]);
                if (c)
                    out.append(',');
                appendJsonString(&out, grid.value());
            }
            out.append("]}");
        }
        out.append("]}");
        *status = 200;
        return true;
    }

    const bool quote = request.escaped;
    const QString type =
        request.exportType.isEmpty() ? QStringLiteral("GRID_CURRENT_PAGE") : request.exportType;
    QStringList rowDimNames, columnDimNames;
    for (const QString &d : view.rows)
        rowDimNames.append(catalog.dimensionName(d));
    for (const QString &d : view.columns)
        columnDimNames.append(catalog.dimensionName(d));
    for (qint64 c = 0; c < columnCount; ++c)
        columnLabels.append(grid.columns().names(columnIndexes[size_t(c)]).join(QStringLiteral(" - ")));

    qint64 written = 0; // data lines, for maxRows
    auto pageCombos = [&](const std::function<void(const QStringList &)> &each) {
        if (!allPages) {
            grid.place(grid.pages(), view.pages, pageIdx);
            each(grid.pages().names(pageIdx));
            return;
        }
        for (qint64 p = 0; p < grid.pages().count(); ++p) {
            grid.pages().indexes(p, &pageIdx);
            grid.place(grid.pages(), view.pages, pageIdx);
            each(grid.pages().names(pageIdx));
        }
    };

    if (type == QLatin1String("TABULAR_SINGLE_COLUMN")) {
        appendCsvLine(&out, pageNames + rowDimNames + columnDimNames + QStringList{QStringLiteral("Value")},
                      quote);
        pageCombos([&](const QStringList &pageItems) {
            for (qint64 r = 0; r < rowCount && (request.maxRows < 0 || written < request.maxRows); ++r) {
                grid.rows().indexes(r, &rowIdx);
                grid.place(grid.rows(), view.rows, rowIdx);
                const QStringList rowItems = grid.rows().names(rowIdx);
                for (qint64 c = 0; c < columnCount && (request.maxRows < 0 || written < request.maxRows);
                     ++c) {
                    grid.place(grid.columns(), view.columns, columnIndexes[size_t(c)]);
                    appendCsvLine(&out,
                                  pageItems + rowItems + grid.columns().names(columnIndexes[size_t(c)]) +
                                      QStringList{grid.value()},
                                  quote);
                    ++written;
                }
            }
        });
    } else if (type == QLatin1String("TABULAR_MULTI_COLUMN")) {
        appendCsvLine(&out, pageNames + rowDimNames + columnLabels, quote);
        pageCombos([&](const QStringList &pageItems) {
            for (qint64 r = 0; r < rowCount && (request.maxRows < 0 || written < request.maxRows); ++r) {
                grid.rows().indexes(r, &rowIdx);
                grid.place(grid.rows(), view.rows, rowIdx);
                QStringList line = pageItems + grid.rows().names(rowIdx);
                for (qint64 c = 0; c < columnCount; ++c) {
                    grid.place(grid.columns(), view.columns, columnIndexes[size_t(c)]);
                    line.append(grid.value());
                }
                appendCsvLine(&out, line, quote);
                ++written;
            }
        });
    } else { // GRID_CURRENT_PAGE, GRID_ALL_PAGES: page line, one header line per column dimension, rows
        pageCombos([&](const QStringList &pageItems) {
            if (!view.pages.isEmpty())
                appendCsvLine(&out, pageItems, quote);
            for (int d = 0; d < view.columns.size(); ++d) {
                QStringList header;
                for (int i = 0; i < view.rows.size(); ++i)
                    header.append(QString());
                for (qint64 c = 0; c < columnCount; ++c)
                    header.append(
                        grid.columns().dims.at(d)->items.at(columnIndexes[size_t(c)][size_t(d)]).name);
                appendCsvLine(&out, header, quote);
            }
            for (qint64 r = 0; r < rowLimit; ++r) {
                grid.rows().indexes(r, &rowIdx);
                grid.place(grid.rows(), view.rows, rowIdx);
                QStringList line = grid.rows().names(rowIdx);
                for (qint64 c = 0; c < columnCount; ++c) {
                    grid.place(grid.columns(), view.columns, columnIndexes[size_t(c)]);
                    line.append(grid.value());
                }
                appendCsvLine(&out, line, quote);
            }
        });
    }
    *status = 200;
    return true;
}

} // namespace sandbox::tx
