#pragma once
// A file of a model (import data source or export output) from GET …/files. Export files carry fewer
// properties than import files, so everything but id and name is optional and defaulted.
#include <QJsonObject>
#include <QString>

namespace anadesk {

struct File
{
    QString id; // 113… for import sources; an export's file has the export's id (116…)
    QString name;
    int chunkCount = 0; // 0: no content uploaded (or not yet known)
    QString delimiter;
    QString encoding;
    int firstDataRow = 0;
    QString format;
    int headerRow = 0;
    QString separator;

    static File fromJson(const QJsonObject &object);
};

} // namespace anadesk
