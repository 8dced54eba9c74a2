#include "ModelData.h"

#include <QJsonArray>

#include <cmath>

namespace sandbox {

int ListData::indexOf(const QString &itemName) const
{
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i).name == itemName)
            return i;
    return -1;
}

int ListData::indexOfCode(const QString &code) const
{
    if (code.isEmpty())
        return -1;
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i).code == code)
            return i;
    return -1;
}

QString ModuleData::cellKey(const QString &row, const QString &column, const QString &lineItem)
{
    return row + QChar(0x1f) + column + QChar(0x1f) + lineItem;
}

int ModuleData::lineItemIndex(const QString &name) const
{
    for (int i = 0; i < lineItems.size(); ++i)
        if (lineItems.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

ListData *ModelData::list(const QString &id)
{
    for (ListData &l : lists)
        if (l.id == id)
            return &l;
    return nullptr;
}

const ListData *ModelData::list(const QString &id) const
{
    for (const ListData &l : lists)
        if (l.id == id)
            return &l;
    return nullptr;
}

ModuleData *ModelData::module(const QString &id)
{
    for (ModuleData &m : modules)
        if (m.id == id)
            return &m;
    return nullptr;
}

const ModuleData *ModelData::module(const QString &id) const
{
    for (const ModuleData &m : modules)
        if (m.id == id)
            return &m;
    return nullptr;
}

bool ModelData::ensureItemIds()
{
    bool changed = false;
    for (ListData &l : lists)
        for (ListItem &item : l.items)
            if (item.id == 0) {
                item.id = nextItemId++;
                changed = true;
            }
    return changed;
}

void ModelData::removeListItem(const QString &listId, const QString &itemName)
{
    ListData *l = list(listId);
    if (!l)
        return;
    const int index = l->indexOf(itemName);
    if (index < 0)
        return;
    l->items.removeAt(index);
    for (ListData &child : lists)
        if (child.parentListId == listId)
            for (ListItem &item : child.items)
                if (item.parent == itemName)
                    item.parent.clear();
    for (ModuleData &m : modules) {
        const bool rows = m.rowListId == listId;
        const bool columns = m.columnListId == listId;
        if (!rows && !columns)
            continue;
        for (auto it = m.cells.begin(); it != m.cells.end();) {
            const QStringList parts = it.key().split(QChar(0x1f));
            if ((rows && parts.value(0) == itemName) || (columns && parts.value(1) == itemName))
                it = m.cells.erase(it);
            else
                ++it;
        }
    }
}

namespace {

QJsonObject listToJson(const ListData &l)
{
    QJsonArray items;
    for (const ListItem &item : l.items) {
        QJsonObject o{{QStringLiteral("name"), item.name}, {QStringLiteral("code"), item.code},
                      {QStringLiteral("parent"), item.parent}};
        QJsonObject props;
        for (auto it = item.properties.cbegin(); it != item.properties.cend(); ++it)
            props.insert(it.key(), it.value());
        o.insert(QStringLiteral("properties"), props);
        if (item.id != 0)
            o.insert(QStringLiteral("id"), QString::number(item.id));
        items.append(o);
    }
    return {{QStringLiteral("id"), l.id},
            {QStringLiteral("name"), l.name},
            {QStringLiteral("parentListId"), l.parentListId},
            {QStringLiteral("propertyNames"), QJsonArray::fromStringList(l.propertyNames)},
            {QStringLiteral("items"), items}};
}

ListData listFromJson(const QJsonObject &o)
{
    ListData l;
    l.id = o.value(QStringLiteral("id")).toString();
    l.name = o.value(QStringLiteral("name")).toString();
    l.parentListId = o.value(QStringLiteral("parentListId")).toString();
    const QJsonArray names = o.value(QStringLiteral("propertyNames")).toArray();
    for (const auto &n : names)
        l.propertyNames.append(n.toString());
    const QJsonArray items = o.value(QStringLiteral("items")).toArray();
    for (const auto &v : items) {
        const QJsonObject io = v.toObject();
        ListItem item;
        item.name = io.value(QStringLiteral("name")).toString();
        item.code = io.value(QStringLiteral("code")).toString();
        item.parent = io.value(QStringLiteral("parent")).toString();
        item.id = io.value(QStringLiteral("id")).toString().toLongLong();
        const QJsonObject props = io.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it)
            item.properties.insert(it.key(), it.value().toString());
        l.items.append(item);
    }
    return l;
}

QJsonObject moduleToJson(const ModuleData &m)
{
    QJsonArray lineItems;
    for (const LineItem &li : m.lineItems)
        lineItems.append(QJsonObject{{QStringLiteral("id"), li.id},
                                     {QStringLiteral("name"), li.name},
                                     {QStringLiteral("format"), li.format}});
    QJsonObject cells;
    for (auto it = m.cells.cbegin(); it != m.cells.cend(); ++it)
        cells.insert(it.key(), it.value());
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("rowListId"), m.rowListId},
            {QStringLiteral("columnListId"), m.columnListId},
            {QStringLiteral("lineItems"), lineItems},
            {QStringLiteral("cells"), cells}};
}

ModuleData moduleFromJson(const QJsonObject &o)
{
    ModuleData m;
    m.id = o.value(QStringLiteral("id")).toString();
    m.name = o.value(QStringLiteral("name")).toString();
    m.rowListId = o.value(QStringLiteral("rowListId")).toString();
    m.columnListId = o.value(QStringLiteral("columnListId")).toString();
    const QJsonArray lineItems = o.value(QStringLiteral("lineItems")).toArray();
    for (const auto &v : lineItems) {
        const QJsonObject lo = v.toObject();
        m.lineItems.append({lo.value(QStringLiteral("id")).toString(), lo.value(QStringLiteral("name")).toString(),
                            lo.value(QStringLiteral("format")).toString()});
    }
    const QJsonObject cells = o.value(QStringLiteral("cells")).toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it)
        m.cells.insert(it.key(), it.value().toString());
    return m;
}

} // namespace

QJsonObject ModelData::toJson() const
{
    QJsonArray l;
    for (const ListData &d : lists)
        l.append(listToJson(d));
    QJsonArray m;
    for (const ModuleData &d : modules)
        m.append(moduleToJson(d));
    return {{QStringLiteral("lists"), l},
            {QStringLiteral("modules"), m},
            {QStringLiteral("nextLineItemId"), QString::number(nextLineItemId)},
            {QStringLiteral("nextItemId"), QString::number(nextItemId)}};
}

ModelData ModelData::fromJson(const QJsonObject &object)
{
    ModelData data;
    const QJsonArray l = object.value(QStringLiteral("lists")).toArray();
    for (const auto &v : l)
        data.lists.append(listFromJson(v.toObject()));
    const QJsonArray m = object.value(QStringLiteral("modules")).toArray();
    for (const auto &v : m)
        data.modules.append(moduleFromJson(v.toObject()));
    data.nextLineItemId = object.value(QStringLiteral("nextLineItemId")).toString().toLongLong();
    if (data.nextLineItemId == 0)
        data.nextLineItemId = 206'000'000'100;
    if (const qint64 next = object.value(QStringLiteral("nextItemId")).toString().toLongLong(); next != 0)
        data.nextItemId = next;
    return data;
}

bool normaliseNumber(const QString &text, QString *normalised)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    // Only plain decimal notation with '.', optional sign and exponent: "1,000" is not a number.
    for (QChar c : t)
        if (!(c.isDigit() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('+')
              || c == QLatin1Char('e') || c == QLatin1Char('E')))
            return false;
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return false;
    *normalised = QString::number(value, 'g', 15);
    return true;
}

bool normaliseBoolean(const QString &text, QString *normalised)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes")) {
        *normalised = QStringLiteral("TRUE");
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no")) {
        *normalised = QStringLiteral("FALSE");
        return true;
    }
    return false;
}

} // namespace sandbox
