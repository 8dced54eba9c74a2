#pragma once
// Anaplan's SCIM API (the reference AsyncClient's `scim` sub-client, camelCase names) as a cheap,
// copyable view onto a Connection. Needs the User Admin role; visiting users are not visible.
// Same async pattern as BulkClient: every method returns a STARTED job (connect before returning to
// the event loop; waitFor() for sequential code); bad input fails the job with BadInput, sending nothing.
//
//   auto *job = connection.scim().getUsers(field(Attribute::Active).falsy());
//   connect(job, &Job::succeeded, this, [job] { show(job->users()); });
#include "ReplaceUserJob.h"
#include "ScimJobs.h"

#include <QPointer>

namespace anadesk {

class Connection;

class ScimClient
{
public:
    ScimClient() = default;
    explicit ScimClient(Connection *connection);

    Connection *connection() const { return m_connection; }
    Transport *transport() const;
    bool isValid() const { return !m_connection.isNull(); }

    scim::GetServiceProviderConfigJob *getServiceProviderConfig() const;
    scim::GetResourceTypesJob *getResourceTypes() const;
    scim::GetSchemasJob *getResourceSchemas() const;

    // Every user matching `filter` (empty: all), read in pages of pageSize (1..100; Anaplan errors above
    // 100). filter: the typed builder (scim::field(…)) or scim::Filter::raw(text) for text from a user.
    scim::ListUsersJob *getUsers(const scim::Filter &filter = {}, int pageSize = scim::kMaxPageSize) const;
    scim::GetUserJob *getUser(const QString &userId) const;
    scim::AddUserJob *addUser(const scim::UserInput &input) const;
    // Replaces the user. If input.entitlements is unset, the user's CURRENT workspaces are read and kept
    // (a bare SCIM PUT would silently remove them all) — unless policy is EntitlementPolicy::Clear, which
    // sends the input as given and so removes every workspace. See ReplaceUserJob.h.
    scim::ReplaceUserJob *
    replaceUser(const QString &userId, const scim::UserInput &input,
                scim::EntitlementPolicy policy = scim::EntitlementPolicy::KeepCurrent) const;
    // The reference client's update_user(): PatchOp add/replace/remove, applied all or none.
    scim::PatchUserJob *patchUser(const QString &userId, const QList<scim::PatchOperation> &operations) const;

private:
    template <typename J> J *started(J *job) const
    {
        job->start();
        return job;
    }
    QObject *jobParent() const;

    QPointer<Connection> m_connection;
};

} // namespace anadesk
