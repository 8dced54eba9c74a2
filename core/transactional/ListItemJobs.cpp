#include "ListItemJobs.h"

#include "TxJobHelpers.h"

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QUrlQuery includeAllQuery(bool includeAll)
{
    QUrlQuery query;
    if (includeAll)
        query.addQueryItem(u"includeAll"_s, u"true"_s);
    return query;
}
} // namespace

GetListItemsJob::GetListItemsJob(Transport *transport, const QString &modelId, const QString &listId,
                                 bool includeAll, QObject *parent)
    : PagedListJob(transport, {}, u"listItems"_s, tr("items of %1").arg(listLabel(listId)), parent)
{
    setDescription(tr("Get list items"));
    if (const ApiError e = detail::missingId(modelId, {{listId, tr("list")}}); e.isError())
        failOnStart(e);
    setUrl(txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s, listId, u"items"_s},
                 includeAllQuery(includeAll)));
}

QList<ListItem> GetListItemsJob::listItems() const
{
    return detail::parseAll<ListItem>(items());
}

GetListItemsCsvJob::GetListItemsCsvJob(Transport *transport, const QString &modelId, const QString &listId,
                                       bool includeAll, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get list items as CSV"));
    ApiRequest request;
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s, listId, u"items"_s},
                        includeAllQuery(includeAll));
    request.accept = "text/csv";
    request.object = listLabel(listId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{listId, tr("list")}}); e.isError())
        failOnStart(e);
}

ApiError GetListItemsCsvJob::parseBody(const QByteArray &)
{
    return {}; // the bytes stay in body()
}

ResetListIndexJob::ResetListIndexJob(Transport *transport, const QString &modelId, const QString &listId,
                                     QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Reset list index"));
    ApiRequest request;
    request.method = "POST";
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s, listId, u"resetIndex"_s});
    request.object = listLabel(listId);
    request.idempotency = Idempotency::Safe; // resetting twice leaves the same index
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{listId, tr("list")}}); e.isError())
        failOnStart(e);
}

ApiError ResetListIndexJob::parseBody(const QByteArray &)
{
    return {}; // 200 with no body
}

} // namespace anadesk
