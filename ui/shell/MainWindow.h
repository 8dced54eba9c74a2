#pragma once
// The Anadesk main window: menus (File, View, Tools, Help) with shortcuts; a central stack showing the
// first-run page while disconnected and the model browser (ui/browser) once connected; a dock area (the log
// view; the task monitor docks here too — addDock()); a status bar with the connection state; window
// geometry and dock layout remembered in the settings file. It owns the session and the sandbox launcher.
#include "ClientSettings.h"
#include "ConnectionManagerDialog.h"
#include "ConnectionState.h"
#include "SettingsDialog.h"
#include "Connection.h"
#include "ShellServices.h"
#include "credentials/SecretKind.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QStackedWidget;

namespace anadesk {

class FirstRunPage;
class LogView;
class SandboxLauncher;
class SessionController;
struct ConnectionProfile;
class ProfileSecrets;
class SecretPrompts;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const ShellServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    SessionController *session() const { return m_session; }
    SandboxLauncher *sandbox() const { return m_sandbox; }
    FirstRunPage *firstRunPage() const { return m_firstRun; }
    QStackedWidget *centralStack() const { return m_stack; }
    // The model browser (or the placeholder without ui/browser) while connected; null otherwise.
    QWidget *browserWidget() const { return m_browser; }
    LogView *logView() const { return m_logView; }
    QDockWidget *logDock() const { return m_logDock; }
    QLabel *connectionStatusLabel() const { return m_statusLabel; }
    // Open dialogs (null when closed), for tests and for the features built on the shell.
    ConnectionManagerDialog *connectionManager() const { return m_manager; }
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *toolsMenu() const { return m_toolsMenu; }

    // Adds a dock (e.g. the task monitor) with its toggle in the View menu; restoreState() places it.
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area);

    ClientSettings clientSettings() const { return m_settings; }
    // Saves to the settings file and applies to the live connection.
    void applyClientSettings(const ClientSettings &settings);

    void saveWindowState();
    void restoreWindowState();

public Q_SLOTS:
    void trySandbox();
    void openConnectionManager();
    void openSettings();
    void connectProfileById(const QString &profileId);
    void connectProfile(const anadesk::ConnectionProfile &profile, const anadesk::ProfileSecrets &typed);
    void disconnectSession();
    void showAbout();

Q_SIGNALS:
    // The browser was created for a new connection (ui/transfers and the task monitor hook in here).
    void browserCreated(QWidget *browser, anadesk::Connection *connection);
    void browserAboutToBeDestroyed(QWidget *browser);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildDocks();
    void onStateChanged(ConnectionState state, const QString &detail);
    void onConnected(Connection *connection);
    void dropBrowser();
    void askForSecrets(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &why,
                       bool allowRemember);
    void askToSignInAgain(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &why);
    void askForProxyCredentials(const ConnectionProfile &profile, const QString &user, bool canRemember,
                                const QString &why);
    SecretPrompts *prompts();
    void retryConnection();

    ShellServices m_services;
    std::unique_ptr<SecretPrompts> m_ownPrompts; // when the services bring none
    ClientSettings m_settings;
    SessionController *m_session;
    SandboxLauncher *m_sandbox;
    QStackedWidget *m_stack;
    FirstRunPage *m_firstRun;
    QPointer<QWidget> m_browser;
    LogView *m_logView = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_statusIcon;
    QLabel *m_statusLabel;
    QPointer<ConnectionManagerDialog> m_manager;
    QPointer<SettingsDialog> m_settingsDialog;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QAction *m_connectionsAction = nullptr;
    QAction *m_sandboxAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_signInAgainAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QByteArray m_defaultState;
    bool m_lastAttemptWasSandbox = false;
};

} // namespace anadesk
