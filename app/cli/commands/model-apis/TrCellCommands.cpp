// tr write-cells: module cell writes from a JSON or CSV file, split by the core under 100,000 cells
// and 15 MB per request.
#include "../../CommandHelpers.h"
#include "ModelApiCommands.h"
#include "ModelApiSupport.h"
#include "WriteReport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

bool isLineItemHeader(const QString &header)
{
    const QString h = header.toLower().remove(u' ');
    return h == u"lineitem"_s || h == u"lineitemname"_s || h == u"lineitemid"_s;
}

// A dimension item cell: "id:330000000001" → itemId, "code:P-18" → itemCode, else itemName.
QJsonObject dimensionEntry(const QString &header, const QString &cell)
{
    QJsonObject entry;
    if (looksLikeNumericId(header))
        entry.insert(u"dimensionId"_s, header);
    else
        entry.insert(u"dimensionName"_s, header);
    if (cell.startsWith(u"id:"_s))
        entry.insert(u"itemId"_s, cell.mid(3));
    else if (cell.startsWith(u"code:"_s))
        entry.insert(u"itemCode"_s, cell.mid(5));
    else
        entry.insert(u"itemName"_s, cell);
    return entry;
}

ApiError cellsFromCsv(const CsvTable &csv, const QString &fixedLineItem, const QString &source,
                      QJsonArray *out)
{
    qsizetype lineItemColumn = -1;
    qsizetype valueColumn = -1;
    for (qsizetype i = 0; i < csv.header.size(); ++i) {
        if (isLineItemHeader(csv.header.at(i)))
            lineItemColumn = i;
        else if (csv.header.at(i).compare(u"value"_s, Qt::CaseInsensitive) == 0)
            valueColumn = i;
    }
    if (valueColumn < 0 || (lineItemColumn < 0 && fixedLineItem.isEmpty())) {
        ApiError e =
            usage(modelApiTr("The CSV needs a 'Value' column and a 'Line Item' column (or --line-item)"),
                  modelApiTr("Header example: Line Item,Products,Regions,Value — the other columns name "
                             "dimensions, their cells the items."));
        e.object = source;
        return e;
    }
    for (const QStringList &row : csv.rows) {
        const QString lineItem = lineItemColumn >= 0 ? row.at(lineItemColumn).trimmed() : fixedLineItem;
        QJsonObject cell;
        cell.insert(looksLikeNumericId(lineItem) ? u"lineItemId"_s : u"lineItemName"_s, lineItem);
        QJsonArray dimensions;
        for (qsizetype i = 0; i < csv.header.size(); ++i)
            if (i != lineItemColumn && i != valueColumn && !row.at(i).isEmpty())
                dimensions.append(dimensionEntry(csv.header.at(i), row.at(i)));
        cell.insert(u"dimensions"_s, dimensions);
        cell.insert(u"value"_s, row.at(valueColumn)); // Anaplan takes strings for every format
        out->append(cell);
    }
    return {};
}

ApiError writeCells(CommandContext &c)
{
    RequestInput input;
    if (ApiError e = readRequestInput(c.args.value(u"from"_s), u"cells"_s, &input); e.isError())
        return e;
    QJsonArray cells = input.json;
    if (!input.isJson)
        if (ApiError e =
                cellsFromCsv(input.csv, c.args.value(u"line-item"_s).trimmed(), input.source, &cells);
            e.isError())
            return e;
    if (input.isJson && c.args.isSet(u"line-item"_s))
        return usage(modelApiTr("--line-item applies to CSV input only"),
                     modelApiTr("Put lineItemId or lineItemName into each JSON cell."));

    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject module;
    if (ApiError e = resolveTx(c, tx, TxKind::Module, c.args.positionals.at(0), &module); e.isError())
        return e;
    qint64 perRequest = CellWriteJob::kMaxCellsPerRequest;
    if (ApiError e = intOption(c, u"batch-size"_s, 1, CellWriteJob::kMaxCellsPerRequest, &perRequest);
        e.isError())
        return e;

    auto job = Session::own(tx.updateModuleData(
        module.id, cells, BatchLimits{int(perRequest), CellWriteJob::kMaxBytesPerRequest}));
    ProgressLine line(c.session.out());
    reportBatchProgress(job.get(), line, modelApiTr("Writing cells"));
    ApiError jobError = waitForWrite(c.session, job.get(), line);
    const CellWriteResult &r = job->result();
    if (jobError.isError() && job->batchesDone() == 0) {
        if (jobError.category == ErrorCategory::BadInput && jobError.object.isEmpty())
            jobError.object = input.source;
        return jobError; // nothing was written
    }
    QJsonObject result{{u"moduleId"_s, module.id},
                       {u"cells"_s, double(cells.size())},
                       {u"batches"_s, job->batchCount()},
                       {u"batchesDone"_s, job->batchesDone()},
                       {u"numberOfCellsChanged"_s, double(r.numberOfCellsChanged)},
                       {u"failures"_s, failuresWithLines(r.failures, input)}};
    if (!module.name.isEmpty())
        result.insert(u"moduleName"_s, module.name);
    const ApiError error = writeOutcome(jobError, r.failures, cells.size(), modelApiTr("cells"),
                                        u"module "_s + module.id, input);
    printWriteResult(c.session.out(), result,
                     {{u"moduleId"_s, modelApiTr("Module")},
                      {u"cells"_s, modelApiTr("Cells sent")},
                      {u"batches"_s, modelApiTr("Requests")},
                      {u"numberOfCellsChanged"_s, modelApiTr("Cells changed")}},
                     error);
    return error;
}

} // namespace

QList<Command> trCellCommands()
{
    Command write = commandEntry(u"tr write-cells"_s, modelApiTr("Cells"), u"MODULE --from PATH"_s,
                                 modelApiTr("Write module cells from a JSON or CSV file."), 1, 1, writeCells);
    write.details = modelApiTr(
        "MODULE: id or name. JSON: an array of {lineItemId|lineItemName, "
        "dimensions[{dimensionId|dimensionName, "
        "itemId|itemName|itemCode}], value} (or {\"cells\": […]}). CSV: a header with 'Line Item' (or "
        "--line-item "
        "for all rows), one column per dimension (header = dimension name or id; cell = item name, or "
        "'id:ID', "
        "'code:CODE') and 'Value'. Sent in requests of at most 100,000 cells (or --batch-size) and 15 MB. "
        "JSON "
        "output: moduleId moduleName cells batches batchesDone numberOfCellsChanged failures[{requestIndex "
        "failureType failureMessageDetails line}]. Rejected cells: exit 12 (the others were written).");
    write.options = {
        fromOption(modelApiTr("The cells: a JSON or CSV file, - for standard input.")),
        {u"line-item"_s,
         {},
         u"LINE_ITEM"_s,
         modelApiTr("CSV without a Line Item column: the line item (id or name) of every row.")},
        {u"batch-size"_s, {}, u"N"_s, modelApiTr("Cells per request (1-100000, default 100000).")}};
    return {write};
}

} // namespace anadesk::cli
