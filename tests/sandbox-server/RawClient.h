#pragma once
// A deliberately low-level HTTP client on a plain POSIX socket, for tests that must see the wire exactly:
// 100-continue, pipelining, and how a connection ended (FIN vs RST vs silence). Every wait has a timeout.
#include <QByteArray>
#include <QHash>
#include <QUrl>

namespace anadesk::test {

class RawClient
{
public:
    enum class End
    {
        Open,
        Fin,
        Reset,
        Timeout,
        Error
    };

    struct Response
    {
        int status = 0;
        QByteArray statusLine;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    RawClient() = default;
    ~RawClient();
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    bool connectTo(const QUrl &origin, QString *error);
    bool sendAll(const QByteArray &data, int timeoutMs = 10'000);
    // Reads one response (head, then a Content-Length body unless `headRequest` or bodiless). A 1xx
    // response is returned as such (its own head only). False when the connection ended or timed out
    // first: see end() and the partial data in pending().
    bool readResponse(Response *response, int timeoutMs = 10'000, bool headRequest = false);
    // Reads until the server closes (FIN), resets (RST) or `timeoutMs` passes; returns how it ended.
    End readUntilEnd(QByteArray *collected, int timeoutMs);
    // Waits at most `timeoutMs` for any byte; true if something arrived (or the connection ended).
    bool waitReadable(int timeoutMs);

    void close();
    End end() const { return m_end; }
    int lastErrno() const { return m_errno; }
    QByteArray pending() const { return m_buffer; }
    int descriptor() const { return m_fd; }

    static QString endName(End end);

private:
    // Appends what arrives within timeoutMs to m_buffer; returns bytes read (0 when ended or timed out).
    qint64 receive(int timeoutMs);

    int m_fd = -1;
    QByteArray m_buffer;
    End m_end = End::Open;
    int m_errno = 0;
};

} // namespace anadesk::test
