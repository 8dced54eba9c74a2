#pragma once
// Two ways to consume a Job besides connecting to its signals.
//
// waitFor(): runs a local event loop until the job finished or timeoutMs passed — for the CLI and
// tests only; never on the GUI thread (no nested event loops there). On timeout the job is aborted.
//
// futureOf(): a QFuture of {value, error} filled when the job finishes, for code that reads better
// with QFuture::then(context, …). The future is cancelled if the job is destroyed unfinished.
//
//   futureOf(client.getFiles(), [](ListFilesJob *j) { return j->files(); })
//       .then(this, [](const JobResult<QList<File>> &r) { r.ok() ? show(r.value) : report(r.error); });
#include "Job.h"

#include <QEventLoop>
#include <QFuture>
#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <memory>
#include <type_traits>

namespace anadesk {

// True when the job finished (successfully or not) within timeoutMs; false after aborting it.
inline bool waitFor(Job *job, int timeoutMs)
{
    QPointer<Job> guard(job);
    if (!guard)
        return false;
    if (job->isFinished())
        return true;
    const bool autoDelete = job->autoDelete();
    job->setAutoDelete(false); // readable after the loop; deleted below as it would have been
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    if (!job->isStarted())
        job->start();
    timer.start(timeoutMs);
    loop.exec();
    if (!guard)
        return false;
    const bool finished = job->isFinished();
    if (!finished)
        job->abort();
    if (autoDelete)
        job->deleteLater();
    return finished;
}

template <typename T>
struct JobResult
{
    T value{};
    ApiError error;
    bool ok() const { return !error.isError(); }
};

template <typename J, typename Getter>
auto futureOf(J *job, Getter getter) -> QFuture<JobResult<std::decay_t<std::invoke_result_t<Getter, J *>>>>
{
    using T = std::decay_t<std::invoke_result_t<Getter, J *>>;
    auto promise = std::make_shared<QPromise<JobResult<T>>>();
    promise->start();
    QObject::connect(job, &Job::finished, job, [promise, job, getter] {
        JobResult<T> result;
        if (job->isSucceeded())
            result.value = getter(job);
        else
            result.error = job->error();
        promise->addResult(result);
        promise->finish();
    });
    return promise->future();
}

} // namespace anadesk
