#include "MeasuredChild.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

namespace anadesk::test {

namespace {

QByteArray readAndRemove(const QString &path)
{
    QFile file(path);
    QByteArray bytes;
    if (file.open(QIODevice::ReadOnly))
        bytes = file.readAll();
    file.close();
    QFile::remove(path);
    return bytes;
}

// Argument and environment strings kept alive for posix_spawn's char* arrays.
struct CStrings
{
    std::vector<QByteArray> storage;
    std::vector<char *> pointers;
    void add(QByteArray text) { storage.push_back(std::move(text)); }
    char *const *terminated()
    {
        pointers.clear();
        for (QByteArray &s : storage)
            pointers.push_back(s.data());
        pointers.push_back(nullptr);
        return pointers.data();
    }
};

} // namespace

QString MeasuredRun::describe() const
{
    return QStringLiteral(
               "started %1, exit %2, signal %3, timed out %4%5\n--- stdout ---\n%6\n--- stderr ---\n%7")
        .arg(int(started))
        .arg(exitCode)
        .arg(signal)
        .arg(int(timedOut))
        .arg(error.isEmpty() ? QString() : QStringLiteral(", error: ") + error)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

MeasuredRun runMeasured(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
                        const QString &outputDir, const QString &tag, int timeoutMs)
{
    MeasuredRun run;
    const QString outPath = QDir(outputDir).filePath(tag + QStringLiteral(".stdout"));
    const QString errPath = QDir(outputDir).filePath(tag + QStringLiteral(".stderr"));

    CStrings argv;
    argv.add(QFile::encodeName(program));
    for (const QString &a : arguments)
        argv.add(a.toLocal8Bit());
    CStrings envp;
    const QStringList vars = env.toStringList();
    for (const QString &v : vars)
        envp.add(v.toLocal8Bit());

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const QByteArray outName = QFile::encodeName(outPath);
    const QByteArray errName = QFile::encodeName(errPath);
    posix_spawn_file_actions_addopen(&actions, 1, outName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, errName.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    QElapsedTimer timer;
    timer.start();
    pid_t pid = -1;
    const int spawnError = posix_spawn(&pid, argv.storage.front().constData(), &actions, nullptr,
                                       argv.terminated(), envp.terminated());
    posix_spawn_file_actions_destroy(&actions);
    if (spawnError != 0) {
        run.error = QStringLiteral("posix_spawn %1: %2")
                        .arg(program, QString::fromLocal8Bit(std::strerror(spawnError)));
        return run;
    }
    run.started = true;

    // Poll (WNOHANG) so a hung child is killed at the deadline instead of hanging the test.
    int status = 0;
    struct rusage usage = {};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR) {
            // ECHILD: no longer ours to wait for (nothing else reaps it in this test); nothing to kill.
            run.error = QStringLiteral("wait4: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        if (timer.elapsed() > timeoutMs) {
            run.timedOut = true;
            ::kill(pid, SIGKILL);
            while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
            }
            break;
        }
        // Runs the test's event loop meanwhile: QProcess children (the sandbox) keep their pipes drained.
        QTest::qWait(20);
    }
    run.wallMs = timer.elapsed();
#ifdef Q_OS_MACOS
    run.maxRssBytes = qint64(usage.ru_maxrss); // macOS: bytes
#else
    run.maxRssBytes = qint64(usage.ru_maxrss) * 1024; // Linux and the BSDs: kilobytes
#endif
    if (!run.timedOut && run.error.isEmpty()) {
        if (WIFEXITED(status))
            run.exitCode = WEXITSTATUS(status);
        else if (WIFSIGNALED(status))
            run.signal = WTERMSIG(status);
    }
    run.out = readAndRemove(outPath);
    run.err = readAndRemove(errPath);
    return run;
}

} // namespace anadesk::test
