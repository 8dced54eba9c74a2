// GET /2/0/workspaces[/{ws}], GET /2/0/models[/{model}], GET /2/0/workspaces/{ws}/models,
// POST /2/0/workspaces/{ws}/bulkDeleteModels, model status, open and close.
#include "Envelope.h"
#include "RouteSets.h"
#include "Views.h"

namespace sandbox::bulk {

namespace {

bool flag(const HttpRequest &request, const QString &name)
{
    return request.queryValue(name).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

HttpResponse modelsListing(TenantState &state, const HttpRequest &request, const QString &ws)
{
    QList<ModelInfo> models;
    if (Failure f = state.models(ws, &models))
        return failure(request, f);
    QJsonArray items;
    const bool details = flag(request, QStringLiteral("modelDetails"));
    for (const ModelInfo &m : models)
        items.append(modelJson(m, details));
    ListRules rules;
    rules.strictSort = true;
    rules.sortable = {QStringLiteral("name"), QStringLiteral("activeState")};
    rules.searchable = true;
    return listing(request, QStringLiteral("models"), items, rules, schemaUrl({}, QStringLiteral("model")),
                   state.config().pageCap);
}

HttpResponse statusResponse(TenantState &state, const HttpRequest &request, const QString &ws, const QString &model)
{
    QJsonObject status;
    if (Failure f = state.modelStatus(ws, model, &status))
        return failure(request, f);
    // No meta/status envelope here: the body holds requestStatus alone (spec, ModelStatus).
    return HttpResponse::json(200, {{QStringLiteral("requestStatus"), status}});
}

} // namespace

void registerWorkspaceRoutes(Router &router, TenantState &state)
{
    TenantState *s = &state;
    router.add("GET", QStringLiteral("/2/0/workspaces"), [s](const HttpRequest &request, const RouteMatch &) {
        QJsonArray items;
        const bool details = flag(request, QStringLiteral("tenantDetails"));
        for (const WorkspaceRecord &w : s->workspaces())
            items.append(workspaceJson(w, details));
        ListRules rules;
        rules.strictSort = true;
        rules.sortable = {QStringLiteral("name"), QStringLiteral("sizeAllowance")};
        rules.searchable = true;
        return listing(request, QStringLiteral("workspaces"), items, rules, schemaUrl({}, QStringLiteral("workspace")),
                       s->config().pageCap);
    });
    router.add("GET", QStringLiteral("/2/0/workspaces/{ws}"), [s](const HttpRequest &request, const RouteMatch &m) {
        WorkspaceRecord w;
        if (Failure f = s->workspace(m.param(QStringLiteral("ws")), &w))
            return failure(request, f);
        return single({{QStringLiteral("workspace"), workspaceJson(w, flag(request, QStringLiteral("tenantDetails")))}},
                      schemaUrl({}, QStringLiteral("workspace")));
    });
    router.add("GET", QStringLiteral("/2/0/models"), [s](const HttpRequest &request, const RouteMatch &) {
        return modelsListing(*s, request, {});
    });
    router.add("GET", QStringLiteral("/2/0/workspaces/{ws}/models"), [s](const HttpRequest &request, const RouteMatch &m) {
        return modelsListing(*s, request, m.param(QStringLiteral("ws")));
    });
    router.add("GET", kModelDirect, [s](const HttpRequest &request, const RouteMatch &m) {
        ModelInfo info;
        if (Failure f = s->model(m.param(QStringLiteral("model")), &info))
            return failure(request, f);
        return single({{QStringLiteral("model"), modelJson(info, flag(request, QStringLiteral("modelDetails")))}},
                      schemaUrl({}, QStringLiteral("model")));
    });
    router.add("POST", QStringLiteral("/2/0/workspaces/{ws}/bulkDeleteModels"),
               [s](const HttpRequest &request, const RouteMatch &m) {
                   QJsonObject body;
                   QString error;
                   if (!jsonBody(request, &body, &error))
                       return failure(request, 400, error);
                   const QJsonValue ids = body.value(QStringLiteral("modelIdsToDelete"));
                   if (!ids.isArray() || ids.toArray().isEmpty())
                       return failure(request, 400,
                                      QStringLiteral("modelIdsToDelete must be a non-empty array of model ids."));
                   QStringList list;
                   for (const QJsonValue &v : ids.toArray()) {
                       if (!v.isString())
                           return failure(request, 400, QStringLiteral("modelIdsToDelete must hold model ids as strings."));
                       list.append(v.toString());
                   }
                   DeleteModelsOutcome outcome;
                   if (Failure f = s->bulkDeleteModels(m.param(QStringLiteral("ws")), list, &outcome))
                       return failure(request, f);
                   QJsonArray failures;
                   for (const auto &[id, message] : outcome.failures)
                       failures.append(QJsonObject{{QStringLiteral("modelId"), id}, {QStringLiteral("message"), message}});
                   // bulkDeleteModelsFailures is always sent (empty when all succeed): the library requires it.
                   return single({{QStringLiteral("modelsDeleted"), outcome.deleted},
                                  {QStringLiteral("bulkDeleteModelsFailures"), failures}},
                                 schemaUrl({}, QStringLiteral("bulkDeleteModels")));
               });

    // Model status: GET on the model-direct path (spec, library) and on the workspace path; POST on the
    // workspace path as Anaplan's help page documents it.
    router.add("GET", kModelDirect + QStringLiteral("/status"), [s](const HttpRequest &request, const RouteMatch &m) {
        return statusResponse(*s, request, {}, m.param(QStringLiteral("model")));
    });
    for (const char *method : {"GET", "POST"})
        router.add(method, kWorkspaceModel + QStringLiteral("/status"), [s](const HttpRequest &request, const RouteMatch &m) {
            return statusResponse(*s, request, m.param(QStringLiteral("ws")), m.param(QStringLiteral("model")));
        });

    // Open (202, no body) and close (204, no body); Anaplan expects Content-Type: application/text.
    for (const QString &prefix : {kModelDirect, kWorkspaceModel}) {
        router.add("POST", prefix + QStringLiteral("/open"), [s](const HttpRequest &request, const RouteMatch &m) {
            if (Failure f = s->openModel(m.param(QStringLiteral("ws")), m.param(QStringLiteral("model"))))
                return failure(request, f);
            HttpResponse response;
            response.status = 202;
            return response;
        });
        router.add("POST", prefix + QStringLiteral("/close"), [s](const HttpRequest &request, const RouteMatch &m) {
            if (Failure f = s->closeModel(m.param(QStringLiteral("ws")), m.param(QStringLiteral("model"))))
                return failure(request, f);
            return HttpResponse::noContent();
        });
    }
}

} // namespace sandbox::bulk
