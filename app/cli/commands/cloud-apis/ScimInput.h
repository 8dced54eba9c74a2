#pragma once
// What `scim add`, `scim replace` and `scim patch` read from their --from file, checked before anything
// is sent (exit 2 naming the field and the file).
//
// A user (add, replace) — the SCIM shape or the flat shape `scim user --json` prints, so a user can be
// saved, edited and written back:
//   {"userName": "a@b.c", "name": {"givenName": "A", "familyName": "B"} | "givenName"/"familyName",
//    "externalId": "E1", "active": true,
//    "workspaceIds": ["<ws id>", …]  or  "entitlements": [{"value": "<ws id>", "type": "WORKSPACE"}, …]}
// Read-only fields of the printed shape (id, meta, emails, displayName, schemas, created, lastModified,
// workspaceCount, workspaces, keptWorkspaceIds, operations) are ignored; any other key is refused, so a typo
// never silently drops a value.
//
// Patch operations: {"Operations": [{"op": "add|replace|remove", "path": "…", "value": …}, …]} (the PatchOp
// body, "schemas" optional) or just the array.
#include "net/ApiError.h"
#include "scim/ScimPatch.h"
#include "scim/ScimUser.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace anadesk::cli::cloud {

// `path` names the file in messages. Entitlements stay unset when the input has neither key.
ApiError scimUserFromJson(const QJsonObject &object, const QString &path, scim::UserInput *out);
ApiError scimPatchFromJson(const QJsonValue &value, const QString &path, QList<scim::PatchOperation> *out);

} // namespace anadesk::cli::cloud
