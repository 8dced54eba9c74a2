#include "CloudCliTest.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <cstdio>

namespace anadesk::test {

bool CloudCliTest::startSandbox(const QStringList &extraArguments)
{
    if (!QFile::exists(CliRunner::binaryPath())) {
        QTest::qFail(qPrintable(QStringLiteral("no anadesk-cli at ") + CliRunner::binaryPath()), __FILE__,
                     __LINE__);
        return false;
    }
    // A password only this run knows, so the tests can search every output for it.
    m_password = "Cloud-Cli-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    qputenv("ANADESK_SANDBOX_PASSWORD", m_password);
    m_sandbox = std::make_unique<SandboxProcess>(
        QStringList{QStringLiteral("--task-duration"), QStringLiteral("1500")} + extraArguments);
    QString error;
    if (!m_sandbox->start(&error)) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return false;
    }
    m_cli.setServer(m_sandbox->url());
    m_cli.setEnv(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
    m_probe = std::make_unique<HttpProbe>(m_sandbox->url());
    const ProbeReply login = m_probe->loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password));
    if (m_probe->token().isEmpty()) {
        QTest::qFail(login.body.constData(), __FILE__, __LINE__);
        return false;
    }
    return m_dir.isValid();
}

void CloudCliTest::stopSandbox()
{
    m_probe.reset();
    if (m_sandbox)
        m_sandbox->stop();
}

QStringList CloudCliTest::base(const QStringList &more) const
{
    return QStringList{QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--poll-delay"),
                       QStringLiteral("0.2")} +
           more;
}

QJsonObject CloudCliTest::runObject(const QStringList &args, int expectedExit)
{
    const CliResult r = m_cli.run(base(args) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    m_lastOk = r.exitCode == expectedExit && ok && doc.isObject();
    if (!m_lastOk)
        qWarning().noquote() << "anadesk-cli" << args.join(QLatin1Char(' ')) << "expected exit"
                             << expectedExit << r.describe();
    return doc.object();
}

QJsonArray CloudCliTest::runArray(const QStringList &args)
{
    const CliResult r = m_cli.run(base(args) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    // Not a terminal: a successful listing writes nothing to stderr.
    m_lastOk = r.exitCode == 0 && ok && doc.isArray() && r.err.isEmpty();
    if (!m_lastOk)
        qWarning().noquote() << "anadesk-cli" << args.join(QLatin1Char(' ')) << r.describe();
    return doc.array();
}

CliResult CloudCliTest::runRaw(const QStringList &args, const QByteArray &stdinData)
{
    return m_cli.run(base(args), stdinData);
}

CliResult CloudCliTest::runRawWithEnv(const QStringList &args, const QProcessEnvironment &env)
{
    return m_cli.runWithEnv(base(args), env);
}

QString CloudCliTest::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return QString();
    return path;
}

QString CloudCliTest::writeJson(const QString &name, const QJsonObject &object)
{
    return writeFile(name, QJsonDocument(object).toJson());
}

void CloudCliTest::figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test
