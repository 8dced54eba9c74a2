#pragma once
// The seeded people of the sandbox tenant: realistic, deterministic names, e-mails, active flags,
// external ids and workspace entitlements (docs/sandbox.md lists the fixed ones tests rely on).
#include "ScimDirectory.h"

namespace sandbox::scim {

// `count` users; the first are the sandbox account (`demoUser`) and the two other people the tenant's
// Users list knows (planner@anadesk.test, viewer@anadesk.test). Times lie before `anchorMs`.
QList<UserRecord> seededUsers(int count, const QString &demoUser, const QList<WorkspaceRecord> &workspaces,
                              qint64 anchorMs);

} // namespace sandbox::scim
