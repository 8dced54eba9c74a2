// fromJson of the two smallest model objects (Process, Action).
#include "Action.h"
#include "JsonRead.h"
#include "Process.h"

using namespace Qt::StringLiterals;

namespace anadesk {

Process Process::fromJson(const QJsonObject &object)
{
    Process p;
    p.id = json::idString(object.value("id"_L1));
    p.name = json::string(object, "name"_L1);
    return p;
}

Action Action::fromJson(const QJsonObject &object)
{
    Action a;
    a.id = json::idString(object.value("id"_L1));
    a.name = json::string(object, "name"_L1);
    a.actionType = json::string(object, "actionType"_L1);
    return a;
}

} // namespace anadesk
