#include "CliRunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>

namespace anadesk::test {

QString CliRunner::binaryPath()
{
    return QStringLiteral(ANADESK_CLI_BIN);
}

QString CliResult::describe() const
{
    return QStringLiteral("exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(4000)), QString::fromUtf8(err.left(4000)));
}

QJsonDocument CliResult::json(bool *ok) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && !doc.isNull();
    return doc;
}

CliRunner::CliRunner(QUrl server)
    : m_server(std::move(server))
    , m_env(QProcessEnvironment::systemEnvironment())
{
    for (const char *name : {"ANADESK_PASSWORD", "ANADESK_TOKEN", "ANADESK_KEY_PASSWORD"})
        m_env.remove(QLatin1String(name));
}

CliResult CliRunner::run(const QStringList &arguments, const QByteArray &stdinData, int timeoutMs)
{
    return runWithEnv(arguments, m_env, stdinData, timeoutMs);
}

CliResult CliRunner::runWithEnv(const QStringList &arguments, const QProcessEnvironment &env,
                                const QByteArray &stdinData, int timeoutMs)
{
    QStringList all;
    if (m_server.isValid())
        all << QStringLiteral("--server") << m_server.toString();
    all += arguments;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(binaryPath(), all);
    CliResult result;
    if (!process.waitForStarted(30'000)) {
        result.err = process.errorString().toUtf8();
        m_outputs.append(result.err);
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(10'000);
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError() + "\n[killed after the test's timeout]";
        m_outputs.append(result.out + result.err);
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    m_outputs.append(result.out + result.err);
    return result;
}

int CliRunner::runsContaining(const QList<QByteArray> &secrets, QByteArray *first) const
{
    int count = 0;
    for (const QByteArray &output : m_outputs)
        for (const QByteArray &secret : secrets)
            if (!secret.isEmpty() && output.contains(secret)) {
                if (first && first->isEmpty())
                    *first = secret;
                ++count;
                break;
            }
    return count;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace anadesk::test
