// alm sync, alm compare, alm summary (create a task, follow it, fetch the result), alm sync-tasks and
// the *-task / *-report commands that look at or fetch an existing task. --model is the TARGET model.
#include "../../CommandHelpers.h"
#include "AlmSupport.h"
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "api/BulkPaths.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

// The three ids a task is about, from the arguments or the defaults: the newest revision of the
// source model that this model can take, and this model's latest revision.
ApiError taskRequest(CommandContext &c, const AlmClient &alm, AlmTaskRequest *out)
{
    NamedObject source;
    if (ApiError e = resolveAnyModel(c, c.args.positionals.at(0), &source); e.isError())
        return e;
    out->sourceModelId = source.id;
    const QString sourceLabel = source.name.isEmpty()
                                    ? modelLabel(source.id)
                                    : modelApiTr("model '%1' (%2)").arg(source.name, source.id);
    if (c.args.isSet(u"source-revision"_s)) {
        NamedObject revision;
        if (ApiError e =
                resolveRevision(c, alm.withModel(source.id), c.args.value(u"source-revision"_s), &revision);
            e.isError())
            return e;
        out->sourceRevisionId = revision.id;
    } else {
        auto job = Session::own(alm.getSyncableRevisions(source.id));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        if (job->revisions().isEmpty()) {
            ApiError e;
            e.category = ErrorCategory::NotFound;
            e.message = modelApiTr("No revision of %1 can be applied to this model").arg(sourceLabel);
            e.object = modelLabel(alm.modelId());
            e.hint =
                modelApiTr("The model is up to date, or its latest revision is not in the source's history "
                           "(see 'alm syncable-revisions'). Name one with --source-revision.");
            return e;
        }
        out->sourceRevisionId = job->revisions().first().id; // newest first
    }
    if (c.args.isSet(u"target-revision"_s)) {
        NamedObject revision;
        if (ApiError e = resolveRevision(c, alm, c.args.value(u"target-revision"_s), &revision); e.isError())
            return e;
        out->targetRevisionId = revision.id;
    } else {
        auto job = Session::own(alm.getLatestRevision());
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        if (!job->revision())
            return usage(modelApiTr("The target model has no revision to compare or sync from"),
                         modelApiTr("Create one first (alm create-revision), or pass --target-revision."));
        out->targetRevisionId = job->revision()->id;
    }
    return {};
}

QJsonObject taskJson(const AlmTask &task, AlmTaskKind kind, const AlmTaskRequest &request)
{
    QJsonObject o = json::toJson(task, kind);
    o.insert(u"sourceModelId"_s, request.sourceModelId);
    o.insert(u"sourceRevisionId"_s, request.sourceRevisionId);
    o.insert(u"targetRevisionId"_s, request.targetRevisionId);
    return o;
}

struct SavedFile
{
    QString path;
    QByteArray data;
    QJsonObject json() const
    {
        return {{u"path"_s, path},
                {u"bytes"_s, double(data.size())},
                {u"sha256"_s, hex(QCryptographicHash::hash(data, QCryptographicHash::Sha256))}};
    }
};

QString reportFileName(AlmTaskKind kind, const QString &targetRevisionId, const QString &sourceRevisionId)
{
    return (kind == AlmTaskKind::ComparisonReport ? u"comparison-%1-%2.tsv"_s : u"summary-%1-%2.json"_s)
        .arg(targetRevisionId, sourceRevisionId);
}

QByteArray summaryBytes(const SummaryReport &report)
{
    return QJsonDocument(report.raw.isEmpty() ? json::toJson(report) : report.raw)
        .toJson(QJsonDocument::Indented);
}

QStringList summaryLines(const SummaryReport &report)
{
    QList<QStringList> rows{
        {modelApiTr("CATEGORY"), modelApiTr("CREATED"), modelApiTr("MODIFIED"), modelApiTr("DELETED")}};
    for (auto it = report.differences.cbegin(); it != report.differences.cend(); ++it)
        rows.append({it.key(), QString::number(it.value().created), QString::number(it.value().modified),
                     QString::number(it.value().deleted)});
    rows.append({modelApiTr("total"), QString::number(report.totals.created),
                 QString::number(report.totals.modified), QString::number(report.totals.deleted)});
    return Output::table(rows, {false, true, true, true}).split(u'\n', Qt::SkipEmptyParts);
}

// Creates a task of `kind`, follows it unless --no-wait, and saves/prints its result.
ApiError runTask(CommandContext &c, AlmTaskKind kind)
{
    const bool wait = !c.args.isSet(u"no-wait"_s);
    const bool force = c.args.isSet(u"force"_s);
    if (kind == AlmTaskKind::ComparisonReport && wait && !c.args.isSet(u"output"_s))
        return usage(modelApiTr("The comparison report needs -o PATH"),
                     modelApiTr("Pass -o PATH (a file or an existing directory), or --no-wait."));
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    AlmTaskRequest request;
    if (ApiError e = taskRequest(c, alm, &request); e.isError())
        return e;
    SavedFile saved;
    if (wait && c.args.isSet(u"output"_s) && kind != AlmTaskKind::Sync)
        if (ApiError e = targetPath(c.args.value(u"output"_s),
                                    reportFileName(kind, request.targetRevisionId, request.sourceRevisionId),
                                    force, &saved.path);
            e.isError())
            return e; // before anything is started: an existing file is never the reason a task ran for
                      // nothing

    AlmTaskOptions options;
    options.run = c.session.taskOptions(wait);
    AlmTaskRunner *started = nullptr;
    switch (kind) {
    case AlmTaskKind::Sync:
        started = alm.syncModels(request.sourceRevisionId, request.sourceModelId, request.targetRevisionId,
                                 options);
        break;
    case AlmTaskKind::ComparisonReport:
        started = alm.createComparisonReport(request.sourceRevisionId, request.sourceModelId,
                                             request.targetRevisionId, options);
        break;
    case AlmTaskKind::SummaryReport:
        started = alm.createComparisonSummary(request.sourceRevisionId, request.sourceModelId,
                                              request.targetRevisionId, options);
        break;
    }
    auto runner = Session::own(started);
    ApiError error = waitForAlmTask(c, runner, kind, almTaskKindNoun(kind));
    if (runner->taskId().isEmpty())
        return error; // nothing was started

    if (!error.isError() && wait && !saved.path.isEmpty()) {
        saved.data = kind == AlmTaskKind::ComparisonReport
                         ? runner->comparisonReport()
                         : summaryBytes(runner->summary().value_or(SummaryReport{}));
        error = saveFile(saved.path, saved.data, force);
    }

    Output &out = c.session.out();
    const QJsonObject task = taskJson(runner->task(), kind, request);
    if (kind == AlmTaskKind::Sync || !wait) {
        QJsonObject o = task;
        if (error.isError() && out.isJson())
            o.insert(u"error"_s, Output::errorJson(error));
        if (out.isJson())
            out.object(o, {});
        else
            out.humanLines(almTaskLines(runner->task(), kind));
        return error;
    }
    QJsonObject o{{u"task"_s, task}};
    if (!saved.path.isEmpty() && !error.isError())
        o.insert(u"report"_s, saved.json());
    if (kind == AlmTaskKind::SummaryReport && runner->summary())
        o.insert(u"summary"_s, json::toJson(*runner->summary()));
    if (out.isJson()) {
        if (error.isError())
            o.insert(u"error"_s, Output::errorJson(error));
        out.object(o, {});
        return error;
    }
    QStringList lines = almTaskLines(runner->task(), kind);
    if (kind == AlmTaskKind::SummaryReport && runner->summary())
        lines += summaryLines(*runner->summary());
    if (o.contains(u"report"_s))
        lines.append(modelApiTr("Saved to %1 (%2 bytes)").arg(saved.path).arg(saved.data.size()));
    out.humanLines(lines);
    return error;
}

ApiError sync(CommandContext &c)
{
    return runTask(c, AlmTaskKind::Sync);
}

ApiError compare(CommandContext &c)
{
    return runTask(c, AlmTaskKind::ComparisonReport);
}

ApiError summary(CommandContext &c)
{
    return runTask(c, AlmTaskKind::SummaryReport);
}

ApiError syncTasks(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    auto job = Session::own(alm.getSyncTasks());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonArray tasks;
    for (const AlmTask &t : job->tasks())
        tasks.append(json::toJson(t, AlmTaskKind::Sync));
    c.session.out().list(tasks, {{u"TASK ID"_s, u"taskId"_s},
                                 {u"STATE"_s, u"taskState"_s},
                                 {u"SUCCESSFUL"_s, u"successful"_s},
                                 {u"CREATED"_s, u"created"_s}});
    return {};
}

// One task's status; with --wait followed to its end (exit like sync/compare/summary).
ApiError showTask(CommandContext &c, AlmTaskKind kind)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(0).trimmed();
    Output &out = c.session.out();
    AlmTask task;
    ApiError error;
    if (c.args.isSet(u"wait"_s)) {
        AlmTaskOptions options;
        options.run = c.session.taskOptions(true);
        options.fetchReport = false;
        auto runner = Session::own(alm.waitForTask(kind, taskId, options));
        error = waitForAlmTask(c, runner, kind, almTaskKindNoun(kind) + u' ' + taskId);
        if (runner->task().taskId.isEmpty())
            return error;
        task = runner->task();
    } else {
        GetAlmTaskJob *started = kind == AlmTaskKind::Sync ? alm.getSyncTask(taskId)
                                 : kind == AlmTaskKind::ComparisonReport
                                     ? alm.getComparisonReportTask(taskId)
                                     : alm.getComparisonSummaryTask(taskId);
        auto job = Session::own(started);
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        task = job->task(); // a query: reading the status is the success, whatever the outcome
    }
    if (out.isJson()) {
        QJsonObject o = json::toJson(task, kind);
        if (error.isError())
            o.insert(u"error"_s, Output::errorJson(error));
        out.object(o, {});
    } else {
        out.humanLines(almTaskLines(task, kind));
    }
    return error;
}

ApiError syncTask(CommandContext &c)
{
    return showTask(c, AlmTaskKind::Sync);
}

ApiError compareTask(CommandContext &c)
{
    return showTask(c, AlmTaskKind::ComparisonReport);
}

ApiError summaryTask(CommandContext &c)
{
    return showTask(c, AlmTaskKind::SummaryReport);
}

// The result of a finished report task, fetched with the target revision first (the core's order).
ApiError fetchReport(CommandContext &c, AlmTaskKind kind)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    const QString taskId = c.args.positionals.at(0).trimmed();
    auto status = Session::own(kind == AlmTaskKind::ComparisonReport ? alm.getComparisonReportTask(taskId)
                                                                     : alm.getComparisonSummaryTask(taskId));
    if (ApiError e = c.session.wait(status); e.isError())
        return e;
    const AlmTask &task = status->task();
    ApiError notReady;
    notReady.object = almTaskKindNoun(kind) + u' ' + taskId;
    if (!task.result) {
        notReady.category = ErrorCategory::BadInput;
        notReady.message = modelApiTr("The task has not finished yet (%1)").arg(task.stateRaw);
        notReady.hint = modelApiTr("Wait for it with: %1").arg(followCommand(alm.modelId(), kind, taskId));
        return notReady;
    }
    if (!task.result->successful) {
        notReady.category = ErrorCategory::ActionFailed;
        notReady.message = modelApiTr("The task finished unsuccessfully; it has no report");
        notReady.serverMessage = task.result->errorTitle + u": "_s + task.result->errorMessage;
        return notReady;
    }
    const bool force = c.args.isSet(u"force"_s);
    SavedFile saved;
    if (c.args.isSet(u"output"_s))
        if (ApiError e =
                targetPath(c.args.value(u"output"_s),
                           reportFileName(kind, task.result->targetRevisionId, task.result->sourceRevisionId),
                           force, &saved.path);
            e.isError())
            return e;
    Output &out = c.session.out();
    QJsonObject o{{u"task"_s, json::toJson(task, kind)}};
    if (kind == AlmTaskKind::ComparisonReport) {
        auto job = Session::own(alm.getComparisonReport(task));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        saved.data = job->data();
    } else {
        auto job = Session::own(alm.getComparisonSummary(task));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        saved.data = summaryBytes(job->report());
        o.insert(u"summary"_s, json::toJson(job->report()));
        if (!out.isJson() && saved.path.isEmpty())
            out.humanLines(summaryLines(job->report()));
    }
    if (!saved.path.isEmpty()) {
        if (ApiError e = saveFile(saved.path, saved.data, force); e.isError())
            return e;
        o.insert(u"report"_s, saved.json());
        if (!out.isJson())
            out.humanLines({modelApiTr("Saved to %1 (%2 bytes)").arg(saved.path).arg(saved.data.size())});
    }
    if (out.isJson())
        out.object(o, {});
    return {};
}

ApiError compareReport(CommandContext &c)
{
    if (!c.args.isSet(u"output"_s))
        return usage(modelApiTr("The comparison report needs -o PATH"),
                     modelApiTr("Pass -o PATH (a file or an existing directory)."));
    return fetchReport(c, AlmTaskKind::ComparisonReport);
}

ApiError summaryReport(CommandContext &c)
{
    return fetchReport(c, AlmTaskKind::SummaryReport);
}

QList<OptionSpec> taskCreationOptions()
{
    return {
        {u"source-revision"_s,
         {},
         u"REVISION"_s,
         modelApiTr(
             "The source model's revision (id or name; default: the newest one this model can take).")},
        {u"target-revision"_s,
         {},
         u"REVISION"_s,
         modelApiTr("This model's revision (id or name; default: its latest revision).")},
        {u"no-wait"_s, {}, {}, modelApiTr("Print the new task once it was created, without following it.")}};
}

} // namespace

QList<Command> almTaskCommands()
{
    const QString syncGroup = modelApiTr("Sync");
    const QString reportGroup = modelApiTr("Comparison reports");
    const QString follow = modelApiTr(
        "Progress on stderr when it is a terminal. Ctrl-C stops following (the ALM API has no cancel: the "
        "task goes on in Anaplan; exit 13, with the command to follow it again). A task that finishes "
        "unsuccessfully exits 12 with Anaplan's error title and message.");

    Command doSync = commandEntry(
        u"alm sync"_s, syncGroup, u"SOURCE_MODEL [--source-revision R] [--target-revision R]"_s,
        modelApiTr("Sync this model (--model, the target) to a revision of SOURCE_MODEL."), 1, 1, sync);
    doSync.details =
        modelApiTr("SOURCE_MODEL: id, or a name among all your models. JSON: the task {id taskId kind "
                   "taskState creationTime currentStep progress successful result{successful "
                   "sourceRevisionId targetRevisionId error{title messageText}} sourceModelId "
                   "sourceRevisionId targetRevisionId}. ") +
        follow;
    doSync.options = taskCreationOptions();

    Command tasks = commandEntry(
        u"alm sync-tasks"_s, syncGroup, {},
        modelApiTr("List the model's sync tasks (running or finished within 48 hours)."), 0, 0, syncTasks);
    const OptionSpec waitOption{
        u"wait"_s, {}, {}, modelApiTr("Follow the task to its end (exit 12 if it failed).")};
    Command task = commandEntry(
        u"alm sync-task"_s, syncGroup, u"TASK_ID [--wait]"_s,
        modelApiTr("Show a sync task's state (exit 0 whatever its outcome, unless --wait)."), 1, 1, syncTask);
    task.options = {waitOption};

    const OptionSpec output =
        outputOption(modelApiTr("Save the report to PATH (a file or an existing directory)."));
    Command cmp =
        commandEntry(u"alm compare"_s, reportGroup, u"SOURCE_MODEL -o PATH [--source-revision R]"_s,
                     modelApiTr("Create a full comparison report (TSV) of a source revision against this "
                                "model's, and save it."),
                     1, 1, compare);
    cmp.details =
        modelApiTr("JSON: {task{…as alm sync…}, report{path bytes sha256}}. The report is fetched with the "
                   "target revision before the source revision, as Anaplan's URL wants. ") +
        follow;
    cmp.options = taskCreationOptions() + QList<OptionSpec>{output, forceOption()};

    Command cmpTask = commandEntry(u"alm compare-task"_s, reportGroup, u"TASK_ID [--wait]"_s,
                                   modelApiTr("Show a comparison report task's state."), 1, 1, compareTask);
    cmpTask.options = {waitOption};
    Command cmpReport = commandEntry(u"alm compare-report"_s, reportGroup, u"TASK_ID -o PATH"_s,
                                     modelApiTr("Save the report of a finished comparison report task."), 1,
                                     1, compareReport);
    cmpReport.details = modelApiTr("Reports expire 48 hours after they were made (then exit 5). JSON: {task, "
                                   "report{path bytes sha256}}.");
    cmpReport.options = {output, forceOption()};

    Command sum =
        commandEntry(u"alm summary"_s, reportGroup, u"SOURCE_MODEL [-o PATH] [--source-revision R]"_s,
                     modelApiTr("Create a comparison summary (counts of changes per category) and show it."),
                     1, 1, summary);
    sum.details =
        modelApiTr("JSON: {task, summary{targetRevisionId sourceRevisionId totals{created modified "
                   "deleted} differences{CATEGORY:{created modified deleted}}}, report{path bytes sha256} "
                   "with -o (the summaryReport as Anaplan sent it)}. ") +
        follow;
    sum.options =
        taskCreationOptions() +
        QList<OptionSpec>{outputOption(modelApiTr("Also save the summary (JSON) to PATH.")), forceOption()};
    Command sumTask = commandEntry(u"alm summary-task"_s, reportGroup, u"TASK_ID [--wait]"_s,
                                   modelApiTr("Show a comparison summary task's state."), 1, 1, summaryTask);
    sumTask.options = {waitOption};
    Command sumReport = commandEntry(
        u"alm summary-report"_s, reportGroup, u"TASK_ID [-o PATH]"_s,
        modelApiTr("Show (or save) the summary of a finished comparison summary task."), 1, 1, summaryReport);
    sumReport.options = {outputOption(modelApiTr("Save the summary (JSON) to PATH.")), forceOption()};
    return {doSync, tasks, task, cmp, cmpTask, cmpReport, sum, sumTask, sumReport};
}

} // namespace anadesk::cli
