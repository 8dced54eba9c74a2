#pragma once
// URLs, media types and labels of Anaplan's SCIM 2.0 API: {api}/scim/1/0/v2/<segments…>
// (anaplan-api.md §12). Every id goes through UrlBuilder's per-segment encoding.
#include "net/Endpoints.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace anadesk::scim {

inline constexpr char kUserSchema[] = "urn:ietf:params:scim:schemas:core:2.0:User";
inline constexpr char kPatchOpSchema[] = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
// Anaplan answers application/scim+json; the reference client sends plain JSON and that works.
inline constexpr char kAccept[] = "application/scim+json, application/json";
inline constexpr char kContentType[] = "application/json";
// RFC 7644 lets a server cap `count`; Anaplan errors above 100.
inline constexpr int kMaxPageSize = 100;

// {api}/scim/1/0/v2/<segments…>
QUrl scimUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query = {});

// "SCIM user 8a8b…" for messages.
QString userLabel(const QString &userId);

} // namespace anadesk::scim
