#pragma once
// One fault-injection rule of the sandbox: which requests it hits (method + path glob), how often, and
// what goes wrong on the wire. The JSON form is documented in docs/sandbox.md ("Fault injection").
#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace sandbox {

enum class FaultKind
{
    Status,       // answer with a chosen status (and body / Retry-After) instead of running the handler
    Latency,      // wait `ms` before handling the request normally
    CloseMidBody, // full Content-Length, part of the body, then FIN
    Reset,        // RST after `afterBytes` of the request body were read, or of the response body sent
    TruncateJson, // valid framing of a cut body (Content-Length matches the cut), connection stays usable
    Hang,         // stop reading and writing; keep the socket open until the client gives up
    ShortBody,    // whole body sent but Content-Length announces `extraBytes` more, then FIN
    ExpireToken,  // invalidate the caller's token before handling (the request then gets 401)
};

enum class FaultPhase
{
    Request,  // while reading the request body (the handler never runs)
    Response, // while sending the response (the handler has run: an "ambiguous outcome")
};

struct FaultRule
{
    int id = 0;
    QByteArray method;        // upper-case; empty: any method
    QString path;             // glob as given; empty: any path
    QStringList pathSegments; // path split on '/', "*" / "?" inside a segment, "**" for any segments
    FaultKind kind = FaultKind::Status;
    int times = 1; // -1: unlimited

    int status = 503;      // status
    QJsonValue body;       // status: object/array sent as JSON, string sent as text; undefined: v2 error
    QByteArray retryAfter; // status: Retry-After value, sent verbatim (seconds, HTTP-date or garbage)
    int ms = 0;            // latency: delay; hang: how long to hold (0: until the client or server quits)
    FaultPhase phase = FaultPhase::Request; // reset, hang
    qint64 afterBytes = -1; // reset/hang: bytes first (default 0); close-mid-body/truncate-json: default half
    qint64 extraBytes = 1024; // short-body: how many bytes more Content-Length announces than are sent

    // Parses and validates one rule; on failure returns false with *error saying which field is wrong.
    static bool fromJson(const QJsonObject &object, FaultRule *rule, QString *error);
    QJsonObject toJson() const;
    bool matches(const QByteArray &requestMethod, const QStringList &segments) const;

    static QString kindName(FaultKind kind);
};

} // namespace sandbox
