#include "TxPaths.h"

#include "api/BulkPaths.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

QUrl txUrl(const Endpoints &endpoints, const QString &modelId, const QStringList &segments,
           const QUrlQuery &query)
{
    return apiUrl(endpoints, QStringList{u"models"_s, modelId} + segments, query);
}

QString moduleLabel(const QString &moduleId)
{
    return QCoreApplication::translate("anadesk", "module %1").arg(moduleId);
}

QString listLabel(const QString &listId)
{
    return QCoreApplication::translate("anadesk", "list %1").arg(listId);
}

QString viewLabel(const QString &viewId)
{
    return QCoreApplication::translate("anadesk", "view %1").arg(viewId);
}

QString lineItemLabel(const QString &lineItemId)
{
    return QCoreApplication::translate("anadesk", "line item %1").arg(lineItemId);
}

QString dimensionLabel(const QString &dimensionId)
{
    return QCoreApplication::translate("anadesk", "dimension %1").arg(dimensionId);
}

QString noModelMessage()
{
    return QCoreApplication::translate("anadesk", "No model selected");
}

QString noModelHint()
{
    return QCoreApplication::translate("anadesk",
                                       "This API works on one model: select a model (or give its id) first.");
}

bool isNumericId(const QString &id)
{
    if (id.isEmpty() || id.size() > 19)
        return false;
    for (const QChar c : id) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isItemListableDimension(const QString &dimensionId)
{
    if (!isNumericId(dimensionId) || dimensionId.size() != 12)
        return false;
    return dimensionId.startsWith("101"_L1) || dimensionId.startsWith("109"_L1) ||
           dimensionId.startsWith("114"_L1);
}

bool isLookupDimension(const QString &dimensionId)
{
    if (dimensionId == kTimeDimensionId || dimensionId == kVersionsDimensionId)
        return true;
    return isNumericId(dimensionId) && dimensionId.size() == 12 && dimensionId.startsWith("101"_L1);
}

} // namespace anadesk
