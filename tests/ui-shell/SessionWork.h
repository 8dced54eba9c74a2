#pragma once
// The "work" that a test interrupts in the middle of a session (rejected credentials, a proxy's 407): one
// workspace listing on the live connection, with what became of it.
#include "BulkClient.h"
#include "Connection.h"
#include "api/Job.h"
#include "net/ApiError.h"

#include <QObject>

#include <memory>

namespace shelltest {

struct WorkResult
{
    bool finished = false;
    bool ok = false;
    anadesk::ApiError error;
};

inline std::shared_ptr<WorkResult> startWork(anadesk::Connection *connection)
{
    auto result = std::make_shared<WorkResult>();
    auto *job = connection->bulk().getWorkspaces();
    QObject::connect(job, &anadesk::Job::succeeded, job, [result] {
        result->finished = true;
        result->ok = true;
    });
    QObject::connect(job, &anadesk::Job::failed, job, [result](const anadesk::ApiError &error) {
        result->finished = true;
        result->error = error;
    });
    return result;
}

} // namespace shelltest
