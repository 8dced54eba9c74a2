#include "PollSchedule.h"

#include <QtGlobal>
#include <cmath>

namespace anadesk {

PollSchedule::PollSchedule(const TaskRunnerOptions &options, int defaultBaseMs)
    : m_options(options)
    , m_defaultBase(defaultBaseMs)
{}

qint64 PollSchedule::baseDelay(const TaskRunnerOptions &options, int defaultBaseMs)
{
    return qMax(0, options.pollDelayMs >= 0 ? options.pollDelayMs : defaultBaseMs);
}

qint64 PollSchedule::delayFor(const TaskRunnerOptions &options, int defaultBaseMs, int waitIndex)
{
    const qint64 base = baseDelay(options, defaultBaseMs);
    const int beyond = waitIndex - qMax(0, options.pollsAtBaseDelay);
    if (beyond < 0)
        return base;
    const double grown = double(base) * std::pow(qMax(1.0, options.pollGrowth), beyond + 1);
    const qint64 cap = qMax<qint64>(base, options.maxPollDelayMs);
    return grown >= double(cap) ? cap : qMax<qint64>(base, qint64(std::llround(grown)));
}

qint64 PollSchedule::next()
{
    return delayFor(m_options, m_defaultBase, m_waits++);
}

bool isTransientPollFailure(ErrorCategory category)
{
    return category == ErrorCategory::Network || category == ErrorCategory::Timeout ||
           category == ErrorCategory::Server || category == ErrorCategory::RateLimited;
}

} // namespace anadesk
