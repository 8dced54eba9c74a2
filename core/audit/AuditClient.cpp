#include "AuditClient.h"

#include "Connection.h"

namespace anadesk {

AuditClient::AuditClient(Connection *connection)
    : m_connection(connection)
{}

Transport *AuditClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

audit::ListTenantUsersJob *AuditClient::getUsers(const ListQuery &query) const
{
    return started(new audit::ListTenantUsersJob(transport(), query, m_connection.data()));
}

audit::GetTenantUserJob *AuditClient::getUser(const QString &userId) const
{
    return started(new audit::GetTenantUserJob(transport(), userId, m_connection.data()));
}

audit::GetEventsJob *AuditClient::getEvents(int daysIntoPast, audit::EventType type) const
{
    audit::EventQuery query;
    query.daysIntoPast = daysIntoPast;
    query.type = type;
    return getEvents(query);
}

audit::GetEventsJob *AuditClient::getEvents(const audit::EventQuery &query) const
{
    return started(new audit::GetEventsJob(transport(), query, m_connection.data()));
}

} // namespace anadesk
