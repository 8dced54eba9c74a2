// The retry table, back-off and Retry-After through the real Transport over a fake network and a
// fake clock (no sleeping, no sockets).
#include "NetTestKit.h"
#include "net/ErrorMapping.h"
#include "net/ReplyBodySink.h"
#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>

using namespace anadesk;
using namespace anadesk::test;

class TestRetryTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wireHeaders();
    void httpStatuses_data();
    void httpStatuses();
    void transportErrors_data();
    void transportErrors();
    void attemptsAtLeastOne();
    void notRepeatableNeverResentAfterApplied();
    void backoffGrowthAndCap();
    void backoffThroughTransport();
    void retryAfterVariants_data();
    void retryAfterVariants();
    void tUp04SharedPacer();
    void tUp03StallTimeout();
    void abortStopsRetries();
    void bodySinkRestartsOnEveryAttempt();
};

void TestRetryTable::wireHeaders()
{
    NetKit kit;
    kit.useBasicAuth("tok-abc");
    kit.nam.on("GET", QStringLiteral("/2/0/workspaces"))
        .reply(FakeResponse::json(200, QByteArray(R"({"ok":1})")));
    ApiRequest request = kit.get(QStringLiteral("/2/0/workspaces"), Idempotency::Safe, true);
    request.accept = "text/csv";
    auto reply = kit.run(request);
    QVERIFY(reply->isOk());
    QCOMPARE(reply->body(), QByteArray(R"({"ok":1})"));
    const auto auth = kit.nam.matching("POST", QStringLiteral("/token/authenticate"));
    QCOMPARE(auth.size(), 1);
    QCOMPARE(auth[0].header("Authorization"),
             "Basic " + QByteArray("ops@example.test:pw-PLANTED-SECRET").toBase64());
    QVERIFY(auth[0].body.isEmpty());
    const auto gets = kit.nam.matching("GET", QStringLiteral("/2/0/workspaces"));
    QCOMPARE(gets.size(), 1);
    QCOMPARE(gets[0].header("Authorization"), QByteArray("AnaplanAuthToken tok-abc"));
    QCOMPARE(gets[0].header("Accept"), QByteArray("text/csv"));
    QVERIFY(gets[0].header("User-Agent").startsWith("Anadesk/"));
    QVERIFY(gets[0].header("User-Agent").contains("(Qt 6."));
    QVERIFY(gets[0].header("Content-Type").isEmpty());
}

void TestRetryTable::httpStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("safeAttempts");
    QTest::addColumn<int>("notRepeatableAttempts");
    QTest::addColumn<int>("category");
    const int n = 4; // retryCount in this test
    QTest::newRow("400") << 400 << 1 << 1 << int(ErrorCategory::BadInput);
    QTest::newRow("403") << 403 << 1 << 1 << int(ErrorCategory::Permission);
    QTest::newRow("404") << 404 << 1 << 1 << int(ErrorCategory::NotFound);
    QTest::newRow("408") << 408 << n << 1 << int(ErrorCategory::Timeout);
    QTest::newRow("409") << 409 << 1 << 1 << int(ErrorCategory::ModelBusy);
    QTest::newRow("422") << 422 << 1 << 1 << int(ErrorCategory::ModelArchived);
    QTest::newRow("423") << 423 << 1 << 1 << int(ErrorCategory::ModelBusy);
    QTest::newRow("429") << 429 << n << n << int(ErrorCategory::RateLimited);
    QTest::newRow("500") << 500 << n << 1 << int(ErrorCategory::Server);
    QTest::newRow("502") << 502 << n << 1 << int(ErrorCategory::Server);
    QTest::newRow("503") << 503 << n << n << int(ErrorCategory::Server);
    QTest::newRow("504") << 504 << n << 1 << int(ErrorCategory::Server);
}

void TestRetryTable::httpStatuses()
{
    QFETCH(int, status);
    QFETCH(int, safeAttempts);
    QFETCH(int, notRepeatableAttempts);
    QFETCH(int, category);
    ClientOptions options;
    options.retryCount = 4;
    for (const Idempotency idempotency : {Idempotency::Safe, Idempotency::NotRepeatable}) {
        NetKit kit(options);
        kit.nam.on("*", QStringLiteral("/x"))
            .reply(FakeResponse::anaplanError(status, QStringLiteral("planted reason")));
        ApiRequest request = kit.post(QStringLiteral("/x"), idempotency);
        request.object = QStringLiteral("import 112000000001 'Load'");
        auto reply = kit.run(request);
        const int expected = idempotency == Idempotency::Safe ? safeAttempts : notRepeatableAttempts;
        QCOMPARE(kit.nam.count("POST", QStringLiteral("/x")), expected);
        QCOMPARE(reply->attempts(), expected);
        QCOMPARE(int(reply->error().category), category);
        QCOMPARE(reply->error().httpStatus, status);
        QCOMPARE(reply->error().serverMessage, QStringLiteral("planted reason"));
        QVERIFY(reply->error().toString().contains(QStringLiteral("import 112000000001 'Load'")));
        QVERIFY(!reply->error().hint.isEmpty());
        figure(QStringLiteral("retry_table status=%1 idempotency=%2 attempts=%3")
                   .arg(status)
                   .arg(idempotency == Idempotency::Safe ? QStringLiteral("safe")
                                                         : QStringLiteral("not-repeatable"))
                   .arg(expected));
    }
}

void TestRetryTable::transportErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<bool>("cut");
    QTest::addColumn<int>("safeAttempts");
    QTest::addColumn<int>("notRepeatableAttempts");
    QTest::addColumn<int>("category");
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError) << false << 3 << 3
                             << int(ErrorCategory::Network);
    QTest::newRow("host-not-found") << int(QNetworkReply::HostNotFoundError) << false << 3 << 3
                                    << int(ErrorCategory::Network);
    QTest::newRow("remote-closed") << int(QNetworkReply::RemoteHostClosedError) << false << 3 << 1
                                   << int(ErrorCategory::Network);
    QTest::newRow("unknown-network") << int(QNetworkReply::UnknownNetworkError) << false << 3 << 1
                                     << int(ErrorCategory::Network);
    QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << false << 1 << 1
                         << int(ErrorCategory::Network);
    QTest::newRow("cut-body-fin") << int(QNetworkReply::RemoteHostClosedError) << true << 3 << 1
                                  << int(ErrorCategory::Network);
    QTest::newRow("cut-body-rst") << int(QNetworkReply::UnknownNetworkError) << true << 3 << 1
                                  << int(ErrorCategory::Network);
}

void TestRetryTable::transportErrors()
{
    QFETCH(int, error);
    QFETCH(bool, cut);
    QFETCH(int, safeAttempts);
    QFETCH(int, notRepeatableAttempts);
    QFETCH(int, category);
    ClientOptions options;
    options.retryCount = 3;
    for (const Idempotency idempotency : {Idempotency::Safe, Idempotency::NotRepeatable}) {
        NetKit kit(options);
        const auto code = QNetworkReply::NetworkError(error);
        kit.nam.on("*", QStringLiteral("/x"))
            .reply(cut ? FakeResponse::cutBody(200, QByteArray(4096, 'a'), 1000, code)
                       : FakeResponse::networkError(code));
        auto reply = kit.run(kit.post(QStringLiteral("/x"), idempotency));
        const int expected = idempotency == Idempotency::Safe ? safeAttempts : notRepeatableAttempts;
        QCOMPARE(kit.nam.count("POST", QStringLiteral("/x")), expected);
        QCOMPARE(int(reply->error().category), category);
        QVERIFY(!reply->isOk());
    }
}

void TestRetryTable::attemptsAtLeastOne()
{
    for (int retryCount : {-3, 0, 1}) {
        ClientOptions options;
        options.retryCount = retryCount;
        NetKit kit(options);
        kit.nam.on("GET", QStringLiteral("/x")).reply(FakeResponse::http(503));
        auto reply = kit.run(kit.get(QStringLiteral("/x")));
        QCOMPARE(kit.nam.count(), 1);
        QCOMPARE(int(reply->error().category), int(ErrorCategory::Server));
    }
}

void TestRetryTable::notRepeatableNeverResentAfterApplied()
{
    // The server applied the POST but the answer was lost (reset / timeout / 500): never re-sent,
    // and the error says the outcome is unknown so the caller reconciles.
    ClientOptions options;
    options.retryCount = 5;
    options.timeoutMs = 5'000;
    int resent = 0;
    const QList<FakeResponse> outcomes{FakeResponse::networkError(QNetworkReply::RemoteHostClosedError),
                                       FakeResponse::hang(), FakeResponse::http(500), FakeResponse::http(502),
                                       FakeResponse::cutBody(200, QByteArray(100, 'x'), 10)};
    for (const FakeResponse &outcome : outcomes) {
        NetKit kit(options);
        kit.nam.on("POST", QStringLiteral("/tasks"))
            .reply(outcome)
            .reply(FakeResponse::json(200, QByteArray("{}")));
        auto reply = kit.run(kit.post(QStringLiteral("/tasks"), Idempotency::NotRepeatable));
        QVERIFY(!reply->isOk());
        resent += kit.nam.count("POST", QStringLiteral("/tasks")) - 1;
        if (outcome.kind != FakeResponse::Kind::Answer)
            QVERIFY2(reply->error().hint.contains(QStringLiteral("may or may not")),
                     qPrintable(reply->error().toString()));
    }
    QCOMPARE(resent, 0);
    figure(QStringLiteral("not_repeatable_ambiguous_outcomes=%1 resent=%2").arg(outcomes.size()).arg(resent));
}

void TestRetryTable::backoffGrowthAndCap()
{
    ClientOptions options;
    options.backoffMs = 1'000;
    options.backoffFactor = 2.0;
    options.maxBackoffMs = 10'000;
    const Backoff top(options, [] { return 0.999999; });
    const Backoff bottom(options, [] { return 0.0; });
    QList<qint64> ceilings;
    for (int retry = 1; retry <= 8; ++retry)
        ceilings << top.ceilingMs(retry);
    QCOMPARE(ceilings, (QList<qint64>{1'000, 2'000, 4'000, 8'000, 10'000, 10'000, 10'000, 10'000}));
    for (int retry = 1; retry <= 8; ++retry) {
        QVERIFY(top.delayMs(retry) <= ceilings[retry - 1]);
        QVERIFY(top.delayMs(retry) >= ceilings[retry - 1] - 1);
        QCOMPARE(bottom.delayMs(retry), qint64(0));                         // full jitter reaches 0
        QCOMPARE(bottom.delayMs(retry, std::nullopt, true), qint64(1'000)); // a bare 429 waits ≥ base
    }
    // Random jitter stays within [0, ceiling] and is not constant.
    const Backoff random(options);
    QSet<qint64> seen;
    for (int i = 0; i < 500; ++i) {
        const int retry = 1 + i % 6;
        const qint64 delay = random.delayMs(retry);
        QVERIFY(delay >= 0 && delay <= random.ceilingMs(retry));
        seen.insert(delay);
    }
    QVERIFY(seen.size() > 50);
    // Huge factor / attempt numbers do not overflow.
    options.backoffFactor = 1e6;
    QCOMPARE(Backoff(options, [] { return 0.5; }).ceilingMs(1000), qint64(10'000));
    figure(QStringLiteral("backoff_ceilings_ms=%1 cap_ms=10000 jitter_distinct=%2")
               .arg([&] {
                   QStringList s;
                   for (qint64 c : ceilings)
                       s << QString::number(c);
                   return s.join(QLatin1Char(','));
               }())
               .arg(seen.size()));
}

void TestRetryTable::backoffThroughTransport()
{
    ClientOptions options;
    options.retryCount = 6;
    options.backoffMs = 1'000;
    options.maxBackoffMs = 5'000;
    NetKit kit(options);
    kit.transport->setRandomSource([] { return 0.999999; });
    kit.nam.on("GET", QStringLiteral("/x")).reply(FakeResponse::http(503));
    QList<int> delays;
    std::unique_ptr<ApiReply> reply(kit.transport->send(kit.get(QStringLiteral("/x"))));
    connect(reply.get(), &ApiReply::retrying, this,
            [&](int, int delayMs, const ApiError &) { delays << delayMs; });
    QVERIFY(runUntil([&] { return reply->isFinished(); }, kit.clock.get(), &kit.nam));
    QCOMPARE(delays, (QList<int>{999, 1999, 3999, 4999, 4999}));
    QCOMPARE(kit.nam.count(), 6);
    // The requests really were that far apart on the clock.
    const auto sent = kit.nam.requests();
    for (int i = 1; i < sent.size(); ++i)
        QCOMPARE(sent[i].atMs - sent[i - 1].atMs, qint64(delays[i - 1]));
}

void TestRetryTable::retryAfterVariants_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("expectedDelay");
    const QLocale c = QLocale::c();
    const qint64 now = FakeClock().nowMs();
    const QString date = c.toString(QDateTime::fromMSecsSinceEpoch(now + 7'000, Qt::UTC),
                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    // options: backoff 1 s, cap 60 s, random source 0 → the jittered part is 0 (429 floor: 1 s)
    QTest::newRow("seconds") << QByteArray("2") << qint64(2'000);
    QTest::newRow("http-date") << date.toLatin1() << qint64(7'000);
    QTest::newRow("date-in-past") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon-ish") << qint64(1'000);
    QTest::newRow("negative") << QByteArray("-5") << qint64(1'000);
    QTest::newRow("huge-capped") << QByteArray("99999") << qint64(60'000);
    QTest::newRow("absurd-digits") << QByteArray("99999999999999999999") << qint64(60'000);
}

void TestRetryTable::retryAfterVariants()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, expectedDelay);
    ClientOptions options;
    options.retryCount = 2;
    options.backoffMs = 1'000;
    options.maxBackoffMs = 60'000;
    NetKit kit(options);
    kit.transport->setRandomSource([] { return 0.0; });
    kit.nam.on("GET", QStringLiteral("/x"))
        .reply(FakeResponse::http(429).withHeader("Retry-After", retryAfter))
        .reply(FakeResponse::json(200, QByteArray("{}")));
    auto reply = kit.run(kit.get(QStringLiteral("/x")));
    QVERIFY(reply->isOk());
    const auto sent = kit.nam.requests();
    QCOMPARE(sent.size(), 2);
    const qint64 delay = sent[1].atMs - sent[0].atMs;
    QCOMPARE(delay, expectedDelay);
    figure(QStringLiteral("T-UP-05 variant=%1 scheduled_delay_ms=%2 cap_ms=60000")
               .arg(QString::fromLatin1(QTest::currentDataTag()))
               .arg(delay));
}

void TestRetryTable::tUp04SharedPacer()
{
    // Chunk 1 gets 429 + Retry-After: 2; three other workers are in flight on the same connection.
    ClientOptions options;
    options.retryCount = 3;
    NetKit kit(options);
    kit.transport->setRandomSource([] { return 0.0; });
    kit.nam.on("PUT", QStringLiteral("/chunks/*")).reply(FakeResponse::http(204).after(100));
    kit.nam
        .on("PUT", QStringLiteral("/chunks/1")) // newer routes win
        .reply(FakeResponse::http(429).withHeader("Retry-After", "2"))
        .reply(FakeResponse::http(204));
    int rateLimitedSignals = 0;
    connect(kit.transport.get(), &Transport::rateLimited, this, [&](int) { ++rateLimitedSignals; });

    auto put = [&](int n) {
        ApiRequest request = kit.get(QStringLiteral("/chunks/%1").arg(n));
        request.method = "PUT";
        request.body = QByteArray(10, char('0' + n));
        request.contentType = "application/x-gzip";
        return std::unique_ptr<ApiReply>(kit.transport->send(request));
    };
    auto first = put(1);
    settle(&kit.nam); // chunk 1 answered 429: the connection is paused for 2 s
    QCOMPARE(kit.nam.count(), 1);
    const qint64 pauseStart = kit.clock->nowMs();
    QVERIFY(kit.transport->pausedUntilMs() >= pauseStart + 2'000);
    std::vector<std::unique_ptr<ApiReply>> others;
    for (int n = 2; n <= 4; ++n)
        others.push_back(put(n));
    // During the pause nothing goes out, whatever happens on the event loop.
    int sentDuringPause = 0;
    for (int step = 0; step < 19; ++step) {
        kit.clock->advance(100);
        settle(&kit.nam);
        sentDuringPause = kit.nam.count() - 1;
        QCOMPARE(sentDuringPause, 0);
    }
    kit.clock->advance(99); // 1 999 ms
    settle(&kit.nam);
    QCOMPARE(kit.nam.count() - 1, 0);
    QVERIFY(runUntil(
        [&] {
            return first->isFinished() &&
                   std::all_of(others.begin(), others.end(), [](auto &r) { return r->isFinished(); });
        },
        kit.clock.get(), &kit.nam));
    QVERIFY(first->isOk());
    const auto sent = kit.nam.requests();
    QCOMPARE(sent.size(), 5);
    qint64 earliestAfter = std::numeric_limits<qint64>::max();
    for (int i = 1; i < sent.size(); ++i)
        earliestAfter = qMin(earliestAfter, sent[i].atMs - pauseStart);
    QVERIFY(earliestAfter >= 2'000);
    QCOMPARE(rateLimitedSignals, 1);
    figure(QStringLiteral("T-UP-04 scheduled_delay_s=%1 requests_during_pause=%2 paused_workers=3")
               .arg(earliestAfter / 1000.0, 0, 'f', 3)
               .arg(sentDuringPause));
}

void TestRetryTable::tUp03StallTimeout()
{
    ClientOptions options;
    options.retryCount = 2;
    options.timeoutMs = 30'000;
    NetKit kit(options);
    kit.transport->setRandomSource([] { return 0.0; });
    kit.nam.on("PUT", QStringLiteral("/chunks/3")).reply(FakeResponse::hang()).reply(FakeResponse::http(204));
    ApiRequest request = kit.get(QStringLiteral("/chunks/3"));
    request.method = "PUT";
    request.body = QByteArray(1000, 'z');
    const qint64 start = kit.clock->nowMs();
    std::unique_ptr<ApiReply> reply(kit.transport->send(request));
    qint64 detectedAfter = -1;
    connect(reply.get(), &ApiReply::retrying, this, [&](int, int, const ApiError &error) {
        QCOMPARE(int(error.category), int(ErrorCategory::Timeout));
        detectedAfter = kit.clock->nowMs() - start;
    });
    QVERIFY(runUntil([&] { return reply->isFinished(); }, kit.clock.get(), &kit.nam));
    QVERIFY(reply->isOk());
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(kit.nam.abortedReplies(), 1);
    QCOMPARE(detectedAfter, qint64(30'000));
    // A request-specific timeout overrides the connection's.
    NetKit kit2(options);
    kit2.nam.on("GET", QStringLiteral("/slow")).reply(FakeResponse::hang());
    ApiRequest slow = kit2.get(QStringLiteral("/slow"));
    slow.timeoutMs = 120'000;
    options.retryCount = 1;
    kit2.transport->setOptions(options);
    const qint64 start2 = kit2.clock->nowMs();
    auto reply2 = kit2.run(slow);
    QCOMPARE(int(reply2->error().category), int(ErrorCategory::Timeout));
    QCOMPARE(kit2.clock->nowMs() - start2, qint64(120'000));
    figure(QStringLiteral("T-UP-03 detect_s=%1 timeout_s=30 retries=1 hang=0").arg(detectedAfter / 1000.0));
}

void TestRetryTable::abortStopsRetries()
{
    ClientOptions options;
    options.retryCount = 5;
    NetKit kit(options);
    kit.nam.on("GET", QStringLiteral("/x")).reply(FakeResponse::http(503));
    std::unique_ptr<ApiReply> reply(kit.transport->send(kit.get(QStringLiteral("/x"))));
    int finishedCount = 0;
    connect(reply.get(), &ApiReply::finished, this, [&] { ++finishedCount; });
    connect(reply.get(), &ApiReply::retrying, reply.get(), &ApiReply::abort);
    QVERIFY(runUntil([&] { return reply->isFinished(); }, kit.clock.get(), &kit.nam));
    kit.clock->advance(600'000);
    settle(&kit.nam);
    QCOMPARE(kit.nam.count(), 1);
    QCOMPARE(finishedCount, 1);
    QCOMPARE(int(reply->error().category), int(ErrorCategory::Cancelled));
    figure(QStringLiteral("T-CANCEL-01 requests_after_cancel=%1").arg(kit.nam.count() - 1));
}

namespace {
// Records what the transport streams: attempts started and the bytes of the current attempt.
class RecordingSink final : public ReplyBodySink
{
public:
    void restart() override
    {
        ++restarts;
        body.clear();
    }
    void append(const QByteArray &piece) override { body += piece; }
    int restarts = 0;
    QByteArray body;
};
} // namespace

void TestRetryTable::bodySinkRestartsOnEveryAttempt()
{
    // A streamed body: an error body stays in the reply (for the message) and is never streamed; a cut
    // 2xx body is streamed in part, then the next attempt starts the sink over; the successful attempt's
    // bytes are all the sink holds, and body() stays empty.
    ClientOptions options;
    options.retryCount = 3;
    NetKit kit(options);
    QByteArray whole(300'000, Qt::Uninitialized);
    for (int i = 0; i < whole.size(); ++i)
        whole[i] = char('a' + i % 26);
    kit.nam.on("GET", QStringLiteral("/chunk"))
        .reply(FakeResponse::text(503, "busy, try later"))
        .reply(FakeResponse::cutBody(200, whole, 1000, QNetworkReply::RemoteHostClosedError))
        .reply(FakeResponse::http(200, whole, "application/octet-stream"));
    auto sink = std::make_shared<RecordingSink>();
    ApiRequest request = kit.get(QStringLiteral("/chunk"));
    request.bodySink = sink;
    const std::unique_ptr<ApiReply> reply = kit.run(request);
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    QCOMPARE(kit.nam.count(), 3);
    QCOMPARE(sink->restarts, 3);
    QCOMPARE(sink->body, whole);
    QCOMPARE(reply->streamedBytes(), qint64(whole.size()));
    QVERIFY(reply->body().isEmpty());

    // The last attempt fails: its error body is in the reply, nothing of it in the sink.
    NetKit failing(options);
    failing.nam.on("GET", QStringLiteral("/chunk")).reply(FakeResponse::text(404, "no such chunk"));
    auto failingSink = std::make_shared<RecordingSink>();
    ApiRequest missing = failing.get(QStringLiteral("/chunk"));
    missing.bodySink = failingSink;
    const std::unique_ptr<ApiReply> notFound = failing.run(missing);
    QCOMPARE(int(notFound->error().category), int(ErrorCategory::NotFound));
    QVERIFY(failingSink->body.isEmpty());
    QCOMPARE(notFound->body(), QByteArray("no such chunk"));
    QCOMPARE(notFound->streamedBytes(), qint64(0));
}

QTEST_GUILESS_MAIN(TestRetryTable)
#include "tst_RetryTable.moc"
