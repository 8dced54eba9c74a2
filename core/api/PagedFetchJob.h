#pragma once
// The loop every paged listing shares, whatever its wire (PagedListJob: Integration API limit/offset;
// scim::ScimPagedJob: 1-based startIndex/count; audit::AuditPagedJob: limit/offset with an echoed offSet):
//  1. send the first page; what it holds and reports fixes the total, the page size and the page count
//     (PageLedger::begin);
//  2. send the remaining pages, at most ClientOptions::pageConcurrency at a time, in any order;
//  3. verify each page (PageLedger::check: reported total unchanged, echoed position the one asked for,
//     exactly the items its position implies) and, at the end, that no id appears twice;
//  4. any mismatch is a Protocol error worded by the subclass (describe()), never a silently wrong list.
// Subclasses build the request of a page, read a page (keeping its items) and join the pages.
#include "Job.h"
#include "PageLedger.h"
#include "net/ApiRequest.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <initializer_list>
#include <utility>

namespace anadesk {

class ApiJob;
class Transport;

class PagedFetchJob : public Job
{
    Q_OBJECT
public:
    ~PagedFetchJob() override;

    int pageSize() const { return int(m_ledger.pageSize()); } // as served
    int pageCount() const { return m_ledger.pageCount(); }
    int maxPagesInFlight() const { return m_ledger.maxInFlight(); } // for tests of the concurrency bound

Q_SIGNALS:
    void progress(int pagesDone, int pageCount);

protected:
    PagedFetchJob(Transport *transport, const QString &object, QObject *parent);

    // What one page said about the listing; nullopt where it said nothing.
    struct PageRead
    {
        QStringList ids;                // one per item kept, in order ("" for an item without an id)
        std::optional<qint64> total;    // the size of the whole listing
        std::optional<qint64> offset;   // the 0-based position it says it starts at
        std::optional<qint64> pageSize; // first page: the size the server serves (default: its items)
    };

    // The request for `count` items from the 0-based `offset`; page 0 asks for firstPageLimit().
    virtual ApiRequest pageRequest(int index, qint64 offset, int count) const = 0;
    virtual int firstPageLimit() const = 0;
    // Reads and keeps page `index` (pages arrive in any order). May fail() the job instead.
    virtual PageRead readPage(int index, const QJsonObject &envelope) = 0;
    // All pages are in and verified: join them.
    virtual void assemblePages() = 0;
    // The user-facing text of a paging problem, in the words of this listing.
    virtual QString describe(const PageLedger::Problem &problem) const = 0;
    // A total beyond maxPages() pages is not believable.
    virtual qint64 maxPages() const { return 100'000; }

    Transport *transport() const { return m_transport; }
    const QString &object() const { return m_object; }
    const PageLedger &ledger() const { return m_ledger; }
    void fail(const ApiError &error);

    void doStart() override;
    void doAbort() override;

private:
    ApiJob *send(int index, qint64 offset, int count);
    void onFirstPage(ApiJob *job);
    void launchMore();
    void onPage(int index, ApiJob *job);
    bool landed(ApiJob *job);
    void finishAll();

    Transport *m_transport;
    QString m_object;
    int m_concurrency = 1;
    PageLedger m_ledger;
    QList<ApiJob *> m_running;
};

// `url` with "&key=value" appended for each item, in order; the query already in `url` is kept as it is
// encoded (a SCIM filter, an audit window).
QUrl withPageQuery(const QUrl &url, std::initializer_list<std::pair<QLatin1StringView, qint64>> items);

// For subclasses keeping their pages as lists: page `index` (they arrive in any order) ...
template <typename T> void putPage(QList<QList<T>> &pages, int index, QList<T> page)
{
    if (pages.size() <= index)
        pages.resize(index + 1);
    pages[index] = std::move(page);
}

// ... and all of them joined in page order, leaving `pages` empty.
template <typename T> QList<T> joinPages(QList<QList<T>> &pages)
{
    qsizetype total = 0;
    for (const QList<T> &page : std::as_const(pages))
        total += page.size();
    QList<T> all;
    all.reserve(total);
    for (QList<T> &page : pages)
        all.append(std::move(page));
    pages.clear();
    return all;
}

} // namespace anadesk
