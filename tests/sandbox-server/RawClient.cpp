#include "RawClient.h"

#include <QDeadlineTimer>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anadesk::test {

RawClient::~RawClient()
{
    close();
}

QString RawClient::endName(End end)
{
    switch (end) {
    case End::Open:
        return QStringLiteral("open");
    case End::Fin:
        return QStringLiteral("FIN");
    case End::Reset:
        return QStringLiteral("RST");
    case End::Timeout:
        return QStringLiteral("timeout");
    case End::Error:
        return QStringLiteral("error");
    }
    return {};
}

bool RawClient::connectTo(const QUrl &origin, QString *error)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0) {
        *error = QStringLiteral("socket() failed: %1").arg(qt_error_string(errno));
        return false;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(origin.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        *error =
            QStringLiteral("connect() to port %1 failed: %2").arg(origin.port()).arg(qt_error_string(errno));
        close();
        return false;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    m_buffer.clear();
    m_end = End::Open;
    m_errno = 0;
    return true;
}

void RawClient::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool RawClient::sendAll(const QByteArray &data, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    qint64 sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            m_errno = errno;
            m_end = (errno == ECONNRESET || errno == EPIPE) ? End::Reset : End::Error;
            return false;
        }
        if (deadline.hasExpired()) {
            m_end = End::Timeout;
            return false;
        }
        pollfd entry{m_fd, POLLOUT, 0};
        ::poll(&entry, 1, int(qMin<qint64>(100, deadline.remainingTime())));
    }
    return true;
}

qint64 RawClient::receive(int timeoutMs)
{
    if (m_end != End::Open && m_end != End::Timeout)
        return 0;
    pollfd entry{m_fd, POLLIN, 0};
    const int ready = ::poll(&entry, 1, timeoutMs);
    if (ready == 0) {
        m_end = End::Timeout;
        return 0;
    }
    char block[64 * 1024];
    const ssize_t n = ::recv(m_fd, block, sizeof block, 0);
    if (n > 0) {
        m_end = End::Open;
        m_buffer.append(block, n);
        return n;
    }
    if (n == 0) {
        m_end = End::Fin;
    } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
        m_end = End::Open;
        return 0;
    } else {
        m_errno = errno;
        m_end = errno == ECONNRESET ? End::Reset : End::Error;
    }
    return 0;
}

bool RawClient::waitReadable(int timeoutMs)
{
    if (!m_buffer.isEmpty())
        return true;
    pollfd entry{m_fd, POLLIN, 0};
    return ::poll(&entry, 1, timeoutMs) > 0;
}

bool RawClient::readResponse(Response *response, int timeoutMs, bool headRequest)
{
    const QDeadlineTimer deadline(timeoutMs);
    auto fill = [&]() {
        if (deadline.hasExpired()) {
            m_end = End::Timeout;
            return false;
        }
        receive(int(qMax<qint64>(1, deadline.remainingTime())));
        return m_end == End::Open || (m_end == End::Timeout && !deadline.hasExpired());
    };
    qsizetype headEnd = -1;
    while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill())
            return false;
    }
    const QByteArray head = m_buffer.left(headEnd);
    m_buffer.remove(0, headEnd + 4);
    const QList<QByteArray> lines = head.split('\n');
    *response = Response();
    response->statusLine = lines.constFirst().trimmed();
    const QList<QByteArray> parts = response->statusLine.split(' ');
    response->status = parts.size() >= 2 ? parts.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response->headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                     lines.at(i).mid(colon + 1).trimmed());
    }
    if (response->status < 200 || response->status == 204 || response->status == 304 || headRequest)
        return true;
    const qint64 length = response->header("content-length").toLongLong();
    while (m_buffer.size() < length) {
        if (!fill()) {
            response->body = m_buffer; // the partial body belongs to the response now
            m_buffer.clear();
            return false;
        }
    }
    response->body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return true;
}

RawClient::End RawClient::readUntilEnd(QByteArray *collected, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_end == End::Fin || m_end == End::Reset || m_end == End::Error)
            break;
        if (deadline.hasExpired()) {
            m_end = End::Timeout;
            break;
        }
        receive(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    *collected += m_buffer;
    m_buffer.clear();
    return m_end;
}

} // namespace anadesk::test
