#include "AuditPagedJob.h"

#include "types/JsonRead.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::audit {

AuditPagedJob::AuditPagedJob(Transport *transport, int pageSize, const QString &object, QObject *parent)
    : PagedFetchJob(transport, object, parent)
    , m_requested(pageSize)
{
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (pageSize < 1)
        failOnStart(badInput(tr("A page must hold at least one event, not %1").arg(pageSize), object));
}

ApiRequest AuditPagedJob::pageRequest(int /*index*/, qint64 offset, int count) const
{
    ApiRequest request;
    request.url = withPageQuery(m_url, {{"limit"_L1, count}, {"offset"_L1, offset}});
    request.object = object();
    return request;
}

PagedFetchJob::PageRead AuditPagedJob::readPage(int index, const QJsonObject &envelope)
{
    PageRead read;
    if (index == 0 && !envelope.value("response"_L1).isArray() && !envelope.isEmpty()) {
        fail(protocolError(tr("The audit answer has no 'response' list of events"), object()));
        return read;
    }
    // Without meta.paging the first page is the whole list; its item count is the page size served.
    const QJsonValue paging = envelope.value("meta"_L1).toObject().value("paging"_L1);
    if (paging.isObject()) {
        const QJsonObject o = paging.toObject();
        read.total = json::optionalInt64(o, "totalSize"_L1);
        // The spec spells it offSet; accept the Integration API's spelling too.
        read.offset = json::optionalInt64(o, "offSet"_L1);
        if (!read.offset)
            read.offset = json::optionalInt64(o, "offset"_L1);
    }
    QList<Event> events;
    const QJsonArray array = envelope.value("response"_L1).toArray();
    events.reserve(array.size());
    read.ids.reserve(array.size());
    for (const QJsonValue &value : array) {
        if (value.isObject()) {
            events.append(Event::fromJson(value.toObject()));
            read.ids.append(events.constLast().id);
        }
    }
    putPage(m_pages, index, std::move(events));
    return read;
}

void AuditPagedJob::assemblePages()
{
    m_events = joinPages(m_pages);
}

QString AuditPagedJob::describe(const PageLedger::Problem &problem) const
{
    switch (problem.kind) {
    case PageLedger::Problem::NoPageSize:
        return tr("The server reported %1 events but sent none on the first page").arg(problem.expected);
    case PageLedger::Problem::TooManyPages:
        return tr("The server reported %1 events in pages of %2: too many pages to read")
            .arg(ledger().total())
            .arg(ledger().pageSize());
    case PageLedger::Problem::TotalChanged:
        return tr("The event list changed while it was read (%1 events, then %2). Try again.")
            .arg(problem.expected)
            .arg(problem.got);
    case PageLedger::Problem::WrongPosition:
        return tr("Asked for the events at offset %1 but the server sent those at %2")
            .arg(problem.expected)
            .arg(problem.got);
    case PageLedger::Problem::Duplicate:
        return tr("Event %1 appeared twice: the list changed while it was read. Try again.").arg(problem.id);
    case PageLedger::Problem::MoreThanTotal:
    case PageLedger::Problem::FirstPageShort:
    case PageLedger::Problem::WrongCount:
        break;
    }
    return pageError(problem.offset, problem.got, problem.expected);
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
