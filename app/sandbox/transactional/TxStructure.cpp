#include "TxStructure.h"

#include <QJsonArray>
#include <QMap>

namespace sandbox::tx {

namespace {

QJsonObject listJson(const ListData &list, const TxListMeta &meta)
{
    QJsonObject o{{QStringLiteral("id"), list.id},
                  {QStringLiteral("name"), list.name},
                  {QStringLiteral("parentListId"), list.parentListId},
                  {QStringLiteral("propertyNames"), QJsonArray::fromStringList(list.propertyNames)},
                  {QStringLiteral("productionData"), meta.productionData}};
    if (!meta.productionData) {
        QJsonArray items;
        for (const ListItem &item : list.items)
            items.append(QJsonObject{{QStringLiteral("name"), item.name},
                                     {QStringLiteral("code"), item.code},
                                     {QStringLiteral("parent"), item.parent}});
        o.insert(QStringLiteral("items"), items);
    }
    return o;
}

QMap<QString, QJsonObject> byId(const QJsonArray &array)
{
    QMap<QString, QJsonObject> out;
    for (const QJsonValue &v : array)
        out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return out;
}

struct LineItemRef
{
    QJsonObject lineItem;
    QString moduleName;
};

QMap<QString, LineItemRef> lineItemsOf(const QJsonObject &structure)
{
    QMap<QString, LineItemRef> out;
    for (const QJsonValue &m : structure.value(QStringLiteral("modules")).toArray()) {
        const QJsonObject module = m.toObject();
        for (const QJsonValue &li : module.value(QStringLiteral("lineItems")).toArray())
            out.insert(li.toObject().value(QStringLiteral("id")).toString(),
                       {li.toObject(), module.value(QStringLiteral("name")).toString()});
    }
    return out;
}

QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toVariant().toString();
}

} // namespace

QJsonObject structureOf(const ModelData &data, const TxModel &model)
{
    QJsonArray lists;
    for (const ListData &list : data.lists)
        lists.append(listJson(list, model.listMeta(list.id)));
    QJsonArray modules;
    for (const TxModule &m : model.modules) {
        QJsonObject o = m.toJson(false);
        if (m.tenantBacked()) {
            QJsonArray items;
            if (const ModuleData *tenant = data.module(m.id))
                for (const LineItem &li : tenant->lineItems) {
                    TxLineItem t;
                    t.id = li.id;
                    t.name = li.name;
                    t.format = li.format;
                    items.append(t.toJson());
                }
            o.insert(QStringLiteral("lineItems"), items);
        }
        modules.append(o);
    }
    QJsonArray views;
    for (const TxView &v : model.views)
        views.append(v.toJson());
    return {{QStringLiteral("lists"), lists},
            {QStringLiteral("modules"), modules},
            {QStringLiteral("views"), views}};
}

void applyStructure(const QJsonObject &structure, ModelData &data, TxModel &model)
{
    // Lists: add, rename, re-parent; non-production lists take the source's items (keeping ids by name).
    QList<ListData> lists;
    for (const QJsonValue &v : structure.value(QStringLiteral("lists")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString id = field(o, "id");
        const ListData *existing = data.list(id);
        ListData list = existing ? *existing : ListData{id, {}, {}, {}, {}};
        list.name = field(o, "name");
        list.parentListId = field(o, "parentListId");
        list.propertyNames.clear();
        for (const QJsonValue &p : o.value(QStringLiteral("propertyNames")).toArray())
            list.propertyNames.append(p.toString());
        const bool production = o.value(QStringLiteral("productionData")).toBool();
        if (!production) {
            QList<ListItem> items;
            for (const QJsonValue &iv : o.value(QStringLiteral("items")).toArray()) {
                const QJsonObject io = iv.toObject();
                ListItem item;
                const int at = list.indexOf(field(io, "name"));
                if (at >= 0)
                    item = list.items.at(at);
                item.name = field(io, "name");
                item.code = field(io, "code");
                item.parent = field(io, "parent");
                if (item.id == 0)
                    item.id = data.nextItemId++;
                items.append(item);
            }
            list.items = items;
        }
        TxListMeta meta = model.listMeta(id);
        meta.productionData = production;
        model.lists.insert(id, meta);
        lists.append(list);
    }
    data.lists = lists;

    // Modules, line items and views; cells stay for what stays.
    QList<TxModule> modules;
    for (const QJsonValue &v : structure.value(QStringLiteral("modules")).toArray()) {
        TxModule incoming = TxModule::fromJson(v.toObject());
        if (const TxModule *existing = model.module(incoming.id))
            incoming.cells = existing->cells;
        if (incoming.tenantBacked()) {
            if (ModuleData *tenant = data.module(incoming.id)) {
                QList<LineItem> items;
                for (const TxLineItem &li : incoming.lineItems)
                    items.append({li.id, li.name, li.format});
                tenant->lineItems = items;
            }
            incoming.lineItems.clear();
        }
        modules.append(incoming);
    }
    model.modules = modules;
    QList<TxView> views;
    for (const QJsonValue &v : structure.value(QStringLiteral("views")).toArray())
        views.append(TxView::fromJson(v.toObject()));
    model.views = views;
}

StructureDiff diffStructures(const QJsonObject &target, const QJsonObject &source, const QString &title)
{
    StructureDiff diff;
    QStringList listsAdded, listsDeleted, listChanges, modulesAdded, modulesChanged, modulesDeleted,
        lineItemsAdded, lineItemsChanged, lineItemsDeleted;
    const auto targetLists = byId(target.value(QStringLiteral("lists")).toArray());
    const auto sourceLists = byId(source.value(QStringLiteral("lists")).toArray());
    const auto listName = [&](const QString &id) {
        return sourceLists.value(id, targetLists.value(id)).value(QStringLiteral("name")).toString();
    };
    for (auto it = sourceLists.cbegin(); it != sourceLists.cend(); ++it) {
        const QJsonObject &s = it.value();
        if (!targetLists.contains(it.key())) {
            ++diff.lists.created;
            listsAdded.append(field(s, "name") + QLatin1Char('\t') + listName(field(s, "parentListId")) +
                              QLatin1Char('\t') +
                              (s.value(QStringLiteral("productionData")).toBool() ? QStringLiteral("Yes")
                                                                                  : QStringLiteral("No")));
            continue;
        }
        const QJsonObject &t = targetLists[it.key()];
        bool changed = false;
        if (field(s, "name") != field(t, "name")) {
            listChanges.append(field(s, "name") + QStringLiteral("\t\tRenamed from ") + field(t, "name"));
            changed = true;
        }
        if (field(s, "parentListId") != field(t, "parentListId")) {
            listChanges.append(field(s, "name") + QStringLiteral("\t\tParent list changed to ") +
                               listName(field(s, "parentListId")));
            changed = true;
        }
        if (s.value(QStringLiteral("propertyNames")) != t.value(QStringLiteral("propertyNames"))) {
            listChanges.append(field(s, "name") + QStringLiteral("\t\tProperties changed"));
            changed = true;
        }
        if (!s.value(QStringLiteral("productionData")).toBool()) {
            QSet<QString> before, after;
            for (const QJsonValue &i : t.value(QStringLiteral("items")).toArray())
                before.insert(field(i.toObject(), "name"));
            for (const QJsonValue &i : s.value(QStringLiteral("items")).toArray())
                after.insert(field(i.toObject(), "name"));
            for (const QString &name : after - before) {
                listChanges.append(field(s, "name") + QLatin1Char('\t') + name +
                                   QStringLiteral("\tItem added"));
                changed = true;
            }
            for (const QString &name : before - after) {
                listChanges.append(field(s, "name") + QLatin1Char('\t') + name +
                                   QStringLiteral("\tItem deleted"));
                changed = true;
            }
        }
        if (changed)
            ++diff.lists.modified;
    }
    for (auto it = targetLists.cbegin(); it != targetLists.cend(); ++it)
        if (!sourceLists.contains(it.key())) {
            ++diff.lists.deleted;
            listsDeleted.append(field(it.value(), "name"));
        }

    const auto targetModules = byId(target.value(QStringLiteral("modules")).toArray());
    const auto sourceModules = byId(source.value(QStringLiteral("modules")).toArray());
    const auto dims = [&](const QJsonObject &m) {
        QStringList names;
        for (const QJsonValue &d : m.value(QStringLiteral("dimensions")).toArray())
            names.append(d.toString() == kTimeDimension ? QStringLiteral("Time") : listName(d.toString()));
        return names.join(QStringLiteral(", "));
    };
    for (auto it = sourceModules.cbegin(); it != sourceModules.cend(); ++it) {
        if (!targetModules.contains(it.key())) {
            ++diff.modules.created;
            modulesAdded.append(field(it.value(), "name") + QLatin1Char('\t') + dims(it.value()));
        } else if (field(it.value(), "name") != field(targetModules[it.key()], "name") ||
                   it.value().value(QStringLiteral("dimensions")) !=
                       targetModules[it.key()].value(QStringLiteral("dimensions"))) {
            ++diff.modules.modified;
            modulesChanged.append(field(it.value(), "name") + QLatin1Char('\t') + dims(it.value()));
        }
    }
    for (auto it = targetModules.cbegin(); it != targetModules.cend(); ++it)
        if (!sourceModules.contains(it.key())) {
            ++diff.modules.deleted;
            modulesDeleted.append(field(it.value(), "name"));
        }

    const auto targetItems = lineItemsOf(target);
    const auto sourceItems = lineItemsOf(source);
    const auto describe = [](const LineItemRef &r) -> QString {
        return r.moduleName + QLatin1Char('\t') + field(r.lineItem, "name") + QLatin1Char('\t') +
               field(r.lineItem, "format") + QLatin1Char('\t') + field(r.lineItem, "formula");
    };
    for (auto it = sourceItems.cbegin(); it != sourceItems.cend(); ++it) {
        if (!targetItems.contains(it.key())) {
            ++diff.lineItems.created;
            lineItemsAdded.append(describe(it.value()));
            continue;
        }
        const QJsonObject &s = it.value().lineItem;
        const QJsonObject &t = targetItems[it.key()].lineItem;
        for (const char *key : {"name", "format", "formula", "listId"})
            if (field(s, key) != field(t, key)) {
                ++diff.lineItems.modified;
                lineItemsChanged.append(describe(it.value()));
                break;
            }
    }
    for (auto it = targetItems.cbegin(); it != targetItems.cend(); ++it)
        if (!sourceItems.contains(it.key())) {
            ++diff.lineItems.deleted;
            lineItemsDeleted.append(describe(it.value()));
        }

    QString tsv = QStringLiteral("Comparison Report\t") + title + QStringLiteral("\n");
    const auto section = [&](const QString &name, const QString &header, const QStringList &rows,
                             bool always) {
        if (rows.isEmpty() && !always)
            return;
        tsv += QLatin1Char('\n') + name + QLatin1Char('\n') + header + QLatin1Char('\n');
        for (const QString &r : rows)
            tsv += r + QLatin1Char('\n');
    };
    // The five sections Anaplan's report always has, then the ones for deletions and changes.
    section(QStringLiteral("Lists Added"), QStringLiteral("List\tParent List\tProduction Data"), listsAdded,
            true);
    section(QStringLiteral("Modules Added"), QStringLiteral("Module\tApplies To"), modulesAdded, true);
    section(QStringLiteral("Roles Changed"), QStringLiteral("Role\tChange"), {}, true);
    section(QStringLiteral("Changes Within Lists"), QStringLiteral("List\tItem\tChange"), listChanges, true);
    section(QStringLiteral("Line Items Added"), QStringLiteral("Module\tLine Item\tFormat\tFormula"),
            lineItemsAdded, true);
    section(QStringLiteral("Line Items Changed"), QStringLiteral("Module\tLine Item\tFormat\tFormula"),
            lineItemsChanged, false);
    section(QStringLiteral("Line Items Deleted"), QStringLiteral("Module\tLine Item\tFormat\tFormula"),
            lineItemsDeleted, false);
    section(QStringLiteral("Modules Changed"), QStringLiteral("Module\tApplies To"), modulesChanged, false);
    section(QStringLiteral("Modules Deleted"), QStringLiteral("Module"), modulesDeleted, false);
    section(QStringLiteral("Lists Deleted"), QStringLiteral("List"), listsDeleted, false);
    diff.report = tsv.toUtf8();
    return diff;
}

} // namespace sandbox::tx
