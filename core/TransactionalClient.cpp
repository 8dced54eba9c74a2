#include "TransactionalClient.h"

#include "Connection.h"
#include "net/Transport.h"
#include "transactional/TxPaths.h"

namespace anadesk {

namespace {
// The bulk model jobs check only the model id; say what this API needs in the same words.
template <typename J> J *requireModel(J *job, const QString &modelId)
{
    if (modelId.isEmpty())
        job->failOnStart(badInput(noModelMessage(), {}, noModelHint()));
    return job;
}
} // namespace

TransactionalClient::TransactionalClient(Connection *connection, const QString &modelId)
    : m_connection(connection)
    , m_modelId(modelId)
{}

TransactionalClient TransactionalClient::withModel(const QString &modelId) const
{
    TransactionalClient copy = *this;
    copy.m_modelId = modelId;
    return copy;
}

Transport *TransactionalClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

QObject *TransactionalClient::jobParent() const
{
    return m_connection.data();
}

GetModelJob *TransactionalClient::getModelDetails() const
{
    return started(requireModel(new GetModelJob(transport(), model(), jobParent()), model()));
}

GetModelStatusJob *TransactionalClient::getModelStatus() const
{
    return started(requireModel(new GetModelStatusJob(transport(), model(), jobParent()), model()));
}

ModelPowerJob *TransactionalClient::wakeModel() const
{
    return started(requireModel(
        new ModelPowerJob(transport(), model(), ModelPowerJob::Operation::Open, jobParent()), model()));
}

ModelPowerJob *TransactionalClient::closeModel() const
{
    return started(requireModel(
        new ModelPowerJob(transport(), model(), ModelPowerJob::Operation::Close, jobParent()), model()));
}

ListModulesJob *TransactionalClient::getModules(const ListQuery &query) const
{
    return started(new ListModulesJob(transport(), model(), query, jobParent()));
}

ListLineItemsJob *TransactionalClient::getLineItems(const QString &onlyModuleId, bool includeAll) const
{
    return started(new ListLineItemsJob(transport(), model(), onlyModuleId, includeAll, jobParent()));
}

ListViewsJob *TransactionalClient::getViews(const ListQuery &query, const QString &onlyModuleId) const
{
    return started(new ListViewsJob(transport(), model(), onlyModuleId, query, jobParent()));
}

GetViewInfoJob *TransactionalClient::getViewInfo(const QString &viewId) const
{
    return started(new GetViewInfoJob(transport(), model(), viewId, jobParent()));
}

ViewDataJob *TransactionalClient::getViewData(const QString &viewId, ViewDataFormat format,
                                              const ViewDataQuery &query) const
{
    return started(new ViewDataJob(transport(), model(), viewId, format, query, jobParent()));
}

ListListsJob *TransactionalClient::getLists(const ListQuery &query) const
{
    return started(new ListListsJob(transport(), model(), query, jobParent()));
}

GetListMetadataJob *TransactionalClient::getListMetadata(const QString &listId) const
{
    return started(new GetListMetadataJob(transport(), model(), listId, jobParent()));
}

GetListItemsJob *TransactionalClient::getListItems(const QString &listId, bool includeAll) const
{
    return started(new GetListItemsJob(transport(), model(), listId, includeAll, jobParent()));
}

GetListItemsCsvJob *TransactionalClient::getListItemsCsv(const QString &listId, bool includeAll) const
{
    return started(new GetListItemsCsvJob(transport(), model(), listId, includeAll, jobParent()));
}

ListItemsWriteJob *TransactionalClient::insertListItems(const QString &listId, const QJsonArray &items,
                                                        int maxItemsPerRequest) const
{
    return started(new ListItemsWriteJob(transport(), model(), listId, ListItemsWriteJob::Operation::Insert,
                                         items, maxItemsPerRequest, jobParent()));
}

ListItemsWriteJob *TransactionalClient::updateListItems(const QString &listId, const QJsonArray &items,
                                                        int maxItemsPerRequest) const
{
    return started(new ListItemsWriteJob(transport(), model(), listId, ListItemsWriteJob::Operation::Update,
                                         items, maxItemsPerRequest, jobParent()));
}

ListItemsWriteJob *TransactionalClient::deleteListItems(const QString &listId, const QJsonArray &items,
                                                        int maxItemsPerRequest) const
{
    return started(new ListItemsWriteJob(transport(), model(), listId, ListItemsWriteJob::Operation::Delete,
                                         items, maxItemsPerRequest, jobParent()));
}

ResetListIndexJob *TransactionalClient::resetListIndex(const QString &listId) const
{
    return started(new ResetListIndexJob(transport(), model(), listId, jobParent()));
}

CellWriteJob *TransactionalClient::updateModuleData(const QString &moduleId, const QJsonArray &cells,
                                                    const BatchLimits &limits) const
{
    return started(new CellWriteJob(transport(), model(), moduleId, cells, limits, jobParent()));
}

CurrentPeriodJob *TransactionalClient::getCurrentPeriod() const
{
    return started(new CurrentPeriodJob(transport(), model(), jobParent()));
}

CurrentPeriodJob *TransactionalClient::setCurrentPeriod(const QString &date) const
{
    return started(new CurrentPeriodJob(transport(), model(), date, jobParent()));
}

SetFiscalYearJob *TransactionalClient::setCurrentFiscalYear(const QString &year) const
{
    return started(new SetFiscalYearJob(transport(), model(), year, jobParent()));
}

GetModelCalendarJob *TransactionalClient::getModelCalendar() const
{
    return started(new GetModelCalendarJob(transport(), model(), jobParent()));
}

DimensionItemsJob *TransactionalClient::getDimensionItems(const QString &dimensionId) const
{
    return started(new DimensionItemsJob(transport(), model(), DimensionItemsJob::Source::Model, dimensionId,
                                         {}, {}, {}, jobParent()));
}

DimensionItemsJob *TransactionalClient::lookupDimensionItems(const QString &dimensionId,
                                                             const QStringList &codes,
                                                             const QStringList &names) const
{
    return started(new DimensionItemsJob(transport(), model(), DimensionItemsJob::Source::Lookup, dimensionId,
                                         {}, names, codes, jobParent()));
}

DimensionItemsJob *TransactionalClient::getViewDimensionItems(const QString &viewId,
                                                              const QString &dimensionId) const
{
    return started(new DimensionItemsJob(transport(), model(), DimensionItemsJob::Source::View, dimensionId,
                                         viewId, {}, {}, jobParent()));
}

LineItemDimensionsJob *TransactionalClient::getLineItemDimensions(const QString &lineItemId) const
{
    return started(new LineItemDimensionsJob(transport(), model(), lineItemId, jobParent()));
}

DimensionItemsJob *TransactionalClient::getLineItemDimensionItems(const QString &lineItemId,
                                                                  const QString &dimensionId) const
{
    return started(new DimensionItemsJob(transport(), model(), DimensionItemsJob::Source::LineItem,
                                         dimensionId, lineItemId, {}, {}, jobParent()));
}

} // namespace anadesk
