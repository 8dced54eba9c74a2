#pragma once
// A scripted, recording QNetworkAccessManager for fault tests — no sockets, no server.
// (The Nextcloud-test idea: override createRequest() and answer from a script.)
//
// Scripting — routes are matched by method and URL path pattern, newest route first:
//   FakeNetworkAccessManager nam;
//   nam.on("POST", "/token/authenticate").reply(FakeResponse::json(201, tokenBody));
//   nam.on("PUT", "/2/0/workspaces/*/models/*/files/*/chunks/2")
//       .reply(FakeResponse::http(503))            // 1st call
//       .reply(FakeResponse::http(503))            // 2nd call
//       .reply(FakeResponse::http(204));           // 3rd and every later call (last one repeats)
//   nam.on("GET", "/2/0/**").handle([](const RecordedRequest &r) { return FakeResponse::json(200, …); });
//   transport.setNetworkAccessManager(&nam);
// Patterns: '*' matches one path segment (or part of one), '**' any number of segments; a pattern
// starting with "http" is matched against the whole URL without query. Method "*" matches any.
// Unscripted requests get 599 with a JSON body naming the request (and count in unmatched()).
//
// Replies (FakeResponse):
//   http/json/text       status + headers + body, after delayMs (0: next event-loop turn)
//   hang()               never finishes until aborted (timeouts, cancel)
//   networkError(e)      no HTTP answer: refused, host not found, reset (QNetworkReply::NetworkError)
//   cutBody(s, b, n, e)  status + headers (Content-Length of the full body), n bytes, then error e
//                        (RemoteHostClosedError ≈ FIN, ConnectionRefused/…/UnknownNetworkError ≈ RST)
//   withHeader(), after(ms), withHeaders()
// Delays run on the FakeClock when one is set with setClock(), else on real QTimers.
//
// Recording: requests() lists every request (method, url, headers, body, clock time); count(method,
// pattern) counts matches; activeReplies() counts replies that will still finish on their own.
#include "FakeClock.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QUrl>
#include <functional>
#include <memory>

namespace anadesk::test {

struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // as sent (original case)
    QByteArray body;
    QNetworkRequest request; // as given to QNAM: attributes (timeouts, redirect policy, TLS) can be checked
    qint64 atMs = 0;         // FakeClock time when set, else wall-clock ms
    int sequence = 0;        // 0-based arrival order over the whole manager

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty if absent
    QString path() const { return url.path(); }
};

struct FakeResponse
{
    enum class Kind
    {
        Answer,
        Hang,
        NetworkError,
        CutBody
    };
    Kind kind = Kind::Answer;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 delayMs = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    qint64 cutAfterBytes = 0;

    static FakeResponse http(int status, const QByteArray &body = {}, const QByteArray &contentType = {});
    static FakeResponse json(int status, const QJsonObject &object);
    static FakeResponse json(int status, const QByteArray &jsonText);
    static FakeResponse text(int status, const QByteArray &text);
    static FakeResponse hang();
    static FakeResponse
    networkError(QNetworkReply::NetworkError error = QNetworkReply::ConnectionRefusedError);
    static FakeResponse cutBody(int status, const QByteArray &fullBody, qint64 afterBytes,
                                QNetworkReply::NetworkError error = QNetworkReply::RemoteHostClosedError);
    // Anaplan's error envelope {"status":{"code":…,"message":…}}.
    static FakeResponse anaplanError(int status, const QString &message);
    // An auth-service answer: {"status":"SUCCESS","tokenInfo":{"tokenValue":…,"expiresAt":…}}.
    static FakeResponse token(const QByteArray &tokenValue, qint64 expiresAtMs, int status = 201);

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
    FakeResponse &after(qint64 ms);
};

class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const RecordedRequest &request)>;

    class Route
    {
    public:
        Route &reply(const FakeResponse &response); // appended to this route's per-call sequence
        Route &handle(Handler handler);             // computed per call (takes precedence)
        int calls() const { return m_calls; }

    private:
        friend class FakeNetworkAccessManager;
        QByteArray m_method;
        QString m_pattern;
        QList<FakeResponse> m_sequence;
        Handler m_handler;
        int m_calls = 0;
    };

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);
    ~FakeNetworkAccessManager() override;

    Route &on(const QByteArray &method, const QString &pathPattern);
    void setClock(std::shared_ptr<FakeClock> clock) { m_clock = std::move(clock); }
    void clearRoutes();

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method = "*", const QString &pathPattern = QStringLiteral("**")) const;
    QList<RecordedRequest> matching(const QByteArray &method, const QString &pathPattern) const;
    int unmatched() const { return m_unmatched; }
    void clearRecords();

    // Replies that will finish through the event loop alone (not hanging, not waiting for the FakeClock).
    int activeReplies() const;
    int hangingReplies() const;
    int abortedReplies() const { return m_aborted; }

    static bool matches(const QString &pattern, const QUrl &url);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    friend class FakeReply;
    std::shared_ptr<FakeClock> m_clock;
    QList<std::shared_ptr<Route>> m_routes;
    QList<RecordedRequest> m_requests;
    QList<QPointer<QNetworkReply>> m_replies;
    int m_unmatched = 0;
    int m_aborted = 0;
};

} // namespace anadesk::test
