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
// The loop and its checks are PagedFetchJob's; this class holds the Integration API's wire.
#include "PagedFetchJob.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace anadesk {

class PagedListJob : public PagedFetchJob
{
    Q_OBJECT
public:
    // url: the listing without limit/offset; listKey: the array in the envelope ("files");
    // idKey: the item field that must be unique ("id", "taskId").
    PagedListJob(Transport *transport, const QUrl &url, const QString &listKey, const QString &object,
                 QObject *parent = nullptr, const QString &idKey = QStringLiteral("id"));

    const QList<QJsonObject> &items() const { return m_items; }
    qint64 totalSize() const { return ledger().total(); }

protected:
    // For subclasses that can only build the URL after construction.
    void setUrl(const QUrl &url) { m_url = url; }
    // The items of one page's envelope; default: the objects of the array under listKey.
    virtual QList<QJsonObject> itemsOf(const QJsonObject &envelope) const;
    const QString &listKey() const { return m_listKey; }

    ApiRequest pageRequest(int index, qint64 offset, int count) const override;
    int firstPageLimit() const override;
    PageRead readPage(int index, const QJsonObject &envelope) override;
    void assemblePages() override;
    QString describe(const PageLedger::Problem &problem) const override;

private:
    QString pageError(qint64 offset, qint64 got, qint64 expected) const;

    QUrl m_url;
    QString m_listKey;
    QString m_idKey;
    QList<QList<QJsonObject>> m_pages;
    QList<QJsonObject> m_items;
};

} // namespace anadesk
