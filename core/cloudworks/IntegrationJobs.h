#pragma once
// CloudWorks integrations and their schedules (anaplan-api.md §11):
//   GET    integrations[?sortBy=name|-name][&myIntegrations=1] (paged; Anaplan caps pages at 250)
//                                                   → ListIntegrationsJob
//   GET    integrations/{id}                        → GetIntegrationJob (with jobs)
//   POST   integrations                             → CreateIntegrationJob (→ integrationId)
//   PUT    integrations/{id}                        → UpdateIntegrationJob (full replacement)
//   DELETE integrations/{id}                        → DeleteIntegrationJob
//   POST   integrations/{id}/run                    → RunIntegrationJob (→ run id; never re-sent blindly)
//   POST   integrations/{id}/cancel                 → CancelIntegrationRunJob (Anaplan documents it)
//   POST   integrations/{id}/schedule {integrationId, schedule} → CreateScheduleJob
//   PUT    integrations/{id}/schedule {integrationId, schedule} → UpdateScheduleJob
//   POST   integrations/{id}/schedule/status/{enabled|disabled} → SetScheduleStatusJob
//   DELETE integrations/{id}/schedule                           → DeleteScheduleJob
#include "CloudWorksIntegration.h"
#include "CloudWorksJob.h"
#include "CloudWorksSchedule.h"
#include "api/PagedListJob.h"

namespace anadesk::cloudworks {

struct IntegrationListQuery
{
    QString sortBy = QStringLiteral("name"); // "name" or empty (server order); nothing else is accepted
    bool descending = false;
    bool currentUserOnly = false; // myIntegrations=1
};

class ListIntegrationsJob : public PagedListJob
{
    Q_OBJECT
public:
    ListIntegrationsJob(Transport *transport, const IntegrationListQuery &query = {},
                        QObject *parent = nullptr);
    QList<Integration> integrations() const;
};

class GetIntegrationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    GetIntegrationJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
    const Integration &integration() const { return m_integration; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Integration m_integration;
};

class CreateIntegrationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CreateIntegrationJob(Transport *transport, const IntegrationInput &input, QObject *parent = nullptr);
    QString integrationId() const { return m_id; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_id;
};

class UpdateIntegrationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    UpdateIntegrationJob(Transport *transport, const QString &integrationId, const IntegrationInput &input,
                         QObject *parent = nullptr);
};

class DeleteIntegrationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    DeleteIntegrationJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
};

class RunIntegrationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    RunIntegrationJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
    QString runId() const { return m_runId; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_runId;
};

class CancelIntegrationRunJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CancelIntegrationRunJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
};

class CreateScheduleJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CreateScheduleJob(Transport *transport, const QString &integrationId, const ScheduleInput &schedule,
                      QObject *parent = nullptr);
};

class UpdateScheduleJob : public CloudWorksJob
{
    Q_OBJECT
public:
    UpdateScheduleJob(Transport *transport, const QString &integrationId, const ScheduleInput &schedule,
                      QObject *parent = nullptr);
};

class SetScheduleStatusJob : public CloudWorksJob
{
    Q_OBJECT
public:
    SetScheduleStatusJob(Transport *transport, const QString &integrationId, bool enabled,
                         QObject *parent = nullptr);
};

class DeleteScheduleJob : public CloudWorksJob
{
    Q_OBJECT
public:
    DeleteScheduleJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
};

} // namespace anadesk::cloudworks
