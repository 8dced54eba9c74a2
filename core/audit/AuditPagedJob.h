#pragma once
// The one place that reads the Audit API's paged event listing (audit-openapi.json AuditPaging): limit/
// offset like the Integration API, but its own envelope — events under `response`, and meta.paging with
// currentPageSize (the items in THIS page), totalSize and `offSet` (capital S) echoing the offset.
//  1. GET url&limit=<pageSize>&offset=0; the first page's item count is the page size served (trusted);
//  2. fetch offset = k·size for the remaining pages, at most ClientOptions::pageConcurrency at a time;
//  3. verify: each page has the items it should, totalSize never changes, an echoed offSet is the one
//     asked for, and no event id appears twice — otherwise a Protocol error, never a wrong list.
// The URL must pin the window with dateFrom/dateTo (GetEventsJob does): a rolling intervalInHours would
// slide between pages and shift every offset.
#include "AuditTypes.h"
#include "api/Job.h"

#include <QList>
#include <QUrl>

namespace anadesk {
class ApiJob;
class Transport;
} // namespace anadesk

namespace anadesk::audit {

class AuditPagedJob : public Job
{
    Q_OBJECT
public:
    ~AuditPagedJob() override;

    const QList<Event> &events() const { return m_events; }
    qint64 totalSize() const { return m_total; }
    int pageSize() const { return m_pageSize; }
    int pageCount() const { return m_pageCount; }
    int maxPagesInFlight() const { return m_maxInFlight; }

Q_SIGNALS:
    void progress(int pagesDone, int pageCount);

protected:
    AuditPagedJob(Transport *transport, int pageSize, const QString &object, QObject *parent);
    // Set by the subclass once its query is known (the job fails on start without one).
    void setUrl(const QUrl &url) { m_url = url; }
    Transport *transport() const { return m_transport; }

    void doStart() override;
    void doAbort() override;

private:
    ApiJob *makePageJob(qint64 offset, int limit);
    void onFirstPage(ApiJob *job);
    void launchMore();
    void onPage(int pageIndex, ApiJob *job);
    void failWith(const ApiError &error);
    void finishAll();
    QString pageError(qint64 offset, qint64 got, qint64 expected) const;

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
    QList<QList<Event>> m_pages;
    QList<ApiJob *> m_running;
    QList<Event> m_events;
};

} // namespace anadesk::audit
