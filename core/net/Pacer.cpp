#include "Pacer.h"

#include "Logging.h"

#include <utility>

namespace anadesk {

Pacer::Pacer(std::shared_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{}

Pacer::~Pacer()
{
    if (m_timer)
        m_clock->cancel(m_timer);
}

void Pacer::setClock(std::shared_ptr<Clock> clock)
{
    if (m_timer) {
        m_clock->cancel(m_timer);
        m_timer = 0;
    }
    m_clock = std::move(clock);
    if (!m_waiting.isEmpty())
        armTimer();
}

void Pacer::pauseFor(qint64 delayMs)
{
    const qint64 until = m_clock->nowMs() + qMax<qint64>(0, delayMs);
    if (until <= m_pausedUntilMs)
        return;
    m_pausedUntilMs = until;
    qCInfo(lcNet) << "pausing all requests of this connection for" << delayMs << "ms";
    if (!m_waiting.isEmpty())
        armTimer();
}

bool Pacer::isPaused() const
{
    return m_clock->nowMs() < m_pausedUntilMs;
}

void Pacer::whenClear(QObject *context, std::function<void()> go)
{
    if (!isPaused() && m_waiting.isEmpty()) {
        go();
        return;
    }
    m_waiting.append(Waiter{context, std::move(go)});
    armTimer();
}

void Pacer::armTimer()
{
    if (m_timer)
        m_clock->cancel(m_timer);
    m_timer = m_clock->singleShot(m_pausedUntilMs - m_clock->nowMs(), this, [this] {
        m_timer = 0;
        release();
    });
}

void Pacer::release()
{
    if (isPaused()) { // extended meanwhile
        armTimer();
        return;
    }
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (qsizetype i = 0; i < waiting.size(); ++i) {
        if (waiting[i].context)
            waiting[i].go();
        if (isPaused()) { // released requests never pause synchronously, but stay correct if one did
            m_waiting = waiting.mid(i + 1) + m_waiting;
            armTimer();
            return;
        }
    }
}

} // namespace anadesk
