#pragma once
// CloudWorks connections to Amazon S3, Azure Blob Storage and Google BigQuery.
// Reading: Anaplan never returns credentials, only the connection's public details in `body`.
// Writing: CloudConnectionInput holds credentials (S3 secretAccessKey, Azure sasToken / clientSecret, the
// BigQuery service account key). They are SECRETS: jobs register them with core/net/Redaction
// (registerSecret) for as long as they live, so no log line, error message or server echo shows them;
// never print a CloudConnectionInput.
#include "CloudWorksCommon.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace anadesk::cloudworks {

struct CloudConnection
{
    QString id; // connectionId, 32 hex
    ConnectionType type = ConnectionType::Unknown;
    QString typeRaw;
    QString name;
    QJsonObject body; // public details: name, bucketName | storageAccountName+containerName | dataset
    int status = 0;   // 1 valid, 0 invalid (credentials refused)
    std::optional<int> integrationErrorCode;
    QString workspaceId; // empty when null
    Versioned versioned;

    bool isValid() const { return status == 1; }
    static CloudConnection fromJson(const QJsonObject &object);
};

struct CloudConnectionInput
{
    ConnectionType type = ConnectionType::Unknown;
    QString name;
    QString workspaceId; // for restricted integration users: the workspace of the connection's model
    // Amazon S3
    QString bucketName;
    QString accessKeyId;
    QString secretAccessKey; // secret
    QString roleArn;
    // Azure Blob
    QString storageAccountName;
    QString containerName;
    QString authMethod;   // "SAS-based" (default) or "OAuth2"
    QString sasToken;     // secret (SAS-based)
    QString clientId;     // OAuth2
    QString clientSecret; // secret (OAuth2)
    QString tenantId;     // OAuth2
    // Google BigQuery
    QString dataset;
    QJsonObject serviceAccountKey; // the service account JSON; its private key is secret

    static CloudConnectionInput amazonS3(const QString &name, const QString &bucketName,
                                         const QString &accessKeyId, const QString &secretAccessKey);
    static CloudConnectionInput azureBlobSas(const QString &name, const QString &storageAccountName,
                                             const QString &containerName, const QString &sasToken);
    static CloudConnectionInput azureBlobOAuth(const QString &name, const QString &storageAccountName,
                                               const QString &containerName, const QString &clientId,
                                               const QString &clientSecret, const QString &tenantId);
    static CloudConnectionInput googleBigQuery(const QString &name, const QString &dataset,
                                               const QJsonObject &serviceAccountKey);

    // The connection body alone (what PUT sends, as the reference client does).
    QJsonObject body() const;
    // {"type": …, "body": {…}} (what POST sends).
    QJsonObject toJson() const;
    // Every secret value in the input (for registerSecret); never empty strings.
    QList<QByteArray> secrets() const;
    // A BadInput message naming the missing field; empty when fine.
    QString validationError() const;
};

} // namespace anadesk::cloudworks
