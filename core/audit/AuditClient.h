#pragma once
// The Audit client (the reference AsyncClient's `audit` sub-client, camelCase names): the tenant's users
// from the Integration API and the audit events of the last 30 days (Tenant Auditor role; Anaplan
// answers 401, not 403, without it). Same async pattern as BulkClient: every method returns a STARTED
// job; bad input fails it with BadInput, sending nothing.
#include "AuditJobs.h"

#include <QPointer>

namespace anadesk {

class Connection;

class AuditClient
{
public:
    AuditClient() = default;
    explicit AuditClient(Connection *connection);

    Connection *connection() const { return m_connection; }
    Transport *transport() const;
    bool isValid() const { return !m_connection.isNull(); }

    // sortBy: firstName | lastName | email | active | lastLoginDate; search: tenant-admin substring (% _).
    audit::ListTenantUsersJob *getUsers(const ListQuery &query = {}) const;
    // "me" (or empty): the signed-in user; else a user id.
    audit::GetTenantUserJob *getUser(const QString &userId = QStringLiteral("me")) const;
    // The reference client's get_events(days_into_past=30, event_type="all"); days 1..30.
    audit::GetEventsJob *getEvents(int daysIntoPast = audit::kMaxDaysIntoPast,
                                   audit::EventType type = audit::EventType::All) const;
    // Any window Anaplan documents (type, days or dateFrom/dateTo, page size).
    audit::GetEventsJob *getEvents(const audit::EventQuery &query) const;

private:
    template <typename J> J *started(J *job) const
    {
        job->start();
        return job;
    }

    QPointer<Connection> m_connection;
};

} // namespace anadesk
