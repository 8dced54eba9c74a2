#include "TaskTracker.h"

#include "TaskMonitorModel.h"

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
    task.state = MonitoredState::Running;
    task.step = job->isStarted() ? tr("Starting…") : tr("Queued");
    const int id = m_model->add(task);
    m_jobs.insert(id, job);
    m_clients.insert(id, subject.client);
    // Jobs are children of the Connection: when it goes (disconnect, another connection) a running job is
    // deleted without a word. The row must not stay "Running" forever.
    connect(job, &QObject::destroyed, this, [this, id] {
        if (!isRunning(id))
            return;
        m_model->update(id, [](MonitoredTask &stopped) {
            stopped.state = MonitoredState::Cancelled;
            stopped.step = tr("Stopped");
            stopped.message =
                tr("Stopped because the connection was closed. A task already started on the server "
                   "may still run there; see its task history after reconnecting.");
        });
        Q_EMIT taskFinished(id);
    });
    Q_EMIT taskAdded(id);
    return id;
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
    if (!isRunning(id))
        return;
    if (TaskRunner *runner = m_runners.value(id).data(); runner && !runner->isFinished()) {
        // The task exists (or is being started) on the server: cancel it there and wait for CANCELLED.
        runner->cancel();
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
