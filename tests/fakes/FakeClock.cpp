#include "FakeClock.h"

namespace anadesk::test {

FakeClock::FakeClock(qint64 startMs)
    : m_nowMs(startMs)
{}

Clock::TimerId FakeClock::singleShot(qint64 delayMs, QObject *context, std::function<void()> callback)
{
    const qint64 delay = qMax<qint64>(0, delayMs);
    m_delays.append(delay);
    const TimerId id = ++m_lastId;
    m_timers.emplace(id, Timer{m_nowMs + delay, context, context != nullptr, std::move(callback)});
    return id;
}

void FakeClock::cancel(TimerId id)
{
    m_timers.erase(id);
}

bool FakeClock::fireNextDueBy(qint64 limitMs)
{
    auto best = m_timers.end();
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.hasContext && !it->second.context) { // context destroyed: the timer is gone
            it = m_timers.erase(it);
            continue;
        }
        if (it->second.dueMs <= limitMs && (best == m_timers.end() || it->second.dueMs < best->second.dueMs))
            best = it; // std::map iterates in id order, so equal due times fire in scheduling order
        ++it;
    }
    if (best == m_timers.end())
        return false;
    m_nowMs = qMax(m_nowMs, best->second.dueMs);
    std::function<void()> callback = std::move(best->second.callback);
    m_timers.erase(best);
    callback();
    return true;
}

int FakeClock::advance(qint64 ms)
{
    const qint64 target = m_nowMs + qMax<qint64>(0, ms);
    int fired = 0;
    while (fireNextDueBy(target))
        ++fired;
    m_nowMs = target;
    return fired;
}

bool FakeClock::advanceToNextTimer()
{
    const std::optional<qint64> next = nextDueInMs();
    if (!next)
        return false;
    const qint64 due = m_nowMs + *next;
    bool fired = false;
    while (fireNextDueBy(due))
        fired = true;
    return fired;
}

int FakeClock::pendingTimers() const
{
    int count = 0;
    for (const auto &entry : m_timers)
        count += (!entry.second.hasContext || entry.second.context) ? 1 : 0;
    return count;
}

std::optional<qint64> FakeClock::nextDueInMs() const
{
    std::optional<qint64> best;
    for (const auto &entry : m_timers) {
        if (entry.second.hasContext && !entry.second.context)
            continue;
        if (!best || entry.second.dueMs < *best)
            best = entry.second.dueMs;
    }
    if (!best)
        return std::nullopt;
    return qMax<qint64>(0, *best - m_nowMs);
}

} // namespace anadesk::test
