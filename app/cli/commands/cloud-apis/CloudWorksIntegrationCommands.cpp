// cw integrations: list (every page of at most 250), get (with jobs), create (import, export, process),
// update (full replacement), delete.
#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "CloudWorksCli.h"
#include "CloudWorksGroup.h"
#include "CloudWorksInput.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorksIntegrations", text);
}

QString section()
{
    return tr("CloudWorks integrations");
}

ApiError printIntegration(CommandContext &c, const QString &id, const QString &operation)
{
    auto job = Session::own(client(c).getIntegration(id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonObject o = cloudjson::toJson(job->integration());
    if (!operation.isEmpty())
        o.insert(u"operation"_s, operation);
    Output &out = c.session.out();
    out.object(o, {{u"id"_s, tr("Id")},
                   {u"name"_s, tr("Name")},
                   {u"integrationType"_s, tr("Type")},
                   {u"workspaceId"_s, tr("Workspace")},
                   {u"modelId"_s, tr("Model")},
                   {u"processId"_s, tr("Process")},
                   {u"notificationId"_s, tr("Notification")},
                   {u"scheduleType"_s, tr("Schedule")},
                   {u"lastRun"_s, tr("Last run")},
                   {u"lastOutcome"_s, tr("Last outcome")}});
    QStringList lines;
    for (const cloudworks::IntegrationJob &j : job->integration().jobs) {
        const auto side = [](const cloudworks::JobEndpoint &e) {
            QString text = e.type;
            if (!e.actionId.isEmpty())
                text += u" "_s + e.actionId;
            if (!e.fileId.isEmpty())
                text += u" (file "_s + e.fileId + u")"_s;
            if (!e.connectionName.isEmpty() || !e.connectionId.isEmpty())
                text += u" '"_s + (e.connectionName.isEmpty() ? e.connectionId : e.connectionName) + u"'"_s;
            if (!e.file.isEmpty())
                text += u" "_s + e.file;
            if (!e.table.isEmpty())
                text += u" table "_s + e.table;
            return text;
        };
        QStringList from, to;
        for (const cloudworks::JobEndpoint &e : j.sources)
            from.append(side(e));
        for (const cloudworks::JobEndpoint &e : j.targets)
            to.append(side(e));
        lines.append(tr("Job %1: %2 → %3").arg(j.type, from.join(u", "_s), to.join(u", "_s)));
    }
    out.humanLines(lines);
    return {};
}

ApiError list(CommandContext &c)
{
    cloudworks::IntegrationListQuery query;
    query.descending = c.args.isSet(u"descending"_s);
    query.currentUserOnly = c.args.isSet(u"mine"_s);
    auto job = Session::own(client(c).getIntegrations(query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->integrations()), {{tr("ID"), u"id"_s},
                                                                 {tr("NAME"), u"name"_s},
                                                                 {tr("TYPE"), u"integrationType"_s},
                                                                 {tr("SCHEDULE"), u"scheduleType"_s},
                                                                 {tr("LAST RUN"), u"lastRun"_s},
                                                                 {tr("OUTCOME"), u"lastOutcome"_s}});
    return {};
}

ApiError show(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    return printIntegration(c, integration.id, {});
}

ApiError create(CommandContext &c)
{
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the integration"), &file); e.isError())
        return e;
    cloudworks::IntegrationInput input;
    if (ApiError e = integrationInput(c, file, &input); e.isError())
        return e;
    auto job = Session::own(client(c).createIntegration(input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printIntegration(c, job->integrationId(), u"created"_s);
}

ApiError update(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the integration"), &file); e.isError())
        return e;
    cloudworks::IntegrationInput input;
    if (ApiError e = integrationInput(c, file, &input); e.isError())
        return e;
    auto job = Session::own(client(c).updateIntegration(integration.id, input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printIntegration(c, integration.id, u"updated"_s);
}

ApiError remove(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    auto job = Session::own(client(c).deleteIntegration(integration.id));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint = tr(
                "An integration that is running, or that a flow uses, cannot be deleted: wait for the run, "
                "or remove it from the flow first.");
        return e;
    }
    c.session.out().scalar(tr("Deleted %1").arg(label(tr("integration"), integration)),
                           {{u"id"_s, integration.id}, {u"name"_s, integration.name}, {u"deleted"_s, true}});
    return {};
}

} // namespace

QList<Command> integrationCommands()
{
    const QString integrationArg = tr("INTEGRATION is the integration's id or name.");
    const QString format = tr(
        "The --from file (JSON; - reads standard input):\n"
        "  import:  {\"name\": \"Load Sales\", \"jobs\": [{\"sources\": [{\"connectionId\": \"Finance S3 "
        "Landing\", "
        "\"file\": \"sales/sales.csv\"}], \"targets\": [{\"actionId\": \"Sales from Sales.csv\"}]}]}\n"
        "  export:  {\"name\": \"Export Sales\", \"jobs\": [{\"sources\": [{\"actionId\": "
        "\"116000000000\"}], "
        "\"targets\": [{\"connectionId\": \"…\", \"file\": \"out/sales.csv\", \"overwrite\": true}]}]}\n"
        "  process: {\"name\": \"Nightly\", \"processId\": \"118000000000\"[, \"jobs\": [one per import of "
        "the "
        "process that reads from a connection]]}\n"
        "workspaceId and modelId default to --model (and its workspace). connectionId, actionId (import or "
        "export), fileId and processId may be names; a source or target's \"type\" defaults to the "
        "connection's "
        "type or Anaplan, a job's type to SOURCETypeToTARGETType, an import target's fileId to the import's "
        "data source file; BigQuery endpoints use \"table\" instead of \"file\". The wire shape of Anaplan's "
        "documentation (\"version\": \"2.0\", ids as strings) is accepted as it is.");

    Command listCommand = makeCommand(section(), "integrations", "[--mine] [--descending]",
                                      tr("List integrations (every page, sorted by name)."), 0, 0, list);
    listCommand.options = {{u"mine"_s, {}, {}, tr("Only the integrations you created.")},
                           {u"descending"_s, {}, {}, tr("Sort by name descending.")}};

    Command showCommand = makeCommand(section(), "integration", "INTEGRATION",
                                      tr("Show one integration with its jobs."), 1, 1, show);
    showCommand.details = integrationArg;

    Command createCommand = makeCommand(section(), "integration-create", "--from PATH",
                                        tr("Create an import, export or process integration."), 0, 0, create);
    createCommand.details = format;
    createCommand.options = {cloud::fromOption(tr("The integration as JSON."))};

    Command updateCommand = makeCommand(section(), "integration-update", "INTEGRATION --from PATH",
                                        tr("Replace an integration's definition (PUT)."), 1, 1, update);
    updateCommand.details = integrationArg + u"\n\n"_s + format;
    updateCommand.options = createCommand.options;

    Command deleteCommand = makeCommand(section(), "integration-delete", "INTEGRATION",
                                        tr("Delete an integration."), 1, 1, remove);
    deleteCommand.details = integrationArg;

    return {listCommand, showCommand, createCommand, updateCommand, deleteCommand};
}

} // namespace anadesk::cli::cw
