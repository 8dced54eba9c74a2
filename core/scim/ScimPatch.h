#pragma once
// SCIM PATCH (RFC 7644 §3.5.2, PatchOp): a list of add / replace / remove operations applied all or
// none. Helpers build the common ones; PatchOperation can hold any path and JSON value.
//   { "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
//     "Operations": [ {"op":"replace","path":"active","value":false}, {"op":"remove","path":"entitlements"} ]
//     }
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace anadesk::scim {

enum class PatchOp
{
    Add,
    Replace,
    Remove
};
QString patchOpName(PatchOp op); // "add", "replace", "remove"
std::optional<PatchOp> patchOpFromName(const QString &name);

struct PatchOperation
{
    PatchOp op = PatchOp::Replace;
    QString path;     // empty: the value is an object of attributes (add/replace only)
    QJsonValue value; // undefined: not sent (remove)

    QJsonObject toJson() const;

    static PatchOperation setActive(bool active);
    static PatchOperation setExternalId(const QString &externalId);
    static PatchOperation setGivenName(const QString &givenName);
    static PatchOperation setFamilyName(const QString &familyName);
    // Grants access to more workspaces (existing ones stay).
    static PatchOperation addWorkspaces(const QStringList &workspaceIds);
    // Sets exactly these workspaces.
    static PatchOperation replaceWorkspaces(const QStringList &workspaceIds);
    // Removes one workspace: entitlements[value eq "<id>"].
    static PatchOperation removeWorkspace(const QString &workspaceId);
    // Removes every workspace.
    static PatchOperation removeAllWorkspaces();
};

// The PATCH body; empty list → a BadInput before sending (Anaplan needs at least one operation).
QJsonObject patchBody(const QList<PatchOperation> &operations);
// A BadInput message for operations that cannot be valid (add/replace without a value, remove without
// a path); empty when fine.
QString patchValidationError(const QList<PatchOperation> &operations);

} // namespace anadesk::scim
