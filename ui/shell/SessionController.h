#pragma once
// The app's one live connection: makes it from a profile (secrets from the session store, then the
// keychain; missing ones asked for through secretsNeeded()), verifies it by signing in and listing the
// workspaces, and keeps it until disconnect() or another connect. A keychain that cannot answer leaves the
// state at KeychainUnavailable — the profile and any running session are kept (never a logout). Rejected
// credentials during a session give CredentialsRejected; the connection object stays (its jobs fail).
#include "ClientSettings.h"
#include "Connection.h"
#include "ConnectionState.h"
#include "ProfileSecrets.h"
#include "net/ApiError.h"
#include "profiles/ConnectionProfile.h"

#include <QObject>
#include <QPointer>

namespace anadesk {

class Connection;
class CredentialStore;
class Job;

class SessionController : public QObject
{
    Q_OBJECT

public:
    // Stores are not owned; `session` keeps secrets for this run only ("don't remember", keychain locked).
    SessionController(CredentialStore *keychain, CredentialStore *session, QObject *parent = nullptr);
    ~SessionController() override;

    ConnectionState state() const { return m_state; }
    // The sentence under the state: what is connected, or what failed and what to do.
    QString detail() const { return m_detail; }
    Connection *connection() const { return m_connection; }
    const ConnectionProfile &profile() const { return m_profile; }
    bool isSandbox() const { return m_isSandbox; }
    int workspaceCount() const { return m_workspaceCount; }
    // Secret kinds the profile needs that this session does not hold (for "enter for this session").
    QList<SecretKind> missingSecretKinds() const;

    const ClientSettings &clientSettings() const { return m_settings; }
    // New settings apply to the live connection's next requests, too.
    void setClientSettings(const ClientSettings &settings);

    // Replaces any current connection. `known` are secrets the caller already has (typed in the manager).
    void connectProfile(const ConnectionProfile &profile, const ProfileSecrets &known = {}, bool isSandbox = false);
    // Continues after secretsNeeded(): the entered secrets (kept in the session store for this run; saved to
    // the keychain too when `remember` and the profile allows it).
    void provideSecrets(const ProfileSecrets &secrets, bool remember);
    // After KeychainUnavailable: ask the keychain again.
    void retry();
    void disconnectSession();
    // For the sandbox launcher's progress.
    void setStartingSandbox();
    void setFailed(const QString &detail);

Q_SIGNALS:
    void stateChanged(anadesk::ConnectionState state, const QString &detail);
    // The connection is verified and ready; the previous one (if any) is gone.
    void connected(anadesk::Connection *connection);
    // The connection is about to be deleted (widgets using it must let go now).
    void aboutToDisconnect();
    // Kinds nothing is saved for: ask the user, then call provideSecrets() (or disconnectSession()).
    void secretsNeeded(const anadesk::ConnectionProfile &profile, const QList<anadesk::SecretKind> &kinds);

private:
    void setState(ConnectionState state, const QString &detail);
    void loadSecrets();
    void onSecretsLoaded(const SecretLoadResult &result);
    void makeConnection();
    void dropConnection();

    QPointer<CredentialStore> m_keychain;
    QPointer<CredentialStore> m_session;
    SecretLoader *m_loader;
    ClientSettings m_settings;
    ConnectionProfile m_profile;
    ProfileSecrets m_secrets;
    QPointer<Connection> m_connection;
    QPointer<Job> m_verifyJob;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_detail;
    bool m_isSandbox = false;
    int m_workspaceCount = 0;
    int m_attempt = 0;
};

} // namespace anadesk
