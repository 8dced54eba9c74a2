#pragma once
// CloudWorks notification configurations (anaplan-api.md §11):
//   POST   integrations/notification        → CreateNotificationJob (→ notificationId)
//   GET    integrations/notification/{id}   → GetNotificationJob
//   PUT    integrations/notification/{id}   → UpdateNotificationJob
//   DELETE integrations/notification/{id}   → DeleteNotificationJob
// The reference client also accepts an integration id instead: IntegrationNotificationJob reads the
// integration's notificationId first, then gets or deletes that configuration.
#include "CloudWorksJob.h"
#include "CloudWorksNotification.h"
#include "api/Job.h"

#include <QPointer>

namespace anadesk::cloudworks {

class CreateNotificationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CreateNotificationJob(Transport *transport, const NotificationInput &input, QObject *parent = nullptr);
    QString notificationId() const { return m_id; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_id;
};

class GetNotificationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    GetNotificationJob(Transport *transport, const QString &notificationId, QObject *parent = nullptr);
    const NotificationConfig &config() const { return m_config; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    NotificationConfig m_config;
};

class UpdateNotificationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    UpdateNotificationJob(Transport *transport, const QString &notificationId, const NotificationInput &input,
                          QObject *parent = nullptr);
};

class DeleteNotificationJob : public CloudWorksJob
{
    Q_OBJECT
public:
    DeleteNotificationJob(Transport *transport, const QString &notificationId, QObject *parent = nullptr);
};

// GET integrations/{id} → notificationId → GET or DELETE integrations/notification/{notificationId}.
class IntegrationNotificationJob : public Job
{
    Q_OBJECT
public:
    enum class Operation
    {
        Get,
        Delete
    };
    IntegrationNotificationJob(Transport *transport, const QString &integrationId, Operation operation,
                               QObject *parent = nullptr);
    ~IntegrationNotificationJob() override;
    QString notificationId() const { return m_notificationId; }
    const NotificationConfig &config() const { return m_config; } // Get only

protected:
    void doStart() override;
    void doAbort() override;

private:
    void onIntegration(Job *job);
    void follow(Job *job);

    Transport *m_transport;
    QString m_integrationId;
    Operation m_operation;
    QString m_notificationId;
    NotificationConfig m_config;
    QPointer<Job> m_child;
};

} // namespace anadesk::cloudworks
