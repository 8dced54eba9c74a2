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
// The loop and its checks are PagedFetchJob's; this class holds SCIM's wire.
#include "api/PagedFetchJob.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace anadesk::scim {

class ScimPagedJob : public PagedFetchJob
{
    Q_OBJECT
public:
    qint64 totalResults() const { return ledger().total(); }
    int requestedPageSize() const { return m_requested; }

protected:
    // url: the listing without startIndex/count (a filter may be in its query); pageSize: 1..100
    // (anything else fails with BadInput before sending).
    ScimPagedJob(Transport *transport, const QUrl &url, int pageSize, const QString &object, QObject *parent);
    void setUrl(const QUrl &url) { m_url = url; }

    // Parses and keeps one page's Resources (pages arrive in any order); returns their ids in order.
    virtual QStringList storePage(int pageIndex, const QJsonArray &resources) = 0;

    ApiRequest pageRequest(int index, qint64 offset, int count) const override;
    int firstPageLimit() const override { return m_requested; }
    PageRead readPage(int index, const QJsonObject &envelope) override;
    QString describe(const PageLedger::Problem &problem) const override;
    qint64 maxPages() const override { return 1'000'000; } // 100 M users is beyond believable

private:
    QString pageError(qint64 startIndex, qint64 got, qint64 expected) const;

    QUrl m_url;
    int m_requested;
};

} // namespace anadesk::scim
