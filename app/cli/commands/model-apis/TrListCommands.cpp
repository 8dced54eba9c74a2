// tr lists, tr list, tr list-items, tr reset-index: reading lists.
#include "../../CommandHelpers.h"
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

#include <QCryptographicHash>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

ApiError lists(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    ListQuery query;
    if (ApiError e = sortQuery(c, {}, &query); e.isError())
        return e;
    auto job = Session::own(tx.getLists(query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(
        json::arrayOf(job->lists()),
        {{modelApiTr("ID"), u"id"_s}, {modelApiTr("NAME"), u"name"_s}, {modelApiTr("CODE"), u"code"_s}});
    return {};
}

ApiError listMetadata(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject list;
    if (ApiError e = resolveTx(c, tx, TxKind::List, c.args.positionals.at(0), &list); e.isError())
        return e;
    auto job = Session::own(tx.getListMetadata(list.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonObject o = json::toJson(job->metadata());
    if (!c.session.out().isJson()) {
        QStringList properties;
        for (const ListProperty &p : job->metadata().properties)
            properties.append(p.format.isEmpty() ? p.name : p.name + u" ("_s + p.format + u')');
        o.insert(u"propertyNames"_s, properties.join(u", "_s));
        o.insert(u"parentName"_s, job->metadata().parentName);
    }
    c.session.out().object(o, {{u"id"_s, modelApiTr("ID")},
                               {u"name"_s, modelApiTr("Name")},
                               {u"itemCount"_s, modelApiTr("Items")},
                               {u"parentName"_s, modelApiTr("Parent list")},
                               {u"propertyNames"_s, modelApiTr("Properties")},
                               {u"productionData"_s, modelApiTr("Production data")},
                               {u"numberedList"_s, modelApiTr("Numbered")},
                               {u"nextItemIndex"_s, modelApiTr("Next item index")}});
    return {};
}

ApiError listItems(CommandContext &c)
{
    Output &out = c.session.out();
    const QString formatName = c.args.value(u"format"_s).trimmed().toLower();
    if (!formatName.isEmpty() && formatName != u"json"_s && formatName != u"csv"_s)
        return usage(modelApiTr("--format '%1' is not known").arg(c.args.value(u"format"_s)),
                     modelApiTr("Use json or csv."));
    const bool csv = formatName == u"csv"_s;
    const QString path = c.args.value(u"output"_s);
    const bool toFile = c.args.isSet(u"output"_s) && path != u"-"_s;
    if (toFile && !csv)
        return usage(modelApiTr("-o saves the CSV form"), modelApiTr("Add --format csv."));
    if (csv && !toFile && out.isJson())
        return usage(modelApiTr("CSV on standard output cannot be combined with --json"),
                     modelApiTr("Save it with -o PATH, or leave out --format csv."));

    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject list;
    if (ApiError e = resolveTx(c, tx, TxKind::List, c.args.positionals.at(0), &list); e.isError())
        return e;
    const bool includeAll = !c.args.isSet(u"brief"_s);
    if (!csv) {
        auto job = Session::own(tx.getListItems(list.id, includeAll));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        out.list(json::arrayOf(job->listItems()), {{modelApiTr("ID"), u"id"_s},
                                                   {modelApiTr("NAME"), u"name"_s},
                                                   {modelApiTr("CODE"), u"code"_s},
                                                   {modelApiTr("PARENT"), u"parent"_s}});
        return {};
    }
    QString target;
    if (toFile)
        if (ApiError e = targetPath(path, (list.name.isEmpty() ? list.id : list.name) + u".csv"_s,
                                    c.args.isSet(u"force"_s), &target);
            e.isError())
            return e;
    auto job = Session::own(tx.getListItemsCsv(list.id, includeAll));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const QByteArray &data = job->data();
    if (!toFile) {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
        return {};
    }
    if (ApiError e = saveFile(target, data, c.args.isSet(u"force"_s)); e.isError())
        return e;
    out.object({{u"listId"_s, list.id},
                {u"format"_s, u"csv"_s},
                {u"path"_s, target},
                {u"bytes"_s, double(data.size())},
                {u"sha256"_s, hex(QCryptographicHash::hash(data, QCryptographicHash::Sha256))}},
               {{u"listId"_s, modelApiTr("List")},
                {u"path"_s, modelApiTr("Saved to")},
                {u"bytes"_s, modelApiTr("Bytes")},
                {u"sha256"_s, modelApiTr("SHA-256")}});
    return {};
}

ApiError resetIndex(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject list;
    if (ApiError e = resolveTx(c, tx, TxKind::List, c.args.positionals.at(0), &list); e.isError())
        return e;
    auto job = Session::own(tx.resetListIndex(list.id));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.category == ErrorCategory::BadInput && e.hint.isEmpty())
            e.hint =
                modelApiTr("The list must be empty: delete its items first (anadesk-cli tr delete-items).");
        return e;
    }
    c.session.out().object({{u"listId"_s, list.id}, {u"indexReset"_s, true}},
                           {{u"listId"_s, modelApiTr("List")}, {u"indexReset"_s, modelApiTr("Index reset")}});
    return {};
}

} // namespace

QList<Command> trListCommands()
{
    const QString group = modelApiTr("Lists");
    Command ls = commandEntry(u"tr lists"_s, group, {}, modelApiTr("List the model's lists."), 0, 0, lists);
    ls.options = sortOptions({u"id"_s, u"name"_s});

    Command meta =
        commandEntry(u"tr list"_s, group, u"LIST"_s,
                     modelApiTr("Show a list's metadata: item count, parent, properties, next index."), 1, 1,
                     listMetadata);
    meta.details =
        modelApiTr("LIST: id or name. JSON: id name itemCount hasSelectiveAccess productionData "
                   "numberedList useTopLevelAsPageDefault workflowEnabled properties[] subsets[] "
                   "managedBy nextItemIndex permittedItems usedInAppliesTo category parent{id,name} "
                   "topLevelItem{id,name} (absent values left out).");

    Command items = commandEntry(
        u"tr list-items"_s, group, u"LIST [--format csv [-o PATH]]"_s,
        modelApiTr("List a list's items with codes, parents, properties and subsets."), 1, 1, listItems);
    items.details =
        modelApiTr("JSON: an array of {id name code parent parentId listId listName properties{} "
                   "subsets{}}. --format csv asks Anaplan for its CSV form (to stdout, or saved with "
                   "-o; the JSON then describes the file: listId format path bytes sha256).");
    items.options = {{u"brief"_s, {}, {}, modelApiTr("Without properties and subsets (no includeAll).")},
                     {u"format"_s, {}, u"FORMAT"_s, modelApiTr("json (default) or csv.")},
                     outputOption(modelApiTr("Save the CSV to PATH (a file or an existing directory).")),
                     forceOption()};

    Command reset = commandEntry(u"tr reset-index"_s, group, u"LIST"_s,
                                 modelApiTr("Reset a numbered list's item index (the list must be empty)."),
                                 1, 1, resetIndex);
    reset.details = modelApiTr("JSON: {listId, indexReset: true}. A list that still holds items: exit 2.");
    return {ls, meta, items, reset};
}

} // namespace anadesk::cli
