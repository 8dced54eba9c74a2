// The seeded CloudWorks of the sandbox tenant (ids fixed; docs/sandbox.md lists them): five connections
// (one with refused credentials, one unused), twelve integrations over the seeded models, schedules of
// every type, notifications, two flows, and 30 days of run history including failures with dumps.
#include "CloudWorks.h"

#include "scim/ScimDirectory.h"

#include <QCryptographicHash>

namespace sandbox::cloudworks {

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

QString fixedId(const char *label)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray("anadesk-cloudworks:") + label), QCryptographicHash::Md5).toHex());
}

const QString kWs1 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
const QString kWs2 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c02");
const QString kWs3 = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c03");
const QString kDemoModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
const QString kArchivedModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A13");
const QString kWorkforceModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A14");
const QString kDemandModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A16");

QJsonObject importJob(const QString &store, const QString &connection, const QString &file, const QString &importId,
                      const QString &fileId)
{
    QJsonObject source{{QStringLiteral("type"), store}, {QStringLiteral("connectionId"), connection}};
    source.insert(store == QLatin1String("GoogleBigQuery") ? QStringLiteral("table") : QStringLiteral("file"), file);
    return {{QStringLiteral("type"), QString(store + QStringLiteral("ToAnaplan"))},
            {QStringLiteral("sources"), QJsonArray{source}},
            {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Anaplan")},
                                                               {QStringLiteral("actionId"), importId},
                                                               {QStringLiteral("fileId"), fileId}}}}};
}

QJsonObject exportJob(const QString &store, const QString &connection, const QString &where, const QString &exportId)
{
    QJsonObject target{{QStringLiteral("type"), store}, {QStringLiteral("connectionId"), connection}};
    const bool table = store == QLatin1String("GoogleBigQuery");
    target.insert(table ? QStringLiteral("table") : QStringLiteral("file"), where);
    target.insert(QStringLiteral("overwrite"), !table);
    return {{QStringLiteral("type"), QString(QStringLiteral("AnaplanTo") + store)},
            {QStringLiteral("sources"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Anaplan")},
                                                               {QStringLiteral("actionId"), exportId}}}},
            {QStringLiteral("targets"), QJsonArray{target}}};
}

QJsonArray defaultBehaviour()
{
    return {QJsonObject{{QStringLiteral("type"), QStringLiteral("failure")}, {QStringLiteral("strategy"), QStringLiteral("stop")}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("partial_success")},
                        {QStringLiteral("strategy"), QStringLiteral("continue")}}};
}

} // namespace

void CloudWorks::seed()
{
    const qint64 anchor = m_directory.seedAnchorMs();
    const QString demoEmail = m_config.user;
    const auto demo = m_directory.personByEmail(demoEmail);
    const QString demoName = demo ? demo->displayName() : demoEmail;
    const QString demoId = scim::ScimDirectory::idForUserName(demoEmail);
    const QString plannerEmail = QStringLiteral("planner@anadesk.test");
    const QString plannerName = QStringLiteral("Paula Planner");
    const QString plannerId = scim::ScimDirectory::idForUserName(plannerEmail);
    const qint64 created = anchor - 120 * kDay;

    const auto connection = [&](const char *label, const QString &type, QJsonObject info, int status, int code) {
        ConnectionRecord c;
        c.id = fixedId(label);
        c.type = type;
        c.info = std::move(info);
        c.status = status;
        c.errorCode = code;
        c.createdBy = demoName;
        c.created = c.modified = created;
        m_connections.append(c);
        return c.id;
    };
    const QString s3 = connection("connection-s3", QStringLiteral("AmazonS3"),
                                  {{QStringLiteral("name"), QStringLiteral("Finance S3 Landing")},
                                   {QStringLiteral("bucketName"), QStringLiteral("anadesk-finance-landing")}},
                                  1, -1);
    const QString azure = connection("connection-azure", QStringLiteral("AzureBlob"),
                                     {{QStringLiteral("name"), QStringLiteral("Sales Azure Blob")},
                                      {QStringLiteral("storageAccountName"), QStringLiteral("anadesksales")},
                                      {QStringLiteral("containerName"), QStringLiteral("exports")},
                                      {QStringLiteral("authMethod"), QStringLiteral("SAS-based")}},
                                     1, -1);
    const QString bigQuery = connection("connection-bigquery", QStringLiteral("GoogleBigQuery"),
                                        {{QStringLiteral("name"), QStringLiteral("Analytics BigQuery")},
                                         {QStringLiteral("dataset"), QStringLiteral("planning_analytics")}},
                                        1, -1);
    const QString brokenS3 = connection("connection-s3-expired", QStringLiteral("AmazonS3"),
                                        {{QStringLiteral("name"), QStringLiteral("Legacy S3 (expired keys)")},
                                         {QStringLiteral("bucketName"), QStringLiteral("anadesk-legacy")}},
                                        0, 401);
    connection("connection-azure-unused", QStringLiteral("AzureBlob"),
               {{QStringLiteral("name"), QStringLiteral("Unused Azure Archive")},
                {QStringLiteral("storageAccountName"), QStringLiteral("anadeskarchive")},
                {QStringLiteral("containerName"), QStringLiteral("archive")},
                {QStringLiteral("authMethod"), QStringLiteral("SAS-based")}},
               1, -1);

    struct Seed
    {
        const char *label;
        QString name;
        QString type;
        QString ws;
        QString model;
        QString process;
        QJsonArray jobs;
        bool byPlanner;
        QJsonObject schedule;
        bool scheduleEnabled;
        int runsPerMonth; // history
    };
    const auto schedule = [](const char *type, QJsonObject extra) {
        extra.insert(QStringLiteral("name"), QStringLiteral("%1 schedule").arg(QLatin1String(type)));
        extra.insert(QStringLiteral("type"), QLatin1String(type));
        extra.insert(QStringLiteral("timezone"), QStringLiteral("Europe/Paris"));
        extra.insert(QStringLiteral("startDate"), QStringLiteral("2025-01-01"));
        extra.insert(QStringLiteral("endDate"), QStringLiteral("2030-12-31"));
        return extra;
    };
    const QList<Seed> seeds = {
        {"integration-load-sales-s3", QStringLiteral("Load Sales from S3"), QStringLiteral("Import"), kWs1, kDemoModel, {},
         {importJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("sales/sales.csv"), QStringLiteral("112000000001"),
                    QStringLiteral("113000000001"))},
         false, schedule("daily", {{QStringLiteral("time"), QStringLiteral("02:00")}}), true, 30},
        {"integration-load-products-azure", QStringLiteral("Load Products from Azure"), QStringLiteral("Import"), kWs1,
         kDemoModel, {},
         {importJob(QStringLiteral("AzureBlob"), azure, QStringLiteral("master/products.csv"), QStringLiteral("112000000000"),
                    QStringLiteral("113000000000"))},
         false, {}, true, 8},
        {"integration-export-sales-azure", QStringLiteral("Export Sales to Azure"), QStringLiteral("Export"), kWs1,
         kDemoModel, {}, {exportJob(QStringLiteral("AzureBlob"), azure, QStringLiteral("out/sales.csv"), QStringLiteral("116000000000"))},
         false,
         schedule("weekly", {{QStringLiteral("time"), QStringLiteral("06:30")}, {QStringLiteral("daysOfWeek"), QJsonArray{1, 3, 5}}}),
         true, 13},
        {"integration-export-sales-bigquery", QStringLiteral("Export Sales to BigQuery"), QStringLiteral("Export"), kWs1,
         kDemoModel, {}, {exportJob(QStringLiteral("GoogleBigQuery"), bigQuery, QStringLiteral("sales_fact"), QStringLiteral("116000000000"))},
         false, {}, true, 6},
        {"integration-load-sales-errors", QStringLiteral("Load Sales with Errors (S3)"), QStringLiteral("Import"), kWs1,
         kDemoModel, {},
         {importJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("sales/sales-with-errors.csv"),
                    QStringLiteral("112000000006"), QStringLiteral("113000000006"))},
         false, {}, true, 7},
        {"integration-nightly-load-process", QStringLiteral("Nightly Load Sales Data"), QStringLiteral("Process"), kWs1,
         kDemoModel, QStringLiteral("118000000000"),
         {importJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("master/products.csv"), QStringLiteral("112000000000"),
                    QStringLiteral("113000000000")),
          importJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("sales/sales.csv"), QStringLiteral("112000000001"),
                    QStringLiteral("113000000001"))},
         false,
         schedule("hourly", {{QStringLiteral("fromTime"), QStringLiteral("08:00")},
                             {QStringLiteral("toTime"), QStringLiteral("18:00")},
                             {QStringLiteral("daysOfWeek"), QJsonArray{1, 2, 3, 4, 5}},
                             {QStringLiteral("repeatEvery"), 2}}),
         true, 20},
        {"integration-errors-process", QStringLiteral("Load Sales with Errors (process)"), QStringLiteral("Process"), kWs1,
         kDemoModel, QStringLiteral("118000000004"),
         {importJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("sales/sales-with-errors.csv"),
                    QStringLiteral("112000000006"), QStringLiteral("113000000006"))},
         false, {}, true, 5},
        {"integration-legacy-broken", QStringLiteral("Legacy Regions Load (expired keys)"), QStringLiteral("Import"), kWs1,
         kDemoModel, {},
         {importJob(QStringLiteral("AmazonS3"), brokenS3, QStringLiteral("regions.txt"), QStringLiteral("112000000005"),
                    QStringLiteral("113000000005"))},
         false, {}, true, 4},
        {"integration-optimizer-process", QStringLiteral("Run Sales Optimizer"), QStringLiteral("Process"), kWs1, kDemoModel,
         QStringLiteral("118000000002"), {}, false,
         schedule("monthly_specific_day", {{QStringLiteral("time"), QStringLiteral("05:00")}, {QStringLiteral("dayOfMonth"), 1}}),
         true, 2},
        {"integration-archived-export", QStringLiteral("FY2021 Budget Export (archived model)"), QStringLiteral("Export"),
         kWs1, kArchivedModel, {},
         {exportJob(QStringLiteral("AmazonS3"), s3, QStringLiteral("archive/fy2021.csv"), QStringLiteral("116000000000"))},
         false, {}, true, 3},
        {"integration-workforce-planner", QStringLiteral("Workforce Sync"), QStringLiteral("Import"), kWs2, kWorkforceModel, {},
         {importJob(QStringLiteral("AzureBlob"), azure, QStringLiteral("hr/regions.txt"), QStringLiteral("112000000005"),
                    QStringLiteral("113000000005"))},
         true, {}, true, 6},
        {"integration-demand-bigquery", QStringLiteral("Demand Forecast to BigQuery"), QStringLiteral("Export"), kWs3,
         kDemandModel, {},
         {exportJob(QStringLiteral("GoogleBigQuery"), bigQuery, QStringLiteral("demand_forecast"), QStringLiteral("116000000001"))},
         true,
         schedule("monthly_relative_weekday", {{QStringLiteral("time"), QStringLiteral("07:15")},
                                               {QStringLiteral("dayOfWeek"), 2},
                                               {QStringLiteral("repeatEvery"), 1}}),
         false, 1}};

    quint64 runSeq = 0;
    for (const Seed &s : seeds) {
        IntegrationRecord i;
        i.id = fixedId(s.label);
        i.name = s.name;
        i.type = s.type;
        i.workspaceId = s.ws;
        i.modelId = s.model;
        i.processId = s.process;
        i.jobs = s.jobs;
        i.schedule = s.schedule;
        i.scheduleEnabled = s.scheduleEnabled;
        i.createdBy = s.byPlanner ? plannerName : demoName;
        i.createdByEmail = s.byPlanner ? plannerEmail : demoEmail;
        i.created = i.modified = created + qint64(m_integrations.size()) * kDay;
        NotificationRecord n;
        n.id = fixedId(QByteArray(QByteArray(s.label) + "-notification").constData());
        n.integrationIds = {i.id};
        n.channels = {QStringLiteral("email"), QStringLiteral("in_app")};
        n.config = {QJsonObject{{QStringLiteral("type"), QStringLiteral("full_failure")},
                                {QStringLiteral("users"), QJsonArray{s.byPlanner ? plannerId : demoId}}}};
        if (s.byPlanner)
            n.config.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("partial_failure")},
                                        {QStringLiteral("users"), QJsonArray{plannerId, demoId}}});
        m_notifications.insert(n.id, n);
        i.notificationId = n.id;
        m_integrations.append(i);

        // History: spread over the 30 days before the anchor; scheduled runs at the schedule's hour.
        const RunOutcome outcome = outcomeFor(i);
        for (int k = 0; k < s.runsPerMonth; ++k) {
            const int daysBack = s.runsPerMonth >= 30 ? 30 - k : (30 * (s.runsPerMonth - k)) / s.runsPerMonth;
            RunRecord r;
            r.id = fixedId(QByteArray("run-%1").replace("%1", QByteArray::number(++runSeq)).constData());
            r.traceId = fixedId(QByteArray("trace-%1").replace("%1", QByteArray::number(runSeq)).constData());
            r.integrationId = i.id;
            const bool scheduled = !s.schedule.isEmpty() && k % 4 != 3;
            r.triggerSource = scheduled ? QStringLiteral("scheduled") : QStringLiteral("manual");
            r.triggeredBy = i.createdBy;
            r.start = anchor - daysBack * kDay + (2 + (k * 7) % 9) * 3600 * 1000LL + qint64(runSeq % 60) * 1000;
            if (r.start >= anchor)
                r.start = anchor - 3600 * 1000;
            r.end = r.start + (40 + qint64((runSeq * 37) % 260)) * 1000;
            r.outcome = outcome;
            // The S3 landing sometimes misses its file: a failure without dump (twice a month).
            if (i.id == fixedId("integration-load-sales-s3") && (k == 9 || k == 22)) {
                r.outcome = RunOutcome();
                r.outcome.success = false;
                r.outcome.errorCode = 35;
                r.outcome.message = QStringLiteral("Amazon S3: the file sales/sales.csv was not found in bucket "
                                                   "anadesk-finance-landing");
                r.outcome.errorMessages.append(QJsonObject{
                    {QStringLiteral("errorMessage"),
                     QJsonArray{QJsonObject{{QStringLiteral("localMessageText"), r.outcome.message}}}},
                    {QStringLiteral("actionId"), QStringLiteral("112000000001")},
                    {QStringLiteral("actionName"), QStringLiteral("Sales from Sales.csv")},
                    {QStringLiteral("failureDumpGenerated"), false}});
            }
            if (!r.outcome.taskId.isEmpty())
                r.outcome.taskId = fixedId(QByteArray("task-%1").replace("%1", QByteArray::number(runSeq)).constData()).toUpper();
            m_runs.append(r);
        }
    }
    std::stable_sort(m_runs.begin(), m_runs.end(), [](const RunRecord &a, const RunRecord &b) { return a.start < b.start; });

    const auto flow = [&](const char *label, const QString &name, const QStringList &referrers) {
        FlowRecord f;
        f.id = fixedId(label);
        f.name = name;
        f.createdBy = demoName;
        f.createdByEmail = demoEmail;
        f.created = f.modified = created + 20 * kDay;
        QString previous;
        for (const QString &r : referrers) {
            FlowStepRecord step;
            step.referrer = r;
            if (!previous.isEmpty())
                step.dependsOn = {previous};
            step.exceptionBehavior = defaultBehaviour();
            step.createdBy = demoName;
            step.created = step.modified = f.created;
            f.steps.append(step);
            previous = r;
        }
        m_flows.append(f);
    };
    flow("flow-nightly-pipeline", QStringLiteral("Nightly Sales Pipeline"),
         {fixedId("integration-load-products-azure"), fixedId("integration-load-sales-s3"),
          fixedId("integration-export-sales-azure")});
    flow("flow-error-demo", QStringLiteral("Error Demo Flow"),
         {fixedId("integration-load-sales-errors"), fixedId("integration-export-sales-bigquery")});
}

} // namespace sandbox::cloudworks
