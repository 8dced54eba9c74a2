#include "SecretServiceCheck.h"

#include <QMetaObject>

#if defined(ANADESK_HAVE_QTDBUS)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>
#endif

namespace anadesk {

namespace {

void answerLater(QObject *context, std::function<void(EntryPresence)> done, EntryPresence presence)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), presence]() { done(presence); }, Qt::QueuedConnection);
}

} // namespace

void checkSecretServiceEntry(const QString &service, const QString &key, QObject *context,
                             std::function<void(EntryPresence)> done)
{
#if defined(ANADESK_HAVE_QTDBUS)
    using Attributes = QMap<QString, QString>;
    static const bool registered = [] {
        qDBusRegisterMetaType<Attributes>();
        qDBusRegisterMetaType<QList<QDBusObjectPath>>();
        return true;
    }();
    Q_UNUSED(registered)

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return answerLater(context, std::move(done), EntryPresence::Unknown);
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    const Attributes attributes{{QStringLiteral("user"), key}, {QStringLiteral("server"), service}};
    call << QVariant::fromValue(attributes);
    // Never auto-start a keyring daemon the user did not choose (Nheko #1993): ask only a running one.
    call.setAutoStartService(false);
    constexpr int kTimeoutMs = 5'000;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kTimeoutMs), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context,
        [done = std::move(done)](QDBusPendingCallWatcher *finished) {
            finished->deleteLater();
            const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *finished;
            if (reply.isError())
                return done(EntryPresence::Unknown);
            if (!reply.argumentAt<1>().isEmpty())
                return done(EntryPresence::Locked);
            done(reply.argumentAt<0>().isEmpty() ? EntryPresence::Absent : EntryPresence::Unlocked);
        });
#else
    Q_UNUSED(service)
    Q_UNUSED(key)
    answerLater(context, std::move(done), EntryPresence::Unknown);
#endif
}

} // namespace anadesk
