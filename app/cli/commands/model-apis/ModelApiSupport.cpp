#include "ModelApiSupport.h"

#include "../../CommandHelpers.h"
#include "api/BulkPaths.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString nounOf(TxKind kind)
{
    switch (kind) {
    case TxKind::Module:
        return modelApiTr("module");
    case TxKind::List:
        return modelApiTr("list");
    case TxKind::View:
        return modelApiTr("view");
    case TxKind::LineItem:
        return modelApiTr("line item");
    case TxKind::Dimension:
        return modelApiTr("dimension");
    }
    return QString();
}

QString listingOf(TxKind kind)
{
    switch (kind) {
    case TxKind::Module:
        return u"anadesk-cli tr modules"_s;
    case TxKind::List:
    case TxKind::Dimension:
        return u"anadesk-cli tr lists"_s;
    case TxKind::View:
        return u"anadesk-cli tr views"_s;
    case TxKind::LineItem:
        return u"anadesk-cli tr line-items"_s;
    }
    return QString();
}

template <typename J, typename Items>
ApiError listNamed(CommandContext &c, J *started, Items items, const QString &noun, QList<NamedObject> *out)
{
    auto job = Session::own(started);
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    for (const auto &o : items(job.get()))
        out->append({o.id, o.name, noun});
    return {};
}

void addUnlessListed(QList<NamedObject> *objects, const NamedObject &object)
{
    for (const NamedObject &o : std::as_const(*objects))
        if (o.id == object.id)
            return;
    objects->append(object);
}

} // namespace

ApiError transactionalClient(CommandContext &c, TransactionalClient *out)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    *out = TransactionalClient(c.session.connection(), c.session.modelId());
    return {};
}

ApiError almClient(CommandContext &c, AlmClient *out)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    *out = AlmClient(c.session.connection(), c.session.modelId());
    return {};
}

bool looksLikeNumericId(const QString &text)
{
    static const QRegularExpression digits(u"^[0-9]{1,20}$"_s);
    return digits.match(text).hasMatch();
}

ApiError resolveAmong(const QList<NamedObject> &objects, const QString &idOrName, const QString &noun,
                      const QString &object, const QString &listing, NamedObject *out)
{
    const Resolution r = resolveByIdOrName(objects, idOrName.trimmed(), noun);
    if (r.isOk()) {
        *out = r.object;
        return {};
    }
    ApiError e = r.error;
    if (e.object.isEmpty())
        e.object = object;
    if (e.category == ErrorCategory::NotFound && !listing.isEmpty())
        e.hint = modelApiTr("See the ids and names with: %1.").arg(listing);
    return e;
}

ApiError resolveTx(CommandContext &c, const TransactionalClient &client, TxKind kind, const QString &idOrName,
                   NamedObject *out)
{
    const QString noun = nounOf(kind);
    const QString wanted = idOrName.trimmed();
    if (looksLikeNumericId(wanted)) {
        *out = {wanted, QString(), noun};
        return {};
    }
    QList<NamedObject> objects;
    ApiError e;
    switch (kind) {
    case TxKind::Module:
        e = listNamed(
            c, client.getModules(), [](ListModulesJob *j) { return j->modules(); }, noun, &objects);
        break;
    case TxKind::List:
    case TxKind::Dimension:
        e = listNamed(
            c, client.getLists(), [](ListListsJob *j) { return j->lists(); }, noun, &objects);
        if (!e.isError() && kind == TxKind::Dimension) {
            // Built-in dimensions with Anaplan's fixed ids, in case the list listing leaves them out.
            addUnlessListed(&objects, {u"20000000003"_s, u"Time"_s, noun});
            addUnlessListed(&objects, {u"20000000020"_s, u"Versions"_s, noun});
            addUnlessListed(&objects, {u"101999999999"_s, u"Users"_s, noun});
        }
        break;
    case TxKind::View:
        e = listNamed(
            c, client.getViews(), [](ListViewsJob *j) { return j->views(); }, noun, &objects);
        if (!e.isError()) {
            // A module's default view carries the module's id and name.
            QList<NamedObject> modules;
            e = listNamed(
                c, client.getModules(), [](ListModulesJob *j) { return j->modules(); }, noun, &modules);
            for (const NamedObject &m : std::as_const(modules))
                addUnlessListed(&objects, m);
        }
        break;
    case TxKind::LineItem:
        e = listNamed(
            c, client.getLineItems({}, false), [](ListLineItemsJob *j) { return j->lineItems(); }, noun,
            &objects);
        break;
    }
    if (e.isError())
        return e;
    return resolveAmong(objects, wanted, noun, modelLabel(c.session.modelId()), listingOf(kind), out);
}

ApiError intOption(const CommandContext &c, const QString &name, qint64 min, qint64 max, qint64 *out,
                   bool *given)
{
    if (given)
        *given = c.args.isSet(name);
    if (!c.args.isSet(name))
        return {};
    bool ok = false;
    const qint64 value = c.args.value(name).trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return usage(modelApiTr("--%1 '%2' must be a whole number from %3 to %4")
                         .arg(name, c.args.value(name))
                         .arg(min)
                         .arg(max));
    *out = value;
    return {};
}

ApiError sortQuery(const CommandContext &c, const QStringList &, ListQuery *out)
{
    // The core checks the field against what the listing accepts (BadInput naming the allowed ones).
    out->sortBy = c.args.value(u"sort"_s).trimmed();
    out->descending = c.args.isSet(u"descending"_s);
    if (out->descending && out->sortBy.isEmpty())
        return usage(modelApiTr("--descending needs --sort FIELD"));
    return {};
}

QList<OptionSpec> sortOptions(const QStringList &fields)
{
    return {{u"sort"_s, {}, u"FIELD"_s, modelApiTr("Sort by %1 (server side).").arg(fields.join(u" | "_s))},
            {u"descending"_s, {}, {}, modelApiTr("Sort in descending order (with --sort).")}};
}

OptionSpec fromOption(const QString &help)
{
    return {u"from"_s, {}, u"PATH"_s, help};
}

OptionSpec yesOption(const QString &help)
{
    return {u"yes"_s, {}, {}, help};
}

} // namespace anadesk::cli
