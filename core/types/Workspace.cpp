#include "Workspace.h"

#include "JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

Workspace Workspace::fromJson(const QJsonObject &object)
{
    Workspace w;
    w.id = json::idString(object.value("id"_L1));
    w.name = json::string(object, "name"_L1);
    w.active = json::boolean(object, "active"_L1);
    w.sizeAllowance = json::int64(object, "sizeAllowance"_L1);
    w.currentSize = json::int64(object, "currentSize"_L1);
    return w;
}

} // namespace anadesk
