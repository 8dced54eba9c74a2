#pragma once
// One entry of a chunk list (GET …/files/{id}/chunks, …/dump/chunks): ids are "0", "1", ….
#include <QJsonObject>
#include <QString>

namespace anadesk {

struct ChunkInfo
{
    QString id;
    QString name; // "Chunk 0"

    static ChunkInfo fromJson(const QJsonObject &object);
};

} // namespace anadesk
