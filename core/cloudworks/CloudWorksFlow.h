#pragma once
// CloudWorks integration flows: 2–100 integrations run one after the other (dependencies first), each
// step with what to do on failure and on partial success.
#include "CloudWorksCommon.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::cloudworks {

struct FlowStep
{
    QString referrer; // the integration id
    QString name;
    QString type; // the integration's type, kept as sent
    QString createdBy;
    QString createdDate;
    QString modifiedDate;
    QString modifiedBy;
    QString modelId;
    QString workspaceId;
    QStringList dependsOn;
    bool isSkipped = false;
    QString onFailure;        // "stop" | "continue" (exceptionBehavior type failure)
    QString onPartialSuccess; // "stop" | "continue" (type partial_success)
    std::optional<LatestRun> latestRun;

    static FlowStep fromJson(const QJsonObject &object);
};

struct Flow
{
    QString id;
    QString name;
    QString notificationId;
    bool nuxVisible = false;
    int stepsCount = 0;
    std::optional<LatestRun> latestRun;
    QList<FlowStep> steps; // single GET only
    Versioned versioned;

    static Flow fromJson(const QJsonObject &object);
};

struct FlowStepInput
{
    QString integrationId;
    QStringList dependsOn; // Anaplan accepts a step without it but the flow is then corrupt: set it
    bool isSkipped = false;
    QString onFailure = QStringLiteral("stop");
    QString onPartialSuccess = QStringLiteral("continue");
};

struct FlowInput
{
    QString name;
    QList<FlowStepInput> steps;

    // Steps in order, each depending on the one before (the common case).
    static FlowInput chain(const QString &name, const QStringList &integrationIds);
    QJsonObject toJson() const;
    QString validationError() const;
};

} // namespace anadesk::cloudworks
