#pragma once
// The runtime state of a model (GET /2/0/models/{id}/status → requestStatus). An idle model reports
// progress -1.0 whether open or closed; currentStep ("Open", "Closed", "Processing …") tells them apart.
#include <QJsonObject>
#include <QString>

#include <optional>

namespace anadesk {

struct ModelStatus
{
    std::optional<qint64> peakMemoryUsageEstimate; // bytes
    std::optional<qint64> peakMemoryUsageTime;     // epoch ms
    double progress = -1.0;
    QString currentStep;
    QString tooltip;        // what the model is busy with, when it is
    QString taskId;
    qint64 creationTime = 0; // epoch ms; rebuilt per request by Anaplan
    QString exportTaskType;

    bool isIdle() const { return progress < 0.0; }
    static ModelStatus fromJson(const QJsonObject &object);
};

} // namespace anadesk
