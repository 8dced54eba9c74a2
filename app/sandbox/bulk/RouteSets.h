#pragma once
// The bulk routes, grouped by area; registerBulkRoutes (BulkRoutes.cpp) calls each.
#include "http/Router.h"
#include "tenant/TenantState.h"

namespace sandbox::bulk {

// Workspaces, models (details, status, open, close) and bulkDeleteModels.
void registerWorkspaceRoutes(Router &router, TenantState &state);
// Files and chunks, and the model-object listings (files, imports, exports, actions, processes).
void registerFileRoutes(Router &router, TenantState &state);
// Object metadata, tasks, dumps and optimizer solution logs.
void registerTaskRoutes(Router &router, TenantState &state);

// "/2/0/workspaces/{ws}/models/{model}" and the model-direct "/2/0/models/{model}" forms.
inline const QString kWorkspaceModel = QStringLiteral("/2/0/workspaces/{ws}/models/{model}");
inline const QString kModelDirect = QStringLiteral("/2/0/models/{model}");

} // namespace sandbox::bulk
