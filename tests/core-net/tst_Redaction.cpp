// T-SEC-01 for core/net and core/auth: every secret planted in a full sign-in/refresh/re-auth/
// error flow (password, token, refreshed token, key passphrase, server echoes) must never reach
// a log line; Authorization values show as REDACTED.
#include "NetTestKit.h"
#include "auth/TokenAuthenticator.h"
#include "net/Redaction.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace anadesk;
using namespace anadesk::test;

namespace {
QMutex g_mutex;
QStringList g_captured;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_mutex);
        g_captured << QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                          message;
    }
    Q_UNUSED(type);
}

const QList<QByteArray> kSecrets{"pw-PLANTED-1f3a", "tok-PLANTED-77aa", "tok-PLANTED-88bb",
                                 "eyJhbGciOiJI.PLANTEDjwt.sig99", "refresh-PLANTED-5c"};
} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void patterns();
    void allowLists();
    void tSec01PlantedSecretsInFlows();
    void messageHandlerScrubsThirdPartyLines();
};

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

// A filter, not setFilterRules(): ctest sets QT_LOGGING_RULES, which would win over rules.
void enableAnadeskDebug(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (qstrncmp(category->categoryName(), "anadesk.", 8) == 0) {
        category->setEnabled(QtDebugMsg, true);
        category->setEnabled(QtInfoMsg, true);
    }
}

void TestRedaction::initTestCase()
{
    g_previousFilter = QLoggingCategory::installFilter(enableAnadeskDebug);
    g_previous = qInstallMessageHandler(capture);
}

void TestRedaction::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

void TestRedaction::patterns()
{
    QCOMPARE(redactSecrets(QStringLiteral("Authorization: AnaplanAuthToken abc123")),
             QStringLiteral("Authorization: AnaplanAuthToken REDACTED"));
    QCOMPARE(redactSecrets(QStringLiteral("basic dXNlcjpwdw==, next")),
             QStringLiteral("basic REDACTED, next"));
    QCOMPARE(redactSecrets(QStringLiteral("CACertificate LS0tLS1CRUdJTg==")),
             QStringLiteral("CACertificate REDACTED"));
    QCOMPARE(redactSecrets(QStringLiteral("{\"tokenValue\":\"x\\\"y\",\"expiresAt\":1}")),
             QStringLiteral("{\"tokenValue\":\"REDACTED\",\"expiresAt\":1}"));
    QCOMPARE(redactSecrets(QStringLiteral("grant_type=refresh_token&refresh_token=r1&client_secret=s2")),
             QStringLiteral("grant_type=refresh_token&refresh_token=REDACTED&client_secret=REDACTED"));
    QCOMPARE(redactSecrets(QStringLiteral("id eyJhbGciOiJI.eyJzdWIiOiIx.sig-_x end")),
             QStringLiteral("id REDACTED end"));
    QCOMPARE(redactSecrets(QStringLiteral("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----")),
             QStringLiteral("[PEM REDACTED]"));
    QCOMPARE(redactSecrets(QStringLiteral("The AnaplanAuthToken is not valid")),
             QStringLiteral("The AnaplanAuthToken is not valid"));
    QCOMPARE(redactSecrets(QStringLiteral("Bearer isabc, Basic or")), QStringLiteral("Bearer REDACTED, Basic or"));
    QCOMPARE(redactSecrets(QStringLiteral("nothing secret here: 113000000001")),
             QStringLiteral("nothing secret here: 113000000001"));
}

void TestRedaction::allowLists()
{
    QVERIFY(isLoggableHeader("content-type"));
    QVERIFY(isLoggableHeader("Retry-After"));
    QVERIFY(!isLoggableHeader("authorization"));
    QVERIFY(!isLoggableHeader("cookie"));
    QCOMPARE(headerForLog("Authorization", "AnaplanAuthToken x"), QStringLiteral("Authorization: REDACTED"));
    QCOMPARE(headerForLog("Set-Cookie", "s=1"), QStringLiteral("Set-Cookie: REDACTED"));
    QCOMPARE(headerForLog("X-Custom-Token", "x"), QStringLiteral("X-Custom-Token: REDACTED"));
    QCOMPARE(headerForLog("Content-Length", "12"), QStringLiteral("Content-Length: 12"));
    QCOMPARE(headerForLog("Location", "https://other.example/path?sig=abc"),
             QStringLiteral("Location: https://other.example"));
    QCOMPARE(urlForLog(QUrl(QStringLiteral("https://h/2/0/users?limit=5&s=alice%40x.com&offset=10"))),
             QStringLiteral("https://h/2/0/users?limit=5&s=REDACTED&offset=10"));
    const QString body = bodyForLog(
        R"({"taskId":"T1","taskState":"COMPLETE","name":"Alice Secret","email":"a@x","result":{"successful":true,"details":[{"message":"ok","value":"v"}]}})",
        "application/json", false);
    QVERIFY2(body.contains(QStringLiteral(R"("taskId":"T1")")), qPrintable(body));
    QVERIFY(body.contains(QStringLiteral(R"("successful":true)")));
    QVERIFY(body.contains(QStringLiteral(R"("name":"REDACTED")")));
    QVERIFY(!body.contains(QStringLiteral("Alice")));
    QVERIFY(!body.contains(QStringLiteral("a@x")));
    QCOMPARE(bodyForLog(R"({"tokenInfo":{"tokenValue":"abc"}})", "application/json", true),
             QStringLiteral("<34 bytes of application/json>"));
    QCOMPARE(bodyForLog(QByteArray(10, '\x1f'), "application/x-gzip", false),
             QStringLiteral("<10 bytes of application/x-gzip>"));
}

void TestRedaction::tSec01PlantedSecretsInFlows()
{
    {
        const QMutexLocker lock(&g_mutex);
        g_captured.clear();
    }
    NetKit kit;
    int tokens = 0;
    kit.nam.on("POST", QStringLiteral("/token/authenticate")).handle([&](const RecordedRequest &) {
        const QByteArray token = ++tokens == 1 ? kSecrets[1] : kSecrets[2];
        return FakeResponse::token(token, kit.clock->nowMs() + 35 * 60'000)
            .withHeader("Set-Cookie", "session=" + kSecrets[4]);
    });
    kit.nam.on("POST", QStringLiteral("/token/refresh"))
        .reply(FakeResponse::json(200, "{\"tokenInfo\":{\"tokenValue\":\"" + kSecrets[2] +
                                           "\",\"refreshToken\":\"" + kSecrets[4] + "\",\"expiresAt\":1}}"));
    int apiCalls = 0;
    kit.nam.on("*", QStringLiteral("/2/0/**")).handle([&](const RecordedRequest &) {
        ++apiCalls;
        if (apiCalls == 2) // echo the token and a JWT in an error, then expire the token
            return FakeResponse::json(401, "{\"status\":{\"code\":401,\"message\":\"Token " + kSecrets[1] +
                                               " expired; header AnaplanAuthToken " + kSecrets[1] + " jwt " +
                                               kSecrets[3] + "\"}}");
        if (apiCalls == 4)
            return FakeResponse::json(
                400, "{\"status\":{\"code\":400,\"message\":\"bad password=" + kSecrets[0] + "\"}}");
        return FakeResponse::json(200, "{\"tokenValue\":\"" + kSecrets[1] + "\",\"taskId\":\"T1\"}");
    });
    kit.transport->setAuthenticator(
        std::make_shared<BasicAuthenticator>(QStringLiteral("ops@example.test"), kSecrets[0]));
    QStringList errorTexts;
    for (int i = 0; i < 5; ++i) {
        ApiRequest request = kit.post(QStringLiteral("/2/0/x%1").arg(i), Idempotency::Safe, true);
        request.body = "{\"password\":\"" + kSecrets[0] + "\",\"localeName\":\"en_US\"}";
        auto reply = kit.run(request);
        errorTexts << reply->error().toString();
        if (i == 2)
            kit.clock->advance(31 * 60'000); // next request triggers a refresh
    }
    settle(&kit.nam);
    QVERIFY(kit.nam.count("POST", QStringLiteral("/token/refresh")) >= 1);
    QStringList captured;
    {
        const QMutexLocker lock(&g_mutex);
        captured = g_captured;
    }
    QVERIFY(captured.size() > 10);
    const QString all =
        captured.join(QLatin1Char('\n')) + QLatin1Char('\n') + errorTexts.join(QLatin1Char('\n'));
    int found = 0;
    for (const QByteArray &secret : kSecrets)
        found += all.contains(QString::fromLatin1(secret)) ? 1 : 0;
    // Also the base64 form of the basic credentials.
    found +=
        all.contains(QString::fromLatin1(QByteArray("ops@example.test:" + kSecrets[0]).toBase64())) ? 1 : 0;
    QVERIFY(all.contains(QStringLiteral("Authorization: REDACTED")));
    QVERIFY(all.contains(QStringLiteral("\"taskId\":\"T1\""))); // logging does happen
    if (found)
        qInstallMessageHandler(g_previous), qWarning().noquote() << all;
    QCOMPARE(found, 0);
    std::printf("FIGURE: T-SEC-01 markers_found=%d secrets_planted=%d log_lines=%d\n", found,
                int(kSecrets.size()) + 1, int(captured.size()));
}

void TestRedaction::messageHandlerScrubsThirdPartyLines()
{
    QtMessageHandler inner = qInstallMessageHandler(capture);
    installRedactingMessageHandler();
    {
        const QMutexLocker lock(&g_mutex);
        g_captured.clear();
    }
    qInfo("third party says Authorization: Bearer %s and {\"password\":\"%s\"}", kSecrets[1].constData(),
          kSecrets[0].constData());
    QStringList captured;
    {
        const QMutexLocker lock(&g_mutex);
        captured = g_captured;
    }
    qInstallMessageHandler(inner);
    QCOMPARE(captured.size(), 1);
    QVERIFY(!captured[0].contains(QString::fromLatin1(kSecrets[1])));
    QVERIFY(!captured[0].contains(QString::fromLatin1(kSecrets[0])));
    QVERIFY(captured[0].contains(QStringLiteral("Bearer REDACTED")));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_Redaction.moc"
