#pragma once
// anadesk-sandbox assembled: the HTTP/1.1 server, the auth service and its token gate, fault injection,
// the admin API (/__sandbox/) and the seeded tenant (app/sandbox/tenant) with its Bulk API routes
// (app/sandbox/bulk).
#include "SandboxConfig.h"
#include "auth/AuthService.h"
#include "http/AdminApi.h"
#include "http/FaultInjector.h"
#include "http/HttpServer.h"
#include "http/RequestLog.h"
#include "http/Router.h"

#include <QJsonValue>
#include <QString>
#include <memory>

namespace sandbox {

class Tenant;
class CloudServices;
class Transactional;
class AlmService;

class SandboxServer
{
public:
    explicit SandboxServer(const SandboxConfig &config, HttpServerOptions options = {});
    ~SandboxServer();
    SandboxServer(const SandboxServer &) = delete;
    SandboxServer &operator=(const SandboxServer &) = delete;

    // Adds fault rules given as JSON (one rule, an array, or {"rules":[…]}); false with *error if invalid.
    bool addFaults(const QJsonValue &rules, QString *error);

    // Listens on config.host:config.port (0: a free port); false with *error when that fails.
    bool listen(QString *error);
    quint16 port() const;
    QString url() const; // "http://127.0.0.1:PORT"
    bool stop();         // false: a connection thread could not be joined (exit without destructors)

    Router &apiRouter() { return m_apiRouter; }

private:
    HttpResponse dispatch(HttpRequest &request);
    static HttpResponse routed(const Router &router, HttpRequest &request);

    SandboxConfig m_config;
    HttpServerOptions m_options;
    FaultInjector m_faults;
    RequestLog m_log;
    AuthService m_auth;
    Router m_apiRouter;
    Router m_adminRouter;
    std::unique_ptr<Tenant> m_tenant;       // the seeded tenant behind the bulk routes
    std::unique_ptr<CloudServices> m_cloud; // SCIM, /2/0/users, audit and CloudWorks over the tenant
    std::unique_ptr<Transactional> m_transactional; // transactional API over the tenant's models
    std::unique_ptr<AlmService> m_alm;              // ALM over the transactional models
    AdminApi m_admin;
    std::unique_ptr<HttpServer> m_server;
};

} // namespace sandbox
