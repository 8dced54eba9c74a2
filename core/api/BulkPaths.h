#pragma once
// URLs and object labels of the Integration API v2 bulk surface. Every id goes through UrlBuilder's
// per-segment encoding, so an id can never change the path it lands in.
#include "net/Endpoints.h"
#include "types/ActionKind.h"

#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace anadesk {

// The model a bulk call is about: BASE = {api}/2/0/workspaces/{workspaceId}/models/{modelId}.
struct ModelRef
{
    QString workspaceId;
    QString modelId;
    bool isComplete() const { return !workspaceId.isEmpty() && !modelId.isEmpty(); }
};

// {api}/2/0/<segments…>
QUrl apiUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query = {});
// {api}/2/0/workspaces/{ws}/models/{model}/<segments…>
QUrl bulkUrl(const Endpoints &endpoints, const ModelRef &model, const QStringList &segments,
             const QUrlQuery &query = {});

// The same URL with limit (and offset when given) appended to the already encoded query, so the
// %2B of a sort value survives untouched.
QUrl withPaging(const QUrl &url, int limit, std::optional<qint64> offset = std::nullopt);

// Sort fields a listing accepts. Validates and normalises snake_case ("size_allowance") to the
// camelCase the API expects ("sizeAllowance"); std::nullopt when the field is not allowed.
std::optional<QString> normaliseSortField(const QString &field, const QStringList &allowedCamel);

// Labels for error messages: "workspace 8a8b…", "model 75A4…", "file 113000000001", "import 112…",
// "task 1B1D… of import 112…".
QString workspaceLabel(const QString &workspaceId);
QString modelLabel(const QString &modelId);
QString fileLabel(const QString &fileId);
QString actionLabel(const QString &actionId); // uses the kind from the id prefix
QString taskLabel(const QString &actionId, const QString &taskId);

// The BadInput error for a call that needs a workspace and model but the client has none.
QString missingModelMessage(const ModelRef &model);

} // namespace anadesk
