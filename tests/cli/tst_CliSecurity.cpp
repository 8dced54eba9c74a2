// anadesk-cli and credentials: rejected passwords and tokens give the auth exit code after at most
// one sign-in attempt (counted at the sandbox), tokens work from the environment and the command
// line, certificate sign-in with an encrypted key, and no planted secret ever appears in any output.
#include "CliRunner.h"
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <QDeadlineTimer>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace anadesk::test;

namespace {

QByteArray marker(const char *prefix)
{
    return QByteArray(prefix) + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

} // namespace

class TestCliSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongPasswordIsAuthAndSignsInOnce();
    void tokenFromEnvironmentAndCommandLine();
    void rejectedTokenIsAuthAndFinal();
    void certificateWithEncryptedKey();
    void verboseLogsAreRedacted();
    void passwordPromptOnTerminalWithoutEcho();
    void noSecretInAnyOutput();

private:
    struct Counts
    {
        int signIns = 0;
        int apiRequests = 0;
    };
    Counts requestCounts();
    void clearRequests();

    SandboxProcess m_sandbox;
    CliRunner m_cli;
    HttpProbe *m_probe = nullptr;
    QList<QByteArray> m_secrets;
    QByteArray m_terminalOutput; // what the pseudo-terminal showed
    QByteArray m_password;
    QTemporaryDir m_dir;
};

void TestCliSecurity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_password = marker("Pw-Planted-");
    m_secrets.append(m_password);
    // A leaked "Authorization: Basic …" header would not show the password itself.
    m_secrets.append(QByteArray(SandboxProcess::demoUser().toUtf8() + ':' + m_password).toBase64());
    qputenv("ANADESK_SANDBOX_PASSWORD", m_password);
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_cli.setServer(m_sandbox.url());
    m_probe = new HttpProbe(m_sandbox.url());
    m_probe->loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password));
    QVERIFY(!m_probe->token().isEmpty());
    m_secrets.append(m_probe->token());
}

void TestCliSecurity::clearRequests()
{
    QVERIFY(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status / 100 == 2);
}

TestCliSecurity::Counts TestCliSecurity::requestCounts()
{
    Counts counts;
    const QJsonArray requests = m_probe->get(QStringLiteral("/__sandbox/requests"))
                                    .json()
                                    .value(QStringLiteral("requests"))
                                    .toArray();
    for (const QJsonValue &r : requests) {
        const QString path = r[QStringLiteral("path")].toString();
        if (path == QLatin1String("/token/authenticate"))
            ++counts.signIns;
        else if (path.startsWith(QLatin1String("/2/0/")))
            ++counts.apiRequests;
    }
    return counts;
}

void TestCliSecurity::wrongPasswordIsAuthAndSignsInOnce()
{
    const QByteArray wrong = marker("Pw-Wrong-");
    m_secrets.append(wrong);
    clearRequests();
    QProcessEnvironment env = m_cli.environment();
    env.insert(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(wrong));
    const CliResult r =
        m_cli.runWithEnv({QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--json"),
                          QStringLiteral("--retries"), QStringLiteral("5"), QStringLiteral("workspaces")},
                         env);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QCOMPARE(r.json().object()[QStringLiteral("error")][QStringLiteral("category")].toString(),
             QStringLiteral("auth"));
    QVERIFY2(r.err.contains("rejected"), r.err.constData());
    const Counts counts = requestCounts();
    qInfo("FIGURE: cli_sign_ins_on_wrong_password=%d api_requests_sent=%d retries_allowed=5", counts.signIns,
          counts.apiRequests);
    QVERIFY2(counts.signIns >= 1 && counts.signIns <= 2, "rejected credentials are tried at most twice");
    QCOMPARE(counts.apiRequests, 0); // nothing is sent without a token

    // The right password works, with the password from the environment only.
    const CliResult ok = m_cli.runWithEnv(
        {QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("workspaces")}, [&] {
            QProcessEnvironment e = m_cli.environment();
            e.insert(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
            return e;
        }());
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.describe()));
    QVERIFY(ok.out.contains("Financial Planning"));
}

void TestCliSecurity::tokenFromEnvironmentAndCommandLine()
{
    const QString token = QString::fromUtf8(m_probe->token());
    QProcessEnvironment env = m_cli.environment();
    env.insert(QStringLiteral("ANADESK_TOKEN"), token);
    const CliResult fromEnv = m_cli.runWithEnv({QStringLiteral("--json"), QStringLiteral("workspaces")}, env);
    QVERIFY2(fromEnv.exitCode == 0, qPrintable(fromEnv.describe()));
    QCOMPARE(fromEnv.json().array().size(), 4);

    const CliResult fromArgs =
        m_cli.run({QStringLiteral("--token"), token, QStringLiteral("--json"), QStringLiteral("models")});
    QVERIFY2(fromArgs.exitCode == 0, qPrintable(fromArgs.describe()));
    QCOMPARE(fromArgs.json().array().size(), 11);
}

void TestCliSecurity::rejectedTokenIsAuthAndFinal()
{
    const QByteArray bad = marker("BadToken-");
    m_secrets.append(bad);
    clearRequests();
    const CliResult r = m_cli.run({QStringLiteral("--token"), QString::fromUtf8(bad),
                                   QStringLiteral("--json"), QStringLiteral("workspaces")});
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    const Counts counts = requestCounts();
    qInfo("FIGURE: cli_api_requests_with_rejected_token=%d sign_ins=%d", counts.apiRequests, counts.signIns);
    QCOMPARE(counts.apiRequests, 1); // a given token cannot be renewed: the 401 is final
    QCOMPARE(counts.signIns, 0);
}

void TestCliSecurity::certificateWithEncryptedKey()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed: cannot make a test certificate");
    const QByteArray passphrase = marker("KeyPass-");
    m_secrets.append(passphrase);
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    QProcess make;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TEST_KEY_PASS"), QString::fromUtf8(passphrase));
    make.setProcessEnvironment(env);
    make.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-keyout"), key, QStringLiteral("-out"),
                         cert, QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=%1/emailAddress=%1").arg(SandboxProcess::demoUser()),
                         QStringLiteral("-passout"), QStringLiteral("env:TEST_KEY_PASS")});
    QVERIFY(make.waitForFinished(60'000));
    QVERIFY2(make.exitCode() == 0, make.readAllStandardError().constData());
    QFile keyFile(key);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.readAll().contains("ENCRYPTED"));

    const QStringList args{QStringLiteral("--certificate"), cert,
                           QStringLiteral("--private-key"), key,
                           QStringLiteral("--json"),        QStringLiteral("workspaces")};
    // Without the passphrase and without a terminal: a clear usage error, nothing sent.
    CliResult r = m_cli.run(args);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("ANADESK_KEY_PASSWORD"), r.err.constData());

    QProcessEnvironment withPass = m_cli.environment();
    withPass.insert(QStringLiteral("ANADESK_KEY_PASSWORD"), QString::fromUtf8(passphrase));
    r = m_cli.runWithEnv(args, withPass);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().array().size(), 4);

    // A wrong passphrase is caught before anything is sent (no failed sign-in counted at the server).
    const QByteArray wrong = marker("WrongKeyPass-");
    m_secrets.append(wrong);
    withPass.insert(QStringLiteral("ANADESK_KEY_PASSWORD"), QString::fromUtf8(wrong));
    clearRequests();
    r = m_cli.runWithEnv(args, withPass);
    QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
    QCOMPARE(requestCounts().signIns, 0);
}

void TestCliSecurity::verboseLogsAreRedacted()
{
    QProcessEnvironment env = m_cli.environment();
    env.insert(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QString()); // let --verbose decide
    const CliResult r =
        m_cli.runWithEnv({QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--verbose"),
                          QStringLiteral("--json"), QStringLiteral("workspaces")},
                         env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    bool ok = false;
    r.json(&ok);
    QVERIFY2(ok, "logs must stay on stderr: stdout is still pure JSON");
    qInfo("FIGURE: cli_verbose_stderr_bytes=%lld", qint64(r.err.size()));
}

void TestCliSecurity::passwordPromptOnTerminalWithoutEcho()
{
#ifdef Q_OS_LINUX
    // The CLI on a pseudo-terminal (stdin is a TTY), without ANADESK_PASSWORD: it must ask on the
    // terminal, not echo what is typed, and sign in with it.
    QByteArrayList argStorage{CliRunner::binaryPath().toLocal8Bit(), "--server",
                              m_sandbox.url().toString().toUtf8(),   "--user",
                              SandboxProcess::demoUser().toUtf8(),   "workspaces"};
    QList<char *> argv;
    for (QByteArray &a : argStorage)
        argv.append(a.data());
    argv.append(nullptr);
    QByteArrayList envStorage;
    const QProcessEnvironment env = m_cli.environment();
    for (const QString &key : env.keys())
        envStorage.append((key + QLatin1Char('=') + env.value(key)).toLocal8Bit());
    QList<char *> envp;
    for (QByteArray &e : envStorage)
        envp.append(e.data());
    envp.append(nullptr);

    int master = -1;
    const pid_t child = forkpty(&master, nullptr, nullptr, nullptr);
    QVERIFY(child >= 0);
    if (child == 0) {
        execve(argv.first(), argv.data(), envp.data());
        _exit(127);
    }
    QByteArray seen;
    auto readFor = [&](int ms, const QByteArray &until) {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired() && (until.isEmpty() || !seen.contains(until))) {
            pollfd p{master, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0) {
                char buffer[4096];
                const ssize_t n = ::read(master, buffer, sizeof buffer);
                if (n <= 0)
                    return; // the child closed the terminal
                seen.append(buffer, n);
            }
        }
    };
    readFor(30'000, "password for");
    QVERIFY2(seen.contains("Anaplan password for demo@anadesk.test"), seen.constData());
    const QByteArray typed = m_password + "\n";
    QCOMPARE(::write(master, typed.constData(), size_t(typed.size())), ssize_t(typed.size()));
    readFor(60'000, "Archive 2021");
    readFor(2'000, {});
    int status = 0;
    pid_t reaped = 0;
    const QDeadlineTimer exitDeadline(30'000);
    while ((reaped = ::waitpid(child, &status, WNOHANG)) == 0 && !exitDeadline.hasExpired())
        readFor(100, {});
    if (reaped != child) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
    }
    ::close(master);
    QVERIFY2(reaped == child, qPrintable(QStringLiteral("anadesk-cli did not exit; the terminal showed: ") +
                                         QString::fromUtf8(seen)));
    m_terminalOutput = seen;
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, seen.constData());
    QVERIFY2(seen.contains("Financial Planning"), seen.constData());
    QVERIFY2(!seen.contains(m_password), "the typed password was echoed");
#else
    QSKIP("pseudo-terminals are tested on Linux");
#endif
}

void TestCliSecurity::noSecretInAnyOutput()
{
    QByteArray found;
    int leaking = m_cli.runsContaining(m_secrets, &found);
    for (const QByteArray &secret : std::as_const(m_secrets))
        if (m_terminalOutput.contains(secret))
            ++leaking;
    qInfo("FIGURE: cli_runs_scanned=%d secrets_planted=%lld runs_with_secret=%d", m_cli.runCount(),
          qint64(m_secrets.size()), leaking);
    QVERIFY2(leaking == 0, "a planted secret appeared in anadesk-cli's output");
}

QTEST_GUILESS_MAIN(TestCliSecurity)
#include "tst_CliSecurity.moc"
