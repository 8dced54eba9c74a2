// Fault injection of the sandbox, each kind observed from the client side on the wire and in the
// sandbox's own accounts (/__sandbox/faults: fired and remaining; /__sandbox/requests: what happened).
#include "HttpProbe.h"
#include "RawClient.h"
#include "SandboxProcess.h"
#include "TestUtil.h"

#include <QElapsedTimer>
#include <QTest>
#include <memory>

using namespace anadesk::test;

namespace {
QByteArray getRequest(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}
QJsonObject rule(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return object;
}
} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpProbe> m_admin;
    int m_kindsObserved = 0;

    // The single log entry of `path`, after waiting for it to appear (some are written when a hang ends).
    QJsonObject loggedOnce(const QString &path)
    {
        QList<QJsonObject> entries;
        waitUntil([&] {
            entries = requestsFor(*m_admin, path);
            return !entries.isEmpty();
        });
        return entries.size() == 1 ? entries.constFirst() : QJsonObject();
    }

    void verifyConsumed(int id, int fired)
    {
        const QJsonObject listed = faultById(*m_admin, id);
        QCOMPARE(listed.value(QStringLiteral("fired")).toInt(), fired);
        QCOMPARE(listed.value(QStringLiteral("remaining")).toInt(-1), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_admin = std::make_unique<HttpProbe>(m_sandbox->url());
    }

    void cleanupTestCase()
    {
        figure(QStringLiteral("fault_kinds_observed=%1 of 8").arg(m_kindsObserved));
        m_admin.reset();
        m_sandbox.reset();
    }

    void init()
    {
        QCOMPARE(m_admin->request("DELETE", QStringLiteral("/__sandbox/faults")).status, 204);
        QCOMPARE(m_admin->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
    }

    void statusFaultsReplaceTheAnswerThenRunOut()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("status")},
                                                {QStringLiteral("method"), QStringLiteral("PUT")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/echo")},
                                                {QStringLiteral("status"), 503},
                                                {QStringLiteral("retryAfter"), 2},
                                                {QStringLiteral("times"), 2}}));
        QVERIFY(id > 0);
        HttpProbe probe(m_sandbox->url());
        const QByteArray body = "payload";
        for (int attempt = 0; attempt < 2; ++attempt) {
            const ProbeReply reply = probe.request("PUT", QStringLiteral("/__sandbox/echo"), body);
            QCOMPARE(reply.status, 503);
            QCOMPARE(reply.header("Retry-After"), QByteArray("2"));
            QCOMPARE(
                reply.json().value(QStringLiteral("status")).toObject().value(QStringLiteral("code")).toInt(),
                503);
        }
        QCOMPARE(probe.request("POST", QStringLiteral("/__sandbox/echo"), body).status,
                 200); // method differs
        const ProbeReply third = probe.request("PUT", QStringLiteral("/__sandbox/echo"), body);
        QCOMPARE(third.status, 200);
        QCOMPARE(third.json().value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(body));
        verifyConsumed(id, 2);

        const QList<QJsonObject> log = requestsFor(*m_admin, QStringLiteral("/__sandbox/echo"));
        QCOMPARE(log.size(), 4);
        QCOMPARE(log.at(0).value(QStringLiteral("fault")).toString(), QStringLiteral("status"));
        QCOMPARE(log.at(0).value(QStringLiteral("faultRuleId")).toInt(), id);
        QCOMPARE(log.at(0).value(QStringLiteral("status")).toInt(), 503);
        QCOMPARE(log.at(1).value(QStringLiteral("status")).toInt(), 503);
        QVERIFY(log.at(3).value(QStringLiteral("fault")).isNull());
        QCOMPARE(log.at(3).value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(log.at(3).value(QStringLiteral("bytesIn")).toInteger() > body.size());
        QVERIFY(log.at(3).value(QStringLiteral("bytesOut")).toInteger() > 0);
        ++m_kindsObserved;
    }

    void statusFaultWithCustomBodyOnTheAuthService()
    {
        const int id = addFault(
            *m_admin, rule({{QStringLiteral("kind"), QStringLiteral("status")},
                            {QStringLiteral("path"), QStringLiteral("/token/authenticate")},
                            {QStringLiteral("status"), 429},
                            {QStringLiteral("retryAfter"), QStringLiteral("Wed, 21 Oct 2099 07:28:00 GMT")},
                            {QStringLiteral("body"), QJsonObject{{QStringLiteral("custom"), true}}}}));
        QVERIFY(id > 0);
        HttpProbe probe(m_sandbox->url());
        const ProbeReply limited =
            probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("Retry-After"), QByteArray("Wed, 21 Oct 2099 07:28:00 GMT"));
        QCOMPARE(limited.json(), (QJsonObject{{QStringLiteral("custom"), true}}));
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
        verifyConsumed(id, 1);
    }

    void latencyDelaysTheAnswer()
    {
        const int delay = 400;
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("latency")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/blob")},
                                                {QStringLiteral("ms"), delay}}));
        QVERIFY(id > 0);
        HttpProbe probe(m_sandbox->url());
        QElapsedTimer timer;
        timer.start();
        const ProbeReply reply = probe.get(QStringLiteral("/__sandbox/blob?bytes=1000&seed=1"));
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, patternBytes(0, 1000, 1));
        QVERIFY(elapsed >= delay); // a lower bound the server guarantees, not a speed assertion
        verifyConsumed(id, 1);
        const QJsonObject logged = loggedOnce(QStringLiteral("/__sandbox/blob"));
        QCOMPARE(logged.value(QStringLiteral("fault")).toString(), QStringLiteral("latency"));
        QVERIFY(logged.value(QStringLiteral("durationMs")).toInteger() >= delay);
        figure(QStringLiteral("latency_fault_ms=%1 observed_ms=%2").arg(delay).arg(elapsed));
        ++m_kindsObserved;
    }

    void closeMidBodySendsHalfThenFin()
    {
        const int id =
            addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("close-mid-body")},
                                     {QStringLiteral("path"), QStringLiteral("/__sandbox/blob")}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(getRequest("/__sandbox/blob?bytes=100000&seed=2")));
        RawClient::Response response;
        QVERIFY(!client.readResponse(&response, 10'000)); // the body never completes
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-length"), QByteArray("100000"));
        QByteArray body = response.body;
        QCOMPARE(client.readUntilEnd(&body, 10'000), RawClient::End::Fin);
        QCOMPARE(body.size(), 50'000);
        QCOMPARE(body, patternBytes(0, 50'000, 2));
        verifyConsumed(id, 1);
        const QJsonObject logged = loggedOnce(QStringLiteral("/__sandbox/blob"));
        QCOMPARE(logged.value(QStringLiteral("fault")).toString(), QStringLiteral("close-mid-body"));
        QCOMPARE(logged.value(QStringLiteral("outcome")).toString(), QStringLiteral("closed"));
        ++m_kindsObserved;
    }

    void resetWhileReadingTheRequestBody()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("reset")},
                                                {QStringLiteral("method"), QStringLiteral("PUT")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/echo")},
                                                {QStringLiteral("phase"), QStringLiteral("request")},
                                                {QStringLiteral("afterBytes"), 65'536}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        const QByteArray head =
            "PUT /__sandbox/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n";
        client.sendAll(head + QByteArray(1'000'000, 'u'), 10'000); // may fail half-way: the server resets
        QByteArray rest;
        QCOMPARE(client.readUntilEnd(&rest, 10'000), RawClient::End::Reset);
        QVERIFY(rest.isEmpty()); // no response at all
        verifyConsumed(id, 1);
        const QJsonObject logged = loggedOnce(QStringLiteral("/__sandbox/echo"));
        QCOMPARE(logged.value(QStringLiteral("fault")).toString(), QStringLiteral("reset"));
        QCOMPARE(logged.value(QStringLiteral("outcome")).toString(), QStringLiteral("reset"));
        QCOMPARE(logged.value(QStringLiteral("status")).toInt(), 0);
        QCOMPARE(logged.value(QStringLiteral("bytesIn")).toInteger(), head.size() + 65'536);
        ++m_kindsObserved;
    }

    void resetWhileSendingTheResponse()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("reset")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/blob")},
                                                {QStringLiteral("phase"), QStringLiteral("response")},
                                                {QStringLiteral("afterBytes"), 1'000}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(getRequest("/__sandbox/blob?bytes=1000000")));
        QByteArray received;
        QCOMPARE(client.readUntilEnd(&received, 10'000), RawClient::End::Reset);
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(received.contains("Content-Length: 1000000\r\n"));
        const qsizetype bodyStart = received.indexOf("\r\n\r\n") + 4;
        QVERIFY(received.size() - bodyStart <= 1'000);
        verifyConsumed(id, 1);
        QCOMPARE(loggedOnce(QStringLiteral("/__sandbox/blob")).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("reset"));
    }

    void truncatedJsonKeepsValidFraming()
    {
        const int id =
            addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("truncate-json")},
                                     {QStringLiteral("path"), QStringLiteral("/token/authenticate")}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        const QByteArray login =
            "POST /token/authenticate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " +
            (SandboxProcess::demoUser() + QLatin1Char(':') + SandboxProcess::demoPassword())
                .toUtf8()
                .toBase64() +
            "\r\nContent-Length: 0\r\n\r\n";
        QVERIFY(client.sendAll(login));
        RawClient::Response cut;
        QVERIFY(client.readResponse(&cut)); // framing is valid
        QCOMPARE(cut.status, 201);
        QCOMPARE(cut.body.size(), cut.header("content-length").toInt());
        QJsonParseError parseError{};
        QJsonDocument::fromJson(cut.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
        // The same connection carries the next request normally.
        QVERIFY(client.sendAll(login));
        RawClient::Response whole;
        QVERIFY(client.readResponse(&whole));
        QCOMPARE(whole.status, 201);
        QVERIFY(QJsonDocument::fromJson(whole.body).isObject());
        QVERIFY(whole.body.size() > cut.body.size());
        verifyConsumed(id, 1);
        const QList<QJsonObject> log = requestsFor(*m_admin, QStringLiteral("/token/authenticate"));
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).value(QStringLiteral("fault")).toString(), QStringLiteral("truncate-json"));
        QCOMPARE(log.at(0).value(QStringLiteral("connection")),
                 log.at(1).value(QStringLiteral("connection")));
        ++m_kindsObserved;
    }

    void hangKeepsSilentUntilTheClientGivesUp()
    {
        const int id =
            addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("hang")},
                                     {QStringLiteral("path"), QStringLiteral("/2/0/workspaces")}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(getRequest("/2/0/workspaces")));
        QVERIFY(!client.waitReadable(1'000)); // silence, and the connection is still open
        verifyConsumed(id, 1);
        QVERIFY(requestsFor(*m_admin, QStringLiteral("/2/0/workspaces")).isEmpty()); // still hanging
        QElapsedTimer timer;
        timer.start();
        client.close(); // the client gives up
        const QJsonObject logged = loggedOnce(QStringLiteral("/2/0/workspaces"));
        QCOMPARE(logged.value(QStringLiteral("fault")).toString(), QStringLiteral("hang"));
        QCOMPARE(logged.value(QStringLiteral("outcome")).toString(), QStringLiteral("hang"));
        QCOMPARE(logged.value(QStringLiteral("status")).toInt(), 0);
        figure(QStringLiteral("hang_released_after_client_close_ms=%1").arg(timer.elapsed()));
        ++m_kindsObserved;
    }

    void hangAfterPartOfTheResponse()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("hang")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/blob")},
                                                {QStringLiteral("phase"), QStringLiteral("response")},
                                                {QStringLiteral("afterBytes"), 100},
                                                {QStringLiteral("ms"), 30'000}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(getRequest("/__sandbox/blob?bytes=10000")));
        QByteArray received;
        QCOMPARE(client.readUntilEnd(&received, 1'500), RawClient::End::Timeout);
        const qsizetype bodyStart = received.indexOf("\r\n\r\n") + 4;
        QVERIFY(bodyStart > 4);
        QVERIFY(received.contains("Content-Length: 10000\r\n"));
        QCOMPARE(received.size() - bodyStart, 100);
        client.close();
        QCOMPARE(loggedOnce(QStringLiteral("/__sandbox/blob")).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("hang"));
        verifyConsumed(id, 1);
    }

    void shortBodyAnnouncesMoreThanItSends()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("short-body")},
                                                {QStringLiteral("path"), QStringLiteral("/__sandbox/blob")},
                                                {QStringLiteral("extraBytes"), 24}}));
        QVERIFY(id > 0);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(getRequest("/__sandbox/blob?bytes=1000&seed=4")));
        RawClient::Response response;
        QVERIFY(!client.readResponse(&response, 10'000));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-length"), QByteArray("1024"));
        QByteArray body = response.body;
        QCOMPARE(client.readUntilEnd(&body, 10'000), RawClient::End::Fin);
        QCOMPARE(body, patternBytes(0, 1000, 4));
        verifyConsumed(id, 1);
        QCOMPARE(loggedOnce(QStringLiteral("/__sandbox/blob")).value(QStringLiteral("fault")).toString(),
                 QStringLiteral("short-body"));
        ++m_kindsObserved;
    }

    void expireTokenInvalidatesTheCallersToken()
    {
        HttpProbe probe(m_sandbox->url());
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
        QCOMPARE(probe.get(QStringLiteral("/2/0/nothing-here")).status, 404); // the token works
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("expire-token")},
                                                {QStringLiteral("path"), QStringLiteral("/2/0/**")}}));
        QVERIFY(id > 0);
        const ProbeReply expired = probe.get(QStringLiteral("/2/0/nothing-here"));
        QCOMPARE(expired.status, 401);
        QCOMPARE(
            expired.json().value(QStringLiteral("status")).toObject().value(QStringLiteral("code")).toInt(),
            401);
        // The rule is used up, but the token stays invalid.
        QCOMPARE(probe.get(QStringLiteral("/token/validate")).status, 401);
        QCOMPARE(probe.get(QStringLiteral("/2/0/nothing-here")).status, 401);
        verifyConsumed(id, 1);
        const QList<QJsonObject> log = requestsFor(*m_admin, QStringLiteral("/2/0/nothing-here"));
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(1).value(QStringLiteral("fault")).toString(), QStringLiteral("expire-token"));
        QCOMPARE(log.at(0).value(QStringLiteral("user")).toString(), SandboxProcess::demoUser());
        ++m_kindsObserved;
    }

    void chunkRuleHitsOnlyItsChunkOfARealUpload()
    {
        // The rule form of the brief: only chunk 2 of any file upload fails, once; the client's retry lands.
        const int id = addFault(
            *m_admin,
            rule({{QStringLiteral("kind"), QStringLiteral("status")},
                  {QStringLiteral("method"), QStringLiteral("PUT")},
                  {QStringLiteral("path"), QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/2")},
                  {QStringLiteral("status"), 503}}));
        QVERIFY(id > 0);
        HttpProbe probe(m_sandbox->url());
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
        const QJsonObject workspaces = probe.get(QStringLiteral("/2/0/workspaces")).json();
        const QString ws = workspaces.value(QStringLiteral("workspaces"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        QVERIFY(!ws.isEmpty());
        const QJsonObject models = probe.get(QStringLiteral("/2/0/workspaces/%1/models").arg(ws)).json();
        const QString model = models.value(QStringLiteral("models"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        QVERIFY(!model.isEmpty());
        const QJsonObject files =
            probe.get(QStringLiteral("/2/0/workspaces/%1/models/%2/files").arg(ws, model)).json();
        const QString fileId = files.value(QStringLiteral("files"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
        QVERIFY(!fileId.isEmpty());
        const QString file = QStringLiteral("/2/0/workspaces/%1/models/%2/files/%3").arg(ws, model, fileId);
        QCOMPARE(probe.postJson(file, QJsonObject{{QStringLiteral("chunkCount"), 3}}).status, 200);
        QList<int> statuses;
        for (int chunk = 0; chunk < 3; ++chunk) {
            statuses.append(probe
                                .request("PUT", file + QStringLiteral("/chunks/%1").arg(chunk), "a,b\n1,2\n",
                                         {{"Content-Type", "application/octet-stream"}})
                                .status);
        }
        QCOMPARE(statuses, (QList<int>{204, 204, 503}));
        QCOMPARE(probe
                     .request("PUT", file + QStringLiteral("/chunks/2"), "3,4\n",
                              {{"Content-Type", "application/octet-stream"}})
                     .status,
                 204);
        verifyConsumed(id, 1);
        const QList<QJsonObject> arrivals = requestsFor(*m_admin, file + QStringLiteral("/chunks/2"));
        QCOMPARE(arrivals.size(), 2);
        QCOMPARE(arrivals.at(0).value(QStringLiteral("fault")).toString(), QStringLiteral("status"));
        QCOMPARE(arrivals.at(1).value(QStringLiteral("status")).toInt(), 204);
        QCOMPARE(requestsFor(*m_admin, file + QStringLiteral("/chunks/1")).size(), 1);
    }

    void adminControlCallsAreNeverFaultedNorLogged()
    {
        const int id = addFault(*m_admin, rule({{QStringLiteral("kind"), QStringLiteral("status")},
                                                {QStringLiteral("status"), 500},
                                                {QStringLiteral("times"), QStringLiteral("unlimited")}}));
        QVERIFY(id > 0);
        QCOMPARE(m_admin->get(QStringLiteral("/__sandbox/faults")).status, 200);
        QCOMPARE(m_admin->get(QStringLiteral("/__sandbox/requests")).status, 200);
        QCOMPARE(m_admin->get(QStringLiteral("/anything")).status, 500);
        QCOMPARE(m_admin->request("DELETE", QStringLiteral("/__sandbox/faults/%1").arg(id)).status, 204);
        QCOMPARE(m_admin->request("DELETE", QStringLiteral("/__sandbox/faults/%1").arg(id)).status, 404);
        QCOMPARE(m_admin->get(QStringLiteral("/anything")).status, 404);
        const QJsonArray log = requestLog(*m_admin);
        QCOMPARE(log.size(), 2); // the two GET /anything
        for (const QJsonValue &entry : log)
            QCOMPARE(entry.toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/anything"));
    }

    void invalidRulesAreRefusedWhole()
    {
        const ProbeReply reply = m_admin->request("POST", QStringLiteral("/__sandbox/faults"),
                                                  R"([{"kind":"status","status":503},{"kind":"latency"}])",
                                                  {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("fault rule 2")));
        QVERIFY(faultRules(*m_admin).isEmpty());
        QCOMPARE(m_admin->request("POST", QStringLiteral("/__sandbox/faults"), "not json").status, 400);
        const ProbeReply added = m_admin->request(
            "POST", QStringLiteral("/__sandbox/faults"),
            R"({"rules":[{"kind":"status","status":503},{"kind":"latency","ms":1,"times":"unlimited"}]})");
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json().value(QStringLiteral("rules")).toArray().size(), 2);
        QCOMPARE(faultRules(*m_admin).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandbox_faults.moc"
