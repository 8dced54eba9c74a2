// Connection profiles in QSettings: round trip of every field, validation messages, lookup for the
// CLI, and removal through the credential store (secrets first; a locked keychain keeps the profile).
// Settings go to a temporary directory (QStandardPaths test mode + QSettings::setPath).
#include "CredentialTestKit.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/SettingsFile.h"
#include "profiles/ProfileStore.h"

#include <QNetworkProxy>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace anadesk;
using namespace credtest;

namespace {

ConnectionProfile basicProfile(const QString &name)
{
    ConnectionProfile profile = ConnectionProfile::create(name);
    profile.region = QStringLiteral("eu1");
    profile.userEmail = QStringLiteral("admin@example.com");
    return profile;
}

CredentialOutcome
removeProfile(ProfileStore &store, const QString &id,
              ProfileStore::RemovalPolicy policy = ProfileStore::RemovalPolicy::KeepProfileIfSecretsRemain)
{
    return doneNow([&](CredentialStore::Done done) { store.remove(id, nullptr, done, policy); }).outcome;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void settingsGoToTheTemporaryDirectory();
    void everyFieldRoundTrips();
    void validationNamesTheFieldAndWhatToDo();
    void duplicateNamesAreRefused();
    void findByIdOrName();
    void endpointsAndClientOptions();
    void tolerantReadingOfDamagedSettings();
    void removeDeletesSecretsThenProfile();
    void lockedKeychainKeepsTheProfile();
    void removeAnywayLeavesOrphansThatAreCleanedLater();
    void removingAnUnknownProfileIsNotFound();

private:
    QTemporaryDir m_dir;
};

void TestProfileStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestProfileStore::init()
{
    openAnadeskSettings()->clear();
}

void TestProfileStore::settingsGoToTheTemporaryDirectory()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    QVERIFY2(store.settingsFilePath().startsWith(m_dir.path()), qPrintable(store.settingsFilePath()));
    QVERIFY(store.settingsFilePath().endsWith(QStringLiteral("Anadesk/Anadesk.ini")));
}

void TestProfileStore::everyFieldRoundTrips()
{
    MemoryCredentialStore credentials;
    QList<ConnectionProfile> saved;
    {
        ProfileStore store(&credentials);
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);

        ConnectionProfile region = basicProfile(QStringLiteral("Prod EU"));
        region.defaultWorkspaceId = QStringLiteral("8a81b09d599f3c6e0159f605560c2630");
        region.defaultModelId = QStringLiteral("FC12E4F6E3F94C0F9E1A2B3C4D5E6F70");
        region.proxy.mode = ProxySettings::Mode::Manual;
        region.proxy.host = QStringLiteral("proxy.example.com");
        region.proxy.port = 3128;
        region.proxy.user = QStringLiteral("proxyuser");
        region.rememberSecrets = false;

        ConnectionProfile sandbox = ConnectionProfile::create(QStringLiteral("Sandbox (loopback)"));
        sandbox.endpointMode = EndpointMode::SingleOrigin;
        sandbox.singleOrigin = QUrl(QStringLiteral("http://127.0.0.1:47123"));
        sandbox.authMethod = AuthMethod::Token;
        sandbox.proxy.mode = ProxySettings::Mode::None;

        ConnectionProfile custom = ConnectionProfile::create(QStringLiteral("Custom hosts, ünïcode ✓"));
        custom.endpointMode = EndpointMode::Custom;
        custom.customEndpoints = Endpoints{QUrl(QStringLiteral("https://auth.example.com")),
                                           QUrl(QStringLiteral("https://api.example.com")),
                                           QUrl(QStringLiteral("https://audit.example.com")),
                                           QUrl(QStringLiteral("https://api.example.com/cloudworks"))};
        custom.authMethod = AuthMethod::Certificate;
        custom.userEmail = QStringLiteral("svc@example.com");
        custom.certificatePath = QStringLiteral("/home/u/certs/anaplan cert.pem");
        custom.privateKeyPath = QStringLiteral("/home/u/certs/key=1;[x].pem");

        for (const ConnectionProfile &profile : {region, sandbox, custom}) {
            const QStringList problems = store.save(profile);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            saved << profile;
        }
        QCOMPARE(changed.count(), 3);
    }
    // A new store (as after a restart) reads the same profiles back, sorted by name.
    ProfileStore reopened(&credentials);
    const QList<ConnectionProfile> loaded = reopened.profiles();
    QCOMPARE(loaded.size(), 3);
    int equal = 0;
    for (const ConnectionProfile &original : saved) {
        const auto back = reopened.profile(original.id);
        QVERIFY(back.has_value());
        QVERIFY2(*back == original, qPrintable(original.name));
        equal += *back == original ? 1 : 0;
    }
    QCOMPARE(loaded.at(0).name, QStringLiteral("Custom hosts, ünïcode ✓"));
    QCOMPARE(loaded.at(1).name, QStringLiteral("Prod EU"));
    figure(QStringLiteral("profile-round-trip profiles=3 equal_after_reload=%1").arg(equal));
}

void TestProfileStore::validationNamesTheFieldAndWhatToDo()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    struct Case
    {
        const char *what;
        std::function<void(ConnectionProfile &)> spoil;
        const char *expected; // part of the message
    };
    const QList<Case> cases = {
        {"empty name", [](ConnectionProfile &p) { p.name = QStringLiteral("  "); }, "name is empty"},
        {"bad id", [](ConnectionProfile &p) { p.id = QStringLiteral("../etc"); }, "profile id"},
        {"unknown region", [](ConnectionProfile &p) { p.region = QStringLiteral("mars1"); },
         "region 'mars1' is unknown"},
        {"http to a remote host",
         [](ConnectionProfile &p) {
             p.endpointMode = EndpointMode::SingleOrigin;
             p.singleOrigin = QUrl(QStringLiteral("http://api.example.com"));
         },
         "only https"},
        {"user info in URL",
         [](ConnectionProfile &p) {
             p.endpointMode = EndpointMode::SingleOrigin;
             p.singleOrigin = QUrl(QStringLiteral("https://user:pw@api.example.com"));
         },
         "must not contain a user name"},
        {"custom with a missing URL",
         [](ConnectionProfile &p) {
             p.endpointMode = EndpointMode::Custom;
             p.customEndpoints =
                 Endpoints{QUrl(QStringLiteral("https://a.example.com")), QUrl(), QUrl(), QUrl()};
         },
         "API URL is empty"},
        {"basic without user", [](ConnectionProfile &p) { p.userEmail.clear(); }, "e-mail address"},
        {"certificate without files", [](ConnectionProfile &p) { p.authMethod = AuthMethod::Certificate; },
         "certificate file"},
        {"manual proxy without port",
         [](ConnectionProfile &p) {
             p.proxy.mode = ProxySettings::Mode::Manual;
             p.proxy.host = QStringLiteral("proxy");
         },
         "port between 1 and 65535"},
        {"workspace id with a space",
         [](ConnectionProfile &p) { p.defaultWorkspaceId = QStringLiteral("a b"); }, "workspace id"},
    };
    for (const Case &c : cases) {
        ConnectionProfile profile = basicProfile(QStringLiteral("Valid"));
        QVERIFY(profile.validate().isEmpty());
        c.spoil(profile);
        const QStringList problems = store.save(profile);
        QVERIFY2(!problems.isEmpty(), c.what);
        QVERIFY2(
            problems.join(QLatin1Char(' ')).contains(QLatin1String(c.expected)),
            qPrintable(QLatin1String(c.what) + QStringLiteral(": ") + problems.join(QStringLiteral(" | "))));
    }
    QVERIFY(store.profiles().isEmpty());
    figure(QStringLiteral("profile-validation bad_inputs=%1 accepted=0").arg(cases.size()));
}

void TestProfileStore::duplicateNamesAreRefused()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    ConnectionProfile first = basicProfile(QStringLiteral("Prod"));
    QVERIFY(store.save(first).isEmpty());
    const QStringList problems = store.save(basicProfile(QStringLiteral("  PROD ")));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("already called")));
    first.userEmail = QStringLiteral("other@example.com"); // saving the same profile again is an update
    QVERIFY(store.save(first).isEmpty());
    QCOMPARE(store.profiles().size(), 1);
    QCOMPARE(store.profile(first.id)->userEmail, QStringLiteral("other@example.com"));
}

void TestProfileStore::findByIdOrName()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    QString error;
    QVERIFY(!store.find(QStringLiteral("prod"), &error));
    QVERIFY(error.contains(QStringLiteral("no profiles are saved")));
    const ConnectionProfile prod = basicProfile(QStringLiteral("Prod"));
    const ConnectionProfile test = basicProfile(QStringLiteral("Test"));
    QVERIFY(store.save(prod).isEmpty());
    QVERIFY(store.save(test).isEmpty());
    QCOMPARE(store.find(QStringLiteral(" prod "), &error)->id, prod.id);
    QCOMPARE(store.find(test.id, &error)->name, QStringLiteral("Test"));
    QVERIFY(!store.find(QStringLiteral("staging"), &error));
    QVERIFY2(error.contains(QStringLiteral("Prod, Test")), qPrintable(error));
}

void TestProfileStore::endpointsAndClientOptions()
{
    ConnectionProfile profile = basicProfile(QStringLiteral("P"));
    QCOMPARE(profile.endpoints().api, QUrl(QStringLiteral("https://api.anaplan.com")));
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = QUrl(QStringLiteral("http://localhost:8080/"));
    QVERIFY(profile.validate().isEmpty());
    QCOMPARE(profile.endpoints().auth, QUrl(QStringLiteral("http://localhost:8080")));

    QCOMPARE(profile.secretKinds(), QList<SecretKind>{SecretKind::Password});
    profile.proxy = ProxySettings{ProxySettings::Mode::Manual, QStringLiteral("proxy.example.com"), 8080,
                                  QStringLiteral("pu")};
    QCOMPARE(profile.secretKinds(), (QList<SecretKind>{SecretKind::Password, SecretKind::ProxyPassword}));
    profile.defaultWorkspaceId = QStringLiteral("ws1");
    ClientOptions options;
    const QByteArray proxyPassword = randomSecret();
    profile.applyTo(options, SecretBytes(proxyPassword));
    QCOMPARE(options.workspaceId, QStringLiteral("ws1"));
    QVERIFY(options.proxy.has_value());
    QCOMPARE(options.proxy->hostName(), QStringLiteral("proxy.example.com"));
    QCOMPARE(options.proxy->port(), quint16(8080));
    QVERIFY(options.proxy->password().toUtf8() == proxyPassword);
    profile.proxy.mode = ProxySettings::Mode::None;
    profile.applyTo(options);
    QCOMPARE(options.proxy->type(), QNetworkProxy::NoProxy);
    profile.proxy.mode = ProxySettings::Mode::System;
    profile.applyTo(options);
    QVERIFY(!options.proxy.has_value());
    profile.authMethod = AuthMethod::Certificate;
    QVERIFY(profile.secretKinds().contains(SecretKind::KeyPassphrase));
}

void TestProfileStore::tolerantReadingOfDamagedSettings()
{
    {
        const auto settings = openAnadeskSettings();
        settings->beginGroup(QStringLiteral("profiles/damaged-1"));
        settings->setValue(QStringLiteral("name"), QStringLiteral("Damaged"));
        settings->setValue(QStringLiteral("endpoints/mode"), QStringLiteral("teleport"));
        settings->setValue(QStringLiteral("auth/method"), QStringLiteral("telepathy"));
        settings->setValue(QStringLiteral("proxy/mode"), QStringLiteral("manual"));
        settings->setValue(QStringLiteral("proxy/port"), QStringLiteral("99999"));
        settings->endGroup();
    }
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    const auto profile = store.profile(QStringLiteral("damaged-1"));
    QVERIFY(profile.has_value());
    QCOMPARE(profile->endpointMode, EndpointMode::Region);
    QCOMPARE(profile->authMethod, AuthMethod::Basic);
    QCOMPARE(profile->proxy.port, quint16(0));
    const QString problems = profile->validate().join(QLatin1Char(' '));
    QVERIFY(problems.contains(QStringLiteral("port")));
    QVERIFY(problems.contains(QStringLiteral("e-mail")));
}

void TestProfileStore::removeDeletesSecretsThenProfile()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    const ConnectionProfile gone = basicProfile(QStringLiteral("Gone"));
    const ConnectionProfile kept = basicProfile(QStringLiteral("Kept"));
    QVERIFY(store.save(gone).isEmpty());
    QVERIFY(store.save(kept).isEmpty());
    for (SecretKind kind : allSecretKinds())
        QVERIFY(writeNow(credentials, gone.id, kind, randomSecret()).outcome.isOk());
    QVERIFY(writeNow(credentials, kept.id, SecretKind::Password, randomSecret()).outcome.isOk());

    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    const CredentialOutcome outcome = removeProfile(store, gone.id);
    QVERIFY2(outcome.isOk(), qPrintable(outcome.toString()));
    QVERIFY(!store.profile(gone.id));
    QCOMPARE(changed.count(), 1);
    int left = 0;
    for (SecretKind kind : allSecretKinds())
        left += readNow(credentials, gone.id, kind).outcome.isOk() ? 1 : 0;
    QCOMPARE(left, 0);
    QVERIFY(readNow(credentials, kept.id, SecretKind::Password).outcome.isOk());
    QVERIFY(store.profile(kept.id));
    figure(QStringLiteral("profile-remove secrets_planted=%1 secrets_left=%2")
               .arg(allSecretKinds().size())
               .arg(left));
}

void TestProfileStore::lockedKeychainKeepsTheProfile()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    const ConnectionProfile profile = basicProfile(QStringLiteral("Locked Prod"));
    QVERIFY(store.save(profile).isEmpty());
    const QByteArray password = randomSecret();
    QVERIFY(writeNow(credentials, profile.id, SecretKind::Password, password).outcome.isOk());

    credentials.simulateUnavailable(CredentialStatus::KeychainLocked);
    const CredentialOutcome outcome = removeProfile(store, profile.id);
    QCOMPARE(outcome.status, CredentialStatus::KeychainLocked);
    QVERIFY2(outcome.message.contains(QStringLiteral("kept")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("Locked Prod")),
             "messages name the profile, not its id");
    QVERIFY(store.profile(profile.id).has_value());

    // A locked keychain on read is not "no password": the caller sees KeychainLocked.
    QCOMPARE(readNow(credentials, profile.id, SecretKind::Password).outcome.status,
             CredentialStatus::KeychainLocked);

    credentials.simulateUnavailable(std::nullopt);
    const Answer after = readNow(credentials, profile.id, SecretKind::Password);
    QVERIFY(after.outcome.isOk());
    QVERIFY(after.secret.bytes() == password);
    figure(QStringLiteral("T-KEY-03 accounts_deleted=0 secrets_lost=0"));
}

void TestProfileStore::removeAnywayLeavesOrphansThatAreCleanedLater()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    const ConnectionProfile profile = basicProfile(QStringLiteral("Forced"));
    QVERIFY(store.save(profile).isEmpty());
    QVERIFY(writeNow(credentials, profile.id, SecretKind::Password, randomSecret()).outcome.isOk());

    credentials.simulateUnavailable(CredentialStatus::NoBackend);
    const CredentialOutcome outcome =
        removeProfile(store, profile.id, ProfileStore::RemovalPolicy::RemoveAnyway);
    QCOMPARE(outcome.status, CredentialStatus::NoBackend);
    QVERIFY(outcome.message.contains(QStringLiteral("was removed")));
    QVERIFY(!store.profile(profile.id));
    QCOMPARE(credentials.profilesWithSecrets(), QStringList{profile.id});

    credentials.simulateUnavailable(std::nullopt);
    const Answer cleaned =
        doneNow([&](CredentialStore::Done done) { store.removeOrphanedSecrets(nullptr, done); });
    QVERIFY2(cleaned.outcome.isOk(), qPrintable(cleaned.outcome.toString()));
    QVERIFY(credentials.profilesWithSecrets().isEmpty());
}

void TestProfileStore::removingAnUnknownProfileIsNotFound()
{
    MemoryCredentialStore credentials;
    ProfileStore store(&credentials);
    const CredentialOutcome outcome = removeProfile(store, QStringLiteral("no-such-profile"));
    QCOMPARE(outcome.status, CredentialStatus::NotFound);
    QVERIFY(outcome.message.contains(QStringLiteral("no-such-profile")));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_ProfileStore.moc"
