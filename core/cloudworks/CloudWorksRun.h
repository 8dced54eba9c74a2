#pragma once
// CloudWorks runs: the history of an integration, one run's status, and a run's error details.
// A running run has no endDate, success=false and message "Running"; a partial success (code 38) has
// success=true — check executionErrorCode and the run error for row-level failures.
#include "CloudWorksCommon.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::cloudworks {

struct RunSummary
{
    QString id;
    QString triggeredBy;
    QString lastRun;
    QString startDate;
    QString endDate; // empty while running
    bool success = false;
    QString message;
    std::optional<int> executionErrorCode;
    QString traceId;
    QString triggerSource; // "manual", "scheduled", "manual_inf", … kept as sent
    QString flowGroupId;   // set when a flow ran it

    bool isRunning() const { return endDate.isEmpty(); }
    static RunSummary fromJson(const QJsonObject &object);
};

struct RunStatus
{
    QString id;
    QString integrationId; // for a flow run: the flow id
    QString traceId;
    QString startDate;
    QString endDate;
    bool success = false;
    QString message;
    std::optional<int> executionErrorCode;
    QString flowGroupId;
    QString triggerSource;
    Versioned versioned;

    bool isRunning() const { return endDate.isEmpty(); }
    static RunStatus fromJson(const QJsonObject &object);
};

// One line of an action's error report (TaskResultDetail, or just a localMessageText).
struct RunErrorMessage
{
    QString localMessageText;
    int occurrences = 0;
    QString type;
    QStringList values;

    static RunErrorMessage fromJson(const QJsonValue &value);
};

struct ActionError
{
    QString actionId; // the import whose dump getProcessErrorDump() needs
    QString actionName;
    bool failureDumpGenerated = false;
    QList<RunErrorMessage> messages;

    static ActionError fromJson(const QJsonObject &object);
};

struct RunError
{
    QString runId;
    QString taskId; // may be absent (connection failures)
    QList<ActionError> errorMessages;
    Versioned versioned;

    static RunError fromJson(const QJsonObject &object);
};

} // namespace anadesk::cloudworks
