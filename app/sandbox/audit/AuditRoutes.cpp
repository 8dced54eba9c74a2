#include "AuditRoutes.h"

#include "auth/AuthService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace sandbox {

namespace {

using audit::AuditLog;

constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDefaultLimit = 10'000; // the documented page size (larger limits are honoured)

HttpResponse auditError(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status, {{QStringLiteral("status"), code}, {QStringLiteral("statusMessage"), message}});
}

HttpResponse badRequest(const QString &message)
{
    return auditError(400, QStringLiteral("FAILURE_BAD_REQUEST"), message);
}

// An optional whole number; false (with *error) when present but not a number.
bool number(const QJsonValue &value, const QString &name, std::optional<qint64> *out, HttpResponse *error)
{
    if (value.isUndefined() || value.isNull())
        return true;
    bool ok = false;
    qint64 v = 0;
    if (value.isDouble()) {
        v = qint64(value.toDouble());
        ok = double(v) == value.toDouble();
    } else {
        v = value.toString().trimmed().toLongLong(&ok);
    }
    if (!ok) {
        *error = badRequest(QStringLiteral("%1 must be a whole number (got '%2').")
                                .arg(name, value.isString() ? value.toString() : value.toVariant().toString()));
        return false;
    }
    *out = v;
    return true;
}

QJsonValue queryJson(const HttpRequest &request, const QString &key)
{
    return request.hasQuery(key) ? QJsonValue(request.queryValue(key)) : QJsonValue(QJsonValue::Undefined);
}

struct Window
{
    qint64 from = 0;
    qint64 to = 0;
};

// The queried window: intervalInHours (≤ 720) back from now, or dateFrom/dateTo (span ≤ 30 days), or the
// last 30 days. Anaplan answers 400 FAILURE_BAD_REQUEST "Date range cannot exceed 30 days" beyond that.
bool window(qint64 now, std::optional<qint64> interval, std::optional<qint64> from, std::optional<qint64> to,
            const QString &intervalName, Window *out, HttpResponse *error)
{
    if (interval && (from || to)) {
        *error = badRequest(QStringLiteral("Give either %1 or a date range (dateFrom/dateTo), not both.").arg(intervalName));
        return false;
    }
    if (interval) {
        if (*interval < 1 || *interval > AuditLog::kMaxIntervalHours) {
            *error = badRequest(*interval > AuditLog::kMaxIntervalHours
                                    ? QStringLiteral("Date range cannot exceed 30 days (%1 = %2 is above %3 hours).")
                                          .arg(intervalName)
                                          .arg(*interval)
                                          .arg(AuditLog::kMaxIntervalHours)
                                    : QStringLiteral("%1 must be at least 1 hour (got %2).").arg(intervalName).arg(*interval));
            return false;
        }
        *out = {now - *interval * kHourMs, now};
        return true;
    }
    out->to = to.value_or(now);
    out->from = from.value_or(out->to - AuditLog::kRetentionMs);
    if (out->from > out->to) {
        *error = badRequest(QStringLiteral("The date range starts (%1) after it ends (%2).").arg(out->from).arg(out->to));
        return false;
    }
    if (out->to - out->from > AuditLog::kRetentionMs) {
        *error = badRequest(QStringLiteral("Date range cannot exceed 30 days (the range asked spans %1 hours).")
                                .arg((out->to - out->from) / kHourMs));
        return false;
    }
    return true;
}

QString pageUrl(const HttpRequest &request, qint64 limit, qint64 offset)
{
    QUrlQuery query = request.query;
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.removeAllQueryItems(QStringLiteral("offset"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    const QByteArray host = request.header("host");
    return QStringLiteral("http://") + QString::fromLatin1(host.isEmpty() ? QByteArray("127.0.0.1") : host) +
           request.path() + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

HttpResponse events(const AuditLog &log, const HttpRequest &request, const Window &w)
{
    HttpResponse error;
    std::optional<qint64> limit;
    std::optional<qint64> offset;
    if (!number(queryJson(request, QStringLiteral("limit")), QStringLiteral("limit"), &limit, &error) ||
        !number(queryJson(request, QStringLiteral("offset")), QStringLiteral("offset"), &offset, &error))
        return error;
    if (limit.value_or(0) < 0 || offset.value_or(0) < 0)
        return badRequest(QStringLiteral("limit and offset must not be negative."));
    const QString type = request.queryValue(QStringLiteral("type"));
    const QString tenant = AuthService::customerGuid();

    // CEF (Accept: text/plain) is not paged: the whole window, one event per line.
    if (request.header("accept").contains("text/plain")) {
        const AuditLog::Result all = log.query(type, w.from, w.to, -1, 0);
        QByteArray text;
        for (const audit::AuditEvent &e : all.events)
            text += e.toCef(tenant) + '\n';
        return HttpResponse::bytes(200, text, "text/plain; charset=utf-8");
    }

    const qint64 pageLimit = limit.value_or(kDefaultLimit);
    const qint64 pageOffset = offset.value_or(0);
    const AuditLog::Result page = log.query(type, w.from, w.to, pageLimit, pageOffset);
    QJsonArray response;
    for (const audit::AuditEvent &e : page.events)
        response.append(e.toJson(tenant));
    QJsonObject paging{{QStringLiteral("currentPageSize"), response.size()},
                       {QStringLiteral("totalSize"), double(page.totalSize)},
                       {QStringLiteral("offSet"), double(pageOffset)}};
    if (pageLimit > 0 && pageOffset + response.size() < page.totalSize) {
        paging.insert(QStringLiteral("nextOffset"), double(pageOffset + pageLimit));
        paging.insert(QStringLiteral("nextUrl"), pageUrl(request, pageLimit, pageOffset + pageLimit));
    }
    if (pageOffset > 0)
        paging.insert(QStringLiteral("previousUrl"),
                      pageUrl(request, pageLimit, std::max<qint64>(0, pageOffset - std::max<qint64>(pageLimit, 1))));
    return HttpResponse::json(200, {{QStringLiteral("meta"), QJsonObject{{QStringLiteral("paging"), paging}}},
                                    {QStringLiteral("response"), response}});
}

} // namespace

void registerAuditRoutes(Router &router, audit::AuditLog &log)
{
    router.add("GET", QStringLiteral("/audit/api/1/events"), [&log](const HttpRequest &request, const RouteMatch &) {
        HttpResponse error;
        std::optional<qint64> interval;
        std::optional<qint64> from;
        std::optional<qint64> to;
        if (!number(queryJson(request, QStringLiteral("intervalInHours")), QStringLiteral("intervalInHours"), &interval,
                    &error) ||
            !number(queryJson(request, QStringLiteral("dateFrom")), QStringLiteral("dateFrom"), &from, &error) ||
            !number(queryJson(request, QStringLiteral("dateTo")), QStringLiteral("dateTo"), &to, &error))
            return error;
        Window w;
        if (!window(log.now(), interval, from, to, QStringLiteral("intervalInHours"), &w, &error))
            return error;
        return events(log, request, w);
    });
    router.add("POST", QStringLiteral("/audit/api/1/events/search"),
               [&log](const HttpRequest &request, const RouteMatch &) {
                   QJsonObject body;
                   if (!request.body.trimmed().isEmpty()) {
                       QJsonParseError parseError{};
                       const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
                       if (!doc.isObject())
                           return badRequest(QStringLiteral("The search body must be a JSON object like "
                                                            "{\"from\": <ms>, \"to\": <ms>} or {\"interval\": <hours>}."));
                       body = doc.object();
                   }
                   HttpResponse error;
                   std::optional<qint64> interval;
                   std::optional<qint64> from;
                   std::optional<qint64> to;
                   if (!number(body.value(QStringLiteral("interval")), QStringLiteral("interval"), &interval, &error) ||
                       !number(body.value(QStringLiteral("from")), QStringLiteral("from"), &from, &error) ||
                       !number(body.value(QStringLiteral("to")), QStringLiteral("to"), &to, &error))
                       return error;
                   Window w;
                   // "If from is omitted, results from the earliest available event are returned."
                   if (!interval && !from && to)
                       from = std::max<qint64>(*to - AuditLog::kRetentionMs, log.now() - AuditLog::kRetentionMs);
                   if (!window(log.now(), interval, from, to, QStringLiteral("interval"), &w, &error))
                       return error;
                   return events(log, request, w);
               });
}

} // namespace sandbox
