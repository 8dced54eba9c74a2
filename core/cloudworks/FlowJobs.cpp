#include "FlowJobs.h"

#include "api/ListHelpers.h"
#include "types/JsonRead.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QJsonObject runBody(const QStringList &onlySteps)
{
    if (onlySteps.isEmpty())
        return {};
    return {{u"stepsToRun"_s, QJsonArray::fromStringList(onlySteps)}};
}
} // namespace

ListFlowsJob::ListFlowsJob(Transport *transport, bool currentUserOnly, QObject *parent)
    : PagedListJob(transport, {}, u"integrationFlows"_s, tr("CloudWorks integration flows"), parent)
{
    setDescription(tr("List integration flows"));
    QUrlQuery q;
    q.addQueryItem(u"myIntegrations"_s, currentUserOnly ? u"1"_s : u"0"_s);
    setUrl(cloudWorksUrl(detail::endpointsOf(transport), {u"integrationflows"_s}, q));
}

QList<Flow> ListFlowsJob::flows() const
{
    return detail::parseAll<Flow>(items());
}

GetFlowJob::GetFlowJob(Transport *transport, const QString &flowId, QObject *parent)
    : CloudWorksJob(transport, "GET", {u"integrationflows"_s, flowId}, flowLabel(flowId), parent)
{
    setDescription(tr("Get integration flow"));
    requireId(flowId, tr("flow"));
}

ApiError GetFlowJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("integrationFlow"_L1);
    if (!value.isObject())
        return malformed(tr("no 'integrationFlow' object"));
    m_flow = Flow::fromJson(value.toObject());
    return {};
}

CreateFlowJob::CreateFlowJob(Transport *transport, const FlowInput &input, QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrationflows"_s}, tr("flow '%1'").arg(input.name), parent,
                    input.toJson(), Idempotency::NotRepeatable)
{
    setDescription(tr("Create integration flow"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

ApiError CreateFlowJob::parseJson(const QJsonObject &json)
{
    m_id = createdId(json, "integrationFlow"_L1, "integrationFlowId"_L1);
    if (m_id.isEmpty())
        return malformed(tr("no integrationFlowId in the answer"));
    return {};
}

UpdateFlowJob::UpdateFlowJob(Transport *transport, const QString &flowId, const FlowInput &input,
                             QObject *parent)
    : CloudWorksJob(transport, "PUT", {u"integrationflows"_s, flowId}, flowLabel(flowId), parent,
                    input.toJson())
{
    setDescription(tr("Update integration flow"));
    requireId(flowId, tr("flow"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

DeleteFlowJob::DeleteFlowJob(Transport *transport, const QString &flowId, QObject *parent)
    : CloudWorksJob(transport, "DELETE", {u"integrationflows"_s, flowId}, flowLabel(flowId), parent)
{
    setDescription(tr("Delete integration flow"));
    requireId(flowId, tr("flow"));
}

RunFlowJob::RunFlowJob(Transport *transport, const QString &flowId, const QStringList &onlySteps,
                       QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrationflows"_s, flowId, u"run"_s}, flowLabel(flowId), parent,
                    runBody(onlySteps), Idempotency::NotRepeatable)
{
    setDescription(tr("Run integration flow"));
    requireId(flowId, tr("flow"));
    for (const QString &step : onlySteps) {
        if (step.trimmed().isEmpty())
            failOnStart(badInput(tr("An empty step id was given to run"), request().object));
    }
}

ApiError RunFlowJob::parseJson(const QJsonObject &json)
{
    m_runId = json::idString(json.value("run"_L1).toObject().value("id"_L1));
    if (m_runId.isEmpty())
        return malformed(tr("no run id in the answer"));
    return {};
}

} // namespace anadesk::cloudworks
