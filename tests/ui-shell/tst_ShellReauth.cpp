// Credentials rejected in the middle of a session, against a real anadesk-sandbox: the token is revoked
// (fault "expire-token") and the sign-in that follows is refused (a 401 fault on /token/authenticate, as
// after a password change on the server). The app must keep the session (no silent logout), show the
// state, ask ONCE for the secret (SecretPrompts, scripted here), save it in the keychain only when the user
// says so, and replay the interrupted work once — or, when the new secret is refused too or the user
// cancels, fail that work once without asking again (no loop).
#include "HttpProbe.h"
#include "SandboxProcess.h"
#include "SessionWork.h"
#include "ShellTestKit.h"
#include "BulkClient.h"
#include "api/Job.h"
#include "shell/MainWindow.h"
#include "shell/ScriptedSecretPrompts.h"
#include "shell/SessionController.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QtTest>

using namespace anadesk;
using namespace shelltest;
using anadesk::test::HttpProbe;
using anadesk::test::SandboxProcess;

namespace {

constexpr int kTimeoutMs = 60'000;


SecretAnswer passwordAnswer(const QString &password, bool remember)
{
    SecretAnswer answer;
    answer.secrets.set(SecretKind::Password, SecretBytes(password.toUtf8()));
    answer.remember = remember;
    return answer;
}

} // namespace

class TestShellReauth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rejectedMidSessionAsksOnceAndReplaysTheWork();
    void rememberedOnlyWhenTheUserSaysSo();
    void refusedAgainFailsTheWorkOnceWithoutAskingAgain();
    void cancelKeepsTheSessionAndSignInAgainRecovers();

private:
    // Connects a saved profile whose password is in the (test) keychain.
    bool connectSaved(ShellKit &kit, MainWindow &window, ConnectionProfile *saved);
    void addFaults(int refusedSignIns);
    int countRequests(const QString &method, const QString &path);

    SandboxProcess m_sandbox;
    std::unique_ptr<HttpProbe> m_probe;
};

void TestShellReauth::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_probe = std::make_unique<HttpProbe>(m_sandbox.url());
}

void TestShellReauth::init()
{
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/faults")).status, 204);
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
}

void TestShellReauth::cleanup()
{
    m_probe->request("DELETE", QStringLiteral("/__sandbox/faults"));
}

bool TestShellReauth::connectSaved(ShellKit &kit, MainWindow &window, ConnectionProfile *saved)
{
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Reauth sandbox"));
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = m_sandbox.url();
    profile.userEmail = SandboxProcess::demoUser();
    profile.proxy.mode = ProxySettings::Mode::None;
    if (!kit.profiles->save(profile).isEmpty())
        return false;
    bool written = false;
    kit.keychain.writeSecret(profile.id, SecretKind::Password, SecretBytes(SandboxProcess::demoPassword().toUtf8()),
                             nullptr, [&written](const CredentialOutcome &outcome) { written = outcome.isOk(); });
    if (!QTest::qWaitFor([&written] { return written; }, kTimeoutMs))
        return false;
    window.connectProfileById(profile.id);
    if (!QTest::qWaitFor([&window] { return window.session()->state() == ConnectionState::Connected; }, kTimeoutMs))
        return false;
    // Let the browser finish its first listings, so the faults below meet the test's own work.
    int last = -1;
    for (int i = 0; i < 100; ++i) {
        QTest::qWait(300);
        const int total = m_probe->get(QStringLiteral("/__sandbox/requests")).json().value(QStringLiteral("total")).toInt();
        if (total == last)
            break;
        last = total;
    }
    *saved = profile;
    return true;
}

// The next API request finds its token revoked; the sign-in that follows is refused `refusedSignIns` times.
void TestShellReauth::addFaults(int refusedSignIns)
{
    QJsonArray rules;
    rules.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("expire-token")},
                             {QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("path"), QStringLiteral("/2/0/workspaces")},
                             {QStringLiteral("times"), 1}});
    rules.append(QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("status")},
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("path"), QStringLiteral("/token/authenticate")},
        {QStringLiteral("status"), 401},
        {QStringLiteral("body"), QJsonObject{{QStringLiteral("status"), QStringLiteral("FAILURE_BAD_CREDENTIAL")},
                                             {QStringLiteral("statusMessage"),
                                              QStringLiteral("Invalid user name or password.")}}},
        {QStringLiteral("times"), refusedSignIns}});
    QCOMPARE(m_probe->postJson(QStringLiteral("/__sandbox/faults"), QJsonObject{{QStringLiteral("rules"), rules}})
                 .status,
             201);
}

int TestShellReauth::countRequests(const QString &method, const QString &path)
{
    int count = 0;
    const QJsonArray requests = m_probe->get(QStringLiteral("/__sandbox/requests")).json().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        if (request.value(QStringLiteral("method")).toString() == method
            && request.value(QStringLiteral("path")).toString() == path)
            ++count;
    }
    return count;
}

void TestShellReauth::rejectedMidSessionAsksOnceAndReplaysTheWork()
{
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    window.show();
    ConnectionProfile profile;
    QVERIFY(connectSaved(kit, window, &profile));
    QWidget *browser = window.browserWidget();
    QVERIFY(browser);
    QCOMPARE(prompts.requests().size(), 0); // the keychain had the password

    addFaults(1);
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
    QSignalSpy states(window.session(), &SessionController::stateChanged);
    // The prompt "is open" while the work is held: look at the window then.
    int heldWhileAsked = -1;
    ConnectionState stateWhileAsked = ConnectionState::Disconnected;
    connect(&prompts, &ScriptedSecretPrompts::asked, this, [&](int) {
        heldWhileAsked = window.session()->heldRequestCount();
        stateWhileAsked = window.session()->state();
    });
    prompts.answerNext(passwordAnswer(SandboxProcess::demoPassword(), false));

    auto work = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(work->finished, kTimeoutMs);
    QVERIFY2(work->ok, qPrintable(work->error.toString()));
    QCOMPARE(prompts.count(SecretPurpose::Reauthentication), 1);
    QCOMPARE(prompts.requests().constFirst().kinds, QList<SecretKind>{SecretKind::Password});
    QVERIFY(!prompts.requests().constFirst().rememberByDefault); // the keychain only when the user says so
    QCOMPARE(stateWhileAsked, ConnectionState::CredentialsRejected);
    QVERIFY2(heldWhileAsked >= 1, "the interrupted request was not held while asking");
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Connected, kTimeoutMs);
    QCOMPARE(window.browserWidget(), browser); // never logged out: the same browser throughout
    QVERIFY(window.connectionStatusLabel()->text().contains(QStringLiteral("Reauth sandbox")));

    // On the wire: the revoked request, then exactly one replay of it (plus the app's own check), and two
    // sign-ins: the refused one and the one with the new secret.
    const int signIns = countRequests(QStringLiteral("POST"), QStringLiteral("/token/authenticate"));
    const int listings = countRequests(QStringLiteral("GET"), QStringLiteral("/2/0/workspaces"));
    QCOMPARE(signIns, 2);
    QVERIFY2(listings >= 2 && listings <= 3, qPrintable(QString::number(listings)));
    bool sawRejected = false;
    for (const QList<QVariant> &change : std::as_const(states))
        sawRejected = sawRejected || change.at(0).value<ConnectionState>() == ConnectionState::CredentialsRejected;
    QVERIFY(sawRejected);
    std::printf("FIGURE: ui_reauth_prompts=%d sign_ins=%d workspace_listings=%d held_while_asked=%d replayed=1\n",
                int(prompts.requests().size()), signIns, listings, heldWhileAsked);
    window.close();
}

void TestShellReauth::rememberedOnlyWhenTheUserSaysSo()
{
    for (const bool remember : {false, true}) {
        ShellKit kit;
        ScriptedSecretPrompts prompts;
        auto services = kit.services();
        services.prompts = &prompts;
        MainWindow window(services);
        window.show();
        ConnectionProfile profile;
        QVERIFY(connectSaved(kit, window, &profile));
        QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/faults")).status, 204);
        addFaults(1);
        QSignalSpy keychainChanges(&kit.keychain, &CredentialStore::storedKindsChanged);
        const int keychainOps = kit.keychain.operationCount();
        prompts.answerNext(passwordAnswer(SandboxProcess::demoPassword(), remember));
        auto work = startWork(window.session()->connection());
        QTRY_VERIFY_WITH_TIMEOUT(work->finished, kTimeoutMs);
        QVERIFY2(work->ok, qPrintable(work->error.toString()));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Connected, kTimeoutMs);
        QTest::qWait(50); // a keychain write would be delivered from the event loop by now
        if (remember) {
            QTRY_COMPARE(keychainChanges.size(), 1);
            QCOMPARE(kit.keychain.operationCount(), keychainOps + 1);
        } else {
            QCOMPARE(keychainChanges.size(), 0);
            QCOMPARE(kit.keychain.operationCount(), keychainOps); // not even attempted
        }
        std::printf("FIGURE: ui_reauth_remember=%d keychain_writes=%d\n", int(remember),
                    kit.keychain.operationCount() - keychainOps);
        window.close();
    }
}

void TestShellReauth::refusedAgainFailsTheWorkOnceWithoutAskingAgain()
{
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    window.show();
    ConnectionProfile profile;
    QVERIFY(connectSaved(kit, window, &profile));
    QWidget *browser = window.browserWidget();
    addFaults(5); // the typed secret is refused as well
    QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
    prompts.answerNext(passwordAnswer(QStringLiteral("Still-Wrong-1"), true));

    auto work = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(work->finished, kTimeoutMs);
    QVERIFY(!work->ok);
    QCOMPARE(work->error.category, ErrorCategory::Auth);
    QTest::qWait(500); // room for a loop to show itself
    QCOMPARE(prompts.requests().size(), 1);
    QCOMPARE(prompts.unanswered(), 0);
    QCOMPARE(window.session()->state(), ConnectionState::CredentialsRejected);
    QVERIFY(window.session()->connection()); // not logged out
    QCOMPARE(window.browserWidget(), browser);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionSignInAgain"))->isEnabled());
    const int signIns = countRequests(QStringLiteral("POST"), QStringLiteral("/token/authenticate"));
    QCOMPARE(signIns, 2); // the refused one and the one with the typed secret: no loop
    // The refused secret was not saved, although "remember" was ticked: the keychain keeps the old one.
    QByteArray kept;
    bool read = false;
    kit.keychain.readSecret(profile.id, SecretKind::Password, nullptr,
                            [&](const CredentialOutcome &outcome, const SecretBytes &secret) {
                                read = outcome.isOk();
                                kept = secret.bytes();
                            });
    QTRY_VERIFY(read);
    QCOMPARE(kept, SandboxProcess::demoPassword().toUtf8());
    // Later work fails at once (no prompt, no sign-in) until the user signs in again.
    auto later = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(later->finished, kTimeoutMs);
    QCOMPARE(later->error.category, ErrorCategory::Auth);
    QCOMPARE(countRequests(QStringLiteral("POST"), QStringLiteral("/token/authenticate")), 2);
    QCOMPARE(prompts.requests().size(), 1);
    std::printf("FIGURE: ui_reauth_refused_again_prompts=%d sign_ins=%d\n", int(prompts.requests().size()), signIns);
    window.close();
}

void TestShellReauth::cancelKeepsTheSessionAndSignInAgainRecovers()
{
    ShellKit kit;
    ScriptedSecretPrompts prompts;
    auto services = kit.services();
    services.prompts = &prompts;
    MainWindow window(services);
    window.show();
    ConnectionProfile profile;
    QVERIFY(connectSaved(kit, window, &profile));
    QWidget *browser = window.browserWidget();
    addFaults(1);
    prompts.answerNext(std::nullopt); // the user cancels

    auto work = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(work->finished, kTimeoutMs);
    QCOMPARE(work->error.category, ErrorCategory::Auth);
    QCOMPARE(window.session()->state(), ConnectionState::CredentialsRejected);
    QVERIFY(window.session()->connection());
    QCOMPARE(window.browserWidget(), browser);
    QCOMPARE(window.centralStack()->currentWidget(), browser);
    QVERIFY(!window.session()->detail().isEmpty());

    // File ▸ Sign In Again: asked once more, and the session is back.
    prompts.answerNext(passwordAnswer(SandboxProcess::demoPassword(), false));
    window.findChild<QAction *>(QStringLiteral("actionSignInAgain"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ConnectionState::Connected, kTimeoutMs);
    QCOMPARE(prompts.count(SecretPurpose::Reauthentication), 2);
    auto after = startWork(window.session()->connection());
    QTRY_VERIFY_WITH_TIMEOUT(after->finished, kTimeoutMs);
    QVERIFY2(after->ok, qPrintable(after->error.toString()));
    std::printf("FIGURE: ui_reauth_cancel_kept_session=1 prompts=%d\n", int(prompts.requests().size()));
    window.close();
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestShellReauth test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ShellReauth.moc"
