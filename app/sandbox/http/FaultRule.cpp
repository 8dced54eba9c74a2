#include "FaultRule.h"

#include "HttpParsing.h"

#include <QJsonArray>
#include <array>

namespace sandbox {

namespace {

struct KindName
{
    FaultKind kind;
    const char *name;
};
constexpr std::array<KindName, 8> kKindNames{{
    {FaultKind::Status, "status"},
    {FaultKind::Latency, "latency"},
    {FaultKind::CloseMidBody, "close-mid-body"},
    {FaultKind::Reset, "reset"},
    {FaultKind::TruncateJson, "truncate-json"},
    {FaultKind::Hang, "hang"},
    {FaultKind::ShortBody, "short-body"},
    {FaultKind::ExpireToken, "expire-token"},
}};

QString allKindNames()
{
    QStringList names;
    for (const auto &entry : kKindNames)
        names.append(QString::fromLatin1(entry.name));
    return names.join(QStringLiteral(", "));
}

bool readInteger(const QJsonObject &object, const QString &key, qint64 min, qint64 max, qint64 *value,
                 QString *error)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1.0);
    if (!v.isDouble() || d != double(qint64(d)) || d < double(min) || d > double(max)) {
        *error = QStringLiteral("fault rule field '%1' must be an integer from %2 to %3")
                     .arg(key)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *value = qint64(d);
    return true;
}

} // namespace

QString FaultRule::kindName(FaultKind kind)
{
    for (const auto &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

bool FaultRule::fromJson(const QJsonObject &object, FaultRule *rule, QString *error)
{
    static const QStringList known{
        QStringLiteral("kind"), QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("times"),
        QStringLiteral("status"), QStringLiteral("body"), QStringLiteral("retryAfter"), QStringLiteral("ms"),
        QStringLiteral("phase"), QStringLiteral("afterBytes"), QStringLiteral("extraBytes"),
        // read back from GET /__sandbox/faults; ignored so a listed rule can be posted again
        QStringLiteral("id"), QStringLiteral("remaining"), QStringLiteral("fired")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("unknown fault rule field '%1' (known: %2)")
                         .arg(it.key(), known.mid(0, 11).join(QStringLiteral(", ")));
            return false;
        }
    }
    FaultRule result;
    const QString kindText = object.value(QStringLiteral("kind")).toString();
    bool kindFound = false;
    for (const auto &entry : kKindNames) {
        if (kindText == QLatin1String(entry.name)) {
            result.kind = entry.kind;
            kindFound = true;
        }
    }
    if (!kindFound) {
        *error = kindText.isEmpty()
                     ? QStringLiteral("fault rule needs a 'kind' (one of: %1)").arg(allKindNames())
                     : QStringLiteral("unknown fault kind '%1' (one of: %2)").arg(kindText, allKindNames());
        return false;
    }

    const QJsonValue method = object.value(QStringLiteral("method"));
    if (!method.isUndefined() && !method.isString()) {
        *error = QStringLiteral("fault rule field 'method' must be a string such as \"PUT\" or \"*\"");
        return false;
    }
    result.method = method.toString().toUpper().toLatin1();
    if (result.method == "*")
        result.method.clear();

    const QJsonValue path = object.value(QStringLiteral("path"));
    if (!path.isUndefined() && !path.isString()) {
        *error = QStringLiteral("fault rule field 'path' must be a string glob such as \"/2/0/**\"");
        return false;
    }
    result.path = path.toString();
    if (!result.path.isEmpty()) {
        if (!result.path.startsWith(QLatin1Char('/'))) {
            *error = QStringLiteral("fault rule path '%1' must start with '/'").arg(result.path);
            return false;
        }
        if (result.path.contains(QLatin1Char('?')) && result.path.contains(QLatin1Char('='))) {
            *error = QStringLiteral("fault rule path '%1' must not contain a query").arg(result.path);
            return false;
        }
        result.pathSegments = result.path.mid(1).split(QLatin1Char('/'));
        if (result.pathSegments == QStringList{QString()})
            result.pathSegments.clear();
    }

    const QJsonValue times = object.value(QStringLiteral("times"));
    if (times.isString()) {
        if (times.toString() != QLatin1String("unlimited")) {
            *error = QStringLiteral("fault rule field 'times' must be a positive integer or \"unlimited\"");
            return false;
        }
        result.times = -1;
    } else {
        qint64 value = 1;
        if (!times.isUndefined() && times.toInt(0) == -1) {
            value = -1;
        } else if (!readInteger(object, QStringLiteral("times"), 1, 1'000'000'000, &value, error)) {
            *error += QStringLiteral(", or \"unlimited\"");
            return false;
        }
        result.times = int(value);
    }

    qint64 status = result.status;
    qint64 ms = 0;
    qint64 afterBytes = -1;
    qint64 extraBytes = result.extraBytes;
    if (!readInteger(object, QStringLiteral("status"), 200, 599, &status, error) ||
        !readInteger(object, QStringLiteral("ms"), 0, 3'600'000, &ms, error) ||
        !readInteger(object, QStringLiteral("afterBytes"), 0, qint64(1) << 50, &afterBytes, error) ||
        !readInteger(object, QStringLiteral("extraBytes"), 1, qint64(1) << 40, &extraBytes, error))
        return false;
    result.status = int(status);
    result.ms = int(ms);
    result.afterBytes = afterBytes;
    result.extraBytes = extraBytes;

    const QJsonValue retryAfter = object.value(QStringLiteral("retryAfter"));
    if (retryAfter.isDouble())
        result.retryAfter = QByteArray::number(retryAfter.toInteger());
    else if (retryAfter.isString())
        result.retryAfter = retryAfter.toString().toLatin1();
    else if (!retryAfter.isUndefined()) {
        *error = QStringLiteral("fault rule field 'retryAfter' must be a number of seconds or a string");
        return false;
    }
    if (result.retryAfter.contains('\r') || result.retryAfter.contains('\n')) {
        *error = QStringLiteral("fault rule field 'retryAfter' must be a single line");
        return false;
    }
    result.body = object.value(QStringLiteral("body"));

    const QJsonValue phase = object.value(QStringLiteral("phase"));
    const bool phaseMatters = result.kind == FaultKind::Reset || result.kind == FaultKind::Hang;
    if (!phase.isUndefined()) {
        if (phase.toString() == QLatin1String("request"))
            result.phase = FaultPhase::Request;
        else if (phase.toString() == QLatin1String("response"))
            result.phase = FaultPhase::Response;
        else {
            *error = QStringLiteral("fault rule field 'phase' must be \"request\" or \"response\"");
            return false;
        }
        if (!phaseMatters) {
            *error = QStringLiteral("fault rule field 'phase' only applies to kinds reset and hang");
            return false;
        }
    }
    if (result.kind == FaultKind::Latency && !object.contains(QStringLiteral("ms"))) {
        *error = QStringLiteral("a latency fault needs 'ms' (the delay in milliseconds)");
        return false;
    }
    if (result.kind != FaultKind::Status &&
        (object.contains(QStringLiteral("status")) || object.contains(QStringLiteral("body")) ||
         object.contains(QStringLiteral("retryAfter")))) {
        *error =
            QStringLiteral("fault rule fields 'status', 'body' and 'retryAfter' only apply to kind status");
        return false;
    }
    *rule = result;
    return true;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject object{
        {QStringLiteral("id"), id},
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("method"), method.isEmpty() ? QStringLiteral("*") : QString::fromLatin1(method)},
        {QStringLiteral("path"), path.isEmpty() ? QStringLiteral("/**") : path}};
    if (times < 0)
        object.insert(QStringLiteral("times"), QStringLiteral("unlimited"));
    else
        object.insert(QStringLiteral("times"), times);
    switch (kind) {
    case FaultKind::Status:
        object.insert(QStringLiteral("status"), status);
        if (!body.isUndefined())
            object.insert(QStringLiteral("body"), body);
        if (!retryAfter.isEmpty())
            object.insert(QStringLiteral("retryAfter"), QString::fromLatin1(retryAfter));
        break;
    case FaultKind::Latency:
        object.insert(QStringLiteral("ms"), ms);
        break;
    case FaultKind::Reset:
    case FaultKind::Hang:
        object.insert(QStringLiteral("phase"),
                      phase == FaultPhase::Request ? QStringLiteral("request") : QStringLiteral("response"));
        object.insert(QStringLiteral("afterBytes"), afterBytes < 0 ? 0 : afterBytes);
        if (kind == FaultKind::Hang)
            object.insert(QStringLiteral("ms"), ms);
        break;
    case FaultKind::CloseMidBody:
    case FaultKind::TruncateJson:
        if (afterBytes >= 0)
            object.insert(QStringLiteral("afterBytes"), afterBytes);
        break;
    case FaultKind::ShortBody:
        object.insert(QStringLiteral("extraBytes"), extraBytes);
        break;
    case FaultKind::ExpireToken:
        break;
    }
    return object;
}

bool FaultRule::matches(const QByteArray &requestMethod, const QStringList &segments) const
{
    if (!method.isEmpty() && method != requestMethod.toUpper())
        return false;
    if (path.isEmpty())
        return true;
    return http::pathGlobMatches(pathSegments, segments);
}

} // namespace sandbox
