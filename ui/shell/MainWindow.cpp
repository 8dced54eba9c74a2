#include "MainWindow.h"

#include "Connection.h"
#include "ConnectionFactory.h"
#include "ConnectionManagerDialog.h"
#include "FirstRunPage.h"
#include "Icons.h"
#include "LogView.h"
#include "SandboxLauncher.h"
#include "SecretPromptDialog.h"
#include "SecretPrompts.h"
#include "SessionController.h"
#include "SettingsDialog.h"
#include "alm/AlmInstaller.h"
#include "common/MessageBoxes.h"
#include "credentials/SettingsFile.h"
#include "profiles/ProfileStore.h"
#include "users/UsersInstaller.h"

#ifdef ANADESK_HAVE_BROWSER
#include "browser/ModelBrowser.h"
#endif

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace anadesk {

namespace {
constexpr int kWindowStateVersion = 1;
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
} // namespace

MainWindow::MainWindow(const ShellServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_session(new SessionController(services.profiles->credentials(), services.sessionSecrets, this))
    , m_sandbox(new SandboxLauncher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Anadesk"));
    setWindowIcon(icon(QStringLiteral("anadesk")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    resize(1280, 800);

    {
        auto settings = openAnadeskSettings(m_services.settingsFile);
        m_settings = ClientSettings::load(*settings);
    }
    m_session->setClientSettings(m_settings);
    m_sandbox->setBinary(m_services.sandboxBinary);
    m_sandbox->setExtraArguments(m_services.sandboxArguments);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("centralStack"));
    m_firstRun = new FirstRunPage(services.profiles, m_stack);
    m_stack->addWidget(m_firstRun);
    setCentralWidget(m_stack);

    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("connectionStatusIcon"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addPermanentWidget(m_statusIcon);
    statusBar()->addPermanentWidget(m_statusLabel);

    buildActions();
    buildMenus();
    buildDocks();
    installAlm(this, m_services.messages, m_services.files); // the ALM tab of every model browser (ui/alm)
    installUsers(this, m_services.messages);                 // the SCIM Users dock, View ▸ Users (ui/users)
    m_defaultState = saveState(kWindowStateVersion);

    connect(m_firstRun, &FirstRunPage::trySandboxRequested, this, &MainWindow::trySandbox);
    connect(m_firstRun, &FirstRunPage::addConnectionRequested, this, [this] {
        openConnectionManager();
        if (m_manager)
            m_manager->addProfile();
    });
    connect(m_firstRun, &FirstRunPage::openProfileRequested, this, &MainWindow::connectProfileById);
    connect(m_firstRun, &FirstRunPage::retryRequested, this, &MainWindow::retryConnection);
    connect(m_firstRun, &FirstRunPage::enterSecretsRequested, this, [this] {
        ConnectionProfile profile = m_session->profile();
        profile.rememberSecrets = false; // the keychain cannot take it now
        askForSecrets(profile, m_session->missingSecretKinds(), m_session->detail(), false);
    });

    connect(m_session, &SessionController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &SessionController::connected, this, &MainWindow::onConnected);
    connect(m_session, &SessionController::aboutToDisconnect, this, &MainWindow::dropBrowser);
    connect(m_session, &SessionController::secretsNeeded, this,
            [this](const ConnectionProfile &profile, const QList<SecretKind> &kinds) {
                askForSecrets(profile, kinds, QString(), profile.rememberSecrets);
            });
    connect(m_session, &SessionController::reauthenticationNeeded, this, &MainWindow::askToSignInAgain);
    connect(m_session, &SessionController::proxyCredentialsNeeded, this, &MainWindow::askForProxyCredentials);
    connect(m_session, &SessionController::profileChanged, this, [this](const ConnectionProfile &profile) {
        if (!m_services.profiles->profile(profile.id))
            return; // typed in the manager and not saved (yet): nothing to update
        const QStringList problems = m_services.profiles->save(profile);
        if (!problems.isEmpty())
            statusBar()->showMessage(problems.join(QLatin1Char(' ')), 10'000);
    });

    connect(m_sandbox, &SandboxLauncher::ready, this, [this](const QUrl &url) {
        m_session->connectProfile(ConnectionFactory::sandboxProfile(url), ConnectionFactory::sandboxSecrets(), true);
    });
    connect(m_sandbox, &SandboxLauncher::failed, this, [this](const QString &message) { m_session->setFailed(message); });
    connect(m_sandbox, &SandboxLauncher::stopped, this, [this](const QString &message) {
        if (m_session->isSandbox()) {
            m_session->disconnectSession();
            m_session->setFailed(message);
        }
    });

    onStateChanged(ConnectionState::Disconnected, {});
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    dropBrowser();
}

void MainWindow::buildActions()
{
    auto make = [this](const char *objectName, const QString &text, const QString &iconName,
                       const QKeySequence &shortcut) {
        auto *action = new QAction(iconName.isEmpty() ? QIcon() : icon(iconName), text, this);
        action->setObjectName(QString::fromLatin1(objectName));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setToolTip(text.simplified().remove(QLatin1Char('&')) + QStringLiteral(" (")
                               + shortcut.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        }
        return action;
    };
    m_connectionsAction = make("actionConnections", tr("&Connections…"), QStringLiteral("connection"),
                               QKeySequence(Qt::CTRL | Qt::Key_K));
    m_sandboxAction = make("actionTrySandbox", tr("Try the &Sandbox"), QStringLiteral("sandbox"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_disconnectAction = make("actionDisconnect", tr("&Disconnect"), QStringLiteral("disconnected"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_signInAgainAction = make("actionSignInAgain", tr("Sign In &Again…"), QStringLiteral("connection"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_quitAction = make("actionQuit", tr("&Quit"), QStringLiteral("quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_refreshAction = make("actionRefresh", tr("&Refresh"), QStringLiteral("refresh"), QKeySequence(Qt::Key_F5));
    m_settingsAction = make("actionSettings", tr("&Settings…"), QStringLiteral("settings"),
                            QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_resetLayoutAction = make("actionResetLayout", tr("Reset La&yout"), QString(), QKeySequence());
    m_aboutAction = make("actionAbout", tr("&About Anadesk"), QStringLiteral("anadesk"), QKeySequence());
    m_aboutAction->setMenuRole(QAction::AboutRole);

    connect(m_connectionsAction, &QAction::triggered, this, &MainWindow::openConnectionManager);
    connect(m_sandboxAction, &QAction::triggered, this, &MainWindow::trySandbox);
    connect(m_disconnectAction, &QAction::triggered, this, &MainWindow::disconnectSession);
    connect(m_signInAgainAction, &QAction::triggered, m_session, &SessionController::reauthenticate);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_refreshAction, &QAction::triggered, this, [this] {
#ifdef ANADESK_HAVE_BROWSER
        if (auto *browser = qobject_cast<ModelBrowser *>(m_browser.data()))
            browser->refreshCurrentTab();
#endif
    });
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_resetLayoutAction, &QAction::triggered, this, [this] {
        restoreState(m_defaultState, kWindowStateVersion);
        if (m_logDock)
            m_logDock->show();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_connectionsAction);
    file->addAction(m_sandboxAction);
    file->addAction(m_signInAgainAction);
    file->addAction(m_disconnectAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    m_viewMenu->addAction(m_refreshAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_resetLayoutAction);
    m_viewMenu->addSeparator(); // dock toggles follow (addDock)

    m_toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_toolsMenu->setObjectName(QStringLiteral("menuTools"));
    m_toolsMenu->addAction(m_settingsAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_aboutAction);
}

void MainWindow::buildDocks()
{
    if (!m_services.log)
        return;
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("logDock")); // also the key of its place in saveState()
    m_logView = new LogView(m_services.log, m_services.files, m_services.messages, m_logDock);
    m_logDock->setWidget(m_logView);
    addDock(m_logDock, Qt::BottomDockWidgetArea);
    QAction *toggle = m_logDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionToggleLog"));
    toggle->setText(tr("&Log"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logDock->hide(); // shown on demand; restoreWindowState() brings back the user's choice
}

void MainWindow::addDock(QDockWidget *dock, Qt::DockWidgetArea area)
{
    Q_ASSERT(!dock->objectName().isEmpty()); // saveState() needs it
    addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::saveWindowState()
{
    auto settings = openAnadeskSettings(m_services.settingsFile);
    settings->setValue(kGeometryKey, saveGeometry());
    settings->setValue(kStateKey, saveState(kWindowStateVersion));
    settings->sync();
}

void MainWindow::restoreWindowState()
{
    auto settings = openAnadeskSettings(m_services.settingsFile);
    const QByteArray geometry = settings->value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect available = screen->availableGeometry();
            resize(QSize(1280, 800).boundedTo(available.size()));
        }
    }
    const QByteArray state = settings->value(kStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state, kWindowStateVersion);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    if (m_manager)
        m_manager->close();
    if (m_settingsDialog)
        m_settingsDialog->close();
    m_session->disconnectSession();
    m_sandbox->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::onStateChanged(ConnectionState state, const QString &detail)
{
    QString iconName;
    switch (state) {
    case ConnectionState::Connected:
        iconName = QStringLiteral("connected");
        break;
    case ConnectionState::StartingSandbox:
    case ConnectionState::Connecting:
    case ConnectionState::NeedsSecrets:
        iconName = QStringLiteral("connecting");
        break;
    case ConnectionState::KeychainUnavailable:
        iconName = QStringLiteral("keychain-locked");
        break;
    case ConnectionState::CredentialsRejected:
    case ConnectionState::Failed:
        iconName = QStringLiteral("error");
        break;
    case ConnectionState::Disconnected:
        iconName = QStringLiteral("disconnected");
        break;
    }
    m_statusIcon->setPixmap(icon(iconName).pixmap(16, 16));
    QString text = ConnectionStateText::label(state);
    if (state == ConnectionState::Connected || state == ConnectionState::CredentialsRejected)
        text += QStringLiteral(": ") + m_session->profile().name;
    m_statusLabel->setText(text);
    m_statusLabel->setToolTip(detail);
    if (!detail.isEmpty() && state != ConnectionState::Disconnected)
        statusBar()->showMessage(detail, 10'000);

    m_firstRun->setState(state, detail);
    m_disconnectAction->setEnabled(state != ConnectionState::Disconnected);
    m_signInAgainAction->setEnabled(state == ConnectionState::CredentialsRejected);
    m_refreshAction->setEnabled(state == ConnectionState::Connected);
    if (state != ConnectionState::Connected && state != ConnectionState::CredentialsRejected)
        m_stack->setCurrentWidget(m_firstRun);
    setWindowTitle(state == ConnectionState::Connected ? tr("%1 — Anadesk").arg(m_session->profile().name)
                                                       : tr("Anadesk"));
}

void MainWindow::onConnected(Connection *connection)
{
    dropBrowser();
#ifdef ANADESK_HAVE_BROWSER
    auto *browser = new ModelBrowser(connection, m_services.messages, m_stack);
    browser->setObjectName(QStringLiteral("modelBrowser"));
    const ConnectionProfile &profile = m_session->profile();
    if (!profile.defaultModelId.isEmpty() && !profile.defaultWorkspaceId.isEmpty())
        browser->selectModel(profile.defaultWorkspaceId, profile.defaultModelId);
    m_browser = browser;
#else
    auto *placeholder = new QLabel(tr("Connected to %1 (%n workspace(s)).", nullptr, m_session->workspaceCount())
                                       .arg(m_session->profile().name),
                                   m_stack);
    placeholder->setObjectName(QStringLiteral("connectedPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    m_browser = placeholder;
#endif
    m_stack->addWidget(m_browser);
    m_stack->setCurrentWidget(m_browser);
    Q_EMIT browserCreated(m_browser, connection);
}

void MainWindow::dropBrowser()
{
    if (!m_browser)
        return;
    QWidget *browser = m_browser;
    m_browser = nullptr;
    Q_EMIT browserAboutToBeDestroyed(browser);
    m_stack->removeWidget(browser);
    browser->hide();
    // Deleted now, before the connection it uses (the session deletes that later).
    delete browser;
}

void MainWindow::trySandbox()
{
    m_lastAttemptWasSandbox = true;
    m_session->setStartingSandbox();
    m_sandbox->start();
}

void MainWindow::openConnectionManager()
{
    if (!m_manager) {
        m_manager = new ConnectionManagerDialog(m_services, m_settings, this);
        m_manager->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_manager, &ConnectionManagerDialog::connectRequested, this, &MainWindow::connectProfile);
        if (!m_session->isSandbox() && !m_session->profile().id.isEmpty())
            m_manager->selectProfile(m_session->profile().id);
    }
    m_manager->open();
    m_manager->raise();
    m_manager->activateWindow();
}

void MainWindow::openSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::settingsAccepted, this, &MainWindow::applyClientSettings);
    }
    m_settingsDialog->open();
}

void MainWindow::applyClientSettings(const ClientSettings &settings)
{
    m_settings = settings;
    auto file = openAnadeskSettings(m_services.settingsFile);
    settings.save(*file);
    m_session->setClientSettings(settings);
    if (m_manager)
        m_manager->setClientSettings(settings);
}

void MainWindow::connectProfileById(const QString &profileId)
{
    const std::optional<ConnectionProfile> profile = m_services.profiles->profile(profileId);
    if (!profile) {
        m_session->setFailed(tr("The connection %1 no longer exists.").arg(profileId));
        return;
    }
    connectProfile(*profile, {});
}

void MainWindow::connectProfile(const ConnectionProfile &profile, const ProfileSecrets &typed)
{
    m_lastAttemptWasSandbox = false;
    m_session->connectProfile(profile, typed);
}

void MainWindow::retryConnection()
{
    if (m_lastAttemptWasSandbox) {
        trySandbox();
        return;
    }
    m_session->retry();
}

void MainWindow::disconnectSession()
{
    m_session->disconnectSession();
}

SecretPrompts *MainWindow::prompts()
{
    if (m_services.prompts)
        return m_services.prompts;
    if (!m_ownPrompts)
        m_ownPrompts = std::make_unique<DialogSecretPrompts>();
    return m_ownPrompts.get();
}

void MainWindow::askForSecrets(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &why,
                               bool allowRemember)
{
    SecretRequest request;
    request.purpose = SecretPurpose::SignIn;
    request.profile = profile;
    request.profile.rememberSecrets = allowRemember;
    request.kinds = kinds;
    request.explanation = why;
    request.offerRemember = allowRemember;
    request.rememberByDefault = true;
    QPointer<MainWindow> self(this);
    prompts()->ask(this, request, [self](const std::optional<SecretAnswer> &answer) {
        if (!self)
            return;
        if (answer) {
            self->m_session->provideSecrets(answer->secrets, answer->remember);
            return;
        }
        self->m_session->disconnectSession();
        self->statusBar()->showMessage(tr("Sign-in cancelled."), 5'000);
    });
}

void MainWindow::askToSignInAgain(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &why)
{
    SecretRequest request;
    request.purpose = SecretPurpose::Reauthentication;
    request.profile = profile;
    request.kinds = kinds;
    request.explanation = why;
    request.offerRemember = profile.rememberSecrets && !m_session->isSandbox();
    request.rememberByDefault = false; // the keychain gets the new secret only when the user says so
    QPointer<MainWindow> self(this);
    prompts()->ask(this, request, [self](const std::optional<SecretAnswer> &answer) {
        if (!self)
            return;
        if (answer && !answer->secrets.kinds().isEmpty())
            self->m_session->provideReauthentication(answer->secrets, answer->remember);
        else
            self->m_session->cancelReauthentication(); // the session stays; its interrupted work fails
    });
}

void MainWindow::askForProxyCredentials(const ConnectionProfile &profile, const QString &user, bool canRemember,
                                        const QString &why)
{
    SecretRequest request;
    request.purpose = SecretPurpose::Proxy;
    request.profile = profile;
    request.kinds = {SecretKind::ProxyPassword};
    request.explanation = why;
    request.offerRemember = canRemember;
    request.rememberByDefault = true;
    request.askProxyUser = true;
    request.proxyUser = user;
    QPointer<MainWindow> self(this);
    prompts()->ask(this, request, [self](const std::optional<SecretAnswer> &answer) {
        if (!self)
            return;
        if (answer && answer->secrets.has(SecretKind::ProxyPassword) && !answer->proxyUser.isEmpty()) {
            self->m_session->provideProxyCredentials(answer->proxyUser,
                                                     answer->secrets.get(SecretKind::ProxyPassword), answer->remember);
            return;
        }
        self->m_session->cancelProxyCredentials(); // in a session: the session stays, its held work fails
        self->statusBar()->showMessage(tr("Proxy sign-in cancelled."), 5'000);
    });
}

void MainWindow::showAbout()
{
    m_services.messages->information(
        this, QStringLiteral("aboutAnadesk"), tr("About Anadesk"),
        tr("Anadesk %1 — a desktop administration console for Anaplan.").arg(QCoreApplication::applicationVersion()),
        tr("Built with Qt %1. Secrets are kept in the system keychain; logs are redacted.").arg(QString::fromLatin1(qVersion())));
}

} // namespace anadesk
