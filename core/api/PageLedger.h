#pragma once
// The bookkeeping of a listing read as numbered pages of one fixed size, whatever the wire calls them
// (Integration/Audit API limit+offset, SCIM 1-based startIndex+count): what the first page implies, which
// page to send next within a concurrency bound, what each page must hold, and whether an id came twice.
// Positions here are 0-based item offsets; a SCIM caller adds/subtracts its 1. No I/O and no wording: a
// Problem carries the numbers, and each job words it for its own API (PagedFetchJob::describe()).
#include <QList>
#include <QStringList>
#include <optional>

namespace anadesk {

class PageLedger
{
public:
    struct Problem
    {
        enum Kind
        {
            MoreThanTotal,  // the first page held more items than the total reported
            NoPageSize,     // more items than the first page, but a page size of 0 (or an empty first page)
            FirstPageShort, // the first page held fewer items than its page size promised
            TooManyPages,   // total / page size is beyond believable
            TotalChanged,   // a later page reported another total
            WrongPosition,  // a later page said it starts elsewhere than asked
            WrongCount,     // a page held another number of items than its position implies
            Duplicate,      // an id appeared twice across the pages
        };
        Kind kind;
        qint64 offset = 0;   // the 0-based position of the page concerned
        qint64 got = 0;      // items it held / the total or position it reported
        qint64 expected = 0; // what it should have held / reported
        QString id;          // Duplicate: the repeated id
    };

    // The first page is in: `total` items in the whole listing (as reported), `firstCount` on this page,
    // `pageSize` the size the server says it serves. On success pageCount() is 1 (the list is complete)
    // or more, and page 0 still has to be kept().
    std::optional<Problem> begin(qint64 total, qint64 firstCount, qint64 pageSize, qint64 maxPages);

    // A later page `index` is in; nullopt when what it reported (if anything) and holds is consistent.
    std::optional<Problem> check(int index, std::optional<qint64> reportedTotal,
                                 std::optional<qint64> reportedOffset, qint64 count) const;
    // Records an accepted page's item ids, in order (an empty id never collides).
    void keep(int index, QStringList ids);
    // The first id seen twice, in page order, as a Duplicate problem.
    std::optional<Problem> firstRepeat() const;

    // The next page to send while fewer than `concurrency` are in flight (it is then in flight).
    std::optional<int> take(int concurrency);
    void landed() { --m_inFlight; } // one page in flight came back (accepted or not)
    void dropInFlight() { m_inFlight = 0; }
    bool allIn() const { return m_inFlight == 0 && m_next >= m_pageCount; }

    qint64 offsetOf(int index) const { return qint64(index) * m_pageSize; }
    qint64 expectedCount(int index) const { return qMin<qint64>(m_pageSize, m_total - offsetOf(index)); }

    qint64 total() const { return m_total; }
    qint64 pageSize() const { return m_pageSize; }
    int pageCount() const { return m_pageCount; }
    int pagesDone() const { return m_pagesDone; }
    int maxInFlight() const { return m_maxInFlight; }

private:
    qint64 m_total = 0;
    qint64 m_pageSize = 0;
    int m_pageCount = 0;
    int m_next = 1;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_pagesDone = 0;
    QList<QStringList> m_ids;
};

} // namespace anadesk
