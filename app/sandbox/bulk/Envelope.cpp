#include "Envelope.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace sandbox::bulk {

namespace {

QJsonObject statusOk()
{
    return {{QStringLiteral("code"), 200}, {QStringLiteral("message"), QStringLiteral("Success")}};
}

// `s=` pattern: case-insensitive substring, % = any run of characters, _ = exactly one.
QRegularExpression searchExpression(const QString &pattern)
{
    QString rx;
    for (QChar c : pattern) {
        if (c == QLatin1Char('%'))
            rx += QStringLiteral(".*");
        else if (c == QLatin1Char('_'))
            rx += QLatin1Char('.');
        else
            rx += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(rx, QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
}

int compareValues(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (a.isBool() && b.isBool())
        return int(a.toBool()) - int(b.toBool());
    const QString x = a.toVariant().toString();
    const QString y = b.toVariant().toString();
    const int ci = x.compare(y, Qt::CaseInsensitive);
    return ci != 0 ? ci : x.compare(y);
}

bool parseNonNegative(const QString &text, qint64 *value)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < 0 || text.startsWith(QLatin1Char('+')))
        return false;
    *value = v;
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
    return QStringLiteral("http://") + QString::fromLatin1(host.isEmpty() ? QByteArray("127.0.0.1") : host)
           + request.path() + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

} // namespace

QString schemaUrl(const QString &modelId, const QString &object)
{
    if (modelId.isEmpty())
        return QStringLiteral("https://api.anaplan.com/2/0/objects/") + object;
    return QStringLiteral("https://api.anaplan.com/2/0/models/") + modelId + QStringLiteral("/objects/") + object;
}

HttpResponse single(const QJsonObject &payload, const QString &schema)
{
    QJsonObject body = payload;
    body.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("schema"), schema}});
    body.insert(QStringLiteral("status"), statusOk());
    return HttpResponse::json(200, body);
}

HttpResponse failure(const HttpRequest &request, const Failure &f)
{
    return HttpResponse::v2Error(f.status, f.message, request.path());
}

HttpResponse failure(const HttpRequest &request, int status, const QString &message)
{
    return HttpResponse::v2Error(status, message, request.path());
}

HttpResponse listing(const HttpRequest &request, const QString &key, QJsonArray items, const ListRules &rules,
                     const QString &schema, int pageCap, bool omitEmptyKey)
{
    qint64 limit = pageCap;
    qint64 offset = 0;
    if (request.hasQuery(QStringLiteral("limit"))) {
        if (!parseNonNegative(request.queryValue(QStringLiteral("limit")), &limit) || limit < 1)
            return failure(request, 400,
                           QStringLiteral("limit must be a whole number of at least 1 (got '%1').")
                               .arg(request.queryValue(QStringLiteral("limit"))));
    }
    if (request.hasQuery(QStringLiteral("offset"))) {
        if (!parseNonNegative(request.queryValue(QStringLiteral("offset")), &offset))
            return failure(request, 400,
                           QStringLiteral("offset must be a whole number of at least 0 (got '%1').")
                               .arg(request.queryValue(QStringLiteral("offset"))));
    }
    limit = std::min<qint64>(limit, pageCap);

    if (rules.searchable && request.hasQuery(QStringLiteral("s"))) {
        const QRegularExpression rx = searchExpression(request.queryValue(QStringLiteral("s")));
        QJsonArray kept;
        for (const QJsonValue &v : std::as_const(items))
            if (rx.match(v.toObject().value(QStringLiteral("name")).toString()).hasMatch())
                kept.append(v);
        items = kept;
    }

    const QString sort = request.queryValue(QStringLiteral("sort"));
    if (!sort.isEmpty()) {
        struct Key
        {
            QString field;
            bool descending;
        };
        QList<Key> keys;
        bool usable = true;
        for (const QString &part : sort.split(QLatin1Char(','))) {
            QString field = part;
            bool descending = false;
            if (field.startsWith(QLatin1Char('+')) || field.startsWith(QLatin1Char('-'))) {
                descending = field.startsWith(QLatin1Char('-'));
                field.remove(0, 1);
            } else if (rules.strictSort) {
                return failure(request, 400,
                               QStringLiteral("sort '%1' needs a + (ascending) or - (descending) prefix, sent "
                                              "percent-encoded as %2B for +. Sortable fields: %3.")
                                   .arg(part, rules.sortable.join(QStringLiteral(", "))));
            }
            field = rules.sortAliases.value(field, field);
            if (!rules.sortable.contains(field)) {
                if (rules.strictSort)
                    return failure(request, 400,
                                   QStringLiteral("Cannot sort by '%1'. Sortable fields: %2.")
                                       .arg(field, rules.sortable.join(QStringLiteral(", "))));
                usable = false; // Anaplan ignores unknown fields here and keeps its default order
                break;
            }
            keys.append({field, descending});
        }
        if (usable && !keys.isEmpty()) {
            QList<QJsonValue> list(items.begin(), items.end());
            std::stable_sort(list.begin(), list.end(), [&](const QJsonValue &a, const QJsonValue &b) {
                for (const Key &k : keys) {
                    const int c = compareValues(a.toObject().value(k.field), b.toObject().value(k.field));
                    if (c != 0)
                        return k.descending ? c > 0 : c < 0;
                }
                return false;
            });
            items = QJsonArray();
            for (const QJsonValue &v : list)
                items.append(v);
        }
    }

    const qint64 total = items.size();
    QJsonArray page;
    for (qint64 i = offset; i < total && i < offset + limit; ++i)
        page.append(items.at(i));
    QJsonObject paging{{QStringLiteral("currentPageSize"), page.size()},
                       {QStringLiteral("offset"), double(offset)},
                       {QStringLiteral("totalSize"), double(total)}};
    if (offset + page.size() < total)
        paging.insert(QStringLiteral("next"), pageUrl(request, limit, offset + limit));
    if (offset > 0)
        paging.insert(QStringLiteral("previous"), pageUrl(request, limit, std::max<qint64>(0, offset - limit)));
    QJsonObject body{{QStringLiteral("meta"),
                      QJsonObject{{QStringLiteral("paging"), paging}, {QStringLiteral("schema"), schema}}},
                     {QStringLiteral("status"), statusOk()}};
    if (!(omitEmptyKey && page.isEmpty()))
        body.insert(key, page);
    return HttpResponse::json(200, body);
}

bool jsonBody(const HttpRequest &request, QJsonObject *object, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = request.body.trimmed().isEmpty()
                     ? QStringLiteral("The request needs a JSON object body.")
                     : QStringLiteral("The request body is not a JSON object (%1).").arg(parseError.errorString());
        return false;
    }
    *object = doc.object();
    return true;
}

} // namespace sandbox::bulk
