// tr model, tr status, tr open, tr close: the model itself through the Transactional API's calls.
#include "../../JsonViews.h"
#include "ModelApiCommands.h"
#include "ModelApiSupport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

const QList<std::pair<QString, QString>> kStatusFields = {
    {u"modelId"_s, u"Model"_s},     {u"currentStep"_s, u"Step"_s},  {u"idle"_s, u"Idle"_s},
    {u"progress"_s, u"Progress"_s}, {u"tooltip"_s, u"Busy with"_s}, {u"taskId"_s, u"Task"_s}};

ApiError modelDetails(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(tx.getModelDetails());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(json::toJson(job->model()), {{u"id"_s, modelApiTr("ID")},
                                                        {u"name"_s, modelApiTr("Name")},
                                                        {u"activeState"_s, modelApiTr("State")},
                                                        {u"workspaceId"_s, modelApiTr("Workspace ID")},
                                                        {u"workspaceName"_s, modelApiTr("Workspace")},
                                                        {u"memoryUsage"_s, modelApiTr("Memory (bytes)")},
                                                        {u"lastModified"_s, modelApiTr("Last modified")}});
    return {};
}

ApiError readStatus(CommandContext &c, const TransactionalClient &tx, QJsonObject *out)
{
    auto job = Session::own(tx.getModelStatus());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    *out = json::toJson(job->status(), tx.modelId());
    if (!c.session.modelName().isEmpty())
        out->insert(u"modelName"_s, c.session.modelName());
    return {};
}

ApiError modelStatus(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    QJsonObject status;
    if (ApiError e = readStatus(c, tx, &status); e.isError())
        return e;
    c.session.out().object(status, kStatusFields);
    return {};
}

// Sends open or close once and reports what the server said; the status afterwards shows how far the
// transition got (the top-level open-model/close-model commands follow it to the end).
ApiError power(CommandContext &c, bool open)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(open ? tx.wakeModel() : tx.closeModel());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const bool already = job->wasAlreadyOpen();
    if (already)
        c.session.out().info(modelApiTr("The model was already open."));
    QJsonObject status;
    if (ApiError e = readStatus(c, tx, &status); e.isError())
        return e;
    status.insert(u"operation"_s, open ? u"open"_s : u"close"_s);
    if (open)
        status.insert(u"alreadyOpen"_s, already);
    c.session.out().object(status, kStatusFields);
    return {};
}

ApiError openModel(CommandContext &c)
{
    return power(c, true);
}

ApiError closeModel(CommandContext &c)
{
    return power(c, false);
}

} // namespace

QList<Command> trModelCommands()
{
    const QString group = modelApiTr("Model");
    Command details =
        commandEntry(u"tr model"_s, group, {},
                     modelApiTr("Show the model's details (memory, state, workspace)."), 0, 0, modelDetails);
    details.details = modelApiTr("GET …/models/{id}?modelDetails=true. JSON: as 'anadesk-cli models'.");
    Command status =
        commandEntry(u"tr status"_s, group, {}, modelApiTr("Show whether the model is open, closed or busy."),
                     0, 0, modelStatus);
    Command open = commandEntry(u"tr open"_s, group, {},
                                modelApiTr("Wake (open) the model; an open model is reported, not an error."),
                                0, 0, openModel);
    open.details =
        modelApiTr("Sends the request once and prints the status afterwards (JSON: as 'tr status' plus "
                   "operation and alreadyOpen). Use 'anadesk-cli open-model' to wait until it is open. "
                   "Needs workspace-administrator rights.");
    Command close =
        commandEntry(u"tr close"_s, group, {}, modelApiTr("Close (unload) the model."), 0, 0, closeModel);
    close.details =
        modelApiTr("Sends the request once and prints the status afterwards. Use 'anadesk-cli close-model' "
                   "to wait until it is closed. Needs workspace-administrator rights.");
    return {details, status, open, close};
}

} // namespace anadesk::cli
