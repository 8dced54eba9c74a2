#include "WriteJobs.h"

#include "TxJobHelpers.h"
#include "types/JsonRead.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
bool hasText(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return (value.isString() && !value.toString().isEmpty()) || value.isDouble();
}

QString checkListItem(ListItemsWriteJob::Operation operation, const QJsonObject &item)
{
    const int identifiers =
        int(hasText(item, "id"_L1)) + int(hasText(item, "code"_L1)) + int(hasText(item, "name"_L1));
    switch (operation) {
    case ListItemsWriteJob::Operation::Insert:
        if (!hasText(item, "name"_L1) && !hasText(item, "code"_L1))
            return QCoreApplication::translate("anadesk", "a new item needs a name or a code");
        return {};
    case ListItemsWriteJob::Operation::Update:
        if (identifiers == 0)
            return QCoreApplication::translate("anadesk", "an item to update needs its id, code or name");
        return {};
    case ListItemsWriteJob::Operation::Delete:
        if (identifiers == 0)
            return QCoreApplication::translate("anadesk", "an item to delete needs its id, code or name");
        return {};
    }
    return {};
}

QString checkCell(const QJsonObject &cell)
{
    if (!hasText(cell, "lineItemId"_L1) && !hasText(cell, "lineItemName"_L1))
        return QCoreApplication::translate("anadesk", "a cell needs lineItemId or lineItemName");
    const QJsonValue value = cell.value("value"_L1);
    if (!value.isString() && !value.isDouble() && !value.isBool())
        return QCoreApplication::translate("anadesk",
                                           "a cell needs a value (string, number or boolean; not null)");
    const QJsonValue dimensions = cell.value("dimensions"_L1);
    if (!dimensions.isUndefined() && !dimensions.isArray())
        return QCoreApplication::translate("anadesk", "'dimensions' must be an array");
    return {};
}
} // namespace

ListItemsWriteJob::ListItemsWriteJob(Transport *transport, const QString &modelId, const QString &listId,
                                     Operation operation, const QJsonArray &items, int maxItemsPerRequest,
                                     QObject *parent)
    : BatchedWriteJob(transport, items, BatchLimits{qBound(1, maxItemsPerRequest, kMaxItemsPerRequest), 0},
                      parent)
    , m_operation(operation)
{
    QUrlQuery query;
    switch (operation) {
    case Operation::Insert:
        setDescription(tr("Insert list items"));
        m_request.method = "POST";
        query.addQueryItem(u"action"_s, u"add"_s);
        m_request.idempotency = Idempotency::NotRepeatable;
        break;
    case Operation::Delete:
        setDescription(tr("Delete list items"));
        m_request.method = "POST";
        query.addQueryItem(u"action"_s, u"delete"_s);
        m_request.idempotency = Idempotency::NotRepeatable;
        break;
    case Operation::Update:
        setDescription(tr("Update list items"));
        m_request.method = "PUT";
        m_request.idempotency = Idempotency::Safe; // absolute values: a repeat changes nothing more
        break;
    }
    m_request.url = txUrl(detail::endpointsOf(transport), modelId, {u"lists"_s, listId, u"items"_s}, query);
    m_request.contentType = "application/json";
    m_request.object = listLabel(listId);
    setBodyFrame("{\"items\":[", "]}");
    setValidator([operation](const QJsonObject &item) { return checkListItem(operation, item); });
    if (const ApiError e = detail::missingId(modelId, {{listId, tr("list")}}); e.isError())
        failOnStart(e);
}

ApiError ListItemsWriteJob::acceptAnswer(const QJsonObject &answer, qint64 offset, int count)
{
    Q_UNUSED(count);
    m_result.add(answer, offset);
    return {};
}

QString ListItemsWriteJob::progressSummary() const
{
    const QLocale locale;
    switch (m_operation) {
    case Operation::Insert:
        return tr("%1 added, %2 ignored")
            .arg(locale.toString(m_result.added), locale.toString(m_result.ignored));
    case Operation::Update:
        return tr("%1 updated, %2 ignored")
            .arg(locale.toString(m_result.updated), locale.toString(m_result.ignored));
    case Operation::Delete:
        return tr("%1 deleted").arg(locale.toString(m_result.deleted));
    }
    return {};
}

CellWriteJob::CellWriteJob(Transport *transport, const QString &modelId, const QString &moduleId,
                           const QJsonArray &cells, const BatchLimits &limits, QObject *parent)
    : BatchedWriteJob(transport, cells, limits, parent)
{
    setDescription(tr("Write module cells"));
    m_request.method = "POST";
    m_request.url = txUrl(detail::endpointsOf(transport), modelId, {u"modules"_s, moduleId, u"data"_s});
    m_request.contentType = "application/json";
    m_request.object = moduleLabel(moduleId);
    m_request.idempotency = Idempotency::Safe;
    setBodyFrame("[", "]");
    setValidator(&checkCell);
    if (const ApiError e = detail::missingId(modelId, {{moduleId, tr("module")}}); e.isError())
        failOnStart(e);
    else if (limits.maxItems < 1 || limits.maxItems > kMaxCellsPerRequest || limits.maxBytes < 1 ||
             limits.maxBytes > kMaxBytesPerRequest)
        failOnStart(badInput(tr("Cell write limits out of range"), moduleLabel(moduleId),
                             tr("Use at most %1 cells and %2 bytes per request.")
                                 .arg(kMaxCellsPerRequest)
                                 .arg(kMaxBytesPerRequest)));
}

ApiError CellWriteJob::acceptAnswer(const QJsonObject &answer, qint64 offset, int count)
{
    Q_UNUSED(count);
    m_result.numberOfCellsChanged += json::int64(answer, "numberOfCellsChanged"_L1);
    for (const QJsonObject &failure : json::objectList(answer, "failures"_L1))
        m_result.failures.append(ItemFailure::fromJson(failure, offset));
    return {};
}

QString CellWriteJob::progressSummary() const
{
    return tr("%1 cells changed").arg(QLocale().toString(m_result.numberOfCellsChanged));
}

} // namespace anadesk
