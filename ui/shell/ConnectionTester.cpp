#include "ConnectionTester.h"

#include "BulkClient.h"
#include "Connection.h"
#include "ConnectionFactory.h"
#include "auth/Authenticator.h"
#include "net/Redaction.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>

namespace anadesk {

namespace {

constexpr int kReachTimeoutCapMs = 15'000;

QUrl originOf(const QUrl &url)
{
    QUrl origin;
    origin.setScheme(url.scheme());
    origin.setHost(url.host());
    origin.setPort(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    return origin;
}

bool isLoopback(const QString &host)
{
    const QHostAddress address(host);
    return host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
}

QString describeSocketError(QAbstractSocket::SocketError error, const QUrl &origin, const QString &qtText,
                            QString *hint)
{
    const QString host = origin.host();
    const int port = origin.port();
    switch (error) {
    case QAbstractSocket::HostNotFoundError:
        *hint = ConnectionTester::tr("Check the region or host name, and that this computer can resolve host names "
                                     "(network, VPN).");
        return ConnectionTester::tr("Host %1 was not found (DNS lookup failed)").arg(host);
    case QAbstractSocket::ConnectionRefusedError:
        *hint = ConnectionTester::tr("Check the host name and port; a local server (anadesk-sandbox) may not be "
                                     "running any more.");
        return ConnectionTester::tr("Host %1 is unreachable: the connection to port %2 was refused").arg(host).arg(port);
    case QAbstractSocket::SocketTimeoutError:
        *hint = ConnectionTester::tr("Check the network connection, firewall and proxy settings.");
        return ConnectionTester::tr("Host %1 is unreachable: no answer on port %2").arg(host).arg(port);
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyConnectionTimeoutError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
        *hint = ConnectionTester::tr("Check the proxy host and port in the connection or application settings.");
        return ConnectionTester::tr("The proxy could not be used to reach %1 (%2)").arg(host, qtText);
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        *hint = ConnectionTester::tr("Enter the proxy user and password in the connection's proxy settings.");
        return ConnectionTester::tr("The proxy requires a user name and password to reach %1").arg(host);
    default:
        *hint = ConnectionTester::tr("Check the network connection and the host settings.");
        return ConnectionTester::tr("Host %1 is unreachable on port %2 (%3)").arg(host).arg(port).arg(qtText);
    }
}

} // namespace

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<StepResult>();
    qRegisterMetaType<Result>();
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (auto onTimeout = std::move(m_onTimeout)) {
            m_onTimeout = nullptr;
            onTimeout();
        }
    });
}

ConnectionTester::~ConnectionTester()
{
    cleanup();
}

QString ConnectionTester::stepTitle(Step step)
{
    switch (step) {
    case Step::Settings:
        return tr("Connection settings");
    case Step::Reach:
        return tr("Reach the hosts");
    case Step::Tls:
        return tr("Secure connection (TLS)");
    case Step::SignIn:
        return tr("Sign in");
    case Step::Access:
        return tr("Access to workspaces and models");
    }
    return {};
}

void ConnectionTester::start(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                             const ClientSettings &settings)
{
    abort();
    ++m_generation;
    m_profile = profile;
    m_secrets = secrets;
    m_settings = settings;
    m_options = settings.optionsFor(profile, secrets.get(SecretKind::ProxyPassword));
    m_result = {};
    m_running = true;
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation && m_running)
                runSettings();
        },
        Qt::QueuedConnection);
}

void ConnectionTester::abort()
{
    ++m_generation;
    cleanup();
    m_running = false;
}

void ConnectionTester::cleanup()
{
    m_timeout.stop();
    m_onTimeout = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = nullptr;
    if (m_connection)
        m_connection->deleteLater(); // aborts its jobs (they are its children)
    m_connection = nullptr;
}

void ConnectionTester::armTimeout(int milliseconds, std::function<void()> onTimeout)
{
    m_onTimeout = std::move(onTimeout);
    m_timeout.start(milliseconds);
}

QNetworkProxy ConnectionTester::proxyFor(const QUrl &url) const
{
    if (m_options.proxy)
        return *m_options.proxy;
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.constFirst();
}

void ConnectionTester::pass(Step step, const QString &message, Outcome outcome)
{
    StepResult result{step, outcome, message, {}};
    m_result.steps << result;
    Q_EMIT stepFinished(result);
}

void ConnectionTester::fail(Step step, Failure failure, const QString &message, const QString &hint)
{
    StepResult result{step, Outcome::Failed, redactAndTruncate(message, 600), hint};
    m_result.steps << result;
    m_result.failure = failure;
    m_result.summary = tr("%1 failed: %2").arg(stepTitle(step), result.message);
    Q_EMIT stepFinished(result);
    done();
}

void ConnectionTester::failWithApiError(Step step, const ApiError &error)
{
    Failure failure = Failure::Other;
    QString message = error.message;
    switch (error.category) {
    case ErrorCategory::Auth:
        failure = Failure::Credentials;
        message = m_profile.authMethod == AuthMethod::Basic
                      ? tr("The server rejected the credentials of %1").arg(m_profile.userEmail)
                      : tr("The server rejected the credentials (%1)").arg(authMethodName(m_profile.authMethod));
        break;
    case ErrorCategory::Permission:
        failure = Failure::MissingRole;
        break;
    case ErrorCategory::Network:
        failure = Failure::HostUnreachable;
        break;
    case ErrorCategory::Timeout:
        failure = Failure::Timeout;
        break;
    case ErrorCategory::BadInput:
        failure = step == Step::SignIn ? Failure::Credentials : Failure::Other;
        break;
    case ErrorCategory::LocalIo:
        failure = Failure::InvalidSettings;
        break;
    default:
        break;
    }
    if (!error.serverMessage.isEmpty())
        message += tr(" (server: %1)").arg(error.serverMessage);
    QString hint = error.hint;
    if (failure == Failure::Credentials && hint.isEmpty())
        hint = tr("Check the user name and password (or token, certificate and key) in the connection settings.");
    fail(step, failure, message, hint);
}

void ConnectionTester::done()
{
    cleanup();
    m_running = false;
    if (m_result.failure == Failure::None) {
        m_result.summary = tr("The connection works: every check passed.");
        for (const StepResult &step : std::as_const(m_result.steps)) {
            if (step.outcome == Outcome::Warning) {
                m_result.summary = tr("The connection works, with a warning: %1").arg(step.message);
                break;
            }
        }
    }
    Q_EMIT finished(m_result);
}

void ConnectionTester::runSettings()
{
    Q_EMIT stepStarted(Step::Settings);
    const QStringList problems = m_profile.validate();
    if (!problems.isEmpty()) {
        fail(Step::Settings, Failure::InvalidSettings, problems.join(QLatin1Char(' ')),
             tr("Correct the connection settings."));
        return;
    }
    const Endpoints endpoints = m_profile.endpoints();
    if (!endpoints.isValid()) {
        fail(Step::Settings, Failure::InvalidSettings, tr("The hosts of the connection cannot be determined"),
             tr("Check the region or the server URLs."));
        return;
    }
    m_hosts.clear();
    for (const QUrl &url : {endpoints.auth, endpoints.api}) {
        const QUrl origin = originOf(url);
        if (!m_hosts.contains(origin))
            m_hosts << origin;
    }
    QStringList names;
    for (const QUrl &origin : std::as_const(m_hosts))
        names << origin.toString();
    pass(Step::Settings, tr("Hosts: %1").arg(names.join(QStringLiteral(", "))));
    runReach();
}

void ConnectionTester::runReach()
{
    Q_EMIT stepStarted(Step::Reach);
    m_hostIndex = 0;
    reachNextHost();
}

void ConnectionTester::reachNextHost()
{
    if (m_hostIndex >= m_hosts.size()) {
        QStringList names;
        for (const QUrl &origin : std::as_const(m_hosts))
            names << origin.authority();
        pass(Step::Reach, tr("Reached %1").arg(names.join(QStringLiteral(", "))));
        runTls();
        return;
    }
    const QUrl origin = m_hosts.at(m_hostIndex);
    auto *socket = new QTcpSocket(this);
    m_socket = socket;
    socket->setProxy(proxyFor(origin));
    const int generation = m_generation;
    connect(socket, &QTcpSocket::connected, this, [this, socket, generation] {
        if (generation != m_generation)
            return;
        m_timeout.stop();
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        m_socket = nullptr;
        ++m_hostIndex;
        reachNextHost();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket, origin, generation](QAbstractSocket::SocketError error) {
        if (generation != m_generation)
            return;
        QString hint;
        const QString message = describeSocketError(error, origin, socket->errorString(), &hint);
        fail(Step::Reach, Failure::HostUnreachable, message, hint);
    });
    const int timeoutMs = qMin(m_options.timeoutMs, kReachTimeoutCapMs);
    armTimeout(timeoutMs, [this, origin, timeoutMs] {
        fail(Step::Reach, Failure::HostUnreachable,
             tr("Host %1 is unreachable: no answer on port %2 within %3 s")
                 .arg(origin.host())
                 .arg(origin.port())
                 .arg(timeoutMs / 1'000),
             tr("Check the network connection, firewall and proxy settings."));
    });
    socket->connectToHost(origin.host(), quint16(origin.port()));
}

void ConnectionTester::runTls()
{
    Q_EMIT stepStarted(Step::Tls);
    QUrl secure;
    bool allLoopback = true;
    for (const QUrl &origin : std::as_const(m_hosts)) {
        if (origin.scheme() == QLatin1String("https") && secure.isEmpty())
            secure = origin;
        if (!isLoopback(origin.host()))
            allLoopback = false;
    }
    if (secure.isEmpty()) {
        if (allLoopback)
            pass(Step::Tls, tr("Not used: plain HTTP to a server on this computer (e.g. anadesk-sandbox)"),
                 Outcome::Skipped);
        else
            pass(Step::Tls, tr("Not used: the connection is plain HTTP and NOT encrypted; use https:// for real "
                               "tenants"),
                 Outcome::Warning);
        runSignIn();
        return;
    }
    if (!QSslSocket::supportsSsl()) {
        fail(Step::Tls, Failure::Tls, tr("This computer's Qt installation has no TLS support (OpenSSL backend missing)"),
             tr("Install the Qt TLS plugin (libqopensslbackend) and OpenSSL 3."));
        return;
    }
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    socket->setProxy(proxyFor(secure));
    if (m_options.sslConfiguration)
        socket->setSslConfiguration(*m_options.sslConfiguration);
    socket->setPeerVerifyMode(QSslSocket::VerifyPeer);
    const int generation = m_generation;
    connect(socket, &QSslSocket::encrypted, this, [this, socket, secure, generation] {
        if (generation != m_generation)
            return;
        const QSslCertificate peer = socket->peerCertificate();
        const QString issuer = peer.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
        const QString protocol = socket->sessionCipher().protocolString();
        pass(Step::Tls, tr("Verified certificate of %1 (%2, issued by %3)")
                            .arg(secure.host(), protocol, issuer.isEmpty() ? tr("unknown issuer") : issuer));
        m_timeout.stop();
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        m_socket = nullptr;
        runSignIn();
    });
    connect(socket, &QSslSocket::sslErrors, this, [this, secure, generation](const QList<QSslError> &errors) {
        if (generation != m_generation)
            return;
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        fail(Step::Tls, Failure::Tls,
             tr("The certificate of %1 could not be verified: %2").arg(secure.host(), texts.join(QStringLiteral("; "))),
             tr("If a company proxy inspects TLS, import its CA certificate; otherwise do not continue — the "
                "connection may be intercepted."));
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket, secure, generation](QAbstractSocket::SocketError error) {
        if (generation != m_generation || !m_running)
            return;
        if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
            || error == QAbstractSocket::SslInvalidUserDataError) {
            fail(Step::Tls, Failure::Tls,
                 tr("The secure connection to %1 failed: %2").arg(secure.host(), socket->errorString()),
                 tr("Check that the host speaks HTTPS on this port and that no proxy interferes."));
            return;
        }
        QString hint;
        const QString message = describeSocketError(error, secure, socket->errorString(), &hint);
        fail(Step::Tls, Failure::HostUnreachable, message, hint);
    });
    const int timeoutMs = qMin(m_options.timeoutMs, kReachTimeoutCapMs);
    armTimeout(timeoutMs, [this, secure, timeoutMs] {
        fail(Step::Tls, Failure::Tls,
             tr("The TLS handshake with %1 did not finish within %2 s").arg(secure.host()).arg(timeoutMs / 1'000),
             tr("Check the proxy settings; a proxy or firewall may block HTTPS."));
    });
    socket->connectToHostEncrypted(secure.host(), quint16(secure.port()));
}

void ConnectionTester::runSignIn()
{
    Q_EMIT stepStarted(Step::SignIn);
    ApiError error;
    m_connection = ConnectionFactory::makeConnection(m_profile, m_secrets, m_settings, &error, this);
    if (!m_connection) {
        failWithApiError(Step::SignIn, error);
        return;
    }
    const int generation = m_generation;
    const int attempts = qMax(m_options.retryCount, 1);
    armTimeout(m_options.timeoutMs * attempts + m_options.maxBackoffMs + 5'000, [this] {
        fail(Step::SignIn, Failure::Timeout, tr("The sign-in did not finish in time"),
             tr("Check the network connection and the timeout in the settings."));
    });
    m_connection->authenticator()->authenticate(
        *m_connection->transport(), this, [this, generation](const AuthToken &token, const ApiError &signInError) {
            if (generation != m_generation)
                return;
            m_timeout.stop();
            if (signInError.isError() || !token.isValid()) {
                ApiError failure = signInError;
                if (!failure.isError()) {
                    failure.category = ErrorCategory::Protocol;
                    failure.message = tr("The server answered the sign-in without a token");
                }
                failWithApiError(Step::SignIn, failure);
                return;
            }
            pass(Step::SignIn, m_profile.authMethod == AuthMethod::Basic
                                   ? tr("Signed in as %1").arg(m_profile.userEmail)
                                   : tr("Signed in (%1)").arg(m_connection->authenticator()->description()));
            runAccess();
        });
}

void ConnectionTester::runAccess()
{
    Q_EMIT stepStarted(Step::Access);
    const int generation = m_generation;
    BulkClient client = m_connection->bulk();
    auto *workspacesJob = client.getWorkspaces();
    connect(workspacesJob, &Job::failed, this, [this, generation](const ApiError &error) {
        if (generation != m_generation)
            return;
        if (error.category == ErrorCategory::Permission) {
            fail(Step::Access, Failure::MissingRole,
                 tr("Signed in, but the user may not list workspaces (missing role; HTTP %1)").arg(error.httpStatus),
                 tr("Ask your Anaplan administrator for access to the workspaces (workspace administrator role for "
                    "model administration)."));
            return;
        }
        failWithApiError(Step::Access, error);
    });
    connect(workspacesJob, &Job::succeeded, this, [this, workspacesJob, generation, client] {
        if (generation != m_generation)
            return;
        const int workspaceCount = int(workspacesJob->workspaces().size());
        if (workspaceCount == 0) {
            pass(Step::Access, tr("Signed in, but the user sees no workspace; ask for access to a workspace"),
                 Outcome::Warning);
            done();
            return;
        }
        auto *modelsJob = client.getModels();
        connect(modelsJob, &Job::failed, this, [this, generation](const ApiError &error) {
            if (generation != m_generation)
                return;
            if (error.category == ErrorCategory::Permission) {
                fail(Step::Access, Failure::MissingRole,
                     tr("Signed in, but the user may not list models (missing role; HTTP %1)").arg(error.httpStatus),
                     tr("Ask your Anaplan administrator for the workspace administrator role."));
                return;
            }
            failWithApiError(Step::Access, error);
        });
        connect(modelsJob, &Job::succeeded, this, [this, modelsJob, generation, workspaceCount] {
            if (generation != m_generation)
                return;
            pass(Step::Access, tr("%n workspace(s)", nullptr, workspaceCount) + QStringLiteral(", ")
                                   + tr("%n model(s) visible", nullptr, int(modelsJob->models().size())));
            done();
        });
    });
}

} // namespace anadesk
