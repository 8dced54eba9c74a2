// cw runs: run an integration (optionally following it to its end), cancel it, its run history, one
// run's status and error details, and the rejected rows of an import or process run saved to a file.
#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "CloudWorksCli.h"
#include "CloudWorksGroup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorksRuns", text);
}

QString section()
{
    return tr("CloudWorks runs");
}

ApiError run(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    qint64 maxWait = 0;
    if (ApiError e = cloud::maxWaitOption(c, &maxWait); e.isError())
        return e;
    if (maxWait > 0 && !c.args.isSet(u"wait"_s))
        return usage(tr("--max-wait needs --wait"));
    const QString what = label(tr("integration"), integration);
    auto job = Session::own(client(c).runIntegration(integration.id));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint =
                tr("A run of this integration (or of a flow that contains it) is still going; wait for it, "
                   "or cancel it with 'anadesk-cli cw cancel %1'.")
                    .arg(integration.id);
        return e;
    }
    const QString runId = job->runId();
    const QJsonObject extra{{u"integrationId"_s, integration.id}, {u"integrationName"_s, integration.name}};
    if (!c.args.isSet(u"wait"_s)) {
        QJsonObject started = extra;
        started.insert(u"id"_s, runId);
        started.insert(u"runId"_s, runId);
        c.session.out().scalar(runId, started);
        return {};
    }
    std::unique_ptr<cloudworks::CancelIntegrationRunJob> cancel;
    RunFollow follow{runId, what, maxWait, [&c, &cancel, &integration] {
                         cancel = Session::own(client(c).cancelIntegrationRun(integration.id));
                     }};
    cloudworks::RunStatus status;
    bool cancelled = false;
    const ApiError waitError = followRun(c, follow, &status, &cancelled);
    if (status.id.isEmpty())
        return waitError;
    const ApiError error = waitError.isError() ? waitError : runOutcomeError(status, what, cancelled);
    return reportRun(c, status, extra, what, error);
}

ApiError cancelRun(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    auto job = Session::own(client(c).cancelIntegrationRun(integration.id));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint =
                tr("No run of this integration is going (see 'anadesk-cli cw runs %1').").arg(integration.id);
        return e;
    }
    c.session.out().scalar(
        tr("Asked CloudWorks to cancel the run of %1").arg(label(tr("integration"), integration)),
        {{u"integrationId"_s, integration.id},
         {u"integrationName"_s, integration.name},
         {u"cancelRequested"_s, true}});
    return {};
}

ApiError history(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    auto job = Session::own(client(c).getRunHistory(integration.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->runs()), {{tr("RUN ID"), u"id"_s},
                                                         {tr("STARTED"), u"startDate"_s},
                                                         {tr("ENDED"), u"endDate"_s},
                                                         {tr("OUTCOME"), u"outcome"_s},
                                                         {tr("CODE"), u"executionErrorCode"_s, true},
                                                         {tr("TRIGGER"), u"triggerSource"_s},
                                                         {tr("MESSAGE"), u"message"_s}});
    return {};
}

ApiError runStatus(CommandContext &c)
{
    const QString runId = c.args.positionals.at(0).trimmed();
    qint64 maxWait = 0;
    if (ApiError e = cloud::maxWaitOption(c, &maxWait); e.isError())
        return e;
    if (c.args.isSet(u"wait"_s)) {
        // Ctrl-C here only stops watching (a run this command did not start is not cancelled).
        RunFollow follow{runId, tr("run %1").arg(runId), maxWait, {}};
        cloudworks::RunStatus status;
        bool cancelled = false;
        const ApiError waitError = followRun(c, follow, &status, &cancelled);
        if (status.id.isEmpty())
            return waitError;
        const QString what = tr("integration %1").arg(status.integrationId);
        return reportRun(c, status, {}, what,
                         waitError.isError() ? waitError : runOutcomeError(status, what, false));
    }
    auto job = Session::own(client(c).getRunStatus(runId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    // A query: reading the status is the success, whatever the run's outcome (use --wait for that).
    return reportRun(c, job->status(), {}, tr("integration %1").arg(job->status().integrationId), {});
}

ApiError runError(CommandContext &c)
{
    const QString runId = c.args.positionals.at(0).trimmed();
    auto job = Session::own(client(c).getRunError(runId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    Output &out = c.session.out();
    if (!job->hasError()) {
        out.scalar(
            tr("Run %1 has no errors (it succeeded, was cancelled or is still running).").arg(runId),
            {{u"runId"_s, runId}, {u"taskId"_s, QJsonValue::Null}, {u"errorMessages"_s, QJsonArray()}});
        return {};
    }
    const cloudworks::RunError &error = *job->runError();
    QJsonObject o = cloudjson::toJson(error);
    if (o.value(u"runId"_s).toString().isEmpty())
        o.insert(u"runId"_s, runId);
    if (out.isJson()) {
        out.object(o, {});
        return {};
    }
    QStringList lines{
        tr("Errors of run %1%2")
            .arg(runId, error.taskId.isEmpty() ? QString() : tr(" (task %1)").arg(error.taskId))};
    for (const cloudworks::ActionError &a : error.errorMessages) {
        lines.append(u"  "_s + tr("Action %1 '%2'%3")
                                   .arg(a.actionId, a.actionName,
                                        a.failureDumpGenerated
                                            ? tr(": rejected rows saved (anadesk-cli cw dump %1 "
                                                 "-o PATH)")
                                                  .arg(runId)
                                            : QString()));
        for (const cloudworks::RunErrorMessage &m : a.messages)
            lines.append(u"    "_s + m.localMessageText);
    }
    out.humanLines(lines);
    return {};
}

// Whether the run belongs to a process integration (then its dumps are per import inside the process).
ApiError isProcessRun(CommandContext &c, const QString &runId, bool *process)
{
    auto status = Session::own(client(c).getRunStatus(runId));
    if (ApiError e = c.session.wait(status); e.isError())
        return e;
    auto integration = Session::own(client(c).getIntegration(status->status().integrationId));
    if (ApiError e = c.session.wait(integration); e.isError())
        return e;
    *process = !integration->integration().processId.isEmpty();
    return {};
}

// The one import of a process run with a dump, from the run's error details.
ApiError processDumpAction(CommandContext &c, const QString &runId, QString *actionId)
{
    auto job = Session::own(client(c).getRunError(runId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QStringList withDump;
    if (job->hasError())
        for (const cloudworks::ActionError &a : job->runError()->errorMessages)
            if (a.failureDumpGenerated)
                withDump.append(a.actionId);
    if (withDump.size() == 1) {
        *actionId = withDump.first();
        return {};
    }
    ApiError e;
    e.object = tr("run %1").arg(runId);
    if (withDump.isEmpty()) {
        e.category = ErrorCategory::NotFound;
        e.message = tr("No import of this process run rejected rows, so there is no dump");
        e.hint = tr("See the run's errors with 'anadesk-cli cw run-error %1'.").arg(runId);
    } else {
        e.category = ErrorCategory::BadInput;
        e.message = tr("Several imports of this process run have dumps: %1").arg(withDump.join(u", "_s));
        e.hint = tr("Choose one with --action ID.");
    }
    return e;
}

ApiError dump(CommandContext &c)
{
    const QString runId = c.args.positionals.at(0).trimmed();
    QString actionId = c.args.value(u"action"_s).trimmed();
    bool process = !actionId.isEmpty();
    if (!process)
        if (ApiError e = isProcessRun(c, runId, &process); e.isError())
            return e;
    if (process && actionId.isEmpty())
        if (ApiError e = processDumpAction(c, runId, &actionId); e.isError())
            return e;
    QString path;
    const QString suggested =
        actionId.isEmpty() ? u"%1-failures.csv"_s.arg(runId) : u"%1-%2-failures.csv"_s.arg(runId, actionId);
    const bool force = c.args.isSet(u"force"_s);
    if (ApiError e = targetPath(c.args.value(u"output"_s), suggested, force, &path); e.isError())
        return e;
    std::unique_ptr<cloudworks::GetErrorDumpJob> job;
    if (process)
        job = Session::own<cloudworks::GetErrorDumpJob>(client(c).getProcessErrorDump(runId, actionId));
    else
        job = Session::own<cloudworks::GetErrorDumpJob>(client(c).getImportErrorDump(runId));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.category == ErrorCategory::NotFound && e.hint.isEmpty())
            e.hint =
                tr("Only a finished run whose import rejected rows has a dump; see 'anadesk-cli cw run-error "
                   "%1'.")
                    .arg(runId);
        return e;
    }
    if (ApiError e = saveFile(path, job->data(), force); e.isError())
        return e;
    QJsonObject result{{u"runId"_s, runId},
                       {u"path"_s, QDir::toNativeSeparators(path)},
                       {u"bytes"_s, double(job->data().size())},
                       {u"sha256"_s, hex(QCryptographicHash::hash(job->data(), QCryptographicHash::Sha256))}};
    if (!actionId.isEmpty())
        result.insert(u"actionId"_s, actionId);
    c.session.out().scalar(tr("Saved the rejected rows (%1) to %2")
                               .arg(ProgressLine::bytes(job->data().size()), QDir::toNativeSeparators(path)),
                           result);
    return {};
}

} // namespace

QList<Command> runCommands()
{
    const QString integrationArg = tr("INTEGRATION is the integration's id or name.");

    Command runCommand = makeCommand(section(), "run", "INTEGRATION [--wait [--max-wait SECONDS]]",
                                     tr("Run an integration; --wait follows the run to its end."), 1, 1, run);
    runCommand.details = integrationArg + u"\n\n"_s +
                         tr("Without --wait it prints the new run's id (JSON: runId, integrationId, "
                            "integrationName) once CloudWorks "
                            "accepted the run. With --wait it polls the run's status every --poll-delay "
                            "seconds (growing after 10 "
                            "polls, up to 30 s) until it has ended, and exits 0 only for a clean success: a "
                            "failure exits 12, and "
                            "so does a partial success (rows rejected, code 38 — save them with 'cw dump'); "
                            "a cancelled run exits "
                            "13. Ctrl-C cancels the run on the server and waits for it to end; a second "
                            "Ctrl-C stops at once.");
    runCommand.options = {waitOption(), maxWaitOption()};

    Command cancelCommand = makeCommand(section(), "cancel", "INTEGRATION",
                                        tr("Cancel the running run of an integration."), 1, 1, cancelRun);
    cancelCommand.details = integrationArg + u" "_s + tr("Exit 6 when no run is going.");

    Command historyCommand = makeCommand(section(), "runs", "INTEGRATION",
                                         tr("List an integration's runs, newest first."), 1, 1, history);
    historyCommand.details = integrationArg;

    Command statusCommand = makeCommand(section(), "run-status", "RUN_ID [--wait [--max-wait SECONDS]]",
                                        tr("Show a run's status (also of a flow run)."), 1, 1, runStatus);
    statusCommand.details = tr(
        "Exits 0 when the status was read, whatever the outcome; with --wait it follows the run to its end "
        "and exits like 'cw run --wait'. Ctrl-C only stops watching: the run is not cancelled.");
    statusCommand.options = {waitOption(), maxWaitOption()};

    Command errorCommand =
        makeCommand(section(), "run-error", "RUN_ID",
                    tr("Show what failed in a run (per action, with dump availability)."), 1, 1, runError);
    errorCommand.details = tr("A run without errors prints an empty errorMessages list and exits 0.");

    Command dumpCommand =
        makeCommand(section(), "dump", "RUN_ID -o PATH [--action ACTION_ID] [--force]",
                    tr("Save the rejected rows of an import or process run (CSV)."), 1, 1, dump);
    dumpCommand.details = tr(
        "For a process run, the dump of its one import that rejected rows is saved; when several did, choose "
        "with --action (the actionId 'cw run-error' shows). PATH may be an existing directory. JSON: runId "
        "[actionId] path bytes sha256. No dump (a clean or running run) exits 5.");
    dumpCommand.options = {
        outputOption(tr("Where to save the CSV (a file, or an existing directory).")),
        {u"action"_s, {}, u"ACTION_ID"_s, tr("For a process run: the import whose dump to save.")},
        forceOption()};

    return {runCommand, cancelCommand, historyCommand, statusCommand, errorCommand, dumpCommand};
}

} // namespace anadesk::cli::cw
