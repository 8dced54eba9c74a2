#pragma once
// Pure parsing helpers of the sandbox's HTTP/1.1 server: no sockets, so they are easy to test and reason
// about. Every function reports what was wrong in words a client developer can act on.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace sandbox::http {

struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1;                  // HTTP/1.<minor>
    QHash<QByteArray, QByteArray> headers; // names lower-case; repeated headers joined with ", "
};

// Parses the request line and header fields (the bytes up to and including the empty line).
// Returns an empty string on success, else a description of the defect.
QString parseRequestHead(const QByteArray &head, RequestHead *out);

// Splits an origin-form (or absolute-form) target into percent-decoded path segments (each decoded on its
// own, so "%2F" stays inside its segment) and the raw query. Returns an error description or empty.
QString splitTarget(const QByteArray &target, QStringList *segments, QUrlQuery *query);

// The request body framing announced by the head.
struct BodyFraming
{
    enum Kind
    {
        None,
        Length,
        Chunked
    } kind = None;
    qint64 length = 0;
};
QString bodyFraming(const RequestHead &head, BodyFraming *out);

// Parses a chunk-size line ("1a2b;ext=1") without its CRLF; -1 when malformed.
qint64 parseChunkSize(const QByteArray &line);

QByteArray reasonPhrase(int status);

// Glob match of one path segment: '*' any run of characters, '?' one character.
bool segmentGlobMatches(QStringView pattern, QStringView segment);
// Glob match of a whole path: pattern segments as above, and a "**" segment matching any number of segments.
bool pathGlobMatches(const QStringList &patternSegments, const QStringList &segments);

} // namespace sandbox::http
