#include "CloudWorksNotification.h"

#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

NotificationConfig NotificationConfig::fromJson(const QJsonObject &object)
{
    NotificationConfig c;
    c.id = json::idString(object.value("notificationId"_L1));
    c.integrationIds = json::stringList(object, "integrationIds"_L1);
    c.channels = json::stringList(object, "channels"_L1);
    for (const QJsonObject &rule :
         json::objectList(object.value("notifications"_L1).toObject(), "config"_L1)) {
        NotificationRule r;
        r.type = json::string(rule, "type"_L1);
        for (const QJsonValue &u : rule.value("users"_L1).toArray()) {
            if (u.isString()) { // the request form: bare GUIDs
                r.users.append({u.toString(), {}, {}});
                continue;
            }
            const QJsonObject o = u.toObject();
            r.users.append({json::idString(o.value("userGuid"_L1)), json::string(o, "firstName"_L1),
                            json::string(o, "lastName"_L1)});
        }
        c.rules.append(r);
    }
    return c;
}

QJsonObject NotificationInput::toJson() const
{
    QJsonArray config;
    for (const Rule &r : rules)
        config.append(QJsonObject{{u"type"_s, r.type}, {u"users"_s, QJsonArray::fromStringList(r.userIds)}});
    return {{u"integrationIds"_s, QJsonArray::fromStringList(integrationIds)},
            {u"channels"_s, QJsonArray::fromStringList(channels)},
            {u"notifications"_s, QJsonObject{{u"config"_s, config}}}};
}

QString NotificationInput::validationError() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("anadesk::cloudworks", text); };
    if (integrationIds.size() != 1 || integrationIds.first().isEmpty())
        return tr("A notification configuration belongs to exactly one integration");
    if (channels.isEmpty())
        return tr("Give at least one channel (email, in_app)");
    for (const QString &c : channels) {
        if (c != "email"_L1 && c != "in_app"_L1)
            return tr("Channels are email and in_app, not '%1'").arg(c);
    }
    if (rules.isEmpty())
        return tr("Give at least one outcome to notify about (success, partial_failure, full_failure)");
    for (const Rule &r : rules) {
        if (r.type != "success"_L1 && r.type != "partial_failure"_L1 && r.type != "full_failure"_L1)
            return tr("Outcomes are success, partial_failure and full_failure, not '%1'").arg(r.type);
        if (r.userIds.isEmpty() || r.userIds.size() > 5)
            return tr("Each outcome notifies 1 to 5 users (%1 has %2)").arg(r.type).arg(r.userIds.size());
    }
    return {};
}

} // namespace anadesk::cloudworks
