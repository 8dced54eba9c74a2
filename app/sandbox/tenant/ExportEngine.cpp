#include "ExportEngine.h"

#include "Csv.h"

namespace sandbox {

QChar exportSeparator(const ExportRecord &exportRecord)
{
    return exportRecord.format == QLatin1String("text/csv") ? QLatin1Char(',') : QLatin1Char('\t');
}

namespace {

struct Writer
{
    QChar separator;
    QString text;
    int rows = 0;
    void line(const QStringList &fields) { text += csvLine(fields, separator, QLatin1Char('"')); }
};

ExportOutput exportList(const ExportRecord &e, const ListData &list, const ModelData &data)
{
    Writer w{exportSeparator(e), {}, 0};
    QStringList header{QStringLiteral("Name"), QStringLiteral("Code")};
    if (!list.parentListId.isEmpty() && data.list(list.parentListId))
        header.append(QStringLiteral("Parent"));
    header += list.propertyNames;
    w.line(header);
    for (const ListItem &item : list.items) {
        QStringList fields{item.name, item.code};
        if (header.contains(QStringLiteral("Parent")))
            fields.append(item.parent);
        for (const QString &p : list.propertyNames)
            fields.append(item.properties.value(p));
        w.line(fields);
        ++w.rows;
    }
    return {encodeText(w.text, e.encoding), w.rows, header, {}};
}

ExportOutput exportModule(const ExportRecord &e, const ModuleData &module, const ModelData &data)
{
    const ListData *rows = data.list(module.rowListId);
    const ListData *columns = data.list(module.columnListId);
    if (!rows || !columns)
        return {{}, 0, {}, QStringLiteral("The module %1 refers to a list that does not exist.").arg(module.name)};
    Writer w{exportSeparator(e), {}, 0};
    const QString layout = e.exportType;
    auto cell = [&](const QString &r, const QString &c, const QString &li) {
        return module.cells.value(ModuleData::cellKey(r, c, li));
    };
    QStringList lineItems;
    for (const LineItem &li : module.lineItems)
        lineItems.append(li.name);
    QStringList header;

    if (layout == QLatin1String("TABULAR_MULTI_COLUMN") || layout == QLatin1String("TABULAR_ALL_LINE_ITEMS")) {
        // Multi column: only combinations that hold data; all line items: every combination.
        const bool everyRow = layout == QLatin1String("TABULAR_ALL_LINE_ITEMS");
        header = QStringList{rows->name, columns->name} + lineItems;
        w.line(header);
        for (const ListItem &r : rows->items)
            for (const ListItem &c : columns->items) {
                QStringList values;
                bool any = false;
                for (const QString &li : lineItems) {
                    values.append(cell(r.name, c.name, li));
                    any = any || !values.last().isEmpty();
                }
                if (!any && !everyRow)
                    continue;
                w.line(QStringList{r.name, c.name} + values);
                ++w.rows;
            }
    } else if (layout == QLatin1String("TABULAR_SINGLE_COLUMN") || layout == QLatin1String("TABULAR_CURRENT_LINE_ITEM")) {
        const bool single = layout == QLatin1String("TABULAR_SINGLE_COLUMN");
        const QStringList shown = single ? lineItems : QStringList{e.lineItem};
        header = single ? QStringList{rows->name, columns->name, QStringLiteral("Line Items"), QStringLiteral("Value")}
                        : QStringList{rows->name, columns->name, e.lineItem};
        w.line(header);
        for (const ListItem &r : rows->items)
            for (const ListItem &c : columns->items)
                for (const QString &li : shown) {
                    const QString v = cell(r.name, c.name, li);
                    if (v.isEmpty())
                        continue;
                    w.line(single ? QStringList{r.name, c.name, li, v} : QStringList{r.name, c.name, v});
                    ++w.rows;
                }
    } else if (layout == QLatin1String("GRID_CURRENT_PAGE") || layout == QLatin1String("GRID_ALL_PAGES")) {
        // Line items are the page dimension: a page selector line, one column header line, then rows.
        const QStringList pages =
            layout == QLatin1String("GRID_ALL_PAGES") ? lineItems : QStringList{e.lineItem.isEmpty() ? lineItems.value(0) : e.lineItem};
        header = QStringList{QString()};
        for (const ListItem &c : columns->items)
            header.append(c.name);
        for (const QString &page : pages) {
            w.line({page});
            w.line(header);
            for (const ListItem &r : rows->items) {
                QStringList fields{r.name};
                for (const ListItem &c : columns->items)
                    fields.append(cell(r.name, c.name, page));
                w.line(fields);
                ++w.rows;
            }
        }
    } else {
        return {{}, 0, {}, QStringLiteral("The export layout %1 is not supported by the sandbox.").arg(layout)};
    }
    return {encodeText(w.text, e.encoding), w.rows, header, {}};
}

} // namespace

ExportOutput runExport(const ExportRecord &exportRecord, const ModelData &data)
{
    if (const ListData *list = data.list(exportRecord.source))
        return exportList(exportRecord, *list, data);
    if (const ModuleData *module = data.module(exportRecord.source))
        return exportModule(exportRecord, *module, data);
    return {{}, 0, {}, QStringLiteral("The export's source %1 does not exist in the model.").arg(exportRecord.source)};
}

} // namespace sandbox
