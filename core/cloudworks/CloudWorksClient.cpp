#include "CloudWorksClient.h"

#include "Connection.h"

namespace anadesk {

using namespace cloudworks;

namespace {
template <typename J> J *started(J *job)
{
    job->start();
    return job;
}
} // namespace

FlowsClient::FlowsClient(Connection *connection)
    : m_connection(connection)
{}

Transport *FlowsClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

ListFlowsJob *FlowsClient::getFlows(bool currentUserOnly) const
{
    return started(new ListFlowsJob(transport(), currentUserOnly, m_connection.data()));
}

GetFlowJob *FlowsClient::getFlow(const QString &flowId) const
{
    return started(new GetFlowJob(transport(), flowId, m_connection.data()));
}

CreateFlowJob *FlowsClient::createFlow(const FlowInput &input) const
{
    return started(new CreateFlowJob(transport(), input, m_connection.data()));
}

UpdateFlowJob *FlowsClient::updateFlow(const QString &flowId, const FlowInput &input) const
{
    return started(new UpdateFlowJob(transport(), flowId, input, m_connection.data()));
}

DeleteFlowJob *FlowsClient::deleteFlow(const QString &flowId) const
{
    return started(new DeleteFlowJob(transport(), flowId, m_connection.data()));
}

RunFlowJob *FlowsClient::runFlow(const QString &flowId, const QStringList &onlySteps) const
{
    return started(new RunFlowJob(transport(), flowId, onlySteps, m_connection.data()));
}

CloudWorksClient::CloudWorksClient(Connection *connection)
    : m_connection(connection)
{}

Transport *CloudWorksClient::transport() const
{
    return m_connection ? m_connection->transport() : nullptr;
}

ListConnectionsJob *CloudWorksClient::getConnections() const
{
    return started(new ListConnectionsJob(transport(), m_connection.data()));
}

CreateConnectionJob *CloudWorksClient::createConnection(const CloudConnectionInput &input) const
{
    return started(new CreateConnectionJob(transport(), input, m_connection.data()));
}

UpdateConnectionJob *CloudWorksClient::updateConnection(const QString &connectionId,
                                                        const CloudConnectionInput &input) const
{
    return started(new UpdateConnectionJob(transport(), connectionId, input, m_connection.data()));
}

PatchConnectionJob *CloudWorksClient::patchConnection(const QString &connectionId,
                                                      const QJsonObject &fields) const
{
    return started(new PatchConnectionJob(transport(), connectionId, fields, m_connection.data()));
}

DeleteConnectionJob *CloudWorksClient::deleteConnection(const QString &connectionId) const
{
    return started(new DeleteConnectionJob(transport(), connectionId, m_connection.data()));
}

ListIntegrationsJob *CloudWorksClient::getIntegrations(const IntegrationListQuery &query) const
{
    return started(new ListIntegrationsJob(transport(), query, m_connection.data()));
}

GetIntegrationJob *CloudWorksClient::getIntegration(const QString &integrationId) const
{
    return started(new GetIntegrationJob(transport(), integrationId, m_connection.data()));
}

CreateIntegrationJob *CloudWorksClient::createIntegration(const IntegrationInput &input) const
{
    return started(new CreateIntegrationJob(transport(), input, m_connection.data()));
}

UpdateIntegrationJob *CloudWorksClient::updateIntegration(const QString &integrationId,
                                                          const IntegrationInput &input) const
{
    return started(new UpdateIntegrationJob(transport(), integrationId, input, m_connection.data()));
}

DeleteIntegrationJob *CloudWorksClient::deleteIntegration(const QString &integrationId) const
{
    return started(new DeleteIntegrationJob(transport(), integrationId, m_connection.data()));
}

RunIntegrationJob *CloudWorksClient::runIntegration(const QString &integrationId) const
{
    return started(new RunIntegrationJob(transport(), integrationId, m_connection.data()));
}

CancelIntegrationRunJob *CloudWorksClient::cancelIntegrationRun(const QString &integrationId) const
{
    return started(new CancelIntegrationRunJob(transport(), integrationId, m_connection.data()));
}

ListRunHistoryJob *CloudWorksClient::getRunHistory(const QString &integrationId) const
{
    return started(new ListRunHistoryJob(transport(), integrationId, m_connection.data()));
}

GetRunStatusJob *CloudWorksClient::getRunStatus(const QString &runId) const
{
    return started(new GetRunStatusJob(transport(), runId, m_connection.data()));
}

GetRunErrorJob *CloudWorksClient::getRunError(const QString &runId) const
{
    return started(new GetRunErrorJob(transport(), runId, m_connection.data()));
}

GetImportErrorDumpJob *CloudWorksClient::getImportErrorDump(const QString &runId) const
{
    return started(new GetImportErrorDumpJob(transport(), runId, m_connection.data()));
}

GetProcessErrorDumpJob *CloudWorksClient::getProcessErrorDump(const QString &runId,
                                                              const QString &actionId) const
{
    return started(new GetProcessErrorDumpJob(transport(), runId, actionId, m_connection.data()));
}

CreateScheduleJob *CloudWorksClient::createSchedule(const QString &integrationId,
                                                    const ScheduleInput &schedule) const
{
    return started(new CreateScheduleJob(transport(), integrationId, schedule, m_connection.data()));
}

UpdateScheduleJob *CloudWorksClient::updateSchedule(const QString &integrationId,
                                                    const ScheduleInput &schedule) const
{
    return started(new UpdateScheduleJob(transport(), integrationId, schedule, m_connection.data()));
}

SetScheduleStatusJob *CloudWorksClient::setScheduleStatus(const QString &integrationId, bool enabled) const
{
    return started(new SetScheduleStatusJob(transport(), integrationId, enabled, m_connection.data()));
}

DeleteScheduleJob *CloudWorksClient::deleteSchedule(const QString &integrationId) const
{
    return started(new DeleteScheduleJob(transport(), integrationId, m_connection.data()));
}

GetNotificationJob *CloudWorksClient::getNotificationConfig(const QString &notificationId) const
{
    return started(new GetNotificationJob(transport(), notificationId, m_connection.data()));
}

IntegrationNotificationJob *
CloudWorksClient::getNotificationConfigOfIntegration(const QString &integrationId) const
{
    return started(new IntegrationNotificationJob(
        transport(), integrationId, IntegrationNotificationJob::Operation::Get, m_connection.data()));
}

CreateNotificationJob *CloudWorksClient::createNotificationConfig(const NotificationInput &input) const
{
    return started(new CreateNotificationJob(transport(), input, m_connection.data()));
}

UpdateNotificationJob *CloudWorksClient::updateNotificationConfig(const QString &notificationId,
                                                                  const NotificationInput &input) const
{
    return started(new UpdateNotificationJob(transport(), notificationId, input, m_connection.data()));
}

DeleteNotificationJob *CloudWorksClient::deleteNotificationConfig(const QString &notificationId) const
{
    return started(new DeleteNotificationJob(transport(), notificationId, m_connection.data()));
}

IntegrationNotificationJob *
CloudWorksClient::deleteNotificationConfigOfIntegration(const QString &integrationId) const
{
    return started(new IntegrationNotificationJob(
        transport(), integrationId, IntegrationNotificationJob::Operation::Delete, m_connection.data()));
}

} // namespace anadesk
