#include "SandboxWire.h"

namespace anadesk::test {

bool HttpSandboxWire::startSandbox(QStringList args, const QString &dataDir, QString *error)
{
    if (!dataDir.isEmpty())
        args << QStringLiteral("--data") << dataDir;
    m_probe.reset();
    m_process.reset();
    m_process = std::make_unique<SandboxProcess>(args);
    if (!m_process->start(error))
        return false;
    m_probe = std::make_unique<HttpProbe>(m_process->url());
    const ProbeReply login = m_probe->loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
    if (m_probe->token().isEmpty()) {
        *error =
            QStringLiteral("login failed: HTTP %1 %2").arg(login.status).arg(QString::fromUtf8(login.body));
        return false;
    }
    return true;
}

WireReply HttpSandboxWire::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                const WireHeaders &headers)
{
    if (!m_probe)
        return {};
    const ProbeReply r = m_probe->request(method, pathAndQuery, body, headers, 60'000);
    return {r.status, r.body, r.headers};
}

} // namespace anadesk::test
