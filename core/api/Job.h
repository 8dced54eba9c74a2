#pragma once
// The one asynchronous unit of core: every API call, paged listing, task run and transfer is a Job.
//
// Contract (the CLI, the GUI and the tests rely on it):
// - start() returns at once; the work begins on the next event-loop turn. No signal is ever emitted
//   from inside start(), so connecting right after a facade call (BulkClient::getFiles()…, which
//   return started jobs) is always in time.
// - Exactly one of succeeded() / failed(error) is emitted, then finished(). Nothing after that.
// - abort() stops everything the job has in flight and sends nothing more; if the job had not
//   finished it emits failed() with ErrorCategory::Cancelled, then finished().
// - After finished() the job deletes itself (deleteLater) unless setAutoDelete(false) was called.
//   Typed results (files(), status(), …) are readable in slots connected to these signals, and for
//   as long as the job lives.
// - A job may be parented to any QObject; deleting a running job aborts it silently.
#include "net/ApiError.h"

#include <QObject>
#include <QString>

namespace anadesk {

class Job : public QObject
{
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void abort();

    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    bool isSucceeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }

    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    bool autoDelete() const { return m_autoDelete; }

    // What this job does, for messages and logs ("List files of model 75A4…").
    QString description() const { return m_description; }

    // For facades and constructors (local validation): the job will fail with `error` when it starts,
    // sending nothing. No effect once the job runs.
    void failOnStart(const ApiError &error);

Q_SIGNALS:
    void succeeded();
    void failed(const anadesk::ApiError &error);
    void finished();

protected:
    void setDescription(const QString &description) { m_description = description; }

    // Called once, on the event-loop turn after start(). Must end (now or later) in
    // finishSuccess() or finishFailure().
    virtual void doStart() = 0;
    // Stop replies, timers and child jobs. Must not emit anything.
    virtual void doAbort() {}

    void finishSuccess();
    void finishFailure(const ApiError &error);
    bool hasPendingFailure() const { return m_pendingFailure.isError(); }

private:
    void run();
    void finish(const ApiError &error);

    QString m_description;
    ApiError m_error;
    ApiError m_pendingFailure;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

// A BadInput error raised before anything was sent.
ApiError badInput(const QString &message, const QString &object = {}, const QString &hint = {});
// A Protocol error: the server answered something this client cannot understand.
ApiError protocolError(const QString &message, const QString &object = {});

} // namespace anadesk
