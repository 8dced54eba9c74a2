#include "CloudWorksRun.h"

#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

RunSummary RunSummary::fromJson(const QJsonObject &object)
{
    RunSummary r;
    r.id = json::idString(object.value("id"_L1));
    r.triggeredBy = json::string(object, "triggeredBy"_L1);
    r.lastRun = json::string(object, "lastRun"_L1);
    r.startDate = json::string(object, "startDate"_L1);
    r.endDate = json::string(object, "endDate"_L1);
    r.success = json::boolean(object, "success"_L1);
    r.message = json::string(object, "message"_L1);
    r.executionErrorCode = optionalInt(object, "executionErrorCode"_L1);
    r.traceId = json::string(object, "traceId"_L1);
    r.triggerSource = json::string(object, "triggerSource"_L1);
    r.flowGroupId = json::string(object, "flowGroupId"_L1);
    return r;
}

RunStatus RunStatus::fromJson(const QJsonObject &object)
{
    RunStatus r;
    r.id = json::idString(object.value("id"_L1));
    r.integrationId = json::idString(object.value("integrationId"_L1));
    r.traceId = json::string(object, "traceId"_L1);
    r.startDate = json::string(object, "startDate"_L1);
    r.endDate = json::string(object, "endDate"_L1);
    r.success = json::boolean(object, "success"_L1);
    r.message = json::string(object, "message"_L1);
    r.executionErrorCode = optionalInt(object, "executionErrorCode"_L1);
    r.flowGroupId = json::string(object, "flowGroupId"_L1);
    r.triggerSource = json::string(object, "triggerSource"_L1);
    r.versioned = Versioned::fromJson(object);
    return r;
}

RunErrorMessage RunErrorMessage::fromJson(const QJsonValue &value)
{
    RunErrorMessage m;
    if (value.isString()) {
        m.localMessageText = value.toString();
        return m;
    }
    const QJsonObject o = value.toObject();
    m.localMessageText = json::string(o, "localMessageText"_L1);
    m.occurrences = int(json::int64(o, "occurrences"_L1));
    m.type = json::string(o, "type"_L1);
    m.values = json::stringList(o, "values"_L1);
    return m;
}

ActionError ActionError::fromJson(const QJsonObject &object)
{
    ActionError a;
    a.actionId = json::idString(object.value("actionId"_L1));
    a.actionName = json::string(object, "actionName"_L1);
    a.failureDumpGenerated = json::boolean(object, "failureDumpGenerated"_L1);
    const QJsonValue messages = object.value("errorMessage"_L1);
    if (messages.isArray()) {
        for (const QJsonValue &m : messages.toArray())
            a.messages.append(RunErrorMessage::fromJson(m));
    } else if (!messages.isUndefined() && !messages.isNull()) {
        a.messages.append(RunErrorMessage::fromJson(messages));
    }
    return a;
}

RunError RunError::fromJson(const QJsonObject &object)
{
    RunError e;
    e.runId = json::idString(object.value("id"_L1));
    e.taskId = json::idString(object.value("taskId"_L1));
    for (const QJsonObject &o : json::objectList(object, "errorMessages"_L1))
        e.errorMessages.append(ActionError::fromJson(o));
    e.versioned = Versioned::fromJson(object);
    return e;
}

} // namespace anadesk::cloudworks
