#pragma once
// Shared plumbing of the transactional route files: reading a model (tenant data + transactional model,
// copied under the locks), the offline rule, and the envelope helpers of app/sandbox/bulk.
#include "Catalog.h"
#include "Transactional.h"
#include "bulk/Envelope.h"
#include "tenant/TenantState.h"

#include <optional>

namespace sandbox::tx {

using bulk::failure;
using bulk::jsonBody;
using bulk::listing;
using bulk::schemaUrl;
using bulk::single;

inline const QStringList kModelPrefixes{QStringLiteral("/2/0/models/{model}"),
                                        QStringLiteral("/2/0/workspaces/{ws}/models/{model}")};

struct Loaded
{
    ModelRecord record;
    std::optional<Catalog> catalog;
};

// The model's data and transactional model, or *error (404 unknown, 422 archived).
bool loadModel(Transactional &tx, const HttpRequest &request, const RouteMatch &match, Loaded *out,
               HttpResponse *error);

// Offline models (MAINTENANCE, PRODUCTION_MAINTENANCE after POST …/onlineStatus {"status":"offline"})
// refuse cell and list-item data with 409; metadata and calendar still answer.
std::optional<HttpResponse> offlineRefusal(const HttpRequest &request, const ModelRecord &record);

// Writes to the tenant data and the transactional model together, under both locks (tenant first).
// `change` returns a Failure to discard everything; *saveTx tells whether the TxModel changed.
Failure
writeModel(Transactional &tx, const RouteMatch &match,
           const std::function<Failure(const ModelRecord &, ModelData &, TxModel &, bool *saveTx)> &change);

bool flag(const HttpRequest &request, const QString &name);
bulk::ListRules idNameRules();

void registerMetadataRoutes(Router &router, Transactional &tx);
void registerListRoutes(Router &router, Transactional &tx);
void registerDataRoutes(Router &router, Transactional &tx);
void registerCalendarRoutes(Router &router, Transactional &tx);

} // namespace sandbox::tx
