#include "ScimPagedJob.h"

#include "ScimPaths.h"
#include "api/ApiJob.h"
#include "net/Transport.h"
#include "types/JsonRead.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

namespace {
constexpr qint64 kMaxPages = 1'000'000; // 100 M users: a totalResults beyond that is not believable

QUrl withScimPaging(const QUrl &url, qint64 startIndex, int count)
{
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += u'&';
    query += u"startIndex="_s + QString::number(startIndex) + u"&count="_s + QString::number(count);
    QUrl result = url;
    result.setQuery(query, QUrl::StrictMode);
    return result;
}
} // namespace

ScimPagedJob::ScimPagedJob(Transport *transport, const QUrl &url, int pageSize, const QString &object,
                           QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_url(url)
    , m_object(object)
    , m_requested(pageSize)
{
    if (!m_transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (pageSize < 1 || pageSize > kMaxPageSize)
        failOnStart(badInput(tr("A SCIM page holds 1 to %1 users, not %2").arg(kMaxPageSize).arg(pageSize),
                             object, tr("Choose a page size between 1 and %1.").arg(kMaxPageSize)));
}

ScimPagedJob::~ScimPagedJob()
{
    doAbort();
}

ApiJob *ScimPagedJob::makePageJob(qint64 startIndex, int count)
{
    ApiRequest request;
    request.url = withScimPaging(m_url, startIndex, count);
    request.accept = kAccept;
    request.object = m_object;
    auto *job = new ApiJob(m_transport, request, this);
    job->setAutoDelete(false);
    m_running.append(job);
    return job;
}

void ScimPagedJob::doStart()
{
    m_concurrency = qMax(1, m_transport->options().pageConcurrency);
    ApiJob *first = makePageJob(1, m_requested);
    connect(first, &Job::finished, this, [this, first] { onFirstPage(first); });
    first->start();
}

void ScimPagedJob::doAbort()
{
    const QList<ApiJob *> running = std::exchange(m_running, {});
    for (ApiJob *job : running) {
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
    m_inFlight = 0;
}

void ScimPagedJob::onFirstPage(ApiJob *job)
{
    m_running.removeOne(job);
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    const QJsonObject envelope = job->json();
    const QJsonArray resources = envelope.value("Resources"_L1).toArray();
    const auto total = json::optionalInt64(envelope, "totalResults"_L1);
    m_total = total.value_or(resources.size()); // required by RFC 7644; tolerate its absence
    if (m_total < 0 || m_total < resources.size()) {
        failWith(protocolError(pageError(1, resources.size(), qMax<qint64>(m_total, 0)), m_object));
        return;
    }
    if (m_total == resources.size()) {
        m_pageSize = int(resources.size());
        m_pageCount = 1;
        preparePages(1);
        m_pageIds = {storePage(0, resources)};
        m_pagesDone = 1;
        finishAll();
        return;
    }
    if (resources.isEmpty()) {
        failWith(protocolError(
            tr("The server reported %1 users but sent none on the first page").arg(m_total), m_object));
        return;
    }
    // A server may serve fewer than `count` (RFC 7644 §3.4.2.4): that is the page size from here on.
    m_pageSize = int(resources.size());
    const qint64 pages = (m_total + m_pageSize - 1) / m_pageSize;
    if (pages > kMaxPages) {
        failWith(protocolError(tr("The server reported %1 users in pages of %2: too many pages to read")
                                   .arg(m_total)
                                   .arg(m_pageSize),
                               m_object));
        return;
    }
    m_pageCount = int(pages);
    preparePages(m_pageCount);
    m_pageIds = QList<QStringList>(m_pageCount);
    m_pageIds[0] = storePage(0, resources);
    m_pagesDone = 1;
    Q_EMIT progress(m_pagesDone, m_pageCount);
    m_nextPage = 1;
    launchMore();
}

void ScimPagedJob::launchMore()
{
    while (m_inFlight < m_concurrency && m_nextPage < m_pageCount) {
        const int index = m_nextPage++;
        const qint64 startIndex = 1 + qint64(index) * m_pageSize;
        ApiJob *job = makePageJob(startIndex, m_pageSize);
        connect(job, &Job::finished, this, [this, index, job] { onPage(index, job); });
        ++m_inFlight;
        m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
        job->start();
    }
    if (m_inFlight == 0 && m_nextPage >= m_pageCount && !isFinished())
        finishAll();
}

void ScimPagedJob::onPage(int pageIndex, ApiJob *job)
{
    m_running.removeOne(job);
    --m_inFlight;
    job->deleteLater();
    if (!job->isSucceeded()) {
        failWith(job->error());
        return;
    }
    if (!acceptPage(pageIndex, job))
        return;
    ++m_pagesDone;
    Q_EMIT progress(m_pagesDone, m_pageCount);
    launchMore();
}

bool ScimPagedJob::acceptPage(int pageIndex, ApiJob *job)
{
    const QJsonObject envelope = job->json();
    const QJsonArray resources = envelope.value("Resources"_L1).toArray();
    const qint64 startIndex = 1 + qint64(pageIndex) * m_pageSize;
    const qint64 expected = qMin<qint64>(m_pageSize, m_total - (startIndex - 1));
    if (const auto total = json::optionalInt64(envelope, "totalResults"_L1); total && *total != m_total) {
        failWith(protocolError(
            tr("The list changed while it was read (%1 users, then %2). Try again.").arg(m_total).arg(*total),
            m_object));
        return false;
    }
    if (const auto echoed = json::optionalInt64(envelope, "startIndex"_L1); echoed && *echoed != startIndex) {
        failWith(protocolError(tr("Asked for the page starting at %1 but the server sent the one at %2")
                                   .arg(startIndex)
                                   .arg(*echoed),
                               m_object));
        return false;
    }
    if (resources.size() != expected) {
        failWith(protocolError(pageError(startIndex, resources.size(), expected), m_object));
        return false;
    }
    m_pageIds[pageIndex] = storePage(pageIndex, resources);
    return true;
}

void ScimPagedJob::failWith(const ApiError &error)
{
    doAbort();
    finishFailure(error);
}

void ScimPagedJob::finishAll()
{
    QSet<QString> seen;
    seen.reserve(m_total);
    for (const QStringList &ids : std::as_const(m_pageIds)) {
        for (const QString &id : ids) {
            if (id.isEmpty())
                continue;
            if (seen.contains(id)) {
                failWith(protocolError(
                    tr("User %1 appeared twice in the list: the list changed while it was read. Try again.")
                        .arg(id),
                    m_object));
                return;
            }
            seen.insert(id);
        }
    }
    m_pageIds.clear();
    assemblePages();
    finishSuccess();
}

QString ScimPagedJob::pageError(qint64 startIndex, qint64 got, qint64 expected) const
{
    return tr("The page starting at %1 held %2 users where %3 were expected: the list changed or the server "
              "skipped users. Try again.")
        .arg(startIndex)
        .arg(got)
        .arg(expected);
}

} // namespace anadesk::scim
