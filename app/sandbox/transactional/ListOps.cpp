#include "ListOps.h"

#include <QDate>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace sandbox::tx {

namespace {

QJsonObject failure(int index, const QString &type, const QString &details)
{
    return {{QStringLiteral("requestIndex"), index},
            {QStringLiteral("failureType"), type},
            {QStringLiteral("failureMessageDetails"), details}};
}

// Names and codes may arrive as JSON numbers (the library's tests send {"name": 1, "code": 1}).
QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

bool present(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

// Checks and normalises `properties`; the failure details, or empty on success.
QString applyProperties(const ListData &list, const TxListMeta &meta, const QJsonValue &value,
                        QMap<QString, QString> *properties, QString *type)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        *type = QStringLiteral("INCORRECT_FORMAT");
        return QStringLiteral("properties must be an object of property name to value");
    }
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!list.propertyNames.contains(it.key())) {
            *type = QStringLiteral("INVALID_PROPERTY");
            return QStringLiteral("unknown property -- column name:%1; the list %2 has: %3")
                .arg(it.key(), list.name,
                     list.propertyNames.isEmpty() ? QStringLiteral("no properties")
                                                  : list.propertyNames.join(QStringLiteral(", ")));
        }
        QString normalised;
        const QString format = meta.propertyFormats.value(it.key(), QStringLiteral("TEXT"));
        if (!normaliseValue(format, it.value(), &normalised)) {
            *type = QStringLiteral("INCORRECT_FORMAT");
            return QStringLiteral("incorrect format -- column name:%1, value:%2")
                .arg(it.key(), scalarText(it.value()));
        }
        properties->insert(it.key(), normalised);
    }
    return {};
}

QString checkSubsets(const QJsonValue &value, QString *type)
{
    if (value.isUndefined() || value.isNull() || (value.isObject() && value.toObject().isEmpty()))
        return {};
    *type = QStringLiteral("INVALID_SUBSET");
    return QStringLiteral("unknown subset -- this list has no subsets");
}

} // namespace

bool normaliseValue(const QString &format, const QJsonValue &value, QString *out)
{
    if (format == QLatin1String("NUMBER")) {
        if (value.isDouble()) {
            *out = QString::number(value.toDouble(), 'g', 15);
            return true;
        }
        return value.isString() && normaliseNumber(value.toString(), out);
    }
    if (format == QLatin1String("BOOLEAN")) {
        if (value.isBool()) {
            *out = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            return true;
        }
        QString b;
        if (!value.isString() || !normaliseBoolean(value.toString(), &b))
            return false;
        *out = b == QLatin1String("TRUE") ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    }
    if (format == QLatin1String("DATE")) {
        const QString text = value.toString();
        if (text.isEmpty() && value.isString()) {
            out->clear();
            return true;
        }
        const QDate d = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
        if (!d.isValid())
            return false;
        *out = d.toString(Qt::ISODate);
        return true;
    }
    if (value.isObject() || value.isArray() || value.isUndefined())
        return false;
    *out = scalarText(value);
    return true;
}

ListWriteResult addListItems(ModelData &data, const QString &listId, TxListMeta &meta,
                             const QJsonArray &items)
{
    ListWriteResult r;
    r.total = int(items.size());
    ListData *list = data.list(listId);
    const ListData *parentList = list->parentListId.isEmpty() ? nullptr : data.list(list->parentListId);
    QSet<QString> names, codes, parents;
    for (const ListItem &item : std::as_const(list->items)) {
        names.insert(item.name);
        if (!item.code.isEmpty())
            codes.insert(item.code);
    }
    if (parentList)
        for (const ListItem &item : parentList->items)
            parents.insert(item.name);
    list->items.reserve(list->items.size() + items.size());
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            r.failures.append(failure(i, QStringLiteral("INCORRECT_FORMAT"),
                                      QStringLiteral("a list item must be a JSON object")));
            continue;
        }
        const QJsonObject o = items.at(i).toObject();
        ListItem item;
        item.name = scalarText(o.value(QStringLiteral("name"))).trimmed();
        item.code = scalarText(o.value(QStringLiteral("code"))).trimmed();
        item.parent = scalarText(o.value(QStringLiteral("parent")));
        if (meta.numbered) {
            if (!item.name.isEmpty()) {
                r.failures.append(failure(
                    i, QStringLiteral("INCORRECT_FORMAT"),
                    QStringLiteral("a numbered list names its items itself; send a code, not a name")));
                continue;
            }
            item.name = QStringLiteral("#%1").arg(meta.nextIndex);
        }
        if (item.name.isEmpty()) {
            r.failures.append(failure(i, QStringLiteral("INCOMPLETE_DATA"),
                                      QStringLiteral("missing name -- a general list item needs a name")));
            continue;
        }
        if (names.contains(item.name)) {
            r.failures.append(failure(
                i, QStringLiteral("DUPLICATE_NAME"),
                QStringLiteral("duplicate name -- %1 is already an item of %2").arg(item.name, list->name)));
            continue;
        }
        if (!item.code.isEmpty() && codes.contains(item.code)) {
            r.failures.append(failure(
                i, QStringLiteral("DUPLICATE_CODE"),
                QStringLiteral("duplicate code -- %1 is already used in %2").arg(item.code, list->name)));
            continue;
        }
        if (!item.parent.isEmpty() && (!parentList || !parents.contains(item.parent))) {
            r.failures.append(failure(
                i, QStringLiteral("INVALID_PARENT"),
                parentList
                    ? QStringLiteral("parent %1 is not an item of %2").arg(item.parent, parentList->name)
                    : QStringLiteral("%1 has no parent list; remove 'parent'").arg(list->name)));
            continue;
        }
        QString type;
        QString problem =
            applyProperties(*list, meta, o.value(QStringLiteral("properties")), &item.properties, &type);
        if (problem.isEmpty())
            problem = checkSubsets(o.value(QStringLiteral("subsets")), &type);
        if (!problem.isEmpty()) {
            r.failures.append(failure(i, type, problem));
            continue;
        }
        item.id = data.nextItemId++;
        names.insert(item.name);
        if (!item.code.isEmpty())
            codes.insert(item.code);
        list->items.append(item);
        ++meta.nextIndex;
        ++r.changed;
    }
    return r;
}

ListWriteResult updateListItems(ModelData &data, const QString &listId, const TxListMeta &meta,
                                const QJsonArray &items)
{
    ListWriteResult r;
    r.total = int(items.size());
    ListData *list = data.list(listId);
    const ListData *parentList = list->parentListId.isEmpty() ? nullptr : data.list(list->parentListId);
    QHash<qint64, int> byId;
    QHash<QString, int> byName, byCode;
    for (int i = 0; i < list->items.size(); ++i) {
        const ListItem &item = list->items.at(i);
        byId.insert(item.id, i);
        byName.insert(item.name, i);
        if (!item.code.isEmpty())
            byCode.insert(item.code, i);
    }
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        if (!items.at(i).isObject()) {
            r.failures.append(failure(i, QStringLiteral("INCORRECT_FORMAT"),
                                      QStringLiteral("a list item must be a JSON object")));
            continue;
        }
        const QString name = scalarText(o.value(QStringLiteral("name"))).trimmed();
        const QString code = scalarText(o.value(QStringLiteral("code"))).trimmed();
        // Identify: id first, then code, then name (a name only identifies an item without a code).
        int at = -1;
        if (present(o, "id")) {
            at = byId.value(scalarText(o.value(QStringLiteral("id"))).toLongLong(), -1);
        } else if (!code.isEmpty() && byCode.contains(code)) {
            at = byCode.value(code);
        } else if (!name.isEmpty() && byName.contains(name)) {
            at = byName.value(name);
            if (!list->items.at(at).code.isEmpty() && code.isEmpty()) {
                r.failures.append(
                    failure(i, QStringLiteral("INCOMPLETE_DATA"),
                            QStringLiteral("item %1 has a code; identify it by its code or id").arg(name)));
                continue;
            }
        }
        if (at < 0) {
            r.failures.append(
                failure(i, QStringLiteral("ITEM_NOT_FOUND"),
                        QStringLiteral("no item of %1 matches the given id, code or name").arg(list->name)));
            continue;
        }
        ListItem item = list->items.at(at);
        if (present(o, "code") && code.isEmpty() && !item.code.isEmpty()) {
            r.failures.append(failure(
                i, QStringLiteral("INCOMPLETE_DATA"),
                QStringLiteral("an empty code cannot replace the code %1 of %2").arg(item.code, item.name)));
            continue;
        }
        if (!name.isEmpty() && name != item.name && byName.contains(name)) {
            r.failures.append(
                failure(i, QStringLiteral("INCOMPLETE_DATA"),
                        QStringLiteral("the name %1 is already used in %2").arg(name, list->name)));
            continue;
        }
        if (!code.isEmpty() && code != item.code && byCode.contains(code)) {
            r.failures.append(
                failure(i, QStringLiteral("DUPLICATE_CODE"),
                        QStringLiteral("duplicate code -- %1 is already used in %2").arg(code, list->name)));
            continue;
        }
        const QString parent = scalarText(o.value(QStringLiteral("parent")));
        if (present(o, "parent") && !parent.isEmpty() && (!parentList || parentList->indexOf(parent) < 0)) {
            r.failures.append(
                failure(i, QStringLiteral("INVALID_PARENT"),
                        QStringLiteral("parent %1 is not an item of the parent list").arg(parent)));
            continue;
        }
        QString type;
        QString problem =
            applyProperties(*list, meta, o.value(QStringLiteral("properties")), &item.properties, &type);
        if (problem.isEmpty())
            problem = checkSubsets(o.value(QStringLiteral("subsets")), &type);
        if (!problem.isEmpty()) {
            r.failures.append(failure(i, type, problem));
            continue;
        }
        const QString oldName = item.name;
        if (!name.isEmpty() && name != oldName) {
            // Renames follow the item into child lists and the tenant's cells (keyed by names).
            for (ListData &child : data.lists)
                if (child.parentListId == listId)
                    for (ListItem &c : child.items)
                        if (c.parent == oldName)
                            c.parent = name;
            for (ModuleData &m : data.modules) {
                if (m.rowListId != listId && m.columnListId != listId)
                    continue;
                QHash<QString, QString> cells;
                for (auto it = m.cells.cbegin(); it != m.cells.cend(); ++it) {
                    QStringList parts = it.key().split(QChar(0x1f));
                    if (m.rowListId == listId && parts.value(0) == oldName)
                        parts[0] = name;
                    if (m.columnListId == listId && parts.value(1) == oldName)
                        parts[1] = name;
                    cells.insert(parts.join(QChar(0x1f)), it.value());
                }
                m.cells = cells;
            }
            byName.remove(oldName);
            byName.insert(name, at);
            item.name = name;
        }
        if (!code.isEmpty() && code != item.code) {
            byCode.remove(item.code);
            byCode.insert(code, at);
            item.code = code;
        }
        if (present(o, "parent"))
            item.parent = parent;
        list->items[at] = item;
        ++r.changed;
    }
    return r;
}

ListWriteResult deleteListItems(ModelData &data, const QString &listId, const QJsonArray &items)
{
    ListWriteResult r;
    r.total = int(items.size());
    ListData *list = data.list(listId);
    QHash<qint64, int> byId;
    QHash<QString, int> byName, byCode;
    for (int i = 0; i < list->items.size(); ++i) {
        const ListItem &item = list->items.at(i);
        byId.insert(item.id, i);
        byName.insert(item.name, i);
        if (!item.code.isEmpty())
            byCode.insert(item.code, i);
    }
    QSet<int> doomed;
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        const int identifiers = int(present(o, "id")) + int(present(o, "code")) + int(present(o, "name"));
        if (!items.at(i).isObject() || identifiers != 1) {
            r.failures.append(
                failure(i, QStringLiteral("INCORRECT_FORMAT"),
                        QStringLiteral("identify each item by exactly one of id, code or name")));
            continue;
        }
        int at = -1;
        if (present(o, "id"))
            at = byId.value(scalarText(o.value(QStringLiteral("id"))).toLongLong(), -1);
        else if (present(o, "code"))
            at = byCode.value(scalarText(o.value(QStringLiteral("code"))), -1);
        else
            at = byName.value(scalarText(o.value(QStringLiteral("name"))), -1);
        if (at < 0 || doomed.contains(at)) {
            r.failures.append(failure(
                i, QStringLiteral("ITEM_NOT_FOUND"),
                QStringLiteral("no item of %1 matches %2")
                    .arg(list->name, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)))));
            continue;
        }
        doomed.insert(at);
        ++r.changed;
    }
    if (doomed.isEmpty())
        return r;
    QSet<QString> names;
    QList<ListItem> kept;
    kept.reserve(list->items.size() - doomed.size());
    for (int i = 0; i < list->items.size(); ++i) {
        if (doomed.contains(i))
            names.insert(list->items.at(i).name);
        else
            kept.append(list->items.at(i));
    }
    list->items = kept;
    for (ListData &child : data.lists)
        if (child.parentListId == listId)
            for (ListItem &c : child.items)
                if (names.contains(c.parent))
                    c.parent.clear();
    for (ModuleData &m : data.modules) {
        if (m.rowListId != listId && m.columnListId != listId)
            continue;
        for (auto it = m.cells.begin(); it != m.cells.end();) {
            const QStringList parts = it.key().split(QChar(0x1f));
            if ((m.rowListId == listId && names.contains(parts.value(0))) ||
                (m.columnListId == listId && names.contains(parts.value(1))))
                it = m.cells.erase(it);
            else
                ++it;
        }
    }
    return r;
}

} // namespace sandbox::tx
