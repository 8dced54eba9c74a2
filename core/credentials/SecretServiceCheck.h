#pragma once
// A second opinion from the Secret Service (org.freedesktop.secrets, Linux) about one QtKeychain entry.
//
// Why: with the libsecret backend, a read from a LOCKED collection whose unlock prompt cannot be shown
// or is dismissed comes back from QtKeychain as EntryNotFound, and a delete as success — exactly the
// confusion that must never happen (a locked keychain read as "no password", reliability-and-
// security.md §3.3 rule 4). The Secret Service's SearchItems lists matching items split into unlocked
// and locked ones without needing an unlock (attributes are not secret), so it can tell "absent" from
// "there, but locked". Looks only at QtKeychain's attributes (user=<key>, server=<service>).
#include <QObject>
#include <QString>
#include <functional>

namespace anadesk {

enum class EntryPresence
{
    Unknown,  // no Secret Service to ask (other platforms, KWallet-only desktops, no session bus), or no
              // answer
    Absent,   // no such item
    Unlocked, // the item exists and is readable
    Locked,   // the item exists in a locked collection
};

// `done` is called exactly once from the event loop (not inside this call) unless `context` is destroyed.
void checkSecretServiceEntry(const QString &service, const QString &key, QObject *context,
                             std::function<void(EntryPresence)> done);

} // namespace anadesk
