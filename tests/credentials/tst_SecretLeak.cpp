// T-SEC-01 for profiles and credentials: random secrets, made at run time, go through the whole profile +
// credential flow (save profiles, save/read/replace/remove every secret kind, errors, removal of a
// profile) with the in-memory store and with the keychain store on a computer without keychain. Then
// every file written under the settings directory and every log line captured (debug on) is scanned:
// none of the secrets, in any encoding, may appear. A self-check proves the scanner finds real leaks.
#include "CredentialTestKit.h"
#include "NoKeychainEnvironment.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/SettingsFile.h"
#include "profiles/ProfileStore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace anadesk;
using namespace credtest;

class TestSecretLeak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scannerFindsARealLeak();
    void wholeFlowLeavesNoSecretInSettingsOrLogs();

private:
    // Runs the flow against `credentials`; returns the secrets it planted.
    QList<QByteArray> runFlow(CredentialStore &credentials, const QString &label);

    QTemporaryDir m_dir;
};

void TestSecretLeak::initTestCase()
{
    LogCapture::install();
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("config")));
}

void TestSecretLeak::scannerFindsARealLeak()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray secret = plantedSecret();
    const QList<QByteArray> leaks = {secret, secret.toBase64(), secret.toPercentEncoding(),
                                     secret.left(20).toHex()};
    for (int i = 0; i < leaks.size(); ++i) {
        QFile file(dir.filePath(QStringLiteral("leak%1.ini").arg(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[x]\nvalue=" + leaks.at(i) + '\n');
    }
    const LeakScan scan =
        scanForSecrets(dir.path(), {QStringLiteral("debug: token=") + QString::fromUtf8(secret)}, {secret});
    QCOMPARE(scan.filesScanned, leaks.size());
    QCOMPARE(scan.hits.size(), leaks.size() + 1); // every file and the log line
    for (const QString &hit : scan.hits)
        QVERIFY2(!hit.contains(QString::fromUtf8(secret.left(20))), "a hit report must not show the secret");
}

QList<QByteArray> TestSecretLeak::runFlow(CredentialStore &credentials, const QString &label)
{
    QList<QByteArray> planted;
    ProfileStore profiles(&credentials);
    QList<ConnectionProfile> saved;
    for (AuthMethod method : {AuthMethod::Basic, AuthMethod::Certificate, AuthMethod::Token}) {
        ConnectionProfile profile =
            ConnectionProfile::create(label + QLatin1Char(' ') + authMethodName(method));
        profile.authMethod = method;
        profile.userEmail = QStringLiteral("leak-test@example.com");
        profile.certificatePath = QStringLiteral("/certs/leak.pem");
        profile.privateKeyPath = QStringLiteral("/certs/leak.key");
        profile.proxy = ProxySettings{ProxySettings::Mode::Manual, QStringLiteral("proxy.example.com"), 3128,
                                      QStringLiteral("proxy-user")};
        const QStringList problems = profiles.save(profile);
        if (!problems.isEmpty())
            qFatal("profile not saved: %s", qPrintable(problems.join(QLatin1Char(' '))));
        saved << profile;

        for (SecretKind kind : allSecretKinds()) {
            const QByteArray first = plantedSecret();
            const QByteArray replacement = plantedSecret();
            planted << first << replacement;
            const Answer w1 = writeNow(credentials, profile.id, kind, first);
            const Answer w2 = writeNow(credentials, profile.id, kind, replacement);
            const Answer r = readNow(credentials, profile.id, kind);
            // What a careless caller would log: every outcome, in full.
            qWarning().noquote() << "flow" << label << secretKindName(kind) << w1.outcome.toString()
                                 << w2.outcome.toString() << r.outcome.toString();
            if (r.outcome.isOk() && r.secret.bytes() != replacement)
                qFatal("read back a different secret");
            // The proxy password reaches the network options, and is not logged from there.
            if (kind == SecretKind::ProxyPassword) {
                ClientOptions options;
                profile.applyTo(options, r.secret);
                qDebug().noquote() << "options for" << profile.name << "proxy host"
                                   << options.proxy->hostName();
            }
        }
        // An oversized secret is refused; the refusal must not echo it.
        QByteArray huge = plantedSecret();
        huge += QByteArray(CredentialStore::kMaxSecretBytes, 'x');
        planted << huge;
        qWarning().noquote() << writeNow(credentials, profile.id, SecretKind::Token, huge).outcome.toString();
    }
    // Remove one profile (secrets first), keep the others (their settings stay on disk to be scanned).
    const CredentialOutcome removed = doneNow([&](CredentialStore::Done done) {
                                          profiles.remove(saved.first().id, nullptr, done);
                                      }).outcome;
    qWarning().noquote() << "removal:" << removed.toString();
    return planted;
}

void TestSecretLeak::wholeFlowLeavesNoSecretInSettingsOrLogs()
{
    QList<QByteArray> planted;
    {
        MemoryCredentialStore memory; // "don't remember" and the CLI's session store
        planted << runFlow(memory, QStringLiteral("memory"));
    }
    {
        KeychainOptions options; // no keychain on this computer, plain-text fallback off (the default)
        options.startupRetryDelayMs = 0;
        options.plainTextFile = m_dir.filePath(QStringLiteral("config/Anadesk/plaintext-secrets.json"));
        KeychainCredentialStore keychain(options);
        planted << runFlow(keychain, QStringLiteral("keychain"));
    }
    const QString settingsFile = openAnadeskSettings()->fileName();
    QVERIFY2(settingsFile.startsWith(m_dir.path()), qPrintable(settingsFile));
    QFile settings(settingsFile);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settings.readAll();
    QVERIFY2(settingsText.contains("proxy-user"), "the scan must look at a file that holds the profiles");

    const QStringList logs = LogCapture::lines();
    const LeakScan scan = scanForSecrets(m_dir.path(), logs, planted);
    QVERIFY2(scan.hits.isEmpty(), qPrintable(scan.hits.join(QStringLiteral("; "))));
    QVERIFY(scan.logLinesScanned > 50); // debug logging was on and captured
    figure(
        QStringLiteral("T-SEC-01 secrets_planted=%1 files_scanned=%2 bytes_scanned=%3 log_lines_scanned=%4 "
                       "markers_found=%5")
            .arg(planted.size())
            .arg(scan.filesScanned)
            .arg(scan.bytesScanned)
            .arg(scan.logLinesScanned)
            .arg(scan.hits.size()));
}

int main(int argc, char **argv)
{
    simulateComputerWithoutKeychain();
    QCoreApplication app(argc, argv);
    TestSecretLeak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_SecretLeak.moc"
