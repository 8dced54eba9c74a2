#pragma once
// The Audit client's values (anaplan-api.md §10, audit-openapi.json), read tolerantly.
//  - TenantUser: a user of the caller's default tenant from the Integration API (/2/0/users).
//  - Event: one audit event; the reference client returns raw dicts, so `raw` keeps the whole object
//    next to the typed fields (ids exact, even Snowflake ids beyond 2^53).
//  - EventType: the `type` filter (each selects an eventTypeId prefix).
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace anadesk::audit {

struct TenantUser
{
    QString id; // 32 hex, the same id SCIM and audit events use
    bool active = false;
    QString email;
    bool emailOptIn = false;
    QString firstName;
    QString lastName;
    QString lastLoginDate; // ISO-8601 as sent; empty: never logged in (or not sent)

    static TenantUser fromJson(const QJsonObject &object);
};

enum class EventType
{
    All,
    UserActivity,
    AccessControl,
    Integration,
    ConnectionManagement,
    Comment,
    Byok,
    PlanIq,
    Forecaster
};

QString eventTypeName(EventType type); // the wire value: "all", "user_activity", "access_control", "int", …
// Accepts the wire values (and "integrations"/"connections" as aliases), case-insensitive.
std::optional<EventType> eventTypeFromName(const QString &name);
QStringList eventTypeNames();

struct Event
{
    QString id;          // Snowflake id, exact decimal digits
    QString eventTypeId; // "USR-8", …
    QString message;
    bool success = false;
    QString userId;
    QString tenantId;
    QString objectId;
    QString objectTypeId;
    QString objectTenantId;
    QString errorNumber;
    QString ipAddress;
    QString userAgent;
    QString sessionId;
    QString hostName;
    QString serviceVersion;
    qint64 eventDate = 0; // epoch ms, UTC
    QString eventTimeZone;
    qint64 createdDate = 0; // epoch ms, UTC
    QString createdTimeZone;
    QString checksum;
    QJsonObject additionalAttributes; // free-form per event type; {} when null or absent
    QJsonObject raw;                  // the event as sent

    static Event fromJson(const QJsonObject &object);
};

} // namespace anadesk::audit
