// The proxy configured in Settings or in a profile really carries the app's requests: a loopback forward
// proxy (tests/support/LoopbackHttpProxy) counts what it forwards to a real anadesk-sandbox, and the
// sandbox's own request log must hold nothing else. A proxy that answers 407 makes the app ask once for
// its user and password (SecretPrompts, scripted here); the password goes to the keychain when the user
// says so, the user name into the profile.
#include "HttpProbe.h"
#include "LoopbackHttpProxy.h"
#include "SandboxProcess.h"
#include "ShellTestKit.h"
#include "shell/MainWindow.h"
#include "shell/ScriptedSecretPrompts.h"
#include "shell/SessionController.h"

#include <QApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace anadesk;
using namespace shelltest;
using anadesk::test::HttpProbe;
using anadesk::test::LoopbackHttpProxy;
using anadesk::test::SandboxProcess;

namespace {

constexpr int kTimeoutMs = 60'000;
const QString kProxyUser = QStringLiteral("proxy-user");
const QString kProxyPassword = QStringLiteral("Proxy-Secret-7");

bool waitForEnd(MainWindow &window)
{
    return QTest::qWaitFor(
        [&window] {
            const ConnectionState state = window.session()->state();
            return state == ConnectionState::Connected || state == ConnectionState::Failed;
        },
        kTimeoutMs);
}

} // namespace

class TestShellProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void settingsProxyCarriesEveryRequest();
    void profileProxyCarriesEveryRequest();
    void proxyAsking407IsAnsweredOnceAndRemembered();
    void refusedProxyCredentialsAreAskedOnlyOnce();

private:
    ConnectionProfile sandboxProfile(ShellKit &kit, ProxySettings::Mode mode, quint16 proxyPort);
    QStringList sandboxArrivals();

    SandboxProcess m_sandbox;
    std::unique_ptr<HttpProbe> m_probe;
};

void TestShellProxy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_probe = std::make_unique<HttpProbe>(m_sandbox.url());
}

void TestShellProxy::init()
{
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
}

ConnectionProfile TestShellProxy::sandboxProfile(ShellKit &kit, ProxySettings::Mode mode, quint16 proxyPort)
{
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Proxied sandbox"));
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = m_sandbox.url();
    profile.userEmail = SandboxProcess::demoUser();
    profile.proxy.mode = mode;
    if (mode == ProxySettings::Mode::Manual) {
        profile.proxy.host = QStringLiteral("127.0.0.1");
        profile.proxy.port = proxyPort;
    }
    if (!kit.profiles->save(profile).isEmpty())
        qFatal("profile not saved");
    bool written = false;
    kit.keychain.writeSecret(profile.id, SecretKind::Password, SecretBytes(SandboxProcess::demoPassword().toUtf8()),
                             nullptr, [&written](const CredentialOutcome &outcome) { written = outcome.isOk(); });
    if (!QTest::qWaitFor([&written] { return written; }, kTimeoutMs))
        qFatal("password not written");
    return profile;
}

// "METHOD path" of every API request the sandbox saw (its admin calls are not logged).
QStringList TestShellProxy::sandboxArrivals()
{
    QStringList arrivals;
    const QJsonArray requests =
        m_probe->get(QStringLiteral("/__sandbox/requests")).json().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        arrivals << request.value(QStringLiteral("method")).toString() + QLatin1Char(' ')
                        + request.value(QStringLiteral("path")).toString();
    }
    return arrivals;
}

void TestShellProxy::settingsProxyCarriesEveryRequest()
{
    LoopbackHttpProxy proxy;
    QVERIFY(proxy.start());
    ShellKit kit;
    MainWindow window(kit.services());
    ClientSettings settings = window.clientSettings();
    settings.proxyMode = ClientSettings::ProxyMode::Manual;
    settings.proxyHost = QStringLiteral("127.0.0.1");
    settings.proxyPort = proxy.port();
    window.applyClientSettings(settings); // as Settings ▸ OK does
    const ConnectionProfile profile = sandboxProfile(kit, ProxySettings::Mode::System, 0);
    window.show();
    window.connectProfileById(profile.id);
    QVERIFY(waitForEnd(window));
    QVERIFY2(window.session()->state() == ConnectionState::Connected, qPrintable(window.session()->detail()));
    QTest::qWait(500); // the browser's first listings
    const QStringList viaProxy = proxy.forwarded();
    QVERIFY(viaProxy.contains(QStringLiteral("POST /token/authenticate")));
    QVERIFY(!viaProxy.filter(QRegularExpression(QStringLiteral("^GET /2/0/workspaces(\\?|$)"))).isEmpty());
    window.close();
    // Everything the sandbox received came through the proxy.
    QTRY_COMPARE_WITH_TIMEOUT(sandboxArrivals().size(), proxy.forwardedCount(), kTimeoutMs);
    std::printf("FIGURE: ui_settings_proxy_forwarded=%d sandbox_arrivals=%d\n", proxy.forwardedCount(),
                int(sandboxArrivals().size()));
}

void TestShellProxy::profileProxyCarriesEveryRequest()
{
    LoopbackHttpProxy proxy;
    QVERIFY(proxy.start());
    ShellKit kit;
    MainWindow window(kit.services());
    ClientSettings settings = window.clientSettings();
    settings.proxyMode = ClientSettings::ProxyMode::None; // only the profile's proxy can carry them
    window.applyClientSettings(settings);
    const ConnectionProfile profile = sandboxProfile(kit, ProxySettings::Mode::Manual, proxy.port());
    window.show();
    window.connectProfileById(profile.id);
    QVERIFY(waitForEnd(window));
    QVERIFY2(window.session()->state() == ConnectionState::Connected, qPrintable(window.session()->detail()));
    QVERIFY(proxy.forwarded().contains(QStringLiteral("POST /token/authenticate")));
    QCOMPARE(proxy.rejectedCount(), 0);
    window.close();
    QTRY_COMPARE_WITH_TIMEOUT(sandboxArrivals().size(), proxy.forwardedCount(), kTimeoutMs);
    std::printf("FIGURE: ui_profile_proxy_forwarded=%d\n", proxy.forwardedCount());
}

void TestShellProxy::proxyAsking407IsAnsweredOnceAndRemembered()
{
    LoopbackHttpProxy proxy;
    proxy.requireCredentials(kProxyUser, kProxyPassword);
    QVERIFY(proxy.start());
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    const ConnectionProfile profile = sandboxProfile(kit, ProxySettings::Mode::Manual, proxy.port());
    SecretAnswer answer;
    answer.proxyUser = kProxyUser;
    answer.secrets.set(SecretKind::ProxyPassword, SecretBytes(kProxyPassword.toUtf8()));
    answer.remember = true;
    prompts.answerNext(answer);
    window.show();
    window.connectProfileById(profile.id);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ConnectionState::Connected
                                 || (window.session()->state() == ConnectionState::Failed && prompts.requests().size() > 0),
                             kTimeoutMs);
    QVERIFY2(window.session()->state() == ConnectionState::Connected, qPrintable(window.session()->detail()));
    QCOMPARE(prompts.count(SecretPurpose::Proxy), 1);
    QVERIFY(prompts.requests().constFirst().askProxyUser);
    QVERIFY(prompts.requests().constFirst().offerRemember);
    QVERIFY(proxy.rejectedCount() >= 1);
    QVERIFY(proxy.forwarded().contains(QStringLiteral("POST /token/authenticate")));
    // The password in the keychain (byte-exact), the user name in the profile, neither in the settings file.
    QByteArray stored;
    bool read = false;
    kit.keychain.readSecret(profile.id, SecretKind::ProxyPassword, nullptr,
                            [&](const CredentialOutcome &outcome, const SecretBytes &secret) {
                                read = outcome.isOk();
                                stored = secret.bytes();
                            });
    QTRY_VERIFY(read);
    QCOMPARE(stored, kProxyPassword.toUtf8());
    QCOMPARE(kit.profiles->profile(profile.id)->proxy.user, kProxyUser);
    QVERIFY(!kit.allFileBytes().contains(kProxyPassword.toUtf8()));
    window.close();

    // Next run: the saved user and password answer the proxy without asking.
    proxy.reset();
    ScriptedSecretPrompts again;
    services.prompts = &again;
    MainWindow second(services);
    second.show();
    second.connectProfileById(profile.id);
    QVERIFY(waitForEnd(second));
    QVERIFY2(second.session()->state() == ConnectionState::Connected, qPrintable(second.session()->detail()));
    QCOMPARE(again.requests().size(), 0);
    QVERIFY(proxy.forwardedCount() >= 2);
    std::printf("FIGURE: ui_proxy_407_prompts=%d rejected_407=%d forwarded_next_run=%d\n",
                int(prompts.requests().size()), proxy.rejectedCount(), proxy.forwardedCount());
    second.close();
}

void TestShellProxy::refusedProxyCredentialsAreAskedOnlyOnce()
{
    LoopbackHttpProxy proxy;
    proxy.requireCredentials(kProxyUser, kProxyPassword);
    QVERIFY(proxy.start());
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    const ConnectionProfile profile = sandboxProfile(kit, ProxySettings::Mode::Manual, proxy.port());
    SecretAnswer wrong;
    wrong.proxyUser = kProxyUser;
    wrong.secrets.set(SecretKind::ProxyPassword, SecretBytes(QByteArrayLiteral("Not-The-Proxy-Password")));
    wrong.remember = true;
    prompts.answerNext(wrong);
    window.show();
    window.connectProfileById(profile.id);
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Failed, kTimeoutMs);
    QTest::qWait(500);
    QCOMPARE(prompts.requests().size(), 1);
    QCOMPARE(window.session()->state(), ConnectionState::Failed);
    QVERIFY(window.session()->detail().contains(QStringLiteral("proxy"), Qt::CaseInsensitive));
    QCOMPARE(proxy.forwardedCount(), 0);
    std::printf("FIGURE: ui_proxy_refused_prompts=%d rejected_407=%d\n", int(prompts.requests().size()),
                proxy.rejectedCount());
    window.close();
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestShellProxy test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ShellProxy.moc"
