#include "Job.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace anadesk {

Job::Job(QObject *parent)
    : QObject(parent)
{
}

// Subclasses stop their own wire work in their destructors (a virtual call here would not reach them).
Job::~Job() = default;

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    // Queued so no signal can fire before the caller has connected.
    QMetaObject::invokeMethod(this, &Job::run, Qt::QueuedConnection);
}

void Job::run()
{
    if (m_finished)
        return; // aborted before the first turn
    if (m_pendingFailure.isError()) {
        finish(m_pendingFailure);
        return;
    }
    doStart();
}

void Job::abort()
{
    if (m_finished)
        return;
    doAbort();
    ApiError error;
    error.category = ErrorCategory::Cancelled;
    error.message = QCoreApplication::translate("anadesk::Job", "%1 was cancelled")
                        .arg(m_description.isEmpty()
                                 ? QCoreApplication::translate("anadesk::Job", "The operation")
                                 : m_description);
    finish(error);
}

void Job::finishSuccess()
{
    finish(ApiError{});
}

void Job::finishFailure(const ApiError &error)
{
    ApiError e = error;
    if (!e.isError()) {
        e.category = ErrorCategory::Protocol; // a failure must never read as success
    }
    finish(e);
}

void Job::failOnStart(const ApiError &error)
{
    m_pendingFailure = error;
}

void Job::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_started = true;
    m_error = error;
    if (error.isError())
        Q_EMIT failed(m_error);
    else
        Q_EMIT succeeded();
    Q_EMIT finished();
    if (m_autoDelete)
        deleteLater();
}

ApiError badInput(const QString &message, const QString &object, const QString &hint)
{
    ApiError e;
    e.category = ErrorCategory::BadInput;
    e.message = message;
    e.object = object;
    e.hint = hint;
    return e;
}

ApiError protocolError(const QString &message, const QString &object)
{
    ApiError e;
    e.category = ErrorCategory::Protocol;
    e.message = message;
    e.object = object;
    e.hint = QCoreApplication::translate("anadesk::Job",
                                         "The server's answer was not what Anaplan sends. Try again; if it "
                                         "persists, report it with the log.");
    return e;
}

} // namespace anadesk
