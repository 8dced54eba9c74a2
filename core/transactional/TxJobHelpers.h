#pragma once
// Helpers shared by the transactional and ALM job implementations (private to those folders).
#include "TxPaths.h"
#include "api/Job.h"
#include "api/ListHelpers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <initializer_list>
#include <utility>

namespace anadesk::detail {

// The first missing id as a BadInput error: the model first, then each (id, what) pair in order.
// `what` is the noun shown to the user ("list", "view"…). No error: category None.
inline ApiError missingId(const QString &modelId, std::initializer_list<std::pair<QString, QString>> ids)
{
    if (modelId.isEmpty())
        return badInput(noModelMessage(), {}, noModelHint());
    for (const auto &[id, what] : ids) {
        if (id.trimmed().isEmpty())
            return badInput(QCoreApplication::translate("anadesk", "No %1 id given").arg(what), {},
                            QCoreApplication::translate("anadesk", "Give the id of the %1.").arg(what));
    }
    return {};
}

// The objects of an array member; a missing member (Anaplan omits empty arrays) gives none.
template <typename T> QList<T> parseArray(const QJsonObject &json, QLatin1StringView key)
{
    QList<T> result;
    const QJsonArray array = json.value(key).toArray();
    result.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            result.append(T::fromJson(value.toObject()));
    }
    return result;
}

} // namespace anadesk::detail
