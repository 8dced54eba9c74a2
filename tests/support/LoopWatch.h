#pragma once
// A GUI-responsiveness probe for tests: a fast timer whose longest gap between ticks tells how long the
// event loop stood still (used by the "the GUI never blocks" tests of ui-shell and ui-transfers).
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace anadesk::test {

// Records the longest interval between ticks of a fast timer: how long the event loop stood still.
class LoopWatch : public QObject
{
public:
    explicit LoopWatch(int intervalMs = 10)
    {
        m_timer.setInterval(intervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGapMs = qMax(m_longestGapMs, now - m_last);
            m_last = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longestGapMs = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 longestGapMs() const { return m_longestGapMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGapMs = 0;
    int m_ticks = 0;
};

} // namespace anadesk::test
