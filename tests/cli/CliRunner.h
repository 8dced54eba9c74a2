#pragma once
// Runs the real anadesk-cli binary (ANADESK_CLI_BIN, set at compile time) as a child process
// against a sandbox, the way a script would: arguments, environment, stdin; then exit code,
// stdout and stderr. Every output is kept so a test can search all of it for planted secrets.
#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace anadesk::test {

struct CliResult
{
    int exitCode = -1; // -1: did not finish (killed after the timeout) or crashed
    QByteArray out;
    QByteArray err;
    QString describe() const; // for failure messages: exit code and both streams
    // stdout parsed as one JSON document; *ok false when it is not exactly one document.
    QJsonDocument json(bool *ok = nullptr) const;
};

class CliRunner
{
public:
    static QString binaryPath();

    explicit CliRunner(QUrl server = {});
    void setServer(const QUrl &server) { m_server = server; }
    QUrl server() const { return m_server; }

    // The environment of every run (starts from the test's own, without any ANADESK_* secret).
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }
    void removeEnv(const QString &name) { m_env.remove(name); }

    // --server URL (when set) + arguments.
    CliResult run(const QStringList &arguments, const QByteArray &stdinData = {}, int timeoutMs = 180'000);
    // The same with an environment for this run only.
    CliResult runWithEnv(const QStringList &arguments, const QProcessEnvironment &env,
                         const QByteArray &stdinData = {}, int timeoutMs = 180'000);
    QProcessEnvironment environment() const { return m_env; }

    // How many runs' outputs contain any of `secrets`, and which secret first (for the message).
    int runsContaining(const QList<QByteArray> &secrets, QByteArray *first = nullptr) const;
    int runCount() const { return int(m_outputs.size()); }

private:
    QUrl m_server;
    QProcessEnvironment m_env;
    QList<QByteArray> m_outputs;
};

QByteArray sha256OfFile(const QString &path);
QByteArray sha256Hex(const QByteArray &data);

} // namespace anadesk::test
