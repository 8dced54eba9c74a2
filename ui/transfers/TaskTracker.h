#pragma once
// Follows the jobs of the session for the task monitor: each run, upload, download or export-and-save
// becomes a MonitoredTask row whose state, progress, step and result follow the job's signals. Cancel
// goes to the server for runs (TaskRunner::cancel: the task ends CANCELLED) and stops transfers locally.
// The tracker never owns the jobs (they delete themselves); it keeps a guarded pointer while they run.
//
// ALM tasks (sync, comparison report, comparison summary) are followed through the very AlmTaskRunner the ALM
// tab started: the tracker only listens to its signals, it never polls. The ALM API has no cancel, so their
// rows carry a noCancelReason and cancel() leaves them alone.
#include "BulkClient.h"
#include "Connection.h" // BulkClient keeps a QPointer<Connection>: copies need the full type
#include "MonitoredTask.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace anadesk {

class AlmTaskRunner;
class TaskMonitorModel;

class TaskTracker : public QObject
{
    Q_OBJECT
public:
    explicit TaskTracker(QObject *parent = nullptr);

    TaskMonitorModel *model() const { return m_model; }

    // What the row shows about the object; `client` is kept to fetch failure dumps and the task history.
    struct Subject
    {
        BulkClient client;
        QString objectId;   // action id, or file id for transfers
        QString objectName; // as listed in the model
        QString modelName;
        QString localPath; // transfers: the local file
    };

    // Each returns the monitor id of the new row. The job must have been created (started or not) this
    // event-loop turn, so that no signal was missed.
    int trackRun(TaskRunner *runner, const Subject &subject);
    int trackUpload(UploadFileJob *job, const Subject &subject);
    int trackDownload(DownloadFileJob *job, const Subject &subject);
    int trackExportAndSave(ExportAndDownloadJob *job, const Subject &subject);

    // Convenience: runs an action through BulkClient::runAction (failure dumps fetched on failure).
    int run(const Subject &subject);

    // What the row of an ALM task shows: the model it runs in and the revisions involved.
    struct AlmSubject
    {
        MonitoredKind kind = MonitoredKind::AlmSync; // one of the ALM kinds
        QString title;                               // as the ALM tab shows it
        QString modelId;                             // the (target) model the task runs in
        QString modelName;
        QString sourceModelName;
        QString sourceRevisionId;
        QString sourceRevisionName;
        QString targetRevisionId;
        // Comparison reports saved to a file: the operation ends only when the caller reports the write
        // with finishLocalStep() (the file written is the result the user waits for).
        QString localPath;
    };
    // Follows an ALM task (the runner created this event-loop turn); returns the monitor id of the new row.
    int trackAlm(AlmTaskRunner *runner, const AlmSubject &subject);
    // Ends an operation whose job succeeded but whose result still had a local step (the report written).
    void finishLocalStep(int id, bool succeeded, const QString &message);
    static QString almNoCancelReason();

    // Cancels a running operation (no effect on finished ones).
    void cancel(int id);
    bool isRunning(int id) const;
    // The client the operation was started with (invalid when unknown).
    BulkClient clientOf(int id) const { return m_clients.value(id); }
    Job *jobOf(int id) const { return m_jobs.value(id).data(); }

    static QString titleFor(MonitoredKind kind, const QString &objectId, const QString &objectName);

Q_SIGNALS:
    void taskAdded(int id);
    void taskFinished(int id);

private:
    int add(MonitoredKind kind, Job *job, const Subject &subject);
    int addTask(MonitoredTask task, Job *job);
    void followAlm(int id, AlmTaskRunner *runner, const AlmSubject &subject);
    void followRunner(int id, TaskRunner *runner, bool finishesOperation);
    void followTransfer(int id, TransferAdapterJob *job);
    void finishFromJob(int id, Job *job, const QString &successMessage);

    TaskMonitorModel *m_model;
    QHash<int, QPointer<Job>> m_jobs;
    QHash<int, QPointer<TaskRunner>> m_runners; // the task of runs and export-and-save operations
    QHash<int, BulkClient> m_clients;
    QSet<int> m_localSteps; // operations waiting for finishLocalStep()
};

} // namespace anadesk
