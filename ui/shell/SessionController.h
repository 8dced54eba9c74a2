#pragma once
// The app's one live connection: makes it from a profile (secrets from the session store, then the
// keychain; missing ones asked for through secretsNeeded()), verifies it by signing in and listing the
// workspaces, and keeps it until disconnect() or another connect. A keychain that cannot answer leaves the
// state at KeychainUnavailable — the profile and any running session are kept (never a logout).
//
// Credentials rejected during a session (token expired and re-authentication refused, password changed on
// the server): the state becomes CredentialsRejected, the connection and the browser stay, the transport
// HOLDS the interrupted requests, and reauthenticationNeeded() asks the user ONCE. provideReauthentication()
// signs in with the new secret (saved in the keychain only when the user says so) and the held requests are
// replayed once; a cancel — or a second rejection — fails them with the rejection, and nothing is asked again
// automatically (no prompt loop, no silent logout). "Sign in again" (reauthenticate()) asks once more.
//
// A proxy that answers 407: proxyCredentialsNeeded() asks once per connect for its user and password; the
// password of a profile's own proxy may go to the keychain, the user name into the profile.
//
// A proxy that starts answering 407 during a session (its credentials changed) is NOT a rejection of the
// Anaplan credentials: the state becomes CredentialsRejected (the connection and the browser stay) and
// proxyCredentialsNeeded() asks once — never reauthenticationNeeded(). Work that was waiting for a sign-in is
// held meanwhile and replayed once after the new proxy credentials got the sign-in through; a request that
// met the 407 on its own fails with it. A cancel or a second 407 fails the held work; Sign In Again asks for
// the proxy's credentials once more.
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
    // After reauthenticationNeeded(): the new secret(s); held requests are replayed once after the sign-in.
    void provideReauthentication(const ProfileSecrets &secrets, bool remember);
    // The user declined: held requests fail with the rejection; the state stays CredentialsRejected.
    void cancelReauthentication();
    // The user asks to sign in again while CredentialsRejected (emits reauthenticationNeeded once more).
    void reauthenticate();
    // Requests held for new credentials right now.
    int heldRequestCount() const;
    // After proxyCredentialsNeeded(): connects again with the proxy's user and password (or, in a session,
    // retries the held work with them).
    void provideProxyCredentials(const QString &user, const SecretBytes &password, bool remember);
    // The user declined proxyCredentialsNeeded(): while connecting, the attempt ends (Disconnected); in a
    // session the held work fails and the session stays (CredentialsRejected).
    void cancelProxyCredentials();
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
    // The server rejected the credentials mid-session: ask for `kinds` once, then provideReauthentication()
    // or cancelReauthentication().
    void reauthenticationNeeded(const anadesk::ConnectionProfile &profile, const QList<anadesk::SecretKind> &kinds,
                                const QString &explanation);
    // The proxy answered 407: ask for its user and password (provideProxyCredentials() or disconnectSession()).
    // `canRemember`: the proxy is the profile's own, so its password may be saved in the keychain.
    void proxyCredentialsNeeded(const anadesk::ConnectionProfile &profile, const QString &user, bool canRemember,
                                const QString &explanation);
    // The profile changed in the session (the proxy user name entered at a 407): the owner may save it.
    void profileChanged(const anadesk::ConnectionProfile &profile);

private:
    void setState(ConnectionState state, const QString &detail);
    void loadSecrets();
    void onSecretsLoaded(const SecretLoadResult &result);
    void makeConnection();
    void dropConnection();
    void onCredentialsRejected(Connection *connection, const ApiError &rejected);
    void verifyReauthentication(const QString &doneDetail);
    void askForProxyInSession();
    void provideProxyCredentialsInSession(const QString &user, const SecretBytes &password, bool remember);
    // Signs in again with the current secrets, so the requests held for the proxy are replayed once.
    bool retryHeldThroughProxy();
    void storeSecret(SecretKind kind, const SecretBytes &secret, bool remember);
    QList<SecretKind> reauthenticationKinds() const;

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
    bool m_reauthAsked = false;    // reauthenticationNeeded() was emitted for the current rejection
    bool m_reauthInFlight = false; // new credentials were given; waiting for the sign-in to prove them
    ProfileSecrets m_reauthSecrets; // those credentials, saved once the sign-in proved them
    bool m_reauthRemember = false;
    QString m_proxyUser;           // the proxy user of this session (a 407 answer)
    bool m_proxyAuthRequested = false; // the proxy asked (407) and nothing could answer it
    bool m_proxyFilled = false;        // the known proxy credentials were handed to this connection
    bool m_proxyPrompted = false;      // asked once for this connect
    bool m_proxyRejected = false;      // the current CredentialsRejected is the proxy's 407, not Anaplan's
    bool m_proxyAsked = false;         // proxyCredentialsNeeded() was emitted in the session, not yet answered
    bool m_heldForProxy = false;       // the transport holds requests until the proxy lets a sign-in through
    bool m_proxyRetried = false;       // a sign-in with the new proxy credentials was started
};

} // namespace anadesk
