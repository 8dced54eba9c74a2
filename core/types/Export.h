#pragma once
// An export definition from GET …/exports. Its output file has the export's id.
#include <QJsonObject>
#include <QString>

#include <optional>

namespace anadesk {

enum class ExportLayout {
    Unknown,
    TabularMultiColumn,
    TabularSingleColumn,
    GridAllPages,
    GridCurrentPage,
    AuditLog,
    TabularAllLineItems,
    TabularCurrentLineItem,
};

ExportLayout exportLayoutFromString(const QString &raw);

struct Export
{
    QString id; // 116…
    QString name;
    ExportLayout exportType = ExportLayout::Unknown;
    QString exportTypeRaw;
    ExportLayout layout = ExportLayout::Unknown;
    QString layoutRaw;
    QString exportFormat;           // a MIME type: "text/csv", "application/vnd.ms-excel"…
    std::optional<QString> encoding; // absent for xls exports

    static Export fromJson(const QJsonObject &object);
};

} // namespace anadesk
