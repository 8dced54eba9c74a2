#include "AlmTypes.h"

#include "types/JsonRead.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

Revision Revision::fromJson(const QJsonObject &object)
{
    Revision r;
    r.id = json::idString(object.value("id"_L1));
    r.name = json::string(object, "name"_L1);
    r.description = json::optionalString(object, "description"_L1);
    r.createdOn = json::string(object, "createdOn"_L1);
    r.createdBy = json::string(object, "createdBy"_L1);
    r.creationMethod = json::string(object, "creationMethod"_L1);
    r.appliedOn = json::string(object, "appliedOn"_L1);
    r.appliedBy = json::string(object, "appliedBy"_L1);
    return r;
}

AppliedModel AppliedModel::fromJson(const QJsonObject &object)
{
    AppliedModel m;
    m.modelId = json::idString(object.value("modelId"_L1));
    m.modelName = json::string(object, "modelName"_L1);
    m.workspaceId = json::idString(object.value("workspaceId"_L1));
    m.appliedBy = json::string(object, "appliedBy"_L1);
    m.appliedOn = json::string(object, "appliedOn"_L1);
    m.appliedMethod = json::string(object, "appliedMethod"_L1);
    m.modelDeleted = json::boolean(object, "modelDeleted"_L1);
    return m;
}

QString almTaskKindNoun(AlmTaskKind kind)
{
    switch (kind) {
    case AlmTaskKind::Sync:
        return QCoreApplication::translate("anadesk", "sync task");
    case AlmTaskKind::ComparisonReport:
        return QCoreApplication::translate("anadesk", "comparison report task");
    case AlmTaskKind::SummaryReport:
        return QCoreApplication::translate("anadesk", "summary report task");
    }
    return QString();
}

AlmTaskResult AlmTaskResult::fromJson(const QJsonObject &object)
{
    AlmTaskResult r;
    r.successful = json::boolean(object, "successful"_L1);
    r.sourceRevisionId = json::idString(object.value("sourceRevisionId"_L1));
    r.targetRevisionId = json::idString(object.value("targetRevisionId"_L1));
    r.reportFileUrl = json::string(object, "reportFileUrl"_L1);
    const QJsonValue error = object.value("error"_L1);
    if (error.isObject()) {
        r.errorTitle = json::string(error.toObject(), "title"_L1);
        r.errorMessage = json::string(error.toObject(), "messageText"_L1);
    } else if (error.isString()) {
        r.errorMessage = error.toString();
    }
    return r;
}

AlmTask AlmTask::fromJson(const QJsonObject &object)
{
    AlmTask t;
    t.taskId = json::idString(object.value("taskId"_L1));
    if (t.taskId.isEmpty())
        t.taskId = json::idString(object.value("id"_L1));
    t.stateRaw = json::string(object, "taskState"_L1);
    t.state = taskStateFromString(t.stateRaw);
    t.creationTime = json::string(object, "creationTime"_L1);
    t.currentStep = json::string(object, "currentStep"_L1);
    if (object.contains("progress"_L1))
        t.progress = json::number(object, "progress"_L1);
    t.taskUrl = json::string(object, "taskUrl"_L1);
    if (object.value("result"_L1).isObject())
        t.result = AlmTaskResult::fromJson(object.value("result"_L1).toObject());
    return t;
}

ChangeCounts ChangeCounts::fromJson(const QJsonObject &object)
{
    return {json::int64(object, "created"_L1), json::int64(object, "modified"_L1),
            json::int64(object, "deleted"_L1)};
}

SummaryReport SummaryReport::fromJson(const QJsonObject &object)
{
    SummaryReport s;
    s.raw = object;
    s.targetRevisionId = json::idString(object.value("targetRevisionId"_L1));
    s.sourceRevisionId = json::idString(object.value("sourceRevisionId"_L1));
    s.totals = ChangeCounts::fromJson(object.value("totals"_L1).toObject());
    const QJsonObject differences = object.value("differences"_L1).toObject();
    for (auto it = differences.begin(); it != differences.end(); ++it) {
        if (it.value().isObject())
            s.differences.insert(it.key(), ChangeCounts::fromJson(it.value().toObject()));
    }
    return s;
}

} // namespace anadesk
