#pragma once
// Anaplan CloudWorks as the sandbox plays it (anaplan-api.md §11, cloudworks-openapi.json): connections,
// integrations (import/export/process over the tenant's models and actions), runs that progress with the
// clock (each run takes SandboxConfig::taskDurationMs; its outcome is decided at start from what it moves:
// an invalid connection fails, the "Sales with errors" import partly fails with a dump), run history,
// errors and dumps, schedules, notifications, and integration flows run step by step.
//
// The handlers answer HTTP directly (CloudWorksRoutes.cpp maps the paths). Thread safety: one mutex
// guards the state; the tenant, the directory and the audit log are called with it held (they never call
// back). With SandboxConfig::dataDir the state is saved to <dataDir>/cloudworks.json after each change.
#include "CloudWorksRecords.h"
#include "SandboxConfig.h"
#include "http/HttpMessage.h"

#include <QHash>
#include <QMutex>
#include <functional>
#include <optional>

namespace sandbox {
class TenantState;
namespace scim {
class ScimDirectory;
}
namespace audit {
class AuditLog;
}
} // namespace sandbox

namespace sandbox::cloudworks {

using NowMs = std::function<qint64()>;

// "2026-08-11T18:07:06.000Z": the date style of CloudWorks records.
QString isoMs(qint64 ms);

class CloudWorks
{
public:
    static constexpr int kPageCap = 250;    // CloudWorks silently caps pages (anaplan-sdk issue #348)
    static constexpr int kDefaultPage = 25; // without offset/limit (cloudworks-openapi.json)
    static constexpr int kTenantMaxAllowed = 1000;

    CloudWorks(const SandboxConfig &config, TenantState &tenant, scim::ScimDirectory &directory,
               audit::AuditLog *audit, NowMs clock = {});
    ~CloudWorks();
    CloudWorks(const CloudWorks &) = delete;
    CloudWorks &operator=(const CloudWorks &) = delete;

    // The timezones a schedule may use (anaplan-api.md §11).
    static const QStringList &timezones();

    // Connections.
    HttpResponse listConnections(const HttpRequest &request);
    HttpResponse createConnection(const HttpRequest &request);
    HttpResponse updateConnection(const HttpRequest &request, const QString &id, bool patch);
    HttpResponse deleteConnection(const HttpRequest &request, const QString &id);

    // Integrations and their runs.
    HttpResponse listIntegrations(const HttpRequest &request);
    HttpResponse getIntegration(const HttpRequest &request, const QString &id);
    HttpResponse createIntegration(const HttpRequest &request);
    HttpResponse updateIntegration(const HttpRequest &request, const QString &id);
    HttpResponse deleteIntegration(const HttpRequest &request, const QString &id);
    HttpResponse runIntegration(const HttpRequest &request, const QString &id);
    HttpResponse cancelIntegration(const HttpRequest &request, const QString &id);
    HttpResponse runHistory(const HttpRequest &request, const QString &integrationId);
    HttpResponse runStatus(const HttpRequest &request, const QString &runId);
    HttpResponse runError(const HttpRequest &request, const QString &runId);
    HttpResponse importDump(const HttpRequest &request, const QString &runId);
    HttpResponse processDump(const HttpRequest &request, const QString &runId, const QString &actionId);

    // Schedules.
    HttpResponse putSchedule(const HttpRequest &request, const QString &integrationId, bool create);
    HttpResponse deleteSchedule(const HttpRequest &request, const QString &integrationId);
    HttpResponse scheduleStatus(const HttpRequest &request, const QString &integrationId,
                                const QString &status);

    // Notifications.
    HttpResponse createNotification(const HttpRequest &request);
    HttpResponse getNotification(const HttpRequest &request, const QString &id);
    HttpResponse updateNotification(const HttpRequest &request, const QString &id);
    HttpResponse deleteNotification(const HttpRequest &request, const QString &id);

    // Integration flows.
    HttpResponse listFlows(const HttpRequest &request);
    HttpResponse getFlow(const HttpRequest &request, const QString &id);
    HttpResponse createFlow(const HttpRequest &request);
    HttpResponse updateFlow(const HttpRequest &request, const QString &id);
    HttpResponse deleteFlow(const HttpRequest &request, const QString &id);
    HttpResponse runFlow(const HttpRequest &request, const QString &id);

    int integrationCount() const;

private:
    struct Actor
    {
        QString email;
        QString displayName;
        QString id;
    };
    Actor actor(const HttpRequest &request) const;
    qint64 now() const;

    // Validation (CloudWorksValidation.cpp). Each returns an empty string when valid, else the message.
    QString parseConnectionBody(const QString &type, const QJsonObject &body, bool partial,
                                ConnectionRecord *out) const;
    QString parseIntegration(const QJsonObject &body, IntegrationRecord *out) const;
    QString parseJob(const QJsonObject &job, const QString &workspaceId, const QString &modelId, int index,
                     QString *direction, QStringList *actionIds) const;
    static QString parseSchedule(const QJsonObject &schedule, qint64 now, QJsonObject *out);
    QString parseNotification(const QJsonObject &body, NotificationRecord *out) const;
    QString parseFlow(const QJsonObject &body, const Actor &who, FlowRecord *out) const;

    // Runs (CloudWorksRuns.cpp).
    RunOutcome outcomeFor(const IntegrationRecord &integration) const;
    bool isRunning(const QString &integrationId,
                   qint64 at) const; // a run of it, or a flow run that will run it
    const RunRecord *latestStartedRun(const QString &integrationId, qint64 at) const;
    QJsonObject latestRunJson(const RunRecord &run, qint64 at) const;
    QJsonObject runStatusJson(const RunRecord &run, qint64 at) const;
    QJsonObject runSummaryJson(const RunRecord &run, qint64 at) const;
    RunRecord startRun(const IntegrationRecord &integration, const Actor &who, const QString &source,
                       qint64 start);
    const FlowRunRecord *latestFlowRun(const QString &flowId, qint64 at) const;
    bool flowRunActive(const FlowRunRecord &run, qint64 at) const;

    // JSON views (CloudWorksJson.cpp).
    QJsonObject connectionJson(const ConnectionRecord &c) const;
    QJsonObject integrationJson(const IntegrationRecord &i, bool detail, qint64 at) const;
    QJsonObject scheduleJson(const IntegrationRecord &i) const;
    QJsonObject notificationJson(const NotificationRecord &n) const;
    QJsonObject flowJson(const FlowRecord &f, bool detail, qint64 at) const;

    // A new integration or flow (both count toward kTenantMaxAllowed: 409 at the limit): 400 with
    // parse(in, who, &record)'s message; else the record gets its id and creation stamp and store(who,
    // record) keeps it and answers (mutex held).
    template <typename Record, typename Parse, typename Store>
    HttpResponse createCounted(const HttpRequest &request, Parse parse, Store store);
    // A full replacement of one record (PUT): 404 for an unknown id, 400 with parse(in, who, &record)'s
    // message; else the record is stamped, stored and saved, then afterwards(who, record) runs (mutex held).
    template <typename Record, typename Parse, typename Afterwards>
    HttpResponse replaceRecord(const HttpRequest &request, QList<Record> &records, const QString &id,
                               const QString &what, Parse parse, Afterwards afterwards);

    void seed();
    bool load();
    void saveLocked();
    void recordAudit(const QString &type, const Actor &who, const QString &objectId,
                     const QString &objectType, const QString &message) const;
    void saveAndAudit(const QString &type, const Actor &who, const QString &objectId,
                      const QString &objectType,
                      const QString &message); // after a change: save (mutex held), then the audit event
    QString newId() const;

    SandboxConfig m_config;
    TenantState &m_tenant;
    scim::ScimDirectory &m_directory;
    audit::AuditLog *m_audit;
    NowMs m_clock;
    mutable QMutex m_mutex;
    QList<ConnectionRecord> m_connections;
    QList<IntegrationRecord> m_integrations; // creation order
    QHash<QString, NotificationRecord> m_notifications;
    QList<RunRecord> m_runs; // start order
    QList<FlowRecord> m_flows;
    QList<FlowRunRecord> m_flowRuns;
};

} // namespace sandbox::cloudworks
