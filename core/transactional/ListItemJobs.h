#pragma once
// Reading list items (JSON, paged; or CSV in one answer) and resetting a list's index.
#include "ListTypes.h"
#include "api/ApiJob.h"
#include "api/PagedListJob.h"

namespace anadesk {

// GET …/lists/{listId}/items[?includeAll=true] as JSON, paged with limit/offset (Anaplan answers a
// single page when the list is small). items(): typed; rawItems(): the objects as sent (the
// reference client's return_raw).
class GetListItemsJob : public PagedListJob
{
    Q_OBJECT
public:
    GetListItemsJob(Transport *transport, const QString &modelId, const QString &listId,
                    bool includeAll = true, QObject *parent = nullptr);
    QList<ListItem> listItems() const;
    const QList<QJsonObject> &rawItems() const { return items(); }
};

// GET …/lists/{listId}/items with Accept: text/csv: the whole list as CSV bytes in data().
class GetListItemsCsvJob : public ApiJob
{
    Q_OBJECT
public:
    GetListItemsCsvJob(Transport *transport, const QString &modelId, const QString &listId,
                       bool includeAll = true, QObject *parent = nullptr);
    const QByteArray &data() const { return body(); }

protected:
    ApiError parseBody(const QByteArray &body) override;
};

// POST …/lists/{listId}/resetIndex (no body either way). The list must be empty (else 400).
class ResetListIndexJob : public ApiJob
{
    Q_OBJECT
public:
    ResetListIndexJob(Transport *transport, const QString &modelId, const QString &listId,
                      QObject *parent = nullptr);

protected:
    ApiError parseBody(const QByteArray &body) override;
};

} // namespace anadesk
