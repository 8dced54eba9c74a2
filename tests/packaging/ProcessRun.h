// Runs an external program for the packaging tests (cpack, dpkg-deb, dpkg, desktop-file-validate, …) with a
// deadline, and keeps what it printed for the failure message.
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace anadesk::packaging {

struct ProcessResult
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    QString out;
    QString err;

    bool ok() const { return started && !timedOut && exitCode == 0; }
    QString all() const { return out + err; } // both streams, for messages that may go to either
    // "cpack -G DEB: exit 1: <stderr>" — for QVERIFY2 messages.
    QString describe(const QString &what) const;
};

ProcessResult runProcess(const QString &program, const QStringList &arguments, int timeoutMs,
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                         const QString &workingDirectory = {});

// True when `program` is on PATH.
bool haveProgram(const QString &program);

} // namespace anadesk::packaging
