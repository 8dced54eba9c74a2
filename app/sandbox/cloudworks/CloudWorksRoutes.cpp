#include "CloudWorksRoutes.h"

namespace sandbox {

void registerCloudWorksRoutes(Router &router, cloudworks::CloudWorks &cw)
{
    using cloudworks::CloudWorks;
    const QString i = QStringLiteral("/cloudworks/2/0/integrations");
    const QString f = QStringLiteral("/cloudworks/2/0/integrationflows");
    const auto p = [](const RouteMatch &m, const char *name) { return m.param(QLatin1String(name)); };
    // Every handler is a member of CloudWorks; bind(method) keeps the table below readable.
    const auto add = [&router](const QByteArray &method, const QString &pattern,
                               std::function<HttpResponse(const HttpRequest &, const RouteMatch &)> handler) {
        router.add(method, pattern, std::move(handler));
    };

    add("GET", i + QStringLiteral("/connections"), [&cw](const HttpRequest &r, const RouteMatch &) { return cw.listConnections(r); });
    add("POST", i + QStringLiteral("/connections"), [&cw](const HttpRequest &r, const RouteMatch &) { return cw.createConnection(r); });
    add("PUT", i + QStringLiteral("/connections/{connectionId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.updateConnection(r, p(m, "connectionId"), false); });
    add("PATCH", i + QStringLiteral("/connections/{connectionId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.updateConnection(r, p(m, "connectionId"), true); });
    add("DELETE", i + QStringLiteral("/connections/{connectionId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.deleteConnection(r, p(m, "connectionId")); });

    add("GET", i, [&cw](const HttpRequest &r, const RouteMatch &) { return cw.listIntegrations(r); });
    add("POST", i, [&cw](const HttpRequest &r, const RouteMatch &) { return cw.createIntegration(r); });
    add("GET", i + QStringLiteral("/{integrationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.getIntegration(r, p(m, "integrationId")); });
    add("PUT", i + QStringLiteral("/{integrationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.updateIntegration(r, p(m, "integrationId")); });
    add("DELETE", i + QStringLiteral("/{integrationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.deleteIntegration(r, p(m, "integrationId")); });
    add("POST", i + QStringLiteral("/{integrationId}/run"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.runIntegration(r, p(m, "integrationId")); });
    add("POST", i + QStringLiteral("/{integrationId}/cancel"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.cancelIntegration(r, p(m, "integrationId")); });
    add("GET", i + QStringLiteral("/runs/{integrationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.runHistory(r, p(m, "integrationId")); });
    add("GET", i + QStringLiteral("/run/{runId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.runStatus(r, p(m, "runId")); });
    add("GET", i + QStringLiteral("/runerror/{runId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.runError(r, p(m, "runId")); });
    // The spec's /dumps and anaplan-sdk's /dump (singular) are both served.
    add("GET", i + QStringLiteral("/run/{runId}/dumps"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.importDump(r, p(m, "runId")); });
    add("GET", i + QStringLiteral("/run/{runId}/dump"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.importDump(r, p(m, "runId")); });
    add("GET", i + QStringLiteral("/run/{runId}/process/import/{actionId}/dumps"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.processDump(r, p(m, "runId"), p(m, "actionId")); });

    add("POST", i + QStringLiteral("/{integrationId}/schedule"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.putSchedule(r, p(m, "integrationId"), true); });
    add("PUT", i + QStringLiteral("/{integrationId}/schedule"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.putSchedule(r, p(m, "integrationId"), false); });
    add("DELETE", i + QStringLiteral("/{integrationId}/schedule"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.deleteSchedule(r, p(m, "integrationId")); });
    add("POST", i + QStringLiteral("/{integrationId}/schedule/status/{status}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) {
            return cw.scheduleStatus(r, p(m, "integrationId"), p(m, "status"));
        });

    add("POST", i + QStringLiteral("/notification"),
        [&cw](const HttpRequest &r, const RouteMatch &) { return cw.createNotification(r); });
    add("GET", i + QStringLiteral("/notification/{notificationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.getNotification(r, p(m, "notificationId")); });
    add("PUT", i + QStringLiteral("/notification/{notificationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.updateNotification(r, p(m, "notificationId")); });
    add("DELETE", i + QStringLiteral("/notification/{notificationId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.deleteNotification(r, p(m, "notificationId")); });

    add("GET", f, [&cw](const HttpRequest &r, const RouteMatch &) { return cw.listFlows(r); });
    add("POST", f, [&cw](const HttpRequest &r, const RouteMatch &) { return cw.createFlow(r); });
    add("GET", f + QStringLiteral("/{integrationFlowId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.getFlow(r, p(m, "integrationFlowId")); });
    add("PUT", f + QStringLiteral("/{integrationFlowId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.updateFlow(r, p(m, "integrationFlowId")); });
    add("DELETE", f + QStringLiteral("/{integrationFlowId}"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.deleteFlow(r, p(m, "integrationFlowId")); });
    add("POST", f + QStringLiteral("/{integrationFlowId}/run"),
        [&cw, p](const HttpRequest &r, const RouteMatch &m) { return cw.runFlow(r, p(m, "integrationFlowId")); });
}

} // namespace sandbox
