#include "CloudWire.h"

#ifdef CLOUD_OVER_HTTP
#include "HttpProbe.h"
#include "SandboxProcess.h"
#else
#include "cloudworks/CloudServices.h"
#include "http/Router.h"
#include "tenant/Tenant.h"

#include <QUrl>
#include <QUrlQuery>
#endif

namespace cloudtest {

#ifdef CLOUD_OVER_HTTP

class HttpWire : public Wire
{
public:
    bool start(const WireOptions &options, QString *error) override
    {
        m_probe.reset();
        m_process.reset();
        QStringList args{QStringLiteral("--task-duration"), QString::number(options.taskDurationMs),
                         QStringLiteral("--large-user-count"), QString::number(options.largeUserCount)};
        if (!options.dataDir.isEmpty())
            args << QStringLiteral("--data") << options.dataDir;
        m_process = std::make_unique<anadesk::test::SandboxProcess>(args);
        if (!m_process->start(error))
            return false;
        m_probe = std::make_unique<anadesk::test::HttpProbe>(m_process->url());
        const auto login = m_probe->loginBasic(anadesk::test::SandboxProcess::demoUser(),
                                               anadesk::test::SandboxProcess::demoPassword());
        if (m_probe->token().isEmpty()) {
            *error = QStringLiteral("login failed: HTTP %1").arg(login.status);
            return false;
        }
        return true;
    }
    Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers) override
    {
        const auto r = m_probe->request(method, pathAndQuery, body, headers, 60'000);
        return {r.status, r.body, r.headers};
    }
    QString name() const override { return QStringLiteral("http"); }

private:
    std::unique_ptr<anadesk::test::SandboxProcess> m_process;
    std::unique_ptr<anadesk::test::HttpProbe> m_probe;
};

std::unique_ptr<Wire> makeWire()
{
    return std::make_unique<HttpWire>();
}

#else

class InProcessWire : public Wire
{
public:
    bool start(const WireOptions &options, QString *) override
    {
        m_router.reset();
        m_cloud.reset();
        m_tenant.reset();
        sandbox::SandboxConfig config;
        config.taskDurationMs = options.taskDurationMs;
        config.largeUserCount = options.largeUserCount;
        config.dataDir = options.dataDir;
        m_tenant = std::make_unique<sandbox::Tenant>(config);
        m_cloud = std::make_unique<sandbox::CloudServices>(config, m_tenant->state());
        m_router = std::make_unique<sandbox::Router>();
        m_cloud->registerRoutes(*m_router);
        return true;
    }
    Reply call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
               const QList<QPair<QByteArray, QByteArray>> &headers) override
    {
        sandbox::HttpRequest request;
        request.method = method;
        request.target = pathAndQuery.toUtf8();
        const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
        const QString path = q < 0 ? pathAndQuery : pathAndQuery.left(q);
        if (q >= 0)
            request.query = QUrlQuery(pathAndQuery.mid(q + 1));
        for (const QString &segment : path.mid(1).split(QLatin1Char('/')))
            request.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
        for (const auto &[k, v] : headers)
            request.headers.insert(k.toLower(), v);
        request.headers.insert("host", "127.0.0.1");
        request.body = body;
        request.user = QStringLiteral("demo@anadesk.test");
        bool known = false;
        const auto found = m_router->find(request, &known);
        if (!found)
            return {known ? 405 : 404, {}, {}};
        const sandbox::HttpResponse response = found->handler(request, found->match);
        return {response.status, response.body, response.headers};
    }
    QString name() const override { return QStringLiteral("in-process"); }

private:
    std::unique_ptr<sandbox::Tenant> m_tenant;
    std::unique_ptr<sandbox::CloudServices> m_cloud;
    std::unique_ptr<sandbox::Router> m_router;
};

std::unique_ptr<Wire> makeWire()
{
    return std::make_unique<InProcessWire>();
}

#endif

} // namespace cloudtest
