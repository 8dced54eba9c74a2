#pragma once
// The polling cadence shared by every task follower (bulk TaskRunner, ALM AlmTaskRunner): the first
// TaskRunnerOptions::pollsAtBaseDelay waits at the base delay, then each grows by pollGrowth up to
// maxPollDelayMs — never below the base. One place, so bulk and ALM tasks poll alike.
#include "TaskRunnerOptions.h"
#include "net/ApiError.h"

namespace anadesk {

class PollSchedule
{
public:
    // defaultBaseMs: the connection's ClientOptions::statusPollDelayMs, used when options.pollDelayMs < 0.
    PollSchedule(const TaskRunnerOptions &options, int defaultBaseMs);

    // The wait before poll number waitIndex + 1 (0-based count of waits so far).
    static qint64 delayFor(const TaskRunnerOptions &options, int defaultBaseMs, int waitIndex);
    static qint64 baseDelay(const TaskRunnerOptions &options, int defaultBaseMs);

    qint64 baseDelayMs() const { return baseDelay(m_options, m_defaultBase); }
    // The wait before the next poll; each call counts one wait.
    qint64 next();
    int waits() const { return m_waits; }

private:
    TaskRunnerOptions m_options;
    int m_defaultBase;
    int m_waits = 0;
};

// A status read that failed for a reason that may pass (network, timeout, 5xx, 429): polling goes on.
bool isTransientPollFailure(ErrorCategory category);

} // namespace anadesk
