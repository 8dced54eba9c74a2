// The sandbox's ALM routes over real HTTP (anaplan-api.md §9, alm-openapi.json): revisions, latest and
// syncable revisions, applied-to models, comparison and summary reports with real differences (target
// revision first in their paths), a sync that really changes the target, revision creation rules.
#include "ModelApiFixture.h"

#include <QTemporaryDir>

using namespace modelapis;

namespace {

QJsonObject taskBody(const QString &sourceRevision, const QString &sourceModel, const QString &targetRevision)
{
    return {{QStringLiteral("sourceRevisionId"), sourceRevision},
            {QStringLiteral("sourceModelId"), sourceModel},
            {QStringLiteral("targetRevisionId"), targetRevision}};
}

} // namespace

class TestSandboxAlm : public QObject
{
    Q_OBJECT

    Sandbox m_sbx;

    QJsonObject start(const QString &collection, const QJsonObject &body, int expected = 201)
    {
        const ProbeReply r = m_sbx.send("POST", model(kProd, QStringLiteral("/alm/") + collection), body);
        [&] { QCOMPARE(r.status, expected); }();
        return r.json().value(QStringLiteral("task")).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sbx.start(&error), qPrintable(error));
    }

    void revisionsLatestAndSyncable()
    {
        const QStringList required{
            QStringLiteral("id"),        QStringLiteral("name"),           QStringLiteral("createdOn"),
            QStringLiteral("createdBy"), QStringLiteral("creationMethod"), QStringLiteral("appliedOn"),
            QStringLiteral("appliedBy")};
        const QJsonArray dev = m_sbx.get(model(kDev, QStringLiteral("/alm/revisions")))
                                   .json()
                                   .value(QStringLiteral("revisions"))
                                   .toArray();
        QCOMPARE(values(dev, "id"), (QStringList{kR1, kR2}));
        for (const QJsonValue &r : dev)
            QVERIFY(missing(r.toObject(), required).isEmpty());
        QCOMPARE(values(m_sbx.get(model(kProd, QStringLiteral("/alm/revisions")))
                            .json()
                            .value(QStringLiteral("revisions"))
                            .toArray(),
                        "id"),
                 QStringList{kR1});
        QCOMPARE(values(m_sbx.get(model(kProd, QStringLiteral("/alm/latestRevision")))
                            .json()
                            .value(QStringLiteral("revisions"))
                            .toArray(),
                        "id"),
                 QStringList{kR1});
        const ProbeReply none = m_sbx.get(model(kCapacity, QStringLiteral("/alm/latestRevision")));
        QCOMPARE(none.status, 200);
        QVERIFY(!none.json().contains(QStringLiteral("revisions"))); // no revision: meta and status only
        QCOMPARE(
            values(m_sbx.get(model(kProd, QStringLiteral("/alm/syncableRevisions?sourceModelId=") + kDev))
                       .json()
                       .value(QStringLiteral("revisions"))
                       .toArray(),
                   "id"),
            QStringList{kR2});
        QCOMPARE(m_sbx.get(model(kProd, QStringLiteral("/alm/syncableRevisions"))).status, 400);
        QCOMPARE(m_sbx.get(model(kArchived, QStringLiteral("/alm/revisions"))).status, 422);

        const QJsonArray applied =
            m_sbx.get(model(kProd, QStringLiteral("/alm/revisions/%1/appliedToModels").arg(kR1)))
                .json()
                .value(QStringLiteral("appliedToModels"))
                .toArray();
        QCOMPARE(values(applied, "modelId"), (QStringList{kDev, kProd})); // the first is where it was created
        QCOMPARE(values(applied, "appliedMethod"),
                 (QStringList{QStringLiteral("Created"), QStringLiteral("Sync")}));
        QVERIFY(
            missing(applied.first().toObject(), {QStringLiteral("modelName"), QStringLiteral("workspaceId"),
                                                 QStringLiteral("appliedBy"), QStringLiteral("appliedOn")})
                .isEmpty());
        QCOMPARE(
            m_sbx
                .get(model(kProd,
                           QStringLiteral("/alm/revisions/0123456789ABCDEF0123456789ABCDEF/appliedToModels")))
                .status,
            404);
        const ProbeReply noTasks = m_sbx.get(model(kProd, QStringLiteral("/alm/syncTasks")));
        QCOMPARE(noTasks.status, 200);
        QVERIFY(!noTasks.json().contains(QStringLiteral("tasks")));
    }

    void comparisonReportHasTheDifferences()
    {
        const QJsonObject created = start(QStringLiteral("comparisonReportTasks"), taskBody(kR2, kDev, kR1));
        QCOMPARE(created.value(QStringLiteral("taskState")).toString(), QStringLiteral("IN_PROGRESS"));
        QVERIFY(created.contains(QStringLiteral("currentStep")));
        int polls = 0;
        const QJsonObject task =
            m_sbx.waitTask(model(kProd, QStringLiteral("/alm/comparisonReportTasks/") +
                                            created.value(QStringLiteral("taskId")).toString()),
                           &polls);
        QCOMPARE(task.value(QStringLiteral("taskState")).toString(), QStringLiteral("COMPLETE"));
        const QJsonObject result = task.value(QStringLiteral("result")).toObject();
        QVERIFY(result.value(QStringLiteral("successful")).toBool());
        // Target revision before source revision in the report path.
        QVERIFY(result.value(QStringLiteral("reportFileUrl"))
                    .toString()
                    .endsWith(QStringLiteral("/comparisonReports/%1/%2").arg(kR1, kR2)));
        const ProbeReply report =
            m_sbx.get(model(kProd, QStringLiteral("/alm/comparisonReports/%1/%2").arg(kR1, kR2)));
        QCOMPARE(report.status, 200);
        for (const char *expected :
             {"Lists Added\nList\tParent List\tProduction Data\nChannels\t", "Modules Added",
              "REV02 Channel Mix\tChannels, Time", "Roles Changed", "Changes Within Lists",
              "REV01 Revenue Plan\tChannel\tLIST", "REV01 Revenue Plan\tDiscount %\tNUMBER"})
            QVERIFY2(report.body.contains(expected), expected);
        QVERIFY(!report.body.contains("Forecast Notes")); // changed after R2: not part of either revision
        QCOMPARE(m_sbx.get(model(kProd, QStringLiteral("/alm/comparisonReports/%1/%2").arg(kR2, kR1))).status,
                 404);
        // A comparison task id is unknown under the summary collection.
        QCOMPARE(m_sbx
                     .get(model(kProd, QStringLiteral("/alm/summaryReportTasks/") +
                                           created.value(QStringLiteral("taskId")).toString()))
                     .status,
                 404);

        const QJsonObject summaryTask = start(QStringLiteral("summaryReportTasks"), taskBody(kR2, kDev, kR1));
        const QJsonObject done =
            m_sbx.waitTask(model(kProd, QStringLiteral("/alm/summaryReportTasks/") +
                                            summaryTask.value(QStringLiteral("taskId")).toString()));
        QVERIFY(done.value(QStringLiteral("result")).toObject().contains(QStringLiteral("reportFileUrl")));
        const QJsonObject summary =
            m_sbx.get(model(kProd, QStringLiteral("/alm/summaryReports/%1/%2").arg(kR1, kR2)))
                .json()
                .value(QStringLiteral("summaryReport"))
                .toObject();
        QCOMPARE(summary.value(QStringLiteral("targetRevisionId")).toString(), kR1);
        QCOMPARE(summary.value(QStringLiteral("totals")).toObject().value(QStringLiteral("created")).toInt(),
                 6);
        const QJsonObject differences = summary.value(QStringLiteral("differences")).toObject();
        QCOMPARE(
            differences.value(QStringLiteral("lists")).toObject().value(QStringLiteral("created")).toInt(),
            1);
        QCOMPARE(
            differences.value(QStringLiteral("modules")).toObject().value(QStringLiteral("created")).toInt(),
            1);
        QCOMPARE(differences.value(QStringLiteral("lineItems"))
                     .toObject()
                     .value(QStringLiteral("created"))
                     .toInt(),
                 4);
        QVERIFY(!differences.contains(QStringLiteral("rolesContents"))); // no differences: omitted

        start(QStringLiteral("comparisonReportTasks"),
              taskBody(kR2, kDev, QStringLiteral("0123456789ABCDEF0123456789ABCDEF")), 400);
        start(QStringLiteral("comparisonReportTasks"), taskBody(kR2, kDev, QStringLiteral("not-an-id")), 400);
        qInfo("FIGURE: sandbox_alm_report_bytes=%lld polls=%d", qlonglong(report.body.size()), polls);
    }

    void syncAppliesTheRevisionToTheTarget()
    {
        const auto moduleIds = [&] {
            return values(m_sbx.get(model(kProd, QStringLiteral("/modules")))
                              .json()
                              .value(QStringLiteral("modules"))
                              .toArray(),
                          "id");
        };
        QVERIFY(!moduleIds().contains(QStringLiteral("102000000003")));
        start(QStringLiteral("syncTasks"), taskBody(kR2, kDev, kR2),
              400); // the target's latest revision is R1
        start(QStringLiteral("syncTasks"), taskBody(kR1, kDev, kR1), 400); // R1 is not newer than the target
        const QJsonObject created = start(QStringLiteral("syncTasks"), taskBody(kR2, kDev, kR1));
        const QString taskId = created.value(QStringLiteral("taskId")).toString();
        start(QStringLiteral("syncTasks"), taskBody(kR2, kDev, kR1), 409); // one sync at a time
        const QJsonObject task = m_sbx.waitTask(model(kProd, QStringLiteral("/alm/syncTasks/") + taskId));
        QCOMPARE(task.value(QStringLiteral("result")).toObject().value(QStringLiteral("successful")).toBool(),
                 true);
        QCOMPARE(task.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("sourceRevisionId"))
                     .toString(),
                 kR2);

        QVERIFY(moduleIds().contains(QStringLiteral("102000000003")));
        QVERIFY(values(m_sbx.get(model(kProd, QStringLiteral("/lists")))
                           .json()
                           .value(QStringLiteral("lists"))
                           .toArray(),
                       "name")
                    .contains(QStringLiteral("Channels")));
        QVERIFY(values(m_sbx.get(model(kProd, QStringLiteral("/modules/102000000001/lineItems")))
                           .json()
                           .value(QStringLiteral("items"))
                           .toArray(),
                       "name")
                    .contains(QStringLiteral("Discount %")));
        QVERIFY(!values(m_sbx.get(model(kProd, QStringLiteral("/modules/102000000003/lineItems")))
                            .json()
                            .value(QStringLiteral("items"))
                            .toArray(),
                        "name")
                     .contains(QStringLiteral("Forecast Notes")));
        QCOMPARE(values(m_sbx.get(model(kProd, QStringLiteral("/alm/latestRevision")))
                            .json()
                            .value(QStringLiteral("revisions"))
                            .toArray(),
                        "id"),
                 QStringList{kR2});
        QCOMPARE(m_sbx.get(model(kProd, QStringLiteral("/alm/syncableRevisions?sourceModelId=") + kDev))
                     .json()
                     .value(QStringLiteral("revisions"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(values(m_sbx.get(model(kProd, QStringLiteral("/alm/syncTasks")))
                            .json()
                            .value(QStringLiteral("tasks"))
                            .toArray(),
                        "taskId"),
                 QStringList{taskId});
        QCOMPARE(values(m_sbx.get(model(kDev, QStringLiteral("/alm/revisions/%1/appliedToModels").arg(kR2)))
                            .json()
                            .value(QStringLiteral("appliedToModels"))
                            .toArray(),
                        "modelId"),
                 (QStringList{kDev, kProd}));
        // Production data stays: the target's Stores keep their items.
        QCOMPARE(m_sbx.get(model(kProd, QStringLiteral("/lists/101000000004")))
                     .json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("itemCount"))
                     .toInt(),
                 2000);
    }

    void createRevisionRules()
    {
        const ProbeReply created =
            m_sbx.send("POST", model(kDev, QStringLiteral("/alm/revisions")),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Release 1.2")},
                                   {QStringLiteral("description"), QStringLiteral("Forecast notes")}});
        QCOMPARE(created.status, 201);
        const QJsonObject revision = created.json().value(QStringLiteral("revision")).toObject();
        QCOMPARE(revision.value(QStringLiteral("name")).toString(), QStringLiteral("Release 1.2"));
        QCOMPARE(values(m_sbx.get(model(kDev, QStringLiteral("/alm/latestRevision")))
                            .json()
                            .value(QStringLiteral("revisions"))
                            .toArray(),
                        "id"),
                 QStringList{revision.value(QStringLiteral("id")).toString()});
        QCOMPARE(m_sbx
                     .send("POST", model(kDev, QStringLiteral("/alm/revisions")),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Again")}})
                     .status,
                 400); // nothing changed
        QCOMPARE(m_sbx
                     .send("POST", model(kDev, QStringLiteral("/alm/revisions")),
                           QJsonObject{{QStringLiteral("name"), QString(61, QLatin1Char('x'))}})
                     .status,
                 400);
        QCOMPARE(m_sbx
                     .send("POST", model(kDev, QStringLiteral("/alm/revisions")),
                           QJsonObject{{QStringLiteral("description"), QStringLiteral("no name")}})
                     .status,
                 400);
        QCOMPARE(m_sbx
                     .send("POST", model(kProd, QStringLiteral("/alm/revisions")),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("In prod")}})
                     .status,
                 400);
        // The new revision is syncable to PROD (which is on R2 after the sync test, else on R1).
        QVERIFY(values(m_sbx.get(model(kProd, QStringLiteral("/alm/syncableRevisions?sourceModelId=") + kDev))
                           .json()
                           .value(QStringLiteral("revisions"))
                           .toArray(),
                       "id")
                    .contains(revision.value(QStringLiteral("id")).toString()));
    }

    // With --data, revisions, tasks, transactional data (cells, list metadata, calendar) survive a restart.
    void stateSurvivesRestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox sbx;
        QString error;
        QVERIFY2(sbx.start(&error, {QStringLiteral("--data"), dir.path()}), qPrintable(error));
        const QJsonObject revision = sbx.send("POST", model(kDev, QStringLiteral("/alm/revisions")),
                                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Kept")}})
                                         .json()
                                         .value(QStringLiteral("revision"))
                                         .toObject();
        QVERIFY(!revision.isEmpty());
        const QJsonArray cell{
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Units")},
                        {QStringLiteral("dimensions"),
                         QJsonArray{QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Stores")},
                                                {QStringLiteral("itemCode"), QStringLiteral("ST0001")}},
                                    QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("SKUs")},
                                                {QStringLiteral("itemCode"), QStringLiteral("K001")}},
                                    QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Time")},
                                                {QStringLiteral("itemId"), QStringLiteral("587000000000")}}}},
                        {QStringLiteral("value"), 777}}};
        QCOMPARE(sbx.send("POST", model(kDev, QStringLiteral("/modules/102000000002/data")), cell)
                     .json()
                     .value(QStringLiteral("numberOfCellsChanged"))
                     .toInt(),
                 1);
        const QJsonArray items{QJsonObject{{QStringLiteral("name"), QStringLiteral("Kept Customer")},
                                           {QStringLiteral("code"), QStringLiteral("K-1")}}};
        QCOMPARE(sbx.send("POST", model(kDev, QStringLiteral("/lists/101000000006/items?action=add")),
                          QJsonObject{{QStringLiteral("items"), items}})
                     .json()
                     .value(QStringLiteral("added"))
                     .toInt(),
                 1);
        const QString customerId = sbx.get(model(kDev, QStringLiteral("/lists/101000000006/items")))
                                       .json()
                                       .value(QStringLiteral("listItems"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toString();

        // Every saved field of revisions, their applications and tasks comes back (alm.json round trip).
        const QString reportTask =
            sbx.send("POST", model(kProd, QStringLiteral("/alm/comparisonReportTasks")),
                     taskBody(kR2, kDev, kR1))
                .json()
                .value(QStringLiteral("task"))
                .toObject()
                .value(QStringLiteral("taskId"))
                .toString();
        QCOMPARE(sbx.waitTask(model(kProd, QStringLiteral("/alm/comparisonReportTasks/") + reportTask))
                     .value(QStringLiteral("taskState"))
                     .toString(),
                 QStringLiteral("COMPLETE"));
        const auto almState = [&] {
            QJsonObject task =
                sbx.get(model(kProd, QStringLiteral("/alm/comparisonReportTasks/") + reportTask))
                    .json()
                    .value(QStringLiteral("task"))
                    .toObject();
            QJsonObject result = task.value(QStringLiteral("result")).toObject();
            result.remove(QStringLiteral("reportFileUrl")); // names the sandbox's port, new after a restart
            task.insert(QStringLiteral("result"), result);
            task.remove(QStringLiteral("taskUrl")); // the same
            return QJsonObject{
                {QStringLiteral("revisions"), sbx.get(model(kDev, QStringLiteral("/alm/revisions")))
                                                  .json()
                                                  .value(QStringLiteral("revisions"))},
                {QStringLiteral("applied"),
                 sbx.get(model(kDev, QStringLiteral("/alm/revisions/%1/appliedToModels").arg(kR1)))
                     .json()
                     .value(QStringLiteral("appliedToModels"))},
                {QStringLiteral("task"), task},
                {QStringLiteral("report"),
                 QString::fromUtf8(
                     sbx.get(model(kProd, QStringLiteral("/alm/comparisonReports/%1/%2").arg(kR1, kR2)))
                         .body)}};
        };
        const QJsonObject before = almState();
        QVERIFY(!before.value(QStringLiteral("report")).toString().isEmpty());

        QVERIFY2(sbx.start(&error, {QStringLiteral("--data"), dir.path()}), qPrintable(error));
        QCOMPARE(almState(), before);
        QCOMPARE(values(sbx.get(model(kDev, QStringLiteral("/alm/latestRevision")))
                            .json()
                            .value(QStringLiteral("revisions"))
                            .toArray(),
                        "id"),
                 QStringList{revision.value(QStringLiteral("id")).toString()});
        const QByteArray csv =
            sbx.get(model(kDev, QStringLiteral("/views/635000000002/data")), "text/csv").body;
        QVERIFY(csv.split('\n').value(2).startsWith("Store 0001,777,"));
        QCOMPARE(sbx.get(model(kDev, QStringLiteral("/lists/101000000006/items")))
                     .json()
                     .value(QStringLiteral("listItems"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 customerId);
    }
};

QTEST_GUILESS_MAIN(TestSandboxAlm)
#include "tst_SandboxAlm.moc"
