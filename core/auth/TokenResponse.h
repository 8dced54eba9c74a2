#pragma once
// Parses the auth service's answer to /token/authenticate and /token/refresh:
// {"status":"SUCCESS","statusMessage":…,"tokenInfo":{"tokenValue","expiresAt",…}} (unknown fields ignored).
#include "Authenticator.h"

namespace anadesk {

class ApiReply;
struct ApiRequest;

struct TokenResult
{
    AuthToken token;
    ApiError error;
};

// `what` names the step for messages ("Sign-in as a@b.com", "Token refresh").
TokenResult parseTokenReply(const ApiReply &reply, const QString &what);

} // namespace anadesk
