#include "ProcessRun.h"

#include <QProcess>
#include <QStandardPaths>

namespace anadesk::packaging {

QString ProcessResult::describe(const QString &what) const
{
    if (!started)
        return what + QStringLiteral(": could not be started");
    if (timedOut)
        return what + QStringLiteral(": did not finish in time; output so far:\n") + out + err;
    return what + QStringLiteral(": exit ") + QString::number(exitCode) + QStringLiteral("\n--- stdout\n") +
           out + QStringLiteral("\n--- stderr\n") + err;
}

ProcessResult runProcess(const QString &program, const QStringList &arguments, int timeoutMs,
                         const QProcessEnvironment &environment, const QString &workingDirectory)
{
    ProcessResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000))
        return result;
    result.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5'000);
    }
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    if (!result.timedOut)
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

bool haveProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

} // namespace anadesk::packaging
