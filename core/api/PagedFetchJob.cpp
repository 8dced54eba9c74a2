#include "PagedFetchJob.h"

#include "ApiJob.h"
#include "net/Transport.h"

namespace anadesk {

PagedFetchJob::PagedFetchJob(Transport *transport, const QString &object, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_object(object)
{}

PagedFetchJob::~PagedFetchJob()
{
    doAbort();
}

ApiJob *PagedFetchJob::send(int index, qint64 offset, int count)
{
    auto *job = new ApiJob(m_transport, pageRequest(index, offset, count), this);
    job->setAutoDelete(false);
    m_running.append(job);
    return job;
}

void PagedFetchJob::doStart()
{
    m_concurrency = qMax(1, m_transport->options().pageConcurrency);
    ApiJob *first = send(0, 0, firstPageLimit());
    connect(first, &Job::finished, this, [this, first] { onFirstPage(first); });
    first->start();
}

void PagedFetchJob::doAbort()
{
    const QList<ApiJob *> running = std::exchange(m_running, {});
    for (ApiJob *job : running) {
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
    m_ledger.dropInFlight();
}

bool PagedFetchJob::landed(ApiJob *job)
{
    m_running.removeOne(job);
    job->deleteLater();
    if (!job->isSucceeded()) {
        fail(job->error());
        return false;
    }
    return true;
}

void PagedFetchJob::onFirstPage(ApiJob *job)
{
    if (!landed(job))
        return;
    PageRead page = readPage(0, job->json());
    if (isFinished())
        return;
    const qint64 count = page.ids.size();
    if (const auto problem =
            m_ledger.begin(page.total.value_or(count), count, page.pageSize.value_or(count), maxPages())) {
        fail(protocolError(describe(*problem), m_object));
        return;
    }
    m_ledger.keep(0, std::move(page.ids));
    if (m_ledger.pageCount() == 1) {
        finishAll();
        return;
    }
    Q_EMIT progress(m_ledger.pagesDone(), m_ledger.pageCount());
    launchMore();
}

void PagedFetchJob::launchMore()
{
    while (const auto index = m_ledger.take(m_concurrency)) {
        ApiJob *job = send(*index, m_ledger.offsetOf(*index), int(m_ledger.pageSize()));
        connect(job, &Job::finished, this, [this, index = *index, job] { onPage(index, job); });
        job->start();
    }
    if (m_ledger.allIn() && !isFinished())
        finishAll();
}

void PagedFetchJob::onPage(int index, ApiJob *job)
{
    m_ledger.landed();
    if (!landed(job))
        return;
    PageRead page = readPage(index, job->json());
    if (isFinished())
        return;
    if (const auto problem = m_ledger.check(index, page.total, page.offset, page.ids.size())) {
        fail(protocolError(describe(*problem), m_object));
        return;
    }
    m_ledger.keep(index, std::move(page.ids));
    Q_EMIT progress(m_ledger.pagesDone(), m_ledger.pageCount());
    launchMore();
}

void PagedFetchJob::fail(const ApiError &error)
{
    doAbort();
    finishFailure(error);
}

QUrl withPageQuery(const QUrl &url, std::initializer_list<std::pair<QLatin1StringView, qint64>> items)
{
    QString query = url.query(QUrl::FullyEncoded);
    for (const auto &[key, value] : items) {
        if (!query.isEmpty())
            query += u'&';
        query += key + u'=' + QString::number(value);
    }
    QUrl result = url;
    result.setQuery(query, QUrl::StrictMode);
    return result;
}

void PagedFetchJob::finishAll()
{
    if (const auto repeat = m_ledger.firstRepeat()) {
        fail(protocolError(describe(*repeat), m_object));
        return;
    }
    assemblePages();
    finishSuccess();
}

} // namespace anadesk
