#include "ListUsersPageJob.h"

#include "ScimPaths.h"
#include "api/ListHelpers.h"
#include "types/JsonRead.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

ListUsersPageJob::ListUsersPageJob(Transport *transport, const Filter &filter, qint64 startIndex, int count,
                                   QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_startIndex(startIndex)
    , m_count(count)
    , m_filterText(filter.toString())
{
    const QString object = tr("SCIM users");
    setDescription(tr("List SCIM users %1 to %2").arg(startIndex).arg(startIndex + count - 1));
    QUrlQuery query;
    if (!m_filterText.isEmpty() && filter.isValid())
        // As ListUsersJob: QUrlQuery would leave '+', '&' and '#' ambiguous, so the expression is encoded
        // here.
        query.addQueryItem(u"filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_filterText)));
    query.addQueryItem(u"startIndex"_s, QString::number(qMax<qint64>(startIndex, 1)));
    query.addQueryItem(u"count"_s, QString::number(qBound(1, count, kMaxPageSize)));
    ApiRequest request;
    request.url = scimUrl(detail::endpointsOf(transport), {u"Users"_s}, query);
    request.accept = kAccept;
    request.object = object;
    setRequest(request);
    if (!filter.isValid())
        failOnStart(badInput(tr("Invalid user filter: %1").arg(filter.error()), object));
    else if (startIndex < 1)
        failOnStart(
            badInput(tr("A SCIM page starts at position 1 or later, not %1").arg(startIndex), object));
    else if (count < 1 || count > kMaxPageSize)
        failOnStart(badInput(tr("A SCIM page holds 1 to %1 users, not %2").arg(kMaxPageSize).arg(count),
                             object, tr("Choose a page size between 1 and %1.").arg(kMaxPageSize)));
}

ApiError ListUsersPageJob::parseJson(const QJsonObject &json)
{
    const QJsonArray resources = json.value("Resources"_L1).toArray();
    if (resources.size() > m_count)
        return malformed(
            tr("%1 users sent where at most %2 were asked for").arg(resources.size()).arg(m_count));
    if (const auto echoed = json::optionalInt64(json, "startIndex"_L1); echoed && *echoed != m_startIndex)
        return malformed(tr("asked for the page starting at %1 but the server sent the one at %2")
                             .arg(m_startIndex)
                             .arg(*echoed));
    m_total = json::optionalInt64(json, "totalResults"_L1).value_or(m_startIndex - 1 + resources.size());
    m_users.reserve(resources.size());
    for (const QJsonValue &value : resources)
        m_users.append(User::fromJson(value.toObject()));
    return {};
}

} // namespace anadesk::scim
