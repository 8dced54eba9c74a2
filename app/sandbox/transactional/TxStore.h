#pragma once
// The transactional models of the tenant, seeded lazily per model id (seededTxModel) and, with
// SandboxConfig::dataDir, saved to DIR/transactional.json after every change. Thread-safe; lock order:
// the tenant's lock (TenantState callbacks) may be held when calling in, never the other way round.
#include "SandboxConfig.h"
#include "TxModel.h"

#include <QHash>
#include <QMutex>
#include <functional>

namespace sandbox::tx {

class TxStore
{
public:
    explicit TxStore(const SandboxConfig &config);

    TxModel copy(const QString &modelId);
    // Runs `change` on the model under the lock; saves when it returns true.
    bool update(const QString &modelId, const std::function<bool(TxModel &)> &change);

private:
    TxModel &modelLocked(const QString &modelId);
    void saveLocked();

    SandboxConfig m_config;
    QMutex m_mutex;
    QHash<QString, TxModel> m_models;
};

} // namespace sandbox::tx
