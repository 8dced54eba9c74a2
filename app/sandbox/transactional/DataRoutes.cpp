// View cell data (CSV or JSON) and module cell writes.
#include "ListOps.h"
#include "RouteContext.h"
#include "ViewData.h"

namespace sandbox::tx {

namespace {

constexpr qint64 kMaxCellsPerWrite = 100'000;
constexpr qint64 kMaxWriteBytes = 15LL * 1024 * 1024; // "15 MB"

HttpResponse viewData(Transactional &tx, const HttpRequest &request, const RouteMatch &m)
{
    Loaded l;
    HttpResponse error;
    if (!loadModel(tx, request, m, &l, &error))
        return error;
    if (auto refused = offlineRefusal(request, l.record))
        return *refused;
    const auto view = resolveView(*l.catalog, m.param(QStringLiteral("view")));
    if (!view)
        return failure(
            request, 404,
            QStringLiteral("View %1 was not found in this model. List views with GET …/views (a module id "
                           "or a line item id also works).")
                .arg(m.param(QStringLiteral("view"))));
    ViewRequest vr;
    const QByteArray accept = request.header("accept");
    vr.json = accept.contains("application/json") &&
              request.queryValue(QStringLiteral("format")) == QLatin1String("v1");
    vr.escaped = accept.contains("escaped=true");
    // pages: comma-separated and/or repeated dimensionId:itemId pairs.
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key != QLatin1String("pages"))
            continue;
        for (const QString &pair : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList parts = pair.split(QLatin1Char(':'));
            if (parts.size() != 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
                return failure(request, 400,
                               QStringLiteral("pages entry '%1' must be dimensionId:itemId (for example "
                                              "20000000020:330000000012).")
                                   .arg(pair));
            vr.pages.insert(parts.at(0), parts.at(1));
        }
    }
    if (request.hasQuery(QStringLiteral("maxRows"))) {
        bool ok = false;
        vr.maxRows = request.queryValue(QStringLiteral("maxRows")).toLongLong(&ok);
        if (!ok || vr.maxRows < 0)
            return failure(request, 400,
                           QStringLiteral("maxRows must be a whole number of at least 0 (got '%1').")
                               .arg(request.queryValue(QStringLiteral("maxRows"))));
    }
    vr.exportType = request.queryValue(QStringLiteral("exportType"));
    const QString moduleId = request.queryValue(QStringLiteral("moduleId"));
    if (!vr.exportType.isEmpty()) {
        if (moduleId.isEmpty())
            return failure(request, 400,
                           QStringLiteral("exportType needs moduleId too (the module of view %1 is %2).")
                               .arg(view->id, view->module->id));
        if (moduleId != view->module->id)
            return failure(request, 400,
                           QStringLiteral("moduleId %1 is not the module of view %2 (that is %3).")
                               .arg(moduleId, view->id, view->module->id));
    }
    if (vr.json)
        vr.exportType.clear(); // layouts apply to CSV; JSON v1 is always the grid of one page
    QByteArray body;
    int status = 200;
    QString message;
    if (!renderViewData(*l.catalog, *view, vr, &body, &status, &message))
        return failure(request, status, message);
    if (vr.json)
        return HttpResponse::bytes(200, body, "application/json");
    return HttpResponse::bytes(
        200, body, vr.escaped ? "text/csv;escaped=true; charset=UTF-8" : "text/csv; charset=UTF-8");
}

// Fast item lookups for one request (a write may address 100,000 cells).
struct DimIndex
{
    Dimension dim;
    QHash<QString, int> byId, byName, byCode;
    QSet<QString> parentNames; // items of the parent list: aggregates, not writable

    int find(const QJsonObject &o) const
    {
        if (o.contains(QStringLiteral("itemId")))
            return byId.value(o.value(QStringLiteral("itemId")).toVariant().toString(), -1);
        if (o.contains(QStringLiteral("itemName")))
            return byName.value(o.value(QStringLiteral("itemName")).toString(), -1);
        if (o.contains(QStringLiteral("itemCode")))
            return byCode.value(o.value(QStringLiteral("itemCode")).toString(), -1);
        return -1;
    }
};

QJsonObject cellFailure(int index, const QString &type, const QString &details)
{
    return {{QStringLiteral("requestIndex"), index},
            {QStringLiteral("failureType"), type},
            {QStringLiteral("failureMessageDetails"), details}};
}

HttpResponse writeCells(Transactional &tx, const HttpRequest &request, const RouteMatch &m)
{
    if (request.body.size() > kMaxWriteBytes)
        return failure(
            request, 400,
            QStringLiteral("The request body has %1 bytes; a cell write takes at most 15 MB (and 100,000 "
                           "cells). Split it into smaller requests.")
                .arg(request.body.size()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray())
        return failure(
            request, 400,
            QStringLiteral("The body must be a JSON array of cell writes {lineItemId|lineItemName, "
                           "dimensions:[{dimensionId|dimensionName, itemId|itemName|itemCode}], value}."));
    const QJsonArray cells = doc.array();
    if (cells.size() > kMaxCellsPerWrite)
        return failure(
            request, 400,
            QStringLiteral("%1 cells were sent; a cell write takes at most 100,000 cells. Split it into "
                           "batches.")
                .arg(cells.size()));
    const QString moduleId = m.param(QStringLiteral("module"));
    int changed = 0;
    QJsonArray failures;
    std::optional<HttpResponse> refused;
    const Failure f = writeModel(
        tx, m, [&](const ModelRecord &record, ModelData &data, TxModel &model, bool *saveTx) -> Failure {
            if ((refused = offlineRefusal(request, record)))
                return {409, {}};
            TxModule *module = model.module(moduleId);
            if (!module)
                return {404, QStringLiteral(
                                 "Module %1 was not found in this model; list modules with GET …/modules.")
                                 .arg(moduleId)};
            const Catalog catalog(data, model);
            const QList<TxLineItem> lineItems = catalog.lineItems(*module);
            QList<DimIndex> dims;
            for (const QString &d : module->dimensions) {
                DimIndex index;
                index.dim = catalog.dimension(d).value_or(Dimension{d, d, {}});
                for (int i = 0; i < index.dim.items.size(); ++i) {
                    const DimItem &item = index.dim.items.at(i);
                    index.byId.insert(item.id, i);
                    index.byName.insert(item.name, i);
                    if (!item.code.isEmpty())
                        index.byCode.insert(item.code, i);
                }
                if (const ListData *list = data.list(d); list && !list->parentListId.isEmpty())
                    if (const ListData *parent = data.list(list->parentListId))
                        for (const ListItem &p : parent->items)
                            index.parentNames.insert(p.name);
                dims.append(index);
            }
            ModuleData *tenant = module->tenantBacked() ? data.module(moduleId) : nullptr;
            for (int i = 0; i < cells.size(); ++i) {
                const QJsonObject cell = cells.at(i).toObject();
                const QString liKey = cell.contains(QStringLiteral("lineItemId"))
                                          ? cell.value(QStringLiteral("lineItemId")).toVariant().toString()
                                          : cell.value(QStringLiteral("lineItemName")).toString();
                const TxLineItem *li = nullptr;
                for (const TxLineItem &candidate : lineItems)
                    if (candidate.id == liKey || candidate.name.compare(liKey, Qt::CaseInsensitive) == 0)
                        li = &candidate;
                if (!li) {
                    failures.append(cellFailure(
                        i, QStringLiteral("INVALID_LINE_ITEM"),
                        QStringLiteral("line item '%1' is not in module %2").arg(liKey, module->name)));
                    continue;
                }
                if (!li->formula.isEmpty()) {
                    failures.append(
                        cellFailure(i, QStringLiteral("READ_ONLY_CELL"),
                                    QStringLiteral("line item %1 is calculated (%2) and cannot be written")
                                        .arg(li->name, li->formula)));
                    continue;
                }
                // One item per module dimension, matched by dimensionId or dimensionName.
                QList<const DimItem *> coords(dims.size(), nullptr);
                QString problem, type;
                const QJsonArray given = cell.value(QStringLiteral("dimensions")).toArray();
                for (const QJsonValue &gv : given) {
                    const QJsonObject g = gv.toObject();
                    const QString dimId = g.value(QStringLiteral("dimensionId")).toVariant().toString();
                    const QString dimName = g.value(QStringLiteral("dimensionName")).toString();
                    int at = -1;
                    for (int d = 0; d < dims.size(); ++d)
                        if ((!dimId.isEmpty() && dims.at(d).dim.id == dimId) ||
                            (dimId.isEmpty() &&
                             dims.at(d).dim.name.compare(dimName, Qt::CaseInsensitive) == 0))
                            at = d;
                    if (at < 0) {
                        type = QStringLiteral("INVALID_DIMENSION");
                        problem = QStringLiteral("dimension '%1' does not apply to line item %2")
                                      .arg(dimId.isEmpty() ? dimName : dimId, li->name);
                        break;
                    }
                    const int item = dims.at(at).find(g);
                    if (item < 0) {
                        const QString label = g.value(QStringLiteral("itemName")).toString();
                        const bool aggregate = dims.at(at).parentNames.contains(label);
                        type = aggregate ? QStringLiteral("AGGREGATE_CELL") : QStringLiteral("INVALID_ITEM");
                        problem =
                            aggregate
                                ? QStringLiteral("%1 is an aggregate of %2; only leaf items can be written")
                                      .arg(label, dims.at(at).dim.name)
                                : QStringLiteral("item not found in %1: %2")
                                      .arg(dims.at(at).dim.name, QString::fromUtf8(QJsonDocument(g).toJson(
                                                                     QJsonDocument::Compact)));
                        break;
                    }
                    coords[at] = &dims.at(at).dim.items.at(item);
                }
                for (int d = 0; problem.isEmpty() && d < dims.size(); ++d)
                    if (!coords.at(d)) {
                        type = QStringLiteral("MISSING_DIMENSION");
                        problem = QStringLiteral("no item given for dimension %1 (%2)")
                                      .arg(dims.at(d).dim.name, dims.at(d).dim.id);
                    }
                if (!problem.isEmpty()) {
                    failures.append(cellFailure(i, type, problem));
                    continue;
                }
                const QJsonValue value = cell.value(QStringLiteral("value"));
                QString text;
                bool valid = false;
                if (li->format == QLatin1String("LIST") || li->format == QLatin1String("TIME PERIOD")) {
                    const auto target =
                        catalog.dimension(li->format == QLatin1String("LIST") ? li->listId : kTimeDimension);
                    if (target && value.isString())
                        for (const DimItem &item : target->items)
                            if (item.name == value.toString() ||
                                (!item.code.isEmpty() && item.code == value.toString()))
                                text = item.name, valid = true;
                    if (value.isString() && value.toString().isEmpty())
                        valid = true;
                } else if (li->format != QLatin1String("NONE")) {
                    valid = normaliseValue(li->format, value, &text);
                }
                if (!valid) {
                    failures.append(cellFailure(
                        i, QStringLiteral("INVALID_VALUE"),
                        QStringLiteral("value %1 is not a valid %2 for line item %3")
                            .arg(QString::fromUtf8(
                                     QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)),
                                 li->format, li->name)));
                    continue;
                }
                if (tenant) {
                    if (li->format == QLatin1String("BOOLEAN"))
                        text = text.toUpper(); // the tenant stores TRUE/FALSE (its import convention)
                    tenant->cells.insert(
                        ModuleData::cellKey(coords.at(0)->name, coords.at(1)->name, li->name), text);
                } else {
                    QStringList ids;
                    for (const DimItem *item : coords)
                        ids.append(item->id);
                    module->cells.insert(TxModule::cellKey(li->id, ids), text);
                    *saveTx = true;
                }
                ++changed;
            }
            return {};
        });
    if (refused)
        return *refused;
    if (f)
        return failure(request, f);
    QJsonObject body{{QStringLiteral("numberOfCellsChanged"), changed}};
    if (!failures.isEmpty())
        body.insert(QStringLiteral("failures"),
                    failures); // absent when every cell was written (the library checks)
    return HttpResponse::json(200, body);
}

} // namespace

void registerDataRoutes(Router &router, Transactional &tx)
{
    for (const QString &prefix : kModelPrefixes) {
        router.add(
            "GET", prefix + QStringLiteral("/views/{view}/data"),
            [&tx](const HttpRequest &request, const RouteMatch &m) { return viewData(tx, request, m); });
        router.add(
            "POST", prefix + QStringLiteral("/modules/{module}/data"),
            [&tx](const HttpRequest &request, const RouteMatch &m) { return writeCells(tx, request, m); });
    }
}

} // namespace sandbox::tx
