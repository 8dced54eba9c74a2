#include "Model.h"

#include "JsonRead.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
constexpr std::array<std::pair<ModelState, QLatin1StringView>, 7> kStates{{
    {ModelState::Archived, "ARCHIVED"_L1},
    {ModelState::Unlocked, "UNLOCKED"_L1},
    {ModelState::Active, "ACTIVE"_L1},
    {ModelState::Production, "PRODUCTION"_L1},
    {ModelState::Maintenance, "MAINTENANCE"_L1},
    {ModelState::ProductionMaintenance, "PRODUCTION_MAINTENANCE"_L1},
    {ModelState::Locked, "LOCKED"_L1},
}};
} // namespace

ModelState modelStateFromString(const QString &raw)
{
    for (const auto &[state, name] : kStates) {
        if (raw == name)
            return state;
    }
    return ModelState::Unknown;
}

QString modelStateName(ModelState state)
{
    for (const auto &[known, name] : kStates) {
        if (known == state)
            return QString(name);
    }
    return QString();
}

Model Model::fromJson(const QJsonObject &object)
{
    Model m;
    m.id = json::idString(object.value("id"_L1));
    m.name = json::string(object, "name"_L1);
    m.activeStateRaw = json::string(object, "activeState"_L1);
    m.activeState = modelStateFromString(m.activeStateRaw);
    m.lastSavedSerialNumber = json::int64(object, "lastSavedSerialNumber"_L1);
    m.lastModifiedByUserGuid = json::string(object, "lastModifiedByUserGuid"_L1);
    m.memoryUsage = json::int64(object, "memoryUsage"_L1);
    m.workspaceId = json::idString(object.value("currentWorkspaceId"_L1));
    m.workspaceName = json::string(object, "currentWorkspaceName"_L1);
    m.url = json::string(object, "modelUrl"_L1);
    m.categoryValues = object.value("categoryValues"_L1).toArray();
    m.isoCreationDate = json::string(object, "isoCreationDate"_L1);
    m.lastModified = json::string(object, "lastModified"_L1);
    m.transactionRunning = json::optionalBoolean(object, "modelTransactionRunning"_L1);
    return m;
}

} // namespace anadesk
