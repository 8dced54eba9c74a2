#pragma once
// Runs one ALM task — a model sync, a comparison report or a summary report — and follows it:
//
//   [create] POST …/alm/{syncTasks|comparisonReportTasks|summaryReportTasks} (never re-sent blindly:
//            a lost answer fails with a hint to check the task list instead of starting a second sync)
//   [poll]   GET …/{kind}/{taskId} at once, then on the shared PollSchedule (the bulk TaskRunner's
//            cadence); transient failures tolerated up to maxConsecutivePollFailures in a row
//   [result] COMPLETE + successful → for report tasks (when fetchReport) GET the report, with the
//            TARGET revision before the SOURCE in its URL; successful=false → failed(ActionFailed)
//            with Anaplan's error title and message; task() keeps the last status
//
// There is no cancel in the ALM API: abort() stops following; the task goes on in Anaplan.
#include "AlmJobs.h"
#include "api/Job.h"
#include "net/Clock.h"
#include "tasks/PollSchedule.h"
#include "tasks/TaskRunnerOptions.h"

#include <QPointer>

namespace anadesk {

class Transport;

struct AlmTaskOptions
{
    TaskRunnerOptions run;   // waitForCompletion, polling, deadlineMs, maxConsecutivePollFailures
    bool fetchReport = true; // report tasks: download the report once the task succeeded
};

class AlmTaskRunner : public Job
{
    Q_OBJECT
public:
    // Creates a task of `kind` and follows it.
    AlmTaskRunner(Transport *transport, const QString &modelId, AlmTaskKind kind, const AlmTaskRequest &input,
                  const AlmTaskOptions &options = {}, QObject *parent = nullptr);
    // Follows a task that exists already.
    static AlmTaskRunner *attach(Transport *transport, const QString &modelId, AlmTaskKind kind,
                                 const QString &taskId, const AlmTaskOptions &options = {},
                                 QObject *parent = nullptr);
    ~AlmTaskRunner() override;

    AlmTaskKind kind() const { return m_kind; }
    const QString &taskId() const { return m_task.taskId; }
    const AlmTask &task() const { return m_task; }
    const QByteArray &comparisonReport() const { return m_report; } // ComparisonReport with fetchReport
    const std::optional<SummaryReport> &summary() const
    {
        return m_summary;
    } // SummaryReport with fetchReport

    int polls() const { return m_polls; }
    int pollFailuresTolerated() const { return m_pollFailuresTolerated; }
    const QList<qint64> &pollDelays() const { return m_pollDelays; }

Q_SIGNALS:
    void taskStarted(const QString &taskId);
    void stateChanged(anadesk::TaskState state, const QString &rawState);
    void progress(const QString &currentStep);
    void warning(const QString &message);

protected:
    void doStart() override;
    void doAbort() override;

private:
    template <typename J, typename... Args> J *child(Args &&...args);
    void create();
    void schedulePoll(bool immediately);
    void poll();
    void onStatus(GetAlmTaskJob *job);
    void onComplete();
    void fetchReport();
    void fail(const ApiError &error);
    ApiError withTask(ApiError error) const;

    Transport *m_transport;
    QString m_modelId;
    AlmTaskKind m_kind;
    AlmTaskRequest m_input;
    AlmTaskOptions m_options;
    std::optional<PollSchedule> m_schedule;

    AlmTask m_task;
    bool m_stateSeen = false;
    bool m_warnedUnknown = false;
    QByteArray m_report;
    std::optional<SummaryReport> m_summary;

    QList<QPointer<Job>> m_children;
    Clock::TimerId m_timer = 0;
    Clock::TimerId m_deadlineTimer = 0;
    int m_polls = 0;
    int m_consecutivePollFailures = 0;
    int m_pollFailuresTolerated = 0;
    QList<qint64> m_pollDelays;
};

} // namespace anadesk
