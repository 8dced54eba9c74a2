#include "CloudWorksCommon.h"

#include "net/UrlBuilder.h"
#include "types/JsonRead.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

QUrl cloudWorksUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query)
{
    return buildUrl(endpoints.cloudWorks, QStringList{u"2"_s, u"0"_s} + segments, query);
}

ConnectionType connectionTypeFromString(const QString &raw)
{
    const QString t = raw.trimmed();
    for (ConnectionType type :
         {ConnectionType::AmazonS3, ConnectionType::AzureBlob, ConnectionType::GoogleBigQuery}) {
        if (t.compare(connectionTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return ConnectionType::Unknown;
}

QString connectionTypeName(ConnectionType type)
{
    switch (type) {
    case ConnectionType::AmazonS3:
        return u"AmazonS3"_s;
    case ConnectionType::AzureBlob:
        return u"AzureBlob"_s;
    case ConnectionType::GoogleBigQuery:
        return u"GoogleBigQuery"_s;
    case ConnectionType::Unknown:
        break;
    }
    return {};
}

IntegrationType integrationTypeFromString(const QString &raw)
{
    const QString t = raw.trimmed();
    for (IntegrationType type :
         {IntegrationType::Import, IntegrationType::Export, IntegrationType::Process}) {
        if (t.compare(integrationTypeName(type), Qt::CaseInsensitive) == 0)
            return type;
    }
    return IntegrationType::Unknown;
}

QString integrationTypeName(IntegrationType type)
{
    switch (type) {
    case IntegrationType::Import:
        return u"Import"_s;
    case IntegrationType::Export:
        return u"Export"_s;
    case IntegrationType::Process:
        return u"Process"_s;
    case IntegrationType::Unknown:
        break;
    }
    return {};
}

QDateTime parseDateTime(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (t.size() > 10 && t.at(10) == u' ')
        t[10] = u'T';
    // Qt reads at most milliseconds: cut longer fractions ("…:06.123456+00:00").
    static const QRegularExpression fraction(u"(\\.\\d{3})\\d+"_s);
    t.replace(fraction, u"\\1"_s);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    return dt;
}

Versioned Versioned::fromJson(const QJsonObject &object)
{
    Versioned v;
    v.creationDate = json::string(object, "creationDate"_L1);
    v.modificationDate = json::string(object, "modificationDate"_L1);
    v.createdBy = json::string(object, "createdBy"_L1);
    v.modifiedBy = json::string(object, "modifiedBy"_L1);
    return v;
}

std::optional<int> optionalInt(const QJsonObject &object, QLatin1StringView key)
{
    if (const auto v = json::optionalInt64(object, key))
        return int(*v);
    return std::nullopt;
}

std::optional<LatestRun> LatestRun::fromJson(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    if (o.isEmpty())
        return std::nullopt;
    LatestRun r;
    r.triggeredBy = json::string(o, "triggeredBy"_L1);
    r.startDate = json::string(o, "startDate"_L1);
    r.endDate = json::string(o, "endDate"_L1);
    r.success = json::boolean(o, "success"_L1);
    r.message = json::string(o, "message"_L1);
    r.executionErrorCode = optionalInt(o, "executionErrorCode"_L1);
    r.triggerSource = json::string(o, "triggerSource"_L1);
    return r;
}

} // namespace anadesk::cloudworks
