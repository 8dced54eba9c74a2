// The connection manager with in-memory stores: add, edit, remove profiles; secrets go to the credential
// store only (never the settings file) and are deleted with the profile; a locked keychain keeps the
// profile and says so; validation problems are shown. Also the session's behaviour at a locked keychain.
#include "ShellTestKit.h"
#include "shell/ConnectionManagerDialog.h"
#include "shell/ProfileEditor.h"
#include "shell/ProfileListModel.h"
#include "shell/SessionController.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace anadesk;
using namespace shelltest;

namespace {

QByteArray plantedSecret(const char *prefix)
{
    return QByteArray(prefix) + '-' + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

template <typename T>
T *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child widget %s", name);
    return widget;
}

void setCombo(QComboBox *combo, int data)
{
    combo->setCurrentIndex(combo->findData(data));
    Q_EMIT combo->activated(combo->currentIndex());
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text); // emits textEdited like a user
}

// Reads one secret synchronously (the store answers from the event loop).
std::optional<QByteArray> readSecret(CredentialStore &store, const QString &id, SecretKind kind)
{
    bool done = false;
    std::optional<QByteArray> value;
    store.readSecret(id, kind, nullptr, [&](const CredentialOutcome &outcome, const SecretBytes &secret) {
        if (outcome.isOk())
            value = secret.bytes();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5'000))
        qFatal("credential store did not answer");
    return value;
}

bool saveAndWait(ConnectionManagerDialog &dialog, bool *ok = nullptr)
{
    QSignalSpy finished(&dialog, &ConnectionManagerDialog::saveFinished);
    child<QPushButton>(&dialog, "saveProfile")->click();
    if (!finished.count() && !finished.wait(5'000))
        return false;
    if (ok)
        *ok = finished.at(0).at(0).toBool();
    return true;
}

} // namespace

class TestConnectionManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void addEditRemoveWithSecrets();
    void removalNeedsConfirmation();
    void lockedKeychainKeepsProfileOnRemoval();
    void lockedKeychainAtSaveKeepsSecretsForSession();
    void forgettingSecretsRemovesThemFromKeychain();
    void invalidProfileIsNotSaved();
    void unsavedChangesAreOffered();
    void sessionTreatsLockedKeychainAsUnavailableNotLogout();
};

void TestConnectionManager::addEditRemoveWithSecrets()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    QAbstractItemModelTester tester(dialog.listModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QVERIFY(dialog.isCurrentProfileNew()); // no profiles: a new one is in the form

    const QByteArray password = plantedSecret("Pw");
    const QByteArray proxyPassword = plantedSecret("ProxyPw");
    typeInto(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("Prod EU"));
    setCombo(child<QComboBox>(&dialog, "endpointMode"), int(EndpointMode::Region));
    child<QComboBox>(&dialog, "region")->setCurrentText(QStringLiteral("eu1"));
    typeInto(child<QLineEdit>(&dialog, "userEmail"), QStringLiteral("admin@example.com"));
    typeInto(child<QLineEdit>(&dialog, "password"), QString::fromLatin1(password));
    setCombo(child<QComboBox>(&dialog, "profileProxyMode"), int(ProxySettings::Mode::Manual));
    typeInto(child<QLineEdit>(&dialog, "profileProxyHost"), QStringLiteral("proxy.example.com"));
    child<QSpinBox>(&dialog, "profileProxyPort")->setValue(3128);
    typeInto(child<QLineEdit>(&dialog, "profileProxyUser"), QStringLiteral("proxyuser"));
    typeInto(child<QLineEdit>(&dialog, "proxyPassword"), QString::fromLatin1(proxyPassword));

    bool ok = false;
    QVERIFY(saveAndWait(dialog, &ok));
    QVERIFY(ok);
    QCOMPARE(kit.profiles->profiles().size(), 1);
    const ConnectionProfile saved = kit.profiles->profiles().constFirst();
    QCOMPARE(saved.name, QStringLiteral("Prod EU"));
    QCOMPARE(saved.region, QStringLiteral("eu1"));
    QCOMPARE(saved.proxy.host, QStringLiteral("proxy.example.com"));
    QCOMPARE(dialog.listModel()->rowCount(), 1);
    QVERIFY(!dialog.isCurrentProfileNew());
    QCOMPARE(readSecret(kit.keychain, saved.id, SecretKind::Password), password);
    QCOMPARE(readSecret(kit.keychain, saved.id, SecretKind::ProxyPassword), proxyPassword);
    // The form does not keep the typed secret; it says it is saved.
    QVERIFY(child<QLineEdit>(&dialog, "password")->text().isEmpty());
    QVERIFY(child<QLabel>(&dialog, "secretStatus")->text().contains(kit.keychain.storageDescription()));
    QVERIFY(!kit.allFileBytes().contains(password));
    QVERIFY(!kit.allFileBytes().contains(proxyPassword));

    // Edit: rename and switch to token sign-in; the password is no longer used and leaves the keychain.
    const QByteArray token = plantedSecret("Token");
    typeInto(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("Prod EU (token)"));
    setCombo(child<QComboBox>(&dialog, "authMethod"), int(AuthMethod::Token));
    typeInto(child<QLineEdit>(&dialog, "token"), QString::fromLatin1(token));
    QVERIFY(saveAndWait(dialog, &ok));
    QVERIFY(ok);
    const ConnectionProfile edited = *kit.profiles->profile(saved.id);
    QCOMPARE(edited.name, QStringLiteral("Prod EU (token)"));
    QCOMPARE(edited.authMethod, AuthMethod::Token);
    QCOMPARE(readSecret(kit.keychain, saved.id, SecretKind::Token), token);
    QVERIFY(!readSecret(kit.keychain, saved.id, SecretKind::Password));
    QVERIFY(!kit.keychain.storedKinds(saved.id).contains(SecretKind::Password));

    // Remove (confirmed): the profile and ALL its secrets are gone.
    kit.messages.answerFor(QStringLiteral("removeProfileConfirm"), QMessageBox::Yes);
    QSignalSpy removed(&dialog, &ConnectionManagerDialog::removeFinished);
    child<QPushButton>(&dialog, "removeProfile")->click();
    QTRY_COMPARE(removed.count(), 1);
    QVERIFY(removed.at(0).at(0).toBool());
    QVERIFY(kit.profiles->profiles().isEmpty());
    QVERIFY(kit.keychain.storedKinds(saved.id).isEmpty());
    QVERIFY(!kit.keychain.profilesWithSecrets().contains(saved.id));
    QVERIFY(!readSecret(kit.keychain, saved.id, SecretKind::Token));
    QVERIFY(!readSecret(kit.keychain, saved.id, SecretKind::ProxyPassword));
    QCOMPARE(dialog.listModel()->rowCount(), 0);
    QVERIFY(dialog.isCurrentProfileNew());
    const auto request = kit.messages.requestsNamed(QStringLiteral("removeProfileConfirm")).constFirst();
    QVERIFY(request.text.contains(QStringLiteral("Prod EU (token)")));
    QVERIFY(!kit.allFileBytes().contains(token));
}

void TestConnectionManager::removalNeedsConfirmation()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Keep me"));
    profile.userEmail = QStringLiteral("a@b.com");
    QVERIFY(kit.profiles->save(profile).isEmpty());
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    QCOMPARE(dialog.currentProfileId(), profile.id);
    kit.messages.answerNext(QMessageBox::No);
    QSignalSpy removed(&dialog, &ConnectionManagerDialog::removeFinished);
    child<QPushButton>(&dialog, "removeProfile")->click();
    QCOMPARE(removed.count(), 1);
    QVERIFY(!removed.at(0).at(0).toBool());
    QCOMPARE(kit.profiles->profiles().size(), 1);
}

void TestConnectionManager::lockedKeychainKeepsProfileOnRemoval()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Locked"));
    profile.userEmail = QStringLiteral("a@b.com");
    QVERIFY(kit.profiles->save(profile).isEmpty());
    bool written = false;
    kit.keychain.writeSecret(profile.id, SecretKind::Password, SecretBytes(plantedSecret("Pw")), nullptr,
                             [&](const CredentialOutcome &o) { written = o.isOk(); });
    QTRY_VERIFY(written);

    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    kit.keychain.simulateUnavailable(CredentialStatus::KeychainLocked);
    kit.messages.answerFor(QStringLiteral("removeProfileConfirm"), QMessageBox::Yes);
    QSignalSpy removed(&dialog, &ConnectionManagerDialog::removeFinished);
    child<QPushButton>(&dialog, "removeProfile")->click();
    QTRY_COMPARE(removed.count(), 1);
    QVERIFY(!removed.at(0).at(0).toBool());
    QCOMPARE(kit.profiles->profiles().size(), 1); // kept: nothing left behind unseen
    QCOMPARE(kit.messages.count(QStringLiteral("removeProfileFailed")), 1);
    const auto warning = kit.messages.requestsNamed(QStringLiteral("removeProfileFailed")).constFirst();
    QVERIFY2(warning.text.contains(QStringLiteral("Locked")), qPrintable(warning.text));
    QVERIFY2(!warning.informativeText.isEmpty(), "the warning says what to do");

    // Unlocked: the same button finishes the job.
    kit.keychain.simulateUnavailable(std::nullopt);
    child<QPushButton>(&dialog, "removeProfile")->click();
    QTRY_COMPARE(removed.count(), 2);
    QVERIFY(removed.at(1).at(0).toBool());
    QVERIFY(kit.profiles->profiles().isEmpty());
    QVERIFY(kit.keychain.storedKinds(profile.id).isEmpty());
}

void TestConnectionManager::lockedKeychainAtSaveKeepsSecretsForSession()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    const QByteArray password = plantedSecret("Pw");
    typeInto(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("Keychain locked"));
    typeInto(child<QLineEdit>(&dialog, "userEmail"), QStringLiteral("a@b.com"));
    typeInto(child<QLineEdit>(&dialog, "password"), QString::fromLatin1(password));
    kit.keychain.simulateUnavailable(CredentialStatus::KeychainLocked);
    bool ok = true;
    QVERIFY(saveAndWait(dialog, &ok));
    QVERIFY(!ok);
    const QString id = dialog.currentProfileId();
    QVERIFY(kit.profiles->profile(id)); // the profile itself is saved
    kit.keychain.simulateUnavailable(std::nullopt);
    QVERIFY(!readSecret(kit.keychain, id, SecretKind::Password));
    QCOMPARE(readSecret(kit.session, id, SecretKind::Password), password); // usable this session
    const QString status = child<QLabel>(&dialog, "secretStatus")->text();
    QVERIFY2(status.contains(QStringLiteral("session")), qPrintable(status));
    QVERIFY(!kit.allFileBytes().contains(password)); // never a plain-text fallback
}

void TestConnectionManager::forgettingSecretsRemovesThemFromKeychain()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    typeInto(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("Forgetful"));
    typeInto(child<QLineEdit>(&dialog, "userEmail"), QStringLiteral("a@b.com"));
    typeInto(child<QLineEdit>(&dialog, "password"), QStringLiteral("first-password-123"));
    QVERIFY(saveAndWait(dialog));
    const QString id = dialog.currentProfileId();
    QVERIFY(kit.keychain.storedKinds(id).contains(SecretKind::Password));

    child<QCheckBox>(&dialog, "rememberSecrets")->setChecked(false);
    typeInto(child<QLineEdit>(&dialog, "password"), QStringLiteral("session-only-456"));
    QVERIFY(saveAndWait(dialog));
    QVERIFY(kit.keychain.storedKinds(id).isEmpty());
    QCOMPARE(readSecret(kit.session, id, SecretKind::Password), QByteArray("session-only-456"));
    QVERIFY(!kit.profiles->profile(id)->rememberSecrets);
}

void TestConnectionManager::invalidProfileIsNotSaved()
{
    ShellKit kit;
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    typeInto(child<QLineEdit>(&dialog, "profileName"), QString());
    setCombo(child<QComboBox>(&dialog, "endpointMode"), int(EndpointMode::SingleOrigin));
    typeInto(child<QLineEdit>(&dialog, "singleOrigin"), QStringLiteral("not a url"));
    typeInto(child<QLineEdit>(&dialog, "userEmail"), QStringLiteral("no-at-sign"));
    bool ok = true;
    QVERIFY(saveAndWait(dialog, &ok));
    QVERIFY(!ok);
    auto *problems = child<QLabel>(&dialog, "profileProblems");
    QVERIFY(!problems->isHidden());
    QVERIFY2(problems->text().contains(QStringLiteral("name")), qPrintable(problems->text()));
    QVERIFY2(problems->text().contains(QStringLiteral("e-mail")), qPrintable(problems->text()));
    QVERIFY(kit.profiles->profiles().isEmpty());
}

void TestConnectionManager::unsavedChangesAreOffered()
{
    ShellKit kit;
    for (const QString &name : {QStringLiteral("A"), QStringLiteral("B")}) {
        ConnectionProfile profile = ConnectionProfile::create(name);
        profile.userEmail = QStringLiteral("a@b.com");
        QVERIFY(kit.profiles->save(profile).isEmpty());
    }
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.show();
    typeInto(child<QLineEdit>(&dialog, "profileName"), QStringLiteral("A renamed"));
    kit.messages.answerFor(QStringLiteral("unsavedProfileChanges"), QMessageBox::Discard);
    auto *list = child<QListView>(&dialog, "profileList");
    list->setCurrentIndex(dialog.listModel()->index(1));
    QCOMPARE(kit.messages.count(QStringLiteral("unsavedProfileChanges")), 1);
    QCOMPARE(child<QLineEdit>(&dialog, "profileName")->text(), QStringLiteral("B"));
    QCOMPARE(kit.profiles->profiles().constFirst().name, QStringLiteral("A")); // discarded
}

void TestConnectionManager::sessionTreatsLockedKeychainAsUnavailableNotLogout()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Locked session"));
    profile.userEmail = QStringLiteral("a@b.com");
    QVERIFY(kit.profiles->save(profile).isEmpty());
    SessionController session(&kit.keychain, &kit.session);
    QSignalSpy needed(&session, &SessionController::secretsNeeded);

    kit.keychain.simulateUnavailable(CredentialStatus::KeychainLocked);
    session.connectProfile(profile);
    QTRY_COMPARE(session.state(), ConnectionState::KeychainUnavailable);
    QCOMPARE(needed.count(), 0); // not "nothing saved": the user is not asked to re-enter, nor signed out
    QVERIFY(!session.detail().isEmpty());
    QCOMPARE(kit.profiles->profiles().size(), 1);
    QCOMPARE(session.missingSecretKinds(), QList<SecretKind>{SecretKind::Password});

    kit.keychain.simulateUnavailable(std::nullopt);
    session.retry();
    QTRY_COMPARE(session.state(), ConnectionState::NeedsSecrets); // nothing saved: now we ask
    QCOMPARE(needed.count(), 1);
    QCOMPARE(needed.at(0).at(1).value<QList<SecretKind>>(), QList<SecretKind>{SecretKind::Password});
    session.disconnectSession();
    QCOMPARE(session.state(), ConnectionState::Disconnected);
}

QTEST_MAIN(TestConnectionManager)
#include "tst_ConnectionManager.moc"
