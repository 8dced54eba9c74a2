#include "ScimPaths.h"

#include "net/UrlBuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

QUrl scimUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query)
{
    return buildUrl(endpoints.api, QStringList{u"scim"_s, u"1"_s, u"0"_s, u"v2"_s} + segments, query);
}

QString userLabel(const QString &userId)
{
    return QCoreApplication::translate("anadesk::scim", "SCIM user %1").arg(userId);
}

} // namespace anadesk::scim
