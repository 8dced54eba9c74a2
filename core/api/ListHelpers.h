#pragma once
// Small helpers shared by the endpoint jobs (private to core/api).
#include "BulkPaths.h"
#include "ListQuery.h"
#include "net/Transport.h"

#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

#include <optional>

namespace anadesk::detail {

// Builds the sort/search query of a listing, or an error message for a sort field not in `allowed`.
struct ListQueryResult
{
    QUrlQuery query;
    QString error; // non-empty: invalid
};
ListQueryResult listQuery(QUrlQuery base, const ListQuery &query, const QStringList &allowedSort,
                          bool searchAllowed);

template <typename T>
QList<T> parseAll(const QList<QJsonObject> &items)
{
    QList<T> result;
    result.reserve(items.size());
    for (const QJsonObject &item : items)
        result.append(T::fromJson(item));
    return result;
}

inline const Endpoints &endpointsOf(Transport *transport)
{
    static const Endpoints none;
    return transport ? transport->endpoints() : none;
}

} // namespace anadesk::detail
