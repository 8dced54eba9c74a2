#pragma once
// For tests that must see a computer WITHOUT any keychain: call before QCoreApplication exists. The
// session bus address points at a socket that does not exist, and nothing hints at a desktop, so
// QtKeychain (libsecret, KWallet) finds no backend and GDBus cannot autolaunch a bus.
#include <QByteArray>
#include <QtGlobal>

namespace credtest {

inline void simulateComputerWithoutKeychain()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=/nonexistent/anadesk-test/no-bus"));
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);
    // The stores' debug lines are part of what leak scans check: switch them on.
    qputenv("QT_LOGGING_RULES", QByteArray("anadesk.*.debug=true"));
}

} // namespace credtest
