#include "AuditJobs.h"

#include "api/ListHelpers.h"
#include "net/Clock.h"
#include "net/Transport.h"
#include "types/JsonRead.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::audit {

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::audit", text);
}
} // namespace

ListTenantUsersJob::ListTenantUsersJob(Transport *transport, const ListQuery &query, QObject *parent)
    : PagedListJob(transport, {}, u"users"_s, tr("users"), parent)
{
    setDescription(tr("List users"));
    const auto q = detail::listQuery(
        {}, query, {u"firstName"_s, u"lastName"_s, u"email"_s, u"active"_s, u"lastLoginDate"_s}, true);
    if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("users")));
    setUrl(usersUrl(detail::endpointsOf(transport), {}, q.query));
}

QList<TenantUser> ListTenantUsersJob::users() const
{
    return detail::parseAll<TenantUser>(items());
}

GetTenantUserJob::GetTenantUserJob(Transport *transport, const QString &userId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    const QString id = userId.trimmed().isEmpty() ? u"me"_s : userId.trimmed();
    setDescription(tr("Get user"));
    ApiRequest request;
    request.url = usersUrl(detail::endpointsOf(transport), {id});
    request.object = id == "me"_L1 ? tr("the signed-in user") : tr("user %1").arg(id);
    setRequest(request);
}

ApiError GetTenantUserJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("user"_L1);
    if (!value.isObject())
        return malformed(tr("no 'user' object"));
    m_user = TenantUser::fromJson(value.toObject());
    return {};
}

QString EventQuery::validationError() const
{
    if (pageSize < 1)
        return tr("A page must hold at least one event, not %1").arg(pageSize);
    if (dateFromMs || dateToMs) {
        if (!dateFromMs)
            return tr("A date range needs its start (dateFrom)");
        if (dateToMs && *dateToMs < *dateFromMs)
            return tr("The date range ends before it starts");
        if (dateToMs && *dateToMs - *dateFromMs > kMaxDaysIntoPast * kDayMs)
            return tr("The date range spans more than %1 days; Anaplan keeps and returns at most %1 days")
                .arg(kMaxDaysIntoPast);
        return {};
    }
    if (daysIntoPast < 1 || daysIntoPast > kMaxDaysIntoPast)
        return tr("Days into the past must be 1 to %1 (Anaplan keeps %1 days of audit events), not %2")
            .arg(kMaxDaysIntoPast)
            .arg(daysIntoPast);
    return {};
}

GetEventsJob::GetEventsJob(Transport *transport, const EventQuery &query, QObject *parent)
    : AuditPagedJob(transport, query.pageSize, tr("audit events (%1)").arg(eventTypeName(query.type)), parent)
{
    setDescription(tr("Get audit events"));
    if (const QString error = query.validationError(); !error.isEmpty()) {
        failOnStart(
            badInput(error, tr("audit events"),
                     tr("Ask for 1 to %1 days, or a window of at most %1 days.").arg(kMaxDaysIntoPast)));
        return;
    }
    if (!transport)
        return; // the base already fails on start
    const qint64 now = transport->clock().nowMs();
    if (query.dateFromMs) {
        m_from = *query.dateFromMs;
        m_to = query.dateToMs.value_or(now);
        if (m_to - m_from > kMaxDaysIntoPast * kDayMs) {
            failOnStart(badInput(tr("The date range from %1 until now spans more than %2 days")
                                     .arg(m_from)
                                     .arg(kMaxDaysIntoPast),
                                 tr("audit events")));
            return;
        }
    } else {
        m_to = now;
        m_from = now - query.daysIntoPast * kDayMs;
    }
    QUrlQuery q;
    q.addQueryItem(u"type"_s, eventTypeName(query.type));
    q.addQueryItem(u"dateFrom"_s, QString::number(m_from));
    q.addQueryItem(u"dateTo"_s, QString::number(m_to));
    setUrl(eventsUrl(transport->endpoints(), q));
}

} // namespace anadesk::audit
