#pragma once
// The shared fixture of the cli-cloud-apis tests: a sandbox started with a password only this run knows
// (so every output can be searched for it), runs last 1.5 s, and helpers that run anadesk-cli with
// --json and check the exit code and the shape of stdout.
#include "CliRunner.h"
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <memory>

namespace anadesk::test {

class CloudCliTest : public QObject
{
    Q_OBJECT
protected:
    // Starts the sandbox and signs the probe in; false (with a QTest failure recorded) when it cannot.
    bool startSandbox(const QStringList &extraArguments = {});
    void stopSandbox();

    QStringList base(const QStringList &more) const;
    // Runs with --json; checks the exit code and that stdout is exactly one JSON object / array.
    QJsonObject runObject(const QStringList &args, int expectedExit = 0);
    QJsonArray runArray(const QStringList &args);
    CliResult runRaw(const QStringList &args, const QByteArray &stdinData = {});
    CliResult runRawWithEnv(const QStringList &args, const QProcessEnvironment &env);
    // True when the last runObject/runArray call matched (QCOMPARE inside helpers cannot return).
    bool lastOk() const { return m_lastOk; }

    QString writeFile(const QString &name, const QByteArray &data);
    QString writeJson(const QString &name, const QJsonObject &object);

    static void figure(const QString &line);

    std::unique_ptr<SandboxProcess> m_sandbox;
    CliRunner m_cli;
    std::unique_ptr<HttpProbe> m_probe; // signed in as the demo user
    QByteArray m_password;
    QTemporaryDir m_dir;

private:
    bool m_lastOk = false;
};

} // namespace anadesk::test

// The run must have matched (exit code and JSON shape); stops the test function otherwise.
#define CHECK_RUN()                                                                                          \
    do {                                                                                                     \
        if (!lastOk())                                                                                       \
            QFAIL("anadesk-cli did not answer as expected (see the warning above)");                         \
    } while (false)
