// The proxy configured in Settings or in a profile really carries the app's requests: a loopback forward
// proxy (tests/support/LoopbackHttpProxy) counts what it forwards to a real anadesk-sandbox, and the
// sandbox's own request log must hold nothing else. A proxy that answers 407 makes the app ask once for
// its user and password (SecretPrompts, scripted here); the password goes to the keychain when the user
// says so, the user name into the profile.
#include "BulkClient.h"
#include "HttpProbe.h"
#include "LoopbackHttpProxy.h"
#include "SandboxProcess.h"
#include "SessionWork.h"
#include "ShellTestKit.h"
#include "shell/MainWindow.h"
#include "shell/ScriptedSecretPrompts.h"
#include "shell/SessionController.h"
#include "api/Job.h"

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
const QString kNewProxyPassword = QStringLiteral("Proxy-Secret-8-changed");

bool waitForEnd(MainWindow &window)
{
    return QTest::qWaitFor(
        [&window] {
            const ConnectionState state = window.session()->state();
            return state == ConnectionState::Connected || state == ConnectionState::Failed;
        },
        kTimeoutMs);
}

// Waits until the proxy has forwarded nothing new for a while (the browser's first listings are done).
void waitUntilQuiet(const LoopbackHttpProxy &proxy)
{
    int last = -1;
    for (int i = 0; i < 100 && proxy.forwardedCount() != last; ++i) {
        last = proxy.forwardedCount();
        QTest::qWait(300);
    }
}

// How many of `requests` ("METHOD path?query") are `request` ("METHOD path"), whatever their query.
int countOf(const QStringList &requests, const QString &request)
{
    int count = 0;
    for (const QString &one : requests)
        count += one == request || one.startsWith(request + QLatin1Char('?')) ? 1 : 0;
    return count;
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
    void proxyRefusingTheSignInMidSessionAsksForTheProxyOnly();
    void proxyRefusingARequestMidSessionHoldsItForTheProxy();

private:
    bool connectThroughProxy(ShellKit &kit, MainWindow &window, const LoopbackHttpProxy &proxy,
                             ConnectionProfile *connected);
    void checkProxySecrets(ShellKit &kit, const QString &profileId);
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
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/faults")).status, 204);
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

// Connects `window` to a profile whose proxy user is in the profile and whose proxy password (the current one)
// and Anaplan password are in the keychain: the session starts without asking anything.
bool TestShellProxy::connectThroughProxy(ShellKit &kit, MainWindow &window, const LoopbackHttpProxy &proxy,
                                         ConnectionProfile *connected)
{
    ConnectionProfile profile = sandboxProfile(kit, ProxySettings::Mode::Manual, proxy.port());
    profile.proxy.user = kProxyUser;
    if (!kit.profiles->save(profile).isEmpty())
        return false;
    bool written = false;
    kit.keychain.writeSecret(profile.id, SecretKind::ProxyPassword, SecretBytes(kProxyPassword.toUtf8()), nullptr,
                             [&written](const CredentialOutcome &outcome) { written = outcome.isOk(); });
    if (!QTest::qWaitFor([&written] { return written; }, kTimeoutMs))
        return false;
    window.show();
    window.connectProfileById(profile.id);
    if (!waitForEnd(window) || window.session()->state() != ConnectionState::Connected)
        return false;
    waitUntilQuiet(proxy);
    *connected = profile;
    return true;
}

// The proxy password (old and new) in no log line and no file; the new one in the keychain.
void TestShellProxy::checkProxySecrets(ShellKit &kit, const QString &profileId)
{
    QByteArray stored;
    bool read = false;
    kit.keychain.readSecret(profileId, SecretKind::ProxyPassword, nullptr,
                            [&](const CredentialOutcome &outcome, const SecretBytes &secret) {
                                read = outcome.isOk();
                                stored = secret.bytes();
                            });
    QTRY_VERIFY(read);
    QCOMPARE(stored, kNewProxyPassword.toUtf8()); // the user said "remember"
    QTest::qWait(100);                            // queued log lines
    const QString log = kit.log.toText();
    QVERIFY2(kit.log.rowCount() > 0, "the flow logged nothing: the leak check would prove nothing");
    const QByteArray files = kit.allFileBytes();
    for (const QString &secret : {kProxyPassword, kNewProxyPassword}) {
        const QByteArray basic = QByteArray(kProxyUser.toUtf8() + ':' + secret.toUtf8()).toBase64();
        QVERIFY2(!log.contains(secret), "proxy password in the log view");
        QVERIFY2(!log.contains(QString::fromLatin1(basic)), "proxy credentials (Basic) in the log view");
        QVERIFY2(!files.contains(secret.toUtf8()), "proxy password in a settings file");
        QVERIFY2(!files.contains(basic), "proxy credentials (Basic) in a settings file");
    }
}

// The brief's case: the session works through the proxy; its token is revoked, and the sign-in that follows
// meets the proxy's new credentials (407). That refused sign-in is the proxy's, not Anaplan's: the proxy
// prompt (once), the held work replayed once, the Anaplan prompt never.
void TestShellProxy::proxyRefusingTheSignInMidSessionAsksForTheProxyOnly()
{
    LoopbackHttpProxy proxy;
    proxy.requireCredentials(kProxyUser, kProxyPassword);
    QVERIFY(proxy.start());
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    ConnectionProfile profile;
    QVERIFY(connectThroughProxy(kit, window, proxy, &profile));
    QCOMPARE(prompts.requests().size(), 0);
    QWidget *browser = window.browserWidget();
    QVERIFY(browser);

    // The next listing finds its token revoked (401 from the sandbox, through the proxy); from the request after
    // it on, the proxy wants a new password: the sign-in that follows gets 407.
    QCOMPARE(m_probe->postJson(QStringLiteral("/__sandbox/faults"),
                               QJsonObject{{QStringLiteral("rules"),
                                            QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("expire-token")},
                                                                   {QStringLiteral("method"), QStringLiteral("GET")},
                                                                   {QStringLiteral("path"), QStringLiteral("/2/0/workspaces")},
                                                                   {QStringLiteral("times"), 1}}}}})
                 .status,
             201);
    const int rejectedBefore = proxy.rejectedCount();
    const int forwardedBefore = proxy.forwardedCount();
    proxy.requireCredentialsAfter(forwardedBefore + 1, kProxyUser, kNewProxyPassword);
    SecretAnswer answer;
    answer.proxyUser = kProxyUser;
    answer.secrets.set(SecretKind::ProxyPassword, SecretBytes(kNewProxyPassword.toUtf8()));
    answer.remember = true;
    prompts.answerNext(answer);
    int heldWhileAsked = -1;
    ConnectionState stateWhileAsked = ConnectionState::Disconnected;
    connect(&prompts, &ScriptedSecretPrompts::asked, this, [&](int) {
        heldWhileAsked = window.session()->heldRequestCount();
        stateWhileAsked = window.session()->state();
    });

    auto work = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(work->finished, kTimeoutMs);
    QVERIFY2(work->ok, qPrintable(work->error.toString()));
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Connected, kTimeoutMs);
    QTest::qWait(300); // a second prompt would show up by now

    QCOMPARE(prompts.count(SecretPurpose::Proxy), 1);
    QCOMPARE(prompts.count(SecretPurpose::Reauthentication), 0); // never the Anaplan password for a 407
    QCOMPARE(prompts.count(SecretPurpose::SignIn), 0);
    QCOMPARE(prompts.requests().constFirst().proxyUser, kProxyUser);
    QCOMPARE(stateWhileAsked, ConnectionState::CredentialsRejected);
    QVERIFY2(heldWhileAsked >= 1, "the interrupted work was not held while asking");
    QCOMPARE(window.browserWidget(), browser); // never logged out

    // Through the proxy after the change: the revoked listing, then the sign-in once with the new password,
    // then the listing replayed once and the session's own check. The 407s (old password, or none yet) stay a
    // handful: no loop.
    const QStringList after = proxy.forwarded().mid(forwardedBefore);
    const int rejected = proxy.rejectedCount() - rejectedBefore;
    QVERIFY2(rejected >= 1 && rejected <= 6, qPrintable(QString::number(rejected)));
    QCOMPARE(countOf(after, QStringLiteral("POST /token/authenticate")), 1);
    const int listings = countOf(after, QStringLiteral("GET /2/0/workspaces"));
    QVERIFY2(listings == 3, qPrintable(after.join(u", ")));
    QCOMPARE(countOf(after.mid(0, 1), QStringLiteral("GET /2/0/workspaces")), 1);
    QCOMPARE(after.at(1), QStringLiteral("POST /token/authenticate"));
    QCOMPARE(sandboxArrivals().size(), proxy.forwardedCount()); // nothing reached the sandbox past the proxy
    window.close();
    checkProxySecrets(kit, profile.id);
    std::printf("FIGURE: ui_proxy_midsession_signin_407 proxy_prompts=%d anaplan_prompts=%d rejected_407=%d "
                "sign_ins=1 listings=%d held_while_asked=%d\n",
                prompts.count(SecretPurpose::Proxy),
                prompts.count(SecretPurpose::Reauthentication) + prompts.count(SecretPurpose::SignIn), rejected,
                listings, heldWhileAsked);
}

// A request that meets the proxy's new credentials itself (no sign-in waiting) cannot be held: it fails with
// the proxy's 407 — and the app asks for the proxy's credentials (once, not Anaplan's); the next work goes through.
void TestShellProxy::proxyRefusingARequestMidSessionHoldsItForTheProxy()
{
    LoopbackHttpProxy proxy;
    proxy.requireCredentials(kProxyUser, kProxyPassword);
    QVERIFY(proxy.start());
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    ConnectionProfile profile;
    QVERIFY(connectThroughProxy(kit, window, proxy, &profile));
    QWidget *browser = window.browserWidget();
    const int rejectedBefore = proxy.rejectedCount();
    const int forwardedBefore = proxy.forwardedCount();
    proxy.requireCredentialsAfter(forwardedBefore, kProxyUser, kNewProxyPassword);
    SecretAnswer answer;
    answer.proxyUser = kProxyUser;
    answer.secrets.set(SecretKind::ProxyPassword, SecretBytes(kNewProxyPassword.toUtf8()));
    answer.remember = true;
    prompts.answerNext(answer);

    // The request the proxy refuses never reached Anaplan: it is held while the proxy prompt is answered, then
    // sent once more after a sign-in through the proxy with the new credentials.
    auto refused = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(refused->finished, kTimeoutMs);
    QVERIFY2(refused->ok, qPrintable(refused->error.toString()));
    QCOMPARE(prompts.count(SecretPurpose::Proxy), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Connected, kTimeoutMs);
    auto next = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(next->finished, kTimeoutMs);
    QVERIFY2(next->ok, qPrintable(next->error.toString()));
    QTest::qWait(300);

    QCOMPARE(prompts.count(SecretPurpose::Proxy), 1);
    QCOMPARE(prompts.count(SecretPurpose::Reauthentication), 0);
    QCOMPARE(prompts.count(SecretPurpose::SignIn), 0);
    QCOMPARE(window.browserWidget(), browser);
    // Through the proxy after the change: one sign-in with the new proxy credentials (the same Anaplan ones),
    // the refused work sent once more, the session's check, the next work.
    const QStringList after = proxy.forwarded().mid(forwardedBefore);
    QCOMPARE(countOf(after, QStringLiteral("POST /token/authenticate")), 1);
    QCOMPARE(countOf(after, QStringLiteral("GET /2/0/workspaces")), 3);
    const int rejected = proxy.rejectedCount() - rejectedBefore;
    QVERIFY2(rejected >= 1 && rejected <= 6, qPrintable(QString::number(rejected)));
    window.close();
    checkProxySecrets(kit, profile.id);
    std::printf("FIGURE: ui_proxy_midsession_request_407 proxy_prompts=%d anaplan_prompts=%d rejected_407=%d "
                "forwarded_after_change=%d\n",
                prompts.count(SecretPurpose::Proxy),
                prompts.count(SecretPurpose::Reauthentication) + prompts.count(SecretPurpose::SignIn), rejected,
                int(after.size()));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestShellProxy test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ShellProxy.moc"
