#pragma once
// Plain records of the sandbox's CloudWorks: connections, integrations (with jobs, schedule and
// notification), runs, and integration flows with their runs. Credentials are never kept: a connection
// remembers only whether its credentials were usable (status 1/0), so nothing secret reaches the state file.
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sandbox::cloudworks {

struct ConnectionRecord
{
    QString id;   // 32 lower-case hex
    QString type; // AmazonS3, AzureBlob, GoogleBigQuery
    QJsonObject info; // the non-secret body fields: name, bucketName | storageAccountName, containerName,
                      // authMethod | dataset
    QString workspaceId; // restricted-user connections; empty: null
    int status = 1;      // 1 valid, 0 invalid
    int errorCode = -1;  // integrationErrorCode when status is 0
    QString createdBy;   // display name
    QString modifiedBy;
    qint64 created = 0;
    qint64 modified = 0;
    QString name() const { return info.value(QStringLiteral("name")).toString(); }
};

struct IntegrationRecord
{
    QString id;
    QString name;
    QString type; // Import, Export, Process
    QString workspaceId;
    QString modelId;
    QString processId; // Process integrations
    bool nuxVisible = false;
    QJsonArray jobs; // as given (ids as strings), without the read-only enrichments
    QString notificationId;
    QJsonObject schedule; // empty: none; the validated request fields
    bool scheduleEnabled = true;
    QString createdBy; // display name
    QString createdByEmail;
    QString modifiedBy;
    qint64 created = 0;
    qint64 modified = 0;
};

struct NotificationRecord
{
    QString id;
    QStringList integrationIds;
    QStringList channels;
    QJsonArray config; // [{type, users:[guid…]}]
};

// What a run ends with; decided when it starts, revealed when it ends.
struct RunOutcome
{
    bool success = true;
    QString message = QStringLiteral("Success");
    int errorCode = -1;          // executionErrorCode; -1: null
    QJsonArray errorMessages;    // RunError.errorMessages
    QString taskId;              // RunError.taskId; empty: null
    QMap<QString, QString> dumps; // import action id -> failure dump CSV
};

struct RunRecord
{
    QString id;
    QString integrationId;
    QString traceId;
    QString flowRunId; // the flow run that started it; empty: none
    QString flowId;
    QString triggeredBy; // display name
    QString triggerSource; // manual, scheduled, manual_inf, scheduled_inf
    qint64 start = 0;      // epoch ms; may lie in the future for later steps of a flow run
    qint64 end = 0;
    qint64 cancelledAt = -1;
    RunOutcome outcome;
    qint64 finishedAt() const { return cancelledAt >= 0 ? cancelledAt : end; }
};

struct FlowStepRecord
{
    QString referrer; // integration id
    QStringList dependsOn;
    bool isSkipped = false;
    QJsonArray exceptionBehavior;
    QString createdBy;
    qint64 created = 0;
    qint64 modified = 0;
};

struct FlowRecord
{
    QString id;
    QString name;
    bool nuxVisible = false;
    QList<FlowStepRecord> steps;
    QString createdBy;
    QString createdByEmail;
    QString modifiedBy;
    qint64 created = 0;
    qint64 modified = 0;
};

struct FlowRunRecord
{
    QString id;
    QString flowId;
    QString triggeredBy;
    qint64 start = 0;
    qint64 end = 0; // when its last started step ends
    qint64 cancelledAt = -1;
    bool success = true;
    QString message = QStringLiteral("Success");
    int errorCode = -1;
    QStringList runIds; // integration runs, in order
};

} // namespace sandbox::cloudworks
