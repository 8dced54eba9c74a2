#pragma once
// Options of the listing calls, as in the reference AsyncClient: an optional sort field (camelCase or
// snake_case; each listing accepts its own fields) and, for workspaces and models, the undocumented
// tenant-admin search `s` (case-insensitive substring; % and _ are wildcards; ignored for
// non-admins by Anaplan).
#include <QString>

namespace anadesk {

struct ListQuery
{
    QString sortBy;          // empty: server order
    bool descending = false;
    QString search;          // workspaces and models only
};

} // namespace anadesk
