// End to end: every TransactionalClient method against a real anadesk-sandbox on loopback, on the
// seeded demo model (docs/sandbox.md).
#include "SandboxClient.h"

#include <QDate>
#include <QElapsedTimer>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
const QString kSales = u"102000000000"_s;
const QString kRevenuePlan = u"102000000001"_s;
const QString kRegions = u"101000000000"_s;
const QString kProducts = u"101000000002"_s;
const QString kStores = u"101000000004"_s;
const QString kSkus = u"101000000005"_s;
const QString kCustomers = u"101000000006"_s;
const QString kVolume = u"206000000010"_s;
const QString kRevenueByRegion = u"635000000000"_s;
const QString kStoresByMonth = u"635000000002"_s;
} // namespace

class TestTransactionalSandbox : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;
    TransactionalClient m_tr;

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>(QStringList{u"--task-duration"_s, u"300"_s});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_connection = sandboxConnection(m_sandbox->url(), kDevModel);
        m_tr = m_connection->transactional();
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    void modelDetailsStatusOpenClose()
    {
        auto details = keep(m_tr.getModelDetails());
        RUN_OK(details);
        QCOMPARE(details->model().name, u"Sales Planning Demo"_s);
        auto close = keep(m_tr.closeModel());
        RUN_OK(close);
        auto wake = keep(m_tr.wakeModel());
        RUN_OK(wake);
        auto status = keep(m_tr.getModelStatus());
        RUN_OK(status);
        QVERIFY(!status->status().currentStep.isEmpty());
    }

    void modulesLineItemsViews()
    {
        auto modules = keep(m_tr.getModules({u"name"_s, false, {}}));
        RUN_OK(modules);
        QStringList names;
        for (const Module &m : modules->modules())
            names.append(m.name);
        QVERIFY2(names.contains(u"REV02 Channel Mix"_s), qPrintable(names.join(u", "_s)));
        QVERIFY(std::is_sorted(names.begin(), names.end()));
        auto all = keep(m_tr.getLineItems());
        RUN_OK(all);
        auto revenue = keep(m_tr.getLineItems(kRevenuePlan));
        RUN_OK(revenue);
        QVERIFY(revenue->lineItems().size() < all->lineItems().size());
        bool formulaSeen = false;
        for (const LineItem &l : revenue->lineItems()) {
            QCOMPARE(l.moduleId, kRevenuePlan);
            if (l.id == u"206000000012"_s) {
                formulaSeen = l.formula.value_or(QString()).contains(u"Volume"_s);
                QCOMPARE(l.format, u"NUMBER"_s);
            }
        }
        QVERIFY(formulaSeen); // includeAll: full metadata
        auto views = keep(m_tr.getViews());
        RUN_OK(views);
        auto moduleViews = keep(m_tr.getViews({}, u"102000000002"_s));
        RUN_OK(moduleViews);
        QVERIFY(moduleViews->views().size() >= 3); // default + Jan-Oct + Stores by Month
        QVERIFY(views->views().size() > moduleViews->views().size());
        auto info = keep(m_tr.getViewInfo(kStoresByMonth));
        RUN_OK(info);
        QCOMPARE(info->viewInfo().viewId, kStoresByMonth);
        QCOMPARE(info->viewInfo().pages.size(), 2);
        figure(u"tx_sandbox_metadata modules=%1 line_items=%2 views=%3"_s.arg(modules->modules().size())
                   .arg(all->lineItems().size())
                   .arg(views->views().size()));
    }

    void listsAndItems()
    {
        auto lists = keep(m_tr.getLists());
        RUN_OK(lists);
        QVERIFY(lists->lists().size() >= 7);
        auto metadata = keep(m_tr.getListMetadata(kStores));
        RUN_OK(metadata);
        QVERIFY(metadata->metadata().productionData);
        auto items = keep(m_tr.getListItems(kStores));
        RUN_OK(items);
        QCOMPARE(items->listItems().size(), 2000);
        QVERIFY(items->listItems().first().parent.has_value());
        auto csv = keep(m_tr.getListItemsCsv(kStores));
        RUN_OK(csv);
        QCOMPARE(csv->data().count('\n'), 2001); // header + 2,000 items
    }

    void insertUpdateDeleteAndReset250kItems()
    {
        QJsonArray input;
        for (int i = 0; i < 250'000; ++i)
            input.append(QJsonObject{{u"name"_s, u"Customer %1"_s.arg(i)},
                                     {u"code"_s, u"C%1"_s.arg(i)},
                                     {u"properties"_s, QJsonObject{{u"Segment"_s, u"SMB"_s}}}});
        QElapsedTimer timer;
        timer.start();
        auto insert = keep(m_tr.insertListItems(kCustomers, input));
        RUN_OK(insert);
        QCOMPARE(insert->batchCount(), 3);
        QCOMPARE(insert->result().added, 250'000);
        QCOMPARE(insert->result().total, 250'000);
        QCOMPARE(insert->result().ignored, 0);
        const qint64 insertMs = timer.elapsed();

        // Duplicates in the third batch: their failure indexes refer to the whole input.
        auto again =
            keep(m_tr.insertListItems(kCustomers, QJsonArray{QJsonObject{{u"name"_s, u"Fresh"_s}},
                                                             QJsonObject{{u"name"_s, u"Customer 7"_s}}}));
        RUN_OK(again);
        QCOMPARE(again->result().added, 1);
        QCOMPARE(again->result().failures.size(), 1);
        QCOMPARE(again->result().failures.first().requestIndex, 1);

        auto update = keep(m_tr.updateListItems(
            kCustomers,
            QJsonArray{QJsonObject{{u"code"_s, u"C1"_s},
                                   {u"properties"_s, QJsonObject{{u"Segment"_s, u"Enterprise"_s}}}},
                       QJsonObject{{u"code"_s, u"NOPE"_s}}}));
        RUN_OK(update);
        QCOMPARE(update->result().updated, 1);
        QCOMPARE(update->result().ignored, 1);

        QJsonArray remove;
        for (int i = 0; i < 250'000; ++i)
            remove.append(QJsonObject{{u"code"_s, u"C%1"_s.arg(i)}});
        remove.append(QJsonObject{{u"name"_s, u"Fresh"_s}});
        auto del = keep(m_tr.deleteListItems(kCustomers, remove));
        RUN_OK(del);
        QCOMPARE(del->batchCount(), 3);
        QCOMPARE(del->result().deleted, 250'001);
        auto empty = keep(m_tr.getListItems(kCustomers));
        RUN_OK(empty);
        QCOMPARE(empty->listItems().size(), 0);
        auto reset = keep(m_tr.resetListIndex(kCustomers));
        RUN_OK(reset);
        auto notEmpty = keep(m_tr.resetListIndex(kStores));
        QVERIFY(waitFor(notEmpty.get(), kSandboxWaitMs));
        QCOMPARE(notEmpty->error().category, ErrorCategory::BadInput);
        QVERIFY(notEmpty->error().serverMessage.contains(u"contains data"_s));
        figure(
            u"tx_sandbox_list_items inserted=250000 requests=3 insert_ms=%1 deleted=%2"_s.arg(insertMs).arg(
                del->result().deleted));
    }

    void dimensions()
    {
        auto regions = keep(m_tr.getDimensionItems(kRegions));
        RUN_OK(regions);
        QCOMPARE(regions->items().size(), 4);
        const QString north = regions->items().first().name;
        // Exact case: Anaplan matches names case-insensitively, the sandbox (so far) only exactly.
        auto lookup = keep(m_tr.lookupDimensionItems(kRegions, {}, {north}));
        RUN_OK(lookup);
        QCOMPARE(lookup->items().size(), 1);
        QCOMPARE(lookup->items().first().id, regions->items().first().id);
        auto versions = keep(m_tr.lookupDimensionItems(kVersionsDimensionId, {}, {u"Budget"_s}));
        RUN_OK(versions);
        QCOMPARE(versions->items().size(), 1);
        auto viewItems = keep(m_tr.getViewDimensionItems(kRevenueByRegion, kRegions));
        RUN_OK(viewItems);
        QCOMPARE(viewItems->items().size(), 4);
        auto dims = keep(m_tr.getLineItemDimensions(kVolume));
        RUN_OK(dims);
        QCOMPARE(dims->dimensions().size(), 4); // Products × Regions × Time × Versions
        auto months = keep(m_tr.getLineItemDimensionItems(kVolume, kTimeDimensionId));
        RUN_OK(months);
        QCOMPARE(months->items().size(), 12);
    }

    void cellWritesShowInViewData()
    {
        auto products = keep(m_tr.getDimensionItems(kProducts));
        RUN_OK(products);
        auto regions = keep(m_tr.getDimensionItems(kRegions));
        RUN_OK(regions);
        QJsonArray cells;
        cells.append(QJsonObject{
            {u"lineItemName"_s, u"Units"_s},
            {u"dimensions"_s, QJsonArray{QJsonObject{{u"dimensionId"_s, kProducts},
                                                     {u"itemId"_s, products->items().first().id}},
                                         QJsonObject{{u"dimensionName"_s, u"Regions"_s},
                                                     {u"itemName"_s, regions->items().first().name}}}},
            {u"value"_s, 4242}});
        cells.append(QJsonObject{{u"lineItemName"_s, u"No such line item"_s}, {u"value"_s, 1}});
        auto write = keep(m_tr.updateModuleData(kSales, cells));
        RUN_OK(write);
        QCOMPARE(write->result().numberOfCellsChanged, 1);
        QCOMPARE(write->result().failures.size(), 1);
        QCOMPARE(write->result().failures.first().requestIndex, 1);

        auto json = keep(m_tr.getViewData(kSales, ViewDataFormat::Json));
        RUN_OK(json);
        bool found = false;
        for (const ViewDataRow &row : json->data().rows)
            found = found || row.cells.contains(u"4242"_s);
        QVERIFY(found);
        auto csv = keep(m_tr.getViewData(kSales, ViewDataFormat::Csv));
        RUN_OK(csv);
        QVERIFY(csv->csv().contains("4242"));
    }

    void viewDataPagesCsvAndJsonAgree()
    {
        auto skus = keep(m_tr.getDimensionItems(kSkus));
        RUN_OK(skus);
        ViewDataQuery query;
        query.pages = {{kSkus, skus->items().at(3).id}};
        auto json = keep(m_tr.getViewData(kStoresByMonth, ViewDataFormat::Json, query));
        RUN_OK(json);
        QCOMPARE(json->data().cellCount(), 24'000); // 2,000 stores × 12 months
        QVERIFY(json->parseThread() != QThread::currentThread());
        QVERIFY(json->data().pages.contains(skus->items().at(3).name));
        auto csv = keep(m_tr.getViewData(kStoresByMonth, ViewDataFormat::CsvEscaped, query));
        RUN_OK(csv);
        QVERIFY(csv->csv().count('\n') >= 2000);
        ViewDataQuery few = query;
        few.maxRows = 10;
        auto capped = keep(m_tr.getViewData(kStoresByMonth, ViewDataFormat::Json, few));
        RUN_OK(capped);
        QCOMPARE(capped->data().rows.size(), 10);
        ViewDataQuery tabular; // every page of the small saved view, one line per cell
        tabular.moduleId = kRevenuePlan;
        tabular.exportType = ViewExportType::TabularSingleColumn;
        auto single = keep(m_tr.getViewData(kRevenueByRegion, ViewDataFormat::Csv, tabular));
        RUN_OK(single);
        auto grid = keep(m_tr.getViewData(kRevenueByRegion, ViewDataFormat::Json));
        RUN_OK(grid);
        QVERIFY(single->csv().count('\n') >= grid->data().cellCount()); // at least one line per cell
        auto tooBig = keep(m_tr.getViewData(u"102000000002"_s, ViewDataFormat::Csv));
        QVERIFY(waitFor(tooBig.get(), kSandboxWaitMs));
        QCOMPARE(tooBig->error().category, ErrorCategory::BadInput);
        QVERIFY(tooBig->error().hint.contains(u"1,000,000"_s));
        figure(u"tx_sandbox_view cells=%1 json_bytes=%2 csv_bytes=%3"_s.arg(json->data().cellCount())
                   .arg(json->bytesReceived())
                   .arg(csv->bytesReceived()));
    }

    void calendar()
    {
        auto period = keep(m_tr.getCurrentPeriod());
        RUN_OK(period);
        QVERIFY(!period->currentPeriod().calendarType.isEmpty());
        const int year = QDate::currentDate().year();
        auto set = keep(m_tr.setCurrentPeriod(QDate(year, 3, 15).toString(Qt::ISODate)));
        RUN_OK(set);
        QCOMPARE(set->currentPeriod().lastDay, QDate(year, 3, 31).toString(Qt::ISODate));
        auto outside = keep(m_tr.setCurrentPeriod(u"1999-01-01"_s));
        QVERIFY(waitFor(outside.get(), kSandboxWaitMs));
        QCOMPARE(outside->error().category, ErrorCategory::BadInput);
        const QString fy = u"FY%1"_s.arg((year + 1) % 100, 2, 10, QChar(u'0'));
        auto fiscal = keep(m_tr.setCurrentFiscalYear(fy));
        RUN_OK(fiscal);
        QCOMPARE(fiscal->fiscalYear().year, fy);
        auto calendar = keep(m_tr.getModelCalendar());
        RUN_OK(calendar);
        QCOMPARE(calendar->calendar().kind, CalendarKind::MonthsQuartersYears);
        QCOMPARE(calendar->calendar().fiscalYear->year, fy);
    }

    void unknownObjectsAreNotFound()
    {
        auto list = keep(m_tr.getListMetadata(u"101000000999"_s));
        QVERIFY(waitFor(list.get(), kSandboxWaitMs));
        QCOMPARE(list->error().category, ErrorCategory::NotFound);
        QCOMPARE(list->error().object, u"list 101000000999"_s);
        auto model = keep(m_tr.withModel(u"00000000000000000000000000000000"_s).getModules());
        QVERIFY(waitFor(model.get(), kSandboxWaitMs));
        QCOMPARE(model->error().category, ErrorCategory::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTransactionalSandbox)
#include "tst_TransactionalSandbox.moc"
