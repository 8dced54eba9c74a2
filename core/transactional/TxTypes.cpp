// fromJson of the small transactional objects and of line items.
#include "TxTypes.h"

#include "LineItem.h"
#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QList<Dimension> dimensionList(const QJsonObject &object, QLatin1StringView key)
{
    QList<Dimension> result;
    for (const QJsonObject &item : json::objectList(object, key))
        result.append(Dimension::fromJson(item));
    return result;
}

std::optional<Dimension> optionalDimension(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (!value.isObject())
        return std::nullopt;
    return Dimension::fromJson(value.toObject());
}
} // namespace

Module Module::fromJson(const QJsonObject &object)
{
    return {json::idString(object.value("id"_L1)), json::string(object, "name"_L1),
            json::string(object, "code"_L1)};
}

ModelList ModelList::fromJson(const QJsonObject &object)
{
    return {json::idString(object.value("id"_L1)), json::string(object, "name"_L1),
            json::string(object, "code"_L1)};
}

View View::fromJson(const QJsonObject &object)
{
    View v;
    v.id = json::idString(object.value("id"_L1));
    v.name = json::string(object, "name"_L1);
    v.moduleId = json::idString(object.value("moduleId"_L1));
    v.code = json::string(object, "code"_L1);
    return v;
}

Dimension Dimension::fromJson(const QJsonObject &object)
{
    Dimension d;
    d.id = json::idString(object.value("id"_L1));
    d.name = json::string(object, "name"_L1);
    d.code = json::optionalString(object, "code"_L1);
    return d;
}

ViewInfo ViewInfo::fromJson(const QJsonObject &object)
{
    ViewInfo v;
    v.viewId = json::idString(object.value("viewId"_L1));
    v.viewName = json::string(object, "viewName"_L1);
    v.rows = dimensionList(object, "rows"_L1);
    v.columns = dimensionList(object, "columns"_L1);
    v.pages = dimensionList(object, "pages"_L1);
    return v;
}

LineItem LineItem::fromJson(const QJsonObject &object)
{
    LineItem l;
    l.id = json::idString(object.value("id"_L1));
    l.name = json::string(object, "name"_L1);
    l.moduleId = json::idString(object.value("moduleId"_L1));
    l.moduleName = json::string(object, "moduleName"_L1);
    l.format = json::string(object, "format"_L1);
    l.formatMetadata = object.value("formatMetadata"_L1).toObject();
    l.dataType = json::string(l.formatMetadata, "dataType"_L1);
    l.summary = json::string(object, "summary"_L1);
    l.appliesTo = dimensionList(object, "appliesTo"_L1);
    l.dataTags = dimensionList(object, "dataTags"_L1);
    l.referencedBy = dimensionList(object, "referencedBy"_L1);
    l.timeScale = json::string(object, "timeScale"_L1);
    l.timeRange = json::string(object, "timeRange"_L1);
    l.version = optionalDimension(object, "version"_L1);
    l.parent = optionalDimension(object, "parent"_L1);
    l.readAccessDriver = optionalDimension(object, "readAccessDriver"_L1);
    l.writeAccessDriver = optionalDimension(object, "writeAccessDriver"_L1);
    l.style = json::string(object, "style"_L1);
    l.cellCount = json::optionalInt64(object, "cellCount"_L1);
    l.notes = json::string(object, "notes"_L1);
    l.code = json::optionalString(object, "code"_L1);
    l.isSummary = json::boolean(object, "isSummary"_L1);
    l.formula = json::optionalString(object, "formula"_L1);
    l.formulaScope = json::string(object, "formulaScope"_L1);
    l.useSwitchover = json::boolean(object, "useSwitchover"_L1);
    l.breakback = json::boolean(object, "breakback"_L1);
    l.broughtForward = json::boolean(object, "broughtForward"_L1);
    l.startOfSection = json::boolean(object, "startOfSection"_L1);
    return l;
}

} // namespace anadesk
