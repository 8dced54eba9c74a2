#include "EventDriver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace anadesk::test {

namespace {
void spin()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
}
} // namespace

void settle(FakeNetworkAccessManager *manager)
{
    QElapsedTimer wall;
    wall.start();
    spin();
    while (manager && manager->activeReplies() > 0 && wall.elapsed() < 20'000) {
        spin();
        if (manager->activeReplies() > 0)
            QThread::msleep(1); // replies scheduled on real QTimers with a delay
    }
    spin();
}

bool runUntil(const std::function<bool()> &done, FakeClock *clock, FakeNetworkAccessManager *manager,
              int wallTimeoutMs)
{
    QElapsedTimer wall;
    wall.start();
    int idleRounds = 0;
    while (!done()) {
        if (wall.elapsed() > wallTimeoutMs)
            return false;
        spin();
        if (done())
            return true;
        if (manager && manager->activeReplies() > 0) {
            idleRounds = 0;
            QThread::msleep(1);
            continue;
        }
        if (clock && clock->advanceToNextTimer()) {
            idleRounds = 0;
            continue;
        }
        if (!clock)
            QThread::msleep(1); // real timers: let them come due
        else if (++idleRounds > 50)
            return done(); // nothing can move any more
    }
    return true;
}

} // namespace anadesk::test
