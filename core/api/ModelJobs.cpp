#include "ModelJobs.h"

#include "ListHelpers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QUrlQuery modelDetails()
{
    QUrlQuery query;
    query.addQueryItem(u"modelDetails"_s, u"true"_s);
    return query;
}
} // namespace

ListModelsJob::ListModelsJob(Transport *transport, const QString &workspaceId, const ListQuery &query,
                             QObject *parent)
    : PagedListJob(transport, {}, u"models"_s,
                   workspaceId.isEmpty() ? QCoreApplication::translate("anadesk", "models")
                                         : QCoreApplication::translate("anadesk", "models of %1")
                                               .arg(workspaceLabel(workspaceId)),
                   parent)
{
    setDescription(workspaceId.isEmpty() ? tr("List models") : tr("List models of %1").arg(workspaceLabel(workspaceId)));
    const auto q = detail::listQuery(modelDetails(), query, {u"name"_s, u"activeState"_s}, true);
    if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("models")));
    const QStringList segments = workspaceId.isEmpty()
                                     ? QStringList{u"models"_s}
                                     : QStringList{u"workspaces"_s, workspaceId, u"models"_s};
    setUrl(apiUrl(detail::endpointsOf(transport), segments, q.query));
}

QList<Model> ListModelsJob::models() const
{
    return detail::parseAll<Model>(items());
}

GetModelJob::GetModelJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get model"));
    ApiRequest request;
    request.url = apiUrl(detail::endpointsOf(transport), {u"models"_s, modelId}, modelDetails());
    request.object = modelLabel(modelId);
    setRequest(request);
    if (modelId.isEmpty())
        failOnStart(badInput(tr("No model selected"), {}, tr("Give a model id or name.")));
}

ApiError GetModelJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("model"_L1);
    if (!value.isObject())
        return malformed(tr("no 'model' object"));
    m_model = Model::fromJson(value.toObject());
    return {};
}

DeleteModelsJob::DeleteModelsJob(Transport *transport, const QString &workspaceId, const QStringList &modelIds,
                                 QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Delete models"));
    ApiRequest request;
    request.method = "POST";
    request.url = apiUrl(detail::endpointsOf(transport), {u"workspaces"_s, workspaceId, u"bulkDeleteModels"_s});
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"modelIdsToDelete"_s, QJsonArray::fromStringList(modelIds)}})
                       .toJson(QJsonDocument::Compact);
    request.idempotency = Idempotency::NotRepeatable;
    request.object = modelIds.size() == 1 ? modelLabel(modelIds.first())
                                          : tr("%n model(s) in %1", nullptr, int(modelIds.size()))
                                                .arg(workspaceLabel(workspaceId));
    setRequest(request);
    if (workspaceId.isEmpty())
        failOnStart(badInput(tr("No workspace selected"), {}, tr("Give the workspace that holds the models.")));
    else if (modelIds.isEmpty())
        failOnStart(badInput(tr("No models to delete"), workspaceLabel(workspaceId)));
    else if (modelIds.contains(QString()))
        failOnStart(badInput(tr("An empty model id was given"), workspaceLabel(workspaceId)));
}

ApiError DeleteModelsJob::parseJson(const QJsonObject &json)
{
    m_result = ModelDeletionResult::fromJson(json);
    return {};
}

GetModelStatusJob::GetModelStatusJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get model status"));
    ApiRequest request;
    request.url = apiUrl(detail::endpointsOf(transport), {u"models"_s, modelId, u"status"_s});
    request.object = modelLabel(modelId);
    setRequest(request);
    if (modelId.isEmpty())
        failOnStart(badInput(tr("No model selected"), {}, tr("Give a model id or name.")));
}

ApiError GetModelStatusJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("requestStatus"_L1);
    if (!value.isObject())
        return malformed(tr("no 'requestStatus' object"));
    m_status = ModelStatus::fromJson(value.toObject());
    return {};
}

ModelPowerJob::ModelPowerJob(Transport *transport, const QString &modelId, Operation operation, QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_operation(operation)
{
    setDescription(operation == Operation::Open ? tr("Open model") : tr("Close model"));
    ApiRequest request;
    request.method = "POST";
    request.url = apiUrl(detail::endpointsOf(transport),
                         {u"models"_s, modelId, operation == Operation::Open ? u"open"_s : u"close"_s});
    request.contentType = "application/text"; // what Anaplan expects on the empty body
    request.object = modelLabel(modelId);
    setRequest(request);
    if (modelId.isEmpty())
        failOnStart(badInput(tr("No model selected"), {}, tr("Give a model id or name.")));
}

ApiError ModelPowerJob::parseBody(const QByteArray &)
{
    return {}; // 202/204, no body (or a status-only envelope) — nothing to read
}

} // namespace anadesk
