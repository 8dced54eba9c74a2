// tr modules, tr line-items, tr views, tr view: the model's structure.
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString dimensionNames(const QJsonArray &dimensions)
{
    QStringList names;
    for (const QJsonValue &d : dimensions)
        names.append(d[u"name"_s].toString());
    return names.join(u", "_s);
}

ApiError modules(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    ListQuery query;
    if (ApiError e = sortQuery(c, {}, &query); e.isError())
        return e;
    auto job = Session::own(tx.getModules(query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(
        json::arrayOf(job->modules()),
        {{modelApiTr("ID"), u"id"_s}, {modelApiTr("NAME"), u"name"_s}, {modelApiTr("CODE"), u"code"_s}});
    return {};
}

ApiError lineItems(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject module;
    if (!c.args.positionals.isEmpty())
        if (ApiError e = resolveTx(c, tx, TxKind::Module, c.args.positionals.at(0), &module); e.isError())
            return e;
    auto job = Session::own(tx.getLineItems(module.id, !c.args.isSet(u"brief"_s)));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonArray items = json::arrayOf(job->lineItems());
    if (!c.session.out().isJson())
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject o = items.at(i).toObject();
            o.insert(u"appliesToNames"_s, dimensionNames(o.value(u"appliesTo"_s).toArray()));
            items.replace(i, o);
        }
    c.session.out().list(items, {{modelApiTr("ID"), u"id"_s},
                                 {modelApiTr("NAME"), u"name"_s},
                                 {modelApiTr("MODULE"), u"moduleName"_s},
                                 {modelApiTr("FORMAT"), u"format"_s},
                                 {modelApiTr("APPLIES TO"), u"appliesToNames"_s},
                                 {modelApiTr("FORMULA"), u"formula"_s}});
    return {};
}

ApiError views(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    ListQuery query;
    if (ApiError e = sortQuery(c, {}, &query); e.isError())
        return e;
    NamedObject module;
    if (c.args.isSet(u"module"_s))
        if (ApiError e = resolveTx(c, tx, TxKind::Module, c.args.value(u"module"_s), &module); e.isError())
            return e;
    auto job = Session::own(tx.getViews(query, module.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->views()), {{modelApiTr("ID"), u"id"_s},
                                                       {modelApiTr("NAME"), u"name"_s},
                                                       {modelApiTr("MODULE ID"), u"moduleId"_s},
                                                       {modelApiTr("CODE"), u"code"_s}});
    return {};
}

ApiError view(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject v;
    if (ApiError e = resolveTx(c, tx, TxKind::View, c.args.positionals.at(0), &v); e.isError())
        return e;
    auto job = Session::own(tx.getViewInfo(v.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const QJsonObject info = json::toJson(job->viewInfo());
    Output &out = c.session.out();
    if (out.isJson()) {
        out.object(info, {});
        return {};
    }
    QJsonObject human{{u"id"_s, info[u"id"_s]}, {u"name"_s, info[u"name"_s]}};
    for (const QString &axis : {u"rows"_s, u"columns"_s, u"pages"_s}) {
        QStringList parts;
        for (const QJsonValue &d : info[axis].toArray())
            parts.append(d[u"name"_s].toString() + u" ("_s + d[u"id"_s].toString() + u')');
        human.insert(axis, parts.join(u", "_s));
    }
    out.object(human, {{u"id"_s, modelApiTr("ID")},
                       {u"name"_s, modelApiTr("Name")},
                       {u"rows"_s, modelApiTr("Rows")},
                       {u"columns"_s, modelApiTr("Columns")},
                       {u"pages"_s, modelApiTr("Pages")}});
    return {};
}

} // namespace

QList<Command> trStructureCommands()
{
    const QString group = modelApiTr("Modules, line items and views");
    Command mods =
        commandEntry(u"tr modules"_s, group, {}, modelApiTr("List the model's modules."), 0, 0, modules);
    mods.options = sortOptions({u"id"_s, u"name"_s});

    Command items = commandEntry(
        u"tr line-items"_s, group, u"[MODULE]"_s,
        modelApiTr("List the line items of the model, or of one module (id or name)."), 0, 1, lineItems);
    items.details =
        modelApiTr("With the full metadata (format, applies-to, formula, …) unless --brief. JSON: "
                   "id name moduleId moduleName format formatMetadata appliesTo[] formula … as Anaplan "
                   "sends them.");
    items.options = {{u"brief"_s, {}, {}, modelApiTr("Only ids, names and modules (no includeAll).")}};

    Command vs = commandEntry(
        u"tr views"_s, group, u"[--module MODULE]"_s,
        modelApiTr("List the model's saved views (with subsidiary views), or one module's."), 0, 0, views);
    vs.options = sortOptions({u"id"_s, u"moduleId"_s, u"name"_s});
    vs.options.append(
        {u"module"_s, {}, u"MODULE"_s, modelApiTr("Only the views of this module (id or name).")});

    Command info =
        commandEntry(u"tr view"_s, group, u"VIEW"_s,
                     modelApiTr("Show a view's dimensions on rows, columns and pages."), 1, 1, view);
    info.details = modelApiTr("VIEW: a view id or name, a module (its default view) or a line item id. JSON: "
                              "{id, name, rows[], columns[], pages[]} with {id, name} per dimension.");
    return {mods, items, vs, info};
}

} // namespace anadesk::cli
