#include "AlmTaskRunner.h"

#include "net/Transport.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAlm, "anadesk.alm")

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
// A failed POST that may nevertheless have created the task on the server.
bool mayHaveReachedServer(ErrorCategory category)
{
    return category == ErrorCategory::Network || category == ErrorCategory::Timeout ||
           category == ErrorCategory::Server || category == ErrorCategory::Protocol;
}
} // namespace

AlmTaskRunner::AlmTaskRunner(Transport *transport, const QString &modelId, AlmTaskKind kind,
                             const AlmTaskRequest &input, const AlmTaskOptions &options, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_modelId(modelId)
    , m_kind(kind)
    , m_input(input)
    , m_options(options)
{
    setDescription(kind == AlmTaskKind::Sync               ? tr("Sync model")
                   : kind == AlmTaskKind::ComparisonReport ? tr("Create comparison report")
                                                           : tr("Create comparison summary"));
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

AlmTaskRunner *AlmTaskRunner::attach(Transport *transport, const QString &modelId, AlmTaskKind kind,
                                     const QString &taskId, const AlmTaskOptions &options, QObject *parent)
{
    auto *runner = new AlmTaskRunner(transport, modelId, kind, {}, options, parent);
    runner->m_task.taskId = taskId;
    runner->setDescription(tr("Wait for %1 %2").arg(almTaskKindNoun(kind), taskId));
    if (taskId.isEmpty())
        runner->failOnStart(badInput(tr("No task id given"), almTaskKindNoun(kind)));
    return runner;
}

AlmTaskRunner::~AlmTaskRunner()
{
    doAbort();
}

template <typename J, typename... Args> J *AlmTaskRunner::child(Args &&...args)
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

void AlmTaskRunner::doStart()
{
    m_schedule.emplace(m_options.run, m_transport->options().statusPollDelayMs);
    if (m_options.run.deadlineMs > 0) {
        m_deadlineTimer = m_transport->clock().singleShot(m_options.run.deadlineMs, this, [this] {
            m_deadlineTimer = 0;
            ApiError error;
            error.category = ErrorCategory::Timeout;
            error.message = tr("The %1 did not finish within %2 s")
                                .arg(almTaskKindNoun(m_kind),
                                     QString::number(double(m_options.run.deadlineMs) / 1000.0, 'g', 6));
            error.hint = tr("It keeps running in Anaplan: wait for it again with its task id.");
            fail(withTask(error));
        });
    }
    if (!m_task.taskId.isEmpty()) { // attached
        schedulePoll(true);
        return;
    }
    create();
}

void AlmTaskRunner::doAbort()
{
    if (m_transport) {
        if (m_timer != 0)
            m_transport->clock().cancel(m_timer);
        if (m_deadlineTimer != 0)
            m_transport->clock().cancel(m_deadlineTimer);
    }
    m_timer = 0;
    m_deadlineTimer = 0;
    const QList<QPointer<Job>> children = std::exchange(m_children, {});
    for (const QPointer<Job> &job : children) {
        if (job) {
            disconnect(job.data(), nullptr, this, nullptr);
            job->abort();
            job->deleteLater();
        }
    }
}

void AlmTaskRunner::fail(const ApiError &error)
{
    if (isFinished())
        return;
    doAbort();
    finishFailure(error);
}

ApiError AlmTaskRunner::withTask(ApiError error) const
{
    if (error.object.isEmpty() || !m_task.taskId.isEmpty())
        error.object = m_task.taskId.isEmpty() ? almTaskKindNoun(m_kind)
                                               : almTaskKindNoun(m_kind) + u' ' + m_task.taskId;
    return error;
}

void AlmTaskRunner::create()
{
    auto *job = child<CreateAlmTaskJob>(m_modelId, m_kind, m_input);
    connect(job, &Job::finished, this, [this, job] {
        if (!job->isSucceeded()) {
            ApiError error = job->error();
            if (mayHaveReachedServer(error.category))
                error.hint =
                    m_kind == AlmTaskKind::Sync
                        ? tr("The request may have reached Anaplan: check the model's sync tasks before "
                             "starting the sync again.")
                        : tr("The request may have reached Anaplan; creating the report again is harmless.");
            fail(error);
            return;
        }
        m_task = job->task();
        setDescription(tr("%1 (%2 %3)").arg(description(), almTaskKindNoun(m_kind), m_task.taskId));
        Q_EMIT taskStarted(m_task.taskId);
        if (isFinished())
            return;
        schedulePoll(true); // look at once, as the reference client does
    });
    job->start();
}

void AlmTaskRunner::schedulePoll(bool immediately)
{
    const qint64 delay = immediately ? 0 : m_schedule->next();
    m_pollDelays.append(delay);
    m_timer = m_transport->clock().singleShot(delay, this, [this] {
        m_timer = 0;
        poll();
    });
}

void AlmTaskRunner::poll()
{
    ++m_polls;
    auto *job = child<GetAlmTaskJob>(m_modelId, m_kind, m_task.taskId);
    connect(job, &Job::finished, this, [this, job] { onStatus(job); });
    job->start();
}

void AlmTaskRunner::onStatus(GetAlmTaskJob *job)
{
    if (!job->isSucceeded()) {
        const ApiError error = job->error();
        if (!isTransientPollFailure(error.category)) {
            fail(withTask(error));
            return;
        }
        ++m_consecutivePollFailures;
        if (m_consecutivePollFailures > qMax(0, m_options.run.maxConsecutivePollFailures)) {
            ApiError lost = withTask(error);
            lost.message = tr("The task's status could not be read %n time(s) in a row", nullptr,
                              m_consecutivePollFailures);
            lost.hint = tr("It may still be running in Anaplan: wait for it again later with its task id.");
            fail(lost);
            return;
        }
        ++m_pollFailuresTolerated;
        qCWarning(lcAlm) << "status of" << m_task.taskId << "not readable, polling on:" << error.toString();
        schedulePoll(false);
        return;
    }
    m_consecutivePollFailures = 0;
    const QString previousRaw = m_task.stateRaw;
    const QString taskId = m_task.taskId;
    m_task = job->task();
    if (m_task.taskId.isEmpty())
        m_task.taskId = taskId;
    if (!m_stateSeen || m_task.stateRaw != previousRaw) {
        m_stateSeen = true;
        Q_EMIT stateChanged(m_task.state, m_task.stateRaw);
        if (isFinished())
            return;
    }
    Q_EMIT progress(m_task.currentStep);
    if (isFinished())
        return;
    if (m_task.state == TaskState::Complete) {
        onComplete();
        return;
    }
    if (m_task.state == TaskState::Cancelled) { // not documented for ALM; treated as the end
        ApiError error;
        error.category = ErrorCategory::Cancelled;
        error.message = tr("The task was cancelled in Anaplan");
        fail(withTask(error));
        return;
    }
    if (m_task.state == TaskState::Unknown && !m_warnedUnknown) {
        m_warnedUnknown = true;
        const QString message =
            tr("Task %1 reports an unknown state '%2'; waiting as if it were still running")
                .arg(m_task.taskId, m_task.stateRaw);
        qCWarning(lcAlm).noquote() << message;
        Q_EMIT warning(message);
        if (isFinished())
            return;
    }
    if (!m_options.run.waitForCompletion) {
        doAbort();
        finishSuccess(); // the state right after the start
        return;
    }
    schedulePoll(false);
}

void AlmTaskRunner::onComplete()
{
    if (!m_task.result) {
        fail(protocolError(tr("The %1 completed without a result").arg(almTaskKindNoun(m_kind)),
                           almTaskKindNoun(m_kind) + u' ' + m_task.taskId));
        return;
    }
    const AlmTaskResult &result = *m_task.result;
    if (!result.successful) {
        ApiError error;
        error.category = ErrorCategory::ActionFailed;
        error.message = tr("The %1 finished unsuccessfully").arg(almTaskKindNoun(m_kind));
        QStringList parts;
        if (!result.errorTitle.isEmpty())
            parts.append(result.errorTitle);
        if (!result.errorMessage.isEmpty())
            parts.append(result.errorMessage);
        error.serverMessage = parts.join(u": "_s);
        error.hint = m_kind == AlmTaskKind::Sync
                         ? tr("Check that the source revision is syncable to this model (list the syncable "
                              "revisions) and that the model is not locked.")
                         : tr("Check the revision ids: the target revision must belong to this model.");
        fail(withTask(error));
        return;
    }
    if (m_kind == AlmTaskKind::Sync || !m_options.fetchReport) {
        doAbort();
        finishSuccess();
        return;
    }
    fetchReport();
}

void AlmTaskRunner::fetchReport()
{
    const AlmTaskResult &result = *m_task.result;
    const QString target =
        result.targetRevisionId.isEmpty() ? m_input.targetRevisionId : result.targetRevisionId;
    const QString source =
        result.sourceRevisionId.isEmpty() ? m_input.sourceRevisionId : result.sourceRevisionId;
    if (m_kind == AlmTaskKind::ComparisonReport) {
        auto *job = child<GetComparisonReportJob>(m_modelId, target, source);
        connect(job, &Job::finished, this, [this, job] {
            if (!job->isSucceeded()) {
                fail(job->error());
                return;
            }
            m_report = job->data();
            doAbort();
            finishSuccess();
        });
        job->start();
        return;
    }
    auto *job = child<GetSummaryReportJob>(m_modelId, target, source);
    connect(job, &Job::finished, this, [this, job] {
        if (!job->isSucceeded()) {
            fail(job->error());
            return;
        }
        m_summary = job->report();
        doAbort();
        finishSuccess();
    });
    job->start();
}

} // namespace anadesk
