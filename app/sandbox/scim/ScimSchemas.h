#pragma once
// The SCIM discovery documents (RFC 7643 §5–7) as Anaplan describes its service: patch yes, bulk,
// sort, etag and password change no, filter yes with 100 results at most; one resource type (User).
#include <QJsonObject>
#include <QString>

namespace sandbox::scim {

QJsonObject serviceProviderConfig(const QString &baseUrl);
QJsonObject resourceTypes(const QString &baseUrl);
QJsonObject schemas(const QString &baseUrl);

} // namespace sandbox::scim
