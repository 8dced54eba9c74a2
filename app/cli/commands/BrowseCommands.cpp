// Listing commands: workspaces, models, files, imports, exports, processes, actions.
#include "../BulkApi.h"
#include "../Command.h"
#include "../JsonViews.h"
#include "../Session.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::BrowseCommands", text);
}

// Lists one collection of the current model: wait for the job, print its items.
template <typename J, typename Getter>
ApiError listModelObjects(CommandContext &c, J *started, Getter items, const QList<Column> &columns)
{
    auto job = Session::own(started);
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::toJsonArray(items(job.get())), columns);
    return {};
}

ApiError workspaces(CommandContext &c)
{
    auto job = Session::own(c.session.client().getWorkspaces());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::toJsonArray(job->workspaces()),
                         {{tr("ID"), QStringLiteral("id")},
                          {tr("NAME"), QStringLiteral("name")},
                          {tr("ACTIVE"), QStringLiteral("active")},
                          {tr("SIZE"), QStringLiteral("currentSize"), true},
                          {tr("ALLOWANCE"), QStringLiteral("sizeAllowance"), true}});
    return {};
}

ApiError models(CommandContext &c)
{
    if (ApiError e = c.session.requireWorkspace(false); e.isError())
        return e;
    const QString ws = c.session.workspaceId();
    auto job = Session::own(
        c.session.client().getModels({}, ws.isEmpty() ? WorkspaceFilter::all() : WorkspaceFilter::of(ws)));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::toJsonArray(job->models()),
                         {{tr("ID"), QStringLiteral("id")},
                          {tr("NAME"), QStringLiteral("name")},
                          {tr("STATE"), QStringLiteral("activeState")},
                          {tr("WORKSPACE ID"), QStringLiteral("workspaceId")},
                          {tr("WORKSPACE"), QStringLiteral("workspaceName")}});
    return {};
}

ApiError files(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    return listModelObjects(c, c.session.client().getFiles(), [](ListFilesJob *j) { return j->files(); },
                            {{tr("ID"), QStringLiteral("id")},
                             {tr("NAME"), QStringLiteral("name")},
                             {tr("CHUNKS"), QStringLiteral("chunkCount"), true},
                             {tr("FORMAT"), QStringLiteral("format")},
                             {tr("ENCODING"), QStringLiteral("encoding")}});
}

ApiError imports(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    return listModelObjects(c, c.session.client().getImports(),
                            [](ListImportsJob *j) { return j->imports(); },
                            {{tr("ID"), QStringLiteral("id")},
                             {tr("NAME"), QStringLiteral("name")},
                             {tr("TYPE"), QStringLiteral("importType")},
                             {tr("SOURCE FILE"), QStringLiteral("importDataSourceId")}});
}

ApiError exports(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    return listModelObjects(c, c.session.client().getExports(),
                            [](ListExportsJob *j) { return j->exports(); },
                            {{tr("ID"), QStringLiteral("id")},
                             {tr("NAME"), QStringLiteral("name")},
                             {tr("TYPE"), QStringLiteral("exportType")},
                             {tr("FORMAT"), QStringLiteral("exportFormat")}});
}

ApiError processes(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    return listModelObjects(c, c.session.client().getProcesses(),
                            [](ListProcessesJob *j) { return j->processes(); },
                            {{tr("ID"), QStringLiteral("id")}, {tr("NAME"), QStringLiteral("name")}});
}

ApiError actions(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    return listModelObjects(c, c.session.client().getActions(),
                            [](ListActionsJob *j) { return j->actions(); },
                            {{tr("ID"), QStringLiteral("id")},
                             {tr("NAME"), QStringLiteral("name")},
                             {tr("TYPE"), QStringLiteral("actionType")}});
}

Command modelList(const char *name, const char *summary, ApiError (*run)(CommandContext &))
{
    Command c;
    c.name = QLatin1String(name);
    c.group = tr("Browse");
    c.summary = tr(summary);
    c.details = tr("Needs --model (id or name); --workspace is optional when the model is given by id or by "
                   "a name that is unique across workspaces.");
    c.run = run;
    return c;
}

} // namespace

QList<Command> browseCommands()
{
    Command ws;
    ws.name = QStringLiteral("workspaces");
    ws.group = tr("Browse");
    ws.summary = tr("List the workspaces you can access (sizes in bytes).");
    ws.run = workspaces;

    Command ms;
    ms.name = QStringLiteral("models");
    ms.group = tr("Browse");
    ms.summary = tr("List models: all you can access, or those of --workspace.");
    ms.run = models;

    return {ws,
            ms,
            modelList("files", "List the model's files (import sources and export outputs).", files),
            modelList("imports", "List the model's imports.", imports),
            modelList("exports", "List the model's exports.", exports),
            modelList("processes", "List the model's processes.", processes),
            modelList("actions", "List the model's other actions (delete, sort, optimizer, ...).", actions)};
}

} // namespace anadesk::cli
