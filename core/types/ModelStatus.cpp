#include "ModelStatus.h"

#include "JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

ModelStatus ModelStatus::fromJson(const QJsonObject &object)
{
    ModelStatus s;
    s.peakMemoryUsageEstimate = json::optionalInt64(object, "peakMemoryUsageEstimate"_L1);
    s.peakMemoryUsageTime = json::optionalInt64(object, "peakMemoryUsageTime"_L1);
    s.progress = json::number(object, "progress"_L1, -1.0);
    s.currentStep = json::string(object, "currentStep"_L1);
    s.tooltip = json::string(object, "tooltip"_L1);
    s.taskId = json::idString(object.value("taskId"_L1));
    s.creationTime = json::int64(object, "creationTime"_L1);
    s.exportTaskType = json::string(object, "exportTaskType"_L1);
    return s;
}

} // namespace anadesk
