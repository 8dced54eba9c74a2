#include "MetadataJobs.h"

#include "TxJobHelpers.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QUrlQuery flagQuery(const QString &name)
{
    QUrlQuery query;
    query.addQueryItem(name, u"true"_s);
    return query;
}
} // namespace

// --- modules --------------------------------------------------------------------------------------------

ListModulesJob::ListModulesJob(Transport *transport, const QString &modelId, const ListQuery &query,
                               QObject *parent)
    : PagedListJob(transport, {}, u"modules"_s, tr("modules of %1").arg(modelLabel(modelId)), parent)
{
    setDescription(tr("List modules"));
    const auto q = detail::listQuery({}, query, {u"id"_s, u"name"_s}, false);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("modules")));
    setUrl(txUrl(detail::endpointsOf(transport), modelId, {u"modules"_s}, q.query));
}

QList<Module> ListModulesJob::modules() const
{
    return detail::parseAll<Module>(items());
}

// --- views ----------------------------------------------------------------------------------------------

ListViewsJob::ListViewsJob(Transport *transport, const QString &modelId, const QString &moduleId,
                           const ListQuery &query, QObject *parent)
    : PagedListJob(transport, {}, u"views"_s,
                   moduleId.isEmpty() ? tr("views of %1").arg(modelLabel(modelId))
                                      : tr("views of %1").arg(moduleLabel(moduleId)),
                   parent)
{
    setDescription(moduleId.isEmpty() ? tr("List views") : tr("List views of %1").arg(moduleLabel(moduleId)));
    const auto q = detail::listQuery(flagQuery(u"includesubsidiaryviews"_s), query,
                                     {u"id"_s, u"moduleId"_s, u"name"_s}, false);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("views")));
    const QStringList segments =
        moduleId.isEmpty() ? QStringList{u"views"_s} : QStringList{u"modules"_s, moduleId, u"views"_s};
    setUrl(txUrl(detail::endpointsOf(transport), modelId, segments, q.query));
}

QList<View> ListViewsJob::views() const
{
    return detail::parseAll<View>(items());
}

GetViewInfoJob::GetViewInfoJob(Transport *transport, const QString &modelId, const QString &viewId,
                               QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get view metadata"));
    ApiRequest request;
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"views"_s, viewId});
    request.object = viewLabel(viewId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{viewId, tr("view")}}); e.isError())
        failOnStart(e);
}

ApiError GetViewInfoJob::parseJson(const QJsonObject &json)
{
    // The answer is the view object itself, inside the meta/status envelope.
    m_info = ViewInfo::fromJson(json);
    if (m_info.viewId.isEmpty() && m_info.viewName.isEmpty() && json.value("viewId"_L1).isUndefined())
        return malformed(tr("no 'viewId' in the answer"));
    return {};
}

// --- line items -----------------------------------------------------------------------------------------

ListLineItemsJob::ListLineItemsJob(Transport *transport, const QString &modelId, const QString &moduleId,
                                   bool includeAll, QObject *parent)
    : PagedListJob(transport, {}, u"items"_s,
                   moduleId.isEmpty() ? tr("line items of %1").arg(modelLabel(modelId))
                                      : tr("line items of %1").arg(moduleLabel(moduleId)),
                   parent)
{
    setDescription(moduleId.isEmpty() ? tr("List line items")
                                      : tr("List line items of %1").arg(moduleLabel(moduleId)));
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    const QStringList segments = moduleId.isEmpty() ? QStringList{u"lineItems"_s}
                                                    : QStringList{u"modules"_s, moduleId, u"lineItems"_s};
    setUrl(txUrl(detail::endpointsOf(transport), modelId, segments,
                 includeAll ? flagQuery(u"includeAll"_s) : QUrlQuery()));
}

QList<LineItem> ListLineItemsJob::lineItems() const
{
    return detail::parseAll<LineItem>(items());
}

// --- lists ----------------------------------------------------------------------------------------------

ListListsJob::ListListsJob(Transport *transport, const QString &modelId, const ListQuery &query,
                           QObject *parent)
    : PagedListJob(transport, {}, u"lists"_s, tr("lists of %1").arg(modelLabel(modelId)), parent)
{
    setDescription(tr("List lists"));
    const auto q = detail::listQuery({}, query, {u"id"_s, u"name"_s}, false);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("lists")));
    setUrl(txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s}, q.query));
}

QList<ModelList> ListListsJob::lists() const
{
    return detail::parseAll<ModelList>(items());
}

GetListMetadataJob::GetListMetadataJob(Transport *transport, const QString &modelId, const QString &listId,
                                       QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get list metadata"));
    ApiRequest request;
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s, listId});
    request.object = listLabel(listId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{listId, tr("list")}}); e.isError())
        failOnStart(e);
}

ApiError GetListMetadataJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("metadata"_L1);
    if (!value.isObject())
        return malformed(tr("no 'metadata' object"));
    m_metadata = ListMetadata::fromJson(value.toObject());
    return {};
}

// --- dimensions -----------------------------------------------------------------------------------------

DimensionItemsJob::DimensionItemsJob(Transport *transport, const QString &modelId, Source source,
                                     const QString &dimensionId, const QString &ownerId,
                                     const QStringList &names, const QStringList &codes, QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_source(source)
{
    ApiRequest request;
    QStringList segments;
    QString ownerWhat;
    switch (source) {
    case Source::Model:
        setDescription(tr("List dimension items"));
        segments = {u"dimensions"_s, dimensionId, u"items"_s};
        break;
    case Source::Lookup:
        setDescription(tr("Look up dimension items"));
        segments = {u"dimensions"_s, dimensionId, u"items"_s};
        request.method = "POST";
        request.contentType = "application/json";
        // Both keys are sent, null when not given, as the reference client does.
        request.body =
            QJsonDocument(
                QJsonObject{{u"names"_s, names.isEmpty() ? QJsonValue() : QJsonArray::fromStringList(names)},
                            {u"codes"_s, codes.isEmpty() ? QJsonValue() : QJsonArray::fromStringList(codes)}})
                .toJson(QJsonDocument::Compact);
        break; // a read: repeating it is harmless (Idempotency::Safe)
    case Source::View:
        setDescription(tr("List view dimension items"));
        segments = {u"views"_s, ownerId, u"dimensions"_s, dimensionId, u"items"_s};
        ownerWhat = tr("view");
        break;
    case Source::LineItem:
        setDescription(tr("List line item dimension items"));
        segments = {u"lineItems"_s, ownerId, u"dimensions"_s, dimensionId, u"items"_s};
        ownerWhat = tr("line item");
        break;
    }
    request.url = txUrl(detail::endpointsOf(transport), modelId, segments);
    request.object =
        source == Source::View       ? tr("%1 of %2").arg(dimensionLabel(dimensionId), viewLabel(ownerId))
        : source == Source::LineItem ? tr("%1 of %2").arg(dimensionLabel(dimensionId), lineItemLabel(ownerId))
                                     : dimensionLabel(dimensionId);
    setRequest(request);

    ApiError error = ownerWhat.isEmpty()
                         ? detail::missingId(modelId, {{dimensionId, tr("dimension")}})
                         : detail::missingId(modelId, {{ownerId, ownerWhat}, {dimensionId, tr("dimension")}});
    if (!error.isError() && source == Source::Model && !isItemListableDimension(dimensionId)) {
        error = badInput(
            tr("Dimension %1 cannot be listed here").arg(dimensionId), dimensionLabel(dimensionId),
            tr("Give a list (101…), the Users dimension (101999999999), a list subset (109…) or a line "
               "item subset (114…); read Time or Versions through a view instead."));
    } else if (!error.isError() && source == Source::Lookup) {
        if (!isLookupDimension(dimensionId))
            error = badInput(tr("Items of dimension %1 cannot be looked up").arg(dimensionId),
                             dimensionLabel(dimensionId),
                             tr("Give a list (101…), Users (101999999999), Time (20000000003) or Versions "
                                "(20000000020)."));
        else if (names.isEmpty() && codes.isEmpty())
            error = badInput(tr("Nothing to look up"), dimensionLabel(dimensionId),
                             tr("Give at least one item name or code."));
    }
    if (error.isError())
        failOnStart(error);
}

ApiError DimensionItemsJob::parseJson(const QJsonObject &json)
{
    m_items = detail::parseArray<Dimension>(json, "items"_L1);
    return {};
}

LineItemDimensionsJob::LineItemDimensionsJob(Transport *transport, const QString &modelId,
                                             const QString &lineItemId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("List line item dimensions"));
    ApiRequest request;
    request.url =
        txUrl(detail::endpointsOf(transport), modelId, {u"lineItems"_s, lineItemId, u"dimensions"_s});
    request.object = lineItemLabel(lineItemId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{lineItemId, tr("line item")}}); e.isError())
        failOnStart(e);
}

ApiError LineItemDimensionsJob::parseJson(const QJsonObject &json)
{
    m_dimensions = detail::parseArray<Dimension>(json, "dimensions"_L1);
    return {};
}

} // namespace anadesk
