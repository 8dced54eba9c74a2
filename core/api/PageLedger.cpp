#include "PageLedger.h"

#include <QSet>

namespace anadesk {

std::optional<PageLedger::Problem> PageLedger::begin(qint64 total, qint64 firstCount, qint64 pageSize,
                                                     qint64 maxPages)
{
    m_total = total;
    m_pageSize = pageSize;
    m_next = 1;
    m_pagesDone = 0;
    if (total <= firstCount) {
        if (total < firstCount)
            return Problem{Problem::MoreThanTotal, 0, firstCount, total, {}};
        m_pageCount = 1;
        m_ids = QList<QStringList>(1);
        return std::nullopt;
    }
    if (pageSize <= 0)
        return Problem{Problem::NoPageSize, 0, pageSize, total, {}};
    if (firstCount != qMin(pageSize, total))
        return Problem{Problem::FirstPageShort, 0, firstCount, qMin(pageSize, total), {}};
    const qint64 pages = (total + pageSize - 1) / pageSize;
    if (pages > maxPages)
        return Problem{Problem::TooManyPages, 0, pages, maxPages, {}};
    m_pageCount = int(pages);
    m_ids = QList<QStringList>(m_pageCount);
    return std::nullopt;
}

std::optional<PageLedger::Problem> PageLedger::check(int index, std::optional<qint64> reportedTotal,
                                                     std::optional<qint64> reportedOffset, qint64 count) const
{
    const qint64 offset = offsetOf(index);
    if (reportedTotal && *reportedTotal != m_total)
        return Problem{Problem::TotalChanged, offset, *reportedTotal, m_total, {}};
    if (reportedOffset && *reportedOffset != offset)
        return Problem{Problem::WrongPosition, offset, *reportedOffset, offset, {}};
    if (count != expectedCount(index))
        return Problem{Problem::WrongCount, offset, count, expectedCount(index), {}};
    return std::nullopt;
}

void PageLedger::keep(int index, QStringList ids)
{
    if (index < 0 || index >= m_ids.size())
        return;
    m_ids[index] = std::move(ids);
    ++m_pagesDone;
}

std::optional<PageLedger::Problem> PageLedger::firstRepeat() const
{
    QSet<QString> seen;
    seen.reserve(m_total);
    for (int index = 0; index < m_ids.size(); ++index) {
        for (const QString &id : m_ids.at(index)) {
            if (id.isEmpty())
                continue;
            if (seen.contains(id))
                return Problem{Problem::Duplicate, offsetOf(index), 0, 0, id};
            seen.insert(id);
        }
    }
    return std::nullopt;
}

std::optional<int> PageLedger::take(int concurrency)
{
    if (m_inFlight >= concurrency || m_next >= m_pageCount)
        return std::nullopt;
    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
    return m_next++;
}

} // namespace anadesk
