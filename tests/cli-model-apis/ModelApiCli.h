#pragma once
// The fixture of the `tr` / `alm` CLI tests: a sandbox with a random password, a CliRunner on it, an
// HttpProbe signed in (to compare the CLI's output with what the server serves), and helpers that
// run one command with --json and check the exit code and that stdout is one JSON document.
#include "CliRunner.h"
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace anadesk::test {

inline const QString kDemoModel =
    QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10"); // Sales Planning Demo (DEV)
inline const QString kProdModel =
    QStringLiteral("75A40874E6B64FA3AE0743278B9E3A11"); // Sales Planning (Production)

class ModelApiCli
{
public:
    explicit ModelApiCli(QStringList sandboxArguments = {QStringLiteral("--task-duration"),
                                                         QStringLiteral("800")});
    ~ModelApiCli();

    // Starts the sandbox; false with *error on failure.
    bool start(QString *error);

    // --user, --poll-delay 0.2, --model MODEL, then args.
    QStringList args(const QStringList &more, const QString &model = kDemoModel) const;
    CliResult run(const QStringList &more, const QString &model = kDemoModel,
                  const QByteArray &stdinData = {});
    // With --json: the exit code must be `expectedExit` and stdout one document of that shape. On a
    // mismatch the test fails (QVERIFY inside; check QTest::currentTestFailed()) and the run is logged.
    QJsonObject object(const QStringList &more, int expectedExit = 0, const QString &model = kDemoModel);
    QJsonArray array(const QStringList &more, const QString &model = kDemoModel);

    // Writes `data` into the temporary directory; returns the path.
    QString writeFile(const QString &name, const QByteArray &data);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Requests the sandbox saw with this method whose decoded path ends with `pathSuffix` (and whose
    // raw query contains `queryPart`, when given).
    int requestCount(const QByteArray &method, const QString &pathSuffix, const QString &queryPart = {});
    // Whether the sandbox saw a request with this method whose decoded path contains `pathPart`.
    bool sawRequest(const QByteArray &method, const QString &pathPart);
    void forgetRequests();

    CliRunner &cli() { return m_cli; }
    HttpProbe &probe() { return *m_probe; }
    QByteArray password() const { return m_password; }
    QUrl url() const { return m_sandbox.url(); }

private:
    SandboxProcess m_sandbox;
    CliRunner m_cli;
    HttpProbe *m_probe = nullptr;
    QByteArray m_password;
    QTemporaryDir m_dir;
};

QString names(const QJsonArray &objects); // "a, b, c" of each object's "name"
QJsonObject findByName(const QJsonArray &objects, const QString &name);

} // namespace anadesk::test
