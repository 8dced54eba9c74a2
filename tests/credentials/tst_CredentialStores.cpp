// Unit tests of core/credentials without a keychain: the in-memory store's contract (asynchronous,
// exactly-once delivery, statuses, index), outcome messages, the QtKeychain error mapping, the
// credential index and the opt-in plain-text file.
#include "CredentialTestKit.h"
#include "credentials/CredentialIndex.h"
#include "credentials/KeychainErrorMapping.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/PlainTextSecretFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>
#include <qt6keychain/keychain.h>

using namespace anadesk;
using namespace credtest;

class TestCredentialStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryRoundTripIsAsynchronousAndExact();
    void memoryNotFoundAndRemove();
    void memoryKindsAreIndependentAndProfilesIsolated();
    void memoryRemoveProfileRemovesEveryKind();
    void invalidRequestsAreRefused();
    void destroyedContextIsNeverCalled();
    void unavailableKeychainKeepsSecrets();
    void outcomesSayWhatToDo();
    void keychainErrorMapping();
    void secretKindNamesAreStable();
    void credentialIndexHoldsNamesOnly();
    void plainTextFileIsOwnerOnlyAndRoundTrips();
};

void TestCredentialStores::memoryRoundTripIsAsynchronousAndExact()
{
    MemoryCredentialStore store;
    const QString id = QStringLiteral("3f2c9e1a-0000-4000-8000-000000000001");
    const QByteArray secret = randomSecret();
    const Answer written = writeNow(store, id, SecretKind::Password, secret);
    QVERIFY(written.called);
    QVERIFY(!written.calledInsideCall);
    QVERIFY2(written.outcome.isOk(), qPrintable(written.outcome.toString()));

    const Answer read = readNow(store, id, SecretKind::Password);
    QVERIFY(read.called);
    QVERIFY(!read.calledInsideCall);
    QCOMPARE(read.calls, 1);
    QVERIFY2(read.outcome.isOk(), qPrintable(read.outcome.toString()));
    QVERIFY(read.secret.bytes() == secret); // QVERIFY: a failure must not print the secret
    QCOMPARE(store.storedKinds(id), QList<SecretKind>{SecretKind::Password});

    // Overwrite replaces.
    const QByteArray second = randomSecret();
    QVERIFY(writeNow(store, id, SecretKind::Password, second).outcome.isOk());
    QVERIFY(readNow(store, id, SecretKind::Password).secret.bytes() == second);
    figure(QStringLiteral("memory-store round_trips=2 bytes_per_secret=%1 delivered_inside_call=0")
               .arg(secret.size()));
}

void TestCredentialStores::memoryNotFoundAndRemove()
{
    MemoryCredentialStore store;
    const QString id = QStringLiteral("profile-a");
    const Answer missing = readNow(store, id, SecretKind::Token);
    QCOMPARE(missing.outcome.status, CredentialStatus::NotFound);
    QVERIFY(missing.outcome.isNotFound());
    QVERIFY(!missing.outcome.isKeychainUnavailable());
    QVERIFY(missing.secret.isEmpty());

    QVERIFY(writeNow(store, id, SecretKind::Token, randomSecret()).outcome.isOk());
    QVERIFY(removeNow(store, id, SecretKind::Token).outcome.isOk());
    QCOMPARE(readNow(store, id, SecretKind::Token).outcome.status, CredentialStatus::NotFound);
    // Removing what is not there is fine.
    QVERIFY(removeNow(store, id, SecretKind::Token).outcome.isOk());
    QVERIFY(store.storedKinds(id).isEmpty());
    QVERIFY(store.profilesWithSecrets().isEmpty());
}

void TestCredentialStores::memoryKindsAreIndependentAndProfilesIsolated()
{
    MemoryCredentialStore store;
    const QString a = QStringLiteral("tenant-one");
    const QString b = QStringLiteral("tenant-two");
    QHash<QString, QByteArray> planted;
    int collisions = 0;
    for (const QString &id : {a, b}) {
        for (SecretKind kind : allSecretKinds()) {
            const QByteArray secret = randomSecret();
            planted.insert(id + secretKindName(kind), secret);
            QVERIFY(writeNow(store, id, kind, secret).outcome.isOk());
        }
    }
    for (const QString &id : {a, b}) {
        for (SecretKind kind : allSecretKinds()) {
            const Answer read = readNow(store, id, kind);
            QVERIFY(read.outcome.isOk());
            if (read.secret.bytes() != planted.value(id + secretKindName(kind)))
                ++collisions;
        }
    }
    QCOMPARE(collisions, 0);
    figure(QStringLiteral("T-KEY-05(memory) profiles=2 kinds=%1 collisions=%2")
               .arg(allSecretKinds().size())
               .arg(collisions));
}

void TestCredentialStores::memoryRemoveProfileRemovesEveryKind()
{
    MemoryCredentialStore store;
    const QString id = QStringLiteral("gone");
    const QString other = QStringLiteral("stays");
    for (SecretKind kind : allSecretKinds())
        QVERIFY(writeNow(store, id, kind, randomSecret()).outcome.isOk());
    QVERIFY(writeNow(store, other, SecretKind::Password, randomSecret()).outcome.isOk());
    QCOMPARE(store.storedKinds(id).size(), allSecretKinds().size());

    QSignalSpy changed(&store, &CredentialStore::storedKindsChanged);
    QVERIFY(removeProfileNow(store, id).outcome.isOk());
    int left = 0;
    for (SecretKind kind : allSecretKinds())
        left += readNow(store, id, kind).outcome.isOk() ? 1 : 0;
    QCOMPARE(left, 0);
    QVERIFY(store.storedKinds(id).isEmpty());
    QCOMPARE(changed.count(), 1);
    QVERIFY(readNow(store, other, SecretKind::Password).outcome.isOk());
    QCOMPARE(store.profilesWithSecrets(), QStringList{other});
}

void TestCredentialStores::invalidRequestsAreRefused()
{
    MemoryCredentialStore store;
    const QString badIds[] = {QString(), QStringLiteral("a/b"), QStringLiteral("with space"),
                              QString(65, QLatin1Char('x'))};
    for (const QString &bad : badIds) {
        QCOMPARE(readNow(store, bad, SecretKind::Password).outcome.status, CredentialStatus::InvalidRequest);
        QCOMPARE(writeNow(store, bad, SecretKind::Password, "x").outcome.status,
                 CredentialStatus::InvalidRequest);
        QCOMPARE(removeProfileNow(store, bad).outcome.status, CredentialStatus::InvalidRequest);
    }
    const Answer empty = writeNow(store, QStringLiteral("ok-id"), SecretKind::Password, QByteArray());
    QCOMPARE(empty.outcome.status, CredentialStatus::InvalidRequest);
    QVERIFY(empty.outcome.detail.contains(QStringLiteral("empty")));
    const Answer huge = writeNow(store, QStringLiteral("ok-id"), SecretKind::Token,
                                 QByteArray(CredentialStore::kMaxSecretBytes + 1, 'a'));
    QCOMPARE(huge.outcome.status, CredentialStatus::InvalidRequest);
    QVERIFY(huge.outcome.detail.contains(QString::number(CredentialStore::kMaxSecretBytes)));
    QVERIFY(writeNow(store, QStringLiteral("ok-id"), SecretKind::Token,
                     QByteArray(CredentialStore::kMaxSecretBytes, 'a'))
                .outcome.isOk());
    QVERIFY(store.profilesWithSecrets() == QStringList{QStringLiteral("ok-id")});
}

void TestCredentialStores::destroyedContextIsNeverCalled()
{
    MemoryCredentialStore store;
    int calls = 0;
    auto *context = new QObject;
    store.readSecret(QStringLiteral("p"), SecretKind::Password, context,
                     [&calls](const CredentialOutcome &, const SecretBytes &) { ++calls; });
    delete context; // before the event loop ran
    int control = 0;
    store.readSecret(QStringLiteral("p"), SecretKind::Password, nullptr,
                     [&control](const CredentialOutcome &, const SecretBytes &) { ++control; });
    QVERIFY(QTest::qWaitFor([&] { return control == 1; }, kDeadlineMs));
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

void TestCredentialStores::unavailableKeychainKeepsSecrets()
{
    MemoryCredentialStore store;
    const QString id = QStringLiteral("locked-profile");
    const QByteArray secret = randomSecret();
    QVERIFY(writeNow(store, id, SecretKind::Password, secret).outcome.isOk());

    store.simulateUnavailable(CredentialStatus::KeychainLocked);
    const Answer read = readNow(store, id, SecretKind::Password);
    QCOMPARE(read.outcome.status, CredentialStatus::KeychainLocked);
    QVERIFY(read.outcome.isKeychainUnavailable());
    QVERIFY(!read.outcome.isNotFound()); // never "no password saved"
    QCOMPARE(removeProfileNow(store, id).outcome.status, CredentialStatus::KeychainLocked);
    QCOMPARE(removeNow(store, id, SecretKind::Password).outcome.status, CredentialStatus::KeychainLocked);

    store.simulateUnavailable(std::nullopt);
    const Answer after = readNow(store, id, SecretKind::Password);
    QVERIFY(after.outcome.isOk());
    QVERIFY(after.secret.bytes() == secret);
    figure(QStringLiteral("T-KEY-03(memory) secrets_lost_while_locked=0"));
}

void TestCredentialStores::outcomesSayWhatToDo()
{
    const QString subject = QStringLiteral("the password of profile 'Prod EU'");
    const CredentialStatus statuses[] = {CredentialStatus::NotFound,       CredentialStatus::KeychainLocked,
                                         CredentialStatus::AccessDenied,   CredentialStatus::NoBackend,
                                         CredentialStatus::InvalidRequest, CredentialStatus::OtherError};
    QSet<QString> names;
    for (CredentialStatus status : statuses) {
        const CredentialOutcome outcome = CredentialOutcome::failure(status, CredentialOperation::Read,
                                                                     subject, QStringLiteral("backend text"));
        QCOMPARE(outcome.status, status);
        QVERIFY(outcome.message.contains(QStringLiteral("Prod EU")));
        QVERIFY2(!outcome.hint.isEmpty(), qPrintable(credentialStatusName(status)));
        QVERIFY(outcome.toString().contains(QStringLiteral("backend text")));
        names.insert(credentialStatusName(status));
    }
    QCOMPARE(names.size(), 6);
    QVERIFY(CredentialOutcome::failure(CredentialStatus::KeychainLocked, CredentialOperation::Read, subject)
                .message.contains(QStringLiteral("locked")));
    QVERIFY(CredentialOutcome::failure(CredentialStatus::NoBackend, CredentialOperation::Write, subject)
                .message.contains(QStringLiteral("no system keychain")));
    // Keychain error texts are redacted before they reach a message.
    const CredentialOutcome redacted = CredentialOutcome::failure(
        CredentialStatus::OtherError, CredentialOperation::Read, subject,
        QStringLiteral("failed: Authorization: AnaplanAuthToken c2VjcmV0LXRva2VuLXZhbHVlLTEyMzQ1Njc4OTA="));
    QVERIFY2(!redacted.detail.contains(QStringLiteral("c2VjcmV0LXRva2VuLXZhbHVlLTEyMzQ1Njc4OTA")),
             "a token in a keychain error text must be redacted");
    QVERIFY(CredentialOutcome::ok().isOk());
    QVERIFY(CredentialOutcome::ok().message.isEmpty());
}

void TestCredentialStores::keychainErrorMapping()
{
    using namespace QKeychain;
    QCOMPARE(classifyKeychainError(NoError, {}), CredentialStatus::Ok);
    QCOMPARE(classifyKeychainError(EntryNotFound, QStringLiteral("Entry not found")),
             CredentialStatus::NotFound);
    QCOMPARE(classifyKeychainError(AccessDeniedByUser, {}), CredentialStatus::AccessDenied);
    QCOMPARE(classifyKeychainError(AccessDenied, QStringLiteral("Collection is locked")),
             CredentialStatus::KeychainLocked);
    QCOMPARE(classifyKeychainError(NoBackendAvailable, {}), CredentialStatus::NoBackend);
    QCOMPARE(classifyKeychainError(NotImplemented, {}), CredentialStatus::NoBackend);
    // libsecret wording for "no Secret Service" and "no session bus", both reported as OtherError.
    QCOMPARE(classifyKeychainError(OtherError,
                                   QStringLiteral("The name org.freedesktop.secrets was not provided by "
                                                  "any .service files")),
             CredentialStatus::NoBackend);
    QCOMPARE(
        classifyKeychainError(OtherError, QStringLiteral("Could not connect: No such file or directory")),
        CredentialStatus::NoBackend);
    QCOMPARE(
        classifyKeychainError(OtherError, QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")),
        CredentialStatus::NoBackend);
    QCOMPARE(
        classifyKeychainError(OtherError, QStringLiteral("Cannot create an item in a locked collection")),
        CredentialStatus::KeychainLocked);
    QCOMPARE(classifyKeychainError(OtherError, QStringLiteral("Unknown error")),
             CredentialStatus::OtherError);
    QCOMPARE(classifyKeychainError(CouldNotDeleteEntry, QStringLiteral("Could not delete")),
             CredentialStatus::OtherError);
}

void TestCredentialStores::secretKindNamesAreStable()
{
    // These names are in users' keychains and settings files: changing one orphans their secrets.
    const QStringList expected = {QStringLiteral("password"), QStringLiteral("token"),
                                  QStringLiteral("key-passphrase"), QStringLiteral("refresh-token"),
                                  QStringLiteral("proxy-password")};
    QStringList names;
    for (SecretKind kind : allSecretKinds()) {
        names << secretKindName(kind);
        QCOMPARE(secretKindFromName(secretKindName(kind)), std::optional<SecretKind>(kind));
        QVERIFY(!secretKindLabel(kind).isEmpty());
    }
    QCOMPARE(names, expected);
    QVERIFY(!secretKindFromName(QStringLiteral("Password")).has_value());
}

void TestCredentialStores::credentialIndexHoldsNamesOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("index.ini"));
    CredentialIndex index(file);
    QVERIFY(index.add(QStringLiteral("p1"), QStringLiteral("password")));
    QVERIFY(index.add(QStringLiteral("p1"), QStringLiteral("token")));
    QVERIFY(index.add(QStringLiteral("p1"), QStringLiteral("password"))); // idempotent
    QVERIFY(index.add(QStringLiteral("p2"), QStringLiteral("future-kind")));
    QCOMPARE(index.kindNames(QStringLiteral("p1")),
             (QStringList{QStringLiteral("password"), QStringLiteral("token")}));
    QCOMPARE(index.profileIds(), (QStringList{QStringLiteral("p1"), QStringLiteral("p2")}));
    QVERIFY(index.remove(QStringLiteral("p1"), QStringLiteral("password")));
    QVERIFY(index.remove(QStringLiteral("p1"), QStringLiteral("token")));
    QCOMPARE(index.profileIds(), QStringList{QStringLiteral("p2")}); // an emptied profile leaves no key
    QSettings raw(file, QSettings::IniFormat);
    QCOMPARE(raw.allKeys(), QStringList{QStringLiteral("credentialIndex/p2")});
}

void TestCredentialStores::plainTextFileIsOwnerOnlyAndRoundTrips()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/plaintext-secrets.json"));
    PlainTextSecretFile file(path);
    QString error;
    QVERIFY(!file.read(QStringLiteral("k"), &error).has_value());
    QVERIFY(error.isEmpty());
    const QByteArray secret = randomSecret();
    QVERIFY2(file.write(QStringLiteral("Anadesk/p/password"), SecretBytes(secret), &error),
             qPrintable(error));
    QVERIFY(QFileInfo::exists(path));
#ifdef Q_OS_UNIX
    QCOMPARE(QFileInfo(path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                              QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QCOMPARE(
        QFileInfo(dir.filePath(QStringLiteral("sub"))).permissions() &
            (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeGroup | QFileDevice::ExeOther),
        QFileDevice::Permissions());
#endif
    const auto back = file.read(QStringLiteral("Anadesk/p/password"), &error);
    QVERIFY(back.has_value());
    QVERIFY(back->bytes() == secret);
    QVERIFY(file.remove(QStringLiteral("Anadesk/p/password"), &error));
    QVERIFY2(!QFileInfo::exists(path), "the file goes with its last secret");
    QVERIFY(file.remove(QStringLiteral("Anadesk/p/password"), &error)); // nothing there: fine

    // A damaged file is an error with a clear message, not "not found".
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("{not json");
    damaged.close();
    QVERIFY(!file.read(QStringLiteral("k"), &error).has_value());
    QVERIFY(error.contains(QStringLiteral("not a valid secrets file")));
}

QTEST_GUILESS_MAIN(TestCredentialStores)
#include "tst_CredentialStores.moc"
