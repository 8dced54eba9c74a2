#pragma once
// List-item writes of the transactional API on the tenant's list data: add (?action=add), update (PUT),
// delete (?action=delete). Each works on a whole request at once with hash indexes (a 100,000-item
// request is linear, not quadratic) and reports per-item failures with their index in the request, as
// Anaplan does: {"added"|"updated"|"deleted", "ignored", "total", "failures":[{requestIndex,
// failureType, failureMessageDetails}]}.
#include "TxModel.h"
#include "tenant/ModelData.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sandbox::tx {

inline constexpr int kMaxListItemsPerRequest = 100'000;

struct ListWriteResult
{
    int changed = 0; // added, updated or deleted
    int total = 0;
    QJsonArray failures;
    int ignored() const { return int(failures.size()); }
};

ListWriteResult addListItems(ModelData &data, const QString &listId, TxListMeta &meta,
                             const QJsonArray &items);
ListWriteResult updateListItems(ModelData &data, const QString &listId, const TxListMeta &meta,
                                const QJsonArray &items);
ListWriteResult deleteListItems(ModelData &data, const QString &listId, const QJsonArray &items);

// Cell values by format: NUMBER, BOOLEAN (true/false), DATE (YYYY-MM-DD), TEXT. False if invalid.
bool normaliseValue(const QString &format, const QJsonValue &value, QString *out);

} // namespace sandbox::tx
