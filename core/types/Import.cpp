#include "Import.h"

#include "JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

ImportType importTypeFromString(const QString &raw)
{
    if (raw == "MODULE_DATA"_L1)
        return ImportType::ModuleData;
    if (raw == "HIERARCHY_DATA"_L1)
        return ImportType::HierarchyData;
    if (raw == "LINE_ITEM_DEFINITION"_L1)
        return ImportType::LineItemDefinition;
    if (raw == "USERS"_L1)
        return ImportType::Users;
    if (raw == "VERSIONS"_L1)
        return ImportType::Versions;
    return ImportType::Unknown;
}

Import Import::fromJson(const QJsonObject &object)
{
    Import i;
    i.id = json::idString(object.value("id"_L1));
    i.name = json::string(object, "name"_L1);
    i.importTypeRaw = json::string(object, "importType"_L1);
    i.importType = importTypeFromString(i.importTypeRaw);
    i.importDataSourceId = json::idString(object.value("importDataSourceId"_L1)).trimmed();
    if (i.importDataSourceId.isEmpty()) {
        // Some answers nest it: "importDataSource": {"importDataSourceId": "113…", "type": "FILE"}.
        const QJsonObject source = object.value("importDataSource"_L1).toObject();
        i.importDataSourceId = json::idString(source.value("importDataSourceId"_L1)).trimmed();
    }
    return i;
}

} // namespace anadesk
