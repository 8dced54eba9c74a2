#pragma once
// Runs one import/export/action/process and follows its task to the end.
//
//   [snapshot]  GET  …/{kind}/{id}/tasks            ids that exist before we start (for reconciling)
//   [start]     POST …/{kind}/{id}/tasks {"localeName":"en_US"}        (Idempotency::NotRepeatable)
//                ├ 409/423 model busy → read the model status (tooltip), wait with slow back-off, POST again
//                ├ 422 archived, 400, 401, 403, 404 → fail, no retry
//                └ no answer / 5xx / unreadable answer: the POST may have been applied →
//   [reconcile] GET  …/tasks: exactly one task not in the snapshot → adopt it; none → POST again
//               (≤ maxStartAttempts); several → fail, telling the user to check (never guess)
//   [poll]      GET  …/tasks/{taskId} every pollDelay (growing slowly), transient failures tolerated;
//               COMPLETE and CANCELLED are terminal; CANCELLING and unknown states are not (warned once)
//   [result]    COMPLETE + successful → succeeded(); successful=false → failed(ActionFailed) with
//               taskResult() (details and nestedResults) and, on request, the failure dumps
//
// cancel() cancels the task ON THE SERVER (DELETE …/tasks/{taskId}) and keeps polling until
// CANCELLED (or COMPLETE if it won the race); abort() only stops this client — the task keeps running.
#include "TaskRunnerOptions.h"
#include "api/BulkPaths.h"
#include "api/Job.h"
#include "net/Clock.h"
#include "types/Task.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSet>

#include <optional>

namespace anadesk {

class Transport;

// One failure dump fetched after a failed run.
struct TaskDump
{
    QString objectId;  // the import whose rows failed (for a process: the nested action)
    QByteArray data;   // the CSV as Anaplan sent it
    ApiError error;    // set when it could not be fetched (404: "no longer available")
};

class TaskRunner : public Job
{
    Q_OBJECT
public:
    // Starts a new task of actionId (112/116/117/118…; anything else fails with BadInput, nothing sent).
    TaskRunner(Transport *transport, const ModelRef &model, const QString &actionId,
               const TaskRunnerOptions &options = {}, QObject *parent = nullptr);
    // Follows a task that already runs (started elsewhere, or after a deadline: "keep waiting").
    static TaskRunner *attach(Transport *transport, const ModelRef &model, const QString &actionId,
                              const QString &taskId, const TaskRunnerOptions &options = {},
                              QObject *parent = nullptr);
    ~TaskRunner() override;

    // Asks the server to cancel the task; the runner ends with a Cancelled error once the task is
    // CANCELLED (or normally if it completed first). Before the task exists: stops starting it.
    void cancel();
    bool isCancelRequested() const { return m_cancelRequested; }

    const QString &actionId() const { return m_actionId; }
    ActionKind kind() const { return m_kind; }
    const QString &taskId() const { return m_taskId; }
    const TaskStatus &status() const { return m_status; }           // the last status read
    const std::optional<TaskResult> &taskResult() const { return m_status.result; }
    const QList<TaskDump> &dumps() const { return m_dumps; }

    // Figures for reports and tests.
    int startPosts() const { return m_startPosts; }
    int reconcileCalls() const { return m_reconcileCalls; }
    int busyWaits() const { return m_busyWaits; }
    int polls() const { return m_polls; }
    int pollFailuresTolerated() const { return m_pollFailuresTolerated; }
    const QList<qint64> &pollDelays() const { return m_pollDelays; }  // every wait before a poll
    const QList<qint64> &busyDelays() const { return m_busyDelays; }
    bool adoptedExistingTask() const { return m_adopted; }

Q_SIGNALS:
    void taskStarted(const QString &taskId);
    void stateChanged(anadesk::TaskState state, const QString &rawState);
    void progress(double fraction, const QString &currentStep);
    // The model is busy: the start is retried after delayMs. tooltip: what Anaplan says it is doing.
    void modelBusy(const QString &tooltip, int delayMs);
    // Something the user should know that does not stop the run (unknown task state, …).
    void warning(const QString &message);

protected:
    void doStart() override;
    void doAbort() override;

private:
    enum class Phase { Idle, Snapshot, Starting, BusyWait, Reconciling, Polling, Cancelling, Dumps, Done };

    void takeSnapshot();
    void postStart();
    void onStartFinished(Job *job);
    void waitWhileBusy(const ApiError &error);
    void reconcile(const ApiError &postError);
    void adopt(const QString &taskId);
    void schedulePoll(bool immediately = false);
    void poll();
    void onStatus(Job *job);
    void sendCancel();
    void onTerminal();
    void fetchNextDump();
    void failWithResult();
    void fail(const ApiError &error);
    void schedule(qint64 delayMs, void (TaskRunner::*step)());
    void cancelTimer();
    template <typename J, typename... Args>
    J *child(Args &&...args);
    qint64 nextPollDelay();
    ApiError withTask(ApiError error) const;

    Transport *m_transport;
    ModelRef m_model;
    QString m_actionId;
    ActionKind m_kind;
    TaskRunnerOptions m_options;
    Phase m_phase = Phase::Idle;

    QString m_taskId;
    TaskStatus m_status;
    TaskState m_lastState = TaskState::Unknown;
    bool m_stateSeen = false;
    bool m_warnedUnknown = false;
    bool m_cancelRequested = false;
    bool m_cancelSent = false;
    bool m_adopted = false;
    bool m_snapshotOk = false;
    QSet<QString> m_snapshot;

    QList<QPointer<Job>> m_children;
    Clock::TimerId m_timer = 0;
    Clock::TimerId m_deadlineTimer = 0;
    qint64 m_startedAtMs = 0;
    qint64 m_busySinceMs = -1;
    qint64 m_nextBusyDelay = 0;

    int m_startPosts = 0;
    int m_reconcileCalls = 0;
    int m_busyWaits = 0;
    int m_polls = 0;
    int m_pollWaits = 0; // waits computed by nextPollDelay() (the immediate first look not included)
    int m_consecutivePollFailures = 0;
    int m_pollFailuresTolerated = 0;
    QList<qint64> m_pollDelays;
    QList<qint64> m_busyDelays;

    QList<std::pair<QString, QString>> m_dumpQueue; // (objectId for the dump ref, objectId reported)
    QList<TaskDump> m_dumps;
};

} // namespace anadesk
