// tr dimension-items, tr lookup, tr view-dimension-items, tr line-item-dimensions,
// tr line-item-dimension-items: the items of dimensions, as the model, a view or a line item sees them.
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

const QList<Column> kItemColumns = {{u"ID"_s, u"id"_s}, {u"NAME"_s, u"name"_s}, {u"CODE"_s, u"code"_s}};

ApiError printItems(CommandContext &c, Owned<DimensionItemsJob> &job)
{
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->items()), kItemColumns);
    return {};
}

ApiError dimensionItems(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject dim;
    if (ApiError e = resolveTx(c, tx, TxKind::Dimension, c.args.positionals.at(0), &dim); e.isError())
        return e;
    auto job = Session::own(tx.getDimensionItems(dim.id));
    return printItems(c, job);
}

ApiError lookup(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject dim;
    if (ApiError e = resolveTx(c, tx, TxKind::Dimension, c.args.positionals.at(0), &dim); e.isError())
        return e;
    const QStringList values = c.args.positionals.mid(1);
    const bool codes = c.args.isSet(u"codes"_s);
    auto job = Session::own(
        tx.lookupDimensionItems(dim.id, codes ? values : QStringList(), codes ? QStringList() : values));
    return printItems(c, job);
}

// A dimension of `owner` by id or name, among the dimensions listed for it.
ApiError resolveOwnedDimension(const QList<Dimension> &dimensions, const QString &wanted,
                               const QString &object, const QString &listing, NamedObject *out)
{
    if (looksLikeNumericId(wanted.trimmed())) {
        *out = {wanted.trimmed(), {}, {}};
        return {};
    }
    QList<NamedObject> named;
    for (const Dimension &d : dimensions)
        named.append({d.id, d.name, modelApiTr("dimension")});
    return resolveAmong(named, wanted, modelApiTr("dimension"), object, listing, out);
}

ApiError viewDimensionItems(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject view;
    if (ApiError e = resolveTx(c, tx, TxKind::View, c.args.positionals.at(0), &view); e.isError())
        return e;
    NamedObject dim{c.args.positionals.at(1).trimmed(), {}, {}};
    if (!looksLikeNumericId(dim.id)) {
        auto info = Session::own(tx.getViewInfo(view.id));
        if (ApiError e = c.session.wait(info); e.isError())
            return e;
        const ViewInfo &vi = info->viewInfo();
        if (ApiError e = resolveOwnedDimension(vi.rows + vi.columns + vi.pages, c.args.positionals.at(1),
                                               modelApiTr("view %1").arg(view.id),
                                               u"anadesk-cli tr view "_s + view.id, &dim);
            e.isError())
            return e;
    }
    auto job = Session::own(tx.getViewDimensionItems(view.id, dim.id));
    return printItems(c, job);
}

ApiError lineItemDimensions(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject item;
    if (ApiError e = resolveTx(c, tx, TxKind::LineItem, c.args.positionals.at(0), &item); e.isError())
        return e;
    auto job = Session::own(tx.getLineItemDimensions(item.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(json::arrayOf(job->dimensions()), {{u"ID"_s, u"id"_s}, {u"NAME"_s, u"name"_s}});
    return {};
}

ApiError lineItemDimensionItems(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    NamedObject item;
    if (ApiError e = resolveTx(c, tx, TxKind::LineItem, c.args.positionals.at(0), &item); e.isError())
        return e;
    NamedObject dim{c.args.positionals.at(1).trimmed(), {}, {}};
    if (!looksLikeNumericId(dim.id)) {
        auto dims = Session::own(tx.getLineItemDimensions(item.id));
        if (ApiError e = c.session.wait(dims); e.isError())
            return e;
        if (ApiError e = resolveOwnedDimension(dims->dimensions(), c.args.positionals.at(1),
                                               modelApiTr("line item %1").arg(item.id),
                                               u"anadesk-cli tr line-item-dimensions "_s + item.id, &dim);
            e.isError())
            return e;
    }
    auto job = Session::own(tx.getLineItemDimensionItems(item.id, dim.id));
    return printItems(c, job);
}

} // namespace

QList<Command> trDimensionCommands()
{
    const QString group = modelApiTr("Dimensions");
    const QString itemsJson = modelApiTr("JSON: an array of {id, name, code} (code when the item has one).");
    Command items =
        commandEntry(u"tr dimension-items"_s, group, u"DIMENSION"_s,
                     modelApiTr("List every item of a list, a subset or Users."), 1, 1, dimensionItems);
    items.details =
        modelApiTr("DIMENSION: id or name. Time and Versions are read with 'tr lookup' or through a "
                   "view. ") +
        itemsJson;

    Command find = commandEntry(u"tr lookup"_s, group, u"DIMENSION [--codes] VALUE..."_s,
                                modelApiTr("Find items of a dimension by name (or by code with --codes)."), 2,
                                -1, lookup);
    find.details =
        modelApiTr("Only items that exist are returned; none found is an empty list (exit 0). ") + itemsJson;
    find.options = {{u"codes"_s, {}, {}, modelApiTr("The VALUEs are item codes, not names.")}};

    Command view = commandEntry(u"tr view-dimension-items"_s, group, u"VIEW DIMENSION"_s,
                                modelApiTr("List the items of a dimension as a view selects them."), 2, 2,
                                viewDimensionItems);
    view.details = modelApiTr("DIMENSION: id, or the name of one of the view's dimensions. ") + itemsJson;

    Command dims = commandEntry(u"tr line-item-dimensions"_s, group, u"LINE_ITEM"_s,
                                modelApiTr("List the dimensions a line item is dimensioned by."), 1, 1,
                                lineItemDimensions);
    dims.details = modelApiTr("LINE_ITEM: id or name. JSON: an array of {id, name}.");

    Command dimItems = commandEntry(u"tr line-item-dimension-items"_s, group, u"LINE_ITEM DIMENSION"_s,
                                    modelApiTr("List the items of one of a line item's dimensions."), 2, 2,
                                    lineItemDimensionItems);
    dimItems.details = itemsJson;
    return {items, find, view, dims, dimItems};
}

} // namespace anadesk::cli
