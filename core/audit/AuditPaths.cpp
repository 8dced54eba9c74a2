#include "AuditPaths.h"

#include "net/UrlBuilder.h"

using namespace Qt::StringLiterals;

namespace anadesk::audit {

QUrl eventsUrl(const Endpoints &endpoints, const QUrlQuery &query)
{
    return buildUrl(endpoints.audit, {u"audit"_s, u"api"_s, u"1"_s, u"events"_s}, query);
}

QUrl usersUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query)
{
    return buildUrl(endpoints.api, QStringList{u"2"_s, u"0"_s, u"users"_s} + segments, query);
}

} // namespace anadesk::audit
