// anadesk-sandbox as a program: its --help, refusal of bad options (exit 2), the single "listening" line,
// faults given on the command line, the idle timeout, loopback-only admin API and a clean exit on SIGTERM
// even while a connection hangs.
#include "HttpProbe.h"
#include "RawClient.h"
#include "SandboxProcess.h"
#include "TestUtil.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace anadesk::test;

namespace {
// Starts the sandbox directly (not through SandboxProcess) to see its exit code and full stdout.
struct DirectSandbox
{
    QProcess process;
    QUrl url;
    QByteArray firstLine;

    bool start(const QStringList &arguments, QString *error)
    {
        process.start(SandboxProcess::binaryPath(),
                      QStringList{QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        if (!process.waitForStarted(10'000)) {
            *error = process.errorString();
            return false;
        }
        const QDeadlineTimer deadline(20'000);
        while (!process.canReadLine()) {
            if (deadline.hasExpired() || !process.waitForReadyRead(int(deadline.remainingTime()))) {
                *error = QStringLiteral("no listening line; stderr: %1")
                             .arg(QString::fromUtf8(process.readAllStandardError()));
                return false;
            }
        }
        firstLine = process.readLine();
        const auto match =
            QRegularExpression(
                QStringLiteral("^anadesk-sandbox listening on (http://127\\.0\\.0\\.1:\\d+)\\n$"))
                .match(QString::fromUtf8(firstLine));
        if (!match.hasMatch()) {
            *error = QStringLiteral("unexpected first line: %1").arg(QString::fromUtf8(firstLine));
            return false;
        }
        url = QUrl(match.captured(1));
        return true;
    }
    ~DirectSandbox()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5'000);
        }
    }
};

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

RunResult run(const QStringList &arguments)
{
    QProcess process;
    process.start(SandboxProcess::binaryPath(), arguments);
    RunResult result;
    if (!process.waitForFinished(20'000)) {
        process.kill();
        process.waitForFinished(5'000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
} // namespace

class TestSandboxCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!SandboxProcess::binaryPath().isEmpty(), "run through ctest"); }

    void helpDocumentsAccountAndOptions()
    {
        const RunResult result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const char *text :
             {"demo@anadesk.test", "Sandbox-Demo-1", "--port", "--host", "--data", "--user",
              "--token-lifetime", "--task-duration", "--page-cap", "--fault", "--idle-timeout",
              "--max-request-body", "ANADESK_SANDBOX_PASSWORD", "listening on"})
            QVERIFY2(result.out.contains(text), text);
    }

    void badOptionsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QByteArray("bogus");
        QTest::newRow("port not a number")
            << QStringList{QStringLiteral("--port"), QStringLiteral("abc")} << QByteArray("--port");
        QTest::newRow("port too large")
            << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QByteArray("65535");
        QTest::newRow("zero lifetime") << QStringList{QStringLiteral("--token-lifetime"), QStringLiteral("0")}
                                       << QByteArray("--token-lifetime");
        QTest::newRow("fault not json")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("{bad")} << QByteArray("not JSON");
        QTest::newRow("fault bad kind")
            << QStringList{QStringLiteral("--fault"), QStringLiteral("{\"kind\":\"nope\"}")}
            << QByteArray("unknown fault kind");
        QTest::newRow("user not email")
            << QStringList{QStringLiteral("--user"), QStringLiteral("someone")} << QByteArray("e-mail");
        QTest::newRow("positional") << QStringList{QStringLiteral("extra")}
                                    << QByteArray("unexpected argument");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--port")} << QByteArray("port");
    }
    void badOptionsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, mentions);
        const RunResult result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(mentions), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void printsOneLineAndStopsCleanlyOnSigterm()
    {
        DirectSandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start({QStringLiteral("--fault"),
                                QStringLiteral(R"({"kind":"hang","path":"/hang-here","times":"unlimited"})")},
                               &error),
                 qPrintable(error));
        // A hanging connection must not delay the shutdown.
        RawClient client;
        QVERIFY2(client.connectTo(sandbox.url, &error), qPrintable(error));
        QVERIFY(client.sendAll("GET /hang-here HTTP/1.1\r\nHost: x\r\n\r\n"));
        QVERIFY(!client.waitReadable(500)); // really hanging
        HttpProbe probe(sandbox.url);
        QCOMPARE(probe.get(QStringLiteral("/x")).status, 404);

        QElapsedTimer timer;
        timer.start();
        sandbox.process.terminate();
        QVERIFY(sandbox.process.waitForFinished(15'000));
        QCOMPARE(sandbox.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sandbox.process.exitCode(), 0);
        QVERIFY(sandbox.process.readAllStandardOutput().isEmpty()); // exactly one line in all
        figure(QStringLiteral("sigterm_shutdown_ms=%1 with_hanging_connections=1").arg(timer.elapsed()));
        QByteArray rest;
        const RawClient::End end = client.readUntilEnd(&rest, 10'000);
        QVERIFY(end == RawClient::End::Fin || end == RawClient::End::Reset);
    }

    void commandLineFaultsAreListed()
    {
        SandboxProcess sandbox(
            {QStringLiteral("--fault"),
             QStringLiteral(R"({"kind":"status","status":503,"path":"/a","times":2})"),
             QStringLiteral("--fault"),
             QStringLiteral(R"([{"kind":"latency","ms":5},{"kind":"expire-token","path":"/b"}])")});
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        HttpProbe probe(sandbox.url());
        const QJsonArray rules = faultRules(probe);
        QCOMPARE(rules.size(), 3);
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("status"));
        QCOMPARE(rules.at(0).toObject().value(QStringLiteral("remaining")).toInt(), 2);
        QCOMPARE(rules.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("latency"));
        QCOMPARE(rules.at(2).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("expire-token"));
    }

    void idleConnectionsAreClosed()
    {
        SandboxProcess sandbox({QStringLiteral("--idle-timeout"), QStringLiteral("1")});
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        RawClient client;
        QVERIFY2(client.connectTo(sandbox.url(), &error), qPrintable(error));
        QVERIFY(client.sendAll("GET /one HTTP/1.1\r\nHost: x\r\n\r\n"));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 404);
        QElapsedTimer timer;
        timer.start();
        QByteArray rest;
        QCOMPARE(client.readUntilEnd(&rest, 20'000), RawClient::End::Fin);
        QVERIFY(rest.isEmpty());
        QVERIFY(timer.elapsed() >= 900); // not before the idle timeout
        figure(QStringLiteral("idle_close_after_ms=%1 idle_timeout_ms=1000").arg(timer.elapsed()));
    }

    void adminApiAnswersOnlyOnLoopback()
    {
        QHostAddress external;
        const QList<QHostAddress> addresses = QNetworkInterface::allAddresses();
        for (const QHostAddress &address : addresses) {
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
                external = address;
                break;
            }
        }
        if (external.isNull())
            QSKIP("this machine has no non-loopback IPv4 address");
        SandboxProcess sandbox({QStringLiteral("--host"), external.toString()});
        QString error;
        QVERIFY2(sandbox.start(&error), qPrintable(error));
        HttpProbe probe(sandbox.url());
        const ProbeReply reply = probe.get(QStringLiteral("/__sandbox/faults"));
        QCOMPARE(reply.status, 403);
        QVERIFY(reply.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("loopback")));
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandbox_cli.moc"
