#include "UrlBuilder.h"

namespace anadesk {

QUrl buildUrl(const QUrl &base, const QStringList &segments, const QUrlQuery &query)
{
    QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
    while (path.endsWith('/'))
        path.chop(1);
    for (const QString &segment : segments) {
        path += '/';
        path += QUrl::toPercentEncoding(segment);
    }
    QUrl url = base;
    url.setPath(QString::fromUtf8(path), QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QUrlQuery withSort(QUrlQuery query, const QString &camelField, bool descending)
{
    // "%2B" survives as a literal in a FullyEncoded query; a bare '+' would arrive as a space.
    query.addQueryItem(QStringLiteral("sort"),
                       (descending ? QStringLiteral("-") : QStringLiteral("%2B")) + camelField);
    return query;
}

} // namespace anadesk
