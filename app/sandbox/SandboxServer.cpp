#include "SandboxServer.h"

#include "bulk/BulkRoutes.h"
#include "cloudworks/CloudServices.h"
#include "http/DiagnosticRoutes.h"
#include "tenant/Tenant.h"
#include "transactional/Transactional.h"
#include "alm/AlmRoutes.h"

#include <QHostAddress>

namespace sandbox {

namespace {
bool isLoopback(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:127.0.0.1
    if (isV4)
        return (v4 >> 24) == 127;
    return address.isLoopback();
}
} // namespace

SandboxServer::SandboxServer(const SandboxConfig &config, HttpServerOptions options)
    : m_config(config)
    , m_options(options)
    , m_auth(config)
    , m_admin(m_faults, m_log, [this] { return m_apiRouter.routeNames(); })
{
    m_options.maxRequestBody = config.maxRequestBody;
    m_auth.registerRoutes(m_apiRouter);
    m_tenant = std::make_unique<Tenant>(m_config);
    registerBulkRoutes(m_apiRouter, *m_tenant);
    m_cloud = std::make_unique<CloudServices>(m_config, m_tenant->state());
    m_cloud->registerRoutes(m_apiRouter);
    m_transactional = std::make_unique<Transactional>(m_config, m_tenant->state());
    m_transactional->registerRoutes(m_apiRouter);
    m_alm = std::make_unique<AlmService>(*m_transactional);
    m_alm->registerRoutes(m_apiRouter);
    m_admin.registerRoutes(m_adminRouter);
    registerDiagnosticRoutes(m_adminRouter);
}

SandboxServer::~SandboxServer()
{
    stop(); // connection threads are joined before the tenant they use goes away
}

bool SandboxServer::addFaults(const QJsonValue &rules, QString *error)
{
    QList<int> ids;
    return m_admin.addRules(rules, &ids, error);
}

bool SandboxServer::listen(QString *error)
{
    HttpServerHooks hooks;
    hooks.dispatch = [this](HttpRequest &request) { return dispatch(request); };
    hooks.isControlRequest = [](const HttpRequest &request) {
        return AdminApi::isControlPath(request.segments);
    };
    hooks.expireToken = [this](const HttpRequest &request) { m_auth.expireToken(request); };
    hooks.faults = &m_faults;
    hooks.log = &m_log;
    m_server = std::make_unique<HttpServer>(m_options, std::move(hooks));

    QHostAddress address;
    if (m_config.host == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(m_config.host)) {
        *error = QStringLiteral("--host '%1' is not an IP address (use 127.0.0.1, ::1 or 0.0.0.0)")
                     .arg(m_config.host);
        return false;
    }
    if (!m_server->listen(address, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(m_config.host)
                     .arg(m_config.port)
                     .arg(m_server->errorString());
        return false;
    }
    return true;
}

quint16 SandboxServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString SandboxServer::url() const
{
    QHostAddress address = m_server ? m_server->serverAddress() : QHostAddress();
    QString host = address.toString();
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        host = QStringLiteral("127.0.0.1");
    else if (address == QHostAddress::AnyIPv6)
        host = QStringLiteral("[::1]");
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

bool SandboxServer::stop()
{
    return m_server ? m_server->stop() : true;
}

HttpResponse SandboxServer::routed(const Router &router, HttpRequest &request)
{
    bool pathKnown = false;
    const auto found = router.find(request, &pathKnown);
    if (found)
        return found->handler(request, found->match);
    if (!pathKnown)
        return HttpResponse::v2Error(404,
                                     QStringLiteral("No such resource: %1 %2.")
                                         .arg(QString::fromLatin1(request.method), request.path()),
                                     request.path());
    const QList<QByteArray> allowed = router.allowedMethods(request);
    HttpResponse response =
        HttpResponse::v2Error(405,
                              QStringLiteral("%1 is not allowed on %2; allowed: %3.")
                                  .arg(QString::fromLatin1(request.method), request.path(),
                                       QString::fromLatin1(allowed.join(", "))),
                              request.path());
    response.setHeader("Allow", allowed.join(", "));
    return response;
}

HttpResponse SandboxServer::dispatch(HttpRequest &request)
{
    if (AdminApi::isAdminPath(request.segments)) {
        if (!isLoopback(request.peer))
            return HttpResponse::v2Error(
                403, QStringLiteral("The sandbox admin API answers only on loopback."), request.path());
        return routed(m_adminRouter, request);
    }
    if (AuthService::isProtectedPath(request.segments)) {
        if (auto denied = m_auth.gate(request))
            return *denied;
    }
    return routed(m_apiRouter, request);
}

} // namespace sandbox
