#pragma once
// Turns Ctrl-C (SIGINT) and SIGTERM into a callback on the event loop. The signal handler only
// writes one byte into a socket pair (async-signal-safe); a QSocketNotifier reads it on the main
// thread, where it is safe to cancel jobs.
#include <QObject>
#include <functional>

class QSocketNotifier;

namespace anadesk::cli {

class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(std::function<void()> onInterrupt, QObject *parent = nullptr);
    ~InterruptWatcher() override;

private:
    void onReadable();

    std::function<void()> m_onInterrupt;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace anadesk::cli
