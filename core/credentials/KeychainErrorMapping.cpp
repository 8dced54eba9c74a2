#include "KeychainErrorMapping.h"

#include <qt6keychain/keychain.h>

namespace anadesk {

namespace {

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Observed texts (QtKeychain 0.13 on libsecret 0.20 / GDBus, and its KWallet path):
//  no session bus:        "Could not connect: No such file or directory", "Cannot autolaunch D-Bus without
//                         X11 $DISPLAY", "D-Bus is not running", "Cannot spawn a message bus …"
//  bus, no keyring:       "The name org.freedesktop.secrets was not provided by any .service files",
//                         "…ServiceUnknown…"
bool meansNoBackend(const QString &text)
{
    return containsAny(text, {"org.freedesktop.secrets", "ServiceUnknown", "not provided by any .service",
                              "Could not connect", "autolaunch", "D-Bus is not running",
                              "Cannot spawn a message bus", "DBUS_SESSION_BUS_ADDRESS", "No keyring daemon",
                              "No keychain service available"});
}

//  locked collection:     "Cannot create an item in a locked collection", "…is locked…"
//  dismissed unlock prompt: "…prompt…dismissed…", "Cancelled"
bool meansLocked(const QString &text)
{
    return containsAny(text, {"locked", "prompt", "Cancelled", "canceled", "unlock"});
}

} // namespace

CredentialStatus classifyKeychainError(int qkeychainError, const QString &errorString)
{
    switch (static_cast<QKeychain::Error>(qkeychainError)) {
    case QKeychain::NoError:
        return CredentialStatus::Ok;
    case QKeychain::EntryNotFound:
        return CredentialStatus::NotFound;
    case QKeychain::AccessDeniedByUser:
        return CredentialStatus::AccessDenied;
    case QKeychain::AccessDenied:
        // libsecret's SECRET_ERROR_IS_LOCKED, GNOME Keyring's "denied" and a KWallet that was not opened
        // all arrive here: the keychain exists but is shut.
        return CredentialStatus::KeychainLocked;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialStatus::NoBackend;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    if (meansNoBackend(errorString))
        return CredentialStatus::NoBackend;
    if (meansLocked(errorString))
        return CredentialStatus::KeychainLocked;
    return CredentialStatus::OtherError;
}

} // namespace anadesk
