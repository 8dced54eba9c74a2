#pragma once
// What a job asks the transport to send. Plain data: the transport adds the token,
// timeouts, retries and logging.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <memory>

namespace anadesk {

class ReplyBodySink;

enum class Idempotency
{
    Safe,         // GET/PUT/DELETE and other repeatable requests: retried on transport errors and 5xx
    NotRepeatable // may already have been applied (POST …/tasks, list inserts): never re-sent blindly
};

struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QByteArray contentType; // empty: no Content-Type header
    QByteArray accept;      // empty: application/json
    QByteArray body;        // bodies here are at most one chunk (≤ 50 MB)
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    bool authenticated = true; // adds "Authorization: AnaplanAuthToken <token>"
    Idempotency idempotency = Idempotency::Safe;
    int timeoutMs = -1; // idle transfer timeout; -1 = the connection's default
    QString object;     // for error messages: "export 116000000001 'Grid.csv'"
    // Optional: a 2xx body goes here piece by piece instead of into ApiReply::body() (chunk downloads).
    std::shared_ptr<ReplyBodySink> bodySink;
};

} // namespace anadesk
