// The shell against a real anadesk-sandbox on loopback: "Test connection" names what failed (ok, wrong
// password, unreachable port, missing role), "Try the sandbox" starts the sandbox and connects (and the
// event loop keeps turning meanwhile), connecting a saved profile asks for a missing password, and no
// secret reaches the log view or the settings files.
#include "SandboxProcess.h"
#include "ShellTestKit.h"
#include "shell/ConnectionFactory.h"
#include "shell/ConnectionManagerDialog.h"
#include "shell/ConnectionTester.h"
#include "shell/FirstRunPage.h"
#include "shell/MainWindow.h"
#include "shell/SandboxLauncher.h"
#include "shell/SecretPromptDialog.h"
#include "shell/SessionController.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace anadesk;
using namespace shelltest;
using anadesk::test::SandboxProcess;

namespace {

constexpr int kConnectTimeoutMs = 60'000;

template <typename T>
T *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child widget %s", name);
    return widget;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Fills the manager's form for a profile on `origin` with basic sign-in.
void fillSandboxProfile(ConnectionManagerDialog &dialog, const QString &name, const QUrl &origin,
                        const QString &password)
{
    typeInto(child<QLineEdit>(&dialog, "profileName"), name);
    auto *mode = child<QComboBox>(&dialog, "endpointMode");
    mode->setCurrentIndex(mode->findData(int(EndpointMode::SingleOrigin)));
    Q_EMIT mode->activated(mode->currentIndex());
    typeInto(child<QLineEdit>(&dialog, "singleOrigin"), origin.toString());
    typeInto(child<QLineEdit>(&dialog, "userEmail"), SandboxProcess::demoUser());
    typeInto(child<QLineEdit>(&dialog, "password"), password);
    auto *proxy = child<QComboBox>(&dialog, "profileProxyMode");
    proxy->setCurrentIndex(proxy->findData(int(ProxySettings::Mode::None)));
}

ConnectionTester::Result runTest(ConnectionManagerDialog &dialog)
{
    QSignalSpy finished(&dialog, &ConnectionManagerDialog::testFinished);
    child<QPushButton>(&dialog, "testConnection")->click();
    if (!finished.wait(kConnectTimeoutMs))
        qFatal("Test connection did not finish");
    return finished.at(0).at(0).value<ConnectionTester::Result>();
}

quint16 closedLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("cannot find a free port");
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestShellSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void testConnectionPasses();
    void testConnectionWrongPassword();
    void testConnectionUnreachablePort();
    void testConnectionMissingRole();
    void firstRunTrySandboxConnects();
    void savedProfileAsksForMissingPasswordAndLogsNoSecret();

private:
    SandboxProcess m_sandbox;
};

void TestShellSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Debug lines of core (requests, sign-in) are on, so the leak checks see everything core logs.
    QLoggingCategory::setFilterRules(QStringLiteral("anadesk.*.debug=true"));
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
}

void TestShellSandbox::testConnectionPasses()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    fillSandboxProfile(dialog, QStringLiteral("Sandbox OK"), m_sandbox.url(), SandboxProcess::demoPassword());
    const ConnectionTester::Result result = runTest(dialog);
    QVERIFY2(result.ok(), qPrintable(result.summary));
    QCOMPARE(result.failure, ConnectionTester::Failure::None);
    QCOMPARE(result.steps.size(), 5);
    QCOMPARE(result.steps.at(2).step, ConnectionTester::Step::Tls);
    QCOMPARE(result.steps.at(2).outcome, ConnectionTester::Outcome::Skipped); // plain http on loopback
    QVERIFY(result.steps.at(4).message.contains(QStringLiteral("workspace")));
    QCOMPARE(child<QListWidget>(&dialog, "testSteps")->count(), 5);
    QCOMPARE(child<QLabel>(&dialog, "testSummary")->text(), result.summary);
    std::printf("FIGURE: ui_test_connection_ok=1 steps=%d\n", int(result.steps.size()));
}

void TestShellSandbox::testConnectionWrongPassword()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    const QString wrong = QStringLiteral("Wrong-Password-") + QString::number(QRandomGenerator::global()->generate());
    fillSandboxProfile(dialog, QStringLiteral("Sandbox wrong password"), m_sandbox.url(), wrong);
    const ConnectionTester::Result result = runTest(dialog);
    QCOMPARE(result.failure, ConnectionTester::Failure::Credentials);
    QCOMPARE(result.steps.constLast().step, ConnectionTester::Step::SignIn);
    const QString summary = child<QLabel>(&dialog, "testSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("rejected the credentials of demo@anadesk.test")), qPrintable(summary));
    QVERIFY(!result.steps.constLast().hint.isEmpty());
    QTest::qWait(50); // queued log lines
    QVERIFY(!kit.log.toText().contains(wrong));
    QVERIFY(!summary.contains(wrong));
}

void TestShellSandbox::testConnectionUnreachablePort()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    QUrl closed = m_sandbox.url();
    closed.setPort(closedLoopbackPort());
    fillSandboxProfile(dialog, QStringLiteral("Nothing listens"), closed, SandboxProcess::demoPassword());
    const ConnectionTester::Result result = runTest(dialog);
    QCOMPARE(result.failure, ConnectionTester::Failure::HostUnreachable);
    QCOMPARE(result.steps.constLast().step, ConnectionTester::Step::Reach);
    QVERIFY2(result.summary.contains(QStringLiteral("unreachable")), qPrintable(result.summary));
    QVERIFY2(result.summary.contains(QString::number(closed.port())), qPrintable(result.summary));
}

void TestShellSandbox::testConnectionMissingRole()
{
    SandboxProcess forbidding({QStringLiteral("--fault"),
                               QStringLiteral(R"({"kind":"status","status":403,"method":"GET","path":"/2/0/workspaces","times":-1})")});
    QString error;
    QVERIFY2(forbidding.start(&error), qPrintable(error));
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    fillSandboxProfile(dialog, QStringLiteral("No role"), forbidding.url(), SandboxProcess::demoPassword());
    const ConnectionTester::Result result = runTest(dialog);
    QCOMPARE(result.failure, ConnectionTester::Failure::MissingRole);
    QCOMPARE(result.steps.constLast().step, ConnectionTester::Step::Access);
    QVERIFY2(result.summary.contains(QStringLiteral("missing role")), qPrintable(result.summary));
    // Sign-in itself passed: the message does not blame the credentials.
    QCOMPARE(result.steps.at(3).outcome, ConnectionTester::Outcome::Passed);
}

void TestShellSandbox::firstRunTrySandboxConnects()
{
    ShellKit kit;
    auto services = kit.services();
    services.sandboxBinary = SandboxProcess::binaryPath();
    QUrl sandboxUrl;
    {
        MainWindow window(services);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.centralStack()->currentWidget(), window.firstRunPage());

        LoopWatch watch;
        watch.start();
        child<QPushButton>(window.firstRunPage(), "trySandbox")->click();
        QCOMPARE(window.session()->state(), ConnectionState::StartingSandbox);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ConnectionState::Connected
                                     || window.session()->state() == ConnectionState::Failed,
                                 kConnectTimeoutMs);
        watch.stop();
        QVERIFY2(window.session()->state() == ConnectionState::Connected, qPrintable(window.session()->detail()));
        QVERIFY(window.session()->isSandbox());
        QVERIFY(window.session()->workspaceCount() >= 1);

        const QString status = window.connectionStatusLabel()->text();
        QVERIFY2(status.startsWith(ConnectionStateText::label(ConnectionState::Connected)), qPrintable(status));
        QVERIFY(window.browserWidget());
        QCOMPARE(window.centralStack()->currentWidget(), window.browserWidget());
        QCOMPARE(window.sandbox()->state(), SandboxLauncher::State::Running);
        QVERIFY(window.sandbox()->processId() > 0);
        sandboxUrl = window.sandbox()->url();
        QVERIFY(sandboxUrl.port() > 0);

        std::printf("FIGURE: ui_connect_longest_event_loop_gap_ms=%lld ticks=%d\n", watch.longestGapMs(), watch.ticks());
        QVERIFY2(watch.longestGapMs() < 1'000, "the GUI stood still for a second or more while connecting");

        window.close(); // stops the sandbox child
        QCOMPARE(window.sandbox()->state(), SandboxLauncher::State::Stopped);
    }
    // The child process is gone: its port no longer accepts connections.
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, quint16(sandboxUrl.port()));
    QVERIFY(!probe.waitForConnected(3'000));
    QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestShellSandbox::savedProfileAsksForMissingPasswordAndLogsNoSecret()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Saved sandbox"));
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = m_sandbox.url();
    profile.userEmail = SandboxProcess::demoUser();
    profile.proxy.mode = ProxySettings::Mode::None;
    QVERIFY(kit.profiles->save(profile).isEmpty());

    MainWindow window(kit.services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LoopWatch watch;
    watch.start();
    window.connectProfileById(profile.id);
    QTRY_COMPARE(window.session()->state(), ConnectionState::NeedsSecrets);
    SecretPromptDialog *prompt = nullptr;
    QTRY_VERIFY((prompt = window.findChild<SecretPromptDialog *>(QStringLiteral("secretPrompt"))));
    QVERIFY(prompt->field(SecretKind::Password));
    typeInto(prompt->field(SecretKind::Password), SandboxProcess::demoPassword());
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ConnectionState::Connected
                                 || window.session()->state() == ConnectionState::Failed,
                             kConnectTimeoutMs);
    watch.stop();
    QVERIFY2(window.session()->state() == ConnectionState::Connected, qPrintable(window.session()->detail()));
    QVERIFY(window.connectionStatusLabel()->text().contains(QStringLiteral("Saved sandbox")));
    // "Remember" was on: the password went to the keychain store (and nowhere else).
    QTRY_VERIFY(kit.keychain.storedKinds(profile.id).contains(SecretKind::Password));
    std::printf("FIGURE: ui_connect_profile_longest_event_loop_gap_ms=%lld\n", watch.longestGapMs());
    QVERIFY(watch.longestGapMs() < 1'000);

    window.close();
    QTest::qWait(100); // queued log lines
    const QByteArray password = SandboxProcess::demoPassword().toUtf8();
    const QByteArray basic = QByteArray(SandboxProcess::demoUser().toUtf8() + ':' + password).toBase64();
    const QString log = kit.log.toText();
    QVERIFY2(kit.log.rowCount() > 0, "the flow logged nothing: the leak check would prove nothing");
    QVERIFY2(!log.contains(QString::fromUtf8(password)), "password in the log view");
    QVERIFY2(!log.contains(QString::fromUtf8(basic)), "basic credentials in the log view");
    const QByteArray files = kit.allFileBytes();
    QVERIFY(!files.isEmpty());
    QVERIFY2(!files.contains(password), "password in a settings file");
    QVERIFY2(!files.contains(basic), "basic credentials in a settings file");
    std::printf("FIGURE: ui_secret_leaks=0 log_lines=%d settings_bytes=%lld\n", int(kit.log.rowCount()),
                qint64(files.size()));
}

int main(int argc, char *argv[])
{
    // ctest sets QT_LOGGING_RULES=*.debug=false, which would override the rules set in initTestCase().
    qunsetenv("QT_LOGGING_RULES");
    QApplication app(argc, argv);
    TestShellSandbox test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ShellSandbox.moc"
