// fromJson of ModelDeletionResult and ChunkInfo.
#include "ChunkInfo.h"
#include "JsonRead.h"
#include "ModelDeletionResult.h"

using namespace Qt::StringLiterals;

namespace anadesk {

ModelDeletionResult ModelDeletionResult::fromJson(const QJsonObject &object)
{
    ModelDeletionResult r;
    r.modelsDeleted = static_cast<int>(json::int64(object, "modelsDeleted"_L1));
    for (const QJsonObject &failure : json::objectList(object, "bulkDeleteModelsFailures"_L1)) {
        r.failures.append({json::idString(failure.value("modelId"_L1)), json::string(failure, "message"_L1)});
    }
    return r;
}

ChunkInfo ChunkInfo::fromJson(const QJsonObject &object)
{
    ChunkInfo c;
    c.id = json::idString(object.value("id"_L1));
    c.name = json::string(object, "name"_L1);
    return c;
}

} // namespace anadesk
