#include "ProgressReporting.h"

#include "tasks/TaskRunner.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ProgressReporting", text);
}
} // namespace

void reportTaskProgress(TaskRunner *runner, ProgressLine &line, const Output &output, const QString &label)
{
    QObject::connect(runner, &TaskRunner::warning, runner, [&output, &line](const QString &message) {
        line.finish();
        output.warning(message);
    });
    QObject::connect(
        runner, &TaskRunner::modelBusy, runner, [&output, &line, label](const QString &tooltip, int delayMs) {
            line.finish();
            output.warning(tr("%1: the model is busy%2; trying again in %3 s")
                               .arg(label, tooltip.isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (") + tooltip + QLatin1Char(')'))
                               .arg(double(delayMs) / 1000.0, 0, 'f', 1));
        });
    if (!line.isEnabled())
        return;
    QObject::connect(runner, &TaskRunner::taskStarted, runner, [&line, label](const QString &taskId) {
        line.update(tr("%1: task %2 started").arg(label, taskId));
    });
    QObject::connect(runner, &TaskRunner::progress, runner,
                     [&line, label, runner](double fraction, const QString &step) {
                         QString text = tr("%1: %2").arg(label, runner->status().stateRaw);
                         if (fraction >= 0.0)
                             text += QStringLiteral(" %1%").arg(qRound(fraction * 100.0));
                         if (!step.isEmpty())
                             text += QLatin1Char(' ') + step;
                         line.update(text);
                     });
}

} // namespace anadesk::cli
