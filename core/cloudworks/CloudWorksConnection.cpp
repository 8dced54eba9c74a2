#include "CloudWorksConnection.h"

#include "types/JsonRead.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cloudworks", text);
}

void putIfSet(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

// Secret-looking values inside a service account key: the private key and anything named like one.
void collectKeySecrets(const QJsonObject &object, QList<QByteArray> *out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        if (it->isObject()) {
            collectKeySecrets(it->toObject(), out);
        } else if (it->isString() &&
                   (key.contains("private"_L1) || key.contains("secret"_L1) || key.contains("token"_L1))) {
            const QString v = it->toString();
            if (!v.isEmpty())
                out->append(v.toUtf8());
            // A PEM key may be echoed line by line; each base64 line is secret too.
            for (const QString &line : v.split(u'\n', Qt::SkipEmptyParts)) {
                if (line.size() >= 16 && !line.startsWith("-----"_L1))
                    out->append(line.trimmed().toUtf8());
            }
        }
    }
}
} // namespace

CloudConnection CloudConnection::fromJson(const QJsonObject &object)
{
    CloudConnection c;
    c.id = json::idString(object.value("connectionId"_L1));
    if (c.id.isEmpty())
        c.id = json::idString(object.value("id"_L1));
    c.typeRaw = json::string(object, "connectionType"_L1);
    c.type = connectionTypeFromString(c.typeRaw);
    c.body = object.value("body"_L1).toObject();
    c.name = json::string(c.body, "name"_L1, json::string(object, "name"_L1));
    c.status = int(json::int64(object, "status"_L1));
    c.integrationErrorCode = optionalInt(object, "integrationErrorCode"_L1);
    c.workspaceId = json::string(object, "workspaceId"_L1);
    c.versioned = Versioned::fromJson(object);
    return c;
}

CloudConnectionInput CloudConnectionInput::amazonS3(const QString &name, const QString &bucketName,
                                                    const QString &accessKeyId,
                                                    const QString &secretAccessKey)
{
    CloudConnectionInput c;
    c.type = ConnectionType::AmazonS3;
    c.name = name;
    c.bucketName = bucketName;
    c.accessKeyId = accessKeyId;
    c.secretAccessKey = secretAccessKey;
    return c;
}

CloudConnectionInput CloudConnectionInput::azureBlobSas(const QString &name,
                                                        const QString &storageAccountName,
                                                        const QString &containerName, const QString &sasToken)
{
    CloudConnectionInput c;
    c.type = ConnectionType::AzureBlob;
    c.name = name;
    c.storageAccountName = storageAccountName;
    c.containerName = containerName;
    c.authMethod = u"SAS-based"_s;
    c.sasToken = sasToken;
    return c;
}

CloudConnectionInput
CloudConnectionInput::azureBlobOAuth(const QString &name, const QString &storageAccountName,
                                     const QString &containerName, const QString &clientId,
                                     const QString &clientSecret, const QString &tenantId)
{
    CloudConnectionInput c;
    c.type = ConnectionType::AzureBlob;
    c.name = name;
    c.storageAccountName = storageAccountName;
    c.containerName = containerName;
    c.authMethod = u"OAuth2"_s;
    c.clientId = clientId;
    c.clientSecret = clientSecret;
    c.tenantId = tenantId;
    return c;
}

CloudConnectionInput CloudConnectionInput::googleBigQuery(const QString &name, const QString &dataset,
                                                          const QJsonObject &serviceAccountKey)
{
    CloudConnectionInput c;
    c.type = ConnectionType::GoogleBigQuery;
    c.name = name;
    c.dataset = dataset;
    c.serviceAccountKey = serviceAccountKey;
    return c;
}

QJsonObject CloudConnectionInput::body() const
{
    QJsonObject o;
    putIfSet(o, u"workspaceId"_s, workspaceId);
    o.insert(u"name"_s, name);
    switch (type) {
    case ConnectionType::AmazonS3:
        putIfSet(o, u"bucketName"_s, bucketName);
        putIfSet(o, u"accessKeyId"_s, accessKeyId);
        putIfSet(o, u"secretAccessKey"_s, secretAccessKey);
        putIfSet(o, u"roleArn"_s, roleArn);
        break;
    case ConnectionType::AzureBlob:
        putIfSet(o, u"storageAccountName"_s, storageAccountName);
        putIfSet(o, u"containerName"_s, containerName);
        // Undocumented but required by Anaplan for Azure (reference client); SAS-based is the default.
        o.insert(u"authMethod"_s, authMethod.isEmpty() ? u"SAS-based"_s : authMethod);
        putIfSet(o, u"sasToken"_s, sasToken);
        putIfSet(o, u"clientId"_s, clientId);
        putIfSet(o, u"clientSecret"_s, clientSecret);
        putIfSet(o, u"tenantId"_s, tenantId);
        break;
    case ConnectionType::GoogleBigQuery:
        putIfSet(o, u"dataset"_s, dataset);
        if (!serviceAccountKey.isEmpty())
            o.insert(u"serviceAccountKey"_s, serviceAccountKey);
        break;
    case ConnectionType::Unknown:
        break;
    }
    return o;
}

QJsonObject CloudConnectionInput::toJson() const
{
    return {{u"type"_s, connectionTypeName(type)}, {u"body"_s, body()}};
}

QList<QByteArray> CloudConnectionInput::secrets() const
{
    QList<QByteArray> out;
    for (const QString &s : {secretAccessKey, sasToken, clientSecret}) {
        if (!s.isEmpty())
            out.append(s.toUtf8());
    }
    collectKeySecrets(serviceAccountKey, &out);
    return out;
}

QString CloudConnectionInput::validationError() const
{
    if (type == ConnectionType::Unknown)
        return tr("The connection type must be AmazonS3, AzureBlob or GoogleBigQuery");
    if (name.trimmed().isEmpty())
        return tr("The connection needs a name");
    switch (type) {
    case ConnectionType::AmazonS3:
        if (bucketName.isEmpty() || accessKeyId.isEmpty() || secretAccessKey.isEmpty())
            return tr("An Amazon S3 connection needs bucketName, accessKeyId and secretAccessKey");
        break;
    case ConnectionType::AzureBlob: {
        if (storageAccountName.isEmpty() || containerName.isEmpty())
            return tr("An Azure Blob connection needs storageAccountName and containerName");
        const QString method = authMethod.isEmpty() ? u"SAS-based"_s : authMethod;
        if (method.compare("SAS-based"_L1, Qt::CaseInsensitive) == 0) {
            if (sasToken.isEmpty())
                return tr("An Azure Blob connection with SAS-based authentication needs a sasToken");
        } else if (method.compare("OAuth2"_L1, Qt::CaseInsensitive) == 0) {
            if (clientId.isEmpty() || clientSecret.isEmpty() || tenantId.isEmpty())
                return tr("An Azure Blob connection with OAuth2 needs clientId, clientSecret and tenantId");
        } else {
            return tr("Azure authMethod must be SAS-based or OAuth2, not '%1'").arg(method);
        }
        break;
    }
    case ConnectionType::GoogleBigQuery:
        if (dataset.isEmpty() || serviceAccountKey.isEmpty())
            return tr("A Google BigQuery connection needs a dataset and the service account key (JSON)");
        break;
    case ConnectionType::Unknown:
        break;
    }
    return {};
}

} // namespace anadesk::cloudworks
