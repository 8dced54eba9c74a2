#pragma once
// What the task monitor knows about one operation of the session: a run of an import/export/action/
// process, an upload, a download, or an export run followed by the download of its file.
#include "api/BulkPaths.h"
#include "tasks/TaskRunner.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace anadesk {

enum class MonitoredKind
{
    Run,
    Upload,
    Download,
    ExportAndSave
};
enum class MonitoredState
{
    Queued,
    Running,
    Cancelling,
    Succeeded,
    Failed,
    Cancelled
};

inline bool isFinishedState(MonitoredState state)
{
    return state == MonitoredState::Succeeded || state == MonitoredState::Failed ||
           state == MonitoredState::Cancelled;
}

struct MonitoredTask
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::MonitoredTask)

public:
    int id = 0; // unique in the session, > 0
    MonitoredKind kind = MonitoredKind::Run;
    QString title;    // "Import 'Sales from Sales.csv'"
    QString objectId; // the action (112/116/117/118…) or the file (113…) it is about
    QString objectName;
    QString modelName;
    ModelRef model;
    MonitoredState state = MonitoredState::Queued;
    double progress = -1.0; // 0..1; negative while unknown
    QString step;           // the task's current step or the transfer's phase
    qint64 startedMs = 0;   // monotonic clock of the monitor
    qint64 endedMs = 0;     // 0 while running
    QString taskId;         // the Anaplan task (runs)
    QString message;        // the outcome in one sentence (error text, saved path…)
    std::optional<TaskResult> result;
    QList<TaskDump> dumps; // failure dumps fetched when the run ended
    QString localPath;     // the uploaded or saved local file

    bool isFinished() const { return isFinishedState(state); }
    bool isCancellable() const { return state == MonitoredState::Queued || state == MonitoredState::Running; }
    // Does the result (or a nested result) say a failure dump exists?
    bool hasFailureDump() const;

    static QString kindName(MonitoredKind kind);
    static QString stateName(MonitoredState state);
};

} // namespace anadesk
