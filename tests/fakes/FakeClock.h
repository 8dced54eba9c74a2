#pragma once
// A Clock that only moves when a test says so. Timers fire in due order inside advance()/
// advanceToNextTimer(), from the test's own call stack (no event loop needed for them), so a test
// can assert "the retry was scheduled 2 000 ms later" and "no request went out meanwhile".
//
//   auto clock = std::make_shared<anadesk::test::FakeClock>();
//   transport.setClock(clock);
//   clock->advance(1999);            // nothing due yet
//   clock->scheduledDelays();        // every delay ever asked for, in order
#include "net/Clock.h"

#include <QList>
#include <QPointer>
#include <map>

namespace anadesk::test {

class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'750'000'000'000); // 2025-06-15, any fixed value works

    qint64 nowMs() const override { return m_nowMs; }
    TimerId singleShot(qint64 delayMs, QObject *context, std::function<void()> callback) override;
    void cancel(TimerId id) override;

    // Moves time forward by ms, firing every timer that falls due on the way (in order; timers
    // scheduled by callbacks are honoured too). Returns how many fired.
    int advance(qint64 ms);
    // Jumps to the earliest pending timer and fires it (and any due at the same time). False if none.
    bool advanceToNextTimer();
    void setNow(qint64 ms) { m_nowMs = ms; } // jumps without firing anything (simulates a clock change)

    int pendingTimers() const;                 // live timers (context alive, not cancelled)
    std::optional<qint64> nextDueInMs() const; // relative to now
    const QList<qint64> &scheduledDelays() const { return m_delays; }
    void clearScheduledDelays() { m_delays.clear(); }

private:
    struct Timer
    {
        qint64 dueMs;
        QPointer<QObject> context;
        bool hasContext;
        std::function<void()> callback;
    };
    bool fireNextDueBy(qint64 limitMs);

    qint64 m_nowMs;
    TimerId m_lastId = 0;
    std::map<TimerId, Timer> m_timers;
    QList<qint64> m_delays;
};

} // namespace anadesk::test
