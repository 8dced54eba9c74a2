#include "NotificationJobs.h"

#include "IntegrationJobs.h"

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

CreateNotificationJob::CreateNotificationJob(Transport *transport, const NotificationInput &input,
                                             QObject *parent)
    : CloudWorksJob(
          transport, "POST", {u"integrations"_s, u"notification"_s},
          tr("notification configuration of %1").arg(integrationLabel(input.integrationIds.value(0))), parent,
          input.toJson(), Idempotency::NotRepeatable)
{
    setDescription(tr("Create notification configuration"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

ApiError CreateNotificationJob::parseJson(const QJsonObject &json)
{
    m_id = createdId(json, "notification"_L1, "notificationId"_L1);
    if (m_id.isEmpty())
        return malformed(tr("no notificationId in the answer"));
    return {};
}

GetNotificationJob::GetNotificationJob(Transport *transport, const QString &notificationId, QObject *parent)
    : CloudWorksJob(transport, "GET", {u"integrations"_s, u"notification"_s, notificationId},
                    notificationLabel(notificationId), parent)
{
    setDescription(tr("Get notification configuration"));
    requireId(notificationId, tr("notification"));
}

ApiError GetNotificationJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("notifications"_L1);
    if (!value.isObject())
        return malformed(tr("no 'notifications' object"));
    m_config = NotificationConfig::fromJson(value.toObject());
    return {};
}

UpdateNotificationJob::UpdateNotificationJob(Transport *transport, const QString &notificationId,
                                             const NotificationInput &input, QObject *parent)
    : CloudWorksJob(transport, "PUT", {u"integrations"_s, u"notification"_s, notificationId},
                    notificationLabel(notificationId), parent, input.toJson())
{
    setDescription(tr("Update notification configuration"));
    requireId(notificationId, tr("notification"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(
            badInput(error, request().object,
                     tr("Anaplan refuses empty lists on update: delete the configuration and create it "
                        "again instead.")));
}

DeleteNotificationJob::DeleteNotificationJob(Transport *transport, const QString &notificationId,
                                             QObject *parent)
    : CloudWorksJob(transport, "DELETE", {u"integrations"_s, u"notification"_s, notificationId},
                    notificationLabel(notificationId), parent)
{
    setDescription(tr("Delete notification configuration"));
    requireId(notificationId, tr("notification"));
}

IntegrationNotificationJob::IntegrationNotificationJob(Transport *transport, const QString &integrationId,
                                                       Operation operation, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_integrationId(integrationId)
    , m_operation(operation)
{
    setDescription(operation == Operation::Get ? tr("Get notification configuration")
                                               : tr("Delete notification configuration"));
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (integrationId.trimmed().isEmpty())
        failOnStart(badInput(tr("No integration id given")));
}

IntegrationNotificationJob::~IntegrationNotificationJob()
{
    doAbort();
}

void IntegrationNotificationJob::doStart()
{
    auto *job = new GetIntegrationJob(m_transport, m_integrationId, this);
    job->setAutoDelete(false);
    m_child = job;
    connect(job, &Job::finished, this, [this, job] { onIntegration(job); });
    job->start();
}

void IntegrationNotificationJob::onIntegration(Job *job)
{
    m_child.clear();
    job->deleteLater();
    if (!job->isSucceeded()) {
        finishFailure(job->error());
        return;
    }
    m_notificationId = static_cast<GetIntegrationJob *>(job)->integration().notificationId;
    if (m_notificationId.isEmpty()) {
        ApiError error;
        error.category = ErrorCategory::NotFound;
        error.message = tr("The integration has no notification configuration");
        error.object = integrationLabel(m_integrationId);
        error.hint = tr("Create one first.");
        finishFailure(error);
        return;
    }
    Job *next = m_operation == Operation::Get
                    ? static_cast<Job *>(new GetNotificationJob(m_transport, m_notificationId, this))
                    : static_cast<Job *>(new DeleteNotificationJob(m_transport, m_notificationId, this));
    next->setAutoDelete(false);
    m_child = next;
    connect(next, &Job::finished, this, [this, next] { follow(next); });
    next->start();
}

void IntegrationNotificationJob::follow(Job *job)
{
    m_child.clear();
    job->deleteLater();
    if (!job->isSucceeded()) {
        finishFailure(job->error());
        return;
    }
    if (auto *get = qobject_cast<GetNotificationJob *>(job))
        m_config = get->config();
    finishSuccess();
}

void IntegrationNotificationJob::doAbort()
{
    if (Job *child = m_child.data()) {
        m_child.clear();
        disconnect(child, nullptr, this, nullptr);
        child->abort();
        child->deleteLater();
    }
}

} // namespace anadesk::cloudworks
