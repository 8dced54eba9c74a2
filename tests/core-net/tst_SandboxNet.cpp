// Transport and authenticators against the real anadesk-sandbox on loopback (real QNAM, real
// clock): basic and certificate (v1/v2) sign-in, rejected credentials, and server-side faults
// (expired token, 503 + Retry-After, hang, cut body, reset after an applied POST).
#include "HttpProbe.h"
#include "SandboxProcess.h"
#include "auth/BasicAuthenticator.h"
#include "auth/CertificateAuthenticator.h"
#include "net/Transport.h"
#include "net/UrlBuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <memory>

using namespace anadesk;
using namespace anadesk::test;

namespace {

struct Live
{
    SandboxProcess sandbox;
    std::unique_ptr<Transport> transport;
    QString error;

    explicit Live(const QStringList &arguments = {}, ClientOptions options = {})
        : sandbox(arguments)
    {
        if (sandbox.start(&error))
            transport = std::make_unique<Transport>(Endpoints::singleOrigin(sandbox.url()), options);
    }

    void useDemo(const QByteArray &password = SandboxProcess::demoPassword().toUtf8())
    {
        transport->setAuthenticator(
            std::make_shared<BasicAuthenticator>(SandboxProcess::demoUser(), password));
    }

    ApiRequest workspaces(Idempotency idempotency = Idempotency::Safe) const
    {
        ApiRequest request;
        request.url = buildUrl(transport->endpoints().api,
                               {QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("workspaces")},
                               QUrlQuery(QStringLiteral("tenantDetails=true")));
        request.idempotency = idempotency;
        request.object = QStringLiteral("workspace list");
        return request;
    }

    std::unique_ptr<ApiReply> run(const ApiRequest &request, int waitMs = 60'000)
    {
        std::unique_ptr<ApiReply> reply(transport->send(request));
        ApiReply *raw = reply.get();
        if (!QTest::qWaitFor([raw] { return raw->isFinished(); }, waitMs))
            qWarning("request did not finish in time");
        return reply;
    }

    // Arrivals per "METHOD path" from the sandbox's request log.
    int arrivals(const QString &method, const QString &path)
    {
        HttpProbe probe(sandbox.url());
        const ProbeReply log = probe.get(QStringLiteral("/__sandbox/requests"));
        int n = 0;
        const QJsonArray records = log.json().value(QStringLiteral("requests")).toArray();
        for (const QJsonValue &record : records) {
            const QJsonObject r = record.toObject();
            n += (r.value(QStringLiteral("method")).toString() == method &&
                  r.value(QStringLiteral("path")).toString() == path)
                     ? 1
                     : 0;
        }
        return n;
    }
};

#define REQUIRE_SANDBOX(live)                                                                                \
    if (!(live).transport)                                                                                   \
        QSKIP(qPrintable(QStringLiteral("sandbox not available: ") + (live).error));

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

QString fault(const QString &json)
{
    return json;
}

} // namespace

class TestSandboxNet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void basicSignInOncePerSession();
    void wrongPasswordRejectedOnce();
    void certificateSignIn();
    void expiredTokenMidRun();
    void retryAfterHonoured();
    void hangTimesOutAndRetries();
    void cutBodyRetried();
    void appliedPostNotResent();
};

void TestSandboxNet::basicSignInOncePerSession()
{
    Live live;
    REQUIRE_SANDBOX(live);
    live.useDemo();
    for (int i = 0; i < 3; ++i) {
        auto reply = live.run(live.workspaces());
        QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
        QVERIFY(reply->body().contains("workspaces"));
    }
    QCOMPARE(live.arrivals(QStringLiteral("POST"), QStringLiteral("/token/authenticate")), 1);
    QCOMPARE(live.arrivals(QStringLiteral("GET"), QStringLiteral("/2/0/workspaces")), 3);
}

void TestSandboxNet::wrongPasswordRejectedOnce()
{
    Live live;
    REQUIRE_SANDBOX(live);
    live.useDemo("not-the-password");
    QSignalSpy rejected(live.transport.get(), &Transport::credentialsRejected);
    auto a = live.run(live.workspaces());
    auto b = live.run(live.workspaces());
    QCOMPARE(int(a->error().category), int(ErrorCategory::Auth));
    QCOMPARE(int(b->error().category), int(ErrorCategory::Auth));
    QVERIFY(!a->error().serverMessage.isEmpty());
    QCOMPARE(rejected.count(), 1);
    const int attempts = live.arrivals(QStringLiteral("POST"), QStringLiteral("/token/authenticate"));
    QCOMPARE(attempts, 1);
    QCOMPARE(live.arrivals(QStringLiteral("GET"), QStringLiteral("/2/0/workspaces")), 0);
    figure(
        QStringLiteral("T-AUTH-05 sandbox prompts=%1 auth_attempts=%2").arg(rejected.count()).arg(attempts));
}

void TestSandboxNet::certificateSignIn()
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl not installed");
    QTemporaryDir dir;
    QProcess gen;
    gen.setWorkingDirectory(dir.path());
    gen.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-keyout"), QStringLiteral("key.pem"),
                        QStringLiteral("-out"), QStringLiteral("cert.pem"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=%1/emailAddress=%1").arg(SandboxProcess::demoUser())});
    QVERIFY(gen.waitForFinished(60'000) && gen.exitCode() == 0);
    Live live;
    REQUIRE_SANDBOX(live);
    int ok = 0;
    for (const auto format : {CertificateAuthenticator::Format::V2, CertificateAuthenticator::Format::V1,
                              CertificateAuthenticator::Format::V2}) {
        ApiError error;
        auto auth =
            CertificateAuthenticator::fromFiles(dir.filePath(QStringLiteral("cert.pem")),
                                                dir.filePath(QStringLiteral("key.pem")), {}, format, &error);
        QVERIFY(auth);
        Transport transport(Endpoints::singleOrigin(live.sandbox.url()), ClientOptions{});
        transport.setAuthenticator(auth);
        std::unique_ptr<ApiReply> reply(transport.send(live.workspaces()));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 60'000));
        QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
        ++ok;
    }
    QCOMPARE(live.arrivals(QStringLiteral("POST"), QStringLiteral("/token/authenticate")), 3);
    figure(QStringLiteral("cert_auth_sandbox sign_ins_ok=%1 formats=v2,v1,v2").arg(ok));
}

void TestSandboxNet::expiredTokenMidRun()
{
    Live live({QStringLiteral("--fault"),
               fault(QStringLiteral(
                   R"({"kind":"expire-token","method":"GET","path":"/2/0/workspaces","times":1})"))});
    REQUIRE_SANDBOX(live);
    live.useDemo();
    QSignalSpy rejected(live.transport.get(), &Transport::credentialsRejected);
    auto reply = live.run(live.workspaces());
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->attempts(), 2);
    const int signIns = live.arrivals(QStringLiteral("POST"), QStringLiteral("/token/authenticate"));
    QCOMPARE(signIns, 2);
    QCOMPARE(live.arrivals(QStringLiteral("GET"), QStringLiteral("/2/0/workspaces")), 2);
    QCOMPARE(rejected.count(), 0);
    figure(QStringLiteral("T-AUTH-01 sandbox auth_calls=%1 replays=1 prompts=0").arg(signIns - 1));
}

void TestSandboxNet::retryAfterHonoured()
{
    ClientOptions options;
    options.retryCount = 3;
    Live live(
        {QStringLiteral("--fault"),
         QStringLiteral(
             R"({"kind":"status","status":503,"retryAfter":"1","method":"GET","path":"/2/0/workspaces","times":1})")},
        options);
    REQUIRE_SANDBOX(live);
    live.useDemo();
    std::unique_ptr<ApiReply> reply(live.transport->send(live.workspaces()));
    int scheduledMs = -1;
    connect(reply.get(), &ApiReply::retrying, this,
            [&](int, int delayMs, const ApiError &) { scheduledMs = delayMs; });
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 60'000));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    QVERIFY(scheduledMs >= 1000);
    // The sandbox saw the second GET no earlier than the scheduled delay after the first.
    HttpProbe probe(live.sandbox.url());
    qint64 first = -1, second = -1;
    const QJsonArray records =
        probe.get(QStringLiteral("/__sandbox/requests")).json().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("path")).toString() != QLatin1String("/2/0/workspaces"))
            continue;
        (first < 0 ? first : second) = qint64(r.value(QStringLiteral("timestampMs")).toDouble());
    }
    QVERIFY(first > 0 && second > 0);
    QVERIFY2(second - first >= 990,
             qPrintable(QString::number(second - first))); // 10 ms for timestamp granularity
    figure(QStringLiteral("retry_after_sandbox scheduled_ms=%1 observed_gap_ms=%2")
               .arg(scheduledMs)
               .arg(second - first));
}

void TestSandboxNet::hangTimesOutAndRetries()
{
    ClientOptions options;
    options.timeoutMs = 1'500;
    options.retryCount = 2;
    options.backoffMs = 100;
    Live live(
        {QStringLiteral("--fault"),
         QStringLiteral(
             R"({"kind":"hang","phase":"response","method":"GET","path":"/2/0/workspaces","times":1})")},
        options);
    REQUIRE_SANDBOX(live);
    live.useDemo();
    std::unique_ptr<ApiReply> reply(live.transport->send(live.workspaces()));
    ApiError firstError;
    connect(reply.get(), &ApiReply::retrying, this, [&](int, int, const ApiError &e) { firstError = e; });
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 60'000));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    QCOMPARE(int(firstError.category), int(ErrorCategory::Timeout));
    QCOMPARE(reply->attempts(), 2);
    figure(QStringLiteral("T-DL-03 sandbox timeout_s=1.5 retries=1 hang=0"));
}

void TestSandboxNet::cutBodyRetried()
{
    ClientOptions options;
    options.retryCount = 3;
    options.backoffMs = 50;
    for (const QString &kind : {QStringLiteral("close-mid-body"), QStringLiteral("short-body")}) {
        Live live(
            {QStringLiteral("--fault"),
             QStringLiteral(R"({"kind":"%1","method":"GET","path":"/2/0/workspaces","times":1})").arg(kind)},
            options);
        REQUIRE_SANDBOX(live);
        live.useDemo();
        auto reply = live.run(live.workspaces());
        QVERIFY2(reply->isOk(), qPrintable(kind + QStringLiteral(": ") + reply->error().toString()));
        QCOMPARE(reply->attempts(), 2);
        QVERIFY(reply->body().contains("workspaces"));
        figure(QStringLiteral("T-DL-01 sandbox fault=%1 detected=1 retried=1").arg(kind));
    }
}

void TestSandboxNet::appliedPostNotResent()
{
    // The server handles the POST, then the connection is reset while answering: ambiguous outcome.
    ClientOptions options;
    options.retryCount = 4;
    Live live(
        {QStringLiteral("--fault"),
         QStringLiteral(
             R"({"kind":"reset","phase":"response","method":"POST","path":"/2/0/workspaces","times":1})")},
        options);
    REQUIRE_SANDBOX(live);
    live.useDemo();
    ApiRequest post = live.workspaces(Idempotency::NotRepeatable);
    post.method = "POST";
    post.contentType = "application/json";
    post.body = "{}";
    auto reply = live.run(post);
    QVERIFY(!reply->isOk());
    QCOMPARE(int(reply->error().category), int(ErrorCategory::Network));
    QVERIFY(reply->error().hint.contains(QStringLiteral("may or may not")));
    const int arrivals = live.arrivals(QStringLiteral("POST"), QStringLiteral("/2/0/workspaces"));
    QCOMPARE(arrivals, 1);
    figure(QStringLiteral("T-QT-01 sandbox post_arrivals=%1 resent=0").arg(arrivals));
}

QTEST_GUILESS_MAIN(TestSandboxNet)
#include "tst_SandboxNet.moc"
