#pragma once
// The Transactional API of Anaplan (anaplan-api.md §8; the reference AsyncClient's `tr`, method names
// in camelCase, plus list-item update and the calls the library lacks) as a cheap, copyable view onto
// a Connection and one model. Base: {api}/2/0/models/{modelId}.
//
// Same async pattern as BulkClient: every method returns a STARTED job; connect before returning to
// the event loop; exactly one of succeeded()/failed() then finished(); jobs delete themselves and
// are children of the Connection. Without a model every job fails with BadInput and sends nothing.
//
//   auto *job = connection.transactional().getListItems(u"101000000001"_s);
//   connect(job, &Job::succeeded, this, [job] { show(job->listItems()); });
//
// Writes split their input as Anaplan requires (list items ≤ 100,000 per request; module cells
// ≤ 100,000 and ≤ 15 MB per request), send the batches one after the other, stop at the first failed
// batch and sum the answers (see BatchedWriteJob).
#include "api/ListQuery.h"
#include "api/ModelJobs.h"
#include "transactional/CalendarJobs.h"
#include "transactional/ListItemJobs.h"
#include "transactional/MetadataJobs.h"
#include "transactional/TxPaths.h"
#include "transactional/ViewDataJob.h"
#include "transactional/WriteJobs.h"

#include <QJsonArray>
#include <QPointer>
#include <QStringList>

namespace anadesk {

class Connection;
class Transport;

class TransactionalClient
{
public:
    TransactionalClient() = default;
    TransactionalClient(Connection *connection, const QString &modelId);

    // A copy on another model, sharing the connection.
    TransactionalClient withModel(const QString &modelId) const;

    Connection *connection() const { return m_connection; }
    Transport *transport() const;
    const QString &modelId() const { return m_modelId; }
    bool isValid() const { return !m_connection.isNull(); }

    // --- the model --------------------------------------------------------------------------------
    GetModelJob *getModelDetails() const;      // GET …?modelDetails=true → model()
    GetModelStatusJob *getModelStatus() const; // → status()
    ModelPowerJob *wakeModel() const;  // POST …/open (424 "already open" is success: wasAlreadyOpen())
    ModelPowerJob *closeModel() const; // POST …/close

    // --- modules, line items, views ---------------------------------------------------------------
    ListModulesJob *getModules(const ListQuery &query = {}) const; // sortBy: id | name
    // onlyModuleId empty: every line item of the model. includeAll: the full metadata.
    ListLineItemsJob *getLineItems(const QString &onlyModuleId = {}, bool includeAll = true) const;
    // Every view (with unsaved subsidiary views), or one module's. sortBy: id | moduleId | name.
    ListViewsJob *getViews(const ListQuery &query = {}, const QString &onlyModuleId = {}) const;
    GetViewInfoJob *getViewInfo(const QString &viewId) const;
    // CSV bytes (csv()) or JSON parsed on a worker (data()). query: pages, maxRows, exportType, moduleId.
    ViewDataJob *getViewData(const QString &viewId, ViewDataFormat format = ViewDataFormat::Json,
                             const ViewDataQuery &query = {}) const;

    // --- lists ------------------------------------------------------------------------------------
    ListListsJob *getLists(const ListQuery &query = {}) const; // sortBy: id | name
    GetListMetadataJob *getListMetadata(const QString &listId) const;
    GetListItemsJob *getListItems(const QString &listId,
                                  bool includeAll = true) const; // listItems()/rawItems()
    GetListItemsCsvJob *getListItemsCsv(const QString &listId, bool includeAll = true) const; // data()
    // Entries as Anaplan takes them ({"name","code","parent","properties","subsets"} …); result() sums.
    ListItemsWriteJob *insertListItems(const QString &listId, const QJsonArray &items,
                                       int maxItemsPerRequest = ListItemsWriteJob::kMaxItemsPerRequest) const;
    ListItemsWriteJob *updateListItems(const QString &listId, const QJsonArray &items,
                                       int maxItemsPerRequest = ListItemsWriteJob::kMaxItemsPerRequest) const;
    // Each entry names the item by one of {"id"}, {"code"} or {"name"}.
    ListItemsWriteJob *deleteListItems(const QString &listId, const QJsonArray &items,
                                       int maxItemsPerRequest = ListItemsWriteJob::kMaxItemsPerRequest) const;
    ResetListIndexJob *resetListIndex(const QString &listId) const;

    // --- cells ------------------------------------------------------------------------------------
    CellWriteJob *updateModuleData(const QString &moduleId, const QJsonArray &cells,
                                   const BatchLimits &limits = {CellWriteJob::kMaxCellsPerRequest,
                                                                CellWriteJob::kMaxBytesPerRequest}) const;

    // --- time -------------------------------------------------------------------------------------
    CurrentPeriodJob *getCurrentPeriod() const;
    CurrentPeriodJob *setCurrentPeriod(const QString &date) const;     // "YYYY-MM-DD"; "" resets
    SetFiscalYearJob *setCurrentFiscalYear(const QString &year) const; // "FY24"
    GetModelCalendarJob *getModelCalendar() const;

    // --- dimensions -------------------------------------------------------------------------------
    DimensionItemsJob *getDimensionItems(const QString &dimensionId) const;
    DimensionItemsJob *lookupDimensionItems(const QString &dimensionId, const QStringList &codes = {},
                                            const QStringList &names = {}) const;
    DimensionItemsJob *getViewDimensionItems(const QString &viewId, const QString &dimensionId) const;
    LineItemDimensionsJob *getLineItemDimensions(const QString &lineItemId) const;
    DimensionItemsJob *getLineItemDimensionItems(const QString &lineItemId, const QString &dimensionId) const;

private:
    template <typename J> J *started(J *job) const
    {
        job->start();
        return job;
    }
    QObject *jobParent() const;
    // A job on no model must still fail with BadInput (never a request to …/models//…).
    const QString &model() const { return m_modelId; }

    QPointer<Connection> m_connection;
    QString m_modelId;
};

} // namespace anadesk
