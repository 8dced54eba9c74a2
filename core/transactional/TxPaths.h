#pragma once
// URLs, labels and local id checks of the Transactional API. Base: {api}/2/0/models/{modelId} (the
// model-direct form the reference library uses; Anaplan and anadesk-sandbox also route the
// workspace-prefixed form, which this client does not need).
#include "net/Endpoints.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace anadesk {

// {api}/2/0/models/{modelId}/<segments…>
QUrl txUrl(const Endpoints &endpoints, const QString &modelId, const QStringList &segments,
           const QUrlQuery &query = {});

// Labels for error messages: "module 102000000001", "list 101000000002", "view …", "line item …",
// "dimension …".
QString moduleLabel(const QString &moduleId);
QString listLabel(const QString &listId);
QString viewLabel(const QString &viewId);
QString lineItemLabel(const QString &lineItemId);
QString dimensionLabel(const QString &dimensionId);

// The BadInput message and hint for a transactional or ALM call without a model.
QString noModelMessage();
QString noModelHint();

// Anaplan's numeric object ids (lists 101…, modules 102…, Time 20000000003…): digits only.
bool isNumericId(const QString &id);

// Dimensions GET …/dimensions/{id}/items accepts: lists (101…), the Users dimension (101999999999),
// list subsets (109…) and line item subsets (114…). Time and Versions are refused by Anaplan there.
bool isItemListableDimension(const QString &dimensionId);
// Dimensions the lookup (POST …/dimensions/{id}/items) accepts: lists, Users, Time (20000000003)
// and Versions (20000000020).
bool isLookupDimension(const QString &dimensionId);

inline const QString kUsersDimensionId = QStringLiteral("101999999999");
inline const QString kTimeDimensionId = QStringLiteral("20000000003");
inline const QString kVersionsDimensionId = QStringLiteral("20000000020");

} // namespace anadesk
