#pragma once
// The one place that reads a paginated Integration API listing (anaplan-api.md §4.1, with its
// pitfalls fixed):
//  1. GET url?limit=<ClientOptions::effectivePageSize()>;
//  2. trust meta.paging.currentPageSize (servers cap silently) and meta.paging.totalSize;
//  3. fetch the remaining pages (limit=<actual>&offset=n*actual) concurrently, at most
//     ClientOptions::pageConcurrency at a time, and concatenate them in page order;
//  4. verify: every page holds exactly the items it should, totalSize never changes, and no id
//     appears twice — otherwise a Protocol error (the list changed or the server skipped items),
//     never a silently wrong list.
// A listing without meta.paging is taken as complete (some chunk lists omit it).
#include "Job.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace anadesk {

class ApiJob;
class Transport;

class PagedListJob : public Job
{
    Q_OBJECT
public:
    // url: the listing without limit/offset; listKey: the array in the envelope ("files");
    // idKey: the item field that must be unique ("id", "taskId").
    PagedListJob(Transport *transport, const QUrl &url, const QString &listKey, const QString &object,
                 QObject *parent = nullptr, const QString &idKey = QStringLiteral("id"));
    ~PagedListJob() override;

    const QList<QJsonObject> &items() const { return m_items; }
    qint64 totalSize() const { return m_total; }
    int pageSize() const { return m_pageSize; }  // the server's currentPageSize
    int pageCount() const { return m_pageCount; }
    int maxPagesInFlight() const { return m_maxInFlight; } // for tests of the concurrency bound

protected:
    // For subclasses that can only build the URL after construction.
    void setUrl(const QUrl &url) { m_url = url; }
    // The items of one page's envelope; default: the objects of the array under listKey.
    virtual QList<QJsonObject> itemsOf(const QJsonObject &envelope) const;
    const QString &listKey() const { return m_listKey; }
    void doStart() override;
    void doAbort() override;

private:
    ApiJob *makePageJob(int limit, std::optional<qint64> offset);
    void onFirstPage(ApiJob *job);
    void launchMore();
    void onPage(int pageIndex, ApiJob *job);
    void failWith(const ApiError &error);
    void finishAll();
    QString pageError(qint64 offset, qint64 got, qint64 expected) const;

    Transport *m_transport;
    QUrl m_url;
    QString m_listKey;
    QString m_object;
    QString m_idKey;
    int m_concurrency = 1;

    qint64 m_total = 0;
    int m_pageSize = 0;
    int m_pageCount = 0;
    int m_nextPage = 1;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    QList<QList<QJsonObject>> m_pages;
    QList<ApiJob *> m_running;
    QList<QJsonObject> m_items;
};

} // namespace anadesk
