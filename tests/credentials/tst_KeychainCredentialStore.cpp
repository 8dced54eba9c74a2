// The REAL keychain: KeychainCredentialStore against a Secret Service (gnome-keyring) on a private D-Bus
// session, started by scripts/with-keyring.sh (see CMakeLists.txt). Every write is also checked from
// outside QtKeychain, over D-Bus, so a secret that went anywhere but the keychain cannot pass.
// Exit code 77 (CTest SKIP) when no working keychain answers — unless ANADESK_REQUIRE_KEYCHAIN=1.
#include "CredentialTestKit.h"
#include "SecretServiceProbe.h"
#include "credentials/CredentialIndex.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SettingsFile.h"
#include "profiles/ProfileStore.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <qt6keychain/keychain.h>

using namespace anadesk;
using namespace credtest;

namespace {

bool g_keychainMissing = false;

bool keychainRequired()
{
    return qEnvironmentVariable("ANADESK_REQUIRE_KEYCHAIN") == QLatin1String("1");
}

// Writes an entry behind the store's back (no index entry), as an older version or a crash might leave.
bool writeRaw(const QString &key, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(QStringLiteral("Anadesk"));
    job->setKey(key);
    job->setBinaryData(data);
    bool done = false;
    bool ok = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&](QKeychain::Job *j) {
        done = true;
        ok = j->error() == QKeychain::NoError;
    });
    job->start();
    return QTest::qWaitFor([&] { return done; }, kDeadlineMs) && ok;
}

} // namespace

class TestKeychainCredentialStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadRemoveRoundTrip();
    void bytesRoundTripExactly();
    void removeProfileRemovesEveryKind();
    void removeProfileWorksWithAStaleIndex();
    void twoProfilesSameUserDoNotCollide();
    void wholeProfileFlowLeavesNoSecretOutsideTheKeychain();
    void lockedKeychainIsReportedAsLocked(); // last: it leaves the throwaway keyring locked

private:
    KeychainOptions options() const;
    QString newId() const { return ConnectionProfile::newId(); }

    QTemporaryDir m_dir;
    QList<QByteArray> m_planted; // every secret this test wrote, for the final leak scan
};

KeychainOptions TestKeychainCredentialStore::options() const
{
    KeychainOptions o;
    o.timeoutMs = 20'000;
    o.startupRetryDelayMs = 0;
    o.plainTextFile =
        m_dir.filePath(QStringLiteral("config/Anadesk/plaintext-secrets.json")); // must never appear
    return o;
}

void TestKeychainCredentialStore::initTestCase()
{
    LogCapture::install();
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));

    // Probe: does a keychain answer at all? Only then do the tests below mean anything.
    KeychainCredentialStore store(options());
    const QString id = newId();
    const Answer probe = writeNow(store, id, SecretKind::Password, "probe");
    if (!probe.outcome.isOk()) {
        const QString why = QStringLiteral("no working keychain (%1): %2")
                                .arg(credentialStatusName(probe.outcome.status), probe.outcome.toString());
        if (keychainRequired())
            QFAIL(qPrintable(why + QStringLiteral(" — ANADESK_REQUIRE_KEYCHAIN=1")));
        g_keychainMissing = true;
        QSKIP(qPrintable(why));
    }
    QVERIFY(removeProfileNow(store, id).outcome.isOk());
}

void TestKeychainCredentialStore::writeReadRemoveRoundTrip()
{
    KeychainCredentialStore store(options());
    const QString id = newId();
    const QString key = store.keychainKey(id, QStringLiteral("password"));
    QCOMPARE(key, QStringLiteral("Anadesk/%1/password").arg(id));
    const QByteArray secret = plantedSecret();
    m_planted << secret;

    QElapsedTimer clock;
    clock.start();
    const Answer written = writeNow(store, id, SecretKind::Password, secret);
    QVERIFY2(written.outcome.isOk(), qPrintable(written.outcome.toString()));
    QVERIFY(!written.calledInsideCall);
    QCOMPARE(secretServiceItemCount(key), 1); // really in the Secret Service
    QCOMPARE(store.storedKinds(id), QList<SecretKind>{SecretKind::Password});

    const Answer read = readNow(store, id, SecretKind::Password);
    QVERIFY2(read.outcome.isOk(), qPrintable(read.outcome.toString()));
    QVERIFY(read.secret.bytes() == secret);

    const Answer removed = removeNow(store, id, SecretKind::Password);
    QVERIFY2(removed.outcome.isOk(), qPrintable(removed.outcome.toString()));
    QCOMPARE(secretServiceItemCount(key), 0);
    QVERIFY(store.storedKinds(id).isEmpty());

    const Answer gone = readNow(store, id, SecretKind::Password);
    QCOMPARE(gone.outcome.status, CredentialStatus::NotFound);
    QVERIFY(gone.secret.isEmpty());
    QVERIFY(removeNow(store, id, SecretKind::Password).outcome.isOk()); // deleting nothing is fine
    figure(QStringLiteral("T-KEY-01 write_read_remove_read_ms=%1 items_after_write=1 items_after_remove=0 "
                          "read_after_remove=%2")
               .arg(clock.elapsed())
               .arg(credentialStatusName(gone.outcome.status)));
}

void TestKeychainCredentialStore::bytesRoundTripExactly()
{
    KeychainCredentialStore store(options());
    const QString id = newId();
    QByteArray binary = plantedSecret();
    binary += QByteArray("\0\x01\xff\xfe\n\r\"'\\", 9); // NUL and invalid UTF-8 survive too
    m_planted << binary;
    const QByteArray longest = randomMarker(CredentialStore::kMaxSecretBytes);
    m_planted << longest;
    QVERIFY(writeNow(store, id, SecretKind::KeyPassphrase, binary).outcome.isOk());
    QVERIFY(writeNow(store, id, SecretKind::RefreshToken, longest).outcome.isOk());
    QVERIFY(readNow(store, id, SecretKind::KeyPassphrase).secret.bytes() == binary);
    QVERIFY(readNow(store, id, SecretKind::RefreshToken).secret.bytes() == longest);
    QVERIFY(removeProfileNow(store, id).outcome.isOk());
    figure(QStringLiteral("keychain-bytes binary_bytes=%1 longest_bytes=%2 exact=2")
               .arg(binary.size())
               .arg(longest.size()));
}

void TestKeychainCredentialStore::removeProfileRemovesEveryKind()
{
    KeychainCredentialStore store(options());
    const QString id = newId();
    const QString other = newId();
    for (SecretKind kind : allSecretKinds()) {
        const QByteArray secret = plantedSecret();
        m_planted << secret;
        QVERIFY(writeNow(store, id, kind, secret).outcome.isOk());
    }
    QVERIFY(writeNow(store, other, SecretKind::Password, "other-profile").outcome.isOk());
    // A kind from a newer version: known only through the index, deleted all the same.
    const QString futureKey = store.keychainKey(id, QStringLiteral("future-kind"));
    QVERIFY(writeRaw(futureKey, plantedSecret()));
    QVERIFY(CredentialIndex().add(id, QStringLiteral("future-kind")));
    QCOMPARE(store.storedKinds(id).size(), allSecretKinds().size()); // unknown names are not listed as kinds

    int itemsBefore = 0;
    for (SecretKind kind : allSecretKinds())
        itemsBefore += secretServiceItemCount(store.keychainKey(id, secretKindName(kind)));
    itemsBefore += secretServiceItemCount(futureKey);
    QCOMPARE(itemsBefore, allSecretKinds().size() + 1);

    const Answer removed = removeProfileNow(store, id);
    QVERIFY2(removed.outcome.isOk(), qPrintable(removed.outcome.toString()));
    int itemsAfter = 0;
    for (SecretKind kind : allSecretKinds()) {
        itemsAfter += secretServiceItemCount(store.keychainKey(id, secretKindName(kind)));
        QCOMPARE(readNow(store, id, kind).outcome.status, CredentialStatus::NotFound);
    }
    itemsAfter += secretServiceItemCount(futureKey);
    QCOMPARE(itemsAfter, 0);
    QVERIFY(CredentialIndex().kindNames(id).isEmpty());
    QVERIFY(!store.profilesWithSecrets().contains(id));
    // The other profile is untouched.
    QVERIFY(readNow(store, other, SecretKind::Password).outcome.isOk());
    QVERIFY(removeProfileNow(store, other).outcome.isOk());
    figure(QStringLiteral("keychain-removeProfile entries_before=%1 entries_left=%2")
               .arg(itemsBefore)
               .arg(itemsAfter));
}

void TestKeychainCredentialStore::removeProfileWorksWithAStaleIndex()
{
    KeychainCredentialStore store(options());
    const QString id = newId();
    const QString key = store.keychainKey(id, QStringLiteral("token"));
    QVERIFY(writeRaw(key, plantedSecret())); // in the keychain, not in the index
    QVERIFY(store.storedKinds(id).isEmpty());
    QCOMPARE(secretServiceItemCount(key), 1);
    QVERIFY(removeProfileNow(store, id).outcome.isOk());
    QCOMPARE(secretServiceItemCount(key), 0);
}

void TestKeychainCredentialStore::twoProfilesSameUserDoNotCollide()
{
    KeychainCredentialStore store(options());
    const QString a = newId();
    const QString b = newId();
    const QByteArray secretA = plantedSecret();
    const QByteArray secretB = plantedSecret();
    m_planted << secretA << secretB;
    QVERIFY(writeNow(store, a, SecretKind::Password, secretA).outcome.isOk());
    QVERIFY(writeNow(store, b, SecretKind::Password, secretB).outcome.isOk());
    int collisions = 0;
    collisions += readNow(store, a, SecretKind::Password).secret.bytes() == secretA ? 0 : 1;
    collisions += readNow(store, b, SecretKind::Password).secret.bytes() == secretB ? 0 : 1;
    QCOMPARE(collisions, 0);
    QVERIFY(removeProfileNow(store, a).outcome.isOk());
    QVERIFY(readNow(store, b, SecretKind::Password).secret.bytes() == secretB);
    QVERIFY(removeProfileNow(store, b).outcome.isOk());
    figure(QStringLiteral("T-KEY-05 profiles=2 same_user=1 collisions=%1").arg(collisions));
}

void TestKeychainCredentialStore::wholeProfileFlowLeavesNoSecretOutsideTheKeychain()
{
    KeychainCredentialStore credentials(options());
    ProfileStore profiles(&credentials);
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Keychain flow"));
    profile.userEmail = QStringLiteral("flow@example.com");
    profile.proxy = ProxySettings{ProxySettings::Mode::Manual, QStringLiteral("proxy.example.com"), 3128,
                                  QStringLiteral("proxyuser")};
    QVERIFY(profiles.save(profile).isEmpty());
    QList<QByteArray> secrets;
    for (SecretKind kind : allSecretKinds()) {
        secrets << plantedSecret();
        QVERIFY(writeNow(credentials, profile.id, kind, secrets.last()).outcome.isOk());
        QVERIFY(readNow(credentials, profile.id, kind).secret.bytes() == secrets.last());
    }
    m_planted << secrets;
    const CredentialOutcome removed =
        doneNow([&](CredentialStore::Done done) { profiles.remove(profile.id, nullptr, done); }).outcome;
    QVERIFY2(removed.isOk(), qPrintable(removed.toString()));
    QVERIFY(!profiles.profile(profile.id));

    QVERIFY2(!QFileInfo::exists(credentials.plainTextFilePath()), "no plain-text file without the opt-in");
    const LeakScan scan = scanForSecrets(m_dir.path(), LogCapture::lines(), m_planted);
    QVERIFY2(scan.hits.isEmpty(), qPrintable(scan.hits.join(QStringLiteral("; "))));
    QVERIFY(scan.filesScanned >= 1);   // the settings file was written and scanned
    QVERIFY(scan.logLinesScanned > 0); // debug logging of the store was on and captured
    figure(QStringLiteral(
               "T-SEC-01(keychain) secrets_planted=%1 files_scanned=%2 log_lines_scanned=%3 markers_found=%4")
               .arg(m_planted.size())
               .arg(scan.filesScanned)
               .arg(scan.logLinesScanned)
               .arg(scan.hits.size()));
}

void TestKeychainCredentialStore::lockedKeychainIsReportedAsLocked()
{
    KeychainOptions lockedOptions = options();
    lockedOptions.timeoutMs = 10'000; // a locked keychain may wait on an unlock prompt that never comes
    KeychainCredentialStore credentials(lockedOptions);
    ProfileStore profiles(&credentials);
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Locked keychain"));
    profile.userEmail = QStringLiteral("locked@example.com");
    QVERIFY(profiles.save(profile).isEmpty());
    const QByteArray secret = plantedSecret();
    m_planted << secret;
    QVERIFY(writeNow(credentials, profile.id, SecretKind::Password, secret).outcome.isOk());
    const QString key = credentials.keychainKey(profile.id, QStringLiteral("password"));

    QString error;
    QVERIFY2(lockDefaultCollection(&error), qPrintable(error));

    const Answer read = readNow(credentials, profile.id, SecretKind::Password);
    QVERIFY(read.called);
    QVERIFY2(read.outcome.status == CredentialStatus::KeychainLocked ||
                 read.outcome.status == CredentialStatus::AccessDenied,
             qPrintable(credentialStatusName(read.outcome.status) + QStringLiteral(": ") +
                        read.outcome.toString()));
    QVERIFY(read.outcome.isKeychainUnavailable());
    QVERIFY(read.secret.isEmpty());

    // Saving into a locked keychain must not claim success.
    const Answer write = writeNow(credentials, profile.id, SecretKind::Token, plantedSecret());
    QVERIFY2(write.outcome.isKeychainUnavailable(),
             qPrintable(credentialStatusName(write.outcome.status) + QStringLiteral(": ") +
                        write.outcome.toString()));
    QVERIFY(!credentials.storedKinds(profile.id).contains(SecretKind::Token));

    const CredentialOutcome removal =
        doneNow([&](CredentialStore::Done done) { profiles.remove(profile.id, nullptr, done); }).outcome;
    QVERIFY(removal.isKeychainUnavailable());
    QVERIFY2(profiles.profile(profile.id).has_value(),
             "a locked keychain must not cost the user the profile");
    QVERIFY(credentials.storedKinds(profile.id).contains(SecretKind::Password)); // the index still knows
    QCOMPARE(secretServiceItemCount(key), 1); // and the secret is still there
    figure(QStringLiteral("T-KEY-03 read_status=%1 write_status=%2 remove_status=%3 accounts_deleted=0 "
                          "secrets_deleted=0")
               .arg(credentialStatusName(read.outcome.status), credentialStatusName(write.outcome.status),
                    credentialStatusName(removal.status)));
}

int main(int argc, char **argv)
{
    // The store's debug lines are part of what the leak scan checks: switch them on.
    qputenv("QT_LOGGING_RULES", "anadesk.*.debug=true");
    QCoreApplication app(argc, argv);
    TestKeychainCredentialStore test;
    const int failures = QTest::qExec(&test, argc, argv);
    if (failures == 0 && g_keychainMissing) {
        std::fprintf(stderr, "SKIP: no working keychain; see the message above (exit 77 = CTest SKIP)\n");
        return 77;
    }
    return failures;
}

#include "tst_KeychainCredentialStore.moc"
