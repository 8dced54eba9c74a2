#include "LoopbackHttpProxy.h"

#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <atomic>

namespace anadesk::test {

namespace {

QByteArray basicCredentials(const QString &user, const QString &password)
{
    return user.isEmpty() ? QByteArray() : "Basic " + QByteArray(user.toUtf8() + ':' + password.toUtf8()).toBase64();
}

// Which Proxy-Authorization the proxy wants, shared by the test's thread and the proxy's: the credentials of
// requireCredentials(), replaced by later ones once enough requests were forwarded.
struct CredentialRule
{
    mutable QMutex mutex;
    QByteArray expected;
    QByteArray later;
    int laterAfter = -1; // forwarded requests before `later` applies; -1: never

    QByteArray expectedNow(int forwarded) const
    {
        QMutexLocker lock(&mutex);
        return laterAfter >= 0 && forwarded >= laterAfter ? later : expected;
    }
};

// One client connection: parses requests one after another; answers 407 itself (keeping the connection)
// or forwards the request with "Connection: close" and relays the origin's answer, then closes.
class ProxyConnection : public QObject
{
public:
    ProxyConnection(QTcpSocket *client, const CredentialRule *rule, std::atomic<int> *forwarded,
                    std::atomic<int> *rejected, QMutex *mutex, QStringList *log)
        : m_client(client)
        , m_rule(rule)
        , m_forwarded(forwarded)
        , m_rejected(rejected)
        , m_mutex(mutex)
        , m_log(log)
    {
        client->setParent(this);
        connect(client, &QTcpSocket::readyRead, this, &ProxyConnection::onClientData);
        connect(client, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

private:
    void onClientData()
    {
        m_buffer += m_client->readAll();
        while (!m_upstream) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = m_buffer.left(headEnd);
            const QList<QByteArray> lines = head.split('\n');
            qsizetype contentLength = 0;
            QByteArray auth;
            QList<QByteArray> keep;
            bool chunked = false;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    contentLength = value.toLongLong();
                else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                    chunked = true;
                if (name == "proxy-authorization")
                    auth = value;
                else if (name != "proxy-connection" && name != "connection" && name != "keep-alive")
                    keep << line;
            }
            if (m_buffer.size() < headEnd + 4 + contentLength)
                return; // wait for the whole body
            const QByteArray body = m_buffer.mid(headEnd + 4, contentLength);
            m_buffer.remove(0, headEnd + 4 + contentLength);
            const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
            if (requestLine.size() != 3 || requestLine.at(0) == "CONNECT" || chunked) {
                answer("501 Not Implemented", {});
                m_client->disconnectFromHost();
                return;
            }
            const QByteArray expectedAuth = m_rule->expectedNow(m_forwarded->load());
            if (!expectedAuth.isEmpty() && auth != expectedAuth) {
                ++*m_rejected;
                answer("407 Proxy Authentication Required",
                       "Proxy-Authenticate: Basic realm=\"anadesk-test-proxy\"\r\n");
                continue; // the client may retry on this connection
            }
            const QUrl target(QString::fromLatin1(requestLine.at(1)));
            if (!target.isValid() || target.scheme() != QLatin1String("http") || target.host().isEmpty()) {
                answer("400 Bad Request", {});
                m_client->disconnectFromHost();
                return;
            }
            QByteArray originPath = target.path(QUrl::FullyEncoded).toLatin1();
            if (originPath.isEmpty())
                originPath = "/";
            if (target.hasQuery())
                originPath += '?' + target.query(QUrl::FullyEncoded).toLatin1();
            {
                QMutexLocker lock(m_mutex);
                m_log->append(QString::fromLatin1(requestLine.at(0) + ' ' + originPath));
            }
            ++*m_forwarded;
            QByteArray out = requestLine.at(0) + ' ' + originPath + ' ' + requestLine.at(2) + "\r\n";
            for (const QByteArray &line : std::as_const(keep))
                out += line + "\r\n";
            out += "Connection: close\r\n\r\n" + body;
            m_upstream = new QTcpSocket(this);
            connect(m_upstream, &QTcpSocket::connected, this, [this, out] { m_upstream->write(out); });
            connect(m_upstream, &QTcpSocket::readyRead, this, [this] { m_client->write(m_upstream->readAll()); });
            auto finish = [this] {
                if (m_upstream)
                    m_client->write(m_upstream->readAll());
                m_client->flush();
                m_client->disconnectFromHost();
            };
            connect(m_upstream, &QTcpSocket::disconnected, this, finish);
            connect(m_upstream, &QTcpSocket::errorOccurred, this, [this, finish](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError && m_upstream->bytesAvailable() == 0)
                    answer("502 Bad Gateway", {});
                finish();
            });
            m_upstream->connectToHost(target.host(), quint16(target.port(80)));
        }
    }

    void answer(const QByteArray &status, const QByteArray &extraHeaders)
    {
        m_client->write("HTTP/1.1 " + status + "\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n");
    }

    QTcpSocket *m_client;
    QPointer<QTcpSocket> m_upstream;
    QByteArray m_buffer;
    const CredentialRule *m_rule;
    std::atomic<int> *m_forwarded;
    std::atomic<int> *m_rejected;
    QMutex *m_mutex;
    QStringList *m_log;
};

} // namespace

struct LoopbackHttpProxy::Private
{
    QThread thread;
    QObject *worker = nullptr;    // moved to `thread`; the server is its child
    QTcpServer *server = nullptr; // lives in `thread`
    CredentialRule rule;
    quint16 port = 0;
    std::atomic<int> forwarded{0};
    std::atomic<int> rejected{0};
    mutable QMutex mutex;
    QStringList log;
};

LoopbackHttpProxy::LoopbackHttpProxy()
    : d(std::make_unique<Private>())
{}

LoopbackHttpProxy::~LoopbackHttpProxy()
{
    if (d->thread.isRunning()) {
        // The server and its connections are deleted on their own thread.
        QMetaObject::invokeMethod(
            d->worker, [this] { delete d->server; }, Qt::BlockingQueuedConnection);
        d->thread.quit();
        d->thread.wait(10'000);
    }
    delete d->worker;
}

void LoopbackHttpProxy::requireCredentials(const QString &user, const QString &password)
{
    QMutexLocker lock(&d->rule.mutex);
    d->rule.expected = basicCredentials(user, password);
}

void LoopbackHttpProxy::requireCredentialsAfter(int forwardedRequests, const QString &user, const QString &password)
{
    QMutexLocker lock(&d->rule.mutex);
    d->rule.later = basicCredentials(user, password);
    d->rule.laterAfter = qMax(0, forwardedRequests);
}

bool LoopbackHttpProxy::start()
{
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("LoopbackHttpProxy"));
    d->thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        d->worker,
        [this, &ok] {
            d->server = new QTcpServer(d->worker);
            QObject::connect(d->server, &QTcpServer::newConnection, d->server, [this] {
                while (QTcpSocket *socket = d->server->nextPendingConnection()) {
                    auto *connection =
                        new ProxyConnection(socket, &d->rule, &d->forwarded, &d->rejected, &d->mutex, &d->log);
                    connection->setParent(d->server);
                }
            });
            ok = d->server->listen(QHostAddress::LocalHost, 0);
            d->port = d->server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

quint16 LoopbackHttpProxy::port() const
{
    return d->port;
}

int LoopbackHttpProxy::forwardedCount() const
{
    return d->forwarded.load();
}

int LoopbackHttpProxy::rejectedCount() const
{
    return d->rejected.load();
}

QStringList LoopbackHttpProxy::forwarded() const
{
    QMutexLocker lock(&d->mutex);
    return d->log;
}

void LoopbackHttpProxy::reset()
{
    QMutexLocker lock(&d->mutex);
    d->log.clear();
    d->forwarded = 0;
    d->rejected = 0;
}

} // namespace anadesk::test
