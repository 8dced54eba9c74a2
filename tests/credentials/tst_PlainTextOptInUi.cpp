// The per-profile plain-text opt-in as the user meets it, on a computer WITHOUT any keychain: the connection
// manager offers a checkbox with a warning naming the file; without it the missing keychain is shown as such
// (nothing written anywhere, the secret kept for this session only); with it the secret goes to the 0600
// file in the app's data folder and the settings file gets only a flag; switching it off deletes the file.
#include "CredentialTestKit.h"
#include "NoKeychainEnvironment.h"
#include "common/ScriptedFileDialogs.h"
#include "common/ScriptedMessageBoxes.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "profiles/ProfileStore.h"
#include "shell/ConnectionManagerDialog.h"
#include "shell/ProfileEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace anadesk;
using namespace credtest;

class TestPlainTextOptInUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void missingKeychainIsShownAndOptInStoresOwnerOnlyFile();

private:
    QTemporaryDir m_dir;
};

void TestPlainTextOptInUi::initTestCase()
{
    LogCapture::install();
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
}

void TestPlainTextOptInUi::missingKeychainIsShownAndOptInStoresOwnerOnlyFile()
{
    const QString settingsFile = m_dir.filePath(QStringLiteral("config/Anadesk.ini"));
    KeychainOptions options;
    options.indexSettingsFile = settingsFile;
    options.startupRetryDelayMs = 0;
    options.timeoutMs = 20'000;
    KeychainCredentialStore keychain(options); // the default file: the app's data folder
    QVERIFY(keychain.plainTextFilePath().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QFile::remove(keychain.plainTextFilePath());
    MemoryCredentialStore session;
    ProfileStore profiles(&keychain, settingsFile);
    ScriptedMessageBoxes messages;
    ScriptedFileDialogs files;
    ShellServices services;
    services.profiles = &profiles;
    services.sessionSecrets = &session;
    services.messages = &messages;
    services.files = &files;
    services.settingsFile = settingsFile;

    ConnectionManagerDialog dialog(services, ClientSettings{});
    dialog.addProfile();
    dialog.show();
    ProfileEditor *editor = dialog.editor();
    QCheckBox *optIn = editor->plainTextBox();
    QVERIFY(optIn->isVisible());
    QVERIFY(!optIn->isChecked()); // off unless the user ticks it
    auto *warning = editor->findChild<QLabel *>(QStringLiteral("plainTextWarning"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QStringLiteral("UNENCRYPTED")));
    QVERIFY(warning->text().contains(QDir::toNativeSeparators(keychain.plainTextFilePath())));

    editor->nameEdit()->setText(QStringLiteral("No keychain here"));
    editor->findChild<QLineEdit *>(QStringLiteral("userEmail"))->setText(QStringLiteral("someone@example.com"));
    const QByteArray secret = plantedSecret();
    editor->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QString::fromUtf8(secret));
    Q_EMIT editor->edited();

    // 1. Without the opt-in: saving tells that there is no keychain; nothing is written to any file.
    QSignalSpy saved(&dialog, &ConnectionManagerDialog::saveFinished);
    dialog.saveProfile();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, kDeadlineMs);
    QCOMPARE(saved.at(0).at(0).toBool(), false);
    const QString id = dialog.currentProfileId();
    auto *status = editor->findChild<QLabel *>(QStringLiteral("secretStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("session only")), qPrintable(status->text()));
    QVERIFY(!QFileInfo::exists(keychain.plainTextFilePath()));
    QVERIFY(keychain.storedKinds(id).isEmpty());
    QVERIFY(readNow(session, id, SecretKind::Password).outcome.isOk()); // kept for this session

    // 2. With the opt-in: the secret goes to the owner-only file; the settings get a flag only.
    optIn->setChecked(true);
    editor->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QString::fromUtf8(secret));
    Q_EMIT editor->edited();
    dialog.saveProfile();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, kDeadlineMs);
    QVERIFY2(saved.at(1).at(0).toBool(), qPrintable(status->text()));
    QVERIFY(keychain.isPlainTextOptIn(id));
    QVERIFY(QFileInfo::exists(keychain.plainTextFilePath()));
#ifdef Q_OS_UNIX
    QCOMPARE(QFileInfo(keychain.plainTextFilePath()).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#endif
    QVERIFY2(status->text().contains(QStringLiteral("UNENCRYPTED")), qPrintable(status->text()));
    const Answer read = readNow(keychain, id, SecretKind::Password);
    QVERIFY(read.outcome.isOk());
    QVERIFY(read.secret.bytes() == secret);
    QFile ini(settingsFile);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray settingsBytes = ini.readAll();
    ini.close();
    QVERIFY(settingsBytes.contains("[plainTextSecrets]"));
    QVERIFY(!settingsBytes.contains(secret) && !settingsBytes.contains(secret.toBase64()));
    QVERIFY(dialog.editor()->plainTextBox()->isChecked()); // shown again after the save

    // 3. Opting out deletes the file (the profile's only secret) and the flag.
    dialog.editor()->plainTextBox()->setChecked(false);
    Q_EMIT dialog.editor()->edited();
    dialog.saveProfile();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 3, kDeadlineMs);
    QVERIFY(!keychain.isPlainTextOptIn(id));
    QVERIFY2(!QFileInfo::exists(keychain.plainTextFilePath()), "opting out must delete the plain-text file");
    QVERIFY(keychain.storedKinds(id).isEmpty());
    figure(QStringLiteral("plain-text-opt-in-ui refused_without_opt_in=1 file_mode=0600 opt_out_deleted=1"));
}

int main(int argc, char *argv[])
{
    simulateComputerWithoutKeychain();
    QApplication app(argc, argv);
    TestPlainTextOptInUi test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_PlainTextOptInUi.moc"
