#pragma once
// CloudWorks (the reference AsyncClient's `cw` sub-client and `cw.flows`, camelCase names) as cheap,
// copyable views onto a Connection. Same async pattern as BulkClient: every method returns a STARTED
// job; invalid input (missing ids, an invalid schedule, a connection without credentials, …) fails the
// job with BadInput, sending nothing. Ids are QStrings and go on the wire as JSON strings.
//
//   auto *run = connection.cloudWorks().runIntegration(id);
//   connect(run, &Job::succeeded, this, [run] { watch(run->runId()); });
#include "ConnectionJobs.h"
#include "FlowJobs.h"
#include "IntegrationJobs.h"
#include "NotificationJobs.h"
#include "RunJobs.h"

#include <QPointer>

namespace anadesk {

class Connection;

// cw.flows
class FlowsClient
{
public:
    FlowsClient() = default;
    explicit FlowsClient(Connection *connection);
    bool isValid() const { return !m_connection.isNull(); }

    cloudworks::ListFlowsJob *getFlows(bool currentUserOnly = false) const;
    cloudworks::GetFlowJob *getFlow(const QString &flowId) const;
    cloudworks::CreateFlowJob *createFlow(const cloudworks::FlowInput &input) const;
    cloudworks::UpdateFlowJob *updateFlow(const QString &flowId, const cloudworks::FlowInput &input) const;
    cloudworks::DeleteFlowJob *deleteFlow(const QString &flowId) const;
    // onlySteps: step referrers (integration ids) to run; empty: all steps that are not skipped.
    cloudworks::RunFlowJob *runFlow(const QString &flowId, const QStringList &onlySteps = {}) const;

private:
    Transport *transport() const;
    QPointer<Connection> m_connection;
};

class CloudWorksClient
{
public:
    CloudWorksClient() = default;
    explicit CloudWorksClient(Connection *connection);

    Connection *connection() const { return m_connection; }
    Transport *transport() const;
    bool isValid() const { return !m_connection.isNull(); }
    FlowsClient flows() const { return FlowsClient(m_connection.data()); }

    // --- connections ---------------------------------------------------------------------------------
    cloudworks::ListConnectionsJob *getConnections() const;
    cloudworks::CreateConnectionJob *createConnection(const cloudworks::CloudConnectionInput &input) const;
    // A full replacement of the connection's body (credentials included).
    cloudworks::UpdateConnectionJob *updateConnection(const QString &connectionId,
                                                      const cloudworks::CloudConnectionInput &input) const;
    cloudworks::PatchConnectionJob *patchConnection(const QString &connectionId,
                                                    const QJsonObject &fields) const;
    cloudworks::DeleteConnectionJob *deleteConnection(const QString &connectionId) const;

    // --- integrations --------------------------------------------------------------------------------
    // sortBy "name" (default) or empty; descending gives sortBy=-name. Pages of at most 250 are read.
    cloudworks::ListIntegrationsJob *
    getIntegrations(const cloudworks::IntegrationListQuery &query = {}) const;
    cloudworks::GetIntegrationJob *getIntegration(const QString &integrationId) const;
    cloudworks::CreateIntegrationJob *createIntegration(const cloudworks::IntegrationInput &input) const;
    cloudworks::UpdateIntegrationJob *updateIntegration(const QString &integrationId,
                                                        const cloudworks::IntegrationInput &input) const;
    cloudworks::DeleteIntegrationJob *deleteIntegration(const QString &integrationId) const;
    // Starts a run (→ runId()); follow it with getRunStatus().
    cloudworks::RunIntegrationJob *runIntegration(const QString &integrationId) const;
    cloudworks::CancelIntegrationRunJob *cancelIntegrationRun(const QString &integrationId) const;

    // --- runs ----------------------------------------------------------------------------------------
    cloudworks::ListRunHistoryJob *getRunHistory(const QString &integrationId) const;
    cloudworks::GetRunStatusJob *getRunStatus(const QString &runId) const;
    cloudworks::GetRunErrorJob *getRunError(const QString &runId) const;
    cloudworks::GetImportErrorDumpJob *getImportErrorDump(const QString &runId) const;
    // actionId: the failed import inside the process (getRunError()'s errorMessages[].actionId).
    cloudworks::GetProcessErrorDumpJob *getProcessErrorDump(const QString &runId,
                                                            const QString &actionId) const;

    // --- schedules -----------------------------------------------------------------------------------
    cloudworks::CreateScheduleJob *createSchedule(const QString &integrationId,
                                                  const cloudworks::ScheduleInput &schedule) const;
    cloudworks::UpdateScheduleJob *updateSchedule(const QString &integrationId,
                                                  const cloudworks::ScheduleInput &schedule) const;
    cloudworks::SetScheduleStatusJob *setScheduleStatus(const QString &integrationId, bool enabled) const;
    cloudworks::DeleteScheduleJob *deleteSchedule(const QString &integrationId) const;
    // The timezones a schedule accepts (local; no request).
    static const QStringList &scheduleTimezones() { return cloudworks::timezones(); }

    // --- notifications -------------------------------------------------------------------------------
    cloudworks::GetNotificationJob *getNotificationConfig(const QString &notificationId) const;
    // By integration: reads the integration's notificationId first.
    cloudworks::IntegrationNotificationJob *
    getNotificationConfigOfIntegration(const QString &integrationId) const;
    cloudworks::CreateNotificationJob *
    createNotificationConfig(const cloudworks::NotificationInput &input) const;
    cloudworks::UpdateNotificationJob *
    updateNotificationConfig(const QString &notificationId, const cloudworks::NotificationInput &input) const;
    cloudworks::DeleteNotificationJob *deleteNotificationConfig(const QString &notificationId) const;
    cloudworks::IntegrationNotificationJob *
    deleteNotificationConfigOfIntegration(const QString &integrationId) const;

private:
    QPointer<Connection> m_connection;
};

} // namespace anadesk
