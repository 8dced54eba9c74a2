#include "ReplaceUserJob.h"

#include "ScimJobs.h"
#include "ScimPaths.h"

namespace anadesk::scim {

ReplaceUserJob::ReplaceUserJob(Transport *transport, const QString &userId, const UserInput &input,
                               EntitlementPolicy policy, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_userId(userId)
    , m_input(input)
    , m_policy(policy)
{
    setDescription(tr("Replace SCIM user"));
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (userId.trimmed().isEmpty())
        failOnStart(badInput(tr("No user id given")));
    else if (const QString invalid = input.validationError(); !invalid.isEmpty())
        failOnStart(badInput(invalid, userLabel(userId)));
}

ReplaceUserJob::~ReplaceUserJob()
{
    doAbort();
}

void ReplaceUserJob::adopt(Job *job)
{
    job->setAutoDelete(false);
    m_child = job;
}

void ReplaceUserJob::doStart()
{
    if (m_input.entitlements || m_policy == EntitlementPolicy::Clear) {
        put();
        return;
    }
    auto *get = new GetUserJob(m_transport, m_userId, this);
    adopt(get);
    connect(get, &Job::finished, this, [this, get] {
        m_child.clear();
        get->deleteLater();
        if (!get->isSucceeded()) {
            ApiError error = get->error();
            error.message =
                tr("Could not read the user's current workspaces before replacing it: %1").arg(error.message);
            error.hint = tr("Nothing was changed. Give the workspaces explicitly, or try again.");
            finishFailure(error);
            return;
        }
        m_carriedIds = get->user().workspaceIds();
        m_input.setWorkspaceIds(m_carriedIds);
        m_carried = true;
        put();
    });
    get->start();
}

void ReplaceUserJob::put()
{
    auto *job = new PutUserJob(m_transport, m_userId, m_input, this);
    adopt(job);
    connect(job, &Job::finished, this, [this, job] {
        m_child.clear();
        job->deleteLater();
        if (!job->isSucceeded()) {
            finishFailure(job->error());
            return;
        }
        m_user = job->user();
        finishSuccess();
    });
    job->start();
}

void ReplaceUserJob::doAbort()
{
    if (Job *child = m_child.data()) {
        m_child.clear();
        disconnect(child, nullptr, this, nullptr);
        child->abort();
        child->deleteLater();
    }
}

} // namespace anadesk::scim
