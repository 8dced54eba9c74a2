// A computer without any keychain (T-KEY-02): every operation says NoBackend — never "not found", never
// a silent plain-text write — unless the user opted in to the plain-text fallback, which then writes
// only to its documented owner-only file. Also the one delayed retry of the first read at start-up.
#include "CredentialTestKit.h"
#include "NoKeychainEnvironment.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/PlainTextSecretFile.h"
#include "credentials/SettingsFile.h"
#include "profiles/ProfileStore.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace anadesk;
using namespace credtest;

class TestNoKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyOperationSaysNoBackend();
    void profilesCanStillBeManaged();
    void plainTextFallbackOnlyWhenOptedIn();
    void perProfileOptInUsesTheDataDirFileAndOptOutDeletesIt();
    void firstReadIsRetriedOnceAtStartup();
    void keychainThatNeverAnswersIsReportedInTime(); // last: leaves a D-Bus connection attempt hanging

private:
    KeychainOptions options() const;

    QTemporaryDir m_dir;
};

KeychainOptions TestNoKeychain::options() const
{
    KeychainOptions o;
    o.timeoutMs = 20'000;
    o.startupRetryDelayMs = 0;
    o.plainTextFile = m_dir.filePath(QStringLiteral("config/Anadesk/plaintext-secrets.json"));
    return o;
}

void TestNoKeychain::initTestCase()
{
    LogCapture::install();
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
}

void TestNoKeychain::everyOperationSaysNoBackend()
{
    KeychainCredentialStore store(options());
    const QString id = ConnectionProfile::newId();
    const QByteArray secret = plantedSecret();

    const Answer written = writeNow(store, id, SecretKind::Password, secret);
    QCOMPARE(written.outcome.status, CredentialStatus::NoBackend);
    QVERIFY(written.outcome.message.contains(QStringLiteral("no system keychain")));
    QVERIFY(!written.outcome.hint.isEmpty());
    QVERIFY(store.storedKinds(id).isEmpty()); // nothing was saved, so the index does not claim it

    const Answer read = readNow(store, id, SecretKind::Password);
    QCOMPARE(read.outcome.status, CredentialStatus::NoBackend); // not NotFound: the keychain did not answer
    QVERIFY(read.outcome.isKeychainUnavailable());
    QCOMPARE(removeNow(store, id, SecretKind::Password).outcome.status, CredentialStatus::NoBackend);
    QCOMPARE(removeProfileNow(store, id).outcome.status, CredentialStatus::NoBackend);

    QVERIFY2(!QFileInfo::exists(store.plainTextFilePath()), "no plain-text file without the opt-in");
    const LeakScan scan = scanForSecrets(m_dir.path(), LogCapture::lines(), {secret});
    QVERIFY2(scan.hits.isEmpty(), qPrintable(scan.hits.join(QStringLiteral("; "))));
    figure(QStringLiteral("T-KEY-02 write=%1 read=%2 plain_text_secrets_written=0 markers_found=%3")
               .arg(credentialStatusName(written.outcome.status), credentialStatusName(read.outcome.status))
               .arg(scan.hits.size()));
}

void TestNoKeychain::profilesCanStillBeManaged()
{
    KeychainCredentialStore credentials(options());
    ProfileStore profiles(&credentials);
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("No keychain here"));
    profile.userEmail = QStringLiteral("user@example.com");
    QVERIFY(profiles.save(profile).isEmpty());
    // Nothing was ever saved for it, so removing it must not be blocked by the missing keychain.
    const CredentialOutcome removed =
        doneNow([&](CredentialStore::Done done) { profiles.remove(profile.id, nullptr, done); }).outcome;
    QVERIFY2(removed.isOk(), qPrintable(removed.toString()));
    QVERIFY(!profiles.profile(profile.id));
}

void TestNoKeychain::plainTextFallbackOnlyWhenOptedIn()
{
    KeychainOptions opted = options();
    opted.allowPlainTextFallback = true;
    KeychainCredentialStore store(opted);
    QVERIFY(store.storageDescription().contains(store.plainTextFilePath()));
    const QString id = ConnectionProfile::newId();
    const QByteArray secret = plantedSecret();

    const Answer written = writeNow(store, id, SecretKind::ProxyPassword, secret);
    QVERIFY2(written.outcome.isOk(), qPrintable(written.outcome.toString()));
    QVERIFY(QFileInfo::exists(store.plainTextFilePath()));
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    QCOMPARE(QFileInfo(store.plainTextFilePath()).permissions() & others, QFileDevice::Permissions());
#endif
    QCOMPARE(store.storedKinds(id), QList<SecretKind>{SecretKind::ProxyPassword});
    bool warned = false;
    for (const QString &line : LogCapture::lines())
        warned = warned ||
                 (line.contains(QStringLiteral("UNENCRYPTED")) && line.contains(store.plainTextFilePath()));
    QVERIFY2(warned, "writing plain text must be logged as a warning naming the file");

    const Answer read = readNow(store, id, SecretKind::ProxyPassword);
    QVERIFY(read.outcome.isOk());
    QVERIFY(read.secret.bytes() == secret);
    QCOMPARE(readNow(store, id, SecretKind::Password).outcome.status, CredentialStatus::NotFound);

    QVERIFY(removeProfileNow(store, id).outcome.isOk());
    QVERIFY2(!QFileInfo::exists(store.plainTextFilePath()), "forgetting the last secret deletes the file");
    QVERIFY(store.storedKinds(id).isEmpty());
    figure(QStringLiteral("plain-text-opt-in written=1 owner_only=1 removed_with_profile=1"));
}

void TestNoKeychain::perProfileOptInUsesTheDataDirFileAndOptOutDeletesIt()
{
    // By default the file lives in the app's data folder, not next to the settings.
    QVERIFY2(PlainTextSecretFile::defaultFilePath().startsWith(
                 QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1Char('/')),
             qPrintable(PlainTextSecretFile::defaultFilePath()));
    KeychainOptions o = options();
    o.indexSettingsFile = m_dir.filePath(QStringLiteral("optin/Anadesk.ini"));
    o.plainTextFile = m_dir.filePath(QStringLiteral("optin-data/plaintext-secrets.json"));
    KeychainCredentialStore store(o);
    const QString opted = ConnectionProfile::newId();
    const QString other = ConnectionProfile::newId();
    const QByteArray secret = plantedSecret();
    const QByteArray otherSecret = plantedSecret();
    QString error;
    QVERIFY(!store.isPlainTextOptIn(opted));
    QVERIFY2(store.setPlainTextOptIn(opted, true, &error), qPrintable(error));
    QVERIFY(store.isPlainTextOptIn(opted));

    // Only the opted-in profile goes to the file; the other one hears "no keychain", as before.
    QVERIFY(writeNow(store, opted, SecretKind::Password, secret).outcome.isOk());
    QCOMPARE(writeNow(store, other, SecretKind::Password, otherSecret).outcome.status, CredentialStatus::NoBackend);
    QVERIFY(QFileInfo::exists(store.plainTextFilePath()));
#ifdef Q_OS_UNIX
    QCOMPARE(QFileInfo(store.plainTextFilePath()).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner); // exactly 0600
#endif
    QCOMPARE(store.plainTextKinds(opted), QStringList{QStringLiteral("password")});
    const Answer read = readNow(store, opted, SecretKind::Password);
    QVERIFY2(read.outcome.isOk(), qPrintable(read.outcome.toString()));
    QVERIFY(read.secret.bytes() == secret);
    QCOMPARE(readNow(store, other, SecretKind::Password).outcome.status, CredentialStatus::NoBackend);

    // The settings file holds the flag, never the secret (nor its base64).
    QFile settings(o.indexSettingsFile);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray ini = settings.readAll();
    QVERIFY(ini.contains("[plainTextSecrets]"));
    QVERIFY(ini.contains(opted.toLatin1()));
    QVERIFY(!ini.contains(secret) && !ini.contains(secret.toBase64()));
    settings.close();

    // Opting out deletes the profile's secrets from the file (the file with its last secret).
    QVERIFY2(store.setPlainTextOptIn(opted, false, &error), qPrintable(error));
    QVERIFY2(!QFileInfo::exists(store.plainTextFilePath()), "opting out must delete the plain-text secrets");
    QVERIFY(store.storedKinds(opted).isEmpty());
    QCOMPARE(readNow(store, opted, SecretKind::Password).outcome.status, CredentialStatus::NoBackend);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(opted.toLatin1()));
    figure(QStringLiteral("plain-text-per-profile opted_written=1 other_refused=1 mode=0600 opt_out_deleted=1"));
}

void TestNoKeychain::firstReadIsRetriedOnceAtStartup()
{
    KeychainOptions startup = options();
    startup.startupRetryDelayMs = 50;
    KeychainCredentialStore store(startup);
    const auto retries = [] {
        int count = 0;
        for (const QString &line : LogCapture::lines())
            count += line.contains(QStringLiteral("retrying once")) ? 1 : 0;
        return count;
    };
    const int before = retries();
    const QString id = ConnectionProfile::newId();
    QCOMPARE(readNow(store, id, SecretKind::Password).outcome.status, CredentialStatus::NoBackend);
    QCOMPARE(retries() - before, 1);
    QCOMPARE(readNow(store, id, SecretKind::Password).outcome.status, CredentialStatus::NoBackend);
    QCOMPARE(retries() - before, 1); // only the first read of a store is retried
    figure(QStringLiteral("startup-retry first_read_retries=1 later_read_retries=0"));
}

void TestNoKeychain::keychainThatNeverAnswersIsReportedInTime()
{
    // A "session bus" that accepts the connection and then never says a word: the keychain job hangs,
    // as it does while a keychain waits on an unlock prompt nobody answers.
    QLocalServer silent;
    const QString socket = m_dir.filePath(QStringLiteral("silent-bus"));
    QVERIFY2(silent.listen(socket), qPrintable(silent.errorString()));
    qputenv("DBUS_SESSION_BUS_ADDRESS", QByteArray("unix:path=") + QFile::encodeName(socket));

    KeychainOptions hanging = options();
    hanging.timeoutMs = 1'500;
    KeychainCredentialStore store(hanging);
    const QString id = ConnectionProfile::newId();
    const Answer read = readNow(store, id, SecretKind::Password);
    QVERIFY(read.called);
    QCOMPARE(read.outcome.status, CredentialStatus::KeychainLocked); // never NotFound
    QVERIFY2(read.outcome.detail.contains(QStringLiteral("no answer")), qPrintable(read.outcome.toString()));
    const Answer write = writeNow(store, id, SecretKind::Password, plantedSecret());
    QCOMPARE(write.outcome.status, CredentialStatus::KeychainLocked);
    QVERIFY(store.storedKinds(id).isEmpty());
    figure(QStringLiteral("keychain-timeout timeout_ms=%1 read=%2 write=%3")
               .arg(hanging.timeoutMs)
               .arg(credentialStatusName(read.outcome.status), credentialStatusName(write.outcome.status)));
}

int main(int argc, char **argv)
{
    simulateComputerWithoutKeychain();
    QCoreApplication app(argc, argv);
    TestNoKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_NoKeychain.moc"
