#include "TaskTracker.h"

#include "TaskMonitorModel.h"
#include "alm/AlmTaskRunner.h"

#include <QLocale>

namespace anadesk {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString runTitle(const QString &actionId, const QString &name)
{
    const QString shown = name.isEmpty() ? actionId : name;
    switch (actionKindFromId(actionId)) {
    case ActionKind::Import:
        return TaskTracker::tr("Import '%1'").arg(shown);
    case ActionKind::Export:
        return TaskTracker::tr("Export '%1'").arg(shown);
    case ActionKind::Action:
        return TaskTracker::tr("Action '%1'").arg(shown);
    case ActionKind::Process:
        return TaskTracker::tr("Process '%1'").arg(shown);
    case ActionKind::Invalid:
        break;
    }
    return TaskTracker::tr("Run '%1'").arg(shown);
}

} // namespace

TaskTracker::TaskTracker(QObject *parent)
    : QObject(parent)
    , m_model(new TaskMonitorModel(this))
{}

QString TaskTracker::titleFor(MonitoredKind kind, const QString &objectId, const QString &objectName)
{
    const QString shown = objectName.isEmpty() ? objectId : objectName;
    switch (kind) {
    case MonitoredKind::Run:
        return runTitle(objectId, objectName);
    case MonitoredKind::Upload:
        return tr("Upload to '%1'").arg(shown);
    case MonitoredKind::Download:
        return tr("Download of '%1'").arg(shown);
    case MonitoredKind::ExportAndSave:
        return tr("Export '%1' and save").arg(shown);
    case MonitoredKind::AlmSync:
    case MonitoredKind::AlmComparisonReport:
    case MonitoredKind::AlmComparisonSummary:
        break; // titled by the ALM tab (trackAlm)
    }
    return shown;
}

int TaskTracker::add(MonitoredKind kind, Job *job, const Subject &subject)
{
    MonitoredTask task;
    task.kind = kind;
    task.title = titleFor(kind, subject.objectId, subject.objectName);
    task.objectId = subject.objectId;
    task.objectName = subject.objectName;
    task.modelName = subject.modelName;
    task.model = subject.client.model();
    task.localPath = subject.localPath;
    const int id = addTask(task, job);
    m_clients.insert(id, subject.client);
    Q_EMIT taskAdded(id);
    return id;
}

int TaskTracker::addTask(MonitoredTask task, Job *job)
{
    task.state = MonitoredState::Running;
    task.step = job->isStarted() ? tr("Starting…") : tr("Queued");
    const int id = m_model->add(task);
    m_jobs.insert(id, job);
    // Jobs are children of the Connection: when it goes (disconnect, another connection) a running job is
    // deleted without a word. The row must not stay "Running" forever.
    connect(job, &QObject::destroyed, this, [this, id] {
        if (!isRunning(id) || m_localSteps.contains(id))
            return;
        m_model->update(id, [](MonitoredTask &stopped) {
            if (isAlmKind(stopped.kind)) {
                stopped.state = MonitoredState::NotFollowed;
                stopped.step = tr("No longer followed");
                stopped.message = tr("No longer followed because the connection was closed. The task goes on "
                                     "in Anaplan; see the model's revisions after reconnecting.");
                return;
            }
            stopped.state = MonitoredState::Cancelled;
            stopped.step = tr("Stopped");
            stopped.message =
                tr("Stopped because the connection was closed. A task already started on the server "
                   "may still run there; see its task history after reconnecting.");
        });
        Q_EMIT taskFinished(id);
    });
    return id;
}

QString TaskTracker::almNoCancelReason()
{
    return tr("Anaplan's ALM API has no cancel for syncs and comparisons: the task runs to its end in "
              "Anaplan. The ALM tab's \"Stop following\" only stops watching it.");
}

int TaskTracker::trackAlm(AlmTaskRunner *runner, const AlmSubject &subject)
{
    MonitoredTask task;
    task.kind = isAlmKind(subject.kind) ? subject.kind : MonitoredKind::AlmSync;
    task.title = subject.title;
    task.modelName = subject.modelName;
    task.model = ModelRef{{}, subject.modelId};
    task.sourceModelName = subject.sourceModelName;
    task.sourceRevisionId = subject.sourceRevisionId;
    task.sourceRevisionName = subject.sourceRevisionName;
    task.targetRevisionId = subject.targetRevisionId;
    task.localPath = subject.localPath;
    task.noCancelReason = almNoCancelReason();
    const int id = addTask(task, runner);
    followAlm(id, runner, subject);
    Q_EMIT taskAdded(id);
    return id;
}

void TaskTracker::followAlm(int id, AlmTaskRunner *runner, const AlmSubject &subject)
{
    connect(runner, &AlmTaskRunner::taskStarted, this, [this, id](const QString &taskId) {
        m_model->update(id, [&](MonitoredTask &task) {
            task.taskId = taskId;
            task.step = tr("Started");
        });
    });
    // Both signals come from the runner's one poll: read what it has read.
    auto showStatus = [this, id, runner] {
        const AlmTask &status = runner->task();
        m_model->update(id, [&](MonitoredTask &task) {
            if (status.progress) // Anaplan sends 0..1; be tolerant of a percentage
                task.progress =
                    qBound(0.0, *status.progress > 1.0 ? *status.progress / 100.0 : *status.progress, 1.0);
            task.step = status.currentStep.isEmpty() ? status.stateRaw : status.currentStep;
        });
    };
    connect(runner, &AlmTaskRunner::stateChanged, this, showStatus);
    connect(runner, &AlmTaskRunner::progress, this, showStatus);
    connect(runner, &AlmTaskRunner::warning, this, [this, id](const QString &message) {
        m_model->update(id, [&](MonitoredTask &task) { task.message = message; });
    });
    connect(runner, &Job::finished, this, [this, id, runner, subject] {
        const ApiError error = runner->error();
        const AlmTask &status = runner->task();
        const bool writesReport =
            subject.kind == MonitoredKind::AlmComparisonReport && !subject.localPath.isEmpty();
        if (!error.isError() && writesReport)
            m_localSteps.insert(id);
        m_model->update(id, [&](MonitoredTask &task) {
            task.taskId = status.taskId.isEmpty() ? task.taskId : status.taskId;
            if (!error.isError()) {
                task.progress = 1.0;
                if (writesReport) { // still running: the file is the result
                    task.step = tr("Writing the report");
                    task.message = tr("Report of %n byte(s) generated; writing it to %1", nullptr,
                                      int(qMin<qsizetype>(runner->comparisonReport().size(), INT_MAX)))
                                       .arg(subject.localPath);
                    return;
                }
                task.state = MonitoredState::Succeeded;
                task.step = status.stateRaw.isEmpty() ? tr("Done") : status.stateRaw;
                if (subject.kind == MonitoredKind::AlmSync) {
                    task.message =
                        tr("Synced revision '%1' of %2 into %3")
                            .arg(subject.sourceRevisionName, subject.sourceModelName, subject.modelName);
                } else if (const std::optional<SummaryReport> &summary = runner->summary()) {
                    task.message = tr("%1 created, %2 modified, %3 deleted")
                                       .arg(summary->totals.created)
                                       .arg(summary->totals.modified)
                                       .arg(summary->totals.deleted);
                } else {
                    task.message = tr("Report generated (%n byte(s))", nullptr,
                                      int(qMin<qsizetype>(runner->comparisonReport().size(), INT_MAX)));
                }
            } else if (error.category == ErrorCategory::Cancelled && status.state != TaskState::Cancelled) {
                // Stopped following here (there is no cancel): the task itself goes on.
                task.state = MonitoredState::NotFollowed;
                task.step = tr("No longer followed");
                task.message = task.taskId.isEmpty()
                                   ? tr("No longer followed; the task may still run in Anaplan.")
                                   : tr("No longer followed; task %1 goes on in Anaplan.").arg(task.taskId);
            } else {
                task.state = error.category == ErrorCategory::Cancelled ? MonitoredState::Cancelled
                                                                        : MonitoredState::Failed;
                if (!status.stateRaw.isEmpty())
                    task.step = status.stateRaw;
                else if (task.taskId.isEmpty())
                    task.step = tr("Not started");
                task.message = error.toString();
            }
        });
        if (!m_localSteps.contains(id))
            Q_EMIT taskFinished(id);
    });
}

void TaskTracker::finishLocalStep(int id, bool succeeded, const QString &message)
{
    if (!m_localSteps.remove(id))
        return;
    m_model->update(id, [&](MonitoredTask &task) {
        task.state = succeeded ? MonitoredState::Succeeded : MonitoredState::Failed;
        task.step = succeeded ? tr("Done") : tr("Not saved");
        task.message = message;
    });
    Q_EMIT taskFinished(id);
}

int TaskTracker::trackRun(TaskRunner *runner, const Subject &subject)
{
    const int id = add(MonitoredKind::Run, runner, subject);
    m_runners.insert(id, runner);
    followRunner(id, runner, true);
    return id;
}

int TaskTracker::trackUpload(UploadFileJob *job, const Subject &subject)
{
    const int id = add(MonitoredKind::Upload, job, subject);
    followTransfer(id, job);
    connect(job, &Job::finished, this, [this, id, job] {
        finishFromJob(id, job, tr("Uploaded %1").arg(megabytes(job->transfer()->manifest().doneBytes())));
    });
    return id;
}

int TaskTracker::trackDownload(DownloadFileJob *job, const Subject &subject)
{
    const int id = add(MonitoredKind::Download, job, subject);
    followTransfer(id, job);
    connect(job, &Job::finished, this, [this, id, job] {
        const QString path = job->download()->targetPath();
        m_model->update(id, [&](MonitoredTask &task) { task.localPath = path; });
        finishFromJob(id, job, tr("Saved to %1").arg(path));
    });
    return id;
}

int TaskTracker::trackExportAndSave(ExportAndDownloadJob *job, const Subject &subject)
{
    const int id = add(MonitoredKind::ExportAndSave, job, subject);
    if (TaskRunner *runner = job->runner()) {
        m_runners.insert(id, runner);
        followRunner(id, runner, false);
    }
    connect(job, &ExportAndDownloadJob::downloadProgress, this,
            [this, id](qint64 done, qint64 total, int, int) {
                m_model->update(id, [&](MonitoredTask &task) {
                    task.progress = total > 0 ? double(done) / double(total) : -1.0;
                    task.step = total > 0 ? tr("Downloading %1 of %2").arg(megabytes(done), megabytes(total))
                                          : tr("Downloading %1").arg(megabytes(done));
                });
            });
    connect(job, &Job::finished, this,
            [this, id, job, subject] { finishFromJob(id, job, tr("Saved to %1").arg(subject.localPath)); });
    return id;
}

int TaskTracker::run(const Subject &subject)
{
    if (!subject.client.isValid())
        return 0; // the connection is gone
    TaskRunnerOptions options;
    options.fetchDumpsOnFailure = true; // the next run overwrites them: fetch while they exist
    return trackRun(subject.client.runAction(subject.objectId, options), subject);
}

void TaskTracker::followRunner(int id, TaskRunner *runner, bool finishesOperation)
{
    connect(runner, &TaskRunner::taskStarted, this, [this, id](const QString &taskId) {
        m_model->update(id, [&](MonitoredTask &task) {
            task.taskId = taskId;
            task.step = tr("Started");
        });
    });
    connect(runner, &TaskRunner::stateChanged, this, [this, id](TaskState state, const QString &raw) {
        m_model->update(id, [&](MonitoredTask &task) {
            if (state == TaskState::Cancelling)
                task.state = MonitoredState::Cancelling;
            task.step = raw;
        });
    });
    connect(runner, &TaskRunner::progress, this, [this, id](double fraction, const QString &step) {
        m_model->update(id, [&](MonitoredTask &task) {
            task.progress = fraction;
            if (!step.isEmpty())
                task.step = step;
        });
    });
    connect(runner, &TaskRunner::modelBusy, this, [this, id](const QString &tooltip, int delayMs) {
        m_model->update(id, [&](MonitoredTask &task) {
            task.step =
                tooltip.isEmpty()
                    ? tr("Model busy; trying again in %1 s").arg((delayMs + 999) / 1000)
                    : tr("Model busy (%1); trying again in %2 s").arg(tooltip).arg((delayMs + 999) / 1000);
        });
    });
    connect(runner, &TaskRunner::warning, this, [this, id](const QString &message) {
        m_model->update(id, [&](MonitoredTask &task) { task.message = message; });
    });
    connect(runner, &Job::finished, this, [this, id, runner, finishesOperation] {
        m_runners.remove(id);
        m_model->update(id, [&](MonitoredTask &task) {
            task.taskId = runner->taskId().isEmpty() ? task.taskId : runner->taskId();
            task.result = runner->taskResult();
            task.dumps = runner->dumps();
            if (!runner->status().stateRaw.isEmpty())
                task.step = runner->status().stateRaw;
        });
        if (finishesOperation)
            finishFromJob(id, runner, {});
    });
}

void TaskTracker::followTransfer(int id, TransferAdapterJob *job)
{
    connect(job, &TransferAdapterJob::progress, this,
            [this, id](qint64 done, qint64 total, int doneChunks, int totalChunks) {
                m_model->update(id, [&](MonitoredTask &task) {
                    task.progress = total > 0 ? double(done) / double(total) : -1.0;
                    task.step = tr("%1 of %2 (chunk %3 of %4)")
                                    .arg(megabytes(done), megabytes(total))
                                    .arg(doneChunks)
                                    .arg(totalChunks);
                });
            });
    connect(job, &TransferAdapterJob::phaseChanged, this, [this, id](const QString &phase) {
        m_model->update(id, [&](MonitoredTask &task) {
            if (task.progress < 0)
                task.step = phase;
        });
    });
}

void TaskTracker::finishFromJob(int id, Job *job, const QString &successMessage)
{
    const ApiError error = job->error();
    m_model->update(id, [&](MonitoredTask &task) {
        if (!error.isError()) {
            task.state = MonitoredState::Succeeded;
            task.progress = 1.0;
            task.message = successMessage;
            if (task.kind != MonitoredKind::Run) // runs keep Anaplan's final state (COMPLETE)
                task.step = tr("Done");
        } else if (error.category == ErrorCategory::Cancelled) {
            task.state = MonitoredState::Cancelled;
            if (task.step.isEmpty() || task.kind != MonitoredKind::Run)
                task.step = tr("Cancelled");
            task.message = error.message;
        } else {
            task.state = MonitoredState::Failed;
            task.message = error.toString();
        }
    });
    Q_EMIT taskFinished(id);
}

void TaskTracker::cancel(int id)
{
    const MonitoredTask *current = m_model->task(id);
    if (!current || !current->isCancellable())
        return; // finished, or nothing on the server can cancel it (ALM)
    if (TaskRunner *runner = m_runners.value(id).data(); runner && !runner->isFinished()) {
        // The task exists (or is being started) on the server: cancel it there and wait for CANCELLED.
        runner->cancel();
        if (!isRunning(id))
            return; // ended at once (cancelled before the task started): the row says so already
        m_model->update(id, [](MonitoredTask &task) {
            task.state = MonitoredState::Cancelling;
            task.step = tr("Cancelling…");
        });
        return;
    }
    if (Job *job = m_jobs.value(id).data(); job && !job->isFinished())
        job->abort(); // emits failed(Cancelled) → finishFromJob
}

bool TaskTracker::isRunning(int id) const
{
    const MonitoredTask *task = m_model->task(id);
    return task && !task->isFinished();
}

} // namespace anadesk
