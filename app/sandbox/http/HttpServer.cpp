#include "HttpServer.h"

#include "HttpConnection.h"

#include <QThread>
#include <QTimer>
#include <algorithm>

namespace sandbox {

HttpServer::HttpServer(HttpServerOptions options, HttpServerHooks hooks, QObject *parent)
    : QTcpServer(parent)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->options = options;
    m_shared->hooks = std::move(hooks);
    setMaxPendingConnections(256);
    // Finished connection threads are joined and freed now and then, not only when a new one arrives.
    m_reapTimer = new QTimer(this);
    m_reapTimer->setInterval(2'000);
    connect(m_reapTimer, &QTimer::timeout, this, &HttpServer::reapFinishedThreads);
    m_reapTimer->start();
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::stop()
{
    close();
    m_shared->stopping.store(true);
    bool allJoined = true;
    for (auto &thread : m_threads) {
        // Connection threads look at `stopping` at least every 200 ms, whatever they wait for; only a handler
        // that blocks (there is none that long) could keep one busy.
        if (!thread->wait(10'000)) {
            qWarning("anadesk-sandbox: a connection thread did not finish within 10 s; leaving it");
            (void)thread.release(); // destroying a running QThread would abort the process
            allJoined = false;
        }
    }
    m_threads.clear();
    return allJoined;
}

int HttpServer::connectionCount() const
{
    return m_shared->activeConnections.load();
}

void HttpServer::reapFinishedThreads()
{
    m_threads.erase(std::remove_if(m_threads.begin(), m_threads.end(),
                                   [](const std::unique_ptr<QThread> &t) {
                                       if (!t->isFinished())
                                           return false;
                                       t->wait();
                                       return true;
                                   }),
                    m_threads.end());
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    reapFinishedThreads();
    if (m_shared->stopping.load()) {
        HttpConnection::refuse(descriptor, false);
        return;
    }
    if (m_shared->activeConnections.load() >= m_shared->options.maxConnections) {
        HttpConnection::refuse(descriptor, true);
        return;
    }
    m_shared->activeConnections.fetch_add(1);
    std::shared_ptr<Shared> shared = m_shared;
    std::unique_ptr<QThread> thread(QThread::create([shared, descriptor] {
        {
            HttpConnection connection(*shared, descriptor);
            connection.run();
        }
        shared->activeConnections.fetch_sub(1);
    }));
    thread->setObjectName(QStringLiteral("sandbox-connection"));
    thread->start();
    m_threads.push_back(std::move(thread));
}

} // namespace sandbox
