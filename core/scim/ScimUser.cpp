#include "ScimUser.h"

#include "ScimPaths.h"
#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

Name Name::fromJson(const QJsonObject &object)
{
    Name n;
    n.givenName = json::string(object, "givenName"_L1);
    n.familyName = json::string(object, "familyName"_L1);
    n.formatted = json::string(object, "formatted"_L1);
    return n;
}

Email Email::fromJson(const QJsonObject &object)
{
    Email e;
    e.value = json::string(object, "value"_L1);
    e.type = json::string(object, "type"_L1);
    e.primary = json::boolean(object, "primary"_L1);
    return e;
}

EntitlementType entitlementTypeFromString(const QString &raw)
{
    const QString t = raw.trimmed().toUpper();
    if (t == "WORKSPACE"_L1)
        return EntitlementType::Workspace;
    if (t == "WORKSPACE_IDS"_L1)
        return EntitlementType::WorkspaceIds;
    if (t == "WORKSPACE_NAMES"_L1)
        return EntitlementType::WorkspaceNames;
    return EntitlementType::Unknown;
}

QString entitlementTypeName(EntitlementType type)
{
    switch (type) {
    case EntitlementType::Workspace:
        return u"WORKSPACE"_s;
    case EntitlementType::WorkspaceIds:
        return u"WORKSPACE_IDS"_s;
    case EntitlementType::WorkspaceNames:
        return u"WORKSPACE_NAMES"_s;
    case EntitlementType::Unknown:
        break;
    }
    return {};
}

Entitlement Entitlement::workspace(const QString &workspaceId)
{
    Entitlement e;
    e.value = workspaceId;
    e.type = EntitlementType::Workspace;
    e.typeRaw = u"WORKSPACE"_s;
    return e;
}

Entitlement Entitlement::fromJson(const QJsonObject &object)
{
    Entitlement e;
    e.value = json::string(object, "value"_L1);
    e.typeRaw = json::string(object, "type"_L1);
    e.type = entitlementTypeFromString(e.typeRaw);
    e.display = json::string(object, "display"_L1);
    e.primary = json::boolean(object, "primary"_L1);
    return e;
}

QJsonObject Entitlement::toJson() const
{
    QJsonObject o{{u"value"_s, value}};
    const QString t = type == EntitlementType::Unknown ? typeRaw : entitlementTypeName(type);
    if (!t.isEmpty())
        o.insert(u"type"_s, t);
    if (!display.isEmpty())
        o.insert(u"display"_s, display);
    return o; // `primary` is read-only
}

Meta Meta::fromJson(const QJsonObject &object)
{
    Meta m;
    m.resourceType = json::string(object, "resourceType"_L1);
    m.location = json::string(object, "location"_L1);
    m.created = json::string(object, "created"_L1);
    m.lastModified = json::string(object, "lastModified"_L1);
    return m;
}

QStringList User::workspaceIds() const
{
    QStringList ids;
    for (const Entitlement &e : entitlements) {
        if (e.type == EntitlementType::Workspace && !e.value.isEmpty() && !ids.contains(e.value))
            ids.append(e.value);
    }
    if (!ids.isEmpty())
        return ids;
    for (const Entitlement &e : entitlements) {
        if (e.type != EntitlementType::WorkspaceIds)
            continue;
        for (const QString &part : e.value.split(u',', Qt::SkipEmptyParts)) {
            const QString id = part.trimmed();
            if (!id.isEmpty() && !ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

User User::fromJson(const QJsonObject &object)
{
    User u;
    u.id = json::idString(object.value("id"_L1));
    u.userName = json::string(object, "userName"_L1);
    u.externalId = json::string(object, "externalId"_L1);
    u.name = Name::fromJson(object.value("name"_L1).toObject());
    u.displayName = json::string(object, "displayName"_L1);
    u.active = json::boolean(object, "active"_L1);
    for (const QJsonObject &e : json::objectList(object, "emails"_L1))
        u.emails.append(Email::fromJson(e));
    for (const QJsonObject &e : json::objectList(object, "entitlements"_L1))
        u.entitlements.append(Entitlement::fromJson(e));
    u.meta = Meta::fromJson(object.value("meta"_L1).toObject());
    return u;
}

void UserInput::setWorkspaceIds(const QStringList &workspaceIds)
{
    QList<Entitlement> list;
    for (const QString &id : workspaceIds)
        list.append(Entitlement::workspace(id));
    entitlements = list;
}

UserInput UserInput::fromUser(const User &user)
{
    UserInput input;
    input.userName = user.userName;
    input.givenName = user.name.givenName;
    input.familyName = user.name.familyName;
    input.externalId = user.externalId;
    input.active = user.active;
    input.setWorkspaceIds(user.workspaceIds());
    return input;
}

QJsonObject UserInput::toJson(const QString &id) const
{
    QJsonObject o{{u"schemas"_s, QJsonArray{QString::fromLatin1(kUserSchema)}}, {u"userName"_s, userName}};
    if (!id.isEmpty())
        o.insert(u"id"_s, id);
    if (!externalId.isEmpty())
        o.insert(u"externalId"_s, externalId);
    o.insert(u"name"_s, QJsonObject{{u"familyName"_s, familyName}, {u"givenName"_s, givenName}});
    if (active)
        o.insert(u"active"_s, *active);
    if (entitlements) {
        QJsonArray array;
        for (const Entitlement &e : *entitlements)
            array.append(e.toJson());
        o.insert(u"entitlements"_s, array);
    }
    return o;
}

QString UserInput::validationError() const
{
    if (userName.trimmed().isEmpty())
        return QCoreApplication::translate("anadesk::scim", "The user needs a userName (the e-mail address)");
    if (givenName.trimmed().isEmpty() || familyName.trimmed().isEmpty())
        return QCoreApplication::translate(
            "anadesk::scim", "The user needs both a given name and a family name (name.givenName, "
                             "name.familyName)");
    return {};
}

} // namespace anadesk::scim
