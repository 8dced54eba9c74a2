#pragma once
// Drives a fault test without sleeping: runs the event loop until `done()` holds; whenever nothing
// is left to do but wait (no fake reply about to finish), jumps the FakeClock to its next timer.
// Returns false if `done()` never became true — because nothing could make progress any more
// (stuck) or after wallTimeoutMs of real time (a generous guard, never a measurement).
//
//   QVERIFY(anadesk::test::runUntil([&] { return reply->isFinished(); }, clock.get(), &nam));
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"

#include <functional>

namespace anadesk::test {

bool runUntil(const std::function<bool()> &done, FakeClock *clock = nullptr,
              FakeNetworkAccessManager *manager = nullptr, int wallTimeoutMs = 20'000);

// Runs only the event loop (no clock jumps) until nothing more happens; for "no request goes out
// during the pause" checks between manual clock->advance() steps.
void settle(FakeNetworkAccessManager *manager = nullptr);

} // namespace anadesk::test
