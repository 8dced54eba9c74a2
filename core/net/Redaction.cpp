#include "Redaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>
#include <cstdio>

namespace anadesk {

namespace {

const QSet<QByteArray> &loggableHeaders()
{
    static const QSet<QByteArray> names{
        "content-type",
        "content-length",
        "content-encoding",
        "content-range",
        "retry-after",
        "date",
        "x-request-id",
        "x-correlation-id",
        "request-id",
        "x-b3-traceid",
        "accept",
        "accept-encoding",
        "user-agent",
        "connection",
        "transfer-encoding",
        "cache-control",
        "etag",
        "last-modified",
        "server",
        "location",
    };
    return names;
}

const QSet<QString> &loggableJsonKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("id"),
        QStringLiteral("code"),
        QStringLiteral("message"),
        QStringLiteral("status"),
        QStringLiteral("statusMessage"),
        QStringLiteral("taskId"),
        QStringLiteral("taskState"),
        QStringLiteral("state"),
        QStringLiteral("progress"),
        QStringLiteral("successful"),
        QStringLiteral("failureDumpAvailable"),
        QStringLiteral("objectId"),
        QStringLiteral("chunkCount"),
        QStringLiteral("currentPageSize"),
        QStringLiteral("totalSize"),
        QStringLiteral("offset"),
        QStringLiteral("limit"),
        QStringLiteral("localeName"),
        QStringLiteral("type"),
        QStringLiteral("size"),
        QStringLiteral("count"),
        QStringLiteral("totalResults"),
        QStringLiteral("startIndex"),
        QStringLiteral("itemsPerPage"),
        QStringLiteral("expiresAt"),
        QStringLiteral("currentStep"),
        QStringLiteral("creationTime"),
        QStringLiteral("error"),
        QStringLiteral("error_description"),
        QStringLiteral("detail"),
        QStringLiteral("encodedDataFormat"),
    };
    return keys;
}

const QSet<QString> &loggableQueryKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("limit"),
        QStringLiteral("offset"),
        QStringLiteral("sort"),
        QStringLiteral("sortBy"),
        QStringLiteral("tenantDetails"),
        QStringLiteral("modelDetails"),
        QStringLiteral("includeAll"),
        QStringLiteral("startIndex"),
        QStringLiteral("count"),
        QStringLiteral("type"),
        QStringLiteral("showImportDataSource"),
    };
    return keys;
}

constexpr int kMaxArrayItemsLogged = 5;
constexpr int kMaxBodyLogChars = 2000;
constexpr qsizetype kMaxBodyParsedForLog = 1 << 20;

QJsonValue redactJson(const QJsonValue &value, bool keyAllowed)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), redactJson(it.value(), loggableJsonKeys().contains(it.key())));
        return out;
    }
    if (value.isArray()) {
        const QJsonArray in = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < in.size() && i < kMaxArrayItemsLogged; ++i)
            out.append(redactJson(in.at(i), keyAllowed));
        if (in.size() > kMaxArrayItemsLogged)
            out.append(QStringLiteral("… %1 more").arg(in.size() - kMaxArrayItemsLogged));
        return out;
    }
    if (value.isNull() || value.isBool() || keyAllowed)
        return value;
    return QString::fromLatin1(kRedacted);
}

} // namespace

bool isLoggableHeader(const QByteArray &lowerCaseName)
{
    return loggableHeaders().contains(lowerCaseName.toLower());
}

QString headerForLog(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    QString shown = QString::fromLatin1(kRedacted);
    if (lower == "location") {
        // A redirect target: the origin only (a query could carry a signed URL).
        shown =
            QUrl(QString::fromUtf8(value))
                .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                .toString();
    } else if (isLoggableHeader(lower)) {
        shown = redactSecrets(QString::fromLatin1(value.left(200)));
    }
    return QString::fromLatin1(name) + QStringLiteral(": ") + shown;
}

QString headersForLog(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList parts;
    for (const auto &header : headers)
        parts << headerForLog(header.first, header.second);
    return parts.join(QStringLiteral("; "));
}

QString urlForLog(const QUrl &url)
{
    QString out = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
                      .toString(QUrl::FullyEncoded);
    const QUrlQuery query(url);
    if (query.isEmpty())
        return out;
    QStringList items;
    const auto pairs = query.queryItems(QUrl::FullyEncoded);
    for (const auto &pair : pairs) {
        const QString value =
            loggableQueryKeys().contains(pair.first) ? pair.second : QString::fromLatin1(kRedacted);
        items << pair.first + QLatin1Char('=') + value;
    }
    return out + QLatin1Char('?') + items.join(QLatin1Char('&'));
}

QString bodyForLog(const QByteArray &body, const QByteArray &contentType, bool sensitive)
{
    if (body.isEmpty())
        return QStringLiteral("<empty>");
    const QString summary =
        QStringLiteral("<%1 bytes%2>")
            .arg(body.size())
            .arg(contentType.isEmpty() ? QString()
                                       : QStringLiteral(" of ") + QString::fromLatin1(contentType));
    const bool looksJson = contentType.contains("json") || body.startsWith('{') || body.startsWith('[');
    if (sensitive || !looksJson || body.size() > kMaxBodyParsedForLog)
        return summary;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return summary;
    const QJsonValue redacted =
        redactJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), false);
    QString text = QString::fromUtf8(redacted.isObject()
                                         ? QJsonDocument(redacted.toObject()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(redacted.toArray()).toJson(QJsonDocument::Compact));
    if (text.size() > kMaxBodyLogChars)
        text = text.left(kMaxBodyLogChars) + QStringLiteral("…");
    return summary + QLatin1Char(' ') + redactSecrets(text);
}

namespace {
QMutex g_secretsMutex;
QHash<QString, int> &liveSecrets()
{
    static QHash<QString, int> secrets;
    return secrets;
}
constexpr qsizetype kMinSecretLength = 6;
} // namespace

void registerSecret(const QByteArray &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    const QMutexLocker lock(&g_secretsMutex);
    ++liveSecrets()[QString::fromUtf8(secret)];
}

void forgetSecret(const QByteArray &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    const QMutexLocker lock(&g_secretsMutex);
    auto it = liveSecrets().find(QString::fromUtf8(secret));
    if (it != liveSecrets().end() && --it.value() <= 0)
        liveSecrets().erase(it);
}

QString redactSecrets(const QString &text)
{
    // Whatever follows a scheme word is a credential, except the few words that make it prose
    // ("the AnaplanAuthToken is not valid" keeps its words; a token is never one of them).
    static const QRegularExpression schemes(
        QStringLiteral(R"(\b(AnaplanAuthToken|Bearer|Basic|CACertificate|Negotiate|NTLM)(\s+)(?!(?:is|are|was|were|has|had|not|and|or|the|a|an|for|in|of|to|on|expired|invalid|missing|header|token|value|scheme)\b)[^\s"',;]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jsonSecrets(
        QStringLiteral(
            R"re(("(?:tokenValue|refreshToken|refresh_token|access_token|id_token|password|passphrase|)re"
            R"re(client_secret|encodedData|encodedSignedData|token|secret)"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression formSecrets(
        QStringLiteral(R"(\b(password|client_secret|refresh_token|access_token|code)=[^&\s"']+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jwt(
        QStringLiteral(R"(\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)"));
    static const QRegularExpression pemBlock(
        QStringLiteral(R"(-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$))"));

    QString out = text;
    out.replace(pemBlock, QStringLiteral("[PEM REDACTED]"));
    out.replace(schemes, QStringLiteral("\\1\\2REDACTED"));
    out.replace(jsonSecrets, QStringLiteral("\\1\"REDACTED\""));
    out.replace(formSecrets, QStringLiteral("\\1=REDACTED"));
    out.replace(jwt, QStringLiteral("REDACTED"));
    const QMutexLocker lock(&g_secretsMutex);
    for (auto it = liveSecrets().cbegin(); it != liveSecrets().cend(); ++it)
        out.replace(it.key(), QStringLiteral("REDACTED"));
    return out;
}

QString redactAndTruncate(const QString &text, int maxChars)
{
    QString out = redactSecrets(text).simplified();
    if (out.size() > maxChars)
        out = out.left(qMax(0, maxChars - 1)) + QStringLiteral("…");
    return out;
}

namespace {
QtMessageHandler g_previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = redactSecrets(message);
    if (g_previousHandler)
        g_previousHandler(type, context, clean);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, clean)));
}
} // namespace

void installRedactingMessageHandler()
{
    static QMutex mutex;
    const QMutexLocker lock(&mutex);
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    g_previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace anadesk
