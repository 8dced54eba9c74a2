#pragma once
// What one anadesk-cli command works with: the options, the output, the Connection (hosts,
// transport, sign-in) and the workspace/model the options name — resolved from ids or names only
// when a command needs them.
//
// Commands are sequential code: wait() runs a local event loop until a job has finished. That is
// fine here (a console program, one command at a time, no GUI thread to freeze); every network wait
// inside is bounded by the transport's timeouts and the task runner's limits.
#include "GlobalOptions.h"
#include "Output.h"
#include "api/Job.h"
#include "api/ResolveJob.h"

#include <QPointer>
#include <functional>
#include <memory>

namespace anadesk {
class BulkClient;
class Connection;
struct TaskRunnerOptions;
} // namespace anadesk

namespace anadesk::cli {

class SecretChain;

// A job owned by the command (not auto-deleted), deleted when it goes out of scope.
template <typename J> using Owned = std::unique_ptr<J>;

class Session
{
public:
    Session(const GlobalOptions &options, QByteArray commandLineToken, Output &output);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    const GlobalOptions &options() const { return m_options; }
    Output &out() { return m_output; }

    // Builds endpoints and the authenticator (reading secrets) and creates the Connection. Nothing
    // is sent yet: the sign-in happens with the first request.
    ApiError connect();
    Connection *connection() const;

    // A bulk client on the workspace and model resolved so far (possibly none).
    BulkClient client() const;

    // Resolves --workspace (id or name). With required=false a missing --workspace is fine.
    ApiError requireWorkspace(bool required);
    // Resolves --model (id or name) and its workspace (from --workspace, or the model's own).
    ApiError requireModel();
    QString workspaceId() const { return m_workspaceId; }
    QString workspaceName() const { return m_workspaceName; }
    QString modelId() const { return m_modelId; }
    QString modelName() const { return m_modelName; }

    // An object of the current model by id or name (see ResolveJob: ids are taken without a request).
    ApiError resolve(ObjectKind kind, const QString &idOrName, NamedObject *out);

    // Takes ownership of a started job (no auto-delete) and runs the event loop until it finished.
    template <typename J> ApiError wait(Owned<J> &job) { return waitForJob(job.get()); }
    template <typename J> static Owned<J> own(J *job)
    {
        job->setAutoDelete(false);
        return Owned<J>(job);
    }

    // Task options from the command line: poll delay, and whether to wait for completion.
    TaskRunnerOptions taskOptions(bool waitForCompletion) const;

    // Ctrl-C while a command waits: the first press calls `handler` (cancel the task on the server,
    // stop a transfer); a second press, or a press with no handler, ends the program (exit 130).
    void setInterruptHandler(std::function<void()> handler);
    void clearInterruptHandler() { setInterruptHandler({}); }

private:
    ApiError waitForJob(Job *job);
    ApiError resolveModelByName(const QString &wanted);
    void installSignalHandling();
    void onInterrupt();

    GlobalOptions m_options;
    QByteArray m_commandLineToken;
    Output &m_output;
    QPointer<Connection> m_connection;
    bool m_workspaceResolved = false;
    bool m_modelResolved = false;
    QString m_workspaceId;
    QString m_workspaceName;
    QString m_modelId;
    QString m_modelName;
    std::function<void()> m_interruptHandler;
    int m_interrupts = 0;
};

} // namespace anadesk::cli
