// T-AUTH-01…05: the token lifecycle through the real Transport + TokenKeeper on the fake network
// with a fake clock. The fake "server" accepts a token until the test expires it.
#include "NetTestKit.h"
#include "auth/TokenAuthenticator.h"

#include <QHash>

using namespace anadesk;
using namespace anadesk::test;

namespace {

constexpr qint64 kMinute = 60 * 1000;

// A tiny token-checking API: GET/PUT under /api/** answer 200 for a live token, 401 otherwise.
struct FakeAuthServer
{
    NetKit &kit;
    QHash<QByteArray, qint64> live; // token → expiry (server side)
    int issued = 0;
    int unauthorized = 0;
    qint64 lifeMs = 35 * kMinute;
    bool rejectCredentials = false;
    qint64 signInDelayMs = 0;
    int proxyRefusals = 0; // the next /api calls are refused by a proxy (407) before they reach the server

    explicit FakeAuthServer(NetKit &k)
        : kit(k)
    {
        kit.nam.on("POST", QStringLiteral("/token/authenticate")).handle([this](const RecordedRequest &) {
            if (rejectCredentials)
                return FakeResponse::json(
                    401, QByteArray(
                             R"({"status":"FAILURE_BAD_CREDENTIAL","statusMessage":"Invalid credentials"})"));
            const QByteArray token = "tok-" + QByteArray::number(++issued);
            live.insert(token, kit.clock->nowMs() + lifeMs);
            return FakeResponse::token(token, kit.clock->nowMs() + lifeMs).after(signInDelayMs);
        });
        kit.nam.on("*", QStringLiteral("/api/**")).handle([this](const RecordedRequest &request) {
            if (proxyRefusals > 0) {
                --proxyRefusals;
                return FakeResponse::networkError(QNetworkReply::ProxyAuthenticationRequiredError);
            }
            const QByteArray header = request.header("Authorization");
            if (!header.startsWith("AnaplanAuthToken ") || !isLive(header.mid(17))) {
                ++unauthorized;
                return FakeResponse::anaplanError(401, QStringLiteral("Token expired"));
            }
            return FakeResponse::json(200, QByteArray(R"({"status":{"code":200,"message":"Success"}})"));
        });
    }

    bool isLive(const QByteArray &token) const { return live.value(token, 0) > kit.clock->nowMs(); }
    int signIns() const { return kit.nam.count("POST", QStringLiteral("/token/authenticate")); }
    int refreshes() const { return kit.nam.count("POST", QStringLiteral("/token/refresh")); }
    int apiCallsWith(const QByteArray &token) const
    {
        int n = 0;
        for (const RecordedRequest &r : kit.nam.matching("*", QStringLiteral("/api/**")))
            n += r.header("Authorization") == "AnaplanAuthToken " + token ? 1 : 0;
        return n;
    }
};

void useBasic(NetKit &kit)
{
    kit.transport->setAuthenticator(std::make_shared<BasicAuthenticator>(QStringLiteral("ops@example.test"),
                                                                         QByteArrayLiteral("pw-PLANTED")));
}

} // namespace

class TestAuthFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tAuth01ExpiredMidRun();
    void tAuth02ParallelUnauthorized();
    void tAuth03ProactiveRefresh();
    void tAuth04RefreshRejected();
    void tAuth04ExpiredTokenRefreshRejected();
    void tAuth05CredentialsRejected();
    void rejectedOnReauthentication();
    void replayedOnlyOnce();
    void fixedTokenUnauthorizedIsFinal();
    void noAuthenticator();
    void newCredentialsAfterRejection();
    void proxyRefusalHeldForNewProxyCredentials();
};

void TestAuthFlows::tAuth01ExpiredMidRun()
{
    NetKit kit;
    FakeAuthServer server(kit);
    useBasic(kit);
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    for (int chunk = 0; chunk < 8; ++chunk) {
        if (chunk == 4)
            server.live.clear(); // the token expires on the server between chunk 3 and 4
        ApiRequest request = kit.get(QStringLiteral("/api/chunks/%1").arg(chunk), Idempotency::Safe, true);
        request.method = "PUT";
        auto reply = kit.run(request);
        QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    }
    const int chunk4Sends = kit.nam.count("PUT", QStringLiteral("/api/chunks/4"));
    QCOMPARE(server.signIns(), 2); // the initial sign-in + exactly one re-authentication
    QCOMPARE(chunk4Sends, 2);
    QCOMPARE(server.unauthorized, 1);
    QCOMPARE(prompts, 0);
    figure(QStringLiteral("T-AUTH-01 auth_calls=%1 prompts=%2 replays=%3")
               .arg(server.signIns() - 1)
               .arg(prompts)
               .arg(chunk4Sends - 1));
}

void TestAuthFlows::tAuth02ParallelUnauthorized()
{
    NetKit kit;
    FakeAuthServer server(kit);
    useBasic(kit);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/warmup"), Idempotency::Safe, true))->isOk());
    server.live.clear();
    server.signInDelayMs = 500; // the re-authentication takes a while: every 401 arrives during it
    std::vector<std::unique_ptr<ApiReply>> replies;
    for (int i = 0; i < 8; ++i)
        replies.emplace_back(
            kit.transport->send(kit.get(QStringLiteral("/api/parallel/%1").arg(i), Idempotency::Safe, true)));
    QVERIFY(runUntil(
        [&] { return std::all_of(replies.begin(), replies.end(), [](auto &r) { return r->isFinished(); }); },
        kit.clock.get(), &kit.nam));
    for (auto &reply : replies) {
        QVERIFY(reply->isOk());
        QCOMPARE(reply->attempts(), 2);
    }
    const int reauths = server.signIns() - 1;
    const int replays = server.apiCallsWith("tok-2");
    QCOMPARE(reauths, 1);
    QCOMPARE(server.unauthorized, 8);
    QCOMPARE(replays, 8);
    figure(QStringLiteral("T-AUTH-02 auth_calls=%1 replays=%2 parallel_401s=%3")
               .arg(reauths)
               .arg(replays)
               .arg(server.unauthorized));
}

void TestAuthFlows::tAuth03ProactiveRefresh()
{
    NetKit kit;
    FakeAuthServer server(kit);
    kit.nam.on("POST", QStringLiteral("/token/refresh")).handle([&](const RecordedRequest &request) {
        const QByteArray token = request.header("Authorization").mid(17);
        if (!server.isLive(token))
            return FakeResponse::json(401, QByteArray(R"({"status":"FAILURE_BAD_HEADER"})"));
        // Anaplan returns the same token value with a later expiry.
        server.live.insert(token, kit.clock->nowMs() + server.lifeMs);
        return FakeResponse::token(token, kit.clock->nowMs() + server.lifeMs, 200);
    });
    useBasic(kit);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true))->isOk());
    const qint64 start = kit.clock->nowMs();
    // 31 minutes later (token issued for 35): the next request triggers one background refresh.
    kit.clock->advance(31 * kMinute);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true))->isOk());
    QVERIFY(runUntil([&] { return server.refreshes() == 1; }, kit.clock.get(), &kit.nam));
    settle(&kit.nam);
    // The server expires the token at its original deadline; the refreshed one lives on.
    kit.clock->advance(10 * kMinute); // 41 min after sign-in
    QVERIFY(kit.clock->nowMs() - start > 35 * kMinute);
    for (int i = 0; i < 3; ++i)
        QVERIFY(kit.run(kit.get(QStringLiteral("/api/c%1").arg(i), Idempotency::Safe, true))->isOk());
    QCOMPARE(server.unauthorized, 0);
    QCOMPARE(server.refreshes(), 1);
    QCOMPARE(server.signIns(), 1);
    const auto refresh = kit.nam.matching("POST", QStringLiteral("/token/refresh"));
    QCOMPARE(refresh[0].header("Authorization"), QByteArray("AnaplanAuthToken tok-1"));
    figure(QStringLiteral("T-AUTH-03 refresh_calls=%1 unauthorized_seen=%2 refresh_at_min=%3")
               .arg(server.refreshes())
               .arg(server.unauthorized)
               .arg((refresh[0].atMs - start) / double(kMinute) + 0.0, 0, 'f', 1));
}

void TestAuthFlows::tAuth04RefreshRejected()
{
    NetKit kit;
    FakeAuthServer server(kit);
    kit.nam.on("POST", QStringLiteral("/token/refresh"))
        .reply(FakeResponse::json(401, QByteArray(R"({"status":"FAILURE_BAD_HEADER"})")));
    useBasic(kit);
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true))->isOk());
    kit.clock->advance(31 * kMinute);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true))->isOk());
    QVERIFY(runUntil([&] { return server.signIns() == 2; }, kit.clock.get(), &kit.nam));
    settle(&kit.nam);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/c"), Idempotency::Safe, true))->isOk());
    QCOMPARE(server.apiCallsWith("tok-2"), 1);
    QCOMPARE(server.refreshes(), 1);
    QCOMPARE(server.signIns(), 2);
    QCOMPARE(server.unauthorized, 0);
    QCOMPARE(prompts, 0);
    figure(QStringLiteral("T-AUTH-04 prompts=%1 refresh_calls=%2 full_auth_calls=%3")
               .arg(prompts)
               .arg(server.refreshes())
               .arg(server.signIns() - 1));
}

void TestAuthFlows::tAuth04ExpiredTokenRefreshRejected()
{
    // Past the safety margin the token counts as expired: requests wait for refresh → 401 → sign-in.
    NetKit kit;
    FakeAuthServer server(kit);
    kit.nam.on("POST", QStringLiteral("/token/refresh")).reply(FakeResponse::json(401, QByteArray("{}")));
    useBasic(kit);
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true))->isOk());
    kit.clock->advance(34 * kMinute + 45 * 1000);
    auto reply = kit.run(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true));
    QVERIFY(reply->isOk());
    QCOMPARE(reply->attempts(), 1); // waited for the new token instead of collecting a 401
    QCOMPARE(server.apiCallsWith("tok-2"), 1);
    QCOMPARE(server.unauthorized, 0);
    QCOMPARE(prompts, 0);
}

void TestAuthFlows::tAuth05CredentialsRejected()
{
    NetKit kit;
    FakeAuthServer server(kit);
    server.rejectCredentials = true;
    useBasic(kit);
    int prompts = 0;
    ApiError rejection;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&](const ApiError &e) {
        ++prompts;
        rejection = e;
    });
    std::vector<std::unique_ptr<ApiReply>> replies;
    for (int i = 0; i < 5; ++i)
        replies.emplace_back(
            kit.transport->send(kit.get(QStringLiteral("/api/r%1").arg(i), Idempotency::Safe, true)));
    QVERIFY(runUntil(
        [&] { return std::all_of(replies.begin(), replies.end(), [](auto &r) { return r->isFinished(); }); },
        kit.clock.get(), &kit.nam));
    // Later requests fail at once, without another sign-in attempt.
    for (int i = 0; i < 3; ++i)
        replies.push_back(kit.run(kit.get(QStringLiteral("/api/later%1").arg(i), Idempotency::Safe, true)));
    kit.clock->advance(60 * kMinute);
    settle(&kit.nam);
    for (auto &reply : replies) {
        QCOMPARE(int(reply->error().category), int(ErrorCategory::Auth));
        QVERIFY(reply->error().toString().contains(QStringLiteral("Invalid credentials")));
    }
    QCOMPARE(prompts, 1);
    QVERIFY(server.signIns() <= 2);
    QCOMPARE(server.signIns(), 1);
    QCOMPARE(kit.nam.count("*", QStringLiteral("/api/**")), 0);
    QVERIFY(!rejection.toString().contains(QStringLiteral("pw-PLANTED")));
    figure(QStringLiteral("T-AUTH-05 prompts=%1 auth_attempts=%2 api_requests=%3 failed_requests=%4")
               .arg(prompts)
               .arg(server.signIns())
               .arg(kit.nam.count("*", QStringLiteral("/api/**")))
               .arg(replies.size()));
}

void TestAuthFlows::rejectedOnReauthentication()
{
    // Signed in fine; later the token dies and the password was changed meanwhile.
    NetKit kit;
    FakeAuthServer server(kit);
    useBasic(kit);
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true))->isOk());
    server.live.clear();
    server.rejectCredentials = true;
    std::vector<std::unique_ptr<ApiReply>> replies;
    for (int i = 0; i < 4; ++i)
        replies.emplace_back(
            kit.transport->send(kit.get(QStringLiteral("/api/p%1").arg(i), Idempotency::Safe, true)));
    QVERIFY(runUntil(
        [&] { return std::all_of(replies.begin(), replies.end(), [](auto &r) { return r->isFinished(); }); },
        kit.clock.get(), &kit.nam));
    for (auto &reply : replies)
        QCOMPARE(int(reply->error().category), int(ErrorCategory::Auth));
    QCOMPARE(server.signIns(), 2);
    QCOMPARE(prompts, 1);
}

void TestAuthFlows::replayedOnlyOnce()
{
    // The API refuses every token (e.g. the user lost API access): one re-auth, one replay, then Auth.
    NetKit kit;
    kit.nam.on("POST", QStringLiteral("/token/authenticate"))
        .reply(FakeResponse::token("tok-x", kit.clock->nowMs() + 35 * kMinute));
    kit.nam.on("GET", QStringLiteral("/api/**"))
        .reply(FakeResponse::anaplanError(401, QStringLiteral("Not authorized")));
    useBasic(kit);
    ClientOptions options;
    options.retryCount = 5;
    kit.transport->setOptions(options);
    auto reply = kit.run(kit.get(QStringLiteral("/api/x"), Idempotency::Safe, true));
    QCOMPARE(int(reply->error().category), int(ErrorCategory::Auth));
    QCOMPARE(kit.nam.count("GET", QStringLiteral("/api/x")), 2);
    QCOMPARE(kit.nam.count("POST", QStringLiteral("/token/authenticate")), 2);
}

void TestAuthFlows::fixedTokenUnauthorizedIsFinal()
{
    NetKit kit;
    kit.nam.on("GET", QStringLiteral("/api/**"))
        .reply(FakeResponse::anaplanError(401, QStringLiteral("Token expired")));
    kit.transport->setAuthenticator(std::make_shared<TokenAuthenticator>(QByteArrayLiteral("given-PLANTED")));
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    auto first = kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true));
    auto second = kit.run(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true));
    QCOMPARE(int(first->error().category), int(ErrorCategory::Auth));
    QCOMPARE(int(second->error().category), int(ErrorCategory::Auth));
    QCOMPARE(kit.nam.count("GET", QStringLiteral("/api/a")), 1);
    QCOMPARE(kit.nam.count("GET", QStringLiteral("/api/b")), 0);
    QCOMPARE(kit.nam.count("POST", QStringLiteral("/token/**")), 0);
    QCOMPARE(kit.nam.requests().at(0).header("Authorization"), QByteArray("AnaplanAuthToken given-PLANTED"));
    QCOMPARE(prompts, 1);
}

void TestAuthFlows::noAuthenticator()
{
    NetKit kit;
    auto reply = kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true));
    QCOMPARE(int(reply->error().category), int(ErrorCategory::Auth));
    QCOMPARE(kit.nam.count(), 0);
}

void TestAuthFlows::newCredentialsAfterRejection()
{
    NetKit kit;
    FakeAuthServer server(kit);
    server.rejectCredentials = true;
    useBasic(kit);
    QCOMPARE(int(kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true))->error().category),
             int(ErrorCategory::Auth));
    server.rejectCredentials = false;
    useBasic(kit); // the user typed the password again
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true))->isOk());
    QCOMPARE(server.signIns(), 2);
}

void TestAuthFlows::proxyRefusalHeldForNewProxyCredentials()
{
    {
        // Without holding (the CLI): the proxy's 407 fails the request at once, sent once, told apart from a 401.
        NetKit kit;
        FakeAuthServer server(kit);
        useBasic(kit);
        server.proxyRefusals = 1;
        const auto reply = kit.run(kit.get(QStringLiteral("/api/a"), Idempotency::Safe, true));
        QCOMPARE(int(reply->error().category), int(ErrorCategory::Auth));
        QCOMPARE(reply->error().httpStatus, 407);
        QCOMPARE(kit.nam.count("GET", QStringLiteral("/api/a")), 1);
    }
    // Holding (the desktop app): the refused request never reached Anaplan, so even the POST that starts a task
    // waits while the user is asked (credentialsRejected with 407, once) and is sent once more afterwards.
    NetKit kit;
    FakeAuthServer server(kit);
    useBasic(kit);
    kit.transport->setHoldOnRejection(true);
    QVERIFY(kit.run(kit.get(QStringLiteral("/api/warm"), Idempotency::Safe, true))->isOk());
    int rejections = 0;
    int rejectedStatus = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&](const ApiError &error) {
        ++rejections;
        rejectedStatus = error.httpStatus;
    });
    server.proxyRefusals = 1;
    std::unique_ptr<ApiReply> start(
        kit.transport->send(kit.post(QStringLiteral("/api/start"), Idempotency::NotRepeatable, true)));
    QVERIFY(runUntil([&] { return kit.transport->heldRequestCount() == 1; }, kit.clock.get(), &kit.nam));
    QVERIFY(!start->isFinished());
    QCOMPARE(rejections, 1);
    QCOMPARE(rejectedStatus, 407);
    useBasic(kit); // new proxy credentials, the same Anaplan ones: one sign-in through the proxy
    QVERIFY(runUntil([&] { return start->isFinished(); }, kit.clock.get(), &kit.nam));
    QVERIFY2(start->isOk(), qPrintable(start->error().toString()));
    QCOMPARE(kit.nam.count("POST", QStringLiteral("/api/start")), 2);
    QCOMPARE(server.signIns(), 2);

    // Refused again after the new credentials: once is enough, the request fails with the proxy's 407.
    server.proxyRefusals = 2;
    std::unique_ptr<ApiReply> again(kit.transport->send(kit.get(QStringLiteral("/api/b"), Idempotency::Safe, true)));
    QVERIFY(runUntil([&] { return kit.transport->heldRequestCount() == 1; }, kit.clock.get(), &kit.nam));
    useBasic(kit);
    QVERIFY(runUntil([&] { return again->isFinished(); }, kit.clock.get(), &kit.nam));
    QCOMPARE(again->error().httpStatus, 407);
    QCOMPARE(kit.nam.count("GET", QStringLiteral("/api/b")), 2);
    QCOMPARE(rejections, 2);
    figure(QStringLiteral("proxy_407_held sent_after_refusal=%1 sign_ins=%2 prompts=%3")
               .arg(kit.nam.count("POST", QStringLiteral("/api/start")) - 1)
               .arg(server.signIns())
               .arg(rejections));
}

QTEST_GUILESS_MAIN(TestAuthFlows)
#include "tst_AuthFlows.moc"
