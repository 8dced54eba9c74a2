#include "Export.h"

#include "JsonRead.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace anadesk {

ExportLayout exportLayoutFromString(const QString &raw)
{
    static constexpr std::array<std::pair<ExportLayout, QLatin1StringView>, 7> kLayouts{{
        {ExportLayout::TabularMultiColumn, "TABULAR_MULTI_COLUMN"_L1},
        {ExportLayout::TabularSingleColumn, "TABULAR_SINGLE_COLUMN"_L1},
        {ExportLayout::GridAllPages, "GRID_ALL_PAGES"_L1},
        {ExportLayout::GridCurrentPage, "GRID_CURRENT_PAGE"_L1},
        {ExportLayout::AuditLog, "AUDIT_LOG"_L1},
        {ExportLayout::TabularAllLineItems, "TABULAR_ALL_LINE_ITEMS"_L1},
        {ExportLayout::TabularCurrentLineItem, "TABULAR_CURRENT_LINE_ITEM"_L1},
    }};
    for (const auto &[layout, name] : kLayouts) {
        if (raw == name)
            return layout;
    }
    return ExportLayout::Unknown;
}

Export Export::fromJson(const QJsonObject &object)
{
    Export e;
    e.id = json::idString(object.value("id"_L1));
    e.name = json::string(object, "name"_L1);
    e.exportTypeRaw = json::string(object, "exportType"_L1);
    e.exportType = exportLayoutFromString(e.exportTypeRaw);
    e.layoutRaw = json::string(object, "layout"_L1, e.exportTypeRaw);
    e.layout = exportLayoutFromString(e.layoutRaw);
    e.exportFormat = json::string(object, "exportFormat"_L1);
    e.encoding = json::optionalString(object, "encoding"_L1);
    return e;
}

} // namespace anadesk
