#pragma once
// Starts a real anadesk-sandbox on a free loopback port for one test, reads the URL it prints,
// and stops it again. Tests talk to it over HTTP exactly as the app does.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace anadesk::test {

class SandboxProcess
{
public:
    // The seeded sandbox account (documented in `anadesk-sandbox --help` and docs/sandbox.md).
    static QString demoUser() { return QStringLiteral("demo@anadesk.test"); }
    static QString demoPassword() { return QStringLiteral("Sandbox-Demo-1"); }
    // ANADESK_SANDBOX_BIN, set by tests/CMakeLists.txt for tests declared with SANDBOX.
    static QString binaryPath();

    explicit SandboxProcess(QStringList extraArguments = {});
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    // Starts and waits (at most timeoutMs) for the "listening" line; false with *error set on failure.
    bool start(QString *error, int timeoutMs = 20'000);
    void stop();
    QUrl url() const { return m_url; }
    QString standardError() const;

private:
    QStringList m_arguments;
    QProcess m_process;
    QUrl m_url;
};

} // namespace anadesk::test
