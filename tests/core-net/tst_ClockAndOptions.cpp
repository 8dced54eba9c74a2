// The real Clock never fires early and honours cancel/context; the Transport applies ClientOptions
// (proxy, TLS configuration, timeouts, HTTP/1.1, redirect policy) to what it hands to QNAM.
#include "NetTestKit.h"
#include "net/Clock.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QSslConfiguration>

using namespace anadesk;
using namespace anadesk::test;

class TestClockAndOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void systemClockNeverEarly();
    void systemClockCancelAndContext();
    void fakeClockOrder();
    void requestAttributes();
};

void TestClockAndOptions::systemClockNeverEarly()
{
    const std::shared_ptr<Clock> clock = Clock::system();
    QObject context;
    const QList<int> delays{0, 1, 5, 17, 40, 80, 120, 250};
    QList<qint64> fired(delays.size(), -1);
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < delays.size(); ++i)
        clock->singleShot(delays[i], &context, [&, i] { fired[i] = elapsed.nsecsElapsed(); });
    QVERIFY(QTest::qWaitFor([&] { return !fired.contains(-1); }, 20'000));
    int early = 0;
    for (int i = 0; i < delays.size(); ++i)
        early += fired[i] < qint64(delays[i]) * 1'000'000 ? 1 : 0;
    QCOMPARE(early, 0);
    std::printf("FIGURE: system_clock timers=%d fired_early=%d\n", int(delays.size()), early);
}

void TestClockAndOptions::systemClockCancelAndContext()
{
    const std::shared_ptr<Clock> clock = Clock::system();
    int ran = 0;
    QObject keep;
    auto *gone = new QObject;
    const Clock::TimerId cancelled = clock->singleShot(10, &keep, [&] { ++ran; });
    QVERIFY(cancelled != 0);
    clock->cancel(cancelled);
    clock->singleShot(10, gone, [&] { ++ran; });
    delete gone;
    bool sentinel = false;
    clock->singleShot(60, &keep, [&] { sentinel = true; });
    QVERIFY(QTest::qWaitFor([&] { return sentinel; }, 20'000));
    QCOMPARE(ran, 0);
    QVERIFY(qAbs(clock->nowMs() - QDateTime::currentMSecsSinceEpoch()) < 5'000);
}

void TestClockAndOptions::fakeClockOrder()
{
    FakeClock clock;
    QObject context;
    QStringList order;
    clock.singleShot(300, &context, [&] { order << QStringLiteral("c"); });
    clock.singleShot(100, &context, [&] {
        order << QStringLiteral("a");
        clock.singleShot(50, &context, [&] { order << QStringLiteral("b"); }); // due at 150
    });
    const Clock::TimerId dropped = clock.singleShot(200, &context, [&] { order << QStringLiteral("x"); });
    clock.cancel(dropped);
    QCOMPARE(clock.advance(99), 0);
    QCOMPARE(clock.advance(1000), 3);
    QCOMPARE(order, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(clock.scheduledDelays(), (QList<qint64>{300, 100, 200, 50}));
}

void TestClockAndOptions::requestAttributes()
{
    ClientOptions options;
    options.timeoutMs = 12'345;
    options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("proxy.example.test"), 3128);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyDepth(7); // a recognisable marker
    options.sslConfiguration = tls;
    NetKit kit(options);
    QCOMPARE(kit.nam.proxy().hostName(), QStringLiteral("proxy.example.test"));
    QCOMPARE(kit.nam.proxy().port(), quint16(3128));
    kit.nam.on("GET", QStringLiteral("/x")).reply(FakeResponse::json(200, QByteArray("{}")));
    QVERIFY(kit.run(kit.get(QStringLiteral("/x")))->isOk());
    const QNetworkRequest &sent = kit.nam.requests().at(0).request;
    QCOMPARE(sent.sslConfiguration().peerVerifyDepth(), 7);
    QCOMPARE(sent.attribute(QNetworkRequest::Http2AllowedAttribute).toBool(), false);
    QCOMPARE(sent.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
             int(QNetworkRequest::SameOriginRedirectPolicy));
    QVERIFY(sent.transferTimeout() >= 12'345); // Qt's own timeout is only a backstop behind ours
    QCOMPARE(sent.attribute(QNetworkRequest::AuthenticationReuseAttribute).toInt(),
             int(QNetworkRequest::Manual));
}

QTEST_GUILESS_MAIN(TestClockAndOptions)
#include "tst_ClockAndOptions.moc"
