// anadesk-cli flows, and the long waits of cw and flows runs, end to end against a real anadesk-sandbox:
// the seeded flows, a flow made of integrations given by name, runs of selected steps checked through the
// integrations' run histories, and Ctrl-C (SIGTERM) cancelling a run on the server, on a second sandbox
// whose runs last a minute (the request log tells when the command is waiting: no fixed sleeps).
#include "CloudCliTest.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
const QString kModel = u"Sales Planning Demo"_s;
const QString kS3 = u"Finance S3 Landing"_s;
} // namespace

class TestCliFlows : public CloudCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startSandbox()); }
    void cleanupTestCase() { stopSandbox(); }

    void groupHelp();
    void seededFlows();
    void createUpdateRunDelete();
    void badFlowInputs();
    void interruptCancelsRunsOnTheServer();
    void noSecretInAnyOutput();

private:
    QString createImport(const QString &name);
    int historySize(const QString &integration);
};

QString TestCliFlows::createImport(const QString &name)
{
    const QString file = writeJson(
        name + u".json"_s,
        {{u"name"_s, name},
         {u"jobs"_s, QJsonArray{QJsonObject{
                         {u"sources"_s, QJsonArray{QJsonObject{{u"connectionId"_s, kS3},
                                                               {u"file"_s, u"sales/sales.csv"_s}}}},
                         {u"targets"_s, QJsonArray{QJsonObject{{u"actionId"_s, u"112000000001"_s}}}}}}}});
    const QJsonObject created =
        runObject({u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s, file});
    return lastOk() ? created.value(u"id"_s).toString() : QString();
}

int TestCliFlows::historySize(const QString &integration)
{
    const QJsonArray runs = runArray({u"cw"_s, u"runs"_s, integration});
    return lastOk() ? int(runs.size()) : -1;
}

void TestCliFlows::groupHelp()
{
    const CliResult help = m_cli.run({u"flows"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"list", "get", "create", "update", "delete", "run"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + command + " ")), command);
}

void TestCliFlows::seededFlows()
{
    const QJsonArray flows = runArray({u"flows"_s, u"list"_s});
    CHECK_RUN();
    QCOMPARE(flows.size(), 2);
    QCOMPARE(runArray({u"flows"_s, u"list"_s, u"--mine"_s}).size(), 2);
    const QJsonObject nightly = runObject({u"flows"_s, u"get"_s, u"nightly sales pipeline"_s}); // any case
    CHECK_RUN();
    QCOMPARE(nightly.value(u"name"_s).toString(), u"Nightly Sales Pipeline"_s);
    const QJsonArray steps = nightly.value(u"steps"_s).toArray();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(nightly.value(u"stepsCount"_s).toInt(), 3);
    QVERIFY(steps.at(0)[u"dependsOn"_s].toArray().isEmpty());
    QCOMPARE(steps.at(1)[u"dependsOn"_s].toArray(), QJsonArray{steps.at(0)[u"referrer"_s]});
    QCOMPARE(steps.at(2)[u"dependsOn"_s].toArray(), QJsonArray{steps.at(1)[u"referrer"_s]});
    // Human mode lists the steps in order.
    const CliResult human = runRaw({u"flows"_s, u"get"_s, u"Nightly Sales Pipeline"_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("  1. ") && human.out.contains("  3. "), human.out.constData());
    runObject({u"flows"_s, u"get"_s, u"No Such Flow"_s}, 5);
    CHECK_RUN();
}

void TestCliFlows::createUpdateRunDelete()
{
    const QString a = createImport(u"Flow Step A"_s);
    const QString b = createImport(u"Flow Step B"_s);
    QVERIFY(!a.isEmpty() && !b.isEmpty());

    // Steps by name, chained.
    const QJsonObject created = runObject(
        {u"flows"_s, u"create"_s, u"--name"_s, u"CLI Flow"_s, u"--chain"_s, u"Flow Step A, Flow Step B"_s});
    CHECK_RUN();
    const QString id = created.value(u"id"_s).toString();
    QCOMPARE(created.value(u"operation"_s).toString(), u"created"_s);
    QCOMPARE(created[u"steps"_s][0][u"referrer"_s].toString(), a);
    QCOMPARE(created[u"steps"_s][1][u"dependsOn"_s].toArray(), QJsonArray{a});

    // Update from a file (Anaplan's exceptionBehavior form for one step, the short form for the other).
    const QJsonObject updated = runObject(
        {u"flows"_s, u"update"_s, u"CLI Flow"_s, u"--from"_s,
         writeJson(
             u"flow.json"_s,
             {{u"name"_s, u"CLI Flow (renamed)"_s},
              {u"steps"_s, QJsonArray{QJsonObject{{u"referrer"_s, a},
                                                  {u"exceptionBehavior"_s,
                                                   QJsonArray{QJsonObject{{u"type"_s, u"failure"_s},
                                                                          {u"strategy"_s, u"continue"_s}},
                                                              QJsonObject{{u"type"_s, u"partial_success"_s},
                                                                          {u"strategy"_s, u"stop"_s}}}}},
                                      QJsonObject{{u"referrer"_s, u"Flow Step B"_s},
                                                  {u"dependsOn"_s, QJsonArray{u"Flow Step A"_s}},
                                                  {u"onFailure"_s, u"continue"_s}}}}})});
    CHECK_RUN();
    QCOMPARE(updated.value(u"name"_s).toString(), u"CLI Flow (renamed)"_s);
    QCOMPARE(updated[u"steps"_s][0][u"onFailure"_s].toString(), u"continue"_s);
    QCOMPARE(updated[u"steps"_s][0][u"onPartialSuccess"_s].toString(), u"stop"_s);
    QCOMPARE(updated[u"steps"_s][1][u"onFailure"_s].toString(), u"continue"_s);
    QCOMPARE(updated[u"steps"_s][1][u"dependsOn"_s].toArray(), QJsonArray{a});

    // Only step B: A does not run.
    const QJsonObject onlyB =
        runObject({u"flows"_s, u"run"_s, id, u"--steps"_s, u"Flow Step B"_s, u"--wait"_s});
    CHECK_RUN();
    QCOMPARE(onlyB.value(u"outcome"_s).toString(), u"succeeded"_s);
    QCOMPARE(onlyB.value(u"flowId"_s).toString(), id);
    QCOMPARE(onlyB.value(u"steps"_s).toArray(), QJsonArray{b});
    QCOMPARE(historySize(a), 0);
    QCOMPARE(historySize(b), 1);
    const QJsonArray bRuns = runArray({u"cw"_s, u"runs"_s, b});
    CHECK_RUN();
    // A step of a flow runs as "manual_inf"; the history may name the flow.
    QCOMPARE(bRuns.first()[u"triggerSource"_s].toString(), u"manual_inf"_s);
    const QString group = bRuns.first()[u"flowGroupId"_s].toString();
    QVERIFY2(group.isEmpty() || group == id, qPrintable(group));

    // All steps, started without waiting, then followed with run-status.
    const QJsonObject started = runObject({u"flows"_s, u"run"_s, u"CLI Flow (renamed)"_s});
    CHECK_RUN();
    const QJsonObject finished =
        runObject({u"cw"_s, u"run-status"_s, started.value(u"runId"_s).toString(), u"--wait"_s});
    CHECK_RUN();
    QCOMPARE(finished.value(u"outcome"_s).toString(), u"succeeded"_s);
    QCOMPARE(historySize(a), 1);
    QCOMPARE(historySize(b), 2);

    runObject({u"flows"_s, u"run"_s, id, u"--steps"_s, u"Nowhere"_s}, 5);
    CHECK_RUN();
    // An integration a flow uses cannot be deleted (409 → 6).
    runObject({u"cw"_s, u"integration-delete"_s, a}, 6);
    CHECK_RUN();
    const QJsonObject deleted = runObject({u"flows"_s, u"delete"_s, id});
    CHECK_RUN();
    QVERIFY(deleted.value(u"deleted"_s).toBool());
    runObject({u"flows"_s, u"get"_s, id}, 5);
    CHECK_RUN();
    for (const QString &integration : {a, b}) {
        runObject({u"cw"_s, u"integration-delete"_s, integration});
        CHECK_RUN();
    }
}

void TestCliFlows::badFlowInputs()
{
    const QJsonObject seeded = runObject({u"cw"_s, u"integration"_s, u"Load Sales from S3"_s});
    CHECK_RUN();
    runObject({u"flows"_s, u"create"_s, u"--name"_s, u"One"_s, u"--chain"_s, u"Load Sales from S3"_s},
              2); // 1 step
    CHECK_RUN();
    runObject({u"flows"_s, u"create"_s, u"--chain"_s, u"Load Sales from S3,Load Products from Azure"_s},
              2); // no name
    CHECK_RUN();
    runObject({u"flows"_s, u"create"_s}, 2); // neither --from nor --chain
    CHECK_RUN();
    runObject({u"flows"_s, u"create"_s, u"--from"_s,
               writeJson(u"typo.json"_s, {{u"name"_s, u"x"_s}, {u"stepz"_s, QJsonArray()}})},
              2);
    CHECK_RUN();
    runObject(
        {u"flows"_s, u"create"_s, u"--from"_s,
         writeJson(u"loop.json"_s,
                   {{u"name"_s, u"x"_s},
                    {u"steps"_s, QJsonArray{QJsonObject{{u"referrer"_s, seeded.value(u"id"_s)},
                                                        {u"onFailure"_s, u"maybe"_s}},
                                            QJsonObject{{u"referrer"_s, u"Load Products from Azure"_s}}}}}),
         u"--chain"_s, u"a,b"_s},
        2);
    CHECK_RUN();
    runObject(
        {u"flows"_s, u"create"_s, u"--from"_s,
         writeJson(u"strategy.json"_s,
                   {{u"name"_s, u"x"_s},
                    {u"steps"_s, QJsonArray{QJsonObject{{u"referrer"_s, seeded.value(u"id"_s)},
                                                        {u"onFailure"_s, u"maybe"_s}},
                                            QJsonObject{{u"referrer"_s, u"Load Products from Azure"_s}}}}})},
        2);
    CHECK_RUN();
    QCOMPARE(runArray({u"flows"_s, u"list"_s}).size(), 2);
}

void TestCliFlows::interruptCancelsRunsOnTheServer()
{
    SandboxProcess slow({u"--task-duration"_s, u"60000"_s});
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    HttpProbe probe(slow.url());
    QVERIFY(!probe.loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password)).body.isEmpty());
    const auto runWaiting = [&](const QStringList &command, const QString &pollPrefix) -> QJsonObject {
        const auto polls = [&] {
            int count = 0;
            const QJsonArray requests =
                probe.get(u"/__sandbox/requests"_s).json().value(u"requests"_s).toArray();
            for (const QJsonValue &r : requests)
                if (r[u"method"_s].toString() == "GET"_L1 && r[u"path"_s].toString().startsWith(pollPrefix))
                    ++count;
            return count;
        };
        const int before = polls();
        QProcess process;
        process.setProcessEnvironment(m_cli.environment());
        process.start(CliRunner::binaryPath(), QStringList{u"--server"_s, slow.url().toString()} +
                                                   base(command + QStringList{u"--json"_s}));
        if (!process.waitForStarted(30'000))
            return {};
        // Wait until the command polls the run's status (the request log; no fixed sleep).
        QElapsedTimer waited;
        waited.start();
        while (polls() == before && waited.elapsed() < 60'000)
            QTest::qWait(100);
        process.terminate(); // SIGTERM: handled like Ctrl-C
        if (!process.waitForFinished(60'000))
            return {};
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        if (process.exitCode() != 13 || !err.contains("Cancelling"))
            qWarning().noquote() << "exit" << process.exitCode() << out << err;
        QJsonObject result = QJsonDocument::fromJson(out).object();
        result.insert(u"exitCode"_s, process.exitCode());
        return result;
    };

    // An integration run.
    const QJsonObject run = runWaiting({u"cw"_s, u"run"_s, u"Load Products from Azure"_s, u"--wait"_s},
                                       u"/cloudworks/2/0/integrations/run/"_s);
    QCOMPARE(run.value(u"exitCode"_s).toInt(), 13);
    QCOMPARE(run[u"error"_s][u"category"_s].toString(), u"cancelled"_s);
    const QString runId = run.value(u"runId"_s).toString();
    QVERIFY(!runId.isEmpty());
    // The server agrees: the run has ended, cancelled.
    const QJsonObject status =
        probe.get(u"/cloudworks/2/0/integrations/run/"_s + runId).json().value(u"run"_s).toObject();
    QVERIFY2(!status.value(u"endDate"_s).toString().isEmpty(), QJsonDocument(status).toJson().constData());
    QVERIFY(status.value(u"message"_s).toString().contains(u"Cancel"_s));

    // A flow run: its running step's integration is cancelled, which cancels the flow.
    const QJsonObject flow = runWaiting({u"flows"_s, u"run"_s, u"Nightly Sales Pipeline"_s, u"--wait"_s},
                                        u"/cloudworks/2/0/integrations/run/"_s);
    QCOMPARE(flow.value(u"exitCode"_s).toInt(), 13);
    QCOMPARE(flow[u"error"_s][u"category"_s].toString(), u"cancelled"_s);
    const QJsonObject flowStatus =
        probe.get(u"/cloudworks/2/0/integrations/run/"_s + flow.value(u"runId"_s).toString())
            .json()
            .value(u"run"_s)
            .toObject();
    QVERIFY2(!flowStatus.value(u"endDate"_s).toString().isEmpty(),
             QJsonDocument(flowStatus).toJson().constData());

    CliRunner slowCli(slow.url());
    slowCli.setEnv(u"ANADESK_PASSWORD"_s, QString::fromUtf8(m_password));
    const auto slowRun = [&](const QStringList &command, int expectedExit) {
        const CliResult r = slowCli.run(base(command + QStringList{u"--json"_s}));
        if (r.exitCode != expectedExit)
            qWarning().noquote() << command.join(u' ') << r.describe();
        return std::make_pair(r.exitCode, r.json().object());
    };

    // Started without waiting; a second start while it runs → 409 → exit 6; `cw cancel` ends it and a
    // watcher sees the cancellation (13).
    auto [code, started] = slowRun({u"cw"_s, u"run"_s, u"Load Products from Azure"_s}, 0);
    QCOMPARE(code, 0);
    const QString startedRunId = started.value(u"runId"_s).toString();
    auto [busyCode, busy] = slowRun({u"cw"_s, u"run"_s, u"Load Products from Azure"_s}, 6);
    QCOMPARE(busyCode, 6);
    QCOMPARE(busy[u"error"_s][u"httpStatus"_s].toInt(), 409);
    auto [cancelCode, cancel] = slowRun({u"cw"_s, u"cancel"_s, u"Load Products from Azure"_s}, 0);
    QCOMPARE(cancelCode, 0);
    QVERIFY(cancel.value(u"cancelRequested"_s).toBool());
    auto [watchCode, watched] = slowRun({u"cw"_s, u"run-status"_s, startedRunId, u"--wait"_s}, 13);
    QCOMPARE(watchCode, 13);
    QCOMPARE(watched[u"error"_s][u"category"_s].toString(), u"cancelled"_s);

    // --max-wait: stop waiting (exit 9), the run goes on; then cancel it.
    auto [limitedCode, goesOn] =
        slowRun({u"cw"_s, u"run"_s, u"Load Sales from S3"_s, u"--wait"_s, u"--max-wait"_s, u"1"_s}, 9);
    QCOMPARE(limitedCode, 9);
    QCOMPARE(goesOn[u"error"_s][u"category"_s].toString(), u"timeout"_s);
    QVERIFY(goesOn.value(u"running"_s).toBool());
    QCOMPARE(slowRun({u"cw"_s, u"cancel"_s, u"Load Sales from S3"_s}, 0).first, 0);
    QCOMPARE(slowRun({u"cw"_s, u"run-status"_s, goesOn.value(u"runId"_s).toString(), u"--wait"_s}, 13).first,
             13);
    slow.stop();
}

void TestCliFlows::noSecretInAnyOutput()
{
    QCOMPARE(m_cli.runsContaining({m_password}), 0);
}

QTEST_GUILESS_MAIN(TestCliFlows)
#include "tst_CliFlows.moc"
