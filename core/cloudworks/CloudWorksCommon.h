#pragma once
// Shared pieces of the CloudWorks values (anaplan-api.md §11, cloudworks-openapi.json): enums that keep
// unknown values raw, the "versioned" audit fields every object carries, a run's short summary, and the
// URL builder {cloudWorks}/2/0/<segments…>.
#include "net/Endpoints.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace anadesk::cloudworks {

// {cloudWorks}/2/0/<segments…> (segments start with "integrations" or "integrationflows").
QUrl cloudWorksUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query = {});

enum class ConnectionType
{
    Unknown,
    AmazonS3,
    AzureBlob,
    GoogleBigQuery
};
ConnectionType connectionTypeFromString(const QString &raw); // case-insensitive
QString connectionTypeName(ConnectionType type);             // "AmazonS3"…; "" for Unknown

enum class IntegrationType
{
    Unknown,
    Import,
    Export,
    Process
};
IntegrationType integrationTypeFromString(const QString &raw);
QString integrationTypeName(IntegrationType type);

// ISO-8601 dates as CloudWorks sends them ("2026-08-11T18:07:06.000Z", flow steps use
// "2026-08-11 18:07:06.123456+00:00"); invalid QDateTime when unreadable. The raw text is kept too.
QDateTime parseDateTime(const QString &text);

// creationDate / modificationDate / createdBy / modifiedBy, on every CloudWorks object.
struct Versioned
{
    QString creationDate;
    QString modificationDate;
    QString createdBy;
    QString modifiedBy; // empty when null

    static Versioned fromJson(const QJsonObject &object);
};

// latestRun of an integration or a flow. A `{}` latestRun reads as absent.
struct LatestRun
{
    QString triggeredBy;
    QString startDate;
    QString endDate; // empty while running
    bool success = false;
    QString message;
    std::optional<int> executionErrorCode;
    QString triggerSource; // "manual", "scheduled", "scheduled_inf", "manual_inf", … kept as sent

    static std::optional<LatestRun> fromJson(const QJsonValue &value);
};

std::optional<int> optionalInt(const QJsonObject &object, QLatin1StringView key);

} // namespace anadesk::cloudworks
