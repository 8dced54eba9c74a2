// anadesk-cli `alm` commands end to end against the real sandbox: revisions (list, latest, syncable,
// create, applied-to models), online/offline, comparison reports and summaries (created, followed,
// fetched to files compared by SHA-256), syncs (applied: the target gains the source's list), a task
// that fails (injected) → exit 12, Ctrl-C → 13 with the command to follow the task again.
#include "ModelApiCli.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
const QString kRelease10 = u"4A1C7E2B9D3F48A6B5C0E1F2A3B4C501"_s;
const QString kRelease11 = u"4A1C7E2B9D3F48A6B5C0E1F2A3B4C502"_s;
} // namespace

class TestCliAlm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupHelpListsEveryCommand();
    void revisions();
    void onlineAndOffline();
    void comparisonSummary();
    void comparisonReportToAFile();
    void reportTasksWithoutWaiting();
    void failedTaskExitsActionFailed();
    void interruptStopsFollowing();
    void syncAppliesTheRevision();
    void createRevisionAfterAChange();
    void noSecretInAnyOutput();

private:
    ModelApiCli m_env;
};

void TestCliAlm::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
}

void TestCliAlm::groupHelpListsEveryCommand()
{
    const QStringList commands =
        u"online offline revisions latest-revision syncable-revisions create-revision revision-models sync "
        u"sync-tasks sync-task compare compare-task compare-report summary summary-task summary-report"_s
            .split(u' ');
    const CliResult help = m_env.cli().run({u"alm"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const QString &command : commands) {
        QVERIFY2(help.out.contains(QByteArray("  " + command.toUtf8() + " ")), qPrintable(command));
        const CliResult one = m_env.cli().run({u"alm"_s, command, u"--help"_s});
        QCOMPARE(one.exitCode, 0);
    }
    qInfo("FIGURE: cli_alm_commands=%lld", qint64(commands.size()));
}

void TestCliAlm::revisions()
{
    const QJsonArray dev = m_env.array({u"alm"_s, u"revisions"_s, u"--sort"_s, u"createdOn"_s});
    QCOMPARE(dev.size(), 2);
    QCOMPARE(dev[0][u"id"_s].toString(), kRelease10);
    QCOMPARE(dev[0][u"name"_s].toString(), u"Release 1.0"_s);
    QCOMPARE(dev[1][u"id"_s].toString(), kRelease11);

    QCOMPARE(m_env.object({u"alm"_s, u"latest-revision"_s})[u"id"_s].toString(), kRelease11);
    QCOMPARE(m_env.object({u"alm"_s, u"latest-revision"_s}, 0, kProdModel)[u"id"_s].toString(), kRelease10);

    // PROD can take Release 1.1 from DEV (the source model by name).
    const QJsonArray syncable =
        m_env.array({u"alm"_s, u"syncable-revisions"_s, u"Sales Planning Demo"_s}, kProdModel);
    QCOMPARE(syncable.size(), 1);
    QCOMPARE(syncable[0][u"id"_s].toString(), kRelease11);

    // Release 1.0 (by name) was created in DEV and applied to PROD; DEV comes first.
    const QJsonArray applied = m_env.array({u"alm"_s, u"revision-models"_s, u"Release 1.0"_s});
    QVERIFY(applied.size() >= 2);
    QCOMPARE(applied[0][u"modelId"_s].toString(), kDemoModel);
    bool prodSeen = false;
    for (const QJsonValue &m : applied)
        prodSeen = prodSeen || m[u"id"_s].toString() == kProdModel;
    QVERIFY(prodSeen);

    // Unknown revision names and source models: exit 5.
    QCOMPARE(m_env.object({u"alm"_s, u"revision-models"_s, u"Release 9"_s}, 5)[u"error"_s][u"category"_s]
                 .toString(),
             u"not-found"_s);
    QCOMPARE(m_env.run({u"alm"_s, u"syncable-revisions"_s, u"No Such Model"_s}, kProdModel).exitCode, 5);
    // A model without revisions has no latest one (exit 5 with a hint).
    const QJsonObject none = m_env.object({u"alm"_s, u"latest-revision"_s}, 5, u"Scratch Model"_s);
    QVERIFY(none[u"error"_s][u"hint"_s].toString().contains(u"create-revision"_s));
}

void TestCliAlm::onlineAndOffline()
{
    const QString model = u"Capacity Planning"_s; // UNLOCKED, used by no other test here
    const QJsonObject off = m_env.object({u"alm"_s, u"offline"_s}, 0, model);
    QCOMPARE(off[u"online"_s].toBool(), false);
    QCOMPARE(m_env.run({u"tr"_s, u"list-items"_s, u"Regions"_s}, model).exitCode, 6); // offline: no data
    QCOMPARE(m_env.array({u"models"_s}, QString()).size(), 11);
    const QJsonObject on = m_env.object({u"alm"_s, u"online"_s}, 0, model);
    QCOMPARE(on[u"online"_s].toBool(), true);
    QCOMPARE(m_env.array({u"tr"_s, u"list-items"_s, u"Regions"_s}, model).size(), 4);
    // Locked → 400 (exit 2); archived → 422 (exit 7).
    QCOMPARE(m_env.run({u"alm"_s, u"offline"_s}, u"FP&A Consolidation"_s).exitCode, 2);
    QCOMPARE(m_env.run({u"alm"_s, u"offline"_s}, u"FY2021 Budget"_s).exitCode, 7);
}

void TestCliAlm::comparisonSummary()
{
    const QString file = m_env.path(u"summary.json"_s);
    const QJsonObject r =
        m_env.object({u"alm"_s, u"summary"_s, u"Sales Planning Demo"_s, u"-o"_s, file}, 0, kProdModel);
    const QJsonObject task = r[u"task"_s].toObject();
    QCOMPARE(task[u"kind"_s].toString(), u"summary-report"_s);
    QCOMPARE(task[u"taskState"_s].toString(), u"COMPLETE"_s);
    QCOMPARE(task[u"successful"_s].toBool(), true);
    QCOMPARE(task[u"sourceRevisionId"_s].toString(), kRelease11); // the default: newest syncable
    QCOMPARE(task[u"targetRevisionId"_s].toString(), kRelease10); // the default: PROD's latest
    const QJsonObject summary = r[u"summary"_s].toObject();
    QVERIFY(summary[u"totals"_s][u"created"_s].toInt() > 0);
    QVERIFY2(summary[u"differences"_s].toObject().contains(u"lists"_s),
             QJsonDocument(summary).toJson().constData());
    QCOMPARE(r[u"report"_s][u"sha256"_s].toString().toLatin1(), sha256OfFile(file));
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject fromFile = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(fromFile[u"totals"_s][u"created"_s].toInt(), summary[u"totals"_s][u"created"_s].toInt());

    // Human form: the counts per category.
    const CliResult human = m_env.run({u"alm"_s, u"summary"_s, kDemoModel}, kProdModel);
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("CATEGORY") && human.out.contains("lists"), human.out.constData());
}

void TestCliAlm::comparisonReportToAFile()
{
    // Into a directory: the name comes from the revisions (target first).
    const QString dir = m_env.path(u"reports"_s);
    QVERIFY(QDir().mkpath(dir));
    m_env.forgetRequests();
    const QJsonObject r =
        m_env.object({u"alm"_s, u"compare"_s, u"Sales Planning Demo"_s, u"--source-revision"_s,
                      u"Release 1.1 Channel planning"_s, u"-o"_s, dir},
                     0, kProdModel);
    QCOMPARE(r[u"task"_s][u"successful"_s].toBool(), true);
    const QString path = r[u"report"_s][u"path"_s].toString();
    QCOMPARE(QFileInfo(path).fileName(), u"comparison-%1-%2.tsv"_s.arg(kRelease10, kRelease11));
    QFile report(path);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray bytes = report.readAll();
    QVERIFY2(bytes.contains("Lists Added") && bytes.contains("Channels"), bytes.left(300).constData());
    QCOMPARE(r[u"report"_s][u"sha256"_s].toString().toLatin1(), sha256Hex(bytes));
    // The report URL puts the TARGET revision first.
    QCOMPARE(m_env.requestCount("GET", u"/alm/comparisonReports/%1/%2"_s.arg(kRelease10, kRelease11)), 1);

    // The same file again without --force: exit 15 before any task is created.
    m_env.forgetRequests();
    QCOMPARE(m_env.run({u"alm"_s, u"compare"_s, kDemoModel, u"-o"_s, path}, kProdModel).exitCode, 15);
    QCOMPARE(m_env.requestCount("POST", u"/alm/comparisonReportTasks"_s), 0);
    // Without -o: a usage error.
    QCOMPARE(m_env.run({u"alm"_s, u"compare"_s, kDemoModel}, kProdModel).exitCode, 2);
}

void TestCliAlm::reportTasksWithoutWaiting()
{
    const QJsonObject started =
        m_env.object({u"alm"_s, u"compare"_s, kDemoModel, u"--no-wait"_s}, 0, kProdModel);
    const QString taskId = started[u"taskId"_s].toString();
    QCOMPARE(taskId.size(), 32);
    QCOMPARE(started[u"kind"_s].toString(), u"comparison-report"_s);

    const QJsonObject done = m_env.object({u"alm"_s, u"compare-task"_s, taskId, u"--wait"_s}, 0, kProdModel);
    QCOMPARE(done[u"taskState"_s].toString(), u"COMPLETE"_s);
    QCOMPARE(done[u"result"_s][u"targetRevisionId"_s].toString(), kRelease10);
    const QJsonObject status = m_env.object({u"alm"_s, u"compare-task"_s, taskId}, 0, kProdModel);
    QCOMPARE(status[u"successful"_s].toBool(), true);

    const QString file = m_env.path(u"report-again.tsv"_s);
    const QJsonObject fetched =
        m_env.object({u"alm"_s, u"compare-report"_s, taskId, u"-o"_s, file}, 0, kProdModel);
    QCOMPARE(fetched[u"report"_s][u"sha256"_s].toString().toLatin1(), sha256OfFile(file));
    QVERIFY(fetched[u"report"_s][u"bytes"_s].toDouble() > 0);

    const QJsonObject summaryTask =
        m_env.object({u"alm"_s, u"summary"_s, kDemoModel, u"--no-wait"_s}, 0, kProdModel);
    const QString summaryId = summaryTask[u"taskId"_s].toString();
    QCOMPARE(
        m_env.object({u"alm"_s, u"summary-task"_s, summaryId, u"--wait"_s}, 0, kProdModel)[u"taskState"_s]
            .toString(),
        u"COMPLETE"_s);
    const QJsonObject summary = m_env.object({u"alm"_s, u"summary-report"_s, summaryId}, 0, kProdModel);
    QVERIFY(summary[u"summary"_s][u"totals"_s][u"created"_s].toInt() > 0);
    // A task id that does not exist: 404 → exit 5.
    QCOMPARE(
        m_env.run({u"alm"_s, u"compare-task"_s, u"0123456789ABCDEF0123456789ABCDEF"_s}, kProdModel).exitCode,
        5);
}

void TestCliAlm::failedTaskExitsActionFailed()
{
    // The sandbox's syncs succeed; one poll answer is replaced with a failed task, as Anaplan reports one.
    const QJsonObject failed{
        {u"task"_s,
         QJsonObject{{u"taskId"_s, u"0123456789ABCDEF0123456789ABCDEF"_s},
                     {u"taskState"_s, u"COMPLETE"_s},
                     {u"creationTime"_s, 1795856356093.0},
                     {u"currentStep"_s, u"Complete."_s},
                     {u"result"_s,
                      QJsonObject{{u"successful"_s, false},
                                  {u"sourceRevisionId"_s, kRelease11},
                                  {u"targetRevisionId"_s, kRelease10},
                                  {u"error"_s, QJsonObject{{u"title"_s, u"Sync failed"_s},
                                                           {u"messageText"_s, u"Injected failure"_s}}}}}}}};
    const QJsonObject rule{{u"kind"_s, u"status"_s},
                           {u"method"_s, u"GET"_s},
                           {u"path"_s, u"/2/0/models/*/alm/syncTasks/*"_s},
                           {u"status"_s, 200},
                           {u"body"_s, failed}};
    QCOMPARE(m_env.probe().postJson(u"/__sandbox/faults"_s, rule).status, 201);
    const QJsonObject r = m_env.object(
        {u"alm"_s, u"sync-task"_s, u"0123456789ABCDEF0123456789ABCDEF"_s, u"--wait"_s}, 12, kProdModel);
    QCOMPARE(r[u"successful"_s].toBool(), false);
    QCOMPARE(r[u"result"_s][u"error"_s][u"title"_s].toString(), u"Sync failed"_s);
    QCOMPARE(r[u"error"_s][u"category"_s].toString(), u"action-failed"_s);
    QVERIFY(r[u"error"_s][u"serverMessage"_s].toString().contains(u"Injected failure"_s) ||
            r[u"error"_s][u"message"_s].toString().contains(u"unsuccessfully"_s));
}

void TestCliAlm::interruptStopsFollowing()
{
    // A slow sandbox: the report task runs for a minute; SIGTERM (like Ctrl-C) stops following only.
    ModelApiCli slow({u"--task-duration"_s, u"60000"_s});
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    QProcess run;
    run.setProcessEnvironment(slow.cli().environment());
    run.start(CliRunner::binaryPath(), QStringList{u"--server"_s, slow.url().toString()} +
                                           slow.args({u"alm"_s, u"compare"_s, kDemoModel, u"-o"_s,
                                                      m_env.path(u"never.tsv"_s), u"--json"_s},
                                                     kProdModel));
    QVERIFY(run.waitForStarted(30'000));
    // Wait (polling the server's request log, no fixed sleep) until the CLI follows the task.
    QTRY_VERIFY_WITH_TIMEOUT(slow.sawRequest("GET", u"/alm/comparisonReportTasks/"_s), 60'000);
    run.terminate();
    QVERIFY(run.waitForFinished(60'000));
    const QByteArray out = run.readAllStandardOutput();
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(run.exitCode() == 13, qPrintable(QString::fromUtf8(out + err)));
    const QJsonObject r = QJsonDocument::fromJson(out).object();
    QCOMPARE(r[u"task"_s][u"taskState"_s].toString(), u"IN_PROGRESS"_s);
    QCOMPARE(r[u"error"_s][u"category"_s].toString(), u"cancelled"_s);
    QVERIFY2(r[u"error"_s][u"hint"_s].toString().contains(u"alm compare-task "_s +
                                                          r[u"task"_s][u"taskId"_s].toString()),
             qPrintable(r[u"error"_s][u"hint"_s].toString()));
    QVERIFY(!QFile::exists(m_env.path(u"never.tsv"_s)));
    const QString taskId = r[u"task"_s][u"taskId"_s].toString();
    // Its report cannot be fetched yet: exit 2 with the command that waits for it.
    const QJsonObject early = slow.object(
        {u"alm"_s, u"compare-report"_s, taskId, u"-o"_s, m_env.path(u"early.tsv"_s)}, 2, kProdModel);
    QVERIFY2(early[u"error"_s][u"message"_s].toString().contains(u"not finished"_s),
             qPrintable(early[u"error"_s][u"message"_s].toString()));
    QVERIFY(early[u"error"_s][u"hint"_s].toString().contains(u"--wait"_s));
    // The task goes on in Anaplan.
    const QJsonObject still =
        slow.object({u"alm"_s, u"compare-task"_s, r[u"task"_s][u"taskId"_s].toString()}, 0, kProdModel);
    QCOMPARE(still[u"taskState"_s].toString(), u"IN_PROGRESS"_s);
}

void TestCliAlm::syncAppliesTheRevision()
{
    QVERIFY(findByName(m_env.array({u"tr"_s, u"lists"_s}, kProdModel), u"Channels"_s).isEmpty());
    const QJsonObject r =
        m_env.object({u"alm"_s, u"sync"_s, u"Sales Planning Demo"_s}, 0, u"Sales Planning (Production)"_s);
    QCOMPARE(r[u"kind"_s].toString(), u"sync"_s);
    QCOMPARE(r[u"taskState"_s].toString(), u"COMPLETE"_s);
    QCOMPARE(r[u"successful"_s].toBool(), true);
    QCOMPARE(r[u"sourceModelId"_s].toString(), kDemoModel);
    QVERIFY2(r[u"created"_s].toString().endsWith(u'Z'),
             qPrintable(r[u"created"_s].toString())); // ISO 8601 UTC
    QCOMPARE(r[u"result"_s][u"sourceRevisionId"_s].toString(), kRelease11);
    const QString taskId = r[u"taskId"_s].toString();

    // The target now has the source's list and revision.
    QVERIFY(!findByName(m_env.array({u"tr"_s, u"lists"_s}, kProdModel), u"Channels"_s).isEmpty());
    QCOMPARE(m_env.object({u"alm"_s, u"latest-revision"_s}, 0, kProdModel)[u"id"_s].toString(), kRelease11);
    const QJsonArray tasks = m_env.array({u"alm"_s, u"sync-tasks"_s}, kProdModel);
    bool listed = false;
    for (const QJsonValue &t : tasks)
        listed = listed || t[u"taskId"_s].toString() == taskId;
    QVERIFY2(listed, QJsonDocument(tasks).toJson().constData());
    QCOMPARE(m_env.object({u"alm"_s, u"sync-task"_s, taskId}, 0, kProdModel)[u"successful"_s].toBool(), true);

    // Up to date: nothing left to sync (exit 5, says why).
    const QJsonObject again = m_env.object({u"alm"_s, u"sync"_s, kDemoModel}, 5, kProdModel);
    QVERIFY(again[u"error"_s][u"message"_s].toString().contains(u"No revision"_s));
}

void TestCliAlm::createRevisionAfterAChange()
{
    // DEV holds changes that are in no revision yet (REV02's Forecast Notes): a revision takes them.
    const QJsonObject first = m_env.object(
        {u"alm"_s, u"create-revision"_s, u"Release 1.2"_s, u"--description"_s, u"Forecast notes"_s});
    QCOMPARE(first[u"name"_s].toString(), u"Release 1.2"_s);
    QCOMPARE(first[u"description"_s].toString(), u"Forecast notes"_s);
    QCOMPARE(first[u"id"_s].toString().size(), 32);
    QCOMPARE(m_env.object({u"alm"_s, u"latest-revision"_s})[u"id"_s].toString(), first[u"id"_s].toString());
    // Nothing changed since: Anaplan refuses (400 → exit 2).
    const QJsonObject refused = m_env.object({u"alm"_s, u"create-revision"_s, u"Nothing new"_s}, 2);
    QCOMPARE(refused[u"error"_s][u"httpStatus"_s].toInt(), 400);
    // A new item in a non-production list is a structural change.
    const QString csv = m_env.writeFile(u"region.csv"_s, "name,code\nCentral,R-C\n");
    QCOMPARE(m_env.object({u"tr"_s, u"insert-items"_s, u"Regions"_s, u"--from"_s, csv})[u"added"_s].toInt(),
             1);
    const QJsonObject second = m_env.object({u"alm"_s, u"create-revision"_s, u"Release 1.3"_s});
    QCOMPARE(second[u"name"_s].toString(), u"Release 1.3"_s);
    QCOMPARE(m_env.array({u"alm"_s, u"revisions"_s}).size(), 4);
    // Too long a name is refused before sending.
    m_env.forgetRequests();
    QCOMPARE(m_env.run({u"alm"_s, u"create-revision"_s, QString(61, u'x')}).exitCode, 2);
    QCOMPARE(m_env.requestCount("POST", u"/alm/revisions"_s), 0);
}

void TestCliAlm::noSecretInAnyOutput()
{
    QByteArray found;
    const int leaking = m_env.cli().runsContaining({m_env.password(), m_env.probe().token()}, &found);
    qInfo("FIGURE: cli_alm_runs_scanned=%d secrets_planted=2 runs_with_secret=%d", m_env.cli().runCount(),
          leaking);
    QVERIFY2(leaking == 0, "a secret appeared in the output of anadesk-cli");
}

QTEST_GUILESS_MAIN(TestCliAlm)
#include "tst_CliAlm.moc"
