// The ALM tab's item models without a server (QAbstractItemModelTester on each): revisions with the latest
// marked, and a comparison summary with its Total row.
#include "alm/RevisionListModel.h"
#include "alm/SummaryTableModel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QtTest>

using namespace anadesk;

class TestAlmUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void revisions();
    void summary();
};

void TestAlmUnits::revisions()
{
    RevisionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    Revision a;
    a.id = QStringLiteral("AAA");
    a.name = QStringLiteral("Release 1.0");
    a.appliedBy = QStringLiteral("demo@anadesk.test");
    a.appliedOn = QStringLiteral("2025-01-01T10:00:00Z");
    Revision b = a;
    b.id = QStringLiteral("BBB");
    b.name = QStringLiteral("Release 1.1");
    b.description = QStringLiteral("Channels");
    model.setRevisions({a, b}, QStringLiteral("bbb")); // ids compare case-insensitively
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.latest()->id, QStringLiteral("BBB"));
    QCOMPARE(model.index(1, RevisionListModel::NameColumn).data().toString(),
             QStringLiteral("Release 1.1 (latest)"));
    QCOMPARE(model.index(0, RevisionListModel::NameColumn).data().toString(), QStringLiteral("Release 1.0"));
    QVERIFY(model.index(1, 0).data(RevisionListModel::LatestRole).toBool());
    QVERIFY(!model.index(0, 0).data(RevisionListModel::LatestRole).toBool());
    QVERIFY(model.index(1, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Channels")));
    QCOMPARE(model.index(0, RevisionListModel::AppliedByColumn).data().toString(), a.appliedBy);
    QCOMPARE(model.index(0, RevisionListModel::IdColumn).data(RevisionListModel::RevisionIdRole).toString(),
             a.id);
    QCOMPARE(model.rowOf(QStringLiteral("aaa")), 0);
    QCOMPARE(model.rowOf(QString()), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.latest());
}

void TestAlmUnits::summary()
{
    SummaryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(!model.hasSummary());
    QCOMPARE(model.rowCount(), 0);
    SummaryReport report;
    report.totals = ChangeCounts{7, 2, 1};
    report.differences.insert(QStringLiteral("lineItems"), ChangeCounts{5, 2, 0});
    report.differences.insert(QStringLiteral("lists"), ChangeCounts{2, 0, 1});
    report.differences.insert(QStringLiteral("newThingCount"), ChangeCounts{0, 0, 0});
    model.setSummary(report);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, SummaryTableModel::AreaColumn).data().toString(), QStringLiteral("Total"));
    QCOMPARE(model.index(0, SummaryTableModel::CreatedColumn).data(SummaryTableModel::CountRole).toLongLong(),
             7);
    QCOMPARE(model.index(0, SummaryTableModel::AllColumn).data(SummaryTableModel::CountRole).toLongLong(),
             10);
    const int lineItems = model.rowOfArea(QStringLiteral("lineItems"));
    QVERIFY(lineItems > 0);
    QCOMPARE(model.index(lineItems, SummaryTableModel::AreaColumn).data().toString(),
             QStringLiteral("Line items"));
    QCOMPARE(model.index(lineItems, SummaryTableModel::ModifiedColumn)
                 .data(SummaryTableModel::CountRole)
                 .toLongLong(),
             2);
    QCOMPARE(model.index(model.rowOfArea(QStringLiteral("lists")), SummaryTableModel::DeletedColumn)
                 .data(SummaryTableModel::CountRole)
                 .toLongLong(),
             1);
    QCOMPARE(SummaryTableModel::areaTitle(QStringLiteral("newThingCount")),
             QStringLiteral("New thing count"));
    QCOMPARE(model.rowOfArea(QStringLiteral("modules")), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestAlmUnits)
#include "tst_AlmUnits.moc"
