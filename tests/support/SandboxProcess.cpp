#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace anadesk::test {

QString SandboxProcess::binaryPath()
{
    return qEnvironmentVariable("ANADESK_SANDBOX_BIN");
}

SandboxProcess::SandboxProcess(QStringList extraArguments)
    : m_arguments(std::move(extraArguments))
{
}

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(QString *error, int timeoutMs)
{
    const QString binary = binaryPath();
    if (binary.isEmpty()) {
        *error = QStringLiteral("ANADESK_SANDBOX_BIN is not set: run this test through ctest");
        return false;
    }
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0")};
    arguments += m_arguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(binary, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("could not start %1: %2").arg(binary, m_process.errorString());
        return false;
    }
    // The sandbox prints exactly one line with its URL once it listens.
    static const QRegularExpression urlPattern(QStringLiteral("(http://[0-9.:\\[\\]a-z]+:\\d+)"));
    QByteArray seen;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(int(deadline.remainingTime())))
            break;
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine();
            seen += line;
            const auto match = urlPattern.match(QString::fromUtf8(line));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return true;
            }
        }
    }
    *error = QStringLiteral("sandbox printed no URL within %1 ms; stdout: %2; stderr: %3")
                 .arg(timeoutMs)
                 .arg(QString::fromUtf8(seen), QString::fromUtf8(m_process.readAllStandardError()));
    stop();
    return false;
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

QString SandboxProcess::standardError() const
{
    return QString::fromUtf8(const_cast<QProcess &>(m_process).readAllStandardError());
}

} // namespace anadesk::test
