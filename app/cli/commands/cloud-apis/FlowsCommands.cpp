// The 'flows' command group: CloudWorks integration flows (2–100 integrations run one after the other)
// — list, get, create, update, delete, and run (all steps or selected ones, optionally followed to the
// end).
#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "CloudWorksCli.h"
#include "CloudWorksInput.h"

#include <QCoreApplication>
#include <memory>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::FlowsCommands", text);
}

FlowsClient flowsOf(CommandContext &c)
{
    return cw::client(c).flows();
}

ApiError printFlow(CommandContext &c, const QString &id, const QString &operation)
{
    auto job = Session::own(flowsOf(c).getFlow(id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const cloudworks::Flow &flow = job->flow();
    QJsonObject o = cloudjson::toJson(flow);
    if (!operation.isEmpty())
        o.insert(u"operation"_s, operation);
    Output &out = c.session.out();
    out.object(o, {{u"id"_s, tr("Id")},
                   {u"name"_s, tr("Name")},
                   {u"stepsCount"_s, tr("Steps")},
                   {u"notificationId"_s, tr("Notification")},
                   {u"lastRun"_s, tr("Last run")},
                   {u"lastOutcome"_s, tr("Last outcome")}});
    QStringList lines;
    for (qsizetype i = 0; i < flow.steps.size(); ++i) {
        const cloudworks::FlowStep &s = flow.steps.at(i);
        QString line = tr("  %1. %2 (%3) %4; on failure %5, on partial success %6")
                           .arg(i + 1)
                           .arg(s.name, s.referrer, s.type, s.onFailure, s.onPartialSuccess);
        if (s.isSkipped)
            line += tr("; skipped");
        if (!s.dependsOn.isEmpty())
            line += tr("; after %1").arg(s.dependsOn.join(u", "_s));
        lines.append(line);
    }
    out.humanLines(lines);
    return {};
}

ApiError list(CommandContext &c)
{
    auto job = Session::own(flowsOf(c).getFlows(c.args.isSet(u"mine"_s)));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->flows()), {{tr("ID"), u"id"_s},
                                                          {tr("NAME"), u"name"_s},
                                                          {tr("STEPS"), u"stepsCount"_s, true},
                                                          {tr("LAST RUN"), u"lastRun"_s},
                                                          {tr("OUTCOME"), u"lastOutcome"_s}});
    return {};
}

ApiError show(CommandContext &c)
{
    NamedObject flow;
    if (ApiError e = cw::resolveFlow(c, c.args.positionals.at(0), &flow); e.isError())
        return e;
    return printFlow(c, flow.id, {});
}

ApiError create(CommandContext &c)
{
    cloudworks::FlowInput input;
    if (ApiError e = cw::flowInput(c, &input); e.isError())
        return e;
    auto job = Session::own(flowsOf(c).createFlow(input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printFlow(c, job->flowId(), u"created"_s);
}

ApiError update(CommandContext &c)
{
    NamedObject flow;
    if (ApiError e = cw::resolveFlow(c, c.args.positionals.at(0), &flow); e.isError())
        return e;
    cloudworks::FlowInput input;
    if (ApiError e = cw::flowInput(c, &input); e.isError())
        return e;
    auto job = Session::own(flowsOf(c).updateFlow(flow.id, input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printFlow(c, flow.id, u"updated"_s);
}

ApiError remove(CommandContext &c)
{
    NamedObject flow;
    if (ApiError e = cw::resolveFlow(c, c.args.positionals.at(0), &flow); e.isError())
        return e;
    auto job = Session::own(flowsOf(c).deleteFlow(flow.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().scalar(tr("Deleted %1").arg(cw::label(tr("flow"), flow)),
                           {{u"id"_s, flow.id}, {u"name"_s, flow.name}, {u"deleted"_s, true}});
    return {};
}

// Ctrl-C during a flow run: CloudWorks cancels a flow by cancelling the integration of its running
// step; the steps are read and each is asked (the ones not running answer 409, which is fine).
void cancelFlowRun(CommandContext &c, const QString &flowId, std::unique_ptr<cloudworks::GetFlowJob> *holder)
{
    *holder = Session::own(flowsOf(c).getFlow(flowId));
    cloudworks::GetFlowJob *job = holder->get();
    CloudWorksClient client = cw::client(c);
    QObject::connect(job, &Job::succeeded, job, [job, client] {
        for (const cloudworks::FlowStep &s : job->flow().steps)
            client.cancelIntegrationRun(s.referrer); // started, deletes itself when done
    });
}

ApiError run(CommandContext &c)
{
    NamedObject flow;
    if (ApiError e = cw::resolveFlow(c, c.args.positionals.at(0), &flow); e.isError())
        return e;
    qint64 maxWait = 0;
    if (ApiError e = cloud::maxWaitOption(c, &maxWait); e.isError())
        return e;
    if (maxWait > 0 && !c.args.isSet(u"wait"_s))
        return usage(tr("--max-wait needs --wait"));
    QStringList steps;
    for (const QString &step : cloud::splitList(c.args.value(u"steps"_s))) {
        NamedObject integration;
        if (ApiError e = cw::resolveIntegration(c, step, &integration); e.isError())
            return e;
        steps.append(integration.id);
    }
    if (c.args.isSet(u"steps"_s) && steps.isEmpty())
        return usage(tr("--steps is empty"), tr("Give the integrations (ids or names) of the steps to run."));
    const QString what = cw::label(tr("flow"), flow);
    auto job = Session::own(flowsOf(c).runFlow(flow.id, steps));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint = tr("The flow, or one of its integrations, is running already; wait for it to end.");
        return e;
    }
    const QString runId = job->runId();
    QJsonObject extra{{u"flowId"_s, flow.id}, {u"flowName"_s, flow.name}};
    if (!steps.isEmpty())
        extra.insert(u"steps"_s, QJsonArray::fromStringList(steps));
    if (!c.args.isSet(u"wait"_s)) {
        QJsonObject started = extra;
        started.insert(u"id"_s, runId);
        started.insert(u"runId"_s, runId);
        c.session.out().scalar(runId, started);
        return {};
    }
    std::unique_ptr<cloudworks::GetFlowJob> cancelling;
    cw::RunFollow follow{runId, what, maxWait,
                         [&c, &flow, &cancelling] { cancelFlowRun(c, flow.id, &cancelling); }};
    cloudworks::RunStatus status;
    bool cancelled = false;
    const ApiError waitError = cw::followRun(c, follow, &status, &cancelled);
    if (status.id.isEmpty())
        return waitError;
    const ApiError error = waitError.isError() ? waitError : cw::runOutcomeError(status, what, cancelled);
    return cw::reportRun(c, status, extra, what, error);
}

Command make(const char *name, const char *usageText, const char *summary, int minArgs, int maxArgs,
             ApiError (*runFunction)(CommandContext &))
{
    return commandEntry(u"flows "_s + QLatin1String(name), tr("CloudWorks flows"), QLatin1String(usageText),
                        tr(summary), minArgs, maxArgs, runFunction);
}

} // namespace

QList<Command> flowsCommands()
{
    const QString flowArg = tr("FLOW is the flow's id or name.");
    const QString format = tr(
        "The steps come from --from (JSON; - reads standard input):\n"
        "  {\"name\": \"Nightly\", \"steps\": [\n"
        "    {\"referrer\": \"<integration id or name>\"},\n"
        "    {\"referrer\": \"…\", \"dependsOn\": [\"<the first>\"], \"onFailure\": \"continue\", "
        "\"onPartialSuccess\": \"stop\", \"isSkipped\": false}]}\n"
        "(Anaplan's \"exceptionBehavior\": [{\"type\": \"failure\", \"strategy\": \"stop\"}, …] is accepted "
        "too; defaults: stop on failure, continue on partial success) — or from --name NAME --chain "
        "A,B,C: the integrations in order, each depending on the one before. A flow has 2 to 100 steps, at "
        "least two not skipped; set dependsOn for every step after the first (Anaplan accepts a step without "
        "it, but the flow is then corrupt).");
    const QList<OptionSpec> inputOptions{
        cloud::fromOption(tr("The flow as JSON.")),
        {u"name"_s, {}, u"NAME"_s, tr("The flow's name (with --chain; overrides the file's).")},
        {u"chain"_s, {}, u"LIST"_s, tr("Integrations (ids or names) run one after the other.")}};

    Command listCommand = make("list", "[--mine]", "List integration flows.", 0, 0, list);
    listCommand.options = {{u"mine"_s, {}, {}, tr("Only the flows you created.")}};

    Command getCommand = make("get", "FLOW", "Show a flow with its steps.", 1, 1, show);
    getCommand.details = flowArg;

    Command createCommand =
        make("create", "--from PATH | --name NAME --chain LIST", "Create a flow.", 0, 0, create);
    createCommand.details = format;
    createCommand.options = inputOptions;

    Command updateCommand = make("update", "FLOW --from PATH | --name NAME --chain LIST",
                                 "Replace a flow's steps (PUT).", 1, 1, update);
    updateCommand.details = flowArg + u"\n\n"_s + format;
    updateCommand.options = inputOptions;

    Command deleteCommand = make("delete", "FLOW", "Delete a flow (its integrations stay).", 1, 1, remove);
    deleteCommand.details = flowArg;

    Command runCommand = make("run", "FLOW [--steps LIST] [--wait [--max-wait SECONDS]]",
                              "Run a flow, all steps or the selected ones.", 1, 1, run);
    runCommand.details =
        flowArg + u"\n\n"_s +
        tr("--steps runs only these steps (integration ids or names); otherwise every step not skipped runs. "
           "Without --wait it prints the run id (JSON: runId, flowId, flowName[, steps]). With --wait it "
           "follows "
           "the flow's run to its end and exits like 'cw run --wait' (12 when a step failed, 13 when "
           "cancelled); "
           "Ctrl-C cancels the running step's integration, which cancels the flow run.");
    runCommand.options = {{u"steps"_s, {}, u"LIST"_s, tr("Only these steps (integration ids or names).")},
                          cw::waitOption(),
                          cw::maxWaitOption()};

    return {listCommand, getCommand, createCommand, updateCommand, deleteCommand, runCommand};
}

} // namespace anadesk::cli
