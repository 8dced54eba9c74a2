// Every Transactional job's request (method, URL, query, headers, body) on the recording fake network,
// local validation (BadInput, nothing sent), batching of list-item and cell writes (by count and by
// bytes, sums, stop at the first failed batch), and view data parsed off the caller's thread.
#include "ModelApiFakeEnv.h"

#include <QThread>
#include <QUrlQuery>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray items(int n, const QString &prefix = u"item"_s)
{
    QJsonArray a;
    for (int i = 0; i < n; ++i)
        a.append(
            QJsonObject{{u"name"_s, QString(prefix + QString::number(i))}, {u"code"_s, QString::number(i)}});
    return a;
}

// Answers a list-item write like Anaplan: everything added (or updated/deleted), one failure at index 0
// of every batch whose first item's code ends in "0".
FakeResponse listWriteAnswer(const RecordedRequest &r)
{
    const QJsonArray sent = QJsonDocument::fromJson(r.body).object().value(u"items"_s).toArray();
    const QString action = QUrlQuery(r.url).queryItemValue(u"action"_s);
    const QString key = r.method == "PUT" ? u"updated"_s : action == u"delete"_s ? u"deleted"_s : u"added"_s;
    QJsonObject o{{key, sent.size() - 1},
                  {u"ignored"_s, 1},
                  {u"total"_s, sent.size()},
                  {u"failures"_s, QJsonArray{QJsonObject{{u"requestIndex"_s, 0},
                                                         {u"failureType"_s, u"DUPLICATE_NAME"_s},
                                                         {u"failureMessageDetails"_s, u"dup"_s}}}}};
    return FakeResponse::json(200, compact(o));
}
} // namespace

class TestTransactionalJobs : public QObject
{
    Q_OBJECT

    template <typename J> static void runOk(ModelApiFakeEnv &env, J *job)
    {
        QVERIFY(env.finish(job));
        QVERIFY2(job->isSucceeded(), qPrintable(job->error().toString()));
    }

private Q_SLOTS:
    void readRequests()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/modules"_s)
            .reply(FakeResponse::json(
                200,
                compact(envelopeObject(u"modules"_s, QJsonArray{QJsonObject{{u"id"_s, u"102000000000"_s},
                                                                            {u"name"_s, u"Sales"_s}}}))));
        env.nam.on("GET", u"**/views"_s)
            .reply(FakeResponse::json(
                200,
                compact(envelopeObject(u"views"_s, QJsonArray{QJsonObject{{u"id"_s, u"102000000000"_s},
                                                                          {u"name"_s, u"Sales"_s},
                                                                          {u"moduleId"_s, u"102000000000"_s},
                                                                          {u"code"_s, u""_s}}}))));
        env.nam.on("GET", u"**/lineItems"_s)
            .reply(FakeResponse::json(
                200, compact(envelopeObject(u"items"_s,
                                            QJsonArray{QJsonObject{{u"id"_s, u"206000000000"_s},
                                                                   {u"name"_s, u"Units"_s},
                                                                   {u"moduleId"_s, u"102000000000"_s}}}))));
        env.nam.on("GET", u"**/lists"_s)
            .reply(FakeResponse::json(
                200,
                compact(envelopeObject(u"lists"_s, QJsonArray{QJsonObject{{u"id"_s, u"101000000000"_s},
                                                                          {u"name"_s, u"Regions"_s}}}))));
        env.nam.on("GET", u"**/lists/*"_s)
            .reply(FakeResponse::json(
                200, compact(envelopeObject(u"metadata"_s, QJsonObject{{u"id"_s, u"101000000000"_s},
                                                                       {u"name"_s, u"Regions"_s},
                                                                       {u"itemCount"_s, 4}}))));
        env.nam.on("GET", u"**/views/*"_s)
            .reply(FakeResponse::json(200, J({
                                          "viewId" : "102000000000",
                                          "viewName" : "Sales",
                                          "rows" : [ {"id" : "101000000002", "name" : "Products"} ]
                                      })));
        env.nam.on("GET", u"**/items"_s)
            .reply(FakeResponse::json(200, J({"items" : [ {"id" : "1", "name" : "A", "code" : "a"} ]})));
        env.nam.on("GET", u"**/dimensions"_s)
            .reply(FakeResponse::json(200, J({"dimensions" : [ {"id" : "20000000003", "name" : "Time"} ]})));
        env.nam.on("GET", u"**/currentPeriod"_s)
            .reply(FakeResponse::json(200, J({
                                          "currentPeriod" : {
                                              "periodText" : "May 20",
                                              "lastDay" : "2020-05-31",
                                              "calendarType" : "Calendar Months/Quarters/Years"
                                          }
                                      })));
        env.nam.on("GET", u"**/modelCalendar"_s)
            .reply(FakeResponse::json(
                200, J({"modelCalendar" : {"calendarType" : "Weeks: General", "weeksCount" : 52}})));

        auto modules = keep(env.tr.getModules({u"name"_s, true, {}}));
        runOk(env, modules.get());
        QCOMPARE(modules->modules().first().name, u"Sales"_s);
        auto views = keep(env.tr.getViews({u"module_id"_s, false, {}}));
        runOk(env, views.get());
        auto moduleViews = keep(env.tr.getViews({}, u"102000000000"_s));
        runOk(env, moduleViews.get());
        QCOMPARE(moduleViews->views().first().moduleId, u"102000000000"_s);
        auto lineItems = keep(env.tr.getLineItems());
        runOk(env, lineItems.get());
        auto moduleLineItems = keep(env.tr.getLineItems(u"102000000000"_s, false));
        runOk(env, moduleLineItems.get());
        QCOMPARE(moduleLineItems->lineItems().first().name, u"Units"_s);
        auto lists = keep(env.tr.getLists());
        runOk(env, lists.get());
        auto metadata = keep(env.tr.getListMetadata(u"101000000000"_s));
        runOk(env, metadata.get());
        QCOMPARE(metadata->metadata().itemCount, 4);
        auto info = keep(env.tr.getViewInfo(u"102000000000"_s));
        runOk(env, info.get());
        QCOMPARE(info->viewInfo().rows.first().name, u"Products"_s);
        auto dimItems = keep(env.tr.getDimensionItems(u"101000000000"_s));
        runOk(env, dimItems.get());
        QCOMPARE(dimItems->items().first().code.value_or(QString()), u"a"_s);
        auto viewDim = keep(env.tr.getViewDimensionItems(u"102000000000"_s, u"20000000003"_s));
        runOk(env, viewDim.get());
        auto liDims = keep(env.tr.getLineItemDimensions(u"206000000000"_s));
        runOk(env, liDims.get());
        QCOMPARE(liDims->dimensions().first().name, u"Time"_s);
        auto liDimItems = keep(env.tr.getLineItemDimensionItems(u"206000000000"_s, u"101000000000"_s));
        runOk(env, liDimItems.get());
        auto period = keep(env.tr.getCurrentPeriod());
        runOk(env, period.get());
        QCOMPARE(period->currentPeriod().lastDay, u"2020-05-31"_s);
        auto calendar = keep(env.tr.getModelCalendar());
        runOk(env, calendar.get());
        QCOMPARE(calendar->calendar().kind, CalendarKind::WeeksGeneral);

        const QStringList expected{
            kTx + u"/modules?sort=-name&limit=5000"_s,
            kTx + u"/views?includesubsidiaryviews=true&sort=%2BmoduleId&limit=5000"_s,
            kTx + u"/modules/102000000000/views?includesubsidiaryviews=true&limit=5000"_s,
            kTx + u"/lineItems?includeAll=true&limit=5000"_s,
            kTx + u"/modules/102000000000/lineItems?limit=5000"_s,
            kTx + u"/lists?limit=5000"_s,
            kTx + u"/lists/101000000000"_s,
            kTx + u"/views/102000000000"_s,
            kTx + u"/dimensions/101000000000/items"_s,
            kTx + u"/views/102000000000/dimensions/20000000003/items"_s,
            kTx + u"/lineItems/206000000000/dimensions"_s,
            kTx + u"/lineItems/206000000000/dimensions/101000000000/items"_s,
            kTx + u"/currentPeriod"_s,
            kTx + u"/modelCalendar"_s,
        };
        QCOMPARE(env.nam.requests().size(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const RecordedRequest &r = env.nam.requests().at(i);
            QCOMPARE(r.method, QByteArray("GET"));
            QCOMPARE(target(r), expected.at(i));
            QCOMPARE(r.header("Authorization"), QByteArray("AnaplanAuthToken tok-model"));
        }
        QCOMPARE(env.nam.unmatched(), 0);
        figure(u"tx_read_requests checked=%1"_s.arg(expected.size()));
    }

    void modelCallsUseTheModelDirectPaths()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", kTx)
            .reply(FakeResponse::json(
                200, J({
                    "model" :
                        {"id" : "75A40874E6B64FA3AE0743278996850F", "name" : "M", "activeState" : "UNLOCKED"}
                })));
        env.nam.on("GET", kTx + u"/status"_s)
            .reply(FakeResponse::json(
                200, J({"requestStatus" : {"progress" : -1.0, "currentStep" : "Open", "creationTime" : 1}})));
        env.nam.on("POST", kTx + u"/open"_s).reply(FakeResponse::anaplanError(424, u"already open"_s));
        env.nam.on("POST", kTx + u"/close"_s).reply(FakeResponse::http(204));
        auto details = keep(env.tr.getModelDetails());
        runOk(env, details.get());
        QCOMPARE(details->model().name, u"M"_s);
        auto status = keep(env.tr.getModelStatus());
        runOk(env, status.get());
        QCOMPARE(status->status().currentStep, u"Open"_s);
        auto wake = keep(env.tr.wakeModel());
        runOk(env, wake.get());
        QVERIFY(wake->wasAlreadyOpen());
        auto close = keep(env.tr.closeModel());
        runOk(env, close.get());
        QCOMPARE(target(env.nam.requests().at(0)), kTx + u"?modelDetails=true"_s);
        QCOMPARE(env.nam.requests().at(2).header("Content-Type"), QByteArray("application/text"));
        QCOMPARE(env.nam.requests().size(), 4);
    }

    void noModelMeansBadInputAndNoRequest()
    {
        ModelApiFakeEnv env;
        const TransactionalClient none = env.tr.withModel({});
        QList<Job *> jobs{none.getModelDetails(),
                          none.getModelStatus(),
                          none.wakeModel(),
                          none.closeModel(),
                          none.getModules(),
                          none.getLineItems(),
                          none.getViews(),
                          none.getViewInfo(u"1"_s),
                          none.getViewData(u"1"_s),
                          none.getLists(),
                          none.getListMetadata(u"1"_s),
                          none.getListItems(u"1"_s),
                          none.getListItemsCsv(u"1"_s),
                          none.insertListItems(u"1"_s, items(1)),
                          none.updateListItems(u"1"_s, items(1)),
                          none.deleteListItems(u"1"_s, items(1)),
                          none.resetListIndex(u"1"_s),
                          none.updateModuleData(
                              u"1"_s, QJsonArray{QJsonObject{{u"lineItemId"_s, u"2"_s}, {u"value"_s, 1}}}),
                          none.getCurrentPeriod(),
                          none.setCurrentPeriod(u"2024-01-31"_s),
                          none.setCurrentFiscalYear(u"FY24"_s),
                          none.getModelCalendar(),
                          none.getDimensionItems(u"101000000000"_s),
                          none.lookupDimensionItems(u"101000000000"_s, {u"a"_s}),
                          none.getViewDimensionItems(u"1"_s, u"2"_s),
                          none.getLineItemDimensions(u"1"_s),
                          none.getLineItemDimensionItems(u"1"_s, u"2"_s)};
        for (Job *job : jobs)
            job->setAutoDelete(false);
        for (Job *job : std::as_const(jobs)) {
            QVERIFY(env.finish(job));
            QCOMPARE(job->error().category, ErrorCategory::BadInput);
            QVERIFY2(job->error().message.contains(u"No model selected"_s),
                     qPrintable(job->error().toString()));
            QVERIFY(!job->error().hint.isEmpty());
        }
        QCOMPARE(env.nam.requests().size(), 0);
        figure(u"tx_no_model jobs=%1 requests=0"_s.arg(jobs.size()));
        qDeleteAll(jobs);
    }

    void invalidInputSendsNothing()
    {
        ModelApiFakeEnv env;
        QList<Job *> jobs{
            env.tr.getListMetadata({}),
            env.tr.getDimensionItems(u"20000000003"_s),               // Time: only through a view
            env.tr.lookupDimensionItems(u"101000000000"_s),           // nothing to look up
            env.tr.lookupDimensionItems(u"109000000000"_s, {u"c"_s}), // subsets cannot be looked up
            env.tr.setCurrentPeriod(u"31.01.2024"_s),
            env.tr.setCurrentPeriod(u"2024-02-30"_s),
            env.tr.setCurrentFiscalYear(u"  "_s),
            env.tr.getViewData(u"102000000000"_s, ViewDataFormat::Csv,
                               ViewDataQuery{{{u"101"_s, {}}}, {}, 0, {}}),
            env.tr.insertListItems(u"101000000006"_s, QJsonArray{QJsonObject{{u"parent"_s, u"x"_s}}}),
            env.tr.deleteListItems(u"101000000006"_s, QJsonArray{QJsonObject{{u"code"_s, u"a"_s}}, 5}),
            env.tr.updateModuleData(u"102000000001"_s, QJsonArray{QJsonObject{{u"lineItemId"_s, u"206"_s}}}),
            env.tr.updateModuleData(u"102000000001"_s, QJsonArray{}, BatchLimits{200'000, 1000}),
        };
        for (Job *job : jobs)
            job->setAutoDelete(false);
        for (Job *job : std::as_const(jobs)) {
            QVERIFY(env.finish(job));
            QCOMPARE(job->error().category, ErrorCategory::BadInput);
        }
        QVERIFY(jobs.at(9)->error().message.contains(u"entry 1"_s)); // names the bad entry
        QVERIFY(jobs.at(8)->error().hint.contains(u"0"_s));
        QCOMPARE(env.nam.requests().size(), 0);
        qDeleteAll(jobs);
    }

    void writesAndSettersSendTheirBodies()
    {
        ModelApiFakeEnv env;
        env.nam.on("PUT", u"**/currentPeriod"_s)
            .reply(FakeResponse::json(200, J({
                                          "currentPeriod" : {
                                              "periodText" : "May 24",
                                              "lastDay" : "2024-05-31",
                                              "calendarType" : "Calendar Months/Quarters/Years"
                                          }
                                      })));
        env.nam.on("PUT", u"**/modelCalendar/fiscalYear"_s)
            .reply(FakeResponse::json(
                200, J({
                    "modelCalendar" : {
                        "fiscalYear" : {"year" : "FY25", "startDate" : "2025-01-01", "endDate" : "2025-12-31"}
                    }
                })));
        env.nam.on("POST", u"**/dimensions/*/items"_s)
            .reply(FakeResponse::json(
                200, J({"items" : [ {"name" : "South", "id" : "208000000001", "code" : "S"} ]})));
        env.nam.on("POST", u"**/resetIndex"_s).reply(FakeResponse::http(200));
        auto set = keep(env.tr.setCurrentPeriod(u"2024-05-20"_s));
        runOk(env, set.get());
        QCOMPARE(set->currentPeriod().lastDay, u"2024-05-31"_s);
        auto reset = keep(env.tr.setCurrentPeriod({}));
        runOk(env, reset.get());
        auto year = keep(env.tr.setCurrentFiscalYear(u"FY25"_s));
        runOk(env, year.get());
        QCOMPARE(year->fiscalYear().endDate, u"2025-12-31"_s);
        auto lookup = keep(env.tr.lookupDimensionItems(u"101000000000"_s, {}, {u"South"_s}));
        runOk(env, lookup.get());
        QCOMPARE(lookup->items().first().code.value_or(QString()), u"S"_s);
        auto resetIndex = keep(env.tr.resetListIndex(u"101000000006"_s));
        runOk(env, resetIndex.get());

        const auto &r = env.nam.requests();
        QCOMPARE(r.size(), 5);
        QCOMPARE(r.at(0).method, QByteArray("PUT"));
        QCOMPARE(r.at(0).body, QByteArray(R"({"date":"2024-05-20"})"));
        QCOMPARE(r.at(0).header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.at(1).body, QByteArray(R"({"date":""})"));
        QCOMPARE(r.at(2).body, QByteArray(R"({"year":"FY25"})"));
        QCOMPARE(target(r.at(3)), kTx + u"/dimensions/101000000000/items"_s);
        QCOMPARE(QJsonDocument::fromJson(r.at(3).body).object(),
                 (QJsonObject{{u"names"_s, QJsonArray{u"South"_s}}, {u"codes"_s, QJsonValue()}}));
        QCOMPARE(target(r.at(4)), kTx + u"/lists/101000000006/resetIndex"_s);
        QVERIFY(r.at(4).body.isEmpty());
    }

    void listItemsReadAsJsonAndCsv()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/lists/*/items"_s).handle([](const RecordedRequest &r) {
            if (r.header("Accept").startsWith("text/csv"))
                return FakeResponse::http(200, "Name,Code\nNorth,N\n", "text/csv");
            return FakeResponse::json(
                200,
                compact(envelopeObject(
                    u"listItems"_s, QJsonArray{QJsonObject{
                                        {u"id"_s, u"330000000000"_s},
                                        {u"name"_s, u"North"_s},
                                        {u"code"_s, u"N"_s},
                                        {u"properties"_s, QJsonObject{{u"Opened"_s, u"2020-01-01"_s}}}}})));
        });
        auto json = keep(env.tr.getListItems(u"101000000000"_s));
        runOk(env, json.get());
        QCOMPARE(json->listItems().first().properties.value(u"Opened"_s), u"2020-01-01"_s);
        QCOMPARE(json->rawItems().first().value(u"code"_s).toString(), u"N"_s);
        auto csv = keep(env.tr.getListItemsCsv(u"101000000000"_s, false));
        runOk(env, csv.get());
        QCOMPARE(csv->data(), QByteArray("Name,Code\nNorth,N\n"));
        QCOMPARE(target(env.nam.requests().at(0)),
                 kTx + u"/lists/101000000000/items?includeAll=true&limit=5000"_s);
        QCOMPARE(target(env.nam.requests().at(1)), kTx + u"/lists/101000000000/items"_s);
        QCOMPARE(env.nam.requests().at(1).header("Accept"), QByteArray("text/csv"));
    }

    void insert250kItemsIsThreeBatchesSummed()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", u"**/lists/*/items"_s).handle(listWriteAnswer);
        const QJsonArray input = items(250'000);
        auto job = keep(env.tr.insertListItems(u"101000000006"_s, input));
        QList<qint64> progress;
        connect(job.get(), &ListItemsWriteJob::batchFinished, this,
                [&progress](int, int, qint64 done) { progress.append(done); });
        QThread *caller = QThread::currentThread();
        Q_UNUSED(caller);
        runOk(env, job.get());
        const auto &r = env.nam.requests();
        QCOMPARE(r.size(), 3);
        QList<int> sizes;
        for (const RecordedRequest &req : r) {
            QCOMPARE(req.method, QByteArray("POST"));
            QCOMPARE(target(req), kTx + u"/lists/101000000006/items?action=add"_s);
            sizes.append(int(QJsonDocument::fromJson(req.body).object().value(u"items"_s).toArray().size()));
        }
        QCOMPARE(sizes, (QList<int>{100'000, 100'000, 50'000}));
        // The last batch starts with item 200000: order kept across batches.
        QCOMPARE(QJsonDocument::fromJson(r.at(2).body)
                     .object()
                     .value(u"items"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"code"_s)
                     .toString(),
                 u"200000"_s);
        const ListWriteResult &result = job->result();
        QCOMPARE(result.added, 250'000 - 3);
        QCOMPARE(result.ignored, 3);
        QCOMPARE(result.total, 250'000);
        QCOMPARE(result.failures.size(), 3);
        QCOMPARE(result.failures.at(1).requestIndex, 100'000); // shifted into the caller's input
        QCOMPARE(result.failures.at(2).requestIndex, 200'000);
        QCOMPARE(progress, (QList<qint64>{100'000, 200'000, 250'000}));
        QCOMPARE(job->batchCount(), 3);
        figure(u"tx_insert_batches items=250000 requests=%1 added=%2 ignored=%3"_s.arg(r.size())
                   .arg(result.added)
                   .arg(result.ignored));
    }

    void updateIsPutAndDeleteUsesAction()
    {
        ModelApiFakeEnv env;
        env.nam.on("PUT", u"**/lists/*/items"_s).handle(listWriteAnswer);
        env.nam.on("POST", u"**/lists/*/items"_s).handle(listWriteAnswer);
        auto update = keep(env.tr.updateListItems(u"101000000006"_s, items(5), 2));
        runOk(env, update.get());
        QCOMPARE(update->result().updated, 2); // batches of 2, 2, 1: one failure each
        QCOMPARE(update->result().total, 5);
        auto remove =
            keep(env.tr.deleteListItems(u"101000000006"_s, QJsonArray{QJsonObject{{u"id"_s, u"1"_s}}}));
        runOk(env, remove.get());
        QCOMPARE(env.nam.count("PUT", u"**"_s), 3);
        QCOMPARE(target(env.nam.requests().last()), kTx + u"/lists/101000000006/items?action=delete"_s);
        QCOMPARE(remove->result().deleted, 0);
        QCOMPARE(remove->result().ignored, 1);
    }

    void emptyWriteSendsNothing()
    {
        ModelApiFakeEnv env;
        auto insert = keep(env.tr.insertListItems(u"101000000006"_s, {}));
        runOk(env, insert.get());
        auto cells = keep(env.tr.updateModuleData(u"102000000001"_s, {}));
        runOk(env, cells.get());
        QCOMPARE(env.nam.requests().size(), 0);
        QCOMPARE(insert->result().total, 0);
    }

    void failedBatchStopsAndKeepsPartialSums()
    {
        ModelApiFakeEnv env;
        int calls = 0;
        env.nam.on("POST", u"**/lists/*/items"_s).handle([&calls](const RecordedRequest &r) {
            if (++calls == 2)
                return FakeResponse::anaplanError(500, u"internal error"_s);
            return listWriteAnswer(r);
        });
        auto job = keep(env.tr.deleteListItems(u"101000000006"_s, items(25), 10));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Server);
        QCOMPARE(env.nam.requests().size(), 2); // a NotRepeatable POST is not re-sent; batch 3 never goes out
        QCOMPARE(job->result().deleted, 9);     // batch 1 only
        QCOMPARE(job->batchesDone(), 1);
        QVERIFY2(job->error().message.contains(u"Batch 2 of 3"_s), qPrintable(job->error().message));
        QVERIFY2(job->error().message.contains(u"9 deleted"_s), qPrintable(job->error().message));
        QVERIFY2(job->error().hint.contains(u"may have been applied"_s), qPrintable(job->error().hint));
        QCOMPARE(job->error().serverMessage, u"internal error"_s);
        figure(u"tx_batch_stop requests=2 of 3 deleted_before=%1"_s.arg(job->result().deleted));
    }

    void refusedBatchIsNotCalledPossiblyApplied()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", u"**/lists/*/items"_s).reply(FakeResponse::anaplanError(400, u"too many"_s));
        auto job = keep(env.tr.insertListItems(u"101000000006"_s, items(3)));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::BadInput);
        QVERIFY(!job->error().hint.contains(u"may have been applied"_s));
        QVERIFY(job->error().message.contains(u"nothing was written"_s));
    }

    void cellWritesSplitByCount()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", u"**/modules/*/data"_s).handle([](const RecordedRequest &r) {
            const qint64 n = QJsonDocument::fromJson(r.body).array().size();
            return FakeResponse::json(
                200,
                compact(QJsonObject{
                    {u"numberOfCellsChanged"_s, n - 1},
                    {u"failures"_s, QJsonArray{QJsonObject{{u"requestIndex"_s, 1},
                                                           {u"failureType"_s, u"READ_ONLY_CELL"_s},
                                                           {u"failureMessageDetails"_s, u"formula"_s}}}}}));
        });
        QJsonArray cells;
        for (int i = 0; i < 250'000; ++i)
            cells.append(
                QJsonObject{{u"lineItemId"_s, u"206000000010"_s},
                            {u"dimensions"_s, QJsonArray{QJsonObject{{u"dimensionId"_s, u"101000000002"_s},
                                                                     {u"itemId"_s, QString::number(i)}}}},
                            {u"value"_s, i}});
        auto job = keep(env.tr.updateModuleData(u"102000000001"_s, cells));
        runOk(env, job.get());
        QList<int> sizes;
        for (const RecordedRequest &r : env.nam.requests()) {
            QCOMPARE(target(r), kTx + u"/modules/102000000001/data"_s);
            QVERIFY(r.body.size() <= CellWriteJob::kMaxBytesPerRequest);
            sizes.append(int(QJsonDocument::fromJson(r.body).array().size()));
        }
        QCOMPARE(sizes, (QList<int>{100'000, 100'000, 50'000}));
        QCOMPARE(job->result().numberOfCellsChanged, 250'000 - 3);
        QCOMPARE(job->result().failures.at(2).requestIndex, 200'001);
        figure(u"tx_cells_by_count cells=250000 requests=%1"_s.arg(sizes.size()));
    }

    void cellWritesSplitByBytes()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", u"**/modules/*/data"_s).handle([](const RecordedRequest &r) {
            return FakeResponse::json(200,
                                      compact(QJsonObject{{u"numberOfCellsChanged"_s,
                                                           QJsonDocument::fromJson(r.body).array().size()}}));
        });
        QJsonArray cells;
        const QString text(200, u'w');
        for (int i = 0; i < 90'000; ++i) // ~260 bytes each: ~23 MB, under the count limit, over 15 MB
            cells.append(
                QJsonObject{{u"lineItemName"_s, u"Commentary"_s},
                            {u"dimensions"_s, QJsonArray{QJsonObject{{u"dimensionName"_s, u"Products"_s},
                                                                     {u"itemCode"_s, QString::number(i)}}}},
                            {u"value"_s, text}});
        auto job = keep(env.tr.updateModuleData(u"102000000001"_s, cells));
        runOk(env, job.get());
        qint64 total = 0;
        qint64 largest = 0;
        for (const RecordedRequest &r : env.nam.requests()) {
            QVERIFY(r.body.size() <= CellWriteJob::kMaxBytesPerRequest);
            largest = qMax<qint64>(largest, r.body.size());
            total += QJsonDocument::fromJson(r.body).array().size();
        }
        QCOMPARE(env.nam.requests().size(), 2);
        QCOMPARE(total, 90'000);
        QCOMPARE(job->result().numberOfCellsChanged, 90'000);
        QVERIFY(largest > CellWriteJob::kMaxBytesPerRequest - 1000); // packed, not split early
        figure(u"tx_cells_by_bytes cells=90000 requests=2 largest_body=%1"_s.arg(largest));
    }

    void viewDataJsonParsedOffTheCallerThread()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/views/*/data"_s)
            .reply(FakeResponse::json(200, J({
                                          "pages" : ["Actual"],
                                          "columnCoordinates" : [ ["Jan 26"], ["Feb 26"] ],
                                          "rows" : [
                                              {"rowCoordinates" : ["North"], "cells" : [ "1", "2" ]},
                                              {"rowCoordinates" : ["South"], "cells" : [ "3", 4 ]}
                                          ]
                                      })));
        ViewDataQuery query;
        query.pages = {{u"20000000020"_s, u"107000000001"_s}, {u"101000000004"_s, u"330000000001"_s}};
        query.maxRows = 10;
        auto job = keep(env.tr.getViewData(u"635000000000"_s, ViewDataFormat::Json, query));
        runOk(env, job.get());
        QVERIFY(job->parseThread() != nullptr);
        QVERIFY(job->parseThread() != QThread::currentThread());
        QCOMPARE(job->data().cellCount(), 4);
        QCOMPARE(job->data().rows.at(1).cells.at(1), u"4"_s);
        const RecordedRequest &r = env.nam.requests().first();
        QCOMPARE(r.header("Accept"), QByteArray("application/json"));
        QCOMPARE(target(r), kTx + u"/views/635000000000/data?pages=20000000020:107000000001,"
                                  "101000000004:330000000001&maxRows=10&format=v1"_s);
    }

    void viewDataCsvAndExportType()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/views/*/data"_s).reply(FakeResponse::http(200, "a,b\n1,2\n", "text/csv"));
        ViewDataQuery query;
        query.moduleId = u"102000000002"_s;
        query.exportType = ViewExportType::TabularSingleColumn;
        auto job = keep(env.tr.getViewData(u"635000000002"_s, ViewDataFormat::CsvEscaped, query));
        runOk(env, job.get());
        QCOMPARE(job->csv(), QByteArray("a,b\n1,2\n"));
        QVERIFY(job->parseThread() == nullptr);
        const RecordedRequest &r = env.nam.requests().first();
        QCOMPARE(r.header("Accept"), QByteArray("text/csv;escaped=true"));
        QCOMPARE(target(r),
                 kTx + u"/views/635000000002/data?moduleId=102000000002&exportType=TABULAR_SINGLE_COLUMN"_s);
        QCOMPARE(viewExportTypeFromName(u"grid_all_pages"_s).value(), ViewExportType::GridAllPages);
        QVERIFY(!viewExportTypeFromName(u"spreadsheet"_s).has_value());
    }

    void tooLargeViewExplainsWhatToDo()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/views/*/data"_s)
            .reply(FakeResponse::anaplanError(400, u"more than 1000000 cells"_s));
        auto job = keep(env.tr.getViewData(u"102000000002"_s));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::BadInput);
        QCOMPARE(job->error().serverMessage, u"more than 1000000 cells"_s);
        QVERIFY(job->error().hint.contains(u"1,000,000"_s));
        QCOMPARE(job->error().object, u"view 102000000002"_s);
    }

    void malformedViewJsonIsProtocolError()
    {
        ModelApiFakeEnv env;
        env.nam.on("GET", u"**/views/*/data"_s).reply(FakeResponse::json(200, QByteArray("{\"rows\":")));
        auto job = keep(env.tr.getViewData(u"102000000000"_s));
        QVERIFY(env.finish(job.get()));
        QCOMPARE(job->error().category, ErrorCategory::Protocol);
    }

    void abortDuringWriteStopsEverything()
    {
        ModelApiFakeEnv env;
        env.nam.on("POST", u"**/lists/*/items"_s).reply(FakeResponse::hang());
        auto job = keep(env.tr.insertListItems(u"101000000006"_s, items(30), 10));
        QVERIFY(env.drive([&] { return env.nam.requests().size() == 1; }));
        job->abort();
        QCOMPARE(job->error().category, ErrorCategory::Cancelled);
        settle(&env.nam);
        QCOMPARE(env.nam.requests().size(), 1);
        QCOMPARE(env.nam.hangingReplies(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTransactionalJobs)
#include "tst_TransactionalJobs.moc"
