#pragma once
// The states of the app's one connection, as the status bar and the first-run page show them.
#include <QCoreApplication>
#include <QString>

namespace anadesk {

enum class ConnectionState
{
    Disconnected,
    StartingSandbox,     // "Try the sandbox": waiting for anadesk-sandbox to listen
    Connecting,          // reading secrets, signing in
    NeedsSecrets,        // waiting for the user to enter a password/token/passphrase
    KeychainUnavailable, // the keychain could not answer (locked, denied, missing): NOT a logout
    Connected,
    CredentialsRejected, // connected before, then the server rejected the credentials
    Failed,              // the last attempt failed (see the detail text)
};

struct ConnectionStateText
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ConnectionStateText)

public:
    // "Connected", "Keychain locked", … (translated)
    static QString label(ConnectionState state);
};

// Stable names for tests and logs: "disconnected", "connected", …
QString connectionStateName(ConnectionState state);

} // namespace anadesk
