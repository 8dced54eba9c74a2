#include "ListHelpers.h"

#include "net/UrlBuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::detail {

ListQueryResult listQuery(QUrlQuery base, const ListQuery &query, const QStringList &allowedSort,
                          bool searchAllowed)
{
    ListQueryResult result;
    if (!query.sortBy.isEmpty()) {
        const auto field = normaliseSortField(query.sortBy, allowedSort);
        if (!field) {
            result.error = QCoreApplication::translate("anadesk", "Cannot sort by '%1'; allowed: %2")
                               .arg(query.sortBy, allowedSort.join(u", "_s));
            return result;
        }
        base = withSort(base, *field, query.descending);
    }
    if (!query.search.isEmpty()) {
        if (!searchAllowed) {
            result.error = QCoreApplication::translate("anadesk", "This listing cannot be searched");
            return result;
        }
        // QUrlQuery would leave '+', '&' and '#' ambiguous: encode the pattern fully ourselves.
        base.addQueryItem(u"s"_s, QString::fromLatin1(QUrl::toPercentEncoding(query.search)));
    }
    result.query = base;
    return result;
}

} // namespace anadesk::detail
