#include "SandboxLauncher.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcSandboxLauncher, "anadesk.ui.sandbox")

namespace anadesk {

namespace {
constexpr qsizetype kStderrTailBytes = 4'096;
constexpr qsizetype kMaxStdoutLine = 4'096;

QString executableName()
{
#ifdef Q_OS_WIN
    return QStringLiteral("anadesk-sandbox.exe");
#else
    return QStringLiteral("anadesk-sandbox");
#endif
}
} // namespace

SandboxLauncher::SandboxLauncher(QObject *parent)
    : QObject(parent)
{
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(20'000);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(tr("anadesk-sandbox did not report its address within %1 seconds; it was stopped. Its error output: %2")
                 .arg(m_startTimer.interval() / 1'000)
                 .arg(recentErrorOutput().trimmed().isEmpty() ? tr("(none)") : recentErrorOutput().trimmed()));
    });
}

SandboxLauncher::~SandboxLauncher()
{
    stop(2'000);
}

QStringList SandboxLauncher::candidatePaths(const QString &explicitPath)
{
    QStringList paths;
    if (!explicitPath.isEmpty())
        paths << explicitPath;
    const QString fromEnvironment = qEnvironmentVariable("ANADESK_SANDBOX_BIN");
    if (!fromEnvironment.isEmpty())
        paths << fromEnvironment;
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        paths << QDir(appDir).filePath(executableName());
        // Build tree: <build>/app/desktop/anadesk next to <build>/app/sandbox/anadesk-sandbox.
        paths << QDir(appDir).filePath(QStringLiteral("../sandbox/") + executableName());
        paths << QDir(appDir).filePath(QStringLiteral("../app/sandbox/") + executableName());
    }
    const QString inPath = QStandardPaths::findExecutable(executableName());
    if (!inPath.isEmpty())
        paths << inPath;
    return paths;
}

QString SandboxLauncher::findBinary(const QString &explicitPath)
{
    for (const QString &path : candidatePaths(explicitPath)) {
        const QFileInfo info(path);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

qint64 SandboxLauncher::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void SandboxLauncher::start()
{
    if (m_state == State::Starting)
        return;
    if (m_state == State::Running) {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT ready(m_url); }, Qt::QueuedConnection);
        return;
    }
    const QString binary = m_binary.isEmpty() ? findBinary() : findBinary(m_binary);
    if (binary.isEmpty()) {
        const QString tried = candidatePaths(m_binary).join(QStringLiteral(", "));
        m_state = State::Failed;
        QMetaObject::invokeMethod(
            this,
            [this, tried] {
                Q_EMIT failed(tr("anadesk-sandbox was not found (looked in: %1). Build it (target anadesk-sandbox) "
                                 "or set ANADESK_SANDBOX_BIN to its path.")
                                  .arg(tried.isEmpty() ? tr("nowhere") : tried));
            },
            Qt::QueuedConnection);
        return;
    }

    delete m_process;
    m_process = new QProcess(this);
    m_stdoutBuffer.clear();
    m_stderrTail.clear();
    m_url.clear();
    m_stopping = false;
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxLauncher::onReadyReadStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &SandboxLauncher::onReadyReadStderr);
    connect(m_process, &QProcess::errorOccurred, this, &SandboxLauncher::onProcessError);
    connect(m_process, &QProcess::finished, this, &SandboxLauncher::onFinished);

    m_state = State::Starting;
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--host"),
                          QStringLiteral("127.0.0.1")};
    arguments << m_extraArguments;
    qCInfo(lcSandboxLauncher) << "starting" << binary << arguments;
    m_startTimer.start();
    m_process->start(binary, arguments, QIODevice::ReadOnly);
}

void SandboxLauncher::onReadyReadStdout()
{
    m_stdoutBuffer += m_process->readAllStandardOutput();
    if (m_state != State::Starting) {
        m_stdoutBuffer.clear(); // after the address line the sandbox's stdout is not used
        return;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (http://[^\\s]+)"));
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdoutBuffer.left(newline)).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        const QRegularExpressionMatch match = listening.match(line);
        if (!match.hasMatch())
            continue;
        const QUrl url(match.captured(1));
        if (!url.isValid() || url.port() <= 0) {
            fail(tr("anadesk-sandbox printed an address that cannot be used: %1").arg(line));
            return;
        }
        m_startTimer.stop();
        m_url = url;
        m_state = State::Running;
        m_stdoutBuffer.clear();
        qCInfo(lcSandboxLauncher) << "sandbox listening on" << url.toString();
        Q_EMIT ready(url);
        return;
    }
    if (m_stdoutBuffer.size() > kMaxStdoutLine)
        m_stdoutBuffer.clear();
}

void SandboxLauncher::onReadyReadStderr()
{
    m_stderrTail += m_process->readAllStandardError();
    if (m_stderrTail.size() > kStderrTailBytes)
        m_stderrTail = m_stderrTail.right(kStderrTailBytes);
}

void SandboxLauncher::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart)
        fail(tr("anadesk-sandbox could not be started (%1): %2").arg(m_process->program(), m_process->errorString()));
}

void SandboxLauncher::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping)
        return;
    const QString output = recentErrorOutput().trimmed();
    const QString how = status == QProcess::CrashExit ? tr("crashed")
                                                      : tr("exited with code %1").arg(exitCode);
    if (m_state == State::Starting) {
        fail(tr("anadesk-sandbox %1 before it was ready. Its error output: %2")
                 .arg(how, output.isEmpty() ? tr("(none)") : output));
    } else if (m_state == State::Running) {
        m_state = State::Stopped;
        qCWarning(lcSandboxLauncher) << "sandbox" << how;
        Q_EMIT stopped(tr("The sandbox %1; reconnect with \"Try the sandbox\".").arg(how));
    }
}

void SandboxLauncher::fail(const QString &message)
{
    m_startTimer.stop();
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_stopping = true;
        m_process->kill();
    }
    m_state = State::Failed;
    qCWarning(lcSandboxLauncher).noquote() << message;
    Q_EMIT failed(message);
}

void SandboxLauncher::stop(int graceMs)
{
    m_startTimer.stop();
    if (!m_process)
        return;
    m_stopping = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(graceMs)) {
            m_process->kill();
            m_process->waitForFinished(1'000);
        }
    }
    if (m_state != State::Failed)
        m_state = State::Stopped;
    m_url.clear();
}

} // namespace anadesk
