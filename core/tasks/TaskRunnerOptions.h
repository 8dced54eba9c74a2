#pragma once
// How a TaskRunner starts, waits for and reports one task. Defaults follow the reference AsyncClient
// where it has one (status_poll_delay) and reliability-and-security.md §2.4 where it does not.
#include <QtGlobal>

namespace anadesk {

struct TaskRunnerOptions
{
    bool waitForCompletion = true; // false: finish after the start and one status read (run_action(wait=False))

    // Polling: pollsAtBaseDelay polls at the base delay (ClientOptions::statusPollDelayMs when -1),
    // then each wait grows by pollGrowth up to maxPollDelayMs — never below the base delay.
    int pollDelayMs = -1;
    int pollsAtBaseDelay = 10;
    double pollGrowth = 1.25;
    int maxPollDelayMs = 30'000;
    // Transient status failures (network, timeout, 5xx, 429) tolerated in a row before giving up
    // (Anaplan Connect tolerates 30).
    int maxConsecutivePollFailures = 30;
    // Overall deadline from start() in ms; 0 = none. When reached the runner fails with Timeout and
    // the task keeps running on the server (its id is in the error and in taskId()).
    qint64 deadlineMs = 0;

    // Start: a failure that may have reached the server is reconciled through the task list; only
    // when no new task appeared is the POST sent again, at most this many POSTs in all.
    int maxStartAttempts = 3;
    // Model busy (409/423) on start: wait busyInitialDelayMs, growing by busyGrowth up to
    // busyMaxDelayMs, for at most busyMaxWaitMs in all; cancellable at any time.
    int busyInitialDelayMs = 5'000;
    double busyGrowth = 1.5;
    int busyMaxDelayMs = 60'000;
    qint64 busyMaxWaitMs = 15 * 60'000;

    // On COMPLETE with successful=false: download the failure dumps (the import's, or one per failed
    // nested action of a process) before reporting, since the next run overwrites them.
    bool fetchDumpsOnFailure = false;
};

} // namespace anadesk
