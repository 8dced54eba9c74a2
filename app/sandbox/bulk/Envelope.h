#pragma once
// Anaplan's Integration API v2 response shapes, shared by the bulk routes: the envelope
// {"meta":{"paging":…,"schema":…},"status":{"code":200,"message":"Success"},"<key>":…}, errors,
// and listings with limit/offset paging (capped by SandboxConfig::pageCap), sort=±field and s=.
#include "http/HttpMessage.h"
#include "tenant/TenantState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace sandbox::bulk {

// How a listing treats `sort` (the spec documents two behaviours):
//  - Strict (workspaces, models): the +/- prefix is required and the field is validated (400 otherwise).
//  - Lenient (model objects, tasks): prefix optional, unknown fields fall back to the default order.
struct ListRules
{
    bool strictSort = false;
    QStringList sortable;               // field names as in the JSON items
    QHash<QString, QString> sortAliases; // e.g. tasks: creationDate -> creationTime
    bool searchable = false;            // `s=` filters on "name"
};

QString schemaUrl(const QString &modelId, const QString &object);

// 200 with the envelope around `payload` (no paging).
HttpResponse single(const QJsonObject &payload, const QString &schema);
// An error in the v2 error envelope, with the request's path.
HttpResponse failure(const HttpRequest &request, const Failure &failure);
HttpResponse failure(const HttpRequest &request, int status, const QString &message);
// A paged, sorted, filtered listing of `items` under `key`; 400 for bad limit/offset/sort.
HttpResponse listing(const HttpRequest &request, const QString &key, QJsonArray items, const ListRules &rules,
                     const QString &schema, int pageCap, bool omitEmptyKey = false);

// A request body as a JSON object; false (with a message for a 400) if it is not one.
bool jsonBody(const HttpRequest &request, QJsonObject *object, QString *error);

} // namespace sandbox::bulk
