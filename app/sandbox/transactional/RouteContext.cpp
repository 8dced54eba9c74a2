#include "RouteContext.h"

namespace sandbox::tx {

bool loadModel(Transactional &tx, const HttpRequest &request, const RouteMatch &match, Loaded *out,
               HttpResponse *error)
{
    const QString model = match.param(QStringLiteral("model"));
    ModelData data;
    const Failure f = tx.state().readModelData(
        match.param(QStringLiteral("ws")), model, [&](const ModelRecord &record, const ModelData &d) {
            out->record = record;
            data = d; // implicitly shared: cheap, and safe after unlock
        });
    if (f) {
        *error = failure(request, f);
        return false;
    }
    out->catalog.emplace(std::move(data), tx.store().copy(model));
    return true;
}

std::optional<HttpResponse> offlineRefusal(const HttpRequest &request, const ModelRecord &record)
{
    if (record.activeState != QLatin1String("MAINTENANCE") &&
        record.activeState != QLatin1String("PRODUCTION_MAINTENANCE"))
        return std::nullopt;
    return failure(
        request, 409,
        QStringLiteral("Model %1 (%2) is offline (%3): its cell and list data cannot be read or written "
                       "until it is back online. Bring it online with POST /2/0/models/%2/onlineStatus "
                       "{\"status\":\"online\"}.")
            .arg(record.name, record.id, record.activeState));
}

Failure writeModel(Transactional &tx, const RouteMatch &match,
                   const std::function<Failure(const ModelRecord &, ModelData &, TxModel &, bool *)> &change)
{
    const QString model = match.param(QStringLiteral("model"));
    return tx.state().updateModelData(match.param(QStringLiteral("ws")), model,
                                      [&](const ModelRecord &record, ModelData &data) {
                                          Failure result;
                                          tx.store().update(model, [&](TxModel &txModel) {
                                              bool saveTx = false;
                                              result = change(record, data, txModel, &saveTx);
                                              return !result && saveTx;
                                          });
                                          return result;
                                      });
}

bool flag(const HttpRequest &request, const QString &name)
{
    return request.queryValue(name).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

bulk::ListRules idNameRules()
{
    bulk::ListRules rules;
    rules.sortable = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("moduleId")};
    return rules;
}

} // namespace sandbox::tx
