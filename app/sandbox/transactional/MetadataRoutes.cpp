// Modules, line items (per module and all, includeAll), views (per module and all), view metadata,
// view dimension items, line-item dimensions and their items, dimension items and lookups.
#include "RouteContext.h"
#include "ViewData.h"

namespace sandbox::tx {

namespace {

using Body = std::function<HttpResponse(const HttpRequest &, const RouteMatch &, const Loaded &)>;

// Registers `body` on both path forms; it runs with the model loaded.
void addRead(Router &router, Transactional &tx, const QString &suffix, const Body &body)
{
    for (const QString &prefix : kModelPrefixes)
        router.add("GET", prefix + suffix, [&tx, body](const HttpRequest &request, const RouteMatch &match) {
            Loaded loaded;
            HttpResponse error;
            if (!loadModel(tx, request, match, &loaded, &error))
                return error;
            return body(request, match, loaded);
        });
}

QJsonObject viewJson(const QString &id, const QString &name, const QString &code, const QString &moduleId)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("code"), code},
            {QStringLiteral("moduleId"), moduleId}};
}

QJsonArray viewsOf(const TxModel &model, const QString &moduleId)
{
    QJsonArray views;
    for (const TxModule &m : model.modules)
        if (moduleId.isEmpty() || m.id == moduleId)
            views.append(
                viewJson(m.id, m.name, m.code, m.id)); // the default view has the module's id and name
    for (const TxView &v : model.views)
        if (moduleId.isEmpty() || v.moduleId == moduleId)
            views.append(viewJson(v.id, v.name, v.code, v.moduleId));
    return views;
}

HttpResponse notFound(const HttpRequest &request, const QString &what, const QString &id, const QString &hint)
{
    return failure(request, 404, QStringLiteral("%1 %2 was not found in this model. %3").arg(what, id, hint));
}

QJsonArray itemsJson(const Dimension &d)
{
    QJsonArray items;
    for (const DimItem &item : d.items)
        items.append(QJsonObject{{QStringLiteral("id"), item.id},
                                 {QStringLiteral("name"), item.name},
                                 {QStringLiteral("code"), item.code}});
    return items;
}

// Items answers omit the key when there are none (spec).
HttpResponse itemsResponse(const QString &modelId, const Dimension &d)
{
    QJsonObject payload;
    if (!d.items.isEmpty())
        payload.insert(QStringLiteral("items"), itemsJson(d));
    return single(payload, schemaUrl(modelId, QStringLiteral("item")));
}

bool isDimensionId(const QString &id)
{
    return id == kTimeDimension || id == kVersionsDimension || id == kUsersDimension ||
           (id.size() == 12 && (id.startsWith(QLatin1String("101")) || id.startsWith(QLatin1String("109")) ||
                                id.startsWith(QLatin1String("114"))));
}

} // namespace

void registerMetadataRoutes(Router &router, Transactional &tx)
{
    addRead(router, tx, QStringLiteral("/modules"),
            [](const HttpRequest &request, const RouteMatch &, const Loaded &l) {
                QJsonArray modules;
                for (const TxModule &m : l.catalog->model().modules)
                    modules.append(QJsonObject{{QStringLiteral("id"), m.id},
                                               {QStringLiteral("name"), m.name},
                                               {QStringLiteral("code"), m.code}});
                return listing(request, QStringLiteral("modules"), modules, idNameRules(),
                               schemaUrl(l.record.id, QStringLiteral("module")), 5000);
            });

    const auto lineItems = [](const HttpRequest &request, const Loaded &l, const QString &moduleId) {
        const bool all = flag(request, QStringLiteral("includeAll"));
        QJsonArray items;
        for (const TxModule &m : l.catalog->model().modules)
            if (moduleId.isEmpty() || m.id == moduleId)
                for (const TxLineItem &li : l.catalog->lineItems(m))
                    items.append(l.catalog->lineItemJson(m, li, all));
        return listing(request, QStringLiteral("items"), items, idNameRules(),
                       schemaUrl(l.record.id, QStringLiteral("lineItem")), 5000);
    };
    addRead(router, tx, QStringLiteral("/lineItems"),
            [lineItems](const HttpRequest &request, const RouteMatch &, const Loaded &l) {
                return lineItems(request, l, {});
            });
    addRead(router, tx, QStringLiteral("/modules/{module}/lineItems"),
            [lineItems](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const QString module = m.param(QStringLiteral("module"));
                if (!l.catalog->model().module(module))
                    return notFound(request, QStringLiteral("Module"), module,
                                    QStringLiteral("List modules with GET …/modules."));
                return lineItems(request, l, module);
            });

    addRead(router, tx, QStringLiteral("/views"),
            [](const HttpRequest &request, const RouteMatch &, const Loaded &l) {
                // includesubsidiaryviews=true would add unsaved subsidiary views; the seeded model has none.
                bulk::ListRules rules = idNameRules();
                return listing(request, QStringLiteral("views"), viewsOf(l.catalog->model(), {}), rules,
                               schemaUrl(l.record.id, QStringLiteral("view")), 5000);
            });
    addRead(router, tx, QStringLiteral("/modules/{module}/views"),
            [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const QString module = m.param(QStringLiteral("module"));
                if (!l.catalog->model().module(module))
                    return notFound(request, QStringLiteral("Module"), module,
                                    QStringLiteral("List modules with GET …/modules."));
                return listing(request, QStringLiteral("views"), viewsOf(l.catalog->model(), module),
                               idNameRules(), schemaUrl(l.record.id, QStringLiteral("view")), 5000);
            });
    addRead(router, tx, QStringLiteral("/views/{view}"),
            [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const auto view = resolveView(*l.catalog, m.param(QStringLiteral("view")));
                if (!view)
                    return notFound(
                        request, QStringLiteral("View"), m.param(QStringLiteral("view")),
                        QStringLiteral(
                            "List views with GET …/views (a module id or a line item id also works)."));
                return single(viewInfoJson(*l.catalog, *view),
                              schemaUrl(l.record.id, QStringLiteral("viewMetadata")));
            });
    addRead(router, tx, QStringLiteral("/views/{view}/dimensions/{dimension}/items"),
            [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const auto view = resolveView(*l.catalog, m.param(QStringLiteral("view")));
                if (!view)
                    return notFound(request, QStringLiteral("View"), m.param(QStringLiteral("view")),
                                    QStringLiteral("List views with GET …/views."));
                const QString dim = m.param(QStringLiteral("dimension"));
                if (!view->dimensions.contains(dim))
                    return notFound(
                        request, QStringLiteral("Dimension"), dim,
                        QStringLiteral("It is not on view %1; GET …/views/%1 lists its dimensions.")
                            .arg(view->id));
                return itemsResponse(l.record.id, view->dimensions.value(dim));
            });

    addRead(router, tx, QStringLiteral("/lineItems/{lineItem}/dimensions"),
            [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const QString id = m.param(QStringLiteral("lineItem"));
                const TxModule *module = l.catalog->moduleOfLineItem(id);
                if (!module)
                    return notFound(request, QStringLiteral("Line item"), id,
                                    QStringLiteral("List line items with GET …/lineItems."));
                QJsonArray dims;
                for (const QString &d : module->dimensions)
                    dims.append(idName(d, l.catalog->dimensionName(d)));
                return single({{QStringLiteral("dimensions"), dims}},
                              schemaUrl(l.record.id, QStringLiteral("dimension")));
            });
    addRead(router, tx, QStringLiteral("/lineItems/{lineItem}/dimensions/{dimension}/items"),
            [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
                const QString id = m.param(QStringLiteral("lineItem"));
                const QString dim = m.param(QStringLiteral("dimension"));
                const TxModule *module = l.catalog->moduleOfLineItem(id);
                if (!module)
                    return notFound(request, QStringLiteral("Line item"), id,
                                    QStringLiteral("List line items with GET …/lineItems."));
                if (!module->dimensions.contains(dim))
                    return notFound(
                        request, QStringLiteral("Dimension"), dim,
                        QStringLiteral("Line item %1 is not dimensioned by it; GET …/lineItems/%1/dimensions "
                                       "lists its dimensions.")
                            .arg(id));
                return itemsResponse(l.record.id, *l.catalog->dimension(dim));
            });

    addRead(
        router, tx, QStringLiteral("/dimensions/{dimension}/items"),
        [](const HttpRequest &request, const RouteMatch &m, const Loaded &l) {
            const QString dim = m.param(QStringLiteral("dimension"));
            if (!isDimensionId(dim))
                return failure(
                    request, 400,
                    QStringLiteral("%1 is not a dimension id: use a list (101…), list subset (109…), line "
                                   "item subset (114…), Users (101999999999), Time (20000000003) or "
                                   "Versions (20000000020).")
                        .arg(dim));
            const auto d = l.catalog->dimension(dim);
            if (!d)
                return notFound(request, QStringLiteral("Dimension"), dim,
                                QStringLiteral("List lists with GET …/lists."));
            if (d->items.size() > 1'000'000)
                return failure(request, 400,
                               QStringLiteral("Dimension %1 holds more than 1,000,000 items.").arg(dim));
            return itemsResponse(l.record.id, *d);
        });
    for (const QString &prefix : kModelPrefixes)
        router.add("POST", prefix + QStringLiteral("/dimensions/{dimension}/items"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       QJsonObject body;
                       QString error;
                       if (!jsonBody(request, &body, &error))
                           return failure(request, 400, error);
                       const QJsonValue names = body.value(QStringLiteral("names"));
                       const QJsonValue codes = body.value(QStringLiteral("codes"));
                       if ((!names.isArray() || names.toArray().isEmpty()) &&
                           (!codes.isArray() || codes.toArray().isEmpty()))
                           return failure(
                               request, 400,
                               QStringLiteral("Send {\"names\":[…]} and/or {\"codes\":[…]} with at least one "
                                              "item name or code to look up."));
                       const QString dim = m.param(QStringLiteral("dimension"));
                       if (!isDimensionId(dim))
                           return failure(request, 400, QStringLiteral("%1 is not a dimension id.").arg(dim));
                       Loaded l;
                       HttpResponse failed;
                       if (!loadModel(tx, request, m, &l, &failed))
                           return failed;
                       const auto d = l.catalog->dimension(dim);
                       if (!d)
                           return notFound(request, QStringLiteral("Dimension"), dim,
                                           QStringLiteral("List lists with GET …/lists."));
                       Dimension found{d->id, d->name, {}};
                       QSet<QString> seen;
                       for (const QJsonValue &v : names.toArray())
                           for (const DimItem &item : d->items)
                               if (item.name == v.toString() && !seen.contains(item.id)) {
                                   found.items.append(item);
                                   seen.insert(item.id);
                               }
                       for (const QJsonValue &v : codes.toArray())
                           for (const DimItem &item : d->items)
                               if (!item.code.isEmpty() && item.code == v.toString() &&
                                   !seen.contains(item.id)) {
                                   found.items.append(item);
                                   seen.insert(item.id);
                               }
                       return itemsResponse(l.record.id, found);
                   });
}

} // namespace sandbox::tx
