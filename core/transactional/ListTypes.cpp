#include "ListTypes.h"

#include "types/JsonRead.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QString renderScalar(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const QString id = json::idString(value);
        return id.isEmpty() ? QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest) : id;
    }
    return QString(); // null, arrays, objects
}

bool flagOf(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isString())
        return value.toString().trimmed().compare("true"_L1, Qt::CaseInsensitive) == 0;
    return value.isDouble() && value.toDouble() != 0.0;
}
} // namespace

ListProperty ListProperty::fromJson(const QJsonObject &object)
{
    ListProperty p;
    p.name = json::string(object, "name"_L1);
    p.format = json::string(object, "format"_L1);
    p.formula = json::string(object, "formula"_L1);
    p.notes = json::string(object, "notes"_L1);
    p.referencedBy = json::string(object, "referencedBy"_L1);
    return p;
}

ListMetadata ListMetadata::fromJson(const QJsonObject &object)
{
    ListMetadata m;
    m.id = json::idString(object.value("id"_L1));
    m.name = json::string(object, "name"_L1);
    m.hasSelectiveAccess = json::boolean(object, "hasSelectiveAccess"_L1);
    for (const QJsonObject &p : json::objectList(object, "properties"_L1))
        m.properties.append(ListProperty::fromJson(p));
    m.productionData = json::boolean(object, "productionData"_L1);
    m.managedBy = json::string(object, "managedBy"_L1);
    m.numberedList = json::boolean(object, "numberedList"_L1);
    m.useTopLevelAsPageDefault = json::boolean(object, "useTopLevelAsPageDefault"_L1);
    m.itemCount = json::int64(object, "itemCount"_L1);
    m.nextItemIndex = json::optionalInt64(object, "nextItemIndex"_L1);
    if (!m.nextItemIndex) // the spec's spelling
        m.nextItemIndex = json::optionalInt64(object, "nextitemIndex"_L1);
    m.workflowEnabled = json::boolean(object, "workflowEnabled"_L1);
    m.permittedItems = json::optionalInt64(object, "permittedItems"_L1);
    m.usedInAppliesTo = json::string(object, "usedInAppliesTo"_L1);
    m.category = json::string(object, "category"_L1);
    const QJsonObject parent = object.value("parent"_L1).toObject();
    m.parentId = json::idString(parent.value("id"_L1));
    m.parentName = json::string(parent, "name"_L1);
    const QJsonObject top = object.value("topLevelItem"_L1).toObject();
    m.topLevelItemId = json::idString(top.value("id"_L1));
    m.topLevelItemName = json::string(top, "name"_L1);
    m.subsets = json::objectList(object, "subsets"_L1);
    return m;
}

ListItem ListItem::fromJson(const QJsonObject &object)
{
    ListItem item;
    item.id = json::idString(object.value("id"_L1));
    item.name = json::string(object, "name"_L1);
    item.code = json::optionalString(object, "code"_L1);
    item.parent = json::optionalString(object, "parent"_L1);
    const QJsonValue parentId = object.value("parentId"_L1);
    if (!parentId.isUndefined() && !parentId.isNull())
        item.parentId = json::idString(parentId);
    item.listId = json::idString(object.value("listId"_L1));
    item.listName = json::string(object, "listName"_L1);
    const QJsonObject properties = object.value("properties"_L1).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it)
        item.properties.insert(it.key(), renderScalar(it.value()));
    const QJsonObject subsets = object.value("subsets"_L1).toObject();
    for (auto it = subsets.begin(); it != subsets.end(); ++it)
        item.subsets.insert(it.key(), flagOf(it.value()));
    return item;
}

ItemFailure ItemFailure::fromJson(const QJsonObject &object, qint64 indexOffset)
{
    ItemFailure f;
    const auto index = json::optionalInt64(object, "requestIndex"_L1);
    f.requestIndex = index ? *index + indexOffset : -1;
    f.failureType = json::string(object, "failureType"_L1);
    f.failureMessageDetails = json::string(object, "failureMessageDetails"_L1);
    return f;
}

void ListWriteResult::add(const QJsonObject &answer, qint64 indexOffset)
{
    added += json::int64(answer, "added"_L1);
    updated += json::int64(answer, "updated"_L1);
    deleted += json::int64(answer, "deleted"_L1);
    ignored += json::int64(answer, "ignored"_L1);
    total += json::int64(answer, "total"_L1);
    for (const QJsonObject &failure : json::objectList(answer, "failures"_L1))
        failures.append(ItemFailure::fromJson(failure, indexOffset));
}

} // namespace anadesk
