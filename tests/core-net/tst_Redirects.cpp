// T-SEC-03: a redirect to another origin must not carry the token there (real QNAM over loopback,
// two raw QTcpServers standing in for two hosts).
#include "auth/TokenAuthenticator.h"
#include "net/Transport.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <cstdio>
#include <functional>
#include <memory>

using namespace anadesk;

namespace {

// Answers every request with `respond(path)` and records the raw request heads.
class RawServer : public QTcpServer
{
public:
    std::function<QByteArray(const QByteArray &path)> respond;
    QList<QByteArray> heads;

    RawServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buffer->left(end);
                    buffer->remove(0, end + 4);
                    heads << head;
                    const QByteArray path = head.split(' ').value(1);
                    socket->write(respond(path));
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QUrl origin() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
};

QByteArray redirectTo(const QUrl &target)
{
    return "HTTP/1.1 302 Found\r\nLocation: " + target.toEncoded() + "\r\nContent-Length: 0\r\n\r\n";
}

QByteArray ok(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestRedirects : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crossOriginRedirectRefused();
    void sameOriginRedirectFollowed();
};

void TestRedirects::crossOriginRedirectRefused()
{
    RawServer other;
    RawServer api;
    QVERIFY(other.isListening() && api.isListening());
    other.respond = [](const QByteArray &) { return ok("{\"stolen\":true}"); };
    api.respond = [&](const QByteArray &) {
        return redirectTo(other.origin().resolved(QUrl(QStringLiteral("/landing"))));
    };

    Transport transport(Endpoints::singleOrigin(api.origin()), ClientOptions{});
    transport.setAuthenticator(
        std::make_shared<TokenAuthenticator>(QByteArrayLiteral("tok-REDIRECT-SECRET")));
    ApiRequest request;
    request.url = api.origin().resolved(QUrl(QStringLiteral("/2/0/workspaces")));
    std::unique_ptr<ApiReply> reply(transport.send(request));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000));
    QVERIFY(!reply->isOk());
    QCOMPARE(int(reply->error().category), int(ErrorCategory::Protocol));
    QCOMPARE(api.heads.size(), 1); // not retried
    QVERIFY(api.heads[0].contains("AnaplanAuthToken tok-REDIRECT-SECRET"));
    int leaked = 0;
    for (const QByteArray &head : other.heads)
        leaked += head.contains("tok-REDIRECT-SECRET") ? 1 : 0;
    QCOMPARE(other.heads.size(), 0);
    std::printf("FIGURE: T-SEC-03 credential_headers_seen_by_second_host=%d requests_to_second_host=%d\n",
                leaked, int(other.heads.size()));
}

void TestRedirects::sameOriginRedirectFollowed()
{
    RawServer api;
    api.respond = [&](const QByteArray &path) {
        return path == "/old" ? redirectTo(api.origin().resolved(QUrl(QStringLiteral("/new"))))
                              : ok("{\"ok\":1}");
    };
    Transport transport(Endpoints::singleOrigin(api.origin()), ClientOptions{});
    ApiRequest request;
    request.url = api.origin().resolved(QUrl(QStringLiteral("/old")));
    request.authenticated = false;
    std::unique_ptr<ApiReply> reply(transport.send(request));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 30'000));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->body(), QByteArray("{\"ok\":1}"));
    QCOMPARE(api.heads.size(), 2);
}

QTEST_GUILESS_MAIN(TestRedirects)
#include "tst_Redirects.moc"
