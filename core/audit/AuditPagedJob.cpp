#include "AuditPagedJob.h"

#include "api/ApiJob.h"
#include "net/Transport.h"
#include "types/JsonRead.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace anadesk::audit {

namespace {
constexpr qint64 kMaxPages = 100'000;

struct Paging
{
    bool present = false;
    std::optional<qint64> total;
    std::optional<qint64> offset;
};

Paging pagingOf(const QJsonObject &envelope)
{
    Paging p;
    const QJsonValue value = envelope.value("meta"_L1).toObject().value("paging"_L1);
    if (!value.isObject())
        return p;
    const QJsonObject o = value.toObject();
    p.present = true;
    p.total = json::optionalInt64(o, "totalSize"_L1);
    // The spec spells it offSet; accept the Integration API's spelling too.
    p.offset = json::optionalInt64(o, "offSet"_L1);
    if (!p.offset)
        p.offset = json::optionalInt64(o, "offset"_L1);
    return p;
}

QList<Event> eventsOf(const QJsonObject &envelope)
{
    QList<Event> events;
    const QJsonArray array = envelope.value("response"_L1).toArray();
    events.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject())
            events.append(Event::fromJson(value.toObject()));
    }
    return events;
}

QUrl withLimitOffset(const QUrl &url, int limit, qint64 offset)
{
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += u'&';
    query += u"limit="_s + QString::number(limit) + u"&offset="_s + QString::number(offset);
    QUrl result = url;
    result.setQuery(query, QUrl::StrictMode);
    return result;
}
} // namespace

AuditPagedJob::AuditPagedJob(Transport *transport, int pageSize, const QString &object, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_object(object)
    , m_requested(pageSize)
{
    if (!m_transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (pageSize < 1)
        failOnStart(badInput(tr("A page must hold at least one event, not %1").arg(pageSize), object));
}

AuditPagedJob::~AuditPagedJob()
{
    doAbort();
}

ApiJob *AuditPagedJob::makePageJob(qint64 offset, int limit)
{
    ApiRequest request;
    request.url = withLimitOffset(m_url, limit, offset);
    request.object = m_object;
    auto *job = new ApiJob(m_transport, request, this);
    job->setAutoDelete(false);
    m_running.append(job);
    return job;
}

void AuditPagedJob::doStart()
{
    m_concurrency = qMax(1, m_transport->options().pageConcurrency);
    ApiJob *first = makePageJob(0, m_requested);
    connect(first, &Job::finished, this, [this, first] { onFirstPage(first); });
    first->start();
}

void AuditPagedJob::doAbort()
{
    const QList<ApiJob *> running = std::exchange(m_running, {});
    for (ApiJob *job : running) {
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
    m_inFlight = 0;
}

void AuditPagedJob::onFirstPage(ApiJob *job)
{
    m_running.removeOne(job);
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    const QJsonObject envelope = job->json();
    if (!envelope.value("response"_L1).isArray() && !envelope.isEmpty()) {
        failWith(protocolError(tr("The audit answer has no 'response' list of events"), m_object));
        return;
    }
    QList<Event> events = eventsOf(envelope);
    const Paging paging = pagingOf(envelope);
    m_total = paging.total.value_or(events.size()); // no paging: the page is the whole list
    if (m_total <= events.size()) {
        if (m_total < events.size()) {
            failWith(protocolError(pageError(0, events.size(), m_total), m_object));
            return;
        }
        m_pageSize = int(events.size());
        m_pageCount = 1;
        m_pages = {std::move(events)};
        m_pagesDone = 1;
        finishAll();
        return;
    }
    if (events.isEmpty()) {
        failWith(protocolError(
            tr("The server reported %1 events but sent none on the first page").arg(m_total), m_object));
        return;
    }
    m_pageSize = int(events.size()); // a server cap below the limit asked is trusted
    const qint64 pages = (m_total + m_pageSize - 1) / m_pageSize;
    if (pages > kMaxPages) {
        failWith(protocolError(tr("The server reported %1 events in pages of %2: too many pages to read")
                                   .arg(m_total)
                                   .arg(m_pageSize),
                               m_object));
        return;
    }
    m_pageCount = int(pages);
    m_pages = QList<QList<Event>>(m_pageCount);
    m_pages[0] = std::move(events);
    m_pagesDone = 1;
    Q_EMIT progress(m_pagesDone, m_pageCount);
    m_nextPage = 1;
    launchMore();
}

void AuditPagedJob::launchMore()
{
    while (m_inFlight < m_concurrency && m_nextPage < m_pageCount) {
        const int index = m_nextPage++;
        ApiJob *job = makePageJob(qint64(index) * m_pageSize, m_pageSize);
        connect(job, &Job::finished, this, [this, index, job] { onPage(index, job); });
        ++m_inFlight;
        m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
        job->start();
    }
    if (m_inFlight == 0 && m_nextPage >= m_pageCount && !isFinished())
        finishAll();
}

void AuditPagedJob::onPage(int pageIndex, ApiJob *job)
{
    m_running.removeOne(job);
    --m_inFlight;
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    const QJsonObject envelope = job->json();
    const qint64 offset = qint64(pageIndex) * m_pageSize;
    const qint64 expected = qMin<qint64>(m_pageSize, m_total - offset);
    const Paging paging = pagingOf(envelope);
    if (paging.total && *paging.total != m_total) {
        failWith(protocolError(tr("The event list changed while it was read (%1 events, then %2). Try again.")
                                   .arg(m_total)
                                   .arg(*paging.total),
                               m_object));
        return;
    }
    if (paging.offset && *paging.offset != offset) {
        failWith(protocolError(tr("Asked for the events at offset %1 but the server sent those at %2")
                                   .arg(offset)
                                   .arg(*paging.offset),
                               m_object));
        return;
    }
    QList<Event> events = eventsOf(envelope);
    if (events.size() != expected) {
        failWith(protocolError(pageError(offset, events.size(), expected), m_object));
        return;
    }
    m_pages[pageIndex] = std::move(events);
    ++m_pagesDone;
    Q_EMIT progress(m_pagesDone, m_pageCount);
    launchMore();
}

void AuditPagedJob::failWith(const ApiError &error)
{
    doAbort();
    finishFailure(error);
}

void AuditPagedJob::finishAll()
{
    m_events.clear();
    m_events.reserve(m_total);
    QSet<QString> seen;
    for (QList<Event> &page : m_pages) {
        for (Event &event : page) {
            if (!event.id.isEmpty()) {
                if (seen.contains(event.id)) {
                    failWith(
                        protocolError(tr("Event %1 appeared twice: the list changed while it was read. Try "
                                         "again.")
                                          .arg(event.id),
                                      m_object));
                    return;
                }
                seen.insert(event.id);
            }
            m_events.append(std::move(event));
        }
    }
    m_pages.clear();
    finishSuccess();
}

QString AuditPagedJob::pageError(qint64 offset, qint64 got, qint64 expected) const
{
    return tr("The events at offset %1 were %2 where %3 were expected: the list changed or the server "
              "skipped "
              "events. Try again.")
        .arg(offset)
        .arg(got)
        .arg(expected);
}

} // namespace anadesk::audit
