#include "TaskRunner.h"

#include "PollSchedule.h"

#include "api/DumpJobs.h"
#include "api/ModelJobs.h"
#include "api/TaskJobs.h"
#include "net/Transport.h"

#include <QLoggingCategory>

#include <cmath>

Q_LOGGING_CATEGORY(lcTasks, "anadesk.tasks")

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
bool isTransient(ErrorCategory category)
{
    return isTransientPollFailure(category);
}

// A failed POST …/tasks that may nevertheless have created the task on the server.
bool mayHaveReachedServer(ErrorCategory category)
{
    return category == ErrorCategory::Network || category == ErrorCategory::Timeout
           || category == ErrorCategory::Server || category == ErrorCategory::Protocol;
}

void collectDumpObjects(const TaskResult &result, QList<QString> &objectIds)
{
    for (const TaskResult &nested : result.nestedResults) {
        if (nested.failureDumpAvailable && !nested.objectId.isEmpty() && !objectIds.contains(nested.objectId))
            objectIds.append(nested.objectId);
        collectDumpObjects(nested, objectIds);
    }
}
} // namespace

TaskRunner::TaskRunner(Transport *transport, const ModelRef &model, const QString &actionId,
                       const TaskRunnerOptions &options, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_actionId(actionId)
    , m_kind(actionKindFromId(actionId))
    , m_options(options)
{
    setDescription(tr("Run %1").arg(actionLabel(actionId)));
    if (!transport) {
        failOnStart(badInput(tr("No connection to send the request through")));
    } else if (!model.isComplete()) {
        failOnStart(badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first.")));
    } else if (m_kind == ActionKind::Invalid) {
        failOnStart(badInput(invalidActionIdMessage(actionId), actionId,
                             tr("Use the id of an import (112…), export (116…), action (117…) or process (118…).")));
    }
}

TaskRunner *TaskRunner::attach(Transport *transport, const ModelRef &model, const QString &actionId,
                               const QString &taskId, const TaskRunnerOptions &options, QObject *parent)
{
    auto *runner = new TaskRunner(transport, model, actionId, options, parent);
    runner->m_taskId = taskId;
    runner->setDescription(tr("Wait for %1").arg(taskLabel(actionId, taskId)));
    if (taskId.isEmpty())
        runner->failOnStart(badInput(tr("No task id given"), actionLabel(actionId)));
    return runner;
}

TaskRunner::~TaskRunner()
{
    doAbort();
}

template <typename J, typename... Args>
J *TaskRunner::child(Args &&...args)
{
    auto *job = new J(m_transport, std::forward<Args>(args)..., this);
    job->setAutoDelete(false);
    m_children.append(job);
    connect(job, &Job::finished, this, [this, job] {
        m_children.removeAll(job);
        job->deleteLater();
    });
    return job;
}

void TaskRunner::doStart()
{
    m_startedAtMs = m_transport->clock().nowMs();
    if (m_options.deadlineMs > 0) {
        m_deadlineTimer = m_transport->clock().singleShot(m_options.deadlineMs, this, [this] {
            m_deadlineTimer = 0;
            ApiError error;
            error.category = ErrorCategory::Timeout;
            const QString seconds = QString::number(double(m_options.deadlineMs) / 1000.0, 'g', 6);
            if (m_taskId.isEmpty()) {
                error.message = tr("%1 could not be started within %2 s").arg(actionLabel(m_actionId), seconds);
                error.object = actionLabel(m_actionId);
                error.hint = tr("The model may be busy. Try again later.");
            } else {
                error.message = tr("The task did not finish within %1 s").arg(seconds);
                error.object = taskLabel(m_actionId, m_taskId);
                error.hint = tr("It keeps running on the server: wait for it again, or cancel it on the server.");
            }
            fail(error);
        });
    }
    if (!m_taskId.isEmpty()) { // attached to a running task
        m_phase = Phase::Polling;
        schedulePoll(true);
        return;
    }
    takeSnapshot();
}

void TaskRunner::doAbort()
{
    cancelTimer();
    if (m_deadlineTimer != 0 && m_transport) {
        m_transport->clock().cancel(m_deadlineTimer);
        m_deadlineTimer = 0;
    }
    const QList<QPointer<Job>> children = std::exchange(m_children, {});
    for (const QPointer<Job> &job : children) {
        if (job) {
            disconnect(job.data(), nullptr, this, nullptr);
            job->abort();
            job->deleteLater();
        }
    }
    m_phase = Phase::Done;
}

void TaskRunner::schedule(qint64 delayMs, void (TaskRunner::*step)())
{
    cancelTimer();
    m_timer = m_transport->clock().singleShot(delayMs, this, [this, step] {
        m_timer = 0;
        (this->*step)();
    });
}

void TaskRunner::cancelTimer()
{
    if (m_timer != 0 && m_transport) {
        m_transport->clock().cancel(m_timer);
        m_timer = 0;
    }
}

void TaskRunner::fail(const ApiError &error)
{
    if (isFinished())
        return;
    doAbort();
    finishFailure(error);
}

ApiError TaskRunner::withTask(ApiError error) const
{
    if (error.object.isEmpty())
        error.object = m_taskId.isEmpty() ? actionLabel(m_actionId) : taskLabel(m_actionId, m_taskId);
    return error;
}

// --- start ------------------------------------------------------------------------------------------

void TaskRunner::takeSnapshot()
{
    m_phase = Phase::Snapshot;
    auto *job = child<ListTaskSummariesJob>(m_model, m_actionId);
    connect(job, &Job::finished, this, [this, job] {
        if (job->isSucceeded()) {
            for (const TaskSummary &task : job->tasks())
                m_snapshot.insert(task.id);
            m_snapshotOk = true;
        } else if (!isTransient(job->error().category)) {
            fail(job->error()); // no such model/action, no rights…: starting would fail the same way
            return;
        } else {
            qCWarning(lcTasks) << "could not read the task list before starting" << m_actionId
                               << "- a lost start answer cannot be reconciled:" << job->error().toString();
        }
        postStart();
    });
    job->start();
}

void TaskRunner::postStart()
{
    if (m_cancelRequested) {
        ApiError error;
        error.category = ErrorCategory::Cancelled;
        error.message = tr("Cancelled before the task started");
        fail(withTask(error));
        return;
    }
    m_phase = Phase::Starting;
    ++m_startPosts;
    auto *job = child<StartTaskJob>(m_model, m_actionId);
    connect(job, &Job::finished, this, [this, job] { onStartFinished(job); });
    job->start();
}

void TaskRunner::onStartFinished(Job *job)
{
    auto *start = static_cast<StartTaskJob *>(job);
    if (start->isSucceeded()) {
        m_status = start->status();
        adopt(start->taskId());
        return;
    }
    const ApiError error = start->error();
    if (m_cancelRequested && !mayHaveReachedServer(error.category)) {
        ApiError cancelled;
        cancelled.category = ErrorCategory::Cancelled;
        cancelled.message = tr("Cancelled before the task started");
        fail(withTask(cancelled));
        return;
    }
    if (error.category == ErrorCategory::ModelBusy) {
        waitWhileBusy(error);
    } else if (mayHaveReachedServer(error.category)) {
        reconcile(error);
    } else {
        fail(error); // 400, 401, 403, 404, 422 (archived), 429 after retries, …: no retry
    }
}

void TaskRunner::waitWhileBusy(const ApiError &error)
{
    const qint64 now = m_transport->clock().nowMs();
    if (m_busySinceMs < 0) {
        m_busySinceMs = now;
        m_nextBusyDelay = qMax(0, m_options.busyInitialDelayMs);
    }
    const qint64 delay = m_nextBusyDelay;
    if (now - m_busySinceMs + delay > m_options.busyMaxWaitMs) {
        ApiError busy = error;
        busy.hint = tr("The model stayed busy for %1 minutes. Try again when its current work has finished.")
                        .arg((now - m_busySinceMs) / 60'000);
        fail(busy);
        return;
    }
    m_phase = Phase::BusyWait;
    ++m_busyWaits;
    m_busyDelays.append(delay);
    m_nextBusyDelay = qMin<qint64>(qMax(m_options.busyMaxDelayMs, m_options.busyInitialDelayMs),
                                   qint64(std::llround(double(delay) * qMax(1.0, m_options.busyGrowth))));
    schedule(delay, &TaskRunner::postStart);

    // Tell the user what the model is busy with (best effort; the wait does not depend on it).
    auto *status = child<GetModelStatusJob>(m_model.modelId);
    const QString fallback = error.serverMessage.isEmpty() ? error.message : error.serverMessage;
    connect(status, &Job::finished, this, [this, status, fallback, delay] {
        QString tooltip = status->isSucceeded() ? status->status().tooltip : QString();
        if (tooltip.isEmpty() && status->isSucceeded())
            tooltip = status->status().currentStep;
        Q_EMIT modelBusy(tooltip.isEmpty() ? fallback : tooltip, int(delay));
    });
    status->start();
}

void TaskRunner::reconcile(const ApiError &postError)
{
    if (!m_snapshotOk) {
        ApiError error = postError;
        error.hint = tr("The start request may have reached Anaplan. Check the task list of %1 before "
                        "running it again.")
                         .arg(actionLabel(m_actionId));
        fail(error);
        return;
    }
    m_phase = Phase::Reconciling;
    ++m_reconcileCalls;
    auto *job = child<ListTaskSummariesJob>(m_model, m_actionId);
    connect(job, &Job::finished, this, [this, job, postError] {
        if (!job->isSucceeded()) {
            ApiError error = postError;
            error.hint = tr("The start request may have reached Anaplan, and the task list could not be read to "
                            "check (%1). Check the task list before running it again.")
                             .arg(job->error().message);
            fail(error);
            return;
        }
        QStringList fresh;
        for (const TaskSummary &task : job->tasks()) {
            if (!m_snapshot.contains(task.id))
                fresh.append(task.id);
        }
        if (fresh.size() == 1) {
            qCInfo(lcTasks) << "start answer was lost; adopting task" << fresh.first() << "of" << m_actionId;
            m_adopted = true;
            adopt(fresh.first());
        } else if (fresh.isEmpty()) {
            if (m_cancelRequested || m_startPosts >= qMax(1, m_options.maxStartAttempts)) {
                fail(postError);
                return;
            }
            // Nothing was created: sending the POST again cannot duplicate the task.
            const ClientOptions &options = m_transport->options();
            const qint64 delay = qint64(std::llround(double(options.backoffMs)
                                                     * std::pow(qMax(1.0, options.backoffFactor), m_startPosts - 1)));
            schedule(qMin<qint64>(delay, options.maxBackoffMs), &TaskRunner::postStart);
        } else {
            ApiError error;
            error.category = ErrorCategory::Server;
            error.message = tr("Could not tell whether the action started: %n new task(s) appeared meanwhile",
                               nullptr, int(fresh.size()));
            error.object = actionLabel(m_actionId);
            error.serverMessage = fresh.join(u", "_s);
            error.hint = tr("Someone else may have started the same action. Check these tasks before running it "
                            "again.");
            fail(error);
        }
    });
    job->start();
}

void TaskRunner::adopt(const QString &taskId)
{
    m_taskId = taskId;
    m_phase = Phase::Polling;
    setDescription(tr("Run %1").arg(taskLabel(m_actionId, m_taskId)));
    Q_EMIT taskStarted(m_taskId);
    if (isFinished())
        return; // a slot aborted us
    if (m_cancelRequested)
        sendCancel();
    schedulePoll(!m_options.waitForCompletion);
}

// --- polling ----------------------------------------------------------------------------------------

qint64 TaskRunner::nextPollDelay()
{
    return PollSchedule::delayFor(m_options, m_transport->options().statusPollDelayMs, m_pollWaits++);
}

void TaskRunner::schedulePoll(bool immediately)
{
    const qint64 delay = immediately ? 0 : nextPollDelay();
    m_pollDelays.append(delay);
    schedule(delay, &TaskRunner::poll);
}

void TaskRunner::poll()
{
    ++m_polls;
    auto *job = child<GetTaskStatusJob>(m_model, m_actionId, m_taskId);
    connect(job, &Job::finished, this, [this, job] { onStatus(job); });
    job->start();
}

void TaskRunner::onStatus(Job *job)
{
    auto *statusJob = static_cast<GetTaskStatusJob *>(job);
    if (!statusJob->isSucceeded()) {
        const ApiError error = statusJob->error();
        if (!isTransient(error.category)) {
            fail(withTask(error));
            return;
        }
        ++m_consecutivePollFailures;
        if (m_consecutivePollFailures > qMax(0, m_options.maxConsecutivePollFailures)) {
            ApiError lost = withTask(error);
            lost.message = tr("The task was started, but its status could not be read %n time(s) in a row",
                              nullptr, m_consecutivePollFailures);
            lost.hint = tr("It may still be running on the server: check it later, or cancel it.");
            fail(lost);
            return;
        }
        ++m_pollFailuresTolerated;
        qCWarning(lcTasks) << "status of" << m_taskId << "not readable, polling on:" << error.toString();
        schedulePoll();
        return;
    }
    m_consecutivePollFailures = 0;
    const QString previousRaw = m_status.stateRaw;
    m_status = statusJob->status();
    if (m_status.id.isEmpty())
        m_status.id = m_taskId;
    if (!m_stateSeen || m_status.state != m_lastState || m_status.stateRaw != previousRaw) {
        m_stateSeen = true;
        m_lastState = m_status.state;
        Q_EMIT stateChanged(m_status.state, m_status.stateRaw);
        if (isFinished())
            return;
    }
    Q_EMIT progress(m_status.progress, m_status.currentStep);
    if (isFinished())
        return;
    if (m_status.state == TaskState::Unknown && !m_warnedUnknown) {
        m_warnedUnknown = true;
        const QString message = tr("Task %1 reports an unknown state '%2'; waiting as if it were still running")
                                    .arg(m_taskId, m_status.stateRaw);
        qCWarning(lcTasks).noquote() << message;
        Q_EMIT warning(message);
        if (isFinished())
            return;
    }
    if (isTerminal(m_status.state)) {
        onTerminal();
        return;
    }
    if (!m_options.waitForCompletion && !m_cancelRequested) {
        m_phase = Phase::Done;
        doAbort();
        finishSuccess(); // run_action(wait=False): the state right after the start
        return;
    }
    schedulePoll();
}

void TaskRunner::cancel()
{
    if (isFinished() || m_cancelRequested)
        return;
    m_cancelRequested = true;
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Snapshot:
    case Phase::BusyWait: {
        ApiError error;
        error.category = ErrorCategory::Cancelled;
        error.message = tr("Cancelled before the task started");
        fail(withTask(error));
        return;
    }
    case Phase::Starting:
    case Phase::Reconciling:
        return; // decided when the start (or the reconciliation) answers
    case Phase::Polling:
        sendCancel();
        return;
    case Phase::Cancelling:
    case Phase::Dumps:
    case Phase::Done:
        return;
    }
}

void TaskRunner::sendCancel()
{
    if (m_cancelSent || m_taskId.isEmpty())
        return;
    m_cancelSent = true;
    auto *job = child<CancelTaskJob>(m_model, m_actionId, m_taskId);
    connect(job, &Job::finished, this, [this, job] {
        if (!job->isSucceeded()) {
            const QString message = tr("The server did not accept the cancel request: %1").arg(job->error().toString());
            qCWarning(lcTasks).noquote() << message;
            Q_EMIT warning(message);
            return; // keep polling: the task ends one way or the other
        }
        // Look again soon instead of after a long grown delay.
        if (m_phase == Phase::Polling && m_timer != 0) {
            const qint64 base = qMax(0, m_options.pollDelayMs >= 0 ? m_options.pollDelayMs
                                                                   : m_transport->options().statusPollDelayMs);
            m_pollDelays.append(base);
            schedule(base, &TaskRunner::poll);
        }
    });
    job->start();
}

// --- result -----------------------------------------------------------------------------------------

void TaskRunner::onTerminal()
{
    if (m_status.state == TaskState::Cancelled) {
        ApiError error;
        error.category = ErrorCategory::Cancelled;
        error.message = m_cancelRequested ? tr("The task was cancelled") : tr("The task was cancelled on the server");
        error.hint = m_cancelRequested ? QString() : tr("Someone cancelled it in Anaplan; its changes were rolled back.");
        fail(withTask(error));
        return;
    }
    if (!m_status.result) {
        ApiError error = protocolError(tr("The task completed without a result"), taskLabel(m_actionId, m_taskId));
        fail(error);
        return;
    }
    if (m_status.result->successful) {
        m_phase = Phase::Done;
        doAbort(); // timers
        finishSuccess();
        return;
    }
    if (!m_options.fetchDumpsOnFailure) {
        failWithResult();
        return;
    }
    const TaskResult &result = *m_status.result;
    m_dumpQueue.clear();
    if (m_kind == ActionKind::Import && result.failureDumpAvailable) {
        m_dumpQueue.append({QString(), result.objectId.isEmpty() ? m_actionId : result.objectId});
    } else if (m_kind == ActionKind::Process) {
        QList<QString> objects;
        collectDumpObjects(result, objects);
        for (const QString &objectId : objects)
            m_dumpQueue.append({objectId, objectId});
    }
    m_phase = Phase::Dumps;
    cancelTimer();
    fetchNextDump();
}

void TaskRunner::fetchNextDump()
{
    if (m_dumpQueue.isEmpty()) {
        failWithResult();
        return;
    }
    const auto [dumpObject, reportedObject] = m_dumpQueue.takeFirst();
    DumpRef ref{m_actionId, m_taskId, dumpObject};
    auto *job = child<DumpDownloadJob>(m_model, ref, nullptr);
    connect(job, &Job::finished, this, [this, job, object = reportedObject] {
        TaskDump dump;
        dump.objectId = object;
        if (job->isSucceeded())
            dump.data = job->data();
        else
            dump.error = job->error();
        m_dumps.append(dump);
        fetchNextDump();
    });
    job->start();
}

void TaskRunner::failWithResult()
{
    const TaskResult &result = *m_status.result;
    ApiError error;
    error.category = ErrorCategory::ActionFailed;
    error.message = tr("%1 finished with errors").arg(actionLabel(m_actionId));
    error.object = taskLabel(m_actionId, m_taskId);
    error.serverMessage = result.summaryLines(5).join(u"; "_s);
    int fetched = 0;
    int unavailable = 0;
    for (const TaskDump &dump : std::as_const(m_dumps))
        dump.error.isError() ? ++unavailable : ++fetched;
    if (fetched > 0)
        error.hint = tr("The failure dump lists the rejected rows and why.");
    else if (unavailable > 0)
        error.hint = tr("The failure dump is no longer available; run the action again to get a new one.");
    else if (result.failureDumpAvailable || !result.nestedResults.isEmpty())
        error.hint = tr("Download the failure dump to see the rejected rows.");
    else
        error.hint = tr("Check the action's mapping and source data in Anaplan.");
    fail(error);
}

} // namespace anadesk
