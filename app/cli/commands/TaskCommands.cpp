// Task commands: run, tasks, task, cancel, dump, optimizer-log.
#include "../BulkApi.h"
#include "../Command.h"
#include "../CommandHelpers.h"
#include "../JsonViews.h"
#include "../ProgressReporting.h"
#include "../Session.h"
#include "../TaskReport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <cmath>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::TaskCommands", text);
}

ApiError resolveAction(CommandContext &c, ObjectKind kind, const QString &idOrName, ActionRef *out)
{
    NamedObject object;
    if (ApiError e = c.session.resolve(kind, idOrName, &object); e.isError())
        return e;
    *out = {object.id, object.name};
    return {};
}

// Prints the task (JSON or human) and returns the command's error.
ApiError reportTask(CommandContext &c, const TaskStatus &status, const ActionRef &action, ApiError error)
{
    error = withDumpHint(error, status, action, c.session.modelId());
    Output &out = c.session.out();
    if (out.isJson()) {
        out.object(taskReportJson(status, action, error), {});
    } else {
        out.humanLines(taskReportLines(status, action));
    }
    return error;
}

ApiError run(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Runnable, c.args.positionals.at(0), &action); e.isError())
        return e;
    const bool wait = !c.args.isSet(QStringLiteral("no-wait"));
    TaskRunnerOptions options = c.session.taskOptions(wait);
    if (c.args.isSet(QStringLiteral("max-wait"))) {
        bool ok = false;
        const double seconds = c.args.value(QStringLiteral("max-wait")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 1 || seconds > 7 * 24 * 3600)
            return usage(tr("--max-wait '%1' must be a number of seconds from 1 to 604800")
                             .arg(c.args.value(QStringLiteral("max-wait"))));
        options.deadlineMs = qint64(seconds * 1000.0);
    }

    ProgressLine line(c.session.out());
    auto runner = Session::own(c.session.client().runAction(action.id, options));
    reportTaskProgress(runner.get(), line, c.session.out(), action.label());
    Output &out = c.session.out();
    c.session.setInterruptHandler([&runner, &out, &line, &action] {
        line.finish();
        out.info(tr("Cancelling the task of %1 on the server; press Ctrl-C again to stop waiting "
                    "(the task then keeps running).")
                     .arg(action.label()));
        runner->cancel();
    });
    const ApiError error = c.session.wait(runner);
    c.session.clearInterruptHandler();
    line.finish();

    if (runner->taskId().isEmpty())
        return error; // nothing was started: just the error

    if (!wait) {
        if (error.isError())
            return error;
        const TaskStatus &s = runner->status();
        out.scalar(runner->taskId(), taskReportJson(s, action));
        return {};
    }
    return reportTask(c, runner->status(), action, error);
}

ApiError tasks(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Runnable, c.args.positionals.at(0), &action); e.isError())
        return e;
    auto job = Session::own(c.session.client().getTaskSummaries(action.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::toJsonArray(job->tasks()), {{tr("TASK ID"), QStringLiteral("taskId")},
                                                           {tr("STATE"), QStringLiteral("taskState")},
                                                           {tr("CREATED"), QStringLiteral("created")}});
    return {};
}

ApiError task(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Runnable, c.args.positionals.at(0), &action); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(1);
    if (c.args.isSet(QStringLiteral("wait"))) {
        ProgressLine line(c.session.out());
        auto runner =
            Session::own(c.session.client().waitForTask(action.id, taskId, c.session.taskOptions(true)));
        reportTaskProgress(runner.get(), line, c.session.out(), action.label());
        const ApiError error = c.session.wait(runner);
        line.finish();
        if (runner->status().id.isEmpty())
            return error;
        return reportTask(c, runner->status(), action, error);
    }
    auto job = Session::own(c.session.client().getTaskStatus(action.id, taskId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    // A query: reading the status is the success, whatever the task's outcome (use --wait for that).
    return reportTask(c, job->status(), action, {});
}

ApiError cancel(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Runnable, c.args.positionals.at(0), &action); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(1);
    auto job = Session::own(c.session.client().cancelTask(action.id, taskId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    if (c.args.isSet(QStringLiteral("no-wait"))) {
        TaskStatus status = job->status();
        if (status.id.isEmpty())
            status.id = taskId;
        if (status.stateRaw.isEmpty())
            status.stateRaw = taskStateName(TaskState::Cancelling);
        return reportTask(c, status, action, {});
    }
    // Follow the task until the server says it is over.
    ProgressLine line(c.session.out());
    auto runner =
        Session::own(c.session.client().waitForTask(action.id, taskId, c.session.taskOptions(true)));
    reportTaskProgress(runner.get(), line, c.session.out(), action.label());
    ApiError error = c.session.wait(runner);
    line.finish();
    if (runner->status().id.isEmpty())
        return error;
    if (runner->status().state == TaskState::Cancelled)
        error = {}; // what was asked for
    else if (runner->status().state == TaskState::Complete && !error.isError())
        c.session.out().warning(tr("Task %1 completed before it could be cancelled.").arg(taskId));
    return reportTask(c, runner->status(), action, error);
}

// The one nested object of a process whose dump to fetch: --object, or the only one with a dump.
ApiError processDumpObject(CommandContext &c, const ActionRef &process, const QString &taskId,
                           QString *objectId)
{
    if (c.args.isSet(QStringLiteral("object"))) {
        *objectId = c.args.value(QStringLiteral("object"));
        return {};
    }
    auto job = Session::own(c.session.client().getTaskStatus(process.id, taskId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QStringList withDump;
    if (job->status().result)
        for (const TaskResult &nested : job->status().result->nestedResults)
            if (nested.failureDumpAvailable)
                withDump.append(nested.objectId);
    if (withDump.size() == 1) {
        *objectId = withDump.first();
        return {};
    }
    ApiError e;
    e.object = taskLabel(process.id, taskId);
    if (withDump.isEmpty()) {
        e.category = ErrorCategory::NotFound;
        e.message = tr("No action of this process run has a failure dump");
        e.hint = tr("Check the task with 'anadesk-cli task %1 %2'.").arg(process.id, taskId);
    } else {
        e.category = ErrorCategory::BadInput;
        e.message = tr("Several actions of this process run have failure dumps: %1")
                        .arg(withDump.join(QStringLiteral(", ")));
        e.hint = tr("Choose one with --object ID.");
    }
    return e;
}

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hex(hash.result());
}

ApiError dump(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Runnable, c.args.positionals.at(0), &action); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(1);
    const ActionKind kind = actionKindFromId(action.id);
    if (kind != ActionKind::Import && kind != ActionKind::Process)
        return usage(tr("Only imports and processes have failure dumps; %1 is neither").arg(action.label()));

    QString objectId;
    if (kind == ActionKind::Process)
        if (ApiError e = processDumpObject(c, action, taskId, &objectId); e.isError())
            return e;

    QString path;
    const QString suggested =
        QStringLiteral("%1-%2-failures.csv").arg(objectId.isEmpty() ? action.id : objectId, taskId);
    if (ApiError e = targetPath(c.args.value(QStringLiteral("output")), suggested,
                                c.args.isSet(QStringLiteral("force")), &path);
        e.isError())
        return e;

    QSaveFile file(path); // written under a temporary name, renamed only when complete
    if (!file.open(QIODevice::WriteOnly))
        return localIo(tr("Cannot create the file"), QDir::toNativeSeparators(path), file.errorString());
    BulkClient client = c.session.client();
    auto job =
        Session::own(kind == ActionKind::Import ? client.getImportDump(action.id, taskId, &file)
                                                : client.getProcessDump(action.id, taskId, objectId, &file));
    ProgressLine line(c.session.out());
    if (line.isEnabled())
        QObject::connect(job.get(), &DumpDownloadJob::progress, job.get(), [&line](int done, int count) {
            line.update(tr("Saving the failure dump: chunk %1 of %2").arg(done).arg(count));
        });
    ApiError error = c.session.wait(job);
    line.finish();
    if (error.isError()) {
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return localIo(tr("Cannot write the file"), QDir::toNativeSeparators(path), file.errorString());

    QJsonObject result{{QStringLiteral("actionId"), action.id},
                       {QStringLiteral("taskId"), taskId},
                       {QStringLiteral("path"), QDir::toNativeSeparators(path)},
                       {QStringLiteral("bytes"), double(job->bytesReceived())},
                       {QStringLiteral("sha256"), fileSha256(path)}};
    if (!objectId.isEmpty())
        result.insert(QStringLiteral("objectId"), objectId);
    c.session.out().scalar(
        tr("Saved the failure dump (%1) to %2")
            .arg(ProgressLine::bytes(job->bytesReceived()), QDir::toNativeSeparators(path)),
        result);
    return {};
}

ApiError optimizerLog(CommandContext &c)
{
    ActionRef action;
    if (ApiError e = resolveAction(c, ObjectKind::Action, c.args.positionals.at(0), &action); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(1);
    QString path;
    if (ApiError e = targetPath(c.args.value(QStringLiteral("output")),
                                QStringLiteral("%1-%2-solution.log").arg(action.id, taskId),
                                c.args.isSet(QStringLiteral("force")), &path);
        e.isError())
        return e;
    auto job = Session::own(c.session.client().getOptimizerLog(action.id, taskId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    if (ApiError e = saveFile(path, job->log(), c.args.isSet(QStringLiteral("force"))); e.isError())
        return e;
    const QJsonObject result{
        {QStringLiteral("actionId"), action.id},
        {QStringLiteral("taskId"), taskId},
        {QStringLiteral("path"), QDir::toNativeSeparators(path)},
        {QStringLiteral("bytes"), double(job->log().size())},
        {QStringLiteral("sha256"), hex(QCryptographicHash::hash(job->log(), QCryptographicHash::Sha256))}};
    c.session.out().scalar(tr("Saved the optimizer log (%1) to %2")
                               .arg(ProgressLine::bytes(job->log().size()), QDir::toNativeSeparators(path)),
                           result);
    return {};
}

Command make(const char *name, const char *usageText, const char *summary, int minArgs, int maxArgs,
             ApiError (*runFunction)(CommandContext &))
{
    return commandEntry(QLatin1String(name), tr("Tasks"), QLatin1String(usageText), tr(summary), minArgs,
                        maxArgs, runFunction);
}

} // namespace

QList<Command> taskCommands()
{
    const QString byIdOrName =
        tr("ACTION may be the id or the name of an import, export, process or other action "
           "of the model.");

    Command runCommand =
        make("run", "ACTION [--no-wait] [--max-wait SECONDS]",
             "Run an import, export, process or other action and wait for its task.", 1, 1, run);
    runCommand.details =
        byIdOrName + QStringLiteral("\n\n") +
        tr("Waits until the task is COMPLETE or CANCELLED, polling every --poll-delay seconds. Exits 0 only "
           "when "
           "the task completed successfully; an import that completed with failures exits 12 "
           "(action-failed). "
           "Ctrl-C cancels the task on the server (a second Ctrl-C stops waiting at once).\n"
           "With --no-wait it prints the new task's id and exits once the task was started.");
    runCommand.options = {
        {QStringLiteral("no-wait"), {}, {}, tr("Print the new task's id and return once it was started.")},
        {QStringLiteral("max-wait"),
         {},
         QStringLiteral("SECONDS"),
         tr("Stop waiting after this long (exit 9, timeout); the task keeps running.")}};

    Command tasksCommand = make("tasks", "ACTION", "List the tasks of an action (history).", 1, 1, tasks);
    tasksCommand.details = byIdOrName;

    Command taskCommand =
        make("task", "ACTION TASK_ID [--wait]", "Show one task's state and result.", 2, 2, task);
    taskCommand.details =
        byIdOrName + QStringLiteral("\n\n") +
        tr("Exits 0 when the status could be read, whatever the task's outcome; with --wait it "
           "follows the task to its end and exits like 'run'.");
    taskCommand.options = {{QStringLiteral("wait"), {}, {}, tr("Wait until the task has ended.")}};

    Command cancelCommand =
        make("cancel", "ACTION TASK_ID [--no-wait]", "Cancel a running task on the server.", 2, 2, cancel);
    cancelCommand.details =
        byIdOrName + QStringLiteral("\n\n") +
        tr("Waits until the server reports the task CANCELLED (or COMPLETE, when it finished "
           "first) and prints its state.");
    cancelCommand.options = {
        {QStringLiteral("no-wait"), {}, {}, tr("Return once the server accepted the cancellation.")}};

    Command dumpCommand =
        make("dump", "ACTION TASK_ID -o PATH [--object ID] [--force]",
             "Save the failure dump (rejected rows) of an import or process task.", 2, 2, dump);
    dumpCommand.details = tr(
        "ACTION is an import or a process (id or name). For a process, the dump of its one failed import is "
        "saved; when several failed, choose with --object. Dumps are overwritten by the next run and expire "
        "48 hours after last access. PATH may be an existing directory.");
    dumpCommand.options = {outputOption(tr("Where to save the CSV (a file, or an existing directory).")),
                           {QStringLiteral("object"),
                            {},
                            QStringLiteral("ID"),
                            tr("For a process: the import whose dump to save.")},
                           forceOption()};

    Command logCommand = make("optimizer-log", "ACTION TASK_ID -o PATH [--force]",
                              "Save the solver log of an optimizer action's task.", 2, 2, optimizerLog);
    logCommand.details = tr("ACTION is an optimizer action (id or name).");
    logCommand.options = {outputOption(tr("Where to save the log (a file, or an existing directory).")),
                          forceOption()};

    return {runCommand, tasksCommand, taskCommand, cancelCommand, dumpCommand, logCommand};
}

} // namespace anadesk::cli
