#pragma once
// CloudWorks notification configurations: who hears about which outcome of an integration, on which
// channels. Anaplan allows one configuration per integration (a new integration gets a default one),
// 1–5 users per outcome, and no empty lists on update (delete and recreate instead).
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::cloudworks {

struct NotificationUser
{
    QString userGuid;
    QString firstName;
    QString lastName;
};

struct NotificationRule
{
    QString type; // "success", "partial_failure", "full_failure" (kept as sent)
    QList<NotificationUser> users;
};

struct NotificationConfig
{
    QString id; // notificationId
    QStringList integrationIds;
    QStringList channels; // "email", "in_app"
    QList<NotificationRule> rules;

    static NotificationConfig fromJson(const QJsonObject &object);
};

struct NotificationInput
{
    QStringList integrationIds; // Anaplan takes one
    QStringList channels;       // "email" and/or "in_app"
    struct Rule
    {
        QString type;        // success | partial_failure | full_failure
        QStringList userIds; // 1–5 user GUIDs
    };
    QList<Rule> rules;

    QJsonObject toJson() const;
    QString validationError() const;
};

} // namespace anadesk::cloudworks
