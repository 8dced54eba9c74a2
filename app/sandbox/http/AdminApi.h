#pragma once
// The sandbox's own control API under /__sandbox/ (outside Anaplan's paths, no token, loopback only):
// fault rules and the request log. Its control calls are neither faulted nor logged.
#include "Router.h"

#include <functional>

namespace sandbox {

class FaultInjector;
class RequestLog;

class AdminApi
{
public:
    AdminApi(FaultInjector &faults, RequestLog &log, std::function<QStringList()> apiRouteNames);
    void registerRoutes(Router &router);

    // /__sandbox/faults… and /__sandbox/requests…: calls that configure or read the sandbox itself.
    static bool isControlPath(const QStringList &segments);
    static bool isAdminPath(const QStringList &segments); // anything under /__sandbox/

    // Parses one rule object, an array of rules or {"rules":[…]}; all or nothing. Returns the added ids.
    bool addRules(const QJsonValue &value, QList<int> *ids, QString *error);

private:
    FaultInjector &m_faults;
    RequestLog &m_log;
    std::function<QStringList()> m_apiRouteNames;
};

} // namespace sandbox
