// anadesk-cli cw, end to end against a real anadesk-sandbox (5 seeded connections, 12 integrations with
// run histories, runs lasting 1.5 s): connections with secrets from the environment, a file or the input
// (never in any output), integrations by name, schedules of all five types, notifications, runs followed
// to their end with outcomes mapped to exit codes, and dumps compared byte for byte with the server's.
#include "CloudCliTest.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString kModel = u"Sales Planning Demo"_s;
const QString kS3 = u"Finance S3 Landing"_s;

QByteArray randomSecret(const char *prefix)
{
    return QByteArray(prefix) + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCliCloudWorks : public CloudCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(startSandbox()); }
    void cleanupTestCase() { stopSandbox(); }

    void groupHelp();
    void connections();
    void connectionSecretsNeverFromArgvOrOutput();
    void integrations();
    void schedulesOfEveryType();
    void notifications();
    void partialSuccessRunAndDumps();
    void cleanFailedAndCancelledRuns();
    void noSecretInAnyOutput();

private:
    int requestsTo(const QString &method, const QString &path);
    QString createImportIntegration(const QString &name);
    QList<QByteArray> m_secrets;
};

int TestCliCloudWorks::requestsTo(const QString &method, const QString &path)
{
    int count = 0;
    const QJsonArray requests = m_probe->get(u"/__sandbox/requests"_s).json().value(u"requests"_s).toArray();
    for (const QJsonValue &r : requests)
        if (r[u"method"_s].toString() == method && r[u"path"_s].toString() == path)
            ++count;
    return count;
}

QString TestCliCloudWorks::createImportIntegration(const QString &name)
{
    const QString file = writeJson(
        name + u".json"_s,
        {{u"name"_s, name},
         {u"jobs"_s,
          QJsonArray{QJsonObject{
              {u"sources"_s,
               QJsonArray{QJsonObject{{u"connectionId"_s, kS3}, {u"file"_s, u"sales/sales.csv"_s}}}},
              {u"targets"_s, QJsonArray{QJsonObject{{u"actionId"_s, u"Sales from Sales.csv"_s}}}}}}}});
    const QJsonObject created =
        runObject({u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s, file});
    return lastOk() ? created.value(u"id"_s).toString() : QString();
}

void TestCliCloudWorks::groupHelp()
{
    const CliResult help = m_cli.run({u"cw"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"connections",
                                "connection-create",
                                "connection-update",
                                "connection-patch",
                                "connection-delete",
                                "integrations",
                                "integration",
                                "integration-create",
                                "integration-update",
                                "integration-delete",
                                "run",
                                "cancel",
                                "runs",
                                "run-status",
                                "run-error",
                                "dump",
                                "schedule-set",
                                "schedule-enable",
                                "schedule-disable",
                                "schedule-delete",
                                "timezones",
                                "notification",
                                "notification-create",
                                "notification-update",
                                "notification-delete"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + command + " ")), command);
}

void TestCliCloudWorks::connections()
{
    const QJsonArray list = runArray({u"cw"_s, u"connections"_s});
    CHECK_RUN();
    QCOMPARE(list.size(), 5);
    for (const QJsonValue &c : list) {
        QCOMPARE(c[u"valid"_s].toBool(), c[u"name"_s].toString() != "Legacy S3 (expired keys)"_L1);
        QVERIFY(!c[u"type"_s].toString().isEmpty());
        QVERIFY(!c[u"location"_s].toString().isEmpty());
    }

    // S3, secret from the environment.
    const QByteArray s3Secret = randomSecret("s3-secret-");
    m_secrets.append(s3Secret);
    QProcessEnvironment env = m_cli.environment();
    env.insert(u"ANADESK_CW_SECRET"_s, QString::fromLatin1(s3Secret));
    const QString s3File = writeJson(u"s3.json"_s, {{u"type"_s, u"AmazonS3"_s},
                                                    {u"name"_s, u"CLI S3"_s},
                                                    {u"bucketName"_s, u"cli-bucket"_s},
                                                    {u"accessKeyId"_s, u"AKIACLI"_s}});
    CliResult r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s, s3File, u"--json"_s}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QJsonObject created = r.json().object();
    QCOMPARE(created.value(u"operation"_s).toString(), u"created"_s);
    QCOMPARE(created.value(u"type"_s).toString(), u"AmazonS3"_s);
    QCOMPARE(created.value(u"location"_s).toString(), u"cli-bucket"_s);
    QVERIFY(created.value(u"valid"_s).toBool());
    const QString s3Id = created.value(u"id"_s).toString();

    // Azure, SAS token from --secret-file (with the editor's line end).
    const QByteArray sas = "sv=2024&sig=" + randomSecret("sas-");
    m_secrets.append(sas);
    const QString sasFile = writeFile(u"sas.txt"_s, sas + "\n");
    const QJsonObject azure = runObject({u"cw"_s, u"connection-create"_s, u"--from"_s,
                                         writeJson(u"azure.json"_s, {{u"type"_s, u"AzureBlob"_s},
                                                                     {u"name"_s, u"CLI Azure"_s},
                                                                     {u"storageAccountName"_s, u"acct"_s},
                                                                     {u"containerName"_s, u"cont"_s}}),
                                         u"--secret-file"_s, sasFile});
    CHECK_RUN();
    QCOMPARE(azure.value(u"location"_s).toString(), u"acct/cont"_s);

    // BigQuery, the key inside the input file (the wire shape {type, body}).
    const QByteArray privateKey =
        "-----BEGIN PRIVATE KEY-----\n" + randomSecret("MIIB") + "\n-----END PRIVATE KEY-----\n";
    m_secrets.append(privateKey.mid(28, 20));
    const QJsonObject bq = runObject(
        {u"cw"_s, u"connection-create"_s, u"--from"_s,
         writeJson(u"bq.json"_s,
                   {{u"type"_s, u"GoogleBigQuery"_s},
                    {u"body"_s,
                     QJsonObject{{u"name"_s, u"CLI BigQuery"_s},
                                 {u"dataset"_s, u"cli_ds"_s},
                                 {u"serviceAccountKey"_s,
                                  QJsonObject{{u"type"_s, u"service_account"_s},
                                              {u"project_id"_s, u"p"_s},
                                              {u"private_key"_s, QString::fromLatin1(privateKey)},
                                              {u"client_email"_s, u"sa@p.iam.gserviceaccount.com"_s}}}}}})});
    CHECK_RUN();
    QCOMPARE(bq.value(u"location"_s).toString(), u"cli_ds"_s);

    // Credentials CloudWorks refuses: created, status 0, a warning.
    env.insert(u"ANADESK_CW_SECRET"_s, u"invalid-key"_s);
    r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--json"_s, u"--from"_s,
                       writeJson(u"s3-bad.json"_s, {{u"type"_s, u"AmazonS3"_s},
                                                    {u"name"_s, u"CLI S3 refused"_s},
                                                    {u"bucketName"_s, u"b"_s},
                                                    {u"accessKeyId"_s, u"AKIA"_s}})},
                      env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(!r.json().object().value(u"valid"_s).toBool());
    QVERIFY2(r.err.contains("credentials"), r.err.constData());

    // Patch (by name), then a full update with a new secret from the environment.
    const QJsonObject patched =
        runObject({u"cw"_s, u"connection-patch"_s, u"CLI S3"_s, u"--from"_s,
                   writeJson(u"rename.json"_s, {{u"name"_s, u"CLI S3 (patched)"_s}})});
    CHECK_RUN();
    QCOMPARE(patched.value(u"name"_s).toString(), u"CLI S3 (patched)"_s);
    QCOMPARE(patched.value(u"id"_s).toString(), s3Id);
    const QByteArray newSecret = randomSecret("s3-new-");
    m_secrets.append(newSecret);
    env.insert(u"ANADESK_CW_SECRET"_s, QString::fromLatin1(newSecret));
    r = runRawWithEnv({u"cw"_s, u"connection-update"_s, s3Id, u"--json"_s, u"--from"_s,
                       writeJson(u"s3-update.json"_s, {{u"name"_s, u"CLI S3 (updated)"_s},
                                                       {u"bucketName"_s, u"cli-bucket-2"_s},
                                                       {u"accessKeyId"_s, u"AKIACLI2"_s}})},
                      env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.json().object().value(u"location"_s).toString(), u"cli-bucket-2"_s);
    QCOMPARE(r.json().object().value(u"operation"_s).toString(), u"updated"_s);

    // In use → 409 → exit 6 with the reason; unknown → 5.
    const QJsonObject inUse = runObject({u"cw"_s, u"connection-delete"_s, kS3}, 6);
    CHECK_RUN();
    QVERIFY(inUse[u"error"_s][u"hint"_s].toString().contains(u"Integrations"_s));
    runObject({u"cw"_s, u"connection-delete"_s, u"No Such Connection"_s}, 5);
    CHECK_RUN();
    for (const QString &name :
         {u"CLI S3 (updated)"_s, u"CLI Azure"_s, u"CLI BigQuery"_s, u"CLI S3 refused"_s}) {
        const QJsonObject deleted = runObject({u"cw"_s, u"connection-delete"_s, name});
        CHECK_RUN();
        QVERIFY(deleted.value(u"deleted"_s).toBool());
    }
    QCOMPARE(runArray({u"cw"_s, u"connections"_s}).size(), 5);
}

void TestCliCloudWorks::connectionSecretsNeverFromArgvOrOutput()
{
    const QString path = u"/cloudworks/2/0/integrations/connections"_s;
    const int before = requestsTo(u"POST"_s, path);
    const QString file = writeJson(u"s3-nosecret.json"_s, {{u"type"_s, u"AmazonS3"_s},
                                                           {u"name"_s, u"CLI no secret"_s},
                                                           {u"bucketName"_s, u"b"_s},
                                                           {u"accessKeyId"_s, u"AKIA"_s}});
    // No secret anywhere: exit 2, saying where to put it.
    QProcessEnvironment env = m_cli.environment();
    env.remove(u"ANADESK_CW_SECRET"_s);
    CliResult r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s, file}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("ANADESK_CW_SECRET") && r.err.contains("--secret-file"), r.err.constData());
    // Twice: refused rather than guessed.
    const QString twice = writeJson(u"s3-twice.json"_s, {{u"type"_s, u"AmazonS3"_s},
                                                         {u"name"_s, u"CLI twice"_s},
                                                         {u"bucketName"_s, u"b"_s},
                                                         {u"accessKeyId"_s, u"AKIA"_s},
                                                         {u"secretAccessKey"_s, u"abc"_s}});
    r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s, twice, u"--secret-file"_s,
                       writeFile(u"secret.txt"_s, "def")},
                      env);
    QCOMPARE(r.exitCode, 2);
    // There is no option that takes a secret value.
    r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s, file, u"--secret"_s, u"xyz"_s}, env);
    QCOMPARE(r.exitCode, 2);
    // An unreadable secret file is a local error (15); a wrong type is a bad input (2).
    r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s, file, u"--secret-file"_s,
                       m_dir.filePath(u"absent.txt"_s)},
                      env);
    QCOMPARE(r.exitCode, 15);
    r = runRawWithEnv({u"cw"_s, u"connection-create"_s, u"--from"_s,
                       writeJson(u"ftp.json"_s, {{u"type"_s, u"FTP"_s}, {u"name"_s, u"x"_s}})},
                      env);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(requestsTo(u"POST"_s, path), before); // nothing was sent
}

void TestCliCloudWorks::integrations()
{
    const QJsonArray all = runArray({u"cw"_s, u"integrations"_s});
    CHECK_RUN();
    QCOMPARE(all.size(), 12);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1)[u"name"_s].toString().compare(all.at(i)[u"name"_s].toString(),
                                                            Qt::CaseInsensitive) <= 0);
    const QJsonArray descending = runArray({u"cw"_s, u"integrations"_s, u"--descending"_s});
    CHECK_RUN();
    QCOMPARE(descending.first()[u"id"_s], all.last()[u"id"_s]);
    QCOMPARE(runArray({u"cw"_s, u"integrations"_s, u"--mine"_s}).size(), 10); // two are Paula Planner's

    const QJsonObject seeded = runObject({u"cw"_s, u"integration"_s, u"Load Sales from S3"_s});
    CHECK_RUN();
    QCOMPARE(seeded.value(u"integrationType"_s).toString(), u"Import"_s);
    QCOMPARE(seeded[u"schedule"_s][u"type"_s].toString(), u"daily"_s);
    QCOMPARE(seeded[u"jobs"_s][0][u"sources"_s][0][u"connectionName"_s].toString(), kS3);

    // Import by names: connection, import (its data source file found), model from --model.
    const QString importId = createImportIntegration(u"CLI Import"_s);
    QVERIFY(!importId.isEmpty());
    QJsonObject one = runObject({u"cw"_s, u"integration"_s, importId});
    CHECK_RUN();
    QCOMPARE(one.value(u"name"_s).toString(), u"CLI Import"_s);
    QCOMPARE(one[u"jobs"_s][0][u"type"_s].toString(), u"AmazonS3ToAnaplan"_s);
    QCOMPARE(one[u"jobs"_s][0][u"targets"_s][0][u"actionId"_s].toString(), u"112000000001"_s);
    QCOMPARE(one[u"jobs"_s][0][u"targets"_s][0][u"fileId"_s].toString(), u"113000000001"_s);
    QCOMPARE(one.value(u"modelId"_s).toString(), u"75A40874E6B64FA3AE0743278B9E3A10"_s);

    // Export (ids as numbers, as hand-written files have them) and process.
    const QJsonObject exported = runObject(
        {u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s,
         writeJson(u"export.json"_s,
                   {{u"name"_s, u"CLI Export"_s},
                    {u"jobs"_s, QJsonArray{QJsonObject{
                                    {u"sources"_s, QJsonArray{QJsonObject{{u"actionId"_s, 116000000000.0}}}},
                                    {u"targets"_s, QJsonArray{QJsonObject{{u"connectionId"_s, kS3},
                                                                          {u"file"_s, u"out/sales.csv"_s},
                                                                          {u"overwrite"_s, true}}}}}}}})});
    CHECK_RUN();
    QCOMPARE(exported.value(u"integrationType"_s).toString(), u"Export"_s);
    QCOMPARE(exported[u"jobs"_s][0][u"type"_s].toString(), u"AnaplanToAmazonS3"_s);
    const QJsonObject process = runObject(
        {u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s,
         writeJson(u"process.json"_s, {{u"name"_s, u"CLI Process"_s}, {u"processId"_s, u"118000000001"_s}})});
    CHECK_RUN();
    QCOMPARE(process.value(u"processId"_s).toString(), u"118000000001"_s);

    // Update (full replacement), by name.
    const QJsonObject updated =
        runObject({u"--model"_s, kModel, u"cw"_s, u"integration-update"_s, u"CLI Process"_s, u"--from"_s,
                   writeJson(u"process2.json"_s, {{u"name"_s, u"CLI Process (renamed)"_s},
                                                  {u"processId"_s, u"118000000000"_s}})});
    CHECK_RUN();
    QCOMPARE(updated.value(u"name"_s).toString(), u"CLI Process (renamed)"_s);
    QCOMPARE(updated.value(u"processId"_s).toString(), u"118000000000"_s);

    // Bad inputs: an unknown connection (5), a typo (2), no model (2).
    runObject(
        {u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s,
         writeJson(u"bad-conn.json"_s,
                   {{u"name"_s, u"x"_s},
                    {u"jobs"_s,
                     QJsonArray{QJsonObject{
                         {u"sources"_s, QJsonArray{QJsonObject{{u"connectionId"_s, u"Nowhere"_s},
                                                               {u"file"_s, u"a.csv"_s}}}},
                         {u"targets"_s, QJsonArray{QJsonObject{{u"actionId"_s, u"112000000001"_s}}}}}}}})},
        5);
    CHECK_RUN();
    runObject({u"--model"_s, kModel, u"cw"_s, u"integration-create"_s, u"--from"_s,
               writeJson(u"typo.json"_s, {{u"name"_s, u"x"_s}, {u"procesId"_s, u"118000000001"_s}})},
              2);
    CHECK_RUN();
    runObject({u"cw"_s, u"integration-create"_s, u"--from"_s,
               writeJson(u"nomodel.json"_s, {{u"name"_s, u"x"_s}, {u"processId"_s, u"118000000001"_s}})},
              2);
    CHECK_RUN();

    for (const QString &name : {u"CLI Import"_s, u"CLI Export"_s, u"CLI Process (renamed)"_s}) {
        runObject({u"cw"_s, u"integration-delete"_s, name});
        CHECK_RUN();
    }
    runObject({u"cw"_s, u"integration"_s, importId}, 5);
    CHECK_RUN();
    QCOMPARE(runArray({u"cw"_s, u"integrations"_s}).size(), 12);
}

void TestCliCloudWorks::schedulesOfEveryType()
{
    const QJsonArray zones = runArray({u"cw"_s, u"timezones"_s});
    CHECK_RUN();
    QCOMPARE(zones.size(), 38);
    const QString zone = zones.at(20)[u"name"_s].toString();

    const QString id = createImportIntegration(u"CLI Scheduled"_s);
    QVERIFY(!id.isEmpty());
    const QString start = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    const QString end = QDate::currentDate().addYears(1).toString(Qt::ISODate);
    const QStringList common{u"--timezone"_s, zone, u"--start-date"_s, start, u"--end-date"_s, end};
    struct Case
    {
        QString type;
        QStringList fields;
    };
    const QList<Case> cases{
        {u"hourly"_s,
         {u"--from-time"_s, u"08:00"_s, u"--to-time"_s, u"18:00"_s, u"--days"_s, u"mon,tue,5"_s,
          u"--repeat-every"_s, u"2"_s}},
        {u"daily"_s, {u"--time"_s, u"12:00"_s, u"--days"_s, u"0,2,5"_s}},
        {u"weekly"_s, {u"--time"_s, u"06:30"_s, u"--days"_s, u"1,3"_s}},
        {u"monthly_specific_day"_s, {u"--time"_s, u"05:00"_s, u"--day-of-month"_s, u"15"_s}},
        {u"monthly_relative_weekday"_s,
         {u"--time"_s, u"07:15"_s, u"--day-of-week"_s, u"tue"_s, u"--repeat-every"_s, u"3"_s}}};
    bool first = true;
    for (const Case &c : cases) {
        const QJsonObject s =
            runObject(QStringList{u"cw"_s, u"schedule-set"_s, u"CLI Scheduled"_s, u"--type"_s, c.type} +
                      c.fields + common);
        CHECK_RUN();
        QCOMPARE(s.value(u"operation"_s).toString(), first ? u"created"_s : u"replaced"_s);
        QCOMPARE(s.value(u"type"_s).toString(), c.type);
        QCOMPARE(s.value(u"timezone"_s).toString(), zone);
        QCOMPARE(s.value(u"startDate"_s).toString().left(10), start);
        first = false;
        if (c.type == "hourly"_L1) {
            QCOMPARE(s.value(u"fromTime"_s).toString(), u"08:00"_s);
            QCOMPARE(s.value(u"repeatEvery"_s).toInt(), 2);
            QCOMPARE(s.value(u"daysOfWeek"_s).toArray(), (QJsonArray{1, 2, 5}));
        } else if (c.type == "monthly_specific_day"_L1) {
            QCOMPARE(s.value(u"dayOfMonth"_s).toInt(), 15);
        } else if (c.type == "monthly_relative_weekday"_L1) {
            QCOMPARE(s.value(u"dayOfWeek"_s).toInt(), 2);
            QCOMPARE(s.value(u"repeatEvery"_s).toInt(), 3);
        }
    }
    // From a file (Anaplan's Schedule object), an option winning over it.
    const QJsonObject fromFile =
        runObject({u"cw"_s, u"schedule-set"_s, id, u"--time"_s, u"09:45"_s, u"--from"_s,
                   writeJson(u"schedule.json"_s, {{u"type"_s, u"weekly"_s},
                                                  {u"time"_s, u"01:00"_s},
                                                  {u"daysOfWeek"_s, QJsonArray{6}},
                                                  {u"timezone"_s, u"Europe/Paris"_s},
                                                  {u"startDate"_s, start},
                                                  {u"endDate"_s, end}})});
    CHECK_RUN();
    QCOMPARE(fromFile.value(u"time"_s).toString(), u"09:45"_s);
    QCOMPARE(fromFile.value(u"timezone"_s).toString(), u"Europe/Paris"_s);

    QVERIFY(!runObject({u"cw"_s, u"schedule-disable"_s, id}).value(u"enabled"_s).toBool());
    CHECK_RUN();
    QCOMPARE(runObject({u"cw"_s, u"integration"_s, id})[u"schedule"_s][u"status"_s].toString(),
             u"Inactive"_s);
    QVERIFY(runObject({u"cw"_s, u"schedule-enable"_s, id}).value(u"enabled"_s).toBool());
    CHECK_RUN();
    runObject({u"cw"_s, u"schedule-delete"_s, id});
    CHECK_RUN();
    QVERIFY(runObject({u"cw"_s, u"integration"_s, id}).value(u"schedule"_s).isNull());

    // Refused before sending: a timezone CloudWorks does not know, no end date, an unknown type, a bad day.
    const int before = requestsTo(u"POST"_s, u"/cloudworks/2/0/integrations/%1/schedule"_s.arg(id));
    runObject({u"cw"_s, u"schedule-set"_s, id, u"--type"_s, u"daily"_s, u"--time"_s, u"10:00"_s,
               u"--timezone"_s, u"Europe/Berlin"_s, u"--end-date"_s, end},
              2);
    CHECK_RUN();
    runObject({u"cw"_s, u"schedule-set"_s, id, u"--type"_s, u"daily"_s, u"--time"_s, u"10:00"_s}, 2);
    CHECK_RUN();
    runObject({u"cw"_s, u"schedule-set"_s, id, u"--type"_s, u"fortnightly"_s, u"--end-date"_s, end}, 2);
    CHECK_RUN();
    runObject({u"cw"_s, u"schedule-set"_s, id, u"--type"_s, u"weekly"_s, u"--time"_s, u"10:00"_s, u"--days"_s,
               u"someday"_s, u"--end-date"_s, end},
              2);
    CHECK_RUN();
    QCOMPARE(requestsTo(u"POST"_s, u"/cloudworks/2/0/integrations/%1/schedule"_s.arg(id)), before);
    runObject({u"cw"_s, u"integration-delete"_s, id});
    CHECK_RUN();
}

void TestCliCloudWorks::notifications()
{
    const QString id = createImportIntegration(u"CLI Notified"_s);
    QVERIFY(!id.isEmpty());
    // A new integration has a default configuration.
    const QJsonObject initial =
        runObject({u"cw"_s, u"notification"_s, u"--integration"_s, u"CLI Notified"_s});
    CHECK_RUN();
    QCOMPARE(initial.value(u"integrationIds"_s).toArray(), QJsonArray{id});
    const QString me = runObject({u"audit"_s, u"user"_s}).value(u"id"_s).toString();
    CHECK_RUN();

    // One per integration: creating another is refused by CloudWorks (400 → exit 2).
    const QString file = writeJson(
        u"notify.json"_s,
        {{u"channels"_s, QJsonArray{u"email"_s}},
         {u"notifications"_s,
          QJsonObject{
              {u"config"_s, QJsonArray{QJsonObject{{u"type"_s, u"full_failure"_s},
                                                   {u"users"_s, QJsonArray{u"DEMO@anadesk.test"_s}}}}}}}});
    runObject({u"cw"_s, u"notification-create"_s, u"--integration"_s, id, u"--from"_s, file}, 2);
    CHECK_RUN();
    const QJsonObject dropped = runObject({u"cw"_s, u"notification-delete"_s, u"--integration"_s, id});
    CHECK_RUN();
    QCOMPARE(dropped.value(u"id"_s), initial.value(u"id"_s));

    // Users by e-mail address (looked up), the integration by option.
    const QJsonObject created =
        runObject({u"cw"_s, u"notification-create"_s, u"--integration"_s, id, u"--from"_s, file});
    CHECK_RUN();
    const QString nid = created.value(u"id"_s).toString();
    QCOMPARE(created[u"notifications"_s][0][u"users"_s][0][u"userGuid"_s].toString(), me);
    QCOMPARE(created.value(u"operation"_s).toString(), u"created"_s);

    const QJsonObject updated = runObject(
        {u"cw"_s, u"notification-update"_s, nid, u"--from"_s,
         writeJson(u"notify2.json"_s,
                   {{u"integrationIds"_s, QJsonArray{u"CLI Notified"_s}},
                    {u"channels"_s, QJsonArray{u"email"_s, u"in_app"_s}},
                    {u"notifications"_s,
                     QJsonObject{
                         {u"config"_s,
                          QJsonArray{
                              QJsonObject{{u"type"_s, u"full_failure"_s}, {u"users"_s, QJsonArray{me}}},
                              QJsonObject{{u"type"_s, u"success"_s},
                                          {u"users"_s, QJsonArray{QJsonObject{{u"userGuid"_s, me}}}}}}}}}})});
    CHECK_RUN();
    const QJsonObject got = runObject({u"cw"_s, u"notification"_s, nid});
    CHECK_RUN();
    QCOMPARE(got.value(u"channels"_s).toArray(), (QJsonArray{u"email"_s, u"in_app"_s}));
    QCOMPARE(got.value(u"types"_s).toArray(), (QJsonArray{u"full_failure"_s, u"success"_s}));
    QCOMPARE(updated.value(u"operation"_s).toString(), u"updated"_s);

    runObject({u"cw"_s, u"notification"_s}, 2); // neither id nor --integration
    CHECK_RUN();
    runObject(
        {u"cw"_s, u"notification-create"_s, u"--integration"_s, id, u"--from"_s,
         writeJson(u"nobody.json"_s,
                   {{u"channels"_s, QJsonArray{u"email"_s}},
                    {u"notifications"_s,
                     QJsonObject{{u"config"_s, QJsonArray{QJsonObject{
                                                   {u"type"_s, u"success"_s},
                                                   {u"users"_s, QJsonArray{u"nobody@nowhere.test"_s}}}}}}}})},
        5);
    CHECK_RUN();
    runObject({u"cw"_s, u"notification-delete"_s, nid});
    CHECK_RUN();
    runObject({u"cw"_s, u"notification"_s, nid}, 5);
    CHECK_RUN();
    runObject({u"cw"_s, u"integration-delete"_s, id});
    CHECK_RUN();
}

void TestCliCloudWorks::partialSuccessRunAndDumps()
{
    // An import that rejects rows: partial success (code 38) is not a clean success → exit 12.
    const QJsonObject run = runObject({u"cw"_s, u"run"_s, u"Load Sales with Errors (S3)"_s, u"--wait"_s}, 12);
    CHECK_RUN();
    const QString runId = run.value(u"runId"_s).toString();
    QVERIFY(!runId.isEmpty());
    QCOMPARE(run.value(u"outcome"_s).toString(), u"partial-success"_s);
    QCOMPARE(run.value(u"executionErrorCode"_s).toInt(), 38);
    QVERIFY(run.value(u"success"_s).toBool());
    QCOMPARE(run[u"error"_s][u"category"_s].toString(), u"action-failed"_s);
    QVERIFY(run[u"error"_s][u"hint"_s].toString().contains(u"cw dump "_s + runId));
    QCOMPARE(run.value(u"integrationName"_s).toString(), u"Load Sales with Errors (S3)"_s);

    const QJsonObject errors = runObject({u"cw"_s, u"run-error"_s, runId});
    CHECK_RUN();
    QVERIFY(errors[u"errorMessages"_s][0][u"failureDumpGenerated"_s].toBool());

    // The dump, saved into a directory, equals what the server serves.
    const CliResult dump = runRaw({u"cw"_s, u"dump"_s, runId, u"-o"_s, m_dir.path(), u"--json"_s});
    QVERIFY2(dump.exitCode == 0, qPrintable(dump.describe()));
    const QJsonObject saved = dump.json().object();
    QFile file(saved.value(u"path"_s).toString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const ProbeReply served = m_probe->get(u"/cloudworks/2/0/integrations/run/%1/dumps"_s.arg(runId));
    QCOMPARE(served.status, 200);
    QVERIFY(!served.body.isEmpty());
    QCOMPARE(sha256(bytes), sha256(served.body));
    QCOMPARE(saved.value(u"sha256"_s).toString(), sha256(served.body));
    QCOMPARE(saved.value(u"bytes"_s).toInteger(), qint64(served.body.size()));
    runObject({u"cw"_s, u"dump"_s, runId, u"-o"_s, saved.value(u"path"_s).toString()},
              15); // exists, no --force
    CHECK_RUN();

    const QJsonArray history = runArray({u"cw"_s, u"runs"_s, u"Load Sales with Errors (S3)"_s});
    CHECK_RUN();
    QCOMPARE(history.first()[u"id"_s].toString(), runId); // newest first
    QVERIFY(history.size() >= 2);

    // A process: the dump of its one import that rejected rows is found by itself.
    const QJsonObject processRun =
        runObject({u"cw"_s, u"run"_s, u"Load Sales with Errors (process)"_s, u"--wait"_s}, 12);
    CHECK_RUN();
    const QString processRunId = processRun.value(u"runId"_s).toString();
    const QJsonObject processDump =
        runObject({u"cw"_s, u"dump"_s, processRunId, u"-o"_s, m_dir.filePath(u"process-dump.csv"_s)});
    CHECK_RUN();
    QCOMPARE(processDump.value(u"actionId"_s).toString(), u"112000000006"_s);
    const ProbeReply processServed = m_probe->get(
        u"/cloudworks/2/0/integrations/run/%1/process/import/112000000006/dumps"_s.arg(processRunId));
    QCOMPARE(processServed.status, 200);
    QCOMPARE(processDump.value(u"sha256"_s).toString(), sha256(processServed.body));
    figure(
        u"cli_cw_dumps import_bytes=%1 process_bytes=%2"_s.arg(bytes.size()).arg(processServed.body.size()));
}

void TestCliCloudWorks::cleanFailedAndCancelledRuns()
{
    // Started without --wait: the run id, then followed with run-status. (Starting twice and cancelling are
    // tested in test_cli_flows on a sandbox whose runs last a minute, so no timing luck is needed.)
    const QJsonObject started = runObject({u"cw"_s, u"run"_s, u"Load Products from Azure"_s});
    CHECK_RUN();
    const QString runId = started.value(u"runId"_s).toString();
    QVERIFY(!runId.isEmpty());
    QCOMPARE(started.value(u"integrationName"_s).toString(), u"Load Products from Azure"_s);
    const QJsonObject done = runObject({u"cw"_s, u"run-status"_s, runId, u"--wait"_s});
    CHECK_RUN();
    QCOMPARE(done.value(u"outcome"_s).toString(), u"succeeded"_s);
    QVERIFY(!done.value(u"endDate"_s).toString().isEmpty());
    const QJsonObject noErrors = runObject({u"cw"_s, u"run-error"_s, runId});
    CHECK_RUN();
    QVERIFY(noErrors.value(u"errorMessages"_s).toArray().isEmpty());
    runObject({u"cw"_s, u"dump"_s, runId, u"-o"_s, m_dir.filePath(u"none.csv"_s)}, 5);
    CHECK_RUN();
    QVERIFY(!QFile::exists(m_dir.filePath(u"none.csv"_s)));

    // Refused credentials: a failed run (code 35) → exit 12.
    const QJsonObject failed =
        runObject({u"cw"_s, u"run"_s, u"Legacy Regions Load (expired keys)"_s, u"--wait"_s}, 12);
    CHECK_RUN();
    QCOMPARE(failed.value(u"outcome"_s).toString(), u"failed"_s);
    QCOMPARE(failed.value(u"executionErrorCode"_s).toInt(), 35);
    QCOMPARE(failed[u"error"_s][u"category"_s].toString(), u"action-failed"_s);
    // run-status of a finished failed run is a query: exit 0.
    QCOMPARE(runObject({u"cw"_s, u"run-status"_s, failed.value(u"runId"_s).toString()})
                 .value(u"outcome"_s)
                 .toString(),
             u"failed"_s);
    CHECK_RUN();

    runObject({u"cw"_s, u"cancel"_s, u"Load Products from Azure"_s}, 6); // nothing running
    CHECK_RUN();
    runObject({u"cw"_s, u"run"_s, u"No Such Integration"_s}, 5);
    CHECK_RUN();
    runObject({u"cw"_s, u"run"_s, u"Load Products from Azure"_s, u"--max-wait"_s, u"5"_s}, 2); // needs --wait
    CHECK_RUN();
}

void TestCliCloudWorks::noSecretInAnyOutput()
{
    QByteArray first;
    QCOMPARE(m_cli.runsContaining(m_secrets + QList<QByteArray>{m_password}, &first), 0);
    QVERIFY(m_secrets.size() >= 4);
}

QTEST_GUILESS_MAIN(TestCliCloudWorks)
#include "tst_CliCloudWorks.moc"
