#pragma once
// The writes of the Transactional API, split into batches Anaplan accepts (BatchedWriteJob):
// list items (insert, update, delete: ≤ 100,000 items per request) and module cells (≤ 100,000 cells
// and ≤ 15 MB per request). Results are the sums over the batches; failure indexes refer to the
// caller's whole input.
#include "BatchedWriteJob.h"
#include "ListTypes.h"

namespace anadesk {

// POST …/lists/{listId}/items?action=add | ?action=delete, PUT …/lists/{listId}/items.
// Entries: insert {name and/or code, parent?, properties?, subsets?}; update and delete identify the
// item by one of id, code or name. Inserts and deletes are never re-sent blindly (a lost answer may
// hide an applied batch); updates set absolute values and may be repeated.
class ListItemsWriteJob : public BatchedWriteJob
{
    Q_OBJECT
public:
    enum class Operation
    {
        Insert,
        Update,
        Delete
    };
    static constexpr int kMaxItemsPerRequest = 100'000;

    ListItemsWriteJob(Transport *transport, const QString &modelId, const QString &listId,
                      Operation operation, const QJsonArray &items,
                      int maxItemsPerRequest = kMaxItemsPerRequest, QObject *parent = nullptr);
    Operation operation() const { return m_operation; }
    const ListWriteResult &result() const { return m_result; }

protected:
    ApiRequest batchRequest() const override { return m_request; }
    ApiError acceptAnswer(const QJsonObject &answer, qint64 offset, int count) override;
    QString progressSummary() const override;

private:
    Operation m_operation;
    ApiRequest m_request;
    ListWriteResult m_result;
};

// The summed answers of POST …/modules/{moduleId}/data.
struct CellWriteResult
{
    qint64 numberOfCellsChanged = 0;
    QList<ItemFailure> failures; // requestIndex: index in the caller's whole cell list
};

// POST …/modules/{moduleId}/data with a JSON array of cell writes:
//   {"lineItemId"|"lineItemName": …, "dimensions":[{"dimensionId"|"dimensionName": …,
//    "itemId"|"itemName"|"itemCode": …}…], "value": string|number|bool}
// Split under both limits. Writing absolute values twice gives the same cells: batches may be retried.
class CellWriteJob : public BatchedWriteJob
{
    Q_OBJECT
public:
    static constexpr int kMaxCellsPerRequest = 100'000;
    static constexpr qint64 kMaxBytesPerRequest = 15'000'000; // "15 MB", read as the lower decimal value

    CellWriteJob(Transport *transport, const QString &modelId, const QString &moduleId,
                 const QJsonArray &cells,
                 const BatchLimits &limits = {kMaxCellsPerRequest, kMaxBytesPerRequest},
                 QObject *parent = nullptr);
    const CellWriteResult &result() const { return m_result; }

protected:
    ApiRequest batchRequest() const override { return m_request; }
    ApiError acceptAnswer(const QJsonObject &answer, qint64 offset, int count) override;
    QString progressSummary() const override;

private:
    ApiRequest m_request;
    CellWriteResult m_result;
};

} // namespace anadesk
