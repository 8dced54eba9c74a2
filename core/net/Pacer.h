#pragma once
// One pacer per connection: when any request gets a 429, every request of the connection waits
// until the pause has passed — new ones, retries and replays alike — so parallel workers do not
// keep hammering a server that asked them to slow down.
#include "Clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace anadesk {

class Pacer : public QObject
{
    Q_OBJECT
public:
    Pacer(std::shared_ptr<Clock> clock, QObject *parent = nullptr);
    ~Pacer() override;

    void setClock(std::shared_ptr<Clock> clock);

    // Extends the pause to at least now + delayMs (a shorter pause never shortens a longer one).
    void pauseFor(qint64 delayMs);
    bool isPaused() const;
    qint64 pausedUntilMs() const { return m_pausedUntilMs; }
    int waitingCount() const { return int(m_waiting.size()); }

    // Runs `go` right away when no pause is active, otherwise once it has passed (in arrival order).
    // Nothing runs if `context` is destroyed first.
    void whenClear(QObject *context, std::function<void()> go);

private:
    void armTimer();
    void release();

    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> go;
    };
    std::shared_ptr<Clock> m_clock;
    qint64 m_pausedUntilMs = 0;
    Clock::TimerId m_timer = 0;
    QList<Waiter> m_waiting;
};

} // namespace anadesk
