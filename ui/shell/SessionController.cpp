#include "SessionController.h"

#include "BulkClient.h"
#include "Connection.h"
#include "ConnectionFactory.h"
#include "credentials/CredentialStore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "anadesk.ui.session")

namespace anadesk {

SessionController::SessionController(CredentialStore *keychain, CredentialStore *session, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_session(session)
    , m_loader(new SecretLoader(keychain, session, this))
{}

SessionController::~SessionController()
{
    m_loader->cancel();
    if (m_connection)
        delete m_connection.data();
}

void SessionController::setState(ConnectionState state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    qCInfo(lcSession).noquote() << connectionStateName(state) << detail;
    Q_EMIT stateChanged(state, detail);
}

void SessionController::setClientSettings(const ClientSettings &settings)
{
    m_settings = settings;
    if (m_connection)
        m_connection->setOptions(settings.optionsFor(m_profile, m_secrets.get(SecretKind::ProxyPassword)));
}

void SessionController::connectProfile(const ConnectionProfile &profile, const ProfileSecrets &known, bool isSandbox)
{
    ++m_attempt;
    m_loader->cancel();
    dropConnection();
    m_profile = profile;
    m_secrets = known;
    m_isSandbox = isSandbox;
    m_workspaceCount = 0;
    setState(ConnectionState::Connecting, tr("Connecting to %1…").arg(profile.name));
    loadSecrets();
}

void SessionController::loadSecrets()
{
    const int attempt = m_attempt;
    m_loader->load(m_profile, m_secrets, [this, attempt](const SecretLoadResult &result) {
        if (attempt == m_attempt)
            onSecretsLoaded(result);
    });
}

void SessionController::onSecretsLoaded(const SecretLoadResult &result)
{
    m_secrets = result.secrets;
    if (result.unavailable) {
        // Not "no password saved", not a sign-out: say so, keep everything, offer retry or session entry.
        setState(ConnectionState::KeychainUnavailable,
                 tr("%1 Retry, or enter the secret for this session only.").arg(result.unavailable->message));
        return;
    }
    QList<SecretKind> required;
    for (const SecretKind kind : result.missing) {
        // A key without passphrase is common: try without one; a wrong guess fails at validation.
        if (kind != SecretKind::KeyPassphrase)
            required << kind;
    }
    if (!required.isEmpty()) {
        setState(ConnectionState::NeedsSecrets, tr("Enter the credentials of %1.").arg(m_profile.name));
        Q_EMIT secretsNeeded(m_profile, required);
        return;
    }
    makeConnection();
}

void SessionController::provideSecrets(const ProfileSecrets &secrets, bool remember)
{
    if (m_state != ConnectionState::NeedsSecrets && m_state != ConnectionState::KeychainUnavailable)
        return;
    for (const SecretKind kind : secrets.kinds()) {
        m_secrets.set(kind, secrets.get(kind));
        if (m_session && !m_isSandbox)
            m_session->writeSecret(m_profile.id, kind, secrets.get(kind), this, [](const CredentialOutcome &) {});
        if (remember && m_profile.rememberSecrets && m_keychain && !m_isSandbox) {
            const QString name = m_profile.name;
            m_keychain->writeSecret(m_profile.id, kind, secrets.get(kind), this,
                                    [name](const CredentialOutcome &outcome) {
                                        if (!outcome.isOk())
                                            qCWarning(lcSession).noquote() << outcome.toString();
                                    });
        }
    }
    setState(ConnectionState::Connecting, tr("Connecting to %1…").arg(m_profile.name));
    loadSecrets(); // anything still missing is asked for again
}

QList<SecretKind> SessionController::missingSecretKinds() const
{
    QList<SecretKind> missing;
    for (const SecretKind kind : m_profile.secretKinds()) {
        if (!m_secrets.has(kind) && kind != SecretKind::KeyPassphrase)
            missing << kind;
    }
    return missing;
}

void SessionController::retry()
{
    if (m_profile.id.isEmpty())
        return;
    ++m_attempt;
    setState(ConnectionState::Connecting, tr("Connecting to %1…").arg(m_profile.name));
    loadSecrets();
}

void SessionController::makeConnection()
{
    ApiError error;
    Connection *connection = ConnectionFactory::makeConnection(m_profile, m_secrets, m_settings, &error, this);
    if (!connection) {
        setState(ConnectionState::Failed, error.toString());
        return;
    }
    m_connection = connection;
    connect(connection, &Connection::credentialsRejected, this, [this, connection](const ApiError &rejected) {
        if (connection != m_connection)
            return;
        if (m_state == ConnectionState::Connected)
            setState(ConnectionState::CredentialsRejected,
                     tr("The server no longer accepts the credentials of %1: %2 Reconnect to sign in again.")
                         .arg(m_profile.name, rejected.message));
    });
    // Signing in and listing the workspaces proves the connection (and warms the token for the browser).
    auto *job = connection->bulk().getWorkspaces();
    m_verifyJob = job;
    const int attempt = m_attempt;
    connect(job, &Job::succeeded, this, [this, job, attempt] {
        if (attempt != m_attempt)
            return;
        m_workspaceCount = int(job->workspaces().size());
        setState(ConnectionState::Connected,
                 tr("Connected to %1 as %2 (%n workspace(s))", nullptr, m_workspaceCount)
                     .arg(m_profile.name, m_profile.authMethod == AuthMethod::Basic ? m_profile.userEmail
                                                                                    : authMethodName(m_profile.authMethod)));
        Q_EMIT connected(m_connection);
    });
    connect(job, &Job::failed, this, [this, attempt](const ApiError &failure) {
        if (attempt != m_attempt)
            return;
        dropConnection();
        setState(ConnectionState::Failed, failure.toString());
    });
}

void SessionController::dropConnection()
{
    if (!m_connection)
        return;
    Q_EMIT aboutToDisconnect();
    Connection *connection = m_connection;
    m_connection = nullptr;
    connection->disconnect(this);
    connection->deleteLater(); // its jobs (children) are aborted with it
}

void SessionController::disconnectSession()
{
    ++m_attempt;
    m_loader->cancel();
    dropConnection();
    m_secrets = {};
    setState(ConnectionState::Disconnected, tr("Not connected."));
}

void SessionController::setStartingSandbox()
{
    ++m_attempt;
    m_loader->cancel();
    dropConnection();
    setState(ConnectionState::StartingSandbox, tr("Starting anadesk-sandbox on this computer…"));
}

void SessionController::setFailed(const QString &detail)
{
    setState(ConnectionState::Failed, detail);
}

} // namespace anadesk
