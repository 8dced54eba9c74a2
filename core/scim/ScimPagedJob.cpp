#include "ScimPagedJob.h"

#include "ScimPaths.h"
#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk::scim {

ScimPagedJob::ScimPagedJob(Transport *transport, const QUrl &url, int pageSize, const QString &object,
                           QObject *parent)
    : PagedFetchJob(transport, object, parent)
    , m_url(url)
    , m_requested(pageSize)
{
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (pageSize < 1 || pageSize > kMaxPageSize)
        failOnStart(badInput(tr("A SCIM page holds 1 to %1 users, not %2").arg(kMaxPageSize).arg(pageSize),
                             object, tr("Choose a page size between 1 and %1.").arg(kMaxPageSize)));
}

ApiRequest ScimPagedJob::pageRequest(int /*index*/, qint64 offset, int count) const
{
    ApiRequest request;
    // SCIM counts from 1.
    request.url = withPageQuery(m_url, {{"startIndex"_L1, offset + 1}, {"count"_L1, count}});
    request.accept = kAccept;
    request.object = object();
    return request;
}

PagedFetchJob::PageRead ScimPagedJob::readPage(int index, const QJsonObject &envelope)
{
    PageRead read;
    // totalResults is required by RFC 7644; without it the first page is taken as the whole list.
    read.total = json::optionalInt64(envelope, "totalResults"_L1);
    if (const auto echoed = json::optionalInt64(envelope, "startIndex"_L1); echoed && index > 0)
        read.offset = *echoed - 1;
    // A server may serve fewer than `count` (RFC 7644 §3.4.2.4): the first page's size is the page size.
    read.ids = storePage(index, envelope.value("Resources"_L1).toArray());
    return read;
}

QString ScimPagedJob::describe(const PageLedger::Problem &problem) const
{
    switch (problem.kind) {
    case PageLedger::Problem::MoreThanTotal:
        return pageError(1, problem.got, qMax<qint64>(problem.expected, 0));
    case PageLedger::Problem::NoPageSize:
        return tr("The server reported %1 users but sent none on the first page").arg(problem.expected);
    case PageLedger::Problem::TooManyPages:
        return tr("The server reported %1 users in pages of %2: too many pages to read")
            .arg(ledger().total())
            .arg(ledger().pageSize());
    case PageLedger::Problem::TotalChanged:
        return tr("The list changed while it was read (%1 users, then %2). Try again.")
            .arg(problem.expected)
            .arg(problem.got);
    case PageLedger::Problem::WrongPosition:
        return tr("Asked for the page starting at %1 but the server sent the one at %2")
            .arg(problem.expected + 1)
            .arg(problem.got + 1);
    case PageLedger::Problem::Duplicate:
        return tr("User %1 appeared twice in the list: the list changed while it was read. Try again.")
            .arg(problem.id);
    case PageLedger::Problem::FirstPageShort:
    case PageLedger::Problem::WrongCount:
        break;
    }
    return pageError(problem.offset + 1, problem.got, problem.expected);
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
