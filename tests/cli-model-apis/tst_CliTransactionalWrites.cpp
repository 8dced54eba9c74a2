// anadesk-cli `tr` writing commands end to end against the real sandbox: list items inserted,
// updated and deleted from CSV and JSON (stdin too), the > 100,000 split with summed results and the
// request count checked on the server, cell writes, time settings, reset-index, and the error paths
// (bad input files → 2, rejected entries → 12, locked model → 6).
#include "ModelApiCli.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
const QString kCustomers = u"101000000006"_s;
}

class TestCliTransactionalWrites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void insertFromCsvWithARejectedRow();
    void updateFromJsonOnStandardInput();
    void deleteFromCsvThenResetIndex();
    void batchesAreSummed();
    void moreThan100000ItemsAreSplit();
    void interruptStopsAfterTheBatchesDone();
    void writeCellsFromCsvAndJson();
    void rejectedCellsExitActionFailed();
    void badInputFiles_data();
    void badInputFiles();
    void timeSettingsNeedConfirmation();
    void lockedModelRefusesWrites();
    void noSecretInAnyOutput();

private:
    ModelApiCli m_env;
};

void TestCliTransactionalWrites::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
}

void TestCliTransactionalWrites::insertFromCsvWithARejectedRow()
{
    const QString csv = m_env.writeFile(u"customers.csv"_s, "name,code,Segment,Credit Limit\n"
                                                            "Acme,C-1,Enterprise,1000\n"
                                                            "\"Bolt, Inc.\",C-2,SMB,250.5\n"
                                                            "Cyan,C-3,SMB,lots\n"
                                                            "Delta,C-4,,\n");
    const QJsonObject r =
        m_env.object({u"tr"_s, u"insert-items"_s, u"Customers"_s, u"--from"_s, csv}, 12); // one row rejected
    QCOMPARE(r[u"listId"_s].toString(), kCustomers);
    QCOMPARE(r[u"operation"_s].toString(), u"insert"_s);
    QCOMPARE(r[u"items"_s].toInt(), 4);
    QCOMPARE(r[u"added"_s].toInt(), 3);
    QCOMPARE(r[u"batches"_s].toInt(), 1);
    const QJsonArray failures = r[u"failures"_s].toArray();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures[0][u"requestIndex"_s].toInt(), 2);
    QCOMPARE(failures[0][u"line"_s].toInt(), 4); // the CSV line of "Cyan"
    QCOMPARE(failures[0][u"failureType"_s].toString(), u"INCORRECT_FORMAT"_s);
    QCOMPARE(r[u"error"_s][u"category"_s].toString(), u"action-failed"_s);

    const QJsonArray items = m_env.array({u"tr"_s, u"list-items"_s, u"Customers"_s});
    QCOMPARE(names(items), u"Acme, Bolt, Inc., Delta"_s);
    QCOMPARE(findByName(items, u"Bolt, Inc."_s)[u"properties"_s][u"Credit Limit"_s].toString(), u"250.5"_s);
    QCOMPARE(findByName(items, u"Acme"_s)[u"code"_s].toString(), u"C-1"_s);
}

void TestCliTransactionalWrites::updateFromJsonOnStandardInput()
{
    const QByteArray body = R"({"items":[{"code":"C-1","properties":{"Segment":"Strategic"}},
                                          {"name":"Delta","code":"C-4"}]})";
    const CliResult r = m_env.cli().run(
        m_env.args({u"tr"_s, u"update-items"_s, kCustomers, u"--from"_s, u"-"_s, u"--json"_s}), body);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QJsonObject result = r.json().object();
    QCOMPARE(result[u"operation"_s].toString(), u"update"_s);
    QCOMPARE(result[u"updated"_s].toInt(), 2);
    QCOMPARE(result[u"failures"_s].toArray().size(), 0);
    const QJsonArray items = m_env.array({u"tr"_s, u"list-items"_s, u"Customers"_s});
    QCOMPARE(findByName(items, u"Acme"_s)[u"properties"_s][u"Segment"_s].toString(), u"Strategic"_s);
    QCOMPARE(findByName(items, u"Delta"_s)[u"code"_s].toString(), u"C-4"_s);
}

void TestCliTransactionalWrites::deleteFromCsvThenResetIndex()
{
    // While the list holds items, resetting its index is refused (Anaplan's 400 → exit 2).
    const QJsonObject refused = m_env.object({u"tr"_s, u"reset-index"_s, u"Customers"_s}, 2);
    QCOMPARE(refused[u"error"_s][u"httpStatus"_s].toInt(), 400);

    // From CSV, the first non-empty of id, code, name names each item.
    const QString csv = m_env.writeFile(u"delete.csv"_s, "code,name\nC-1,\n,\"Bolt, Inc.\"\nC-4,Delta\n");
    const QJsonObject r = m_env.object({u"tr"_s, u"delete-items"_s, u"Customers"_s, u"--from"_s, csv});
    QCOMPARE(r[u"deleted"_s].toInt(), 3);
    QCOMPARE(m_env.array({u"tr"_s, u"list-items"_s, u"Customers"_s}).size(), 0);

    const QJsonObject reset = m_env.object({u"tr"_s, u"reset-index"_s, u"Customers"_s});
    QCOMPARE(reset[u"indexReset"_s].toBool(), true);
    QCOMPARE(m_env.object({u"tr"_s, u"list"_s, u"Customers"_s})[u"nextItemIndex"_s].toInt(), 1);
}

void TestCliTransactionalWrites::batchesAreSummed()
{
    QJsonArray items;
    for (int i = 0; i < 5; ++i)
        items.append(QJsonObject{{u"name"_s, u"Small %1"_s.arg(i)}});
    const QString file = m_env.writeFile(u"small.json"_s, QJsonDocument(items).toJson());
    m_env.forgetRequests();
    const QJsonObject r =
        m_env.object({u"tr"_s, u"insert-items"_s, kCustomers, u"--from"_s, file, u"--batch-size"_s, u"2"_s});
    QCOMPARE(r[u"batches"_s].toInt(), 3);
    QCOMPARE(r[u"batchesDone"_s].toInt(), 3);
    QCOMPARE(r[u"added"_s].toInt(), 5);
    QCOMPARE(r[u"total"_s].toInt(), 5);
    QCOMPARE(m_env.requestCount("POST", u"/lists/101000000006/items"_s, u"action=add"_s), 3);

    const QJsonObject d = m_env.object(
        {u"tr"_s, u"delete-items"_s, kCustomers, u"--from"_s, file, u"--batch-size"_s, u"4"_s}); // by name
    QCOMPARE(d[u"batches"_s].toInt(), 2);
    QCOMPARE(d[u"deleted"_s].toInt(), 5);
}

void TestCliTransactionalWrites::moreThan100000ItemsAreSplit()
{
    const int count = 100'001;
    QByteArray csv = "name,code\n";
    csv.reserve(count * 24);
    for (int i = 0; i < count; ++i)
        csv += "Bulk " + QByteArray::number(i) + ",B" + QByteArray::number(i) + '\n';
    const QString file = m_env.writeFile(u"bulk.csv"_s, csv);
    m_env.forgetRequests();
    const QJsonObject r = m_env.object({u"tr"_s, u"insert-items"_s, u"Customers"_s, u"--from"_s, file});
    QCOMPARE(r[u"items"_s].toInt(), count);
    QCOMPARE(r[u"batches"_s].toInt(), 2); // 100,000 + 1
    QCOMPARE(r[u"added"_s].toInt(), count);
    QCOMPARE(r[u"total"_s].toInt(), count);
    QCOMPARE(m_env.requestCount("POST", u"/lists/101000000006/items"_s, u"action=add"_s), 2);
    QCOMPARE(qint64(m_env.object({u"tr"_s, u"list"_s, u"Customers"_s})[u"itemCount"_s].toDouble()),
             qint64(count));
    qInfo("FIGURE: cli_list_insert_items=%d requests=2 added=%d", count, r[u"added"_s].toInt());
}

void TestCliTransactionalWrites::interruptStopsAfterTheBatchesDone()
{
    // Each insert request is answered 1.5 s late; SIGTERM (like Ctrl-C) once the first was answered.
    const QJsonObject rule{{u"kind"_s, u"latency"_s},
                           {u"method"_s, u"POST"_s},
                           {u"path"_s, u"/2/0/models/*/lists/101000000006/items"_s},
                           {u"ms"_s, 1500},
                           {u"times"_s, u"unlimited"_s}};
    QCOMPARE(m_env.probe().postJson(u"/__sandbox/faults"_s, rule).status, 201);
    QJsonArray items;
    for (int i = 0; i < 6; ++i)
        items.append(QJsonObject{{u"name"_s, u"Slow %1"_s.arg(i)}});
    const QString file = m_env.writeFile(u"slow.json"_s, QJsonDocument(items).toJson());
    m_env.forgetRequests();
    QProcess run;
    run.setProcessEnvironment(m_env.cli().environment());
    run.start(CliRunner::binaryPath(), QStringList{u"--server"_s, m_env.url().toString()} +
                                           m_env.args({u"tr"_s, u"insert-items"_s, kCustomers, u"--from"_s,
                                                       file, u"--batch-size"_s, u"1"_s, u"--json"_s}));
    QVERIFY(run.waitForStarted(30'000));
    QTRY_VERIFY_WITH_TIMEOUT(m_env.requestCount("POST", u"/lists/101000000006/items"_s) >= 1, 60'000);
    run.terminate();
    QVERIFY(run.waitForFinished(60'000));
    m_env.probe().request("DELETE", u"/__sandbox/faults"_s);
    const QByteArray out = run.readAllStandardOutput();
    const QByteArray err = run.readAllStandardError();
    QVERIFY2(run.exitCode() == 13, qPrintable(QString::fromUtf8(out + err)));
    const QJsonObject r = QJsonDocument::fromJson(out).object();
    QVERIFY2(r[u"batchesDone"_s].toInt() >= 1 && r[u"batchesDone"_s].toInt() < 6, out.constData());
    QCOMPARE(r[u"added"_s].toInt(), r[u"batchesDone"_s].toInt());
    QCOMPARE(r[u"error"_s][u"category"_s].toString(), u"cancelled"_s);
    QVERIFY(r[u"error"_s][u"hint"_s].toString().contains(u"may or may not"_s));
    QVERIFY2(err.contains("Stopping"), err.constData());
    // Clean up what was written (names are unique: by name).
    const int done = r[u"batchesDone"_s].toInt();
    QJsonArray written;
    for (int i = 0; i < done; ++i)
        written.append(QJsonObject{{u"name"_s, u"Slow %1"_s.arg(i)}});
    const QString cleanup = m_env.writeFile(u"slow-done.json"_s, QJsonDocument(written).toJson());
    QCOMPARE(
        m_env.object({u"tr"_s, u"delete-items"_s, kCustomers, u"--from"_s, cleanup})[u"deleted"_s].toInt(),
        done);
}

void TestCliTransactionalWrites::writeCellsFromCsvAndJson()
{
    // CSV: line item, one column per dimension (items by name, or id:/code:), the value.
    const QString csv = m_env.writeFile(u"cells.csv"_s, "Line Item,Products,Regions,Value\n"
                                                        "Units,Laptop,South,4242\n"
                                                        "Notes,code:P-110,North,\"checked, twice\"\n");
    const QJsonObject r = m_env.object({u"tr"_s, u"write-cells"_s, u"Sales"_s, u"--from"_s, csv});
    QCOMPARE(r[u"moduleId"_s].toString(), u"102000000000"_s);
    QCOMPARE(r[u"numberOfCellsChanged"_s].toInt(), 2);
    QCOMPARE(r[u"failures"_s].toArray().size(), 0);

    const QJsonObject data =
        m_env.object({u"tr"_s, u"view-data"_s, u"Sales"_s, u"--pages"_s, u"Regions:South"_s});
    const QString text = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    QVERIFY2(text.contains(u"\"4242\""_s), qPrintable(text.left(400)));

    // JSON as Anaplan takes it, in batches of one cell: the changes are summed.
    const QByteArray json = R"([
      {"lineItemName":"Units","dimensions":[{"dimensionName":"Products","itemName":"Monitor"},
                                            {"dimensionName":"Regions","itemName":"East"}],"value":7},
      {"lineItemId":"206000000001","dimensions":[{"dimensionId":"101000000002","itemCode":"P-100"},
                                                 {"dimensionId":"101000000000","itemName":"West"}],"value":"999.5"},
      {"lineItemName":"Units","dimensions":[{"dimensionName":"Products","itemName":"Laptop"},
                                            {"dimensionName":"Regions","itemName":"North"}],"value":121}])";
    const QString file = m_env.writeFile(u"cells.json"_s, json);
    m_env.forgetRequests();
    const QJsonObject j = m_env.object(
        {u"tr"_s, u"write-cells"_s, u"102000000000"_s, u"--from"_s, file, u"--batch-size"_s, u"1"_s});
    QCOMPARE(j[u"batches"_s].toInt(), 3);
    QCOMPARE(j[u"numberOfCellsChanged"_s].toInt(), 3);
    QCOMPARE(m_env.requestCount("POST", u"/modules/102000000000/data"_s), 3);
}

void TestCliTransactionalWrites::rejectedCellsExitActionFailed()
{
    // Revenue is a formula (read-only) and Atlantis no region: two of three cells rejected → exit 12.
    const QString csv =
        m_env.writeFile(u"bad-cells.csv"_s, "Line Item,Products,Regions,Time,Versions,Value\n"
                                            "Revenue,Laptop,North,id:587000000000,Budget,5\n"
                                            "Volume,Laptop,Atlantis,id:587000000000,Budget,5\n"
                                            "Volume,Laptop,North,id:587000000000,Budget,5\n");
    const QJsonObject r =
        m_env.object({u"tr"_s, u"write-cells"_s, u"REV01 Revenue Plan"_s, u"--from"_s, csv}, 12);
    QCOMPARE(r[u"numberOfCellsChanged"_s].toInt(), 1);
    const QJsonArray failures = r[u"failures"_s].toArray();
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures[0][u"failureType"_s].toString(), u"READ_ONLY_CELL"_s);
    QCOMPARE(failures[0][u"line"_s].toInt(), 2);
    QCOMPARE(failures[1][u"failureType"_s].toString(), u"INVALID_ITEM"_s);
    QCOMPARE(r[u"error"_s][u"exitCode"_s].toInt(), 12);
    QVERIFY(r[u"error"_s][u"serverMessage"_s].toString().contains(u"line 2"_s));
}

void TestCliTransactionalWrites::badInputFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("invalid json") << u"bad.json"_s << QByteArray("[{\"name\": \"x\",]") << 2;
    QTest::newRow("json not an array") << u"obj.json"_s << QByteArray("{\"name\": \"x\"}") << 2;
    QTest::newRow("json entry not an object") << u"num.json"_s << QByteArray("[1, 2]") << 2;
    QTest::newRow("unclosed quote") << u"quote.csv"_s << QByteArray("name,code\n\"Open,C-9\n") << 2;
    QTest::newRow("ragged csv") << u"ragged.csv"_s << QByteArray("name,code\nA,B,C\n") << 2;
    QTest::newRow("empty") << u"empty.csv"_s << QByteArray("\n  \n") << 2;
    QTest::newRow("entry without name or code")
        << u"noname.json"_s << QByteArray("[{\"parent\": \"x\"}]") << 2;
    QTest::newRow("missing file") << QString() << QByteArray() << 15;
}

void TestCliTransactionalWrites::badInputFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    const QString file =
        name.isEmpty() ? m_env.path(u"does-not-exist.csv"_s) : m_env.writeFile(name, content);
    m_env.forgetRequests();
    const QJsonObject r = m_env.object({u"tr"_s, u"insert-items"_s, kCustomers, u"--from"_s, file}, exitCode);
    QVERIFY2(!r[u"error"_s][u"message"_s].toString().isEmpty(), QJsonDocument(r).toJson().constData());
    QCOMPARE(m_env.requestCount("POST", u"/lists/101000000006/items"_s), 0); // nothing was sent
}

void TestCliTransactionalWrites::timeSettingsNeedConfirmation()
{
    const QJsonObject calendar = m_env.object({u"tr"_s, u"calendar"_s});
    const QString fiscal = calendar[u"fiscalYear"_s][u"year"_s].toString(); // "FY26"
    const QString startDate = calendar[u"fiscalYear"_s][u"startDate"_s].toString();
    QVERIFY2(fiscal.startsWith(u"FY"_s) && startDate.size() == 10, qPrintable(fiscal + u' ' + startDate));

    // Without --yes nothing is sent.
    m_env.forgetRequests();
    QCOMPARE(
        m_env.object({u"tr"_s, u"set-current-period"_s, startDate}, 2)[u"error"_s][u"category"_s].toString(),
        u"bad-input"_s);
    QCOMPARE(m_env.run({u"tr"_s, u"set-fiscal-year"_s, fiscal}).exitCode, 2);
    QCOMPARE(m_env.requestCount("PUT", u"/currentPeriod"_s) + m_env.requestCount("PUT", u"/fiscalYear"_s), 0);

    const QJsonObject period = m_env.object({u"tr"_s, u"set-current-period"_s, startDate, u"--yes"_s});
    QCOMPARE(period[u"lastDay"_s].toString().left(7), startDate.left(7)); // the month's last day
    QCOMPARE(m_env.object({u"tr"_s, u"current-period"_s})[u"lastDay"_s].toString(),
             period[u"lastDay"_s].toString());
    QCOMPARE(m_env
                 .object({u"tr"_s, u"set-current-period"_s, u"2024-13-45"_s, u"--yes"_s},
                         2)[u"error"_s][u"category"_s]
                 .toString(),
             u"bad-input"_s);

    const int yy = fiscal.mid(2).toInt();
    const QString next = u"FY%1"_s.arg((yy + 1) % 100, 2, 10, QLatin1Char('0'));
    const QJsonObject year = m_env.object({u"tr"_s, u"set-fiscal-year"_s, next, u"--yes"_s});
    QCOMPARE(year[u"year"_s].toString(), next);
    QCOMPARE(m_env.object({u"tr"_s, u"calendar"_s})[u"fiscalYear"_s][u"year"_s].toString(), next);
    const QJsonObject reset = m_env.object({u"tr"_s, u"set-current-period"_s, u"--reset"_s, u"--yes"_s});
    QVERIFY(reset.contains(u"periodText"_s));
}

void TestCliTransactionalWrites::lockedModelRefusesWrites()
{
    // FP&A Consolidation is LOCKED: reads work, writes get 423 → exit 6.
    const QString model = u"FP&A Consolidation"_s;
    QVERIFY(!m_env.array({u"tr"_s, u"modules"_s}, model).isEmpty());
    const QString csv =
        m_env.writeFile(u"locked.csv"_s, "Line Item,Products,Regions,Value\nUnits,Laptop,South,1\n");
    const QJsonObject r = m_env.object({u"tr"_s, u"write-cells"_s, u"Sales"_s, u"--from"_s, csv}, 6, model);
    const QString items = m_env.writeFile(u"locked-items.csv"_s, "name,code\nCentral,R-C\n");
    QCOMPARE(r[u"error"_s][u"httpStatus"_s].toInt(), 423);
    QCOMPARE(m_env
                 .object({u"tr"_s, u"insert-items"_s, u"Regions"_s, u"--from"_s, items}, 6,
                         model)[u"error"_s][u"category"_s]
                 .toString(),
             u"model-busy"_s);
}

void TestCliTransactionalWrites::noSecretInAnyOutput()
{
    QByteArray found;
    const int leaking = m_env.cli().runsContaining({m_env.password(), m_env.probe().token()}, &found);
    qInfo("FIGURE: cli_tr_write_runs_scanned=%d secrets_planted=2 runs_with_secret=%d",
          m_env.cli().runCount(), leaking);
    QVERIFY2(leaking == 0, "a secret appeared in the output of anadesk-cli");
}

QTEST_GUILESS_MAIN(TestCliTransactionalWrites)
#include "tst_CliTransactionalWrites.moc"
