#pragma once
// CloudWorks integrations: what a listing and a single GET return, and what create/update send.
// On the wire every Anaplan id in a body (actionId, fileId, processId) is a JSON STRING — CloudWorks
// refuses numbers — so they are QStrings here and always written as strings.
#include "CloudWorksCommon.h"
#include "CloudWorksSchedule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace anadesk::cloudworks {

// One side of a job: Anaplan (actionId [+ fileId for import targets]), a file in S3/Azure (connectionId
// + file), or a BigQuery table (connectionId + table).
struct JobEndpoint
{
    QString type; // "Anaplan", "AmazonS3", "AzureBlob", "GoogleBigQuery" (kept as sent)
    QString actionId;
    QString fileId;
    QString connectionId;
    QString file;
    QString table;
    std::optional<bool> overwrite; // targets only
    // Read-only details the server adds:
    QString connectionName;
    bool isConnectionDeleted = false;
    QString bucketName;

    static JobEndpoint anaplanSource(const QString &actionId);                        // export source
    static JobEndpoint anaplanTarget(const QString &importId, const QString &fileId); // import target
    static JobEndpoint fileEndpoint(ConnectionType type, const QString &connectionId, const QString &file,
                                    std::optional<bool> overwrite = std::nullopt);
    static JobEndpoint tableEndpoint(const QString &connectionId, const QString &table,
                                     std::optional<bool> overwrite = std::nullopt);

    static JobEndpoint fromJson(const QJsonObject &object);
    QJsonObject toJson() const; // writable fields only
};

struct IntegrationJob
{
    QString type; // "AmazonS3ToAnaplan", "AnaplanToAzureBlob", … kept as sent
    QList<JobEndpoint> sources;
    QList<JobEndpoint> targets;

    // <connection> → Anaplan import (importId 112…, fileId 113… of the import's data source).
    static IntegrationJob importJob(const JobEndpoint &source, const QString &importId,
                                    const QString &fileId);
    // Anaplan export (116…) → <connection>.
    static IntegrationJob exportJob(const QString &exportId, const JobEndpoint &target);

    static IntegrationJob fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

// A listed integration (GET /integrations) and, with jobs, a single one (GET /integrations/{id}, which
// does not carry integrationType on Anaplan — then it is derived from the jobs).
struct Integration
{
    QString id;
    QString name;
    IntegrationType type = IntegrationType::Unknown;
    QString typeRaw;
    QString workspaceId;
    QString modelId;
    QString processId; // processes only
    QString notificationId;
    bool nuxVisible = false;
    std::optional<LatestRun> latestRun;
    std::optional<Schedule> schedule;
    QList<IntegrationJob> jobs; // single GET only
    Versioned versioned;

    static Integration fromJson(const QJsonObject &object);
};

// The body of POST /integrations and PUT /integrations/{id} (a full replacement).
// Import/export: jobs set, processId empty. Process: processId set, jobs one per import of the process
// that reads from a connection (or none: "process only").
struct IntegrationInput
{
    QString name;
    QString workspaceId;
    QString modelId;
    QString processId;
    bool nuxVisible = false;
    QList<IntegrationJob> jobs;

    QJsonObject
    toJson() const; // {"name","version":"2.0","workspaceId","modelId"[,"processId"],"nuxVisible"[,"jobs"]}
    QString validationError() const;
};

} // namespace anadesk::cloudworks
