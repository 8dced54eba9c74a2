#include "ConnectionState.h"

namespace anadesk {

QString ConnectionStateText::label(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return tr("Not connected");
    case ConnectionState::StartingSandbox:
        return tr("Starting the sandbox…");
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::NeedsSecrets:
        return tr("Waiting for credentials");
    case ConnectionState::KeychainUnavailable:
        return tr("Keychain unavailable");
    case ConnectionState::Connected:
        return tr("Connected");
    case ConnectionState::CredentialsRejected:
        return tr("Credentials rejected");
    case ConnectionState::Failed:
        return tr("Connection failed");
    }
    return {};
}

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case ConnectionState::StartingSandbox:
        return QStringLiteral("starting-sandbox");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::NeedsSecrets:
        return QStringLiteral("needs-secrets");
    case ConnectionState::KeychainUnavailable:
        return QStringLiteral("keychain-unavailable");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::CredentialsRejected:
        return QStringLiteral("credentials-rejected");
    case ConnectionState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace anadesk
