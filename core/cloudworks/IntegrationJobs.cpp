#include "IntegrationJobs.h"

#include "api/ListHelpers.h"
#include "types/JsonRead.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QJsonObject scheduleBody(const QString &integrationId, const ScheduleInput &schedule)
{
    return {{u"integrationId"_s, integrationId}, {u"schedule"_s, schedule.toJson()}};
}
} // namespace

ListIntegrationsJob::ListIntegrationsJob(Transport *transport, const IntegrationListQuery &query,
                                         QObject *parent)
    : PagedListJob(transport, {}, u"integrations"_s, tr("CloudWorks integrations"), parent,
                   u"integrationId"_s)
{
    setDescription(tr("List CloudWorks integrations"));
    QUrlQuery q;
    if (!query.sortBy.isEmpty()) {
        // CloudWorks' own sort syntax: sortBy=name / sortBy=-name (no '+'); only the name sorts.
        if (query.sortBy.compare("name"_L1, Qt::CaseInsensitive) != 0)
            failOnStart(
                badInput(tr("CloudWorks integrations sort only by name, not by '%1'").arg(query.sortBy),
                         tr("CloudWorks integrations")));
        q.addQueryItem(u"sortBy"_s, query.descending ? u"-name"_s : u"name"_s);
    }
    if (query.currentUserOnly)
        q.addQueryItem(u"myIntegrations"_s, u"1"_s);
    setUrl(cloudWorksUrl(detail::endpointsOf(transport), {u"integrations"_s}, q));
}

QList<Integration> ListIntegrationsJob::integrations() const
{
    return detail::parseAll<Integration>(items());
}

GetIntegrationJob::GetIntegrationJob(Transport *transport, const QString &integrationId, QObject *parent)
    : CloudWorksJob(transport, "GET", {u"integrations"_s, integrationId}, integrationLabel(integrationId),
                    parent)
{
    setDescription(tr("Get CloudWorks integration"));
    requireId(integrationId, tr("integration"));
}

ApiError GetIntegrationJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("integration"_L1);
    if (!value.isObject())
        return malformed(tr("no 'integration' object"));
    m_integration = Integration::fromJson(value.toObject());
    return {};
}

CreateIntegrationJob::CreateIntegrationJob(Transport *transport, const IntegrationInput &input,
                                           QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrations"_s}, tr("integration '%1'").arg(input.name), parent,
                    input.toJson(), Idempotency::NotRepeatable)
{
    setDescription(tr("Create CloudWorks integration"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

ApiError CreateIntegrationJob::parseJson(const QJsonObject &json)
{
    m_id = createdId(json, "integration"_L1, "integrationId"_L1);
    if (m_id.isEmpty())
        return malformed(tr("no integrationId in the answer"));
    return {};
}

UpdateIntegrationJob::UpdateIntegrationJob(Transport *transport, const QString &integrationId,
                                           const IntegrationInput &input, QObject *parent)
    : CloudWorksJob(transport, "PUT", {u"integrations"_s, integrationId}, integrationLabel(integrationId),
                    parent, input.toJson())
{
    setDescription(tr("Update CloudWorks integration"));
    requireId(integrationId, tr("integration"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

DeleteIntegrationJob::DeleteIntegrationJob(Transport *transport, const QString &integrationId,
                                           QObject *parent)
    : CloudWorksJob(transport, "DELETE", {u"integrations"_s, integrationId}, integrationLabel(integrationId),
                    parent)
{
    setDescription(tr("Delete CloudWorks integration"));
    requireId(integrationId, tr("integration"));
}

RunIntegrationJob::RunIntegrationJob(Transport *transport, const QString &integrationId, QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrations"_s, integrationId, u"run"_s},
                    integrationLabel(integrationId), parent, {}, Idempotency::NotRepeatable)
{
    setDescription(tr("Run CloudWorks integration"));
    requireId(integrationId, tr("integration"));
}

ApiError RunIntegrationJob::parseJson(const QJsonObject &json)
{
    m_runId = json::idString(json.value("run"_L1).toObject().value("id"_L1));
    if (m_runId.isEmpty())
        return malformed(tr("no run id in the answer"));
    return {};
}

CancelIntegrationRunJob::CancelIntegrationRunJob(Transport *transport, const QString &integrationId,
                                                 QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrations"_s, integrationId, u"cancel"_s},
                    integrationLabel(integrationId), parent, {}, Idempotency::NotRepeatable)
{
    setDescription(tr("Cancel the run of a CloudWorks integration"));
    requireId(integrationId, tr("integration"));
}

CreateScheduleJob::CreateScheduleJob(Transport *transport, const QString &integrationId,
                                     const ScheduleInput &schedule, QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrations"_s, integrationId, u"schedule"_s},
                    tr("schedule of %1").arg(integrationLabel(integrationId)), parent,
                    scheduleBody(integrationId, schedule), Idempotency::NotRepeatable)
{
    setDescription(tr("Create schedule"));
    requireId(integrationId, tr("integration"));
    if (const QString error = schedule.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

UpdateScheduleJob::UpdateScheduleJob(Transport *transport, const QString &integrationId,
                                     const ScheduleInput &schedule, QObject *parent)
    : CloudWorksJob(transport, "PUT", {u"integrations"_s, integrationId, u"schedule"_s},
                    tr("schedule of %1").arg(integrationLabel(integrationId)), parent,
                    scheduleBody(integrationId, schedule))
{
    setDescription(tr("Update schedule"));
    requireId(integrationId, tr("integration"));
    if (const QString error = schedule.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

// Enabling twice leaves it enabled: safe to repeat although it is a POST.
SetScheduleStatusJob::SetScheduleStatusJob(Transport *transport, const QString &integrationId, bool enabled,
                                           QObject *parent)
    : CloudWorksJob(transport, "POST",
                    {u"integrations"_s, integrationId, u"schedule"_s, u"status"_s,
                     enabled ? u"enabled"_s : u"disabled"_s},
                    tr("schedule of %1").arg(integrationLabel(integrationId)), parent)
{
    setDescription(enabled ? tr("Enable schedule") : tr("Disable schedule"));
    requireId(integrationId, tr("integration"));
}

DeleteScheduleJob::DeleteScheduleJob(Transport *transport, const QString &integrationId, QObject *parent)
    : CloudWorksJob(transport, "DELETE", {u"integrations"_s, integrationId, u"schedule"_s},
                    tr("schedule of %1").arg(integrationLabel(integrationId)), parent)
{
    setDescription(tr("Delete schedule"));
    requireId(integrationId, tr("integration"));
}

} // namespace anadesk::cloudworks
