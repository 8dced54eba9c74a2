#include "AuditTypes.h"

#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk::audit {

TenantUser TenantUser::fromJson(const QJsonObject &object)
{
    TenantUser u;
    u.id = json::idString(object.value("id"_L1));
    u.active = json::boolean(object, "active"_L1);
    u.email = json::string(object, "email"_L1);
    u.emailOptIn = json::boolean(object, "emailOptIn"_L1);
    u.firstName = json::string(object, "firstName"_L1);
    u.lastName = json::string(object, "lastName"_L1);
    u.lastLoginDate = json::string(object, "lastLoginDate"_L1);
    return u;
}

namespace {
struct TypeName
{
    EventType type;
    const char *name;
};
constexpr TypeName kTypes[] = {{EventType::All, "all"},
                               {EventType::UserActivity, "user_activity"},
                               {EventType::AccessControl, "access_control"},
                               {EventType::Integration, "int"},
                               {EventType::ConnectionManagement, "conn_mgmt"},
                               {EventType::Comment, "comment"},
                               {EventType::Byok, "byok"},
                               {EventType::PlanIq, "plan_iq"},
                               {EventType::Forecaster, "forecaster"}};
} // namespace

QString eventTypeName(EventType type)
{
    for (const TypeName &t : kTypes) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return u"all"_s;
}

std::optional<EventType> eventTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().replace(u'-', u'_');
    if (n == "integrations"_L1 || n == "integration"_L1)
        return EventType::Integration;
    if (n == "connections"_L1 || n == "connection"_L1)
        return EventType::ConnectionManagement;
    for (const TypeName &t : kTypes) {
        if (n == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

QStringList eventTypeNames()
{
    QStringList names;
    for (const TypeName &t : kTypes)
        names.append(QString::fromLatin1(t.name));
    return names;
}

Event Event::fromJson(const QJsonObject &object)
{
    Event e;
    e.id = json::idString(object.value("id"_L1));
    e.eventTypeId = json::string(object, "eventTypeId"_L1);
    e.message = json::string(object, "message"_L1);
    e.success = json::boolean(object, "success"_L1);
    e.userId = json::idString(object.value("userId"_L1));
    e.tenantId = json::idString(object.value("tenantId"_L1));
    e.objectId = json::idString(object.value("objectId"_L1));
    e.objectTypeId = json::string(object, "objectTypeId"_L1);
    e.objectTenantId = json::idString(object.value("objectTenantId"_L1));
    e.errorNumber = json::string(object, "errorNumber"_L1);
    e.ipAddress = json::string(object, "ipAddress"_L1);
    e.userAgent = json::string(object, "userAgent"_L1);
    e.sessionId = json::string(object, "sessionId"_L1);
    e.hostName = json::string(object, "hostName"_L1);
    e.serviceVersion = json::string(object, "serviceVersion"_L1);
    e.eventDate = json::int64(object, "eventDate"_L1);
    e.eventTimeZone = json::string(object, "eventTimeZone"_L1);
    e.createdDate = json::int64(object, "createdDate"_L1);
    e.createdTimeZone = json::string(object, "createdTimeZone"_L1);
    e.checksum = json::string(object, "checksum"_L1);
    e.additionalAttributes = object.value("additionalAttributes"_L1).toObject();
    e.raw = object;
    return e;
}

} // namespace anadesk::audit
