// The real Clock: wall time from QDateTime, timers from QTimer. A wait must never be cut short
// (a Retry-After honoured 1 ms early is a protocol violation), so each timer checks a monotonic
// QElapsedTimer when it fires and re-arms itself for the remainder if it came early.
#include "Clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTimer>
#include <atomic>
#include <limits>

namespace anadesk {

Clock::~Clock() = default;

namespace {

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }

    TimerId singleShot(qint64 delayMs, QObject *context, std::function<void()> callback) override
    {
        const TimerId id = ++m_lastId;
        auto *timer = new QTimer(context);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        const qint64 wanted = qMax<qint64>(0, delayMs);
        QObject::connect(timer, &QTimer::timeout, timer, [this, id, timer, started, wanted, callback]() {
            const qint64 remaining = wanted - started->elapsed();
            if (remaining > 0) { // fired early (coarse platform timers, clamped interval): wait the rest
                timer->start(int(qMin<qint64>(remaining, std::numeric_limits<int>::max())));
                return;
            }
            forget(id);
            timer->deleteLater();
            callback();
        });
        QObject::connect(timer, &QObject::destroyed, timer, [this, id]() { forget(id); });
        {
            const QMutexLocker lock(&m_mutex);
            m_timers.insert(id, timer);
        }
        timer->start(int(qMin<qint64>(wanted, std::numeric_limits<int>::max())));
        return id;
    }

    void cancel(TimerId id) override
    {
        QPointer<QTimer> timer;
        {
            const QMutexLocker lock(&m_mutex);
            timer = m_timers.take(id);
        }
        if (timer) { // cancel() is called from the timer's own thread (the owner of its context)
            timer->stop();
            timer->deleteLater();
        }
    }

private:
    void forget(TimerId id)
    {
        const QMutexLocker lock(&m_mutex);
        m_timers.remove(id);
    }

    QMutex m_mutex; // transports on different threads share this clock
    std::atomic<TimerId> m_lastId{0};
    QHash<TimerId, QPointer<QTimer>> m_timers; // used from the GUI/network thread only
};

} // namespace

std::shared_ptr<Clock> Clock::system()
{
    static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

} // namespace anadesk
