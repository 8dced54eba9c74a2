#include "PagedListJob.h"

#include "ApiJob.h"
#include "BulkPaths.h"
#include "net/Transport.h"
#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcPaging, "anadesk.api.paging")

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
constexpr qint64 kMaxPages = 100'000; // a totalSize that would need more is not believable


struct Paging
{
    bool present = false;
    qint64 total = 0;
    qint64 current = -1;
};

Paging pagingOf(const QJsonObject &envelope)
{
    Paging p;
    const QJsonValue paging = envelope.value("meta"_L1).toObject().value("paging"_L1);
    if (!paging.isObject())
        return p;
    const QJsonObject o = paging.toObject();
    p.present = true;
    p.total = json::int64(o, "totalSize"_L1, -1);
    p.current = json::int64(o, "currentPageSize"_L1, -1);
    return p;
}
} // namespace

PagedListJob::PagedListJob(Transport *transport, const QUrl &url, const QString &listKey, const QString &object,
                           QObject *parent, const QString &idKey)
    : Job(parent)
    , m_transport(transport)
    , m_url(url)
    , m_listKey(listKey)
    , m_object(object)
    , m_idKey(idKey)
{
    if (!m_transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

PagedListJob::~PagedListJob()
{
    doAbort();
}

ApiJob *PagedListJob::makePageJob(int limit, std::optional<qint64> offset)
{
    ApiRequest request;
    request.url = withPaging(m_url, limit, offset);
    request.object = m_object;
    auto *job = new ApiJob(m_transport, request, this);
    job->setAutoDelete(false);
    m_running.append(job);
    return job;
}

void PagedListJob::doStart()
{
    const ClientOptions &options = m_transport->options();
    m_concurrency = qMax(1, options.pageConcurrency);
    ApiJob *first = makePageJob(options.effectivePageSize(), std::nullopt);
    connect(first, &Job::finished, this, [this, first] { onFirstPage(first); });
    first->start();
}

void PagedListJob::doAbort()
{
    const QList<ApiJob *> running = std::exchange(m_running, {});
    for (ApiJob *job : running) {
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
    m_inFlight = 0;
}

void PagedListJob::onFirstPage(ApiJob *job)
{
    m_running.removeOne(job);
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    const QJsonObject envelope = job->json();
    const QList<QJsonObject> items = itemsOf(envelope);
    const Paging paging = pagingOf(envelope);
    m_pages = {items};
    if (!paging.present) {
        qCDebug(lcPaging) << "no meta.paging in" << m_listKey << "listing; taking" << items.size()
                          << "items as the whole list";
        m_total = items.size();
        m_pageSize = int(items.size());
        m_pageCount = 1;
        finishAll();
        return;
    }
    m_total = paging.total >= 0 ? paging.total : items.size();
    m_pageSize = int(paging.current >= 0 ? paging.current : items.size());
    if (m_total <= items.size()) {
        if (m_total < items.size()) {
            failWith(protocolError(pageError(0, items.size(), m_total), m_object));
            return;
        }
        m_pageCount = 1;
        finishAll();
        return;
    }
    if (m_pageSize <= 0) {
        failWith(protocolError(tr("The server reported %1 items but a page size of %2")
                                   .arg(m_total)
                                   .arg(m_pageSize),
                               m_object));
        return;
    }
    if (items.size() != qMin<qint64>(m_pageSize, m_total)) {
        failWith(protocolError(pageError(0, items.size(), qMin<qint64>(m_pageSize, m_total)), m_object));
        return;
    }
    const qint64 pages = (m_total + m_pageSize - 1) / m_pageSize;
    if (pages > kMaxPages) {
        failWith(protocolError(tr("The server reported %1 items in pages of %2: too many pages to read")
                                   .arg(m_total)
                                   .arg(m_pageSize),
                               m_object));
        return;
    }
    if (m_pageSize < m_transport->options().effectivePageSize())
        qCDebug(lcPaging) << m_listKey << "page size capped by the server at" << m_pageSize;
    m_pageCount = int(pages);
    m_pages.resize(m_pageCount);
    m_nextPage = 1;
    launchMore();
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

void PagedListJob::launchMore()
{
    while (m_inFlight < m_concurrency && m_nextPage < m_pageCount) {
        const int index = m_nextPage++;
        ApiJob *job = makePageJob(m_pageSize, qint64(index) * m_pageSize);
        connect(job, &Job::finished, this, [this, index, job] { onPage(index, job); });
        ++m_inFlight;
        m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
        job->start();
    }
    if (m_inFlight == 0 && m_nextPage >= m_pageCount)
        finishAll();
}

void PagedListJob::onPage(int pageIndex, ApiJob *job)
{
    m_running.removeOne(job);
    --m_inFlight;
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    const QJsonObject envelope = job->json();
    const QList<QJsonObject> items = itemsOf(envelope);
    const qint64 offset = qint64(pageIndex) * m_pageSize;
    const qint64 expected = qMin<qint64>(m_pageSize, m_total - offset);
    const Paging paging = pagingOf(envelope);
    if (paging.present && paging.total >= 0 && paging.total != m_total) {
        failWith(protocolError(tr("The list changed while it was read (%1 items, then %2). Try again.")
                                   .arg(m_total)
                                   .arg(paging.total),
                               m_object));
        return;
    }
    if (items.size() != expected) {
        failWith(protocolError(pageError(offset, items.size(), expected), m_object));
        return;
    }
    m_pages[pageIndex] = items;
    launchMore();
}

void PagedListJob::failWith(const ApiError &error)
{
    doAbort();
    finishFailure(error);
}

void PagedListJob::finishAll()
{
    m_items.clear();
    m_items.reserve(m_total);
    QSet<QString> seen;
    for (const QList<QJsonObject> &page : std::as_const(m_pages)) {
        for (const QJsonObject &item : page) {
            const QString id = json::idString(item.value(m_idKey));
            if (!id.isEmpty()) {
                if (seen.contains(id)) {
                    failWith(protocolError(
                        tr("Item %1 appeared twice in the list: the list changed while it was read. Try again.")
                            .arg(id),
                        m_object));
                    return;
                }
                seen.insert(id);
            }
            m_items.append(item);
        }
    }
    m_pages.clear();
    finishSuccess();
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
