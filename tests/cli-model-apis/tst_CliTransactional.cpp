// anadesk-cli `tr` reading commands end to end against the real sandbox: the model, modules, line
// items, views, view data (CSV compared by SHA-256 with what the server serves, JSON by content),
// lists, list items, calendar, dimensions; names resolved like ids; errors with their exit codes.
#include "ModelApiCli.h"

#include <QJsonDocument>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {

QString modelPath(const QString &rest)
{
    return u"/2/0/models/"_s + kDemoModel + u'/' + rest;
}

} // namespace

class TestCliTransactional : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void groupHelpListsEveryCommand();
    void modelDetailsAndStatus();
    void openAndCloseModel();
    void modulesAndLineItems();
    void viewsAndViewInfo();
    void viewDataCsvMatchesTheServer();
    void viewDataJsonPagesAndMaxRows();
    void viewDataExportTypeAndLimits();
    void listsMetadataAndItems();
    void calendarAndCurrentPeriod();
    void dimensionItemsAndLookups();
    void unknownObjectsAreNotFound();
    void modelStateErrors();
    void noSecretInAnyOutput();

private:
    ModelApiCli m_env;
};

void TestCliTransactional::initTestCase()
{
    QString error;
    QVERIFY2(m_env.start(&error), qPrintable(error));
}

void TestCliTransactional::groupHelpListsEveryCommand()
{
    const QStringList commands =
        u"model status open close modules line-items views view view-data lists list list-items reset-index "
        u"insert-items update-items delete-items write-cells current-period set-current-period "
        u"set-fiscal-year "
        u"calendar dimension-items lookup view-dimension-items line-item-dimensions line-item-dimension-items"_s
            .split(u' ');
    const CliResult help = m_env.cli().run({u"tr"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const QString &command : commands) {
        QVERIFY2(help.out.contains(QByteArray("  " + command.toUtf8() + " ")), qPrintable(command));
        const CliResult one = m_env.cli().run({u"tr"_s, command, u"--help"_s});
        QCOMPARE(one.exitCode, 0);
        QVERIFY2(one.out.startsWith(QByteArray("Usage: anadesk-cli [OPTIONS] tr " + command.toUtf8())),
                 one.out.constData());
    }
    const CliResult overview = m_env.cli().run({u"--help"_s});
    QVERIFY(overview.out.contains("  tr "));
    QVERIFY(overview.out.contains("  alm "));
    qInfo("FIGURE: cli_tr_commands=%lld", qint64(commands.size()));
}

void TestCliTransactional::modelDetailsAndStatus()
{
    const QJsonObject model = m_env.object({u"tr"_s, u"model"_s}, 0, u"Sales Planning Demo"_s);
    QCOMPARE(model[u"id"_s].toString(), kDemoModel);
    QCOMPARE(model[u"name"_s].toString(), u"Sales Planning Demo"_s);
    QCOMPARE(model[u"activeState"_s].toString(), u"UNLOCKED"_s);
    QVERIFY(model[u"memoryUsage"_s].toDouble() > 0);

    const QJsonObject status = m_env.object({u"tr"_s, u"status"_s});
    QCOMPARE(status[u"modelId"_s].toString(), kDemoModel);
    QVERIFY(!status[u"currentStep"_s].toString().isEmpty());

    const CliResult human = m_env.run({u"tr"_s, u"model"_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("Sales Planning Demo") && human.out.contains(kDemoModel.toUtf8()),
             human.out.constData());
}

void TestCliTransactional::openAndCloseModel()
{
    // Capacity Planning (…19) is open and not used elsewhere here.
    const QString model = u"75A40874E6B64FA3AE0743278B9E3A19"_s;
    const QJsonObject woken = m_env.object({u"tr"_s, u"open"_s}, 0, model);
    QCOMPARE(woken[u"operation"_s].toString(), u"open"_s);
    QCOMPARE(woken[u"alreadyOpen"_s].toBool(), true); // Anaplan's 424, not an error
    const QJsonObject closed = m_env.object({u"tr"_s, u"close"_s}, 0, model);
    QCOMPARE(closed[u"operation"_s].toString(), u"close"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_env.object({u"tr"_s, u"status"_s}, 0, model)[u"currentStep"_s].toString(),
                              u"Closed"_s, 30'000);
    const QJsonObject reopened = m_env.object({u"tr"_s, u"open"_s}, 0, model);
    QCOMPARE(reopened[u"alreadyOpen"_s].toBool(), false);
}

void TestCliTransactional::modulesAndLineItems()
{
    const QJsonArray modules = m_env.array({u"tr"_s, u"modules"_s, u"--sort"_s, u"name"_s});
    QVERIFY2(modules.size() >= 4, qPrintable(names(modules)));
    QCOMPARE(findByName(modules, u"Sales"_s)[u"id"_s].toString(), u"102000000000"_s);
    QCOMPARE(findByName(modules, u"REV01 Revenue Plan"_s)[u"id"_s].toString(), u"102000000001"_s);

    // One module's line items, the module given by name.
    const QJsonArray sales = m_env.array({u"tr"_s, u"line-items"_s, u"Sales"_s});
    QCOMPARE(names(sales), u"Units, Price, Notes"_s);
    for (const QJsonValue &li : sales)
        QCOMPARE(li[u"moduleId"_s].toString(), u"102000000000"_s);
    QCOMPARE(findByName(sales, u"Notes"_s)[u"format"_s].toString(), u"TEXT"_s);

    // Every line item with the full metadata.
    const QJsonArray all = m_env.array({u"tr"_s, u"line-items"_s});
    const QJsonObject revenue = findByName(all, u"Revenue"_s);
    QCOMPARE(revenue[u"id"_s].toString(), u"206000000012"_s);
    QCOMPARE(revenue[u"formula"_s].toString(), u"Volume * Price"_s);
    QCOMPARE(revenue[u"moduleName"_s].toString(), u"REV01 Revenue Plan"_s);
    QVERIFY(all.size() > sales.size());

    const QJsonArray brief = m_env.array({u"tr"_s, u"line-items"_s, u"102000000001"_s, u"--brief"_s});
    QVERIFY(!findByName(brief, u"Revenue"_s).contains(u"formula"_s));
}

void TestCliTransactional::viewsAndViewInfo()
{
    const QJsonArray views = m_env.array({u"tr"_s, u"views"_s});
    QCOMPARE(findByName(views, u"REV01 Revenue Plan.Revenue by Region"_s)[u"id"_s].toString(),
             u"635000000000"_s);
    const QJsonArray dat01 = m_env.array({u"tr"_s, u"views"_s, u"--module"_s, u"DAT01 Store Sales"_s});
    for (const QJsonValue &v : dat01)
        QCOMPARE(v[u"moduleId"_s].toString(), u"102000000002"_s);
    QVERIFY(!findByName(dat01, u"DAT01 Store Sales.Jan-Oct"_s).isEmpty());

    const QJsonObject info = m_env.object({u"tr"_s, u"view"_s, u"REV01 Revenue Plan.Revenue by Region"_s});
    QCOMPARE(info[u"id"_s].toString(), u"635000000000"_s);
    QCOMPARE(info[u"rows"_s][0][u"name"_s].toString(), u"Regions"_s);
    QCOMPARE(info[u"columns"_s][0][u"name"_s].toString(), u"Time"_s);
    // A module's name is its default view.
    const QJsonObject byModule = m_env.object({u"tr"_s, u"view"_s, u"Sales"_s});
    QCOMPARE(byModule[u"id"_s].toString(), u"102000000000"_s);
    QCOMPARE(byModule[u"rows"_s][0][u"name"_s].toString(), u"Products"_s);
}

void TestCliTransactional::viewDataCsvMatchesTheServer()
{
    const ProbeReply served =
        m_env.probe().request("GET", modelPath(u"views/635000000000/data"_s), {}, {{"Accept", "text/csv"}});
    QCOMPARE(served.status, 200);
    QVERIFY(!served.body.isEmpty());

    // To a file: the summary names the file, its size and hash; the bytes are the server's.
    const QString file = m_env.path(u"revenue.csv"_s);
    const QJsonObject saved =
        m_env.object({u"tr"_s, u"view-data"_s, u"REV01 Revenue Plan.Revenue by Region"_s, u"-o"_s, file});
    QCOMPARE(saved[u"viewId"_s].toString(), u"635000000000"_s);
    QCOMPARE(saved[u"format"_s].toString(), u"csv"_s);
    QCOMPARE(qint64(saved[u"bytes"_s].toDouble()), served.body.size());
    QCOMPARE(saved[u"sha256"_s].toString().toLatin1(), sha256Hex(served.body));
    QCOMPARE(sha256OfFile(file), sha256Hex(served.body));

    // To stdout (no --json): exactly the bytes.
    const CliResult out = m_env.run({u"tr"_s, u"view-data"_s, u"635000000000"_s});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(sha256Hex(out.out), sha256Hex(served.body));

    // An existing file is not replaced without --force (exit 15), and is with it.
    QCOMPARE(m_env.run({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"-o"_s, file}).exitCode, 15);
    QCOMPARE(m_env.run({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"-o"_s, file, u"--force"_s}).exitCode,
             0);
    // CSV on stdout with --json is refused before anything is read.
    QCOMPARE(m_env
                 .object({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"--format"_s, u"csv"_s},
                         2)[u"error"_s][u"category"_s]
                 .toString(),
             u"bad-input"_s);
    qInfo("FIGURE: cli_view_csv_bytes=%lld", qint64(served.body.size()));
}

void TestCliTransactional::viewDataJsonPagesAndMaxRows()
{
    const ProbeReply served = m_env.probe().request("GET", modelPath(u"views/635000000000/data?format=v1"_s),
                                                    {}, {{"Accept", "application/json"}});
    QCOMPARE(served.status, 200);
    const QJsonObject server = QJsonDocument::fromJson(served.body).object();
    const QJsonArray serverRows = server[u"rows"_s].toArray();

    const QJsonObject data = m_env.object({u"tr"_s, u"view-data"_s, u"635000000000"_s});
    QCOMPARE(data[u"format"_s].toString(), u"json"_s);
    const QJsonArray rows = data[u"rows"_s].toArray();
    QCOMPARE(rows.size(), serverRows.size());
    QCOMPARE(qint64(data[u"rowCount"_s].toDouble()), qint64(rows.size()));
    QCOMPARE(rows[0][u"coordinates"_s].toArray(), serverRows[0][u"rowCoordinates"_s].toArray());
    QCOMPARE(rows[0][u"cells"_s].toArray(), serverRows[0][u"cells"_s].toArray());
    QCOMPARE(data[u"columnCoordinates"_s].toArray().size(), server[u"columnCoordinates"_s].toArray().size());

    const QJsonObject two =
        m_env.object({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"--max-rows"_s, u"2"_s});
    QCOMPARE(two[u"rows"_s].toArray().size(), 2);

    // Page items by name (dimension and item), the same as by id.
    const QJsonArray skus = m_env.array({u"tr"_s, u"view-dimension-items"_s, u"635000000002"_s, u"SKUs"_s});
    QVERIFY(skus.size() >= 2);
    const QString sku = skus[1][u"name"_s].toString();
    const QString skuId = skus[1][u"id"_s].toString();
    const QJsonObject byName = m_env.object({u"tr"_s, u"view-data"_s, u"DAT01 Store Sales.Stores by Month"_s,
                                             u"--pages"_s, u"SKUs:"_s + sku, u"--max-rows"_s, u"5"_s});
    const QJsonObject byId = m_env.object({u"tr"_s, u"view-data"_s, u"635000000002"_s, u"--pages"_s,
                                           u"101000000005:"_s + skuId, u"--max-rows"_s, u"5"_s});
    QCOMPARE(byName[u"pages"_s].toArray(), byId[u"pages"_s].toArray());
    QCOMPARE(byName[u"rows"_s].toArray(), byId[u"rows"_s].toArray());
    QVERIFY2(byName[u"pages"_s].toArray().contains(QJsonValue(sku)),
             QJsonDocument(byName[u"pages"_s].toArray()).toJson().constData());

    // JSON data saved to a file: the summary describes it.
    const QString file = m_env.path(u"revenue.json"_s);
    const QJsonObject saved =
        m_env.object({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"--format"_s, u"json"_s, u"-o"_s, file});
    QCOMPARE(qint64(saved[u"rowCount"_s].toDouble()), qint64(serverRows.size()));
    QCOMPARE(saved[u"sha256"_s].toString().toLatin1(), sha256OfFile(file));
}

void TestCliTransactional::viewDataExportTypeAndLimits()
{
    // exportType needs the view's module: found from the view when not given.
    const ProbeReply served = m_env.probe().request(
        "GET", modelPath(u"views/635000000000/data?exportType=TABULAR_SINGLE_COLUMN&moduleId=102000000001"_s),
        {}, {{"Accept", "text/csv"}});
    QCOMPARE(served.status, 200);
    const CliResult out = m_env.run(
        {u"tr"_s, u"view-data"_s, u"635000000000"_s, u"--export-type"_s, u"tabular_single_column"_s});
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(sha256Hex(out.out), sha256Hex(served.body));

    // The largest allowed read works; the module's default view (1,200,000 cells) is refused by Anaplan.
    const QString file = m_env.path(u"million.csv"_s);
    const QJsonObject million = m_env.object({u"tr"_s, u"view-data"_s, u"635000000001"_s, u"-o"_s, file});
    QVERIFY(million[u"bytes"_s].toDouble() > 1'000'000);
    const QJsonObject tooBig = m_env.object({u"tr"_s, u"view-data"_s, u"DAT01 Store Sales"_s}, 2);
    QCOMPARE(tooBig[u"error"_s][u"httpStatus"_s].toInt(), 400);
    QCOMPARE(m_env
                 .object({u"tr"_s, u"view-data"_s, u"635000000000"_s, u"--export-type"_s, u"PIE_CHART"_s},
                         2)[u"error"_s][u"category"_s]
                 .toString(),
             u"bad-input"_s);
    qInfo("FIGURE: cli_view_million_cells_csv_bytes=%lld", qint64(million[u"bytes"_s].toDouble()));
}

void TestCliTransactional::listsMetadataAndItems()
{
    const QJsonArray lists = m_env.array({u"tr"_s, u"lists"_s});
    QCOMPARE(findByName(lists, u"Regions"_s)[u"id"_s].toString(), u"101000000000"_s);
    QCOMPARE(findByName(lists, u"Customers"_s)[u"id"_s].toString(), u"101000000006"_s);

    const QJsonObject products = m_env.object({u"tr"_s, u"list"_s, u"Products"_s});
    QCOMPARE(products[u"id"_s].toString(), u"101000000002"_s);
    QCOMPARE(qint64(products[u"itemCount"_s].toDouble()), 8);
    QCOMPARE(products[u"parent"_s][u"name"_s].toString(), u"Product Families"_s);

    const QJsonArray regions = m_env.array({u"tr"_s, u"list-items"_s, u"regions"_s}); // name ignoring case
    QCOMPARE(names(regions), u"North, South, East, West"_s);
    QCOMPARE(regions[0][u"code"_s].toString(), u"R-N"_s);
    const QJsonArray items = m_env.array({u"tr"_s, u"list-items"_s, u"Products"_s});
    QCOMPARE(findByName(items, u"Laptop"_s)[u"parent"_s].toString(), u"Hardware"_s);

    const ProbeReply served = m_env.probe().request(
        "GET", modelPath(u"lists/101000000000/items?includeAll=true"_s), {}, {{"Accept", "text/csv"}});
    QCOMPARE(served.status, 200);
    const QString file = m_env.path(u"regions.csv"_s);
    const QJsonObject saved =
        m_env.object({u"tr"_s, u"list-items"_s, u"Regions"_s, u"--format"_s, u"csv"_s, u"-o"_s, file});
    QCOMPARE(saved[u"sha256"_s].toString().toLatin1(), sha256Hex(served.body));
    QCOMPARE(sha256OfFile(file), sha256Hex(served.body));
}

void TestCliTransactional::calendarAndCurrentPeriod()
{
    const QJsonObject calendar = m_env.object({u"tr"_s, u"calendar"_s});
    QCOMPARE(calendar[u"calendarType"_s].toString(), u"Calendar Months/Quarters/Years"_s);
    QVERIFY(calendar[u"fiscalYear"_s][u"year"_s].toString().startsWith(u"FY"_s));
    const QJsonObject period = m_env.object({u"tr"_s, u"current-period"_s});
    QCOMPARE(period[u"calendarType"_s].toString(), calendar[u"calendarType"_s].toString());
    QVERIFY(!period[u"periodText"_s].toString().isEmpty());
    QCOMPARE(period[u"lastDay"_s].toString().size(), 10);
}

void TestCliTransactional::dimensionItemsAndLookups()
{
    const QJsonArray regions = m_env.array({u"tr"_s, u"dimension-items"_s, u"Regions"_s});
    QCOMPARE(names(regions), u"North, South, East, West"_s);
    // Versions and Time are not listed whole (core refuses, as the reference client does), but looked up.
    QCOMPARE(m_env.run({u"tr"_s, u"dimension-items"_s, u"Versions"_s}).exitCode, 2);
    const QJsonArray versions =
        m_env.array({u"tr"_s, u"lookup"_s, u"Versions"_s, u"Budget"_s, u"Forecast"_s});
    QCOMPARE(names(versions), u"Budget, Forecast"_s);

    const QJsonArray found = m_env.array({u"tr"_s, u"lookup"_s, u"Regions"_s, u"West"_s, u"North"_s});
    QCOMPARE(found.size(), 2);
    QVERIFY(!findByName(found, u"West"_s).isEmpty());
    const QJsonArray byCode = m_env.array({u"tr"_s, u"lookup"_s, u"101000000000"_s, u"--codes"_s, u"R-S"_s});
    QCOMPARE(names(byCode), u"South"_s);
    const QJsonArray none = m_env.array({u"tr"_s, u"lookup"_s, u"Regions"_s, u"Atlantis"_s});
    QCOMPARE(none.size(), 0);

    const QJsonArray viewItems = m_env.array(
        {u"tr"_s, u"view-dimension-items"_s, u"REV01 Revenue Plan.Revenue by Region"_s, u"Regions"_s});
    QCOMPARE(names(viewItems), u"North, South, East, West"_s);

    const QJsonArray dims = m_env.array({u"tr"_s, u"line-item-dimensions"_s, u"Revenue"_s});
    const QString dimNames = names(dims);
    for (const QString &d : {u"Products"_s, u"Regions"_s, u"Time"_s, u"Versions"_s})
        QVERIFY2(dimNames.contains(d), qPrintable(dimNames));
    const QJsonArray liVersions =
        m_env.array({u"tr"_s, u"line-item-dimension-items"_s, u"206000000012"_s, u"Versions"_s});
    QCOMPARE(names(liVersions), u"Actual, Budget, Forecast"_s);
}

void TestCliTransactional::unknownObjectsAreNotFound()
{
    // A name that matches nothing: exit 5 with the listing command as the hint.
    const QJsonObject module = m_env.object({u"tr"_s, u"line-items"_s, u"Revenu Plan"_s}, 5);
    QCOMPARE(module[u"error"_s][u"category"_s].toString(), u"not-found"_s);
    QVERIFY2(module[u"error"_s][u"hint"_s].toString().contains(u"tr modules"_s),
             qPrintable(module[u"error"_s][u"hint"_s].toString()));
    // An id the server does not know: its 404.
    const QJsonObject view = m_env.object({u"tr"_s, u"view"_s, u"635000000999"_s}, 5);
    QCOMPARE(view[u"error"_s][u"httpStatus"_s].toInt(), 404);
    const QJsonObject list = m_env.object({u"tr"_s, u"list"_s, u"101000000999"_s}, 5);
    QCOMPARE(list[u"error"_s][u"exitCode"_s].toInt(), 5);
    // A page dimension the view does not have.
    const QJsonObject page =
        m_env.object({u"tr"_s, u"view-data"_s, u"635000000002"_s, u"--pages"_s, u"Planets:Mars"_s}, 5);
    QVERIFY(page[u"error"_s][u"message"_s].toString().contains(u"Planets"_s));
    // Usage errors.
    QCOMPARE(m_env.run({u"tr"_s, u"view"_s}).exitCode, 2);
    QCOMPARE(m_env.run({u"tr"_s, u"frobnicate"_s}).exitCode, 2);
    QCOMPARE(m_env.run({u"tr"_s, u"modules"_s, u"--descending"_s}).exitCode, 2);
    QCOMPARE(m_env.run({u"tr"_s, u"modules"_s, u"--sort"_s, u"colour"_s}).exitCode, 2);
}

void TestCliTransactional::modelStateErrors()
{
    // FY2021 Budget is archived (422 → 7); Workforce Planning is offline (MAINTENANCE: data refused, 409 →
    // 6).
    const QJsonObject archived = m_env.object({u"tr"_s, u"modules"_s}, 7, u"FY2021 Budget"_s);
    QCOMPARE(archived[u"error"_s][u"category"_s].toString(), u"model-archived"_s);
    const QJsonObject offline =
        m_env.object({u"tr"_s, u"list-items"_s, u"Regions"_s}, 6, u"Workforce Planning"_s);
    QCOMPARE(offline[u"error"_s][u"category"_s].toString(), u"model-busy"_s);
    // Metadata still answers there.
    QVERIFY(!m_env.array({u"tr"_s, u"lists"_s}, u"Workforce Planning"_s).isEmpty());
}

void TestCliTransactional::noSecretInAnyOutput()
{
    QByteArray found;
    const int leaking = m_env.cli().runsContaining({m_env.password(), m_env.probe().token()}, &found);
    qInfo("FIGURE: cli_tr_runs_scanned=%d secrets_planted=2 runs_with_secret=%d", m_env.cli().runCount(),
          leaking);
    QVERIFY2(leaking == 0, "a secret appeared in the output of anadesk-cli");
}

QTEST_GUILESS_MAIN(TestCliTransactional)
#include "tst_CliTransactional.moc"
