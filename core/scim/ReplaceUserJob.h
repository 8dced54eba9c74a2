#pragma once
// PUT /Users/{id} without the trap: a SCIM replace clears every attribute it does not carry, and on
// Anaplan that silently removes all of the user's workspace access. So when the replacement carries no
// entitlements (UserInput::entitlements unset) and the caller did not ask to clear them
// (EntitlementPolicy::KeepCurrent, the default), the job first GETs the user and sends its current
// workspaces (as WORKSPACE entries) with the replacement. EntitlementPolicy::Clear sends the input as it
// is — the one way to remove every workspace with a replace. Entitlements given in the input are always
// sent as given.
//   [GET Users/{id}] → PUT Users/{id}
// The read and the write are two requests: a change to the user's workspaces in between is overwritten
// (SCIM on Anaplan has no ETags to guard it). Other omitted attributes follow Anaplan's rules: a
// missing externalId is cleared.
#include "ScimUser.h"
#include "api/Job.h"

#include <QPointer>

namespace anadesk {
class Transport;
}

namespace anadesk::scim {

enum class EntitlementPolicy
{
    KeepCurrent,
    Clear
};

class ReplaceUserJob : public Job
{
    Q_OBJECT
public:
    ReplaceUserJob(Transport *transport, const QString &userId, const UserInput &input,
                   EntitlementPolicy policy = EntitlementPolicy::KeepCurrent, QObject *parent = nullptr);
    ~ReplaceUserJob() override;

    const User &user() const { return m_user; } // the server's answer to the PUT
    // True when the current workspaces were read and carried over; then carriedWorkspaceIds() lists them.
    bool carriedOver() const { return m_carried; }
    const QStringList &carriedWorkspaceIds() const { return m_carriedIds; }
    // What was (or will be) sent.
    const UserInput &input() const { return m_input; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void put();
    void adopt(Job *job);

    Transport *m_transport;
    QString m_userId;
    UserInput m_input;
    EntitlementPolicy m_policy;
    bool m_carried = false;
    QStringList m_carriedIds;
    User m_user;
    QPointer<Job> m_child;
};

} // namespace anadesk::scim
