#pragma once
// Model metadata through the Transactional API: modules, views, line items, lists, list metadata,
// dimensions and their items. One job class per endpoint; listings page through PagedListJob
// (limit/offset, trusting meta.paging; an answer without paging is taken whole).
#include "LineItem.h"
#include "ListTypes.h"
#include "TxTypes.h"
#include "api/ApiJob.h"
#include "api/ListQuery.h"
#include "api/PagedListJob.h"

#include <QStringList>

namespace anadesk {

// GET …/modules (paged). Sortable by id or name.
class ListModulesJob : public PagedListJob
{
    Q_OBJECT
public:
    ListModulesJob(Transport *transport, const QString &modelId, const ListQuery &query = {},
                   QObject *parent = nullptr);
    QList<Module> modules() const;
};

// GET …/views?includesubsidiaryviews=true (all views) or …/modules/{moduleId}/views (paged).
// Sortable by id, moduleId or name.
class ListViewsJob : public PagedListJob
{
    Q_OBJECT
public:
    // moduleId empty: every view of the model.
    ListViewsJob(Transport *transport, const QString &modelId, const QString &moduleId,
                 const ListQuery &query = {}, QObject *parent = nullptr);
    QList<View> views() const;
};

// GET …/views/{viewId}: the dimensions on rows, columns and pages. A line item id works too.
class GetViewInfoJob : public ApiJob
{
    Q_OBJECT
public:
    GetViewInfoJob(Transport *transport, const QString &modelId, const QString &viewId,
                   QObject *parent = nullptr);
    const ViewInfo &viewInfo() const { return m_info; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ViewInfo m_info;
};

// GET …/lineItems or …/modules/{moduleId}/lineItems, with includeAll=true for the full metadata.
class ListLineItemsJob : public PagedListJob
{
    Q_OBJECT
public:
    // moduleId empty: every line item of the model (that the user may read).
    ListLineItemsJob(Transport *transport, const QString &modelId, const QString &moduleId,
                     bool includeAll = true, QObject *parent = nullptr);
    QList<LineItem> lineItems() const;
};

// GET …/lists (paged). Sortable by id or name.
class ListListsJob : public PagedListJob
{
    Q_OBJECT
public:
    ListListsJob(Transport *transport, const QString &modelId, const ListQuery &query = {},
                 QObject *parent = nullptr);
    QList<ModelList> lists() const;
};

// GET …/lists/{listId} → metadata.
class GetListMetadataJob : public ApiJob
{
    Q_OBJECT
public:
    GetListMetadataJob(Transport *transport, const QString &modelId, const QString &listId,
                       QObject *parent = nullptr);
    const ListMetadata &metadata() const { return m_metadata; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ListMetadata m_metadata;
};

// The items of a dimension, in one of four ways (Anaplan omits "items" when there are none: empty).
class DimensionItemsJob : public ApiJob
{
    Q_OBJECT
public:
    enum class Source
    {
        Model,    // GET …/dimensions/{dimensionId}/items — every item (lists, subsets, Users)
        Lookup,   // POST …/dimensions/{dimensionId}/items {"names":[…],"codes":[…]} — matching items
        View,     // GET …/views/{ownerId}/dimensions/{dimensionId}/items — as the view selects them
        LineItem, // GET …/lineItems/{ownerId}/dimensions/{dimensionId}/items — applying to a line item
    };
    // ownerId: the view or line item (View, LineItem); names/codes: Lookup only (at least one non-empty).
    DimensionItemsJob(Transport *transport, const QString &modelId, Source source, const QString &dimensionId,
                      const QString &ownerId = {}, const QStringList &names = {},
                      const QStringList &codes = {}, QObject *parent = nullptr);
    Source source() const { return m_source; }
    const QList<Dimension> &items() const { return m_items; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Source m_source;
    QList<Dimension> m_items;
};

// GET …/lineItems/{lineItemId}/dimensions: the dimensions a line item is dimensioned by.
class LineItemDimensionsJob : public ApiJob
{
    Q_OBJECT
public:
    LineItemDimensionsJob(Transport *transport, const QString &modelId, const QString &lineItemId,
                          QObject *parent = nullptr);
    const QList<Dimension> &dimensions() const { return m_dimensions; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<Dimension> m_dimensions;
};

} // namespace anadesk
