#pragma once
// Looks at the Secret Service over D-Bus directly, independently of QtKeychain and of the code under
// test: how many items carry QtKeychain's attributes for a key (user=<key>, server=<service>), and
// locking the default collection. Used only by the real-keychain test (under scripts/with-keyring.sh).
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QMap>
#include <QString>
#include <memory>

namespace credtest {

using StringMap = QMap<QString, QString>;

inline std::unique_ptr<QDBusInterface> secretService()
{
    static const bool registered = [] {
        qDBusRegisterMetaType<StringMap>();
        qDBusRegisterMetaType<QList<QDBusObjectPath>>();
        return true;
    }();
    Q_UNUSED(registered)
    return std::make_unique<QDBusInterface>(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QDBusConnection::sessionBus());
}

// -1 when the Secret Service could not be asked.
inline int secretServiceItemCount(const QString &key, const QString &service = QStringLiteral("Anadesk"))
{
    const auto iface = secretService();
    const StringMap attributes{{QStringLiteral("user"), key}, {QStringLiteral("server"), service}};
    const QDBusMessage reply = iface->call(QStringLiteral("SearchItems"), QVariant::fromValue(attributes));
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return -1;
    const auto unlocked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(0));
    const auto locked = qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(1));
    return int(unlocked.size() + locked.size());
}

// Locks the collection behind the "default" alias (gnome-keyring locks without a prompt).
inline bool lockDefaultCollection(QString *error)
{
    const auto iface = secretService();
    const QDBusMessage alias = iface->call(QStringLiteral("ReadAlias"), QStringLiteral("default"));
    if (alias.type() != QDBusMessage::ReplyMessage || alias.arguments().isEmpty()) {
        *error = alias.errorMessage();
        return false;
    }
    const QDBusObjectPath collection = qdbus_cast<QDBusObjectPath>(alias.arguments().at(0));
    const QDBusMessage locked =
        iface->call(QStringLiteral("Lock"), QVariant::fromValue(QList<QDBusObjectPath>{collection}));
    if (locked.type() != QDBusMessage::ReplyMessage) {
        *error = locked.errorMessage();
        return false;
    }
    QDBusInterface properties(QStringLiteral("org.freedesktop.secrets"), collection.path(),
                              QStringLiteral("org.freedesktop.DBus.Properties"),
                              QDBusConnection::sessionBus());
    const QDBusMessage state = properties.call(
        QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
    const bool isLocked = state.type() == QDBusMessage::ReplyMessage && !state.arguments().isEmpty() &&
                          qdbus_cast<QDBusVariant>(state.arguments().at(0)).variant().toBool();
    if (!isLocked)
        *error = QStringLiteral("the collection %1 still reports Locked=false").arg(collection.path());
    return isLocked;
}

} // namespace credtest
