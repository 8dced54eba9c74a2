#pragma once
// The one place that reads a paginated SCIM listing (RFC 7644 §3.4.2.4, anaplan-api.md §12) — SCIM's
// own paging, not the Integration API's limit/offset:
//  1. GET url?startIndex=1&count=<pageSize ≤ 100>;
//  2. read totalResults and Resources; the first page's item count is the page size actually served
//     (a server may return fewer than asked — trusted, like currentPageSize elsewhere);
//  3. fetch startIndex = 1 + k·size (1-based!) for the remaining pages, at most
//     ClientOptions::pageConcurrency at a time;
//  4. verify: every page holds exactly the items it should, totalResults never changes, an echoed
//     startIndex is the one asked for, and no id appears twice — otherwise a Protocol error ("the list
//     changed while it was read"), never a silently wrong list.
// Subclasses keep each page's items (parsed at once, so the JSON of 100,000 users is never held whole).
#include "api/Job.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace anadesk {
class ApiJob;
class Transport;
} // namespace anadesk

namespace anadesk::scim {

class ScimPagedJob : public Job
{
    Q_OBJECT
public:
    ~ScimPagedJob() override;

    qint64 totalResults() const { return m_total; }
    int requestedPageSize() const { return m_requested; }
    int pageSize() const { return m_pageSize; } // as served
    int pageCount() const { return m_pageCount; }
    int maxPagesInFlight() const { return m_maxInFlight; }

Q_SIGNALS:
    void progress(int pagesDone, int pageCount);

protected:
    // url: the listing without startIndex/count (a filter may be in its query); pageSize: 1..100
    // (anything else fails with BadInput before sending).
    ScimPagedJob(Transport *transport, const QUrl &url, int pageSize, const QString &object, QObject *parent);
    void setUrl(const QUrl &url) { m_url = url; }

    // Called once the page count is known (before any storePage()).
    virtual void preparePages(int pageCount) = 0;
    // Parses and keeps one page's Resources (pages arrive in any order); returns their ids in order.
    virtual QStringList storePage(int pageIndex, const QJsonArray &resources) = 0;
    // All pages are in and verified: join them.
    virtual void assemblePages() = 0;

    void doStart() override;
    void doAbort() override;

private:
    ApiJob *makePageJob(qint64 startIndex, int count);
    void onFirstPage(ApiJob *job);
    void launchMore();
    void onPage(int pageIndex, ApiJob *job);
    bool acceptPage(int pageIndex, ApiJob *job);
    void failWith(const ApiError &error);
    void finishAll();
    QString pageError(qint64 startIndex, qint64 got, qint64 expected) const;

    Transport *m_transport;
    QUrl m_url;
    QString m_object;
    int m_requested;
    int m_concurrency = 1;
    qint64 m_total = 0;
    int m_pageSize = 0;
    int m_pageCount = 0;
    int m_nextPage = 1;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_pagesDone = 0;
    QList<QStringList> m_pageIds;
    QList<ApiJob *> m_running;
};

} // namespace anadesk::scim
