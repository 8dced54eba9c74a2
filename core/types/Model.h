#pragma once
// A model as listed by GET /2/0/models?modelDetails=true (or one workspace's models), and as returned
// by GET /2/0/models/{id}?modelDetails=true (which adds modelTransactionRunning).
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace anadesk {

enum class ModelState {
    Unknown, // a value this client does not know yet: kept in Model::activeStateRaw
    Archived,
    Unlocked,
    Active,
    Production,
    Maintenance,
    ProductionMaintenance,
    Locked,
};

ModelState modelStateFromString(const QString &raw);
QString modelStateName(ModelState state); // "UNLOCKED"…; "" for Unknown

struct Model
{
    QString id; // 32 hex, upper-case on Anaplan
    QString name;
    ModelState activeState = ModelState::Unknown;
    QString activeStateRaw; // exactly as sent, also when known
    qint64 lastSavedSerialNumber = 0;
    QString lastModifiedByUserGuid;
    qint64 memoryUsage = 0;
    QString workspaceId;   // currentWorkspaceId
    QString workspaceName; // currentWorkspaceName
    QString url;           // modelUrl
    QJsonArray categoryValues;
    QString isoCreationDate;
    QString lastModified;
    std::optional<bool> transactionRunning; // only in the single-model answer

    static Model fromJson(const QJsonObject &object);
};

} // namespace anadesk
