#pragma once
// Runs a program as a child process and reports its own peak resident set size: the kernel's ru_maxrss
// of exactly that child, read with wait4() when it is reaped (QProcess reaps its children itself and
// getrusage(RUSAGE_CHILDREN) mixes every child the test has reaped). stdout and stderr go to files in a
// given directory and are read back once the child has finished; stdin is /dev/null. POSIX only.
#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace anadesk::test {

struct MeasuredRun
{
    bool started = false;
    bool timedOut = false; // killed (SIGKILL) after the deadline
    int exitCode = -1;     // -1: did not exit normally (signal, timeout, not started)
    int signal = 0;        // the terminating signal, if any
    qint64 maxRssBytes = 0;
    qint64 wallMs = 0;
    QByteArray out;
    QByteArray err;
    QString error; // why it could not be started

    QString describe() const; // exit status and both streams, for failure messages
};

// The environment is passed as given (nothing inherited); a password in it never reaches a command line.
MeasuredRun runMeasured(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
                        const QString &outputDir, const QString &tag, int timeoutMs);

} // namespace anadesk::test
