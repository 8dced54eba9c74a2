// Value parsing tolerance of the Transactional and ALM types (ids as numbers, strings for numbers and
// booleans, missing and null fields, both spellings Anaplan uses), the view-data parser, result sums
// and the batch planner.
#include "alm/AlmTypes.h"
#include "transactional/BatchedWriteJob.h"
#include "transactional/Calendar.h"
#include "transactional/LineItem.h"
#include "transactional/ListTypes.h"
#include "transactional/TxPaths.h"
#include "transactional/TxTypes.h"
#include "transactional/ViewData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cstdio>

using namespace anadesk;
using namespace Qt::StringLiterals;

namespace {
QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestModelApiTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallObjectsKeepIdsExactly()
    {
        const Module m = Module::fromJson(obj(R"({"id":102000000125,"name":"REV01 Price Book"})"));
        QCOMPARE(m.id, u"102000000125"_s); // a number, rendered without exponent
        QCOMPARE(m.name, u"REV01 Price Book"_s);
        const View v = View::fromJson(obj(R"({"id":"207000000000","name":"S.UK","moduleId":102000000000})"));
        QCOMPARE(v.moduleId, u"102000000000"_s);
        QVERIFY(v.code.isEmpty()); // required by the library, missing here: defaulted
        const Dimension withCode =
            Dimension::fromJson(obj(R"({"id":"200000000001","name":"North","code":"N"})"));
        QCOMPARE(withCode.code.value_or(QString()), u"N"_s);
        const Dimension noCode =
            Dimension::fromJson(obj(R"({"id":"200000000000","name":"Total","code":null})"));
        QVERIFY(!noCode.code.has_value());
    }

    void viewInfoDefaultsMissingAxes()
    {
        const ViewInfo v = ViewInfo::fromJson(obj(R"({"viewName":"REV01","viewId":"102000000000",
            "rows":[{"id":"101000000000","name":"Products"}],"columns":[{"id":101999999999,"name":"Line items"}]})"));
        QCOMPARE(v.rows.size(), 1);
        QCOMPARE(v.columns.first().id, u"101999999999"_s);
        QVERIFY(v.pages.isEmpty()); // omitted axis
    }

    void listMetadataBothSpellingsAndStrings()
    {
        const ListMetadata m = ListMetadata::fromJson(obj(R"({"id":"101000000001","name":"Sales Reps",
            "properties":[{"name":"Mail","format":"TEXT","notes":"","referencedBy":""}],
            "hasSelectiveAccess":"false","parent":{"id":"101000000000","name":"Organization"},
            "numberedList":true,"itemCount":"12","nextitemIndex":13,"productionData":1,"permittedItems":null})"));
        QCOMPARE(m.properties.size(), 1);
        QCOMPARE(m.properties.first().format, u"TEXT"_s);
        QVERIFY(!m.hasSelectiveAccess);
        QVERIFY(m.numberedList);
        QCOMPARE(m.itemCount, 12);
        QCOMPARE(m.nextItemIndex.value_or(-1), 13); // the spec's spelling
        QVERIFY(m.productionData);
        QVERIFY(!m.permittedItems.has_value());
        QCOMPARE(m.parentName, u"Organization"_s);
        QCOMPARE(ListMetadata::fromJson(obj(R"({"nextItemIndex":"7"})")).nextItemIndex.value_or(-1), 7);
    }

    void listItemPropertiesAndSubsets()
    {
        const ListItem i = ListItem::fromJson(obj(R"({"id":206000000001,"name":"cake","code":"c1",
            "subsets":{"favourite":"true","old":0},"properties":{"count":1.5,"label":"x","none":null,"flag":true},
            "parentId":null})"));
        QCOMPARE(i.id, u"206000000001"_s);
        QCOMPARE(i.code.value_or(QString()), u"c1"_s);
        QVERIFY(i.subsets.value(u"favourite"_s));
        QVERIFY(!i.subsets.value(u"old"_s, true));
        QCOMPARE(i.properties.value(u"count"_s), u"1.5"_s);
        QCOMPARE(i.properties.value(u"flag"_s), u"true"_s);
        QVERIFY(i.properties.contains(u"none"_s));
        QVERIFY(i.properties.value(u"none"_s).isEmpty());
        QVERIFY(!i.parent.has_value());
        QVERIFY(!i.parentId.has_value());
    }

    void lineItemFullMetadata()
    {
        const LineItem l = LineItem::fromJson(obj(R"({"moduleId":"102000000001","moduleName":"m2",
            "id":"206000000006","name":"child","isSummary":"false","breakback":true,"cellCount":"51",
            "version":{"name":"All","id":16000000000},"appliesTo":[{"name":"org","id":"109000000001"}],
            "parent":{"name":"li5","id":"206000000005"},"formula":"3 + 9","format":"NUMBER",
            "formatMetadata":{"dataType":"NUMBER","decimalPlaces":-1},"code":null})"));
        QCOMPARE(l.dataType, u"NUMBER"_s);
        QCOMPARE(l.cellCount.value_or(0), 51);
        QCOMPARE(l.version->id, u"16000000000"_s);
        QCOMPARE(l.appliesTo.size(), 1);
        QVERIFY(l.breakback);
        QVERIFY(!l.isSummary);
        QVERIFY(!l.code.has_value());
        QVERIFY(l.referencedBy.isEmpty());
        QVERIFY(!l.readAccessDriver.has_value());
        const LineItem bare = LineItem::fromJson(obj(R"({"id":"206000000000","name":"Q"})"));
        QVERIFY(bare.format.isEmpty());
        QVERIFY(!bare.formula.has_value());
    }

    void calendarKindsAndTotalsSpellings()
    {
        const ModelCalendar c =
            ModelCalendar::fromJson(obj(R"({"calendarType":"Calendar Months/Quarters/Years",
            "currentPeriod":{"periodText":"May 20","lastDay":"2020-05-31"},"fiscalYear":{"year":"FY20",
            "startDate":"2020-01-01","endDate":"2020-12-31"},"pastYearsCount":"1",
            "totalsSelection":{"isQuarterTotals":true,"halfYearTotals":"true","yearToDateSummary":false}})"));
        QCOMPARE(c.kind, CalendarKind::MonthsQuartersYears);
        QCOMPARE(c.currentPeriod->lastDay, u"2020-05-31"_s);
        QCOMPARE(c.fiscalYear->year, u"FY20"_s);
        QCOMPARE(c.pastYearsCount.value_or(-1), 1);
        QVERIFY(c.totalsSelection->quarterTotals);
        QVERIFY(c.totalsSelection->halfYearTotals);
        QVERIFY(!c.totalsSelection->yearToDateSummary);
        QCOMPARE(calendarKindFromType(u"Weeks: General"_s), CalendarKind::WeeksGeneral);
        QCOMPARE(calendarKindFromType(u"Weeks: 13 4-week Periods"_s), CalendarKind::WeeksPeriods);
        QCOMPARE(calendarKindFromType(u"Weeks: 4-4-5, 4-5-4 or 5-4-4"_s), CalendarKind::WeeksGrouping);
        const ModelCalendar unknown =
            ModelCalendar::fromJson(obj(R"({"calendarType":"Lunar","weeksCount":"52"})"));
        QCOMPARE(unknown.kind, CalendarKind::Unknown); // kept, not rejected
        QCOMPARE(unknown.calendarType, u"Lunar"_s);
        QCOMPARE(unknown.weeksCount.value_or(0), 52);
        const ModelCalendar onlyYear =
            ModelCalendar::fromJson(obj(R"({"fiscalYear":{"year":"FY21"}})")); // spec's GET
        QCOMPARE(onlyYear.fiscalYear->year, u"FY21"_s);
        QVERIFY(!onlyYear.currentPeriod.has_value());
    }

    void viewDataParsesTolerantly()
    {
        ViewData data;
        QString problem =
            ViewData::parse(R"({"pages":["Actual"],"columnCoordinates":[["Jan 13"],["Feb 13"],"Mar 13"],
            "rows":[{"rowCoordinates":["Durham"],"cells":["64.6",57.94,null,true]},{"rowCoordinates":"York"}]})",
                            &data);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(data.pages, QStringList{u"Actual"_s});
        QCOMPARE(data.columnCoordinates.size(), 3);
        QCOMPARE(data.columnCoordinates.at(2), QStringList{u"Mar 13"_s}); // a bare coordinate
        QCOMPARE(data.rows.first().cells, (QStringList{u"64.6"_s, u"57.94"_s, QString(), u"true"_s}));
        QCOMPARE(data.rows.at(1).coordinates, QStringList{u"York"_s});
        QCOMPARE(data.cellCount(), 4);
        QVERIFY(ViewData::parse(R"({})", &data).isEmpty()); // no pages, no rows: an empty view
        QCOMPARE(data.rows.size(), 0);
        QVERIFY(!ViewData::parse("not json", &data).isEmpty());
        QVERIFY(!ViewData::parse("[1,2]", &data).isEmpty());
        QVERIFY(!ViewData::parse(R"({"rows":{"a":1}})", &data).isEmpty());
    }

    void writeResultsSumWithShiftedIndexes()
    {
        ListWriteResult r;
        r.add(obj(R"({"added":99999,"ignored":1,"total":100000,"failures":[{"requestIndex":5,
                     "failureType":"DUPLICATE_NAME","failureMessageDetails":"dup"}]})"),
              0);
        r.add(obj(R"({"added":"50000","ignored":0,"total":50000})"), 100000); // failures omitted (spec)
        r.add(obj(R"({"added":2,"ignored":1,"total":3,"failures":[{"requestIndex":"2","failureType":"X",
                     "failureMessageDetails":"y"},{"failureType":"Y"}]})"),
              150000);
        QCOMPARE(r.added, 150001);
        QCOMPARE(r.ignored, 2);
        QCOMPARE(r.total, 150003);
        QCOMPARE(r.failures.size(), 3);
        QCOMPARE(r.failures.at(0).requestIndex, 5);
        QCOMPARE(r.failures.at(1).requestIndex, 150002); // index in the caller's whole input
        QCOMPARE(r.failures.at(2).requestIndex, -1);     // missing index stays unknown
    }

    void almValues()
    {
        const AlmTask pending = AlmTask::fromJson(obj(R"({"taskId":"AB12","taskState":"IN_PROGRESS",
            "creationTime":1750000000000,"currentStep":"Syncing","progress":"0.5"})"));
        QCOMPARE(pending.state, TaskState::InProgress);
        QCOMPARE(pending.creationTime, u"1750000000000"_s); // epoch ms rendered
        QCOMPARE(pending.progress.value_or(0), 0.5);
        QVERIFY(!pending.result.has_value());
        const AlmTask iso = AlmTask::fromJson(obj(R"({"taskId":"AB13","taskState":"COMPLETE",
            "creationTime":"2026-01-01T10:00:00Z","result":{"successful":false,"sourceRevisionId":"S",
            "targetRevisionId":"T","error":{"title":"Sync failed","messageText":"Revision not syncable"}}})"));
        QCOMPARE(iso.creationTime, u"2026-01-01T10:00:00Z"_s);
        QVERIFY(!iso.result->successful);
        QCOMPARE(iso.result->errorTitle, u"Sync failed"_s);
        QCOMPARE(iso.result->errorMessage, u"Revision not syncable"_s);
        const AlmTask odd = AlmTask::fromJson(obj(R"({"taskId":"AB14","taskState":"QUEUED"})"));
        QCOMPARE(odd.state, TaskState::Unknown);
        QCOMPARE(odd.stateRaw, u"QUEUED"_s);

        const Revision r = Revision::fromJson(obj(R"({"id":"4A1C","name":"R1","createdOn":"2026-01-01",
            "createdBy":"u","creationMethod":"user","appliedOn":"2026-01-02","appliedBy":"u"})"));
        QVERIFY(!r.description.has_value());
        QCOMPARE(r.creationMethod, u"user"_s);
        const AppliedModel deleted =
            AppliedModel::fromJson(obj(R"({"appliedBy":"u","modelDeleted":"true"})"));
        QVERIFY(deleted.modelDeleted);
        QVERIFY(deleted.modelId.isEmpty());
        QVERIFY(deleted.modelName.isEmpty());

        const SummaryReport s = SummaryReport::fromJson(obj(R"({"targetRevisionId":"T","sourceRevisionId":"S",
            "totals":{"modified":"2","created":5},"differences":{"lists":{"created":1},"modules":{"modified":2,
            "created":4,"deleted":0},"rolesContents":7}})"));
        QCOMPARE(s.totals.modified, 2);
        QCOMPARE(s.totals.created, 5);
        QCOMPARE(s.totals.deleted, 0);
        QCOMPARE(s.differences.size(), 2); // a non-object category is skipped
        QCOMPARE(s.differences.value(u"modules"_s).created, 4);
    }

    void dimensionIdRules()
    {
        QVERIFY(isItemListableDimension(u"101000000004"_s));
        QVERIFY(isItemListableDimension(u"101999999999"_s));
        QVERIFY(isItemListableDimension(u"109000000001"_s));
        QVERIFY(isItemListableDimension(u"114000000001"_s));
        QVERIFY(!isItemListableDimension(u"20000000003"_s)); // Time: read it through a view
        QVERIFY(!isItemListableDimension(u"102000000000"_s));
        QVERIFY(!isItemListableDimension(u"10100000000x"_s));
        QVERIFY(isLookupDimension(u"20000000003"_s));
        QVERIFY(isLookupDimension(u"20000000020"_s));
        QVERIFY(isLookupDimension(u"101999999999"_s));
        QVERIFY(!isLookupDimension(u"109000000001"_s));
    }

    void batchPlanSplitsByCount()
    {
        QJsonArray entries;
        for (int i = 0; i < 25; ++i)
            entries.append(QJsonObject{{u"name"_s, QString::number(i)}});
        const BatchPlan plan = BatchPlan::make(entries, {10, 0}, "{\"items\":[", "]}", {});
        QVERIFY(plan.error.isEmpty());
        QCOMPARE(plan.counts, (QList<int>{10, 10, 5}));
        QCOMPARE(plan.offsets, (QList<qint64>{0, 10, 20}));
        int seen = 0;
        for (const QByteArray &body : plan.bodies) {
            const QJsonArray items = QJsonDocument::fromJson(body).object().value(u"items"_s).toArray();
            for (const QJsonValue &v : items)
                QCOMPARE(v.toObject().value(u"name"_s).toString(), QString::number(seen++)); // order kept
        }
        QCOMPARE(seen, 25);
    }

    void batchPlanSplitsByBytesAndRejectsOversize()
    {
        QJsonArray entries;
        for (int i = 0; i < 100; ++i)
            entries.append(QJsonObject{{u"v"_s, QString(90, u'x')}}); // {"v":"xxx…"} = 97 bytes
        const BatchPlan plan = BatchPlan::make(entries, {1000, 1000}, "[", "]", {});
        QVERIFY(plan.error.isEmpty());
        qint64 total = 0;
        for (int b = 0; b < plan.bodies.size(); ++b) {
            QVERIFY2(plan.bodies.at(b).size() <= 1000, qPrintable(QString::number(plan.bodies.at(b).size())));
            QCOMPARE(QJsonDocument::fromJson(plan.bodies.at(b)).array().size(), plan.counts.at(b));
            total += plan.counts.at(b);
        }
        QCOMPARE(total, 100);
        QCOMPARE(plan.counts.first(), 10); // 2 + 10*97 + 9 commas = 981 ≤ 1000; one more would not fit
        std::printf("FIGURE: batch_plan_bytes entries=100 limit=1000 batches=%lld\n",
                    qint64(plan.bodies.size()));

        entries.append(QJsonObject{{u"v"_s, QString(2000, u'y')}});
        const BatchPlan tooBig = BatchPlan::make(entries, {1000, 1000}, "[", "]", {});
        QCOMPARE(tooBig.errorIndex, 100);
        QVERIFY(tooBig.bodies.isEmpty());
        const BatchPlan invalid = BatchPlan::make(QJsonArray{QJsonObject{}, 3}, {10, 0}, "[", "]", {});
        QCOMPARE(invalid.errorIndex, 1);
        const BatchPlan refused = BatchPlan::make(
            QJsonArray{QJsonObject{}, QJsonObject{{u"bad"_s, true}}}, {10, 0}, "[", "]",
            [](const QJsonObject &o) { return o.contains(u"bad"_s) ? u"bad entry"_s : QString(); });
        QCOMPARE(refused.errorIndex, 1);
        QVERIFY(refused.error.contains(u"bad entry"_s));
    }
};

QTEST_GUILESS_MAIN(TestModelApiTypes)
#include "tst_ModelApiTypes.moc"
