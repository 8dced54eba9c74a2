// Lists, list metadata, list items (GET as JSON or CSV, POST ?action=add|delete, PUT) and resetIndex.
#include "ListOps.h"
#include "RouteContext.h"

namespace sandbox::tx {

namespace {

QByteArray csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

HttpResponse listNotFound(const HttpRequest &request, const QString &listId)
{
    return failure(
        request, 404,
        QStringLiteral("List %1 was not found in this model. List ids start with 101; list them with "
                       "GET …/lists.")
            .arg(listId));
}

QJsonObject itemJson(const ListData &list, const ListData *parentList, const ListItem &item, bool includeAll,
                     const QHash<QString, qint64> &parentIds)
{
    QJsonObject o{{QStringLiteral("id"), QString::number(item.id)}, {QStringLiteral("name"), item.name}};
    if (!item.code.isEmpty())
        o.insert(QStringLiteral("code"), item.code);
    if (!item.parent.isEmpty()) {
        o.insert(QStringLiteral("parent"), item.parent);
        o.insert(QStringLiteral("parentId"), QString::number(parentIds.value(item.parent)));
    }
    if (parentList) {
        o.insert(QStringLiteral("listId"), parentList->id);
        o.insert(QStringLiteral("listName"), parentList->name);
    }
    if (includeAll) {
        QJsonObject properties;
        for (const QString &name : list.propertyNames)
            properties.insert(name, item.properties.value(name));
        o.insert(QStringLiteral("properties"), properties);
        o.insert(QStringLiteral("subsets"), QJsonObject());
    }
    return o;
}

HttpResponse listItems(const HttpRequest &request, const Loaded &l, const QString &listId)
{
    const ListData *list = l.catalog->data().list(listId);
    if (!list)
        return listNotFound(request, listId);
    const ListData *parentList =
        list->parentListId.isEmpty() ? nullptr : l.catalog->data().list(list->parentListId);
    QHash<QString, qint64> parentIds;
    if (parentList)
        for (const ListItem &p : parentList->items)
            parentIds.insert(p.name, p.id);
    const bool all = flag(request, QStringLiteral("includeAll"));
    if (request.header("accept").contains("text/csv")) {
        QByteArray csv = "id,name,code,parent,parentId";
        if (all)
            for (const QString &name : list->propertyNames)
                csv += ',' + csvField(name);
        csv += '\n';
        for (const ListItem &item : list->items) {
            csv += QByteArray::number(item.id) + ',' + csvField(item.name) + ',' + csvField(item.code) + ',' +
                   csvField(item.parent) + ',' +
                   (item.parent.isEmpty() ? QByteArray() : QByteArray::number(parentIds.value(item.parent)));
            if (all)
                for (const QString &name : list->propertyNames)
                    csv += ',' + csvField(item.properties.value(name));
            csv += '\n';
        }
        return HttpResponse::bytes(200, csv, "text/csv; charset=UTF-8");
    }
    // Without limit the whole list comes back (the library reads it in one call); with limit/offset it pages.
    if (list->items.size() > 1'000'000)
        return failure(request, 400,
                       QStringLiteral("List %1 holds more than 1,000,000 items; page with limit and offset.")
                           .arg(list->name));
    QJsonArray items;
    for (const ListItem &item : list->items)
        items.append(itemJson(*list, parentList, item, all, parentIds));
    const int cap = request.hasQuery(QStringLiteral("limit")) ? 5000 : 1'000'000;
    return listing(request, QStringLiteral("listItems"), items, bulk::ListRules{},
                   schemaUrl(l.record.id, QStringLiteral("listItem")), cap);
}

// Reads {"items":[…]} and checks the 100,000-item limit; nullopt with *error when the request is bad.
std::optional<QJsonArray> itemsOf(const HttpRequest &request, HttpResponse *error)
{
    QJsonObject body;
    QString message;
    if (!jsonBody(request, &body, &message)) {
        *error = failure(request, 400, message);
        return std::nullopt;
    }
    const QJsonValue items = body.value(QStringLiteral("items"));
    if (!items.isArray()) {
        *error = failure(request, 400, QStringLiteral("The body needs \"items\": an array of list items."));
        return std::nullopt;
    }
    if (items.toArray().size() > kMaxListItemsPerRequest) {
        *error = failure(
            request, 400,
            QStringLiteral("%1 items were sent; Anaplan takes at most 100,000 list items per request. "
                           "Split them into batches of 100,000 or fewer.")
                .arg(items.toArray().size()));
        return std::nullopt;
    }
    return items.toArray();
}

enum class Write
{
    Add,
    Update,
    Delete
};

HttpResponse writeItems(Transactional &tx, const HttpRequest &request, const RouteMatch &m, Write kind)
{
    HttpResponse error;
    const auto items = itemsOf(request, &error);
    if (!items)
        return error;
    const QString listId = m.param(QStringLiteral("list"));
    ListWriteResult result;
    std::optional<HttpResponse> refused;
    const Failure f = writeModel(
        tx, m, [&](const ModelRecord &record, ModelData &data, TxModel &model, bool *saveTx) -> Failure {
            if ((refused = offlineRefusal(request, record)))
                return {409, {}};
            if (!data.list(listId))
                return {404,
                        QStringLiteral(
                            "List %1 was not found in this model. List ids start with 101; list them with "
                            "GET …/lists.")
                            .arg(listId)};
            TxListMeta meta = model.listMeta(listId);
            if (kind == Write::Add) {
                result = addListItems(data, listId, meta, *items);
                model.lists.insert(listId, meta);
                *saveTx = true;
            } else if (kind == Write::Update) {
                result = updateListItems(data, listId, meta, *items);
            } else {
                result = deleteListItems(data, listId, *items);
            }
            return {};
        });
    if (refused)
        return *refused;
    if (f)
        return failure(request, f);
    const char *key = kind == Write::Add ? "added" : (kind == Write::Update ? "updated" : "deleted");
    // failures is always sent (empty when none): the library's result models read it.
    return single({{QLatin1String(key), result.changed},
                   {QStringLiteral("ignored"), result.ignored()},
                   {QStringLiteral("total"), result.total},
                   {QStringLiteral("failures"), result.failures}},
                  schemaUrl({}, QStringLiteral("list")));
}

} // namespace

void registerListRoutes(Router &router, Transactional &tx)
{
    for (const QString &prefix : kModelPrefixes) {
        router.add("GET", prefix + QStringLiteral("/lists"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       Loaded l;
                       HttpResponse error;
                       if (!loadModel(tx, request, m, &l, &error))
                           return error;
                       QJsonArray lists;
                       for (const ListData &list : l.catalog->data().lists)
                           lists.append(QJsonObject{{QStringLiteral("id"), list.id},
                                                    {QStringLiteral("name"), list.name}});
                       return listing(request, QStringLiteral("lists"), lists, idNameRules(),
                                      schemaUrl(l.record.id, QStringLiteral("list")), 5000);
                   });
        router.add("GET", prefix + QStringLiteral("/lists/{list}"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       Loaded l;
                       HttpResponse error;
                       if (!loadModel(tx, request, m, &l, &error))
                           return error;
                       const ListData *list = l.catalog->data().list(m.param(QStringLiteral("list")));
                       if (!list)
                           return listNotFound(request, m.param(QStringLiteral("list")));
                       return single({{QStringLiteral("metadata"), l.catalog->listMetadataJson(*list)}},
                                     schemaUrl(l.record.id, QStringLiteral("listMetadata")));
                   });
        router.add("GET", prefix + QStringLiteral("/lists/{list}/items"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       Loaded l;
                       HttpResponse error;
                       if (!loadModel(tx, request, m, &l, &error))
                           return error;
                       if (auto refused = offlineRefusal(request, l.record))
                           return *refused;
                       return listItems(request, l, m.param(QStringLiteral("list")));
                   });
        router.add("POST", prefix + QStringLiteral("/lists/{list}/items"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       const QString action = request.queryValue(QStringLiteral("action"));
                       if (action == QLatin1String("add"))
                           return writeItems(tx, request, m, Write::Add);
                       if (action == QLatin1String("delete"))
                           return writeItems(tx, request, m, Write::Delete);
                       return failure(
                           request, 400,
                           QStringLiteral(
                               "POST …/lists/{listId}/items needs ?action=add or ?action=delete (got '%1'); "
                               "update items with PUT.")
                               .arg(action));
                   });
        router.add("PUT", prefix + QStringLiteral("/lists/{list}/items"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       return writeItems(tx, request, m, Write::Update);
                   });
        router.add(
            "POST", prefix + QStringLiteral("/lists/{list}/resetIndex"),
            [&tx](const HttpRequest &request, const RouteMatch &m) {
                const QString listId = m.param(QStringLiteral("list"));
                const Failure f = writeModel(
                    tx, m,
                    [&](const ModelRecord &record, ModelData &data, TxModel &model, bool *saveTx) -> Failure {
                        const ListData *list = data.list(listId);
                        if (!list)
                            return {404, QStringLiteral("List %1 was not found in this model.").arg(listId)};
                        if (!list->items.isEmpty())
                            return {
                                400,
                                QStringLiteral(
                                    "We can't reset the list item index of a list that contains data. Select "
                                    "an empty list that doesn't contain any list items.")};
                        TxListMeta meta = model.listMeta(listId);
                        if (record.activeState.startsWith(QLatin1String("PRODUCTION")) &&
                            !meta.productionData)
                            return {
                                400,
                                QStringLiteral(
                                    "We cannot reset a list if the list is not production data and the model "
                                    "is in deployed mode.")};
                        meta.nextIndex = 1;
                        model.lists.insert(listId, meta);
                        *saveTx = true;
                        return {};
                    });
                if (f)
                    return failure(request, f);
                return HttpResponse::bytes(
                    200, {}, "application/json"); // no body (Content-Length: 0), as the spec shows
            });
    }
}

} // namespace sandbox::tx
