// alm online, alm offline, alm revisions, alm latest-revision, alm syncable-revisions,
// alm create-revision, alm revision-models: the model's ALM state and revisions.
#include "../../CommandHelpers.h"
#include "AlmSupport.h"
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "api/BulkPaths.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

const QList<Column> kRevisionColumns = {{u"ID"_s, u"id"_s},
                                        {u"NAME"_s, u"name"_s},
                                        {u"CREATED"_s, u"createdOn"_s},
                                        {u"APPLIED"_s, u"appliedOn"_s},
                                        {u"METHOD"_s, u"creationMethod"_s}};

const QList<std::pair<QString, QString>> kRevisionFields = {{u"id"_s, u"ID"_s},
                                                            {u"name"_s, u"Name"_s},
                                                            {u"description"_s, u"Description"_s},
                                                            {u"createdOn"_s, u"Created"_s},
                                                            {u"createdBy"_s, u"Created by"_s},
                                                            {u"appliedOn"_s, u"Applied"_s},
                                                            {u"appliedBy"_s, u"Applied by"_s}};

ApiError setOnline(CommandContext &c, bool online)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    auto job = Session::own(alm.changeModelStatus(online));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object({{u"modelId"_s, alm.modelId()}, {u"online"_s, online}},
                           {{u"modelId"_s, modelApiTr("Model")}, {u"online"_s, modelApiTr("Online")}});
    return {};
}

ApiError online(CommandContext &c)
{
    return setOnline(c, true);
}

ApiError offline(CommandContext &c)
{
    return setOnline(c, false);
}

ApiError revisions(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    RevisionQuery query;
    if (ApiError e = sortQuery(c, {}, &query.list); e.isError())
        return e;
    query.appliedAfter = c.args.value(u"applied-after"_s).trimmed();
    query.appliedBefore = c.args.value(u"applied-before"_s).trimmed();
    auto job = Session::own(alm.getRevisions(query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->revisions()), kRevisionColumns);
    return {};
}

ApiError latestRevision(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    auto job = Session::own(alm.getLatestRevision());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    if (!job->revision()) {
        ApiError e;
        e.category = ErrorCategory::NotFound;
        e.message = modelApiTr("The model has no revision yet");
        e.object = modelLabel(alm.modelId());
        e.hint = modelApiTr("Create one with: anadesk-cli alm create-revision NAME");
        return e;
    }
    c.session.out().object(json::toJson(*job->revision()), kRevisionFields);
    return {};
}

ApiError syncableRevisions(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    NamedObject source;
    if (ApiError e = resolveAnyModel(c, c.args.positionals.at(0), &source); e.isError())
        return e;
    auto job = Session::own(alm.getSyncableRevisions(source.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->revisions()), kRevisionColumns);
    return {};
}

ApiError createRevision(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    auto job = Session::own(alm.createRevision(c.args.positionals.at(0), c.args.value(u"description"_s)));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(json::toJson(job->revision()), kRevisionFields);
    return {};
}

ApiError revisionModels(CommandContext &c)
{
    AlmClient alm;
    if (ApiError e = almClient(c, &alm); e.isError())
        return e;
    NamedObject revision;
    if (ApiError e = resolveRevision(c, alm, c.args.positionals.at(0), &revision); e.isError())
        return e;
    auto job = Session::own(alm.getModelsForRevision(revision.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->models()), {{u"MODEL ID"_s, u"modelId"_s},
                                                        {u"NAME"_s, u"modelName"_s},
                                                        {u"WORKSPACE ID"_s, u"workspaceId"_s},
                                                        {u"APPLIED"_s, u"appliedOn"_s},
                                                        {u"METHOD"_s, u"appliedMethod"_s},
                                                        {u"DELETED"_s, u"modelDeleted"_s}});
    return {};
}

} // namespace

QList<Command> almModelCommands()
{
    const QString group = modelApiTr("Model and revisions");
    Command on = commandEntry(u"alm online"_s, group, {}, modelApiTr("Take the model online."), 0, 0, online);
    on.details = modelApiTr("JSON: {modelId, online}. A locked model: exit 2; archived: exit 7.");
    Command off = commandEntry(u"alm offline"_s, group, {},
                               modelApiTr("Take the model offline (no data reads or writes until online)."),
                               0, 0, offline);
    off.details = on.details;

    Command list = commandEntry(u"alm revisions"_s, group, {}, modelApiTr("List the model's revisions."), 0,
                                0, revisions);
    list.details =
        modelApiTr("JSON: an array of {id name description createdOn createdBy creationMethod appliedOn "
                   "appliedBy}.");
    list.options = sortOptions({u"id"_s, u"name"_s, u"appliedOn"_s, u"createdOn"_s});
    list.options.append(
        {u"applied-after"_s, {}, u"YYYY-MM-DD"_s, modelApiTr("Only revisions applied on or after.")});
    list.options.append(
        {u"applied-before"_s, {}, u"YYYY-MM-DD"_s, modelApiTr("Only revisions applied on or before.")});

    Command latest = commandEntry(u"alm latest-revision"_s, group, {},
                                  modelApiTr("Show the model's latest revision (exit 5 when it has none)."),
                                  0, 0, latestRevision);
    Command syncable = commandEntry(
        u"alm syncable-revisions"_s, group, u"SOURCE_MODEL"_s,
        modelApiTr("List the revisions of SOURCE_MODEL that this model can be synced to (newest first)."), 1,
        1, syncableRevisions);
    syncable.details = modelApiTr("SOURCE_MODEL: id, or a name among all your models. Newest first.");

    Command create = commandEntry(
        u"alm create-revision"_s, group, u"NAME [--description TEXT]"_s,
        modelApiTr("Add a revision tag to the model (name ≤ 60, description ≤ 250)."), 1, 1, createRevision);
    create.options = {{u"description"_s, {}, u"TEXT"_s, modelApiTr("The revision's description.")}};

    Command models = commandEntry(u"alm revision-models"_s, group, u"REVISION"_s,
                                  modelApiTr("List the models a revision was applied to (its source first)."),
                                  1, 1, revisionModels);
    models.details =
        modelApiTr("REVISION: id, or a name among the model's revisions. JSON: an array of {id name "
                   "modelId modelName workspaceId appliedBy appliedOn appliedMethod modelDeleted}.");
    return {on, off, list, latest, syncable, create, models};
}

} // namespace anadesk::cli
