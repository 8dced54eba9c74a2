#include "LogCapture.h"

#include "LogModel.h"
#include "net/Redaction.h"

#include <QDateTime>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>

namespace anadesk {

namespace {

QMutex g_mutex;
QtMessageHandler g_previous = nullptr;
QPointer<LogModel> g_model;
LogCapture *g_owner = nullptr;
thread_local bool t_inHandler = false; // a message logged while handling one is passed on, not captured

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString redacted = redactSecrets(message);
    QtMessageHandler previous = nullptr;
    QPointer<LogModel> model;
    {
        QMutexLocker lock(&g_mutex);
        previous = g_previous;
        model = g_model;
    }
    if (!t_inHandler && model) {
        t_inHandler = true;
        LogEntry entry;
        entry.time = QDateTime::currentDateTime();
        entry.type = type;
        entry.category = context.category ? QString::fromUtf8(context.category) : QString();
        entry.message = redacted;
        // Queued even on the model's own thread: a message may be logged from inside a model slot.
        QMetaObject::invokeMethod(
            model.data(),
            [model, entry] {
                if (model)
                    model->append(entry);
            },
            Qt::QueuedConnection);
        t_inHandler = false;
    }
    if (previous)
        previous(type, context, redacted);
}

} // namespace

LogCapture::LogCapture(LogModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

LogCapture::~LogCapture()
{
    uninstall();
}

void LogCapture::install()
{
    QMutexLocker lock(&g_mutex);
    if (g_owner == this)
        return;
    if (g_owner) { // another capture was installed: take over its chain
        g_model = m_model;
        g_owner = this;
        return;
    }
    g_model = m_model;
    g_owner = this;
    // Under the lock: a message logged meanwhile on another thread waits for g_previous to be set.
    g_previous = qInstallMessageHandler(captureHandler);
}

void LogCapture::uninstall()
{
    QMutexLocker lock(&g_mutex);
    if (g_owner != this)
        return;
    QtMessageHandler previous = g_previous;
    g_owner = nullptr;
    g_model = nullptr;
    g_previous = nullptr;
    qInstallMessageHandler(previous);
}

bool LogCapture::isInstalled() const
{
    QMutexLocker lock(&g_mutex);
    return g_owner == this;
}

} // namespace anadesk
