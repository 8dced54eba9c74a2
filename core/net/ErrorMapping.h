#pragma once
// Turns what came back from the wire (an HTTP status with Anaplan's error body, or a QNetworkReply
// transport error) into a typed ApiError naming the object and saying what to do.
#include "ApiError.h"
#include "ApiRequest.h"

#include <QNetworkReply>

namespace anadesk {

// 400 BadInput · 401 Auth · 403 Permission · 404/410 NotFound · 409/423 ModelBusy · 422 ModelArchived
// 429 RateLimited · 408 Timeout · 5xx Server · other 4xx BadInput · anything else Protocol.
ErrorCategory categoryForHttpStatus(int status);

// The server's own explanation from Anaplan-style error bodies — {"status":{"code","message"}},
// {"statusMessage"}, {"message"}, {"error","error_description"}, SCIM {"detail"}, {"errors":[…]} —
// or plain text; HTML pages reduced to their <title>. Redacted, whitespace collapsed, ≤ 300 chars.
QString extractServerMessage(const QByteArray &body, const QByteArray &contentType);

// "which object" for messages: request.object, or "<METHOD> <path>" when the job gave none.
QString objectForMessage(const ApiRequest &request);

ApiError httpError(const ApiRequest &request, int status, const QByteArray &body,
                   const QByteArray &contentType);
// A proxy's 407 (ProxyAuthenticationRequiredError) is an Auth error with httpStatus 407, so that callers can tell
// it apart from credentials the server rejected (401).
ApiError networkError(const ApiRequest &request, QNetworkReply::NetworkError code, const QString &qtMessage);
ApiError timeoutError(const ApiRequest &request, int timeoutMs);
ApiError cancelledError(const ApiRequest &request);
ApiError truncatedBodyError(const ApiRequest &request, qint64 received, qint64 expected);

} // namespace anadesk
