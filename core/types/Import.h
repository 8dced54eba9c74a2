#pragma once
// An import definition from GET …/imports.
#include <QJsonObject>
#include <QString>

namespace anadesk {

enum class ImportType { Unknown, ModuleData, HierarchyData, LineItemDefinition, Users, Versions };

ImportType importTypeFromString(const QString &raw);

struct Import
{
    QString id; // 112…
    QString name;
    ImportType importType = ImportType::Unknown;
    QString importTypeRaw;
    // The source's id (a file 113… when the source is an uploaded file); empty when there is none
    // (Anaplan sends "" for that).
    QString importDataSourceId;

    bool hasDataSource() const { return !importDataSourceId.isEmpty(); }
    static Import fromJson(const QJsonObject &object);
};

} // namespace anadesk
