#pragma once
// "Try the sandbox": starts anadesk-sandbox as a child process on a free loopback port (--port 0), reads
// the one line it prints ("anadesk-sandbox listening on http://127.0.0.1:PORT") and reports the URL.
// Never blocks: start() returns at once, ready()/failed() follow from the event loop; a sandbox that
// prints nothing within the start timeout is stopped and reported. The sandbox is stopped when the
// launcher is destroyed (i.e. when the app exits) — it is the only process Anadesk ever starts.
#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace anadesk {

class SandboxLauncher : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Failed
    };

    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // Where anadesk-sandbox is looked for, in order: `explicitPath` (command line / tests), the environment
    // variable ANADESK_SANDBOX_BIN, next to the running executable, the build tree (../sandbox/ from
    // app/desktop), then PATH. Empty when none exists.
    static QString findBinary(const QString &explicitPath = {});
    static QStringList candidatePaths(const QString &explicitPath = {});

    void setBinary(const QString &path) { m_binary = path; }
    QString binary() const { return m_binary; }
    void setStartTimeout(int milliseconds) { m_startTimer.setInterval(milliseconds); }
    // Extra arguments after "--port 0 --host 127.0.0.1" (tests: e.g. "--task-duration 200").
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }

    // Starts the sandbox unless it is already starting or running (then ready() is repeated for a running
    // one, on the next event-loop turn).
    void start();
    // Terminates the sandbox (waits at most `graceMs` before killing it). Only for exit paths.
    void stop(int graceMs = 3'000);

    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    qint64 processId() const;
    // The last few KB the sandbox wrote on stderr (for error messages).
    QString recentErrorOutput() const { return QString::fromLocal8Bit(m_stderrTail); }

    // The demo account the sandbox documents in --help (not a real secret).
    static QString demoUser() { return QStringLiteral("demo@anadesk.test"); }
    static QByteArray demoPassword() { return QByteArrayLiteral("Sandbox-Demo-1"); }

Q_SIGNALS:
    void ready(const QUrl &url);
    // What went wrong and what to do, translated.
    void failed(const QString &message);
    // The sandbox ended while running (crash or killed from outside).
    void stopped(const QString &message);

private:
    void onReadyReadStdout();
    void onReadyReadStderr();
    void onProcessError(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void fail(const QString &message);

    QProcess *m_process = nullptr;
    QTimer m_startTimer;
    QString m_binary;
    QStringList m_extraArguments;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrTail;
    QUrl m_url;
    State m_state = State::Stopped;
    bool m_stopping = false;
};

} // namespace anadesk
