// The sandbox's HTTP/1.1 layer on the wire, against the real anadesk-sandbox binary on loopback:
// keep-alive, pipelining, 100-continue, large and chunked bodies, concurrency, HEAD, 404/405/400/413
// JSON bodies, idle timeout and clean shutdown on SIGTERM.
#include "HttpProbe.h"
#include "RawClient.h"
#include "SandboxProcess.h"
#include "TestUtil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <memory>

using namespace anadesk::test;

namespace {
QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(i);
    return bytes;
}

QByteArray simpleRequest(const QByteArray &method, const QByteArray &target, const QByteArray &extra = {})
{
    return method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}
} // namespace

class TestSandboxHttp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpProbe> m_probe;

private Q_SLOTS:
    void initTestCase()
    {
        // A small body limit keeps the 413 tests quick; 48 MB still allows the large-body checks.
        m_sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--max-request-body"), QStringLiteral("48000000")});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_probe = std::make_unique<HttpProbe>(m_sandbox->url());
    }

    void cleanupTestCase()
    {
        m_probe.reset();
        m_sandbox.reset();
    }

    void init() { QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/faults")).status, 204); }

    void unknownPathIs404WithV2Json()
    {
        const ProbeReply reply = m_probe->get(QStringLiteral("/no/such/thing"));
        QCOMPARE(reply.status, 404);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonObject status = reply.json().value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 404);
        QVERIFY(
            status.value(QStringLiteral("message")).toString().contains(QStringLiteral("/no/such/thing")));
        QCOMPARE(reply.json().value(QStringLiteral("path")).toString(), QStringLiteral("/no/such/thing"));
    }

    void wrongMethodIs405WithAllowAndJson()
    {
        const ProbeReply reply = m_probe->request("DELETE", QStringLiteral("/token/authenticate"));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.header("Allow"), QByteArray("POST"));
        QCOMPARE(
            reply.json().value(QStringLiteral("status")).toObject().value(QStringLiteral("code")).toInt(),
            405);
    }

    void keepAliveConnectionIsReused()
    {
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QCOMPARE(m_probe->request("DELETE", QStringLiteral("/__sandbox/requests")).status, 204);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(client.sendAll(simpleRequest("GET", "/keepalive/" + QByteArray::number(i))));
            RawClient::Response response;
            QVERIFY2(client.readResponse(&response), qPrintable(RawClient::endName(client.end())));
            QCOMPARE(response.status, 404);
            QVERIFY(response.header("connection").isEmpty()); // not "close"
        }
        // The request log numbers connections: all five arrived on one.
        QSet<qint64> connections;
        const QJsonArray log = requestLog(*m_probe);
        for (const QJsonValue &entry : log) {
            if (entry.toObject()
                    .value(QStringLiteral("path"))
                    .toString()
                    .startsWith(QStringLiteral("/keepalive/")))
                connections.insert(entry.toObject().value(QStringLiteral("connection")).toInteger());
        }
        QCOMPARE(connections.size(), 1);
        figure(QStringLiteral("keepalive_requests_on_one_connection=5"));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        const QByteArray body = "pipelined body";
        QVERIFY(client.sendAll(simpleRequest("POST", "/__sandbox/echo",
                                             "Content-Length: " + QByteArray::number(body.size()) + "\r\n") +
                               body + simpleRequest("GET", "/first-404") +
                               simpleRequest("GET", "/second-404")));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 200);
        QCOMPARE(QJsonDocument::fromJson(response.body)
                     .object()
                     .value(QStringLiteral("sha256"))
                     .toString()
                     .toLatin1(),
                 sha256Hex(body));
        QVERIFY(client.readResponse(&response));
        QVERIFY(response.body.contains("/first-404"));
        QVERIFY(client.readResponse(&response));
        QVERIFY(response.body.contains("/second-404"));
    }

    void connectionCloseIsHonoured()
    {
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(simpleRequest("GET", "/bye", "Connection: close\r\n")));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QByteArray rest;
        QCOMPARE(client.readUntilEnd(&rest, 10'000), RawClient::End::Fin);
        QVERIFY(rest.isEmpty());
    }

    void expect100ContinueIsAnsweredAtOnce()
    {
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        const QByteArray body = randomBytes(2'000'000, 7);
        QVERIFY(
            client.sendAll(simpleRequest("PUT", "/__sandbox/echo",
                                         "Expect: 100-continue\r\nContent-Type: application/octet-stream\r\n"
                                         "Content-Length: " +
                                             QByteArray::number(body.size()) + "\r\n")));
        // Nothing of the body was sent: the interim response must come on its own.
        QElapsedTimer timer;
        timer.start();
        RawClient::Response interim;
        QVERIFY2(client.readResponse(&interim, 10'000), qPrintable(RawClient::endName(client.end())));
        QCOMPARE(interim.status, 100);
        figure(QStringLiteral("continue_latency_ms=%1").arg(timer.elapsed()));
        QVERIFY(client.sendAll(body));
        RawClient::Response final;
        QVERIFY(client.readResponse(&final));
        QCOMPARE(final.status, 200);
        const QJsonObject echo = QJsonDocument::fromJson(final.body).object();
        QCOMPARE(echo.value(QStringLiteral("bytes")).toInteger(), body.size());
        QCOMPARE(echo.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(body));
    }

    void curlUploadsWithoutTheExpectStall()
    {
        // curl sends "Expect: 100-continue" for bodies over 1 MB and waits 1 s if the server stays silent.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray body = randomBytes(3'000'000, 3);
        QFile file(dir.filePath(QStringLiteral("upload.bin")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        file.close();
        QProcess curl;
        curl.start(QStringLiteral("curl"),
                   {QStringLiteral("-sS"), QStringLiteral("-v"), QStringLiteral("-T"), file.fileName(),
                    m_sandbox->url().toString() + QStringLiteral("/__sandbox/echo")});
        if (!curl.waitForStarted(5'000))
            QSKIP("curl is not installed");
        QVERIFY(curl.waitForFinished(30'000));
        QCOMPARE(curl.exitCode(), 0);
        const QByteArray trace = curl.readAllStandardError();
        QVERIFY2(trace.contains("Expect: 100-continue"), trace.constData());
        QVERIFY2(trace.contains("HTTP/1.1 100 Continue"), trace.constData());
        QCOMPARE(QJsonDocument::fromJson(curl.readAllStandardOutput())
                     .object()
                     .value(QStringLiteral("sha256"))
                     .toString()
                     .toLatin1(),
                 sha256Hex(body));
    }

    void largeUploadArrivesIntact()
    {
        const QByteArray body = randomBytes(40'000'000, 11);
        QElapsedTimer timer;
        timer.start();
        const ProbeReply reply = m_probe->request("PUT", QStringLiteral("/__sandbox/echo"), body,
                                                  {{"Content-Type", "application/octet-stream"}}, 120'000);
        const qint64 ms = qMax<qint64>(1, timer.elapsed());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("bytes")).toInteger(), body.size());
        QCOMPARE(reply.json().value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(body));
        figure(QStringLiteral("qnam_upload_40MB_ms=%1 MBps=%2").arg(ms).arg(40'000.0 / ms, 0, 'f', 1));
    }

    void chunkedUploadArrivesIntact()
    {
        const QByteArray body = randomBytes(5'000'000, 5);
        QByteArray wire;
        QRandomGenerator sizes(17);
        for (qint64 at = 0; at < body.size();) {
            const qint64 size = qMin<qint64>(body.size() - at, 1 + sizes.bounded(200'000));
            wire += QByteArray::number(size, 16) + (at == 0 ? ";ext=1" : "") + "\r\n" + body.mid(at, size) +
                    "\r\n";
            at += size;
        }
        wire += "0\r\nX-Trailer: yes\r\n\r\n";
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(simpleRequest("POST", "/__sandbox/echo", "Transfer-Encoding: chunked\r\n") +
                               wire));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 200);
        const QJsonObject echo = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(echo.value(QStringLiteral("bytes")).toInteger(), body.size());
        QCOMPARE(echo.value(QStringLiteral("sha256")).toString().toLatin1(), sha256Hex(body));
        // The connection stays usable after a chunked body.
        QVERIFY(client.sendAll(simpleRequest("GET", "/after-chunked")));
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 404);
    }

    void largeDownloadIsStreamedIntact()
    {
        const qint64 size = 200'000'000;
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(client.sendAll(
            simpleRequest("GET", "/__sandbox/blob?bytes=" + QByteArray::number(size) + "&seed=9")));
        RawClient::Response response;
        QVERIFY2(client.readResponse(&response, 120'000), qPrintable(RawClient::endName(client.end())));
        const qint64 ms = qMax<qint64>(1, timer.elapsed());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-length").toLongLong(), size);
        QCOMPARE(response.body.size(), size);
        // The pattern repeats every 65521 bytes; check the start, a period boundary and the end.
        QCOMPARE(response.body.left(100'000), patternBytes(0, 100'000, 9));
        QCOMPARE(response.body.mid(size - 70'000), patternBytes(size - 70'000, 70'000, 9));
        figure(QStringLiteral("raw_download_200MB_ms=%1 MBps=%2").arg(ms).arg(200'000.0 / ms, 0, 'f', 1));
    }

    void headSendsLengthButNoBody()
    {
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(simpleRequest("HEAD", "/__sandbox/blob?bytes=123456")));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response, 10'000, true));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("content-length"), QByteArray("123456"));
        // If a body had been sent, it would be read here as the next response's head.
        QVERIFY(client.sendAll(simpleRequest("GET", "/after-head")));
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 404);
        QVERIFY(response.body.contains("/after-head"));
    }

    void requestsAreHandledConcurrently()
    {
        // Four requests wait on one barrier: it opens only if all four are being handled at once.
        const int parties = 4;
        std::vector<std::unique_ptr<RawClient>> clients;
        QString error;
        for (int i = 0; i < parties; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY2(clients.back()->connectTo(m_sandbox->url(), &error), qPrintable(error));
            QVERIFY(clients.back()->sendAll(
                simpleRequest("GET", "/__sandbox/barrier?name=concurrency&parties=4&timeoutMs=20000")));
        }
        for (auto &client : clients) {
            RawClient::Response response;
            QVERIFY(client->readResponse(&response, 30'000));
            QCOMPARE(response.status, 200);
        }
        figure(QStringLiteral("concurrent_requests_released_together=%1").arg(parties));
    }

    void parallelUploadsThroughQnam()
    {
        // QNAM opens up to six connections to one host; every body must arrive intact.
        QNetworkAccessManager manager;
        QList<QByteArray> bodies;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 8; ++i) {
            bodies.append(randomBytes(4'000'000 + i, 100 + i));
            QNetworkRequest request(QUrl(m_sandbox->url().toString() + QStringLiteral("/__sandbox/echo")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
            replies.append(manager.put(request, bodies.constLast()));
        }
        QVERIFY(waitUntil(
            [&] {
                return std::all_of(replies.cbegin(), replies.cend(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            60'000));
        for (int i = 0; i < replies.size(); ++i) {
            QCOMPARE(replies[i]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            QCOMPARE(QJsonDocument::fromJson(replies[i]->readAll())
                         .object()
                         .value(QStringLiteral("sha256"))
                         .toString()
                         .toLatin1(),
                     sha256Hex(bodies[i]));
            replies[i]->deleteLater();
        }
    }

    void malformedRequestsGet400Json_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n");
        QTest::newRow("bad percent") << QByteArray("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n");
        QTest::newRow("length and chunked") << QByteArray(
            "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTest::newRow("bad chunk size") << QByteArray(
            "POST /__sandbox/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::newRow("chunk without CRLF")
            << QByteArray("POST /__sandbox/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "3\r\nabcdef\r\n0\r\n\r\n");
        QTest::newRow("bad length") << QByteArray(
            "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n");
    }
    void malformedRequestsGet400Json()
    {
        QFETCH(QByteArray, wire);
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(wire));
        RawClient::Response response;
        QVERIFY2(client.readResponse(&response), qPrintable(RawClient::endName(client.end())));
        QCOMPARE(response.status, 400);
        const QJsonObject status =
            QJsonDocument::fromJson(response.body).object().value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 400);
        QVERIFY(status.value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Malformed HTTP request")));
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QByteArray rest;
        QCOMPARE(client.readUntilEnd(&rest, 10'000), RawClient::End::Fin);
    }

    void oversizedBodiesGet413()
    {
        // Announced too large: refused before any body byte is read, even with 100-continue.
        RawClient client;
        QString error;
        QVERIFY2(client.connectTo(m_sandbox->url(), &error), qPrintable(error));
        QVERIFY(client.sendAll(
            simpleRequest("PUT", "/__sandbox/echo", "Expect: 100-continue\r\nContent-Length: 48000001\r\n")));
        RawClient::Response response;
        QVERIFY(client.readResponse(&response));
        QCOMPARE(response.status, 413);
        QCOMPARE(QJsonDocument::fromJson(response.body)
                     .object()
                     .value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
                 413);

        // Chunked: discovered while reading.
        RawClient chunked;
        QVERIFY2(chunked.connectTo(m_sandbox->url(), &error), qPrintable(error));
        const QByteArray piece(1'000'000, 'x');
        QByteArray wire = simpleRequest("POST", "/__sandbox/echo", "Transfer-Encoding: chunked\r\n");
        QVERIFY(chunked.sendAll(wire));
        bool answered = false;
        for (int i = 0; i < 60 && !answered; ++i) {
            if (!chunked.sendAll(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n", 10'000))
                break; // the server has answered and closed
            answered = chunked.waitReadable(0);
        }
        QVERIFY(chunked.readResponse(&response, 10'000));
        QCOMPARE(response.status, 413);
    }

    void percentEncodedSlashStaysInItsSegment()
    {
        // A rule for "/seg/*" (one segment) must hit "/seg/a%2Fb" but not "/seg/a/b".
        const int id =
            addFault(*m_probe, QJsonObject{{QStringLiteral("kind"), QStringLiteral("status")},
                                           {QStringLiteral("status"), 409},
                                           {QStringLiteral("path"), QStringLiteral("/seg/*")},
                                           {QStringLiteral("times"), QStringLiteral("unlimited")}});
        QVERIFY(id > 0);
        QCOMPARE(m_probe->get(QStringLiteral("/seg/a%2Fb")).status, 409);
        QCOMPARE(m_probe->get(QStringLiteral("/seg/a/b")).status, 404);
        QCOMPARE(faultById(*m_probe, id).value(QStringLiteral("fired")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "tst_sandbox_http.moc"
