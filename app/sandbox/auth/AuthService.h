#pragma once
// Anaplan's authentication service as the sandbox plays it (/token/authenticate, /refresh, /validate,
// /logout; anaplan-api.md §6, authentication-openapi.json) and the gate in front of every API path:
// /2/0/, /scim/, /audit/ and /cloudworks/ need "Authorization: AnaplanAuthToken <valid token>".
#include "CertificateVerifier.h"
#include "SandboxConfig.h"
#include "TokenStore.h"
#include "http/HttpMessage.h"

#include <optional>

namespace sandbox {

class Router;

class AuthService
{
public:
    explicit AuthService(const SandboxConfig &config, EpochMsClock clock = {});

    void registerRoutes(Router &router);

    static bool isProtectedPath(const QStringList &segments);
    // For a request on a protected path: std::nullopt when its token is valid (request.user is then set),
    // else the 401 to send.
    std::optional<HttpResponse> gate(HttpRequest &request) const;
    // The expire-token fault: forget the token the request carries.
    void expireToken(const HttpRequest &request);

    TokenStore &tokens() { return m_tokens; }
    // Stable identifiers of the token's user and of the sandbox tenant (32 lower-case hex digits, no dashes).
    static QString userGuidFor(const QString &email);
    static QString customerGuid();

private:
    HttpResponse authenticate(const HttpRequest &request);
    HttpResponse refresh(const HttpRequest &request);
    HttpResponse validate(const HttpRequest &request) const;
    HttpResponse logout(const HttpRequest &request);

    SandboxConfig m_config;
    TokenStore m_tokens;
    CertificateVerifier m_certificates;
};

} // namespace sandbox
