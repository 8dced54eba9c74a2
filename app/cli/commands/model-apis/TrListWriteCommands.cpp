// tr insert-items, tr update-items, tr delete-items: list item writes from a JSON or CSV file. The core
// splits inputs over 100,000 items into batches and sums the answers; the sums are printed.
#include "../../CommandHelpers.h"
#include "ModelApiCommands.h"
#include "ModelApiSupport.h"
#include "WriteReport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

using Operation = ListItemsWriteJob::Operation;

// One CSV row as a list item entry: id/name/code/parent columns by name (any case), "subset:NAME"
// columns as subset memberships (true/false), every other column a property. Empty cells are left out.
QJsonObject itemFromCsv(const QStringList &header, const QStringList &row, Operation operation)
{
    QJsonObject item;
    QJsonObject properties;
    QJsonObject subsets;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString value = row.at(i);
        if (value.isEmpty())
            continue;
        const QString key = header.at(i);
        const QString lower = key.toLower();
        if (lower == u"id"_s || lower == u"name"_s || lower == u"code"_s || lower == u"parent"_s) {
            item.insert(lower, value);
        } else if (lower.startsWith(u"subset:"_s)) {
            const QString b = value.trimmed().toLower();
            subsets.insert(key.mid(7).trimmed(), b == u"true"_s || b == u"1"_s || b == u"yes"_s);
        } else {
            properties.insert(key, value);
        }
    }
    if (operation == Operation::Delete) {
        // Anaplan wants exactly one way to name the item: the id, else the code, else the name.
        for (const QString &key : {u"id"_s, u"code"_s, u"name"_s})
            if (item.contains(key))
                return QJsonObject{{key, item.value(key)}};
        return {};
    }
    if (!properties.isEmpty())
        item.insert(u"properties"_s, properties);
    if (!subsets.isEmpty())
        item.insert(u"subsets"_s, subsets);
    return item;
}

ApiError writeItems(CommandContext &c, Operation operation)
{
    RequestInput input;
    if (ApiError e = readRequestInput(c.args.value(u"from"_s), u"items"_s, &input); e.isError())
        return e;
    QJsonArray items = input.json;
    if (!input.isJson) {
        for (const QStringList &row : std::as_const(input.csv.rows))
            items.append(itemFromCsv(input.csv.header, row, operation));
    }
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject list;
    if (ApiError e = resolveTx(c, tx, TxKind::List, c.args.positionals.at(0), &list); e.isError())
        return e;

    qint64 perRequest = ListItemsWriteJob::kMaxItemsPerRequest;
    if (ApiError e = intOption(c, u"batch-size"_s, 1, ListItemsWriteJob::kMaxItemsPerRequest, &perRequest);
        e.isError())
        return e;
    ListItemsWriteJob *started = nullptr;
    QString verb;
    QString operationName;
    switch (operation) {
    case Operation::Insert:
        started = tx.insertListItems(list.id, items, int(perRequest));
        verb = modelApiTr("Inserting items");
        operationName = u"insert"_s;
        break;
    case Operation::Update:
        started = tx.updateListItems(list.id, items, int(perRequest));
        verb = modelApiTr("Updating items");
        operationName = u"update"_s;
        break;
    case Operation::Delete:
        started = tx.deleteListItems(list.id, items, int(perRequest));
        verb = modelApiTr("Deleting items");
        operationName = u"delete"_s;
        break;
    }
    auto job = Session::own(started);
    ProgressLine line(c.session.out());
    reportBatchProgress(job.get(), line, verb);
    ApiError jobError = waitForWrite(c.session, job.get(), line);
    if (jobError.isError() && jobError.category == ErrorCategory::BadInput && job->batchesDone() == 0 &&
        jobError.object.isEmpty())
        jobError.object = input.source; // an entry the core refused before sending

    const ListWriteResult &r = job->result();
    QJsonObject result{{u"listId"_s, list.id},
                       {u"operation"_s, operationName},
                       {u"items"_s, double(items.size())},
                       {u"batches"_s, job->batchCount()},
                       {u"batchesDone"_s, job->batchesDone()},
                       {u"ignored"_s, double(r.ignored)},
                       {u"total"_s, double(r.total)},
                       {u"failures"_s, failuresWithLines(r.failures, input)}};
    if (!list.name.isEmpty())
        result.insert(u"listName"_s, list.name);
    QString countKey;
    switch (operation) {
    case Operation::Insert:
        countKey = u"added"_s;
        result.insert(countKey, double(r.added));
        break;
    case Operation::Update:
        countKey = u"updated"_s;
        result.insert(countKey, double(r.updated));
        break;
    case Operation::Delete:
        countKey = u"deleted"_s;
        result.insert(countKey, double(r.deleted));
        break;
    }
    if (jobError.isError() && job->batchesDone() == 0 && r.total == 0 && r.failures.isEmpty())
        return jobError; // nothing was written: just the error
    const ApiError error =
        writeOutcome(jobError, r.failures, items.size(), modelApiTr("items"), u"list "_s + list.id, input);
    printWriteResult(c.session.out(), result,
                     {{u"listId"_s, modelApiTr("List")},
                      {u"items"_s, modelApiTr("Items sent")},
                      {u"batches"_s, modelApiTr("Requests")},
                      {countKey, countKey == u"added"_s     ? modelApiTr("Added")
                                 : countKey == u"updated"_s ? modelApiTr("Updated")
                                                            : modelApiTr("Deleted")},
                      {u"ignored"_s, modelApiTr("Ignored")},
                      {u"total"_s, modelApiTr("Total")}},
                     error);
    return error;
}

ApiError insertItems(CommandContext &c)
{
    return writeItems(c, Operation::Insert);
}

ApiError updateItems(CommandContext &c)
{
    return writeItems(c, Operation::Update);
}

ApiError deleteItems(CommandContext &c)
{
    return writeItems(c, Operation::Delete);
}

Command writeCommand(const QString &name, const QString &summary, const QString &details,
                     ApiError (*run)(CommandContext &))
{
    Command command = commandEntry(name, modelApiTr("Lists"), u"LIST --from PATH"_s, summary, 1, 1, run);
    command.details =
        details + u' ' +
        modelApiTr(
            "PATH: JSON (an array of items, or {\"items\": […]} as Anaplan takes it) or CSV with a "
            "header line (columns id, name, code, parent; 'subset:NAME' columns true/false; any other "
            "column is a property; empty cells are left out); - reads standard input. More than 100,000 "
            "items are sent in batches of 100,000 (or --batch-size), one after the other; the counts are "
            "summed. JSON: listId listName operation items batches batchesDone added|updated|deleted ignored "
            "total failures[{requestIndex failureType failureMessageDetails line}]. Rejected items: exit 12 "
            "(the others were written). A failed batch stops the rest; the counts of the batches done are "
            "printed.");
    command.options = {
        fromOption(modelApiTr("The items: a JSON or CSV file, - for standard input.")),
        {u"batch-size"_s, {}, u"N"_s, modelApiTr("Items per request (1-100000, default 100000).")}};
    return command;
}

} // namespace

QList<Command> trListWriteCommands()
{
    return {
        writeCommand(u"tr insert-items"_s, modelApiTr("Add items to a list."),
                     modelApiTr("Each item needs a name and/or a code; parent, properties and subsets are "
                                "optional."),
                     insertItems),
        writeCommand(u"tr update-items"_s, modelApiTr("Change existing items of a list (PUT)."),
                     modelApiTr("Each item is identified by its id, else its code, else its name; the other "
                                "fields given are set."),
                     updateItems),
        writeCommand(u"tr delete-items"_s, modelApiTr("Delete items of a list."),
                     modelApiTr("Each item is identified by exactly one of id, code or name (from CSV: the "
                                "first non-empty of id, code, name)."),
                     deleteItems)};
}

} // namespace anadesk::cli
