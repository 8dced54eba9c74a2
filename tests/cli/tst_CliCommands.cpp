// anadesk-cli end to end: the real binary against a real anadesk-sandbox. Every command runs with
// --json and its output is parsed and checked (ids, names, states); files are compared by SHA-256
// with what was uploaded or what the sandbox serves; exit codes per failure category.
#include "CliRunner.h"
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kWorkspace = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01"); // Financial Planning
const QString kDemoModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10"); // Sales Planning Demo
const QString kDemoModelName = QStringLiteral("Sales Planning Demo");
const QString kSalesImport = QStringLiteral("112000000001");
const QString kProductsImport = QStringLiteral("112000000000"); // its source file is never changed here
const QString kFailingImport = QStringLiteral("112000000006");
const QString kSalesFile = QStringLiteral("113000000001");
const QString kTabularExport = QStringLiteral("116000000000");
const QString kFailingProcess = QStringLiteral("118000000004");
const QString kOptimizer = QStringLiteral("117000000002");

QString bulkPath(const QString &rest)
{
    return QStringLiteral("/2/0/workspaces/%1/models/%2/%3").arg(kWorkspace, kDemoModel, rest);
}

bool isHex32(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    return hex.match(text).hasMatch();
}

// A CSV for the Sales module with `rows` rows (~30 bytes each), different on every call.
QByteArray salesCsv(int rows)
{
    QByteArray csv = "Products,Regions,Units,Price,Notes\n";
    const quint32 salt = QRandomGenerator::global()->generate();
    for (int i = 0; i < rows; ++i)
        csv += "Laptop,South," + QByteArray::number(i) + ",899,note " + QByteArray::number(salt) + "-" +
               QByteArray::number(i) + "\n";
    return csv;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestCliCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndVersion();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void missingPasswordWithoutTerminal();
    void listWorkspaces();
    void listModelsOfWorkspaceByName();
    void listModelObjectsByModelName_data();
    void listModelObjectsByModelName();
    void humanTablesShowIdsBesideNames();
    void unknownNameIsNotFoundWithSuggestions();
    void ambiguousNamesAreNeverGuessed();
    void runImportByName();
    void runFailingImportExitsActionFailed();
    void runNoWaitThenTaskAndTasks();
    void processDump();
    void optimizerLog();
    void uploadAndDownloadRoundTrip();
    void streamUploadFromStandardInput();
    void uploadAndImport();
    void exportAndDownload();
    void cancelRunningTask();
    void interruptCancelsTheTaskOnTheServer();
    void modelLifecycle();
    void pollDelayIsNeverCutShort();
    void noSecretInAnyOutput();

private:
    QStringList base(const QStringList &more = {}) const;
    QJsonObject runJsonObject(const QStringList &args, int expectedExit = 0);
    QJsonArray runJsonArray(const QStringList &args);

    SandboxProcess m_sandbox{{QStringLiteral("--task-duration"), QStringLiteral("1500")}};
    CliRunner m_cli;
    HttpProbe *m_probe = nullptr;
    QByteArray m_password;
    QTemporaryDir m_dir;
};

QStringList TestCliCommands::base(const QStringList &more) const
{
    return QStringList{QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--poll-delay"),
                       QStringLiteral("0.2")} +
           more;
}

QJsonObject TestCliCommands::runJsonObject(const QStringList &args, int expectedExit)
{
    const CliResult r = m_cli.run(base(args) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    if (r.exitCode != expectedExit || !ok || !doc.isObject())
        qWarning().noquote() << "anadesk-cli" << args.join(QLatin1Char(' ')) << r.describe();
    [&] {
        QCOMPARE(r.exitCode, expectedExit);
        QVERIFY2(ok && doc.isObject(), "stdout must be exactly one JSON object");
    }();
    return doc.object();
}

QJsonArray TestCliCommands::runJsonArray(const QStringList &args)
{
    const CliResult r = m_cli.run(base(args) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    if (r.exitCode != 0 || !ok || !doc.isArray())
        qWarning().noquote() << "anadesk-cli" << args.join(QLatin1Char(' ')) << r.describe();
    [&] {
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(ok && doc.isArray(), "stdout must be exactly one JSON array");
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // nothing on stderr when it is not a terminal
    }();
    return doc.array();
}

void TestCliCommands::initTestCase()
{
    QVERIFY2(QFile::exists(CliRunner::binaryPath()), qPrintable(CliRunner::binaryPath()));
    QVERIFY(m_dir.isValid());
    // A password only this run knows, planted so the last test can search every output for it.
    m_password = "Cli-Pw-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    qputenv("ANADESK_SANDBOX_PASSWORD", m_password);
    QString error;
    QVERIFY2(m_sandbox.start(&error), qPrintable(error));
    m_cli.setServer(m_sandbox.url());
    m_cli.setEnv(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
    m_probe = new HttpProbe(m_sandbox.url());
    const ProbeReply login = m_probe->loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password));
    QVERIFY2(!m_probe->token().isEmpty(), login.body.constData());
}

void TestCliCommands::helpAndVersion()
{
    const CliResult version = m_cli.run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("anadesk-cli "));

    const CliResult help = m_cli.run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QStringList commands =
        QStringLiteral("workspaces models files imports exports processes actions run tasks task cancel dump "
                       "upload download upload-and-import export-and-download optimizer-log delete-models "
                       "model-status open-model close-model")
            .split(QLatin1Char(' '));
    for (const QString &command : commands) {
        QVERIFY2(help.out.contains(QByteArray("  " + command.toUtf8() + " ")), qPrintable(command));
        const CliResult one = m_cli.run({command, QStringLiteral("--help")});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.startsWith(QByteArray("Usage: anadesk-cli [OPTIONS] " + command.toUtf8())),
                 one.out.constData());
    }
    QVERIFY(help.out.contains("Exit codes:"));
    QVERIFY(help.out.contains("ANADESK_PASSWORD"));
}

void TestCliCommands::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s};
    QTest::newRow("unknown option") << QStringList{u"--frob"_s, u"workspaces"_s};
    QTest::newRow("option of another command") << QStringList{u"workspaces"_s, u"--no-wait"_s};
    QTest::newRow("missing argument") << QStringList{u"run"_s};
    QTest::newRow("too many arguments") << QStringList{u"tasks"_s, u"a"_s, u"b"_s};
    QTest::newRow("missing option value") << QStringList{u"workspaces"_s, u"--model"_s};
    QTest::newRow("bad poll delay") << QStringList{u"--poll-delay"_s, u"soon"_s, u"workspaces"_s};
    QTest::newRow("bad retries") << QStringList{u"--retries"_s, u"-1"_s, u"workspaces"_s};
    QTest::newRow("chunk size too big") << QStringList{u"--chunk-size"_s, u"50000001"_s, u"workspaces"_s};
    QTest::newRow("server and region") << QStringList{u"--region"_s, u"eu1"_s, u"workspaces"_s};
    QTest::newRow("unknown region") << QStringList{u"--region"_s, u"mars1"_s, u"workspaces"_s};
    QTest::newRow("flag with value") << QStringList{u"--json=yes"_s, u"workspaces"_s};
    QTest::newRow("token with user") << QStringList{u"--token"_s, u"x"_s, u"workspaces"_s};
    QTest::newRow("model needed") << QStringList{u"files"_s};
    QTest::newRow("download without -o") << QStringList{u"--model"_s, kDemoModel, u"download"_s, kSalesFile};
    QTest::newRow("stdin without --stream")
        << QStringList{u"--model"_s, kDemoModel, u"upload"_s, kSalesFile, u"-"_s};
}

void TestCliCommands::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    // base() adds --server (runner) and --user; every case must still be a usage error.
    CliResult r = m_cli.run(base(args));
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), "a usage error prints nothing on stdout without --json");
    QVERIFY2(r.err.startsWith("anadesk-cli: "), r.err.constData());

    r = m_cli.run(QStringList{QStringLiteral("--json")} + base(args)); // first: "--model" must stay last
    QCOMPARE(r.exitCode, 2);
    bool ok = false;
    const QJsonObject error = r.json(&ok).object().value(QStringLiteral("error")).toObject();
    QVERIFY2(ok, r.out.constData());
    QCOMPARE(error.value(QStringLiteral("category")).toString(), QStringLiteral("bad-input"));
    QCOMPARE(error.value(QStringLiteral("exitCode")).toInt(), 2);
}

void TestCliCommands::missingPasswordWithoutTerminal()
{
    QProcessEnvironment env = m_cli.environment();
    env.remove(QStringLiteral("ANADESK_PASSWORD"));
    const CliResult r = m_cli.runWithEnv(base({QStringLiteral("workspaces")}), env);
    QCOMPARE(r.exitCode, 2); // stdin is a pipe: no prompt, a clear error instead of a hang
    QVERIFY2(r.err.contains("ANADESK_PASSWORD"), r.err.constData());
    QVERIFY2(r.err.contains("demo@anadesk.test"), r.err.constData());
}

void TestCliCommands::listWorkspaces()
{
    const QJsonArray items = runJsonArray({QStringLiteral("workspaces")});
    QCOMPARE(items.size(), 4);
    QStringList names;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        QVERIFY(isHex32(o.value(QStringLiteral("id")).toString()));
        names.append(o.value(QStringLiteral("name")).toString());
        QVERIFY(o.value(QStringLiteral("sizeAllowance")).toDouble() > 0);
    }
    QVERIFY(names.contains(QStringLiteral("Financial Planning")));
    QVERIFY(names.contains(QStringLiteral("Archive 2021")));
}

void TestCliCommands::listModelsOfWorkspaceByName()
{
    const QJsonArray all = runJsonArray({QStringLiteral("models")});
    QCOMPARE(all.size(), 11);
    const QJsonArray some = runJsonArray(
        {QStringLiteral("--workspace"), QStringLiteral("Sales Operations"), QStringLiteral("models")});
    QCOMPARE(some.size(), 3);
    for (const QJsonValue &v : some) {
        QCOMPARE(v[QStringLiteral("workspaceName")].toString(), QStringLiteral("Sales Operations"));
        QVERIFY(isHex32(v[QStringLiteral("id")].toString()));
        QVERIFY(!v[QStringLiteral("name")].toString().isEmpty());
    }
}

void TestCliCommands::listModelObjectsByModelName_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");
    QTest::newRow("imports") << u"imports"_s << 7 << kSalesImport << u"Sales from Sales.csv"_s;
    QTest::newRow("exports") << u"exports"_s << 7 << kTabularExport << u"Sales - Tabular.csv"_s;
    QTest::newRow("processes") << u"processes"_s << 5 << kFailingProcess << u"Load Sales with Errors"_s;
    QTest::newRow("actions") << u"actions"_s << 3 << kOptimizer << u"Optimize Sales Mix"_s;
    QTest::newRow("files") << u"files"_s << -1 << kSalesFile << u"Sales.csv"_s;
}

void TestCliCommands::listModelObjectsByModelName()
{
    QFETCH(QString, command);
    QFETCH(int, count);
    QFETCH(QString, id);
    QFETCH(QString, name);
    // The model by name and no --workspace: the CLI finds the model's workspace itself.
    const QJsonArray items = runJsonArray({QStringLiteral("--model"), kDemoModelName, command});
    if (count >= 0)
        QCOMPARE(items.size(), count);
    bool found = false;
    for (const QJsonValue &v : items) {
        QVERIFY(!v[QStringLiteral("id")].toString().isEmpty());
        QVERIFY(v.toObject().contains(QStringLiteral("name")));
        if (v[QStringLiteral("id")].toString() == id) {
            QCOMPARE(v[QStringLiteral("name")].toString(), name);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(id));
}

void TestCliCommands::humanTablesShowIdsBesideNames()
{
    const CliResult r = m_cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("imports")}));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QList<QByteArray> lines = r.out.split('\n');
    QVERIFY(lines.first().startsWith("ID "));
    const qsizetype nameColumn = lines.first().indexOf("NAME");
    QVERIFY(nameColumn > 0);
    bool found = false;
    for (const QByteArray &line : lines)
        if (line.startsWith(kSalesImport.toUtf8())) {
            QCOMPARE(line.indexOf("Sales from Sales.csv"), nameColumn); // aligned columns
            found = true;
        }
    QVERIFY(found);
}

void TestCliCommands::unknownNameIsNotFoundWithSuggestions()
{
    const QJsonObject o = runJsonObject(
        {QStringLiteral("--model"), kDemoModel, QStringLiteral("run"), QStringLiteral("Sales from")}, 5);
    const QJsonObject error = o.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("category")).toString(), QStringLiteral("not-found"));
    QVERIFY(error.value(QStringLiteral("hint")).toString().contains(kSalesImport));
    QVERIFY(error.value(QStringLiteral("hint")).toString().contains(kFailingImport));
    // An unknown model name, and an unknown id (the server answers 404).
    runJsonObject({QStringLiteral("--model"), QStringLiteral("No Such Model"), QStringLiteral("files")}, 5);
    runJsonObject(
        {QStringLiteral("--model"), kDemoModel, QStringLiteral("run"), QStringLiteral("112999999999")}, 5);
}

void TestCliCommands::ambiguousNamesAreNeverGuessed()
{
    // A tenant with duplicate names: a model name used in two workspaces, and an import whose name
    // differs from another's only by case. Made by editing the sandbox's saved state (--data).
    const QString data = m_dir.filePath(QStringLiteral("ambiguous-tenant"));
    {
        SandboxProcess seed({QStringLiteral("--data"), data});
        QString error;
        QVERIFY2(seed.start(&error), qPrintable(error));
    } // stopped: tenant.json holds the seeded state
    QFile file(data + QStringLiteral("/tenant.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject tenant = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray models = tenant.value(QStringLiteral("models")).toArray();
    int renamed = 0;
    for (qsizetype i = 0; i < models.size(); ++i) {
        QJsonObject model = models.at(i).toObject();
        if (model.value(QStringLiteral("name")).toString() == QLatin1String("Pilot Model (old)")) {
            model.insert(QStringLiteral("name"), QStringLiteral("Capacity Planning")); // also in Supply Chain
            ++renamed;
        }
        if (model.value(QStringLiteral("id")).toString() == kDemoModel) {
            QJsonObject content = model.value(QStringLiteral("content")).toObject();
            QJsonArray imports = content.value(QStringLiteral("imports")).toArray();
            for (qsizetype k = 0; k < imports.size(); ++k) {
                QJsonObject import = imports.at(k).toObject();
                if (import.value(QStringLiteral("id")).toString() == QLatin1String("112000000002")) {
                    import.insert(QStringLiteral("name"), QStringLiteral("SALES FROM SALES.CSV"));
                    imports.replace(k, import);
                    ++renamed;
                }
            }
            content.insert(QStringLiteral("imports"), imports);
            model.insert(QStringLiteral("content"), content);
        }
        models.replace(i, model);
    }
    QCOMPARE(renamed, 2);
    tenant.insert(QStringLiteral("models"), models);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(tenant).toJson());
    file.close();

    SandboxProcess sandbox({QStringLiteral("--data"), data});
    QString error;
    QVERIFY2(sandbox.start(&error), qPrintable(error));
    CliRunner cli(sandbox.url());
    cli.setEnv(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));

    CliResult r = cli.run(base({QStringLiteral("--json"), QStringLiteral("--model"),
                                QStringLiteral("Capacity Planning"), QStringLiteral("files")}));
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QJsonObject e = r.json().object().value(QStringLiteral("error")).toObject();
    const QString candidates = e.value(QStringLiteral("serverMessage")).toString();
    QVERIFY2(candidates.contains(QStringLiteral("75A40874E6B64FA3AE0743278B9E3A18")) &&
                 candidates.contains(QStringLiteral("75A40874E6B64FA3AE0743278B9E3A19")),
             qPrintable(r.describe()));
    // --workspace narrows the search to one.
    r = cli.run(
        base({QStringLiteral("--json"), QStringLiteral("--workspace"), QStringLiteral("Supply Chain"),
              QStringLiteral("--model"), QStringLiteral("Capacity Planning"), QStringLiteral("imports")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // Exact name wins; names equal only when case is ignored are ambiguous.
    r = cli.run(base({QStringLiteral("--json"), QStringLiteral("--model"), kDemoModel,
                      QStringLiteral("tasks"), QStringLiteral("Sales from Sales.csv")}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    r = cli.run(base({QStringLiteral("--json"), QStringLiteral("--model"), kDemoModel, QStringLiteral("run"),
                      QStringLiteral("sales from sales.csv")}));
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    e = r.json().object().value(QStringLiteral("error")).toObject();
    QVERIFY(e.value(QStringLiteral("serverMessage")).toString().contains(kSalesImport));
    QVERIFY(e.value(QStringLiteral("serverMessage")).toString().contains(QStringLiteral("112000000002")));
    QVERIFY(r.err.contains("112000000002")); // the candidates with their ids, on stderr too
}

void TestCliCommands::runImportByName()
{
    const QJsonObject task = runJsonObject({QStringLiteral("--model"), kDemoModelName, QStringLiteral("run"),
                                            QStringLiteral("Sales from Sales.csv")});
    QCOMPARE(task.value(QStringLiteral("actionId")).toString(), kSalesImport);
    QCOMPARE(task.value(QStringLiteral("actionName")).toString(), QStringLiteral("Sales from Sales.csv"));
    QCOMPARE(task.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(task.value(QStringLiteral("successful")).toBool(), true);
    QVERIFY(isHex32(task.value(QStringLiteral("taskId")).toString()));
    QVERIFY(!task.contains(QStringLiteral("error")));
}

void TestCliCommands::runFailingImportExitsActionFailed()
{
    const QJsonObject task =
        runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("run"), kFailingImport}, 12);
    QCOMPARE(task.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(task.value(QStringLiteral("successful")).toBool(), false);
    QCOMPARE(task[QStringLiteral("error")][QStringLiteral("category")].toString(),
             QStringLiteral("action-failed"));
    QVERIFY(task[QStringLiteral("result")][QStringLiteral("failureDumpAvailable")].toBool());
    const QString taskId = task.value(QStringLiteral("taskId")).toString();

    // The failure dump, saved through the CLI, is byte for byte what the sandbox serves.
    const QString path = m_dir.filePath(QStringLiteral("failures.csv"));
    const QJsonObject saved = runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("dump"),
                                             kFailingImport, taskId, QStringLiteral("-o"), path});
    const ProbeReply served =
        m_probe->get(bulkPath(QStringLiteral("imports/%1/tasks/%2/dump").arg(kFailingImport, taskId)));
    QCOMPARE(served.status, 200);
    QVERIFY(served.body.contains("Atlantis"));
    QCOMPARE(sha256OfFile(path), sha256Hex(served.body));
    QCOMPARE(saved.value(QStringLiteral("sha256")).toString().toUtf8(), sha256Hex(served.body));
    QCOMPARE(qint64(saved.value(QStringLiteral("bytes")).toDouble()), qint64(served.body.size()));

    // Saving again without --force refuses to overwrite (local-io), with --force replaces.
    runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("dump"), kFailingImport, taskId,
                   QStringLiteral("-o"), path},
                  15);
    runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("dump"), kFailingImport, taskId,
                   QStringLiteral("-o"), path, QStringLiteral("--force")});
}

void TestCliCommands::runNoWaitThenTaskAndTasks()
{
    const CliResult started = m_cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("run"),
                                              kFailingImport, QStringLiteral("--no-wait")}));
    QCOMPARE(started.exitCode, 0);
    const QString taskId = QString::fromUtf8(started.out.trimmed());
    QVERIFY2(isHex32(taskId), started.out.constData()); // just the id, for scripts

    const QJsonObject now = runJsonObject(
        {QStringLiteral("--model"), kDemoModel, QStringLiteral("task"), kFailingImport, taskId});
    QCOMPARE(now.value(QStringLiteral("taskId")).toString(), taskId);
    QVERIFY(QStringList({u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"COMPLETE"_s})
                .contains(now.value(QStringLiteral("taskState")).toString()));

    // --wait follows it to the end and exits like run: the import fails → 12.
    const QJsonObject done = runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("task"),
                                            kFailingImport, taskId, QStringLiteral("--wait")},
                                           12);
    QCOMPARE(done.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(done.value(QStringLiteral("successful")).toBool(), false);

    const QJsonArray tasks = runJsonArray({QStringLiteral("--model"), kDemoModel, QStringLiteral("tasks"),
                                           QStringLiteral("Sales from Sales with errors.csv")});
    bool listed = false;
    for (const QJsonValue &t : tasks)
        if (t[QStringLiteral("taskId")].toString() == taskId) {
            QCOMPARE(t[QStringLiteral("id")].toString(), taskId);
            QCOMPARE(t[QStringLiteral("taskState")].toString(), QStringLiteral("COMPLETE"));
            listed = true;
        }
    QVERIFY(listed);
}

void TestCliCommands::processDump()
{
    const QJsonObject task = runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("run"),
                                            QStringLiteral("Load Sales with Errors")},
                                           12);
    const QString taskId = task.value(QStringLiteral("taskId")).toString();
    QVERIFY(!task[QStringLiteral("result")][QStringLiteral("nestedResults")].toArray().isEmpty());
    // Into a directory: the CLI picks a safe name itself.
    const QString dir = m_dir.filePath(QStringLiteral("dumps"));
    QVERIFY(QDir().mkpath(dir));
    const QJsonObject saved = runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("dump"),
                                             kFailingProcess, taskId, QStringLiteral("-o"), dir});
    QCOMPARE(saved.value(QStringLiteral("objectId")).toString(), kFailingImport);
    const QString path = saved.value(QStringLiteral("path")).toString();
    QVERIFY(QFileInfo(path).absolutePath() == QFileInfo(dir).absoluteFilePath());
    const ProbeReply served = m_probe->get(bulkPath(
        QStringLiteral("processes/%1/tasks/%2/dumps/%3").arg(kFailingProcess, taskId, kFailingImport)));
    QCOMPARE(served.status, 200);
    QCOMPARE(sha256OfFile(path), sha256Hex(served.body));
}

void TestCliCommands::optimizerLog()
{
    const QJsonObject task =
        runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("run"), kOptimizer});
    const QString taskId = task.value(QStringLiteral("taskId")).toString();
    const QString path = m_dir.filePath(QStringLiteral("solver.log"));
    const QJsonObject saved =
        runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("optimizer-log"),
                       QStringLiteral("Optimize Sales Mix"), taskId, QStringLiteral("-o"), path});
    const ProbeReply served = m_probe->get(
        bulkPath(QStringLiteral("optimizeActions/%1/tasks/%2/solutionLogs").arg(kOptimizer, taskId)));
    QCOMPARE(served.status, 200);
    QVERIFY(!served.body.isEmpty());
    QCOMPARE(sha256OfFile(path), sha256Hex(served.body));
    QCOMPARE(saved.value(QStringLiteral("sha256")).toString().toUtf8(), sha256Hex(served.body));
}

void TestCliCommands::uploadAndDownloadRoundTrip()
{
    const QByteArray csv = salesCsv(100'000); // ~3.4 MB: several chunks of 1 MB
    const QString source = m_dir.filePath(QStringLiteral("sales-big.csv"));
    QVERIFY(writeFile(source, csv));
    const QJsonObject up = runJsonObject({QStringLiteral("--model"), kDemoModel,
                                          QStringLiteral("--chunk-size"), QStringLiteral("1000000"),
                                          QStringLiteral("upload"), QStringLiteral("Sales.csv"), source});
    QCOMPARE(up.value(QStringLiteral("fileId")).toString(), kSalesFile);
    QCOMPARE(qint64(up.value(QStringLiteral("bytes")).toDouble()), qint64(csv.size()));
    QVERIFY(up.value(QStringLiteral("chunks")).toInt() >= 4);
    QCOMPARE(up.value(QStringLiteral("sha256")).toString().toUtf8(), sha256Hex(csv));

    const QString target = m_dir.filePath(QStringLiteral("sales-back.csv"));
    const QJsonObject down = runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("download"),
                                            kSalesFile, QStringLiteral("-o"), target});
    QCOMPARE(sha256OfFile(target), sha256Hex(csv));
    QCOMPARE(down.value(QStringLiteral("sha256")).toString().toUtf8(), sha256Hex(csv));
    QCOMPARE(down.value(QStringLiteral("chunks")).toInt(), up.value(QStringLiteral("chunks")).toInt());
    QVERIFY(!QFile::exists(target + QStringLiteral(".partial")));

    // -o - streams the content to stdout.
    const CliResult raw = m_cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("download"),
                                          kSalesFile, QStringLiteral("-o"), QStringLiteral("-")}));
    QCOMPARE(raw.exitCode, 0);
    QCOMPARE(sha256Hex(raw.out), sha256Hex(csv));
    qInfo("FIGURE: cli_upload_bytes=%lld cli_upload_chunks=%d sha256_equal=1", qint64(csv.size()),
          up.value(QStringLiteral("chunks")).toInt());
}

void TestCliCommands::streamUploadFromStandardInput()
{
    const QByteArray csv = salesCsv(60'000);
    const QJsonObject up = [&] {
        const CliResult r =
            m_cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("--chunk-size"),
                            QStringLiteral("1000000"), QStringLiteral("upload"), kSalesFile,
                            QStringLiteral("-"), QStringLiteral("--stream"), QStringLiteral("--json")}),
                      csv);
        if (r.exitCode != 0)
            qWarning().noquote() << r.describe();
        return r.json().object();
    }();
    QCOMPARE(qint64(up.value(QStringLiteral("bytes")).toDouble()), qint64(csv.size()));
    QCOMPARE(up.value(QStringLiteral("chunks")).toInt(),
             int((csv.size() + 999'999) / 1'000'000)); // full chunks
    const QString target = m_dir.filePath(QStringLiteral("streamed-back.csv"));
    runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("download"), kSalesFile,
                   QStringLiteral("-o"), target});
    QCOMPARE(sha256OfFile(target), sha256Hex(csv));
}

void TestCliCommands::uploadAndImport()
{
    const QByteArray csv =
        "Products,Regions,Units,Price,Notes\nLaptop,South,7,899,cli test\nMonitor,North,3,229.9,\n";
    const QString source = m_dir.filePath(QStringLiteral("sales-small.csv"));
    QVERIFY(writeFile(source, csv));
    const QJsonObject o =
        runJsonObject({QStringLiteral("--model"), kDemoModelName, QStringLiteral("upload-and-import"),
                       QStringLiteral("Sales.csv"), source, QStringLiteral("Sales from Sales.csv")});
    QCOMPARE(o[QStringLiteral("upload")][QStringLiteral("sha256")].toString().toUtf8(), sha256Hex(csv));
    QCOMPARE(o[QStringLiteral("task")][QStringLiteral("taskState")].toString(), QStringLiteral("COMPLETE"));
    QCOMPARE(o[QStringLiteral("task")][QStringLiteral("successful")].toBool(), true);
    QCOMPARE(o[QStringLiteral("task")][QStringLiteral("actionId")].toString(), kSalesImport);

    // The same into the file of the failing import's mapping: rows the model rejects → exit 12.
    const QByteArray bad = "Products,Regions,Units,Price,Notes\nHoverboard,Atlantis,x,1,\n";
    QVERIFY(writeFile(source, bad));
    const QJsonObject failed =
        runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("upload-and-import"), kSalesFile,
                       source, kSalesImport},
                      12);
    QCOMPARE(failed[QStringLiteral("task")][QStringLiteral("successful")].toBool(), false);
    QCOMPARE(failed[QStringLiteral("error")][QStringLiteral("exitCode")].toInt(), 12);
}

void TestCliCommands::exportAndDownload()
{
    const QString dir = m_dir.filePath(QStringLiteral("exports"));
    QVERIFY(QDir().mkpath(dir));
    const QJsonObject o =
        runJsonObject({QStringLiteral("--model"), kDemoModel, QStringLiteral("export-and-download"),
                       QStringLiteral("Sales - Tabular.csv"), QStringLiteral("-o"), dir});
    QCOMPARE(o[QStringLiteral("task")][QStringLiteral("taskState")].toString(), QStringLiteral("COMPLETE"));
    const QString path = o[QStringLiteral("download")][QStringLiteral("path")].toString();
    QCOMPARE(QFileInfo(path).fileName(), QStringLiteral("Sales - Tabular.csv"));
    const ProbeReply served = m_probe->request("GET", bulkPath(QStringLiteral("files/") + kTabularExport), {},
                                               {{"Accept", "application/octet-stream"}});
    QCOMPARE(served.status, 200);
    QVERIFY(!served.body.isEmpty());
    QCOMPARE(sha256OfFile(path), sha256Hex(served.body));
    QCOMPARE(o[QStringLiteral("download")][QStringLiteral("sha256")].toString().toUtf8(),
             sha256Hex(served.body));
}

void TestCliCommands::cancelRunningTask()
{
    // A sandbox whose tasks take long enough to be cancelled while they run.
    SandboxProcess slow({QStringLiteral("--task-duration"), QStringLiteral("60000")});
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    CliRunner cli(slow.url());
    cli.setEnv(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
    const CliResult started = cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("run"),
                                            QStringLiteral("Load Sales Data"), QStringLiteral("--no-wait")}));
    QCOMPARE(started.exitCode, 0);
    const QString taskId = QString::fromUtf8(started.out.trimmed());
    QVERIFY(isHex32(taskId));
    const CliResult cancelled =
        cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("cancel"),
                      QStringLiteral("Load Sales Data"), taskId, QStringLiteral("--json")}));
    QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.describe()));
    QCOMPARE(cancelled.json().object().value(QStringLiteral("taskState")).toString(),
             QStringLiteral("CANCELLED"));
    const CliResult after = cli.run(base({QStringLiteral("--model"), kDemoModel, QStringLiteral("task"),
                                          QStringLiteral("118000000000"), taskId, QStringLiteral("--json")}));
    QCOMPARE(after.exitCode, 0);
    QCOMPARE(after.json().object().value(QStringLiteral("taskState")).toString(),
             QStringLiteral("CANCELLED"));
}

void TestCliCommands::interruptCancelsTheTaskOnTheServer()
{
    // SIGTERM/Ctrl-C while `run` waits: the task is cancelled on the server (as Anaplan Connect's
    // shutdown hook does), the command reports it and exits 13 (cancelled).
    SandboxProcess slow({QStringLiteral("--task-duration"), QStringLiteral("60000")});
    QString error;
    QVERIFY2(slow.start(&error), qPrintable(error));
    HttpProbe probe(slow.url());
    QProcess run;
    QProcessEnvironment env = m_cli.environment();
    run.setProcessEnvironment(env);
    run.start(CliRunner::binaryPath(),
              QStringList{QStringLiteral("--server"), slow.url().toString()} +
                  base({QStringLiteral("--model"), kDemoModel, QStringLiteral("--json"),
                        QStringLiteral("run"), QStringLiteral("Load Sales Data")}));
    QVERIFY(run.waitForStarted(30'000));
    // Wait (polling the server's request log, no fixed sleep) until the CLI follows the task.
    const QString tasksPath = bulkPath(QStringLiteral("processes/118000000000/tasks/"));
    QString taskId;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray requests = probe.get(QStringLiteral("/__sandbox/requests"))
                                            .json()
                                            .value(QStringLiteral("requests"))
                                            .toArray();
            for (const QJsonValue &r : requests) {
                const QString path = r[QStringLiteral("path")].toString();
                if (r[QStringLiteral("method")].toString() == QLatin1String("GET") &&
                    path.startsWith(tasksPath))
                    taskId = path.mid(tasksPath.size());
            }
            return !taskId.isEmpty();
        }(),
        60'000);
    run.terminate(); // SIGTERM: handled like Ctrl-C
    QVERIFY(run.waitForFinished(60'000));
    const QByteArray out = run.readAllStandardOutput();
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(run.exitCode() == 13, qPrintable(QString::fromUtf8(out + err)));
    QVERIFY2(err.contains("Cancelling"), err.constData());
    const QJsonObject task = QJsonDocument::fromJson(out).object();
    QCOMPARE(task.value(QStringLiteral("taskId")).toString(), taskId);
    QCOMPARE(task.value(QStringLiteral("taskState")).toString(), QStringLiteral("CANCELLED"));
    QCOMPARE(task[QStringLiteral("error")][QStringLiteral("category")].toString(),
             QStringLiteral("cancelled"));
    // The server agrees.
    probe.loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password));
    const ProbeReply status = probe.get(bulkPath(QStringLiteral("processes/118000000000/tasks/") + taskId));
    QCOMPARE(status.json()[QStringLiteral("task")][QStringLiteral("taskState")].toString(),
             QStringLiteral("CANCELLED"));
}

void TestCliCommands::modelLifecycle()
{
    const QString scratch = QStringLiteral("Scratch Model");
    QJsonObject status = runJsonObject({QStringLiteral("--model"), scratch, QStringLiteral("model-status")});
    QCOMPARE(status.value(QStringLiteral("currentStep")).toString(), QStringLiteral("Closed"));
    status = runJsonObject({QStringLiteral("--model"), scratch, QStringLiteral("open-model")});
    QCOMPARE(status.value(QStringLiteral("currentStep")).toString(), QStringLiteral("Open"));
    QCOMPARE(status.value(QStringLiteral("operation")).toString(), QStringLiteral("open"));

    // An open model cannot be deleted: reported per model, exit 12, nothing else stops.
    QJsonObject deletion = runJsonObject({QStringLiteral("delete-models"), scratch}, 12);
    QCOMPARE(deletion.value(QStringLiteral("modelsDeleted")).toInt(), 0);
    QCOMPARE(deletion[QStringLiteral("failures")][0][QStringLiteral("modelId")].toString(),
             QStringLiteral("75A40874E6B64FA3AE0743278B9E3A17"));

    status = runJsonObject({QStringLiteral("--model"), scratch, QStringLiteral("close-model")});
    QCOMPARE(status.value(QStringLiteral("currentStep")).toString(), QStringLiteral("Closed"));
    deletion = runJsonObject({QStringLiteral("--workspace"), QStringLiteral("Financial Planning"),
                              QStringLiteral("delete-models"), scratch});
    QCOMPARE(deletion.value(QStringLiteral("modelsDeleted")).toInt(), 1);
    QVERIFY(deletion.value(QStringLiteral("failures")).toArray().isEmpty());

    const QJsonArray models = runJsonArray({QStringLiteral("models")});
    QCOMPARE(models.size(), 10);
    for (const QJsonValue &m : models)
        QVERIFY(m[QStringLiteral("name")].toString() != scratch);
    runJsonObject({QStringLiteral("--model"), scratch, QStringLiteral("model-status")}, 5);
}

void TestCliCommands::pollDelayIsNeverCutShort()
{
    QVERIFY(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status / 100 == 2);
    const CliResult r =
        m_cli.run({QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--poll-delay"),
                   QStringLiteral("1"), QStringLiteral("--model"), kDemoModel, QStringLiteral("--json"),
                   QStringLiteral("run"), kProductsImport});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QString taskId = r.json().object().value(QStringLiteral("taskId")).toString();
    const QJsonArray requests = m_probe->get(QStringLiteral("/__sandbox/requests"))
                                    .json()
                                    .value(QStringLiteral("requests"))
                                    .toArray();
    QList<qint64> polls;
    const QString statusPath = bulkPath(QStringLiteral("imports/%1/tasks/%2").arg(kProductsImport, taskId));
    for (const QJsonValue &req : requests)
        if (req[QStringLiteral("method")].toString() == QLatin1String("GET") &&
            req[QStringLiteral("path")].toString() == statusPath)
            polls.append(qint64(req[QStringLiteral("timestampMs")].toDouble()));
    QVERIFY2(polls.size() >= 2, "the 1.5 s task must need several status checks");
    qint64 shortest = std::numeric_limits<qint64>::max();
    for (qsizetype i = 1; i < polls.size(); ++i)
        shortest = qMin(shortest, polls.at(i) - polls.at(i - 1));
    qInfo("FIGURE: cli_status_polls=%lld cli_shortest_poll_gap_ms=%lld requested_ms=1000",
          qint64(polls.size()), shortest);
    QVERIFY2(shortest >= 1000,
             qPrintable(QStringLiteral("a poll came %1 ms after the previous one").arg(shortest)));
}

void TestCliCommands::noSecretInAnyOutput()
{
    QByteArray found;
    const int leaking = m_cli.runsContaining({m_password, m_probe->token()}, &found);
    qInfo("FIGURE: cli_runs_scanned=%d secrets_planted=2 runs_with_secret=%d", m_cli.runCount(), leaking);
    QVERIFY2(leaking == 0, "a secret appeared in the output of anadesk-cli");
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_CliCommands.moc"
