#include "TxStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace sandbox::tx {

namespace {
QString statePath(const SandboxConfig &config)
{
    return QDir(config.dataDir).absoluteFilePath(QStringLiteral("transactional.json"));
}
} // namespace

TxStore::TxStore(const SandboxConfig &config)
    : m_config(config)
{
    if (m_config.dataDir.isEmpty())
        return;
    QFile in(statePath(m_config));
    if (!in.open(QIODevice::ReadOnly))
        return; // first start: every model is seeded when first used
    const QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    for (auto it = root.begin(); it != root.end(); ++it)
        m_models.insert(it.key(), TxModel::fromJson(it.value().toObject()));
}

TxModel &TxStore::modelLocked(const QString &modelId)
{
    auto it = m_models.find(modelId);
    if (it == m_models.end())
        it = m_models.insert(modelId, seededTxModel(modelId));
    return it.value();
}

TxModel TxStore::copy(const QString &modelId)
{
    QMutexLocker lock(&m_mutex);
    return modelLocked(modelId);
}

bool TxStore::update(const QString &modelId, const std::function<bool(TxModel &)> &change)
{
    QMutexLocker lock(&m_mutex);
    TxModel copy = modelLocked(modelId);
    if (!change(copy))
        return false;
    m_models.insert(modelId, copy);
    saveLocked();
    return true;
}

void TxStore::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    QJsonObject root;
    for (auto it = m_models.cbegin(); it != m_models.cend(); ++it)
        root.insert(it.key(), it.value().toJson());
    QSaveFile out(statePath(m_config));
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (!(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit()))
        qWarning("anadesk-sandbox: cannot save the transactional state to %s", qPrintable(m_config.dataDir));
}

} // namespace sandbox::tx
