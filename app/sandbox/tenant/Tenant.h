#pragma once
// The sandbox's tenant: workspaces, models and, inside the models, files, imports, exports, actions,
// processes, their tasks and a small data engine (lists, a module with line items and cells). Seeded
// in memory at start, or loaded from / saved to SandboxConfig::dataDir so state survives restarts.
//
// Thread safety: every public method may be called concurrently from connection threads. State is
// guarded by one mutex; slow work (gunzip, writing chunk bodies, parsing big CSV files) runs outside it.
#include "SandboxConfig.h"

#include <QString>

#include <memory>

namespace sandbox {

class TenantState; // the guarded state (tenant/TenantState.h)

class Tenant
{
public:
    explicit Tenant(const SandboxConfig &config);
    ~Tenant();
    Tenant(const Tenant &) = delete;
    Tenant &operator=(const Tenant &) = delete;

    const SandboxConfig &config() const;

    // The seeded demo objects (documented in docs/sandbox.md), for --help text and tests.
    static QString demoWorkspaceId();
    static QString demoModelId();

    // The state and its services; used by the bulk routes (app/sandbox/bulk).
    TenantState &state();

private:
    std::unique_ptr<TenantState> m_state;
};

} // namespace sandbox
