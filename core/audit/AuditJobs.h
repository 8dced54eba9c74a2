#pragma once
// One job per Audit-client endpoint (anaplan-api.md §10):
//   GET {api}/2/0/users (paged, sort=±firstName|lastName|email|active|lastLoginDate, s=) → ListTenantUsersJob
//   GET {api}/2/0/users/{id | "me"}                                                     → GetTenantUserJob
//   GET {audit}/audit/api/1/events?type=…&dateFrom=…&dateTo=… (paged)                    → GetEventsJob
#include "AuditPagedJob.h"
#include "AuditPaths.h"
#include "AuditTypes.h"
#include "api/ApiJob.h"
#include "api/ListQuery.h"
#include "api/PagedListJob.h"

#include <optional>

namespace anadesk::audit {

class ListTenantUsersJob : public PagedListJob
{
    Q_OBJECT
public:
    // query.sortBy: firstName | lastName | email | active | lastLoginDate (snake_case accepted);
    // query.search: the tenant-admin substring search.
    ListTenantUsersJob(Transport *transport, const ListQuery &query = {}, QObject *parent = nullptr);
    QList<TenantUser> users() const;
};

class GetTenantUserJob : public ApiJob
{
    Q_OBJECT
public:
    // userId empty or "me": the signed-in user.
    GetTenantUserJob(Transport *transport, const QString &userId = {}, QObject *parent = nullptr);
    const TenantUser &user() const { return m_user; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    TenantUser m_user;
};

// Which events: a type and either the last `daysIntoPast` days (1..30, the reference client's option)
// or an explicit window (dateFromMs..dateToMs, epoch ms, at most 30 days). Anything else fails with
// BadInput before sending.
struct EventQuery
{
    EventType type = EventType::All;
    int daysIntoPast = kMaxDaysIntoPast;
    std::optional<qint64> dateFromMs;
    std::optional<qint64> dateToMs; // unset with dateFromMs set: now
    int pageSize = kDefaultEventPageSize;

    // Empty when valid.
    QString validationError() const;
};

// The window is fixed when the job is built (now = the connection's clock), and every page asks for the
// same dateFrom/dateTo: events arriving meanwhile cannot shift the pages.
class GetEventsJob : public AuditPagedJob
{
    Q_OBJECT
public:
    GetEventsJob(Transport *transport, const EventQuery &query = {}, QObject *parent = nullptr);
    qint64 windowFromMs() const { return m_from; }
    qint64 windowToMs() const { return m_to; }

private:
    qint64 m_from = 0;
    qint64 m_to = 0;
};

} // namespace anadesk::audit
