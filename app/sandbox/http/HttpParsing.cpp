#include "HttpParsing.h"

namespace sandbox::http {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes strictly: a '%' must start two hex digits.
bool percentDecode(QByteArrayView encoded, QByteArray *decoded)
{
    decoded->clear();
    decoded->reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded[i];
        if (c != '%') {
            decoded->append(c);
            continue;
        }
        if (i + 2 >= encoded.size())
            return false;
        const int high = hexValue(encoded[i + 1]);
        const int low = hexValue(encoded[i + 2]);
        if (high < 0 || low < 0)
            return false;
        decoded->append(char(high * 16 + low));
        i += 2;
    }
    return true;
}

} // namespace

QString parseRequestHead(const QByteArray &head, RequestHead *out)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return QStringLiteral("the request has no request line");

    const QList<QByteArray> parts = lines.constFirst().split(' ');
    if (parts.size() != 3)
        return QStringLiteral("the request line must be 'METHOD target HTTP/1.1'");
    if (!isToken(parts.at(0)))
        return QStringLiteral("the method '%1' is not a valid HTTP token")
            .arg(QString::fromLatin1(parts.at(0)));
    if (parts.at(1).isEmpty())
        return QStringLiteral("the request target is empty");
    for (char c : parts.at(1)) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return QStringLiteral("the request target contains a control, space or non-ASCII byte; "
                                  "percent-encode it");
    }
    if (parts.at(2) == "HTTP/1.1")
        out->minorVersion = 1;
    else if (parts.at(2) == "HTTP/1.0")
        out->minorVersion = 0;
    else
        return QStringLiteral("unsupported protocol version '%1' (HTTP/1.1 expected)")
            .arg(QString::fromLatin1(parts.at(2).left(20)));
    out->method = parts.at(0);
    out->target = parts.at(1);
    out->headers.clear();

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return QStringLiteral("obsolete header line folding is not accepted (RFC 9112 §5.2)");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return QStringLiteral("header line %1 has no 'name:'").arg(i);
        const QByteArray name = line.left(colon).toLower();
        if (!isToken(name))
            return QStringLiteral("header name '%1' is not a valid token (no spaces before the colon)")
                .arg(QString::fromLatin1(name.left(40)));
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && out->headers.contains(name) && out->headers.value(name) != value)
            return QStringLiteral("conflicting Content-Length headers");
        auto existing = out->headers.find(name);
        if (existing == out->headers.end())
            out->headers.insert(name, value);
        else if (name != "content-length")
            existing.value() += ", " + value;
    }
    if (out->minorVersion == 1 && !out->headers.contains("host"))
        return QStringLiteral("an HTTP/1.1 request needs a Host header");
    return {};
}

QString splitTarget(const QByteArray &target, QStringList *segments, QUrlQuery *query)
{
    QByteArray pathAndQuery = target;
    if (!pathAndQuery.startsWith('/')) {
        // absolute-form ("http://host:port/path"), which proxies send
        const qsizetype scheme = pathAndQuery.indexOf("://");
        if (scheme <= 0)
            return QStringLiteral("the request target must start with '/'");
        const qsizetype pathStart = pathAndQuery.indexOf('/', scheme + 3);
        pathAndQuery = pathStart < 0 ? QByteArray("/") : pathAndQuery.mid(pathStart);
    }
    const qsizetype fragment = pathAndQuery.indexOf('#');
    if (fragment >= 0)
        pathAndQuery.truncate(fragment);
    const qsizetype queryStart = pathAndQuery.indexOf('?');
    const QByteArray rawPath = queryStart < 0 ? pathAndQuery : pathAndQuery.left(queryStart);
    const QByteArray rawQuery = queryStart < 0 ? QByteArray() : pathAndQuery.mid(queryStart + 1);

    segments->clear();
    const QList<QByteArray> rawSegments = rawPath.mid(1).split('/');
    QByteArray decoded;
    for (const QByteArray &raw : rawSegments) {
        if (!percentDecode(raw, &decoded))
            return QStringLiteral("bad percent-encoding in path segment '%1'").arg(QString::fromLatin1(raw));
        segments->append(QString::fromUtf8(decoded));
    }
    if (segments->size() == 1 && segments->constFirst().isEmpty())
        segments->clear(); // "/" itself
    // Keep the query as received; HttpRequest::queryValue decodes values on demand.
    *query = QUrlQuery();
    query->setQuery(QString::fromLatin1(rawQuery));
    return {};
}

QString bodyFraming(const RequestHead &head, BodyFraming *out)
{
    const QByteArray transferEncoding = head.headers.value("transfer-encoding").trimmed().toLower();
    const bool hasLength = head.headers.contains("content-length");
    if (!transferEncoding.isEmpty()) {
        if (hasLength)
            return QStringLiteral("a request may not carry both Content-Length and Transfer-Encoding");
        if (transferEncoding != "chunked")
            return QStringLiteral("unsupported Transfer-Encoding '%1' (only 'chunked' is accepted)")
                .arg(QString::fromLatin1(transferEncoding.left(40)));
        out->kind = BodyFraming::Chunked;
        out->length = -1;
        return {};
    }
    if (hasLength) {
        const QByteArray text = head.headers.value("content-length");
        bool ok = !text.isEmpty();
        for (char c : text)
            ok = ok && c >= '0' && c <= '9';
        const qint64 length = ok && text.size() <= 18 ? text.toLongLong(&ok) : -1;
        if (!ok || length < 0)
            return QStringLiteral("Content-Length '%1' is not a non-negative decimal number")
                .arg(QString::fromLatin1(text.left(40)));
        out->kind = length > 0 ? BodyFraming::Length : BodyFraming::None;
        out->length = length;
        return {};
    }
    out->kind = BodyFraming::None;
    out->length = 0;
    return {};
}

qint64 parseChunkSize(const QByteArray &line)
{
    QByteArray size = line;
    const qsizetype extension = size.indexOf(';');
    if (extension >= 0)
        size.truncate(extension);
    size = size.trimmed();
    if (size.isEmpty() || size.size() > 15)
        return -1;
    qint64 value = 0;
    for (char c : size) {
        const int digit = hexValue(c);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 424:
        return "Failed Dependency";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool segmentGlobMatches(QStringView pattern, QStringView segment)
{
    // Iterative wildcard match with single backtracking point (linear for '*'-only patterns).
    qsizetype p = 0, s = 0, starP = -1, starS = 0;
    while (s < segment.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == segment[s])) {
            ++p;
            ++s;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starS = s;
        } else if (starP >= 0) {
            p = starP + 1;
            s = ++starS;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

namespace {
bool pathGlobFrom(const QStringList &pattern, qsizetype p, const QStringList &segments, qsizetype s)
{
    while (p < pattern.size()) {
        if (pattern.at(p) == QLatin1String("**")) {
            for (qsizetype skip = s; skip <= segments.size(); ++skip) {
                if (pathGlobFrom(pattern, p + 1, segments, skip))
                    return true;
            }
            return false;
        }
        if (s >= segments.size() || !segmentGlobMatches(pattern.at(p), segments.at(s)))
            return false;
        ++p;
        ++s;
    }
    return s == segments.size();
}
} // namespace

bool pathGlobMatches(const QStringList &patternSegments, const QStringList &segments)
{
    return pathGlobFrom(patternSegments, 0, segments, 0);
}

} // namespace sandbox::http
