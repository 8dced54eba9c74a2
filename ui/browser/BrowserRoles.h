#pragma once
// Item roles shared by the browser's models, proxies, views and tests.
#include <Qt>

namespace anadesk {

enum BrowserRole
{
    IdRole = Qt::UserRole + 1, // the object's id (workspace, model, file, import…)
    NameRole,                  // the object's name
    SortRole,                  // the raw value a column sorts by (numbers as numbers)
    NodeKindRole,              // tree only: NodeKind
    ModelStateRole,            // tree only: int(ModelState) of a model row
    WorkspaceIdRole,           // tree only: the workspace of the row
    LoadingRole,               // tree only: a workspace whose models are being fetched
};

enum class NodeKind
{
    Workspace = 1,
    Model = 2
};

} // namespace anadesk
