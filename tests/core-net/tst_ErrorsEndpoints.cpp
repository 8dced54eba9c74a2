// ApiError texts/exit codes, HTTP status → category, server-message extraction, and the region table.
#include "net/ApiError.h"
#include "net/Endpoints.h"
#include "net/ErrorMapping.h"

#include <QSet>
#include <QTest>
#include <cstdio>

using namespace anadesk;

class TestErrorsEndpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitCodesDistinctAndNamed();
    void toStringShape();
    void statusCategories();
    void serverMessages_data();
    void serverMessages();
    void messageNamesObjectAndHint();
    void regions();
    void singleOrigin();
};

void TestErrorsEndpoints::exitCodesDistinctAndNamed()
{
    QSet<int> codes;
    QSet<QString> names;
    const int last = int(ErrorCategory::LocalIo);
    for (int c = 0; c <= last; ++c) {
        codes.insert(exitCodeFor(ErrorCategory(c)));
        names.insert(categoryName(ErrorCategory(c)));
    }
    QCOMPARE(codes.size(), last + 1);
    QCOMPARE(names.size(), last + 1);
    QVERIFY(!codes.contains(1)); // reserved for unexpected failures
    QCOMPARE(exitCodeFor(ErrorCategory::None), 0);
    QCOMPARE(exitCodeFor(ErrorCategory::Auth), 3);
    QCOMPARE(categoryName(ErrorCategory::ModelBusy), QStringLiteral("model-busy"));
    std::printf("FIGURE: error_categories=%d distinct_exit_codes=%d\n", last + 1, int(codes.size()));
}

void TestErrorsEndpoints::toStringShape()
{
    ApiError e;
    QCOMPARE(e.toString(), QString());
    e.category = ErrorCategory::NotFound;
    e.message = QStringLiteral("Not found (HTTP 404)");
    e.object = QStringLiteral("file 113000000001 'Sales.csv'");
    e.serverMessage = QStringLiteral("File not found");
    e.hint = QStringLiteral("Check the file id.");
    QCOMPARE(e.toString(),
             QStringLiteral(
                 "Not found (HTTP 404) (file 113000000001 'Sales.csv'): File not found. Check the file id."));
}

void TestErrorsEndpoints::statusCategories()
{
    const QList<QPair<int, ErrorCategory>> table{
        {400, ErrorCategory::BadInput},      {401, ErrorCategory::Auth},
        {403, ErrorCategory::Permission},    {404, ErrorCategory::NotFound},
        {409, ErrorCategory::ModelBusy},     {423, ErrorCategory::ModelBusy},
        {422, ErrorCategory::ModelArchived}, {429, ErrorCategory::RateLimited},
        {500, ErrorCategory::Server},        {502, ErrorCategory::Server},
        {503, ErrorCategory::Server},        {504, ErrorCategory::Server},
        {408, ErrorCategory::Timeout},       {418, ErrorCategory::BadInput},
        {302, ErrorCategory::Protocol},      {200, ErrorCategory::None}};
    for (const auto &row : table)
        QCOMPARE(int(categoryForHttpStatus(row.first)), int(row.second));
}

void TestErrorsEndpoints::serverMessages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expected");
    QTest::newRow("v2 envelope") << QByteArray(R"({"status":{"code":404,"message":"Model not found"}})")
                                 << QByteArray("application/json") << QStringLiteral("Model not found");
    QTest::newRow("auth service")
        << QByteArray(R"({"status":"FAILURE_BAD_CREDENTIAL","statusMessage":"Invalid credentials"})")
        << QByteArray("application/json") << QStringLiteral("Invalid credentials");
    QTest::newRow("scim")
        << QByteArray(
               R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User not found","status":"404"})")
        << QByteArray("application/scim+json") << QStringLiteral("User not found");
    QTest::newRow("oauth") << QByteArray(
                                  R"({"error":"invalid_grant","error_description":"Refresh token expired"})")
                           << QByteArray("application/json") << QStringLiteral("Refresh token expired");
    QTest::newRow("errors array") << QByteArray(R"({"errors":[{"message":"Bad column"}]})") << QByteArray()
                                  << QStringLiteral("Bad column");
    QTest::newRow("plain text") << QByteArray("  Model is locked\n by another  user ")
                                << QByteArray("text/plain")
                                << QStringLiteral("Model is locked by another user");
    QTest::newRow("html title")
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
        << QByteArray("text/html") << QStringLiteral("502 Bad Gateway");
    QTest::newRow("echoed token")
        << QByteArray(R"({"message":"bad header Authorization: AnaplanAuthToken abc.def-SECRET"})")
        << QByteArray("application/json")
        << QStringLiteral("bad header Authorization: AnaplanAuthToken REDACTED");
    QTest::newRow("empty") << QByteArray() << QByteArray() << QString();
    QTest::newRow("truncated") << QByteArray(1000, 'x') << QByteArray("text/plain")
                               << QString(299, QLatin1Char('x')) + QStringLiteral("…");
}

void TestErrorsEndpoints::serverMessages()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expected);
    QCOMPARE(extractServerMessage(body, contentType), expected);
}

void TestErrorsEndpoints::messageNamesObjectAndHint()
{
    ApiRequest request;
    request.method = "POST";
    request.url =
        QUrl(QStringLiteral("https://api.anaplan.com/2/0/workspaces/w/models/M/imports/112000000001/tasks"));
    const ApiError anonymous =
        httpError(request, 409, R"({"status":{"code":409,"message":"Model is busy"}})", "application/json");
    QCOMPARE(anonymous.object, QStringLiteral("POST /2/0/workspaces/w/models/M/imports/112000000001/tasks"));
    request.object = QStringLiteral("import 112000000001 'Load Sales'");
    const ApiError named =
        httpError(request, 409, R"({"status":{"code":409,"message":"Model is busy"}})", "application/json");
    QCOMPARE(int(named.category), int(ErrorCategory::ModelBusy));
    QVERIFY(named.toString().contains(QStringLiteral("import 112000000001 'Load Sales'")));
    QVERIFY(named.toString().contains(QStringLiteral("Model is busy")));
    QVERIFY(named.toString().contains(QStringLiteral("Wait until")));
    const ApiError refused =
        networkError(request, QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"));
    QCOMPARE(int(refused.category), int(ErrorCategory::Network));
    QVERIFY(refused.message.contains(QStringLiteral("api.anaplan.com")));
    QCOMPARE(int(networkError(request, QNetworkReply::TimeoutError, {}).category),
             int(ErrorCategory::Timeout));
    QCOMPARE(int(networkError(request, QNetworkReply::InsecureRedirectError, {}).category),
             int(ErrorCategory::Protocol));
}

void TestErrorsEndpoints::regions()
{
    const QStringList names = Endpoints::regionNames();
    for (const char *name : {"us1", "us2", "us5", "us7", "eu1", "eu2", "eu4", "ap1", "eu3", "eu5", "gb1",
                             "in1", "id1", "me1", "sg1", "ae1", "us9", "ca1", "au1"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    QCOMPARE(names.size(), 19);
    for (const QString &name : names)
        QVERIFY2(Endpoints::forRegion(name).isValid(), qPrintable(name));

    const Endpoints us1 = Endpoints::forRegion(QStringLiteral("US1 "));
    QCOMPARE(us1.auth.toString(), QStringLiteral("https://auth.anaplan.com"));
    QCOMPARE(us1.api.toString(), QStringLiteral("https://api.anaplan.com"));
    QCOMPARE(us1.audit.toString(), QStringLiteral("https://audit.anaplan.com"));
    QCOMPARE(us1.cloudWorks.toString(), QStringLiteral("https://api.cloudworks.anaplan.com"));
    const Endpoints gb1 = Endpoints::forRegion(QStringLiteral("gb1"));
    QCOMPARE(gb1.auth.toString(), QStringLiteral("https://gb1.auth.anaplan.com"));
    QCOMPARE(gb1.api.toString(), QStringLiteral("https://gb1.api.anaplan.com"));
    QCOMPARE(gb1.audit.toString(), QStringLiteral("https://gb1.api.anaplan.com"));
    QCOMPARE(gb1.cloudWorks.toString(), QStringLiteral("https://gb1.api.anaplan.com/cloudworks"));
    QCOMPARE(Endpoints::forRegion(QStringLiteral("ca1")).auth.toString(),
             QStringLiteral("https://ca1a.auth.anaplan.com"));
    const Endpoints au1 = Endpoints::forRegion(QStringLiteral("au1"));
    QCOMPARE(au1.auth.toString(), QStringLiteral("https://au1a.app2.anaplan.com"));
    QCOMPARE(au1.api.toString(), QStringLiteral("https://api.au1a.app2.anaplan.com"));
    QCOMPARE(au1.cloudWorks.toString(), QStringLiteral("https://api.cloudworks.au1a.app2.anaplan.com"));
    QVERIFY(!Endpoints::forRegion(QStringLiteral("mars1")).isValid());
    std::printf("FIGURE: regions=%d\n", int(names.size()));
}

void TestErrorsEndpoints::singleOrigin()
{
    const Endpoints e = Endpoints::singleOrigin(QUrl(QStringLiteral("http://127.0.0.1:45123/")));
    QVERIFY(e.isValid());
    QCOMPARE(e.auth.toString(), QStringLiteral("http://127.0.0.1:45123"));
    QCOMPARE(e.api.toString(), QStringLiteral("http://127.0.0.1:45123"));
    QCOMPARE(e.audit.toString(), QStringLiteral("http://127.0.0.1:45123"));
    QCOMPARE(e.cloudWorks.toString(), QStringLiteral("http://127.0.0.1:45123/cloudworks"));
    QVERIFY(!Endpoints::singleOrigin(QUrl(QStringLiteral("not a url"))).isValid());
}

QTEST_GUILESS_MAIN(TestErrorsEndpoints)
#include "tst_ErrorsEndpoints.moc"
