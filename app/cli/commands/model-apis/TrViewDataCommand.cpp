// tr view-data: a view's cells as CSV or JSON, to stdout or to a file.
#include "../../CommandHelpers.h"
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

// "DIM:ITEM,DIM:ITEM" with ids or names; names are resolved against the view's page axis and the
// items the view offers there.
ApiError resolvePages(CommandContext &c, const TransactionalClient &tx, const QString &viewId,
                      const QString &spec, QList<QPair<QString, QString>> *out)
{
    std::optional<ViewInfo> info;
    const QStringList pairs = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon <= 0 || colon == pair.size() - 1)
            return usage(modelApiTr("--pages '%1': each entry must be DIMENSION:ITEM").arg(pair),
                         modelApiTr("Example: --pages Versions:Budget,Products:Laptop (ids work too)."));
        const QString dimWanted = pair.left(colon).trimmed();
        const QString itemWanted = pair.mid(colon + 1).trimmed();
        NamedObject dim{dimWanted, {}, {}};
        if (!looksLikeNumericId(dimWanted)) {
            if (!info) {
                auto job = Session::own(tx.getViewInfo(viewId));
                if (ApiError e = c.session.wait(job); e.isError())
                    return e;
                info = job->viewInfo();
            }
            QList<NamedObject> pages;
            for (const Dimension &d : info->pages)
                pages.append({d.id, d.name, modelApiTr("page dimension")});
            if (ApiError e =
                    resolveAmong(pages, dimWanted, modelApiTr("page dimension"),
                                 modelApiTr("view %1").arg(viewId), u"anadesk-cli tr view "_s + viewId, &dim);
                e.isError())
                return e;
        }
        NamedObject item{itemWanted, {}, {}};
        if (!looksLikeNumericId(itemWanted)) {
            auto job = Session::own(tx.getViewDimensionItems(viewId, dim.id));
            if (ApiError e = c.session.wait(job); e.isError())
                return e;
            QList<NamedObject> items;
            for (const Dimension &d : job->items())
                items.append({d.id, d.name, modelApiTr("item")});
            if (ApiError e =
                    resolveAmong(items, itemWanted, modelApiTr("item"),
                                 modelApiTr("dimension %1 of view %2").arg(dim.id, viewId),
                                 u"anadesk-cli tr view-dimension-items "_s + viewId + u' ' + dim.id, &item);
                e.isError())
                return e;
        }
        out->append({dim.id, item.id});
    }
    return {};
}

// The module a view belongs to (Anaplan wants it with exportType).
ApiError moduleOfView(CommandContext &c, const TransactionalClient &tx, const QString &viewId, QString *out)
{
    if (c.args.isSet(u"module"_s)) {
        NamedObject module;
        if (ApiError e = resolveTx(c, tx, TxKind::Module, c.args.value(u"module"_s), &module); e.isError())
            return e;
        *out = module.id;
        return {};
    }
    auto views = Session::own(tx.getViews());
    if (ApiError e = c.session.wait(views); e.isError())
        return e;
    for (const View &v : views->views())
        if (v.id == viewId) {
            *out = v.moduleId;
            return {};
        }
    // Not a saved view: a module's default view (same id), or a line item.
    auto items = Session::own(tx.getLineItems({}, false));
    if (ApiError e = c.session.wait(items); e.isError())
        return e;
    for (const LineItem &li : items->lineItems()) {
        if (li.moduleId == viewId || li.id == viewId) {
            *out = li.moduleId;
            return {};
        }
    }
    return usage(modelApiTr("Cannot tell which module view %1 belongs to").arg(viewId),
                 modelApiTr("Pass --module MODULE with --export-type."));
}

ApiError viewData(CommandContext &c)
{
    Output &out = c.session.out();
    const QString path = c.args.value(u"output"_s);
    const bool toFile = c.args.isSet(u"output"_s) && path != u"-"_s;
    QString formatName = c.args.value(u"format"_s).trimmed().toLower();
    if (formatName.isEmpty())
        formatName = out.isJson() && !toFile ? u"json"_s : u"csv"_s;
    ViewDataFormat format;
    if (formatName == u"csv"_s)
        format = ViewDataFormat::Csv;
    else if (formatName == u"csv-escaped"_s)
        format = ViewDataFormat::CsvEscaped;
    else if (formatName == u"json"_s)
        format = ViewDataFormat::Json;
    else
        return usage(modelApiTr("--format '%1' is not known").arg(c.args.value(u"format"_s)),
                     modelApiTr("Use csv, csv-escaped or json."));
    if (out.isJson() && !toFile && format != ViewDataFormat::Json)
        return usage(
            modelApiTr("CSV on standard output cannot be combined with --json"),
            modelApiTr("Save it with -o PATH (the JSON then describes the file), or use --format json."));

    ViewDataQuery query;
    qint64 maxRows = 0;
    if (ApiError e = intOption(c, u"max-rows"_s, 1, 1'000'000'000, &maxRows); e.isError())
        return e;
    query.maxRows = int(maxRows);
    if (c.args.isSet(u"export-type"_s)) {
        const auto type = viewExportTypeFromName(c.args.value(u"export-type"_s).trimmed());
        if (!type)
            return usage(modelApiTr("--export-type '%1' is not known").arg(c.args.value(u"export-type"_s)),
                         modelApiTr("Use GRID_CURRENT_PAGE, GRID_ALL_PAGES, TABULAR_SINGLE_COLUMN or "
                                    "TABULAR_MULTI_COLUMN."));
        query.exportType = *type;
    }

    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject view;
    if (ApiError e = resolveTx(c, tx, TxKind::View, c.args.positionals.at(0), &view); e.isError())
        return e;
    if (c.args.isSet(u"pages"_s))
        if (ApiError e = resolvePages(c, tx, view.id, c.args.value(u"pages"_s), &query.pages); e.isError())
            return e;
    if (query.exportType != ViewExportType::Default || c.args.isSet(u"module"_s))
        if (ApiError e = moduleOfView(c, tx, view.id, &query.moduleId); e.isError())
            return e;

    QString target;
    if (toFile) {
        const QString serverName = (view.name.isEmpty() ? view.id : view.name) +
                                   (format == ViewDataFormat::Json ? u".json"_s : u".csv"_s);
        if (ApiError e = targetPath(path, serverName, c.args.isSet(u"force"_s), &target); e.isError())
            return e;
    }

    auto job = Session::own(tx.getViewData(view.id, format, query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;

    QJsonObject summary{{u"viewId"_s, view.id}, {u"format"_s, formatName}};
    if (!view.name.isEmpty())
        summary.insert(u"viewName"_s, view.name);
    QByteArray bytes;
    if (format == ViewDataFormat::Json) {
        const ViewData &data = job->data();
        summary.insert(u"rowCount"_s, double(data.rows.size()));
        summary.insert(u"columnCount"_s, double(data.columnCoordinates.size()));
        summary.insert(u"cellCount"_s, double(data.cellCount()));
        if (!toFile) {
            QJsonObject document = json::toJson(data);
            for (auto it = summary.constBegin(); it != summary.constEnd(); ++it)
                document.insert(it.key(), it.value());
            if (out.isJson())
                out.object(document, {});
            else
                out.writeOut(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
            return {};
        }
        bytes = QJsonDocument(json::toJson(data)).toJson(QJsonDocument::Compact);
    } else {
        bytes = job->csv();
        if (!toFile) {
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
            std::fflush(stdout);
            return {};
        }
    }
    if (ApiError e = saveFile(target, bytes, c.args.isSet(u"force"_s)); e.isError())
        return e;
    summary.insert(u"path"_s, target);
    summary.insert(u"bytes"_s, double(bytes.size()));
    summary.insert(u"sha256"_s, hex(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256)));
    out.object(summary, {{u"viewId"_s, modelApiTr("View")},
                         {u"format"_s, modelApiTr("Format")},
                         {u"path"_s, modelApiTr("Saved to")},
                         {u"bytes"_s, modelApiTr("Bytes")},
                         {u"sha256"_s, modelApiTr("SHA-256")}});
    return {};
}

} // namespace

QList<Command> trViewDataCommands()
{
    Command data = commandEntry(
        u"tr view-data"_s, modelApiTr("Modules, line items and views"),
        u"VIEW [-o PATH] [--format csv|csv-escaped|json] [--pages DIM:ITEM,...]"_s,
        modelApiTr("Read a view's cells (at most 1,000,000 per read) as CSV or JSON."), 1, 1, viewData);
    data.details = modelApiTr(
        "VIEW: a view id or name, a module (its default view) or a line item id. Without -o the data goes to "
        "stdout; with -o it is saved (through a temporary name) and a summary is printed (JSON: viewId "
        "viewName "
        "format path bytes sha256, plus rowCount columnCount cellCount for JSON data). The format defaults "
        "to json "
        "with --json and no -o, else csv; CSV on stdout cannot be combined with --json. JSON data: {viewId, "
        "viewName, format, pages[], columnCoordinates[[…]], rows[{coordinates[], cells[]}], rowCount, "
        "columnCount, "
        "cellCount}. --pages selects page items (dimension and item by id or name; names with ',' or ':' "
        "need ids). Views over 1,000,000 cells are refused by Anaplan (exit 2): select pages or use "
        "--max-rows.");
    data.options = {
        outputOption(modelApiTr("Save to PATH (a file or an existing directory) instead of stdout.")),
        forceOption(),
        {u"format"_s, {}, u"FORMAT"_s, modelApiTr("csv, csv-escaped or json.")},
        {u"pages"_s, {}, u"DIM:ITEM,..."_s, modelApiTr("Page items to read (ids or names).")},
        {u"max-rows"_s, {}, u"N"_s, modelApiTr("At most N data rows.")},
        {u"export-type"_s,
         {},
         u"TYPE"_s,
         modelApiTr("GRID_CURRENT_PAGE, GRID_ALL_PAGES, TABULAR_SINGLE_COLUMN or TABULAR_MULTI_COLUMN "
                    "(CSV).")},
        {u"module"_s,
         {},
         u"MODULE"_s,
         modelApiTr("The view's module for --export-type (found from the view when not given).")}};
    return {data};
}

} // namespace anadesk::cli
