#include "ModelApiCli.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

namespace anadesk::test {

ModelApiCli::ModelApiCli(QStringList sandboxArguments)
    : m_sandbox(std::move(sandboxArguments))
{}

ModelApiCli::~ModelApiCli()
{
    delete m_probe;
}

bool ModelApiCli::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    // A password only this run knows, so the secret scan at the end can look for it.
    m_password = "Cli-Model-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    qputenv("ANADESK_SANDBOX_PASSWORD", m_password);
    if (!m_sandbox.start(error))
        return false;
    m_cli.setServer(m_sandbox.url());
    m_cli.setEnv(QStringLiteral("ANADESK_PASSWORD"), QString::fromUtf8(m_password));
    m_probe = new HttpProbe(m_sandbox.url());
    const ProbeReply login = m_probe->loginBasic(SandboxProcess::demoUser(), QString::fromUtf8(m_password));
    if (m_probe->token().isEmpty()) {
        *error = QString::fromUtf8(login.body);
        return false;
    }
    return true;
}

QStringList ModelApiCli::args(const QStringList &more, const QString &model) const
{
    QStringList a{QStringLiteral("--user"), SandboxProcess::demoUser(), QStringLiteral("--poll-delay"),
                  QStringLiteral("0.2")};
    if (!model.isEmpty())
        a << QStringLiteral("--model") << model;
    return a + more;
}

CliResult ModelApiCli::run(const QStringList &more, const QString &model, const QByteArray &stdinData)
{
    return m_cli.run(args(more, model), stdinData);
}

QJsonObject ModelApiCli::object(const QStringList &more, int expectedExit, const QString &model)
{
    const CliResult r = m_cli.run(args(more, model) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    if (r.exitCode != expectedExit || !ok || !doc.isObject())
        qWarning().noquote() << "anadesk-cli" << more.join(QLatin1Char(' ')) << r.describe();
    [&] {
        QCOMPARE(r.exitCode, expectedExit);
        QVERIFY2(ok && doc.isObject(), "stdout must be exactly one JSON object");
    }();
    return doc.object();
}

QJsonArray ModelApiCli::array(const QStringList &more, const QString &model)
{
    const CliResult r = m_cli.run(args(more, model) << QStringLiteral("--json"));
    bool ok = false;
    const QJsonDocument doc = r.json(&ok);
    if (r.exitCode != 0 || !ok || !doc.isArray())
        qWarning().noquote() << "anadesk-cli" << more.join(QLatin1Char(' ')) << r.describe();
    [&] {
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(ok && doc.isArray(), "stdout must be exactly one JSON array");
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // nothing on stderr when it is not a terminal
    }();
    return doc.array();
}

QString ModelApiCli::writeFile(const QString &name, const QByteArray &data)
{
    const QString p = m_dir.filePath(name);
    QFile file(p);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qWarning() << "cannot write" << p;
    return p;
}

int ModelApiCli::requestCount(const QByteArray &method, const QString &pathSuffix, const QString &queryPart)
{
    const QJsonArray requests = m_probe->get(QStringLiteral("/__sandbox/requests"))
                                    .json()
                                    .value(QStringLiteral("requests"))
                                    .toArray();
    int count = 0;
    for (const QJsonValue &r : requests)
        if (r[QStringLiteral("method")].toString() == QLatin1String(method) &&
            r[QStringLiteral("path")].toString().endsWith(pathSuffix) &&
            (queryPart.isEmpty() || r[QStringLiteral("query")].toString().contains(queryPart)))
            ++count;
    return count;
}

bool ModelApiCli::sawRequest(const QByteArray &method, const QString &pathPart)
{
    const QJsonArray requests = m_probe->get(QStringLiteral("/__sandbox/requests"))
                                    .json()
                                    .value(QStringLiteral("requests"))
                                    .toArray();
    for (const QJsonValue &r : requests)
        if (r[QStringLiteral("method")].toString() == QLatin1String(method) &&
            r[QStringLiteral("path")].toString().contains(pathPart))
            return true;
    return false;
}

void ModelApiCli::forgetRequests()
{
    m_probe->request("DELETE", QStringLiteral("/__sandbox/requests"));
}

QString names(const QJsonArray &objects)
{
    QStringList list;
    for (const QJsonValue &o : objects)
        list.append(o[QStringLiteral("name")].toString());
    return list.join(QStringLiteral(", "));
}

QJsonObject findByName(const QJsonArray &objects, const QString &name)
{
    for (const QJsonValue &o : objects)
        if (o[QStringLiteral("name")].toString() == name)
            return o.toObject();
    return {};
}

} // namespace anadesk::test
