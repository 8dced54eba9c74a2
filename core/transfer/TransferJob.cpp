#include "TransferJob.h"

#include "net/Transport.h"

#include <QTimer>

namespace anadesk {

TransferJob::TransferJob(Transport *transport, FileLocation location, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_transport(transport)
{
}

TransferJob::~TransferJob() = default;

void TransferJob::cancel()
{
    if (isFinished())
        return;
    ApiError error;
    error.category = ErrorCategory::Cancelled;
    error.message = tr("Transfer cancelled");
    error.object = objectDescription();
    error.hint = tr("Nothing more was sent. Start the transfer again to finish it.");
    m_error = error;
    finishWithState(State::Cancelled);
}

bool TransferJob::beginRunning()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    if (!m_transport) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("No connection was given for the transfer");
        error.object = objectDescription();
        finishWithError(error);
        return false;
    }
    if (m_location.workspaceId.isEmpty())
        m_location.workspaceId = m_transport->options().workspaceId;
    if (m_location.modelId.isEmpty())
        m_location.modelId = m_transport->options().modelId;
    m_manifest.workspaceId = m_location.workspaceId;
    m_manifest.modelId = m_location.modelId;
    m_manifest.fileId = m_location.fileId;
    if (m_location.workspaceId.isEmpty() || m_location.modelId.isEmpty() || m_location.fileId.isEmpty()) {
        ApiError error;
        error.category = ErrorCategory::BadInput;
        error.message = tr("The workspace, model or file id is missing");
        error.object = objectDescription();
        error.hint = tr("Choose a workspace and a model, and give the file id.");
        finishWithError(error);
        return false;
    }
    return true;
}

void TransferJob::finishOk() { finishWithState(State::Succeeded); }

void TransferJob::finishWithError(const ApiError &error)
{
    if (isFinished())
        return;
    m_error = error;
    if (m_error.object.isEmpty())
        m_error.object = objectDescription();
    finishWithState(m_error.category == ErrorCategory::Cancelled ? State::Cancelled : State::Failed);
}

void TransferJob::finishWithState(State state)
{
    if (isFinished())
        return;
    const bool wasRunning = m_state == State::Running;
    m_state = state;
    if (wasRunning)
        abortInFlight();
    // Always asynchronous, so a caller connecting after start() or cancelling from inside a handler
    // still sees exactly one finished().
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

void TransferJob::setPhase(const QString &phase) { Q_EMIT phaseChanged(phase); }

QString TransferJob::objectDescription() const
{
    if (m_location.displayName.isEmpty())
        return tr("file %1").arg(m_location.fileId);
    return tr("file %1 '%2'").arg(m_location.fileId, m_location.displayName);
}

} // namespace anadesk
