#pragma once
// The transactional API of the sandbox (anaplan-api.md §8, integration-openapi.json): modules, line
// items, lists and list items, views and view data, cell writes, current period, model calendar,
// dimension items and lookups, under /2/0/models/{m}/… and /2/0/workspaces/{ws}/models/{m}/….
// Model details/status/open/close are the bulk routes' (app/sandbox/bulk).
#include "SandboxConfig.h"
#include "TxStore.h"
#include "http/Router.h"

#include <QJsonObject>

namespace sandbox {

class TenantState;

class Transactional
{
public:
    Transactional(const SandboxConfig &config, TenantState &state);

    void registerRoutes(Router &router);

    TenantState &state() { return m_state; }
    tx::TxStore &store() { return m_store; }
    const SandboxConfig &config() const { return m_config; }

private:
    SandboxConfig m_config;
    TenantState &m_state;
    tx::TxStore m_store;
};

} // namespace sandbox
