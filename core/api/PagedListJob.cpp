#include "PagedListJob.h"

#include "BulkPaths.h"
#include "net/Transport.h"
#include "types/JsonRead.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPaging, "anadesk.api.paging")

using namespace Qt::StringLiterals;

namespace anadesk {

PagedListJob::PagedListJob(Transport *transport, const QUrl &url, const QString &listKey, const QString &object,
                           QObject *parent, const QString &idKey)
    : PagedFetchJob(transport, object, parent)
    , m_url(url)
    , m_listKey(listKey)
    , m_idKey(idKey)
{
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

ApiRequest PagedListJob::pageRequest(int index, qint64 offset, int count) const
{
    ApiRequest request;
    // The first page goes without an offset, as the API's own examples do.
    request.url = withPaging(m_url, count, index == 0 ? std::nullopt : std::optional<qint64>(offset));
    request.object = object();
    return request;
}

int PagedListJob::firstPageLimit() const
{
    return transport()->options().effectivePageSize();
}

PagedFetchJob::PageRead PagedListJob::readPage(int index, const QJsonObject &envelope)
{
    QList<QJsonObject> items = itemsOf(envelope);
    PageRead read;
    read.ids.reserve(items.size());
    for (const QJsonObject &item : std::as_const(items))
        read.ids.append(json::idString(item.value(m_idKey)));
    const QJsonValue paging = envelope.value("meta"_L1).toObject().value("paging"_L1);
    if (paging.isObject()) {
        // Negative or missing counts are taken as absent: the page itself then tells.
        const QJsonObject o = paging.toObject();
        if (const qint64 total = json::int64(o, "totalSize"_L1, -1); total >= 0)
            read.total = total;
        if (const qint64 current = json::int64(o, "currentPageSize"_L1, -1); current >= 0)
            read.pageSize = current;
    } else if (index == 0) {
        qCDebug(lcPaging) << "no meta.paging in" << m_listKey << "listing; taking" << items.size()
                          << "items as the whole list";
    }
    if (index == 0 && read.total && *read.total > items.size() && read.pageSize
        && *read.pageSize < transport()->options().effectivePageSize())
        qCDebug(lcPaging) << m_listKey << "page size capped by the server at" << *read.pageSize;
    putPage(m_pages, index, std::move(items));
    return read;
}

QList<QJsonObject> PagedListJob::itemsOf(const QJsonObject &envelope) const
{
    QList<QJsonObject> items;
    const QJsonArray array = envelope.value(m_listKey).toArray();
    items.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            items.append(value.toObject());
    }
    return items;
}

void PagedListJob::assemblePages()
{
    m_items = joinPages(m_pages);
}

QString PagedListJob::describe(const PageLedger::Problem &problem) const
{
    switch (problem.kind) {
    case PageLedger::Problem::NoPageSize:
        return tr("The server reported %1 items but a page size of %2").arg(problem.expected).arg(problem.got);
    case PageLedger::Problem::TooManyPages:
        return tr("The server reported %1 items in pages of %2: too many pages to read")
            .arg(ledger().total())
            .arg(ledger().pageSize());
    case PageLedger::Problem::TotalChanged:
        return tr("The list changed while it was read (%1 items, then %2). Try again.")
            .arg(problem.expected)
            .arg(problem.got);
    case PageLedger::Problem::Duplicate:
        return tr("Item %1 appeared twice in the list: the list changed while it was read. Try again.")
            .arg(problem.id);
    case PageLedger::Problem::MoreThanTotal:
    case PageLedger::Problem::FirstPageShort:
    case PageLedger::Problem::WrongPosition: // not asked: this API echoes no offset
    case PageLedger::Problem::WrongCount:
        break;
    }
    return pageError(problem.offset, problem.got, problem.expected);
}

QString PagedListJob::pageError(qint64 offset, qint64 got, qint64 expected) const
{
    return tr("The page at offset %1 of the list '%2' held %3 items where %4 were expected: the list "
              "changed or the server skipped items. Try again.")
        .arg(offset)
        .arg(m_listKey)
        .arg(got)
        .arg(expected);
}

} // namespace anadesk
