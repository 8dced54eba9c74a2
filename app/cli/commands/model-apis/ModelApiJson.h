#pragma once
// The JSON shapes of the `tr` and `alm` command groups (docs/cli.md, "Command groups tr and alm"). Like
// JsonViews.h: camelCase keys as Anaplan's, ids as strings, every listed object with "id" and
// "name" (tasks: "id" and "taskId"), raw enum strings as sent, absent optional values left out.
#include "alm/AlmTypes.h"
#include "transactional/Calendar.h"
#include "transactional/LineItem.h"
#include "transactional/ListTypes.h"
#include "transactional/TxTypes.h"
#include "transactional/ViewData.h"

#include <QJsonArray>
#include <QJsonObject>

namespace anadesk::cli::json {

QJsonObject toJson(const Module &module);
QJsonObject toJson(const ModelList &list);
QJsonObject toJson(const View &view);
QJsonObject toJson(const Dimension &dimension);
QJsonObject toJson(const ViewInfo &info);
QJsonObject toJson(const LineItem &item);
QJsonObject toJson(const ListMetadata &metadata);
QJsonObject toJson(const ListItem &item);
QJsonObject toJson(const ItemFailure &failure);
QJsonObject toJson(const CurrentPeriod &period);
QJsonObject toJson(const FiscalYear &year);
QJsonObject toJson(const ModelCalendar &calendar);
// The parsed JSON v1 view data: {"pages":[…], "columnCoordinates":[[…]…], "rows":[{"coordinates","cells"}]}.
QJsonObject toJson(const ViewData &data);

QJsonObject toJson(const Revision &revision);
QJsonObject toJson(const AppliedModel &model);
QJsonObject toJson(const AlmTask &task, AlmTaskKind kind);
QJsonObject toJson(const SummaryReport &report);
QString almTaskKindName(AlmTaskKind kind); // "sync", "comparison-report", "summary-report"

QJsonArray failuresJson(const QList<ItemFailure> &failures);

// Like toJsonArray (JsonViews.h), declared after the overloads above so that it finds them.
template <typename T> QJsonArray arrayOf(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace anadesk::cli::json
