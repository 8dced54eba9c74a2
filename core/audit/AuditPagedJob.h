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
// The loop and its checks are PagedFetchJob's; this class holds the Audit API's wire.
#include "AuditTypes.h"
#include "api/PagedFetchJob.h"

#include <QList>
#include <QUrl>

namespace anadesk::audit {

class AuditPagedJob : public PagedFetchJob
{
    Q_OBJECT
public:
    const QList<Event> &events() const { return m_events; }
    qint64 totalSize() const { return ledger().total(); }

protected:
    AuditPagedJob(Transport *transport, int pageSize, const QString &object, QObject *parent);
    // Set by the subclass once its query is known (the job fails on start without one).
    void setUrl(const QUrl &url) { m_url = url; }

    ApiRequest pageRequest(int index, qint64 offset, int count) const override;
    int firstPageLimit() const override { return m_requested; }
    PageRead readPage(int index, const QJsonObject &envelope) override;
    void assemblePages() override;
    QString describe(const PageLedger::Problem &problem) const override;

private:
    QString pageError(qint64 offset, qint64 got, qint64 expected) const;

    QUrl m_url;
    int m_requested;
    QList<QList<Event>> m_pages;
    QList<Event> m_events;
};

} // namespace anadesk::audit
