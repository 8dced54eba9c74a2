#pragma once
// What the task monitor knows about one operation of the session: a run of an import/export/action/
// process, an upload, a download, an export run followed by the download of its file, or an ALM task (a
// model sync, a comparison report, a comparison summary) started from the ALM tab.
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
    ExportAndSave,
    AlmSync,
    AlmComparisonReport,
    AlmComparisonSummary
};
inline bool isAlmKind(MonitoredKind kind)
{
    return kind == MonitoredKind::AlmSync || kind == MonitoredKind::AlmComparisonReport ||
           kind == MonitoredKind::AlmComparisonSummary;
}
enum class MonitoredState
{
    Queued,
    Running,
    Cancelling,
    Succeeded,
    Failed,
    Cancelled,
    // The app stopped following a task it cannot cancel (ALM): the task goes on on the server.
    NotFollowed
};

inline bool isFinishedState(MonitoredState state)
{
    return state == MonitoredState::Succeeded || state == MonitoredState::Failed ||
           state == MonitoredState::Cancelled || state == MonitoredState::NotFollowed;
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
    QString localPath;     // the uploaded or saved local file (ALM reports: where the report is written)
    // ALM tasks: the revision applied or compared (of sourceModelName) and the target model's revision.
    QString sourceModelName;
    QString sourceRevisionId;
    QString sourceRevisionName;
    QString targetRevisionId;
    // Why Cancel cannot work for this operation ("" when it can): the API has no cancel for it.
    QString noCancelReason;

    bool isFinished() const { return isFinishedState(state); }
    bool isCancellable() const
    {
        return noCancelReason.isEmpty() &&
               (state == MonitoredState::Queued || state == MonitoredState::Running);
    }
    // Does the result (or a nested result) say a failure dump exists?
    bool hasFailureDump() const;

    static QString kindName(MonitoredKind kind);
    static QString stateName(MonitoredState state);
};

} // namespace anadesk
