#include "SessionController.h"

#include "BulkClient.h"
#include "Connection.h"
#include "ConnectionFactory.h"
#include "credentials/CredentialStore.h"
#include "net/Transport.h"

#include <QAuthenticator>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <utility>

Q_LOGGING_CATEGORY(lcSession, "anadesk.ui.session")

namespace anadesk {

namespace {
// Qt 6.4 neither sends the user and password of a QNetworkProxy nor asks for them after a 407 when the proxy
// carries a password: the session answers QNetworkAccessManager::proxyAuthenticationRequired itself instead.
ClientOptions withoutProxyCredentials(ClientOptions options)
{
    if (options.proxy && (!options.proxy->user().isEmpty() || !options.proxy->password().isEmpty())) {
        options.proxy->setUser(QString());
        options.proxy->setPassword(QString());
    }
    options.answerProxyAuthentication = true; // and QNAM may resend with what the session answers
    return options;
}
} // namespace

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
        m_connection->setOptions(
            withoutProxyCredentials(settings.optionsFor(m_profile, m_secrets.get(SecretKind::ProxyPassword))));
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
    m_proxyUser = profile.proxy.user;
    m_proxyPrompted = false;
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
    connection->setOptions(withoutProxyCredentials(connection->options()));
    m_reauthAsked = false;
    m_reauthInFlight = false;
    m_proxyAuthRequested = false;
    m_proxyFilled = false;
    m_proxyRejected = false;
    m_proxyAsked = false;
    m_heldForProxy = false;
    m_proxyRetried = false;
    // Rejected credentials hold the interrupted requests while the user is asked once (see the header).
    connection->transport()->setHoldOnRejection(true);
    connect(connection, &Connection::credentialsRejected, this,
            [this, connection](const ApiError &rejected) { onCredentialsRejected(connection, rejected); });
    // A proxy that answers 407: hand it the credentials this session knows, once; otherwise note the request
    // so the failure below asks the user (the signal must be answered synchronously: no dialog here).
    connect(connection->transport()->networkAccessManager(), &QNetworkAccessManager::proxyAuthenticationRequired,
            this, [this, connection](const QNetworkProxy &proxy, QAuthenticator *authenticator) {
                if (connection != m_connection)
                    return;
                const QString user = !m_proxyUser.isEmpty() ? m_proxyUser : proxy.user();
                if (!m_proxyFilled && !user.isEmpty() && m_secrets.has(SecretKind::ProxyPassword)) {
                    m_proxyFilled = true;
                    qCInfo(lcSession) << "answering the proxy" << proxy.hostName() << "as" << user;
                    authenticator->setUser(user);
                    authenticator->setPassword(QString::fromUtf8(m_secrets.get(SecretKind::ProxyPassword).bytes()));
                    return;
                }
                qCInfo(lcSession) << "the proxy" << proxy.hostName() << "asks for credentials";
                m_proxyAuthRequested = true;
            });
    // In a session, a request the proxy refused (407): ask for its credentials — after the transport has dealt
    // with the failure (queued), so that a refused sign-in is held and asked for by onCredentialsRejected().
    connect(connection->transport()->networkAccessManager(), &QNetworkAccessManager::finished, this,
            [this, connection](QNetworkReply *reply) {
                if (connection != m_connection || reply->error() != QNetworkReply::ProxyAuthenticationRequiredError)
                    return;
                QMetaObject::invokeMethod(
                    this,
                    [this, connection] {
                        if (connection == m_connection && m_state == ConnectionState::Connected)
                            askForProxyInSession();
                    },
                    Qt::QueuedConnection);
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
        const bool proxyAsked = m_proxyAuthRequested;
        dropConnection();
        if (proxyAsked && !m_proxyPrompted) {
            m_proxyPrompted = true; // once per connect: a refused answer ends as Failed below next time
            const bool own = m_profile.proxy.mode == ProxySettings::Mode::Manual;
            const QString why = tr("The proxy answered 407 (Proxy Authentication Required).");
            setState(ConnectionState::NeedsSecrets, tr("The proxy of %1 asks for a user name and password.")
                                                        .arg(m_profile.name));
            Q_EMIT proxyCredentialsNeeded(m_profile, m_proxyUser, own && m_profile.rememberSecrets && !m_isSandbox,
                                          why);
            return;
        }
        setState(ConnectionState::Failed, failure.toString());
    });
}

void SessionController::provideProxyCredentials(const QString &user, const SecretBytes &password, bool remember)
{
    if (m_connection && m_proxyAsked) {
        provideProxyCredentialsInSession(user, password, remember);
        return;
    }
    if (m_state != ConnectionState::NeedsSecrets || m_connection)
        return;
    m_proxyUser = user.trimmed();
    m_secrets.set(SecretKind::ProxyPassword, password);
    if (m_profile.proxy.mode == ProxySettings::Mode::Manual && m_profile.proxy.user != m_proxyUser) {
        m_profile.proxy.user = m_proxyUser; // the profile's own proxy: its user name is part of the profile
        if (!m_isSandbox)
            Q_EMIT profileChanged(m_profile);
    }
    storeSecret(SecretKind::ProxyPassword, password,
                remember && m_profile.proxy.mode == ProxySettings::Mode::Manual);
    ++m_attempt;
    setState(ConnectionState::Connecting, tr("Connecting to %1…").arg(m_profile.name));
    makeConnection();
}

void SessionController::cancelProxyCredentials()
{
    if (!m_connection || !m_proxyAsked) {
        disconnectSession(); // asked while connecting: the attempt ends
        return;
    }
    m_proxyAsked = false;
    setState(ConnectionState::CredentialsRejected,
             tr("Proxy sign-in for %1 cancelled: the interrupted work failed. Use Sign In Again to continue.")
                 .arg(m_profile.name));
    if (std::exchange(m_heldForProxy, false))
        m_connection->transport()->releaseHeldRequests();
}

void SessionController::askForProxyInSession()
{
    if (!m_connection || m_proxyAsked)
        return;
    m_proxyAsked = true;
    m_proxyRejected = true;
    const bool own = m_profile.proxy.mode == ProxySettings::Mode::Manual;
    setState(ConnectionState::CredentialsRejected,
             tr("The proxy of %1 no longer accepts its user name and password (HTTP 407). Enter them again to "
                "continue.")
                 .arg(m_profile.name));
    Q_EMIT proxyCredentialsNeeded(m_profile, m_proxyUser, own && m_profile.rememberSecrets && !m_isSandbox,
                                  tr("The proxy answered 407 (Proxy Authentication Required) during the session: "
                                     "its user name or password may have changed."));
}

void SessionController::provideProxyCredentialsInSession(const QString &user, const SecretBytes &password,
                                                         bool remember)
{
    m_proxyAsked = false;
    m_proxyUser = user.trimmed();
    m_secrets.set(SecretKind::ProxyPassword, password);
    const bool own = m_profile.proxy.mode == ProxySettings::Mode::Manual;
    if (own && m_profile.proxy.user != m_proxyUser) {
        m_profile.proxy.user = m_proxyUser;
        if (!m_isSandbox)
            Q_EMIT profileChanged(m_profile);
    }
    // The handler above answers the proxy's next 407 with these; kept once a request got through with them.
    m_proxyFilled = false;
    m_proxyAuthRequested = false;
    m_reauthSecrets = {};
    m_reauthSecrets.set(SecretKind::ProxyPassword, password);
    m_reauthRemember = remember && own;
    m_reauthInFlight = true;
    m_proxyRetried = false;
    setState(ConnectionState::CredentialsRejected, tr("Trying the proxy of %1 again…").arg(m_profile.name));
    if (m_heldForProxy && !retryHeldThroughProxy())
        return;
    const QString done = m_heldForProxy
                             ? tr("The proxy of %1 accepts the new credentials; the interrupted work was repeated.")
                             : tr("The proxy of %1 accepts the new credentials.");
    verifyReauthentication(done.arg(m_profile.name));
}

bool SessionController::retryHeldThroughProxy()
{
    ApiError error;
    auto authenticator = ConnectionFactory::makeAuthenticator(m_profile, m_secrets, &error);
    if (!authenticator) {
        m_reauthInFlight = false;
        m_heldForProxy = false;
        setState(ConnectionState::CredentialsRejected, error.toString());
        m_connection->transport()->releaseHeldRequests();
        return false;
    }
    m_proxyRetried = true;
    // The same Anaplan credentials: the held requests join this sign-in and are replayed once with its token.
    m_connection->transport()->setAuthenticator(std::move(authenticator));
    return true;
}

void SessionController::storeSecret(SecretKind kind, const SecretBytes &secret, bool remember)
{
    if (m_isSandbox || secret.isEmpty())
        return;
    if (m_session)
        m_session->writeSecret(m_profile.id, kind, secret, this, [](const CredentialOutcome &) {});
    if (remember && m_profile.rememberSecrets && m_keychain) {
        m_keychain->writeSecret(m_profile.id, kind, secret, this, [](const CredentialOutcome &outcome) {
            if (!outcome.isOk())
                qCWarning(lcSession).noquote() << outcome.toString();
        });
    }
}

QList<SecretKind> SessionController::reauthenticationKinds() const
{
    switch (m_profile.authMethod) {
    case AuthMethod::Basic:
        return {SecretKind::Password};
    case AuthMethod::Token:
        return {SecretKind::Token};
    case AuthMethod::Certificate:
        return {}; // no secret of ours can fix a refused certificate: the profile must be edited
    }
    return {};
}

void SessionController::onCredentialsRejected(Connection *connection, const ApiError &rejected)
{
    if (connection != m_connection)
        return;
    if (m_state != ConnectionState::Connected && m_state != ConnectionState::CredentialsRejected) {
        // Refused while connecting: the verification fails and says so (Failed), nothing is held.
        connection->transport()->releaseHeldRequests();
        return;
    }
    if (rejected.httpStatus == 407) {
        // The proxy refused the sign-in, not Anaplan: the Anaplan credentials are not in question.
        m_heldForProxy = true;
        if (m_proxyAsked)
            return; // the proxy prompt is open: the work waits for its answer
        const bool tryingNewProxyCredentials = m_reauthInFlight && m_reauthSecrets.has(SecretKind::ProxyPassword);
        if (tryingNewProxyCredentials && !m_proxyRetried) {
            // New proxy credentials came while an older sign-in was still under way: try them now.
            retryHeldThroughProxy();
            return;
        }
        if (tryingNewProxyCredentials) {
            // Refused again with the new proxy credentials: say so, fail the held work, ask no more.
            m_reauthInFlight = false;
            m_reauthSecrets = {};
            m_heldForProxy = false;
            setState(ConnectionState::CredentialsRejected,
                     tr("The proxy of %1 does not accept the user name and password either: %2 Use Sign In Again "
                        "or edit the connection; the interrupted work was not repeated.")
                         .arg(m_profile.name, rejected.message));
            connection->transport()->releaseHeldRequests();
            return;
        }
        m_reauthInFlight = false; // a sign-in with new Anaplan credentials met the proxy: the proxy comes first
        askForProxyInSession();
        return;
    }
    m_proxyRejected = false;
    const QList<SecretKind> kinds = reauthenticationKinds();
    if (m_state == ConnectionState::Connected && !m_reauthInFlight && !kinds.isEmpty()) {
        // First rejection of this session: keep everything, hold the work, ask once.
        m_reauthAsked = true;
        const QString detail =
            tr("The server no longer accepts the credentials of %1: %2 Enter them again to continue.")
                .arg(m_profile.name, rejected.message);
        setState(ConnectionState::CredentialsRejected, detail);
        Q_EMIT reauthenticationNeeded(m_profile, kinds, detail);
        return;
    }
    // Refused again after new credentials, or nothing to ask for: say so, fail the held work, ask no more.
    m_reauthInFlight = false;
    m_reauthSecrets = {};
    m_reauthAsked = false;
    setState(ConnectionState::CredentialsRejected,
             tr("The server does not accept the credentials of %1: %2 Use Sign In Again or edit the connection; "
                "the interrupted work was not repeated.")
                 .arg(m_profile.name, rejected.message));
    connection->transport()->releaseHeldRequests();
}

void SessionController::provideReauthentication(const ProfileSecrets &secrets, bool remember)
{
    if (!m_connection || !m_reauthAsked)
        return;
    m_reauthAsked = false;
    // Kept (session, and keychain when asked) only once the server accepted them: a refused secret is not saved.
    m_reauthSecrets = secrets;
    m_reauthRemember = remember;
    for (const SecretKind kind : secrets.kinds())
        m_secrets.set(kind, secrets.get(kind));
    ApiError error;
    auto authenticator = ConnectionFactory::makeAuthenticator(m_profile, m_secrets, &error);
    if (!authenticator) {
        setState(ConnectionState::CredentialsRejected, error.toString());
        m_connection->transport()->releaseHeldRequests();
        return;
    }
    m_reauthInFlight = true;
    setState(ConnectionState::CredentialsRejected, tr("Signing in again to %1…").arg(m_profile.name));
    // New credentials: the held requests join this sign-in and are replayed once with the new token.
    m_connection->transport()->setAuthenticator(std::move(authenticator));
    verifyReauthentication(tr("Signed in again to %1; the interrupted work was repeated.").arg(m_profile.name));
}

void SessionController::verifyReauthentication(const QString &doneDetail)
{
    auto *job = m_connection->bulk().getWorkspaces();
    const int attempt = m_attempt;
    connect(job, &Job::succeeded, this, [this, job, attempt, doneDetail] {
        if (attempt != m_attempt || !m_reauthInFlight)
            return;
        m_reauthInFlight = false;
        m_heldForProxy = false;
        m_proxyRejected = false;
        for (const SecretKind kind : m_reauthSecrets.kinds())
            storeSecret(kind, m_reauthSecrets.get(kind), m_reauthRemember);
        m_reauthSecrets = {};
        m_workspaceCount = int(job->workspaces().size());
        setState(ConnectionState::Connected, doneDetail);
    });
    connect(job, &Job::failed, this, [this, attempt](const ApiError &failure) {
        if (attempt != m_attempt || !m_reauthInFlight)
            return;
        // A refused sign-in is reported through credentialsRejected (held work included). Not so a proxy's
        // 407 on this request itself when nothing waits for a sign-in: that one ends the try here.
        const bool ownProxyRefusal = failure.httpStatus == 407 && !m_heldForProxy;
        if (failure.category == ErrorCategory::Auth && !ownProxyRefusal)
            return;
        m_reauthInFlight = false;
        m_reauthSecrets = {};
        setState(ConnectionState::CredentialsRejected,
                 ownProxyRefusal ? tr("The proxy of %1 does not accept the user name and password either: %2 Use "
                                      "Sign In Again or edit the connection.")
                                       .arg(m_profile.name, failure.message)
                                 : failure.toString());
    });
}

void SessionController::cancelReauthentication()
{
    if (!m_connection || !m_reauthAsked)
        return;
    m_reauthAsked = false;
    setState(ConnectionState::CredentialsRejected,
             tr("Sign-in to %1 cancelled: the interrupted work failed. Use Sign In Again to continue.")
                 .arg(m_profile.name));
    m_connection->transport()->releaseHeldRequests();
}

void SessionController::reauthenticate()
{
    if (!m_connection || m_state != ConnectionState::CredentialsRejected || m_reauthInFlight)
        return;
    if (m_proxyRejected) {
        askForProxyInSession(); // the proxy refused, not Anaplan: ask for the proxy's credentials again
        return;
    }
    const QList<SecretKind> kinds = reauthenticationKinds();
    if (kinds.isEmpty())
        return;
    m_reauthAsked = true;
    Q_EMIT reauthenticationNeeded(m_profile, kinds, m_detail);
}

int SessionController::heldRequestCount() const
{
    return m_connection ? m_connection->transport()->heldRequestCount() : 0;
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
