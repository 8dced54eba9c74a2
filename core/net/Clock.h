#pragma once
// Time for core/net and core/auth, injectable so tests check scheduled delays without sleeping.
// now() is wall-clock milliseconds since the Unix epoch (what Anaplan's expiresAt and HTTP-dates
// use); timers are single-shot callbacks that never run earlier than asked.
#include <QtGlobal>
#include <functional>
#include <memory>

class QObject;

namespace anadesk {

class Clock
{
public:
    using TimerId = quint64;

    virtual ~Clock();

    // Milliseconds since 1970-01-01T00:00:00Z.
    virtual qint64 nowMs() const = 0;

    // Runs `callback` once, no earlier than delayMs from now (negative counts as 0), from the event
    // loop of `context`'s thread — never synchronously inside this call. Nothing runs once `context`
    // is destroyed or the timer is cancelled. Returns an id for cancel() (never 0).
    virtual TimerId singleShot(qint64 delayMs, QObject *context, std::function<void()> callback) = 0;
    virtual void cancel(TimerId id) = 0;

    // The process-wide real clock (QTimer::PreciseTimer, re-armed when a timer fires early).
    static std::shared_ptr<Clock> system();
};

} // namespace anadesk
