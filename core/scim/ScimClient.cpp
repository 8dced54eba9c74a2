#include "ScimClient.h"

#include "Connection.h"

namespace anadesk {

ScimClient::ScimClient(Connection *connection)
    : m_connection(connection)
{}

Transport *ScimClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

QObject *ScimClient::jobParent() const
{
    return m_connection.data();
}

scim::GetServiceProviderConfigJob *ScimClient::getServiceProviderConfig() const
{
    return started(new scim::GetServiceProviderConfigJob(transport(), jobParent()));
}

scim::GetResourceTypesJob *ScimClient::getResourceTypes() const
{
    return started(new scim::GetResourceTypesJob(transport(), jobParent()));
}

scim::GetSchemasJob *ScimClient::getResourceSchemas() const
{
    return started(new scim::GetSchemasJob(transport(), jobParent()));
}

scim::ListUsersJob *ScimClient::getUsers(const scim::Filter &filter, int pageSize) const
{
    return started(new scim::ListUsersJob(transport(), filter, pageSize, jobParent()));
}

scim::GetUserJob *ScimClient::getUser(const QString &userId) const
{
    return started(new scim::GetUserJob(transport(), userId, jobParent()));
}

scim::AddUserJob *ScimClient::addUser(const scim::UserInput &input) const
{
    return started(new scim::AddUserJob(transport(), input, jobParent()));
}

scim::ReplaceUserJob *ScimClient::replaceUser(const QString &userId, const scim::UserInput &input,
                                              scim::EntitlementPolicy policy) const
{
    return started(new scim::ReplaceUserJob(transport(), userId, input, policy, jobParent()));
}

scim::PatchUserJob *ScimClient::patchUser(const QString &userId,
                                          const QList<scim::PatchOperation> &operations) const
{
    return started(new scim::PatchUserJob(transport(), userId, operations, jobParent()));
}

} // namespace anadesk
