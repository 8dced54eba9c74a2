#include "MemoryCredentialStore.h"

#include <algorithm>

namespace anadesk {

MemoryCredentialStore::MemoryCredentialStore(QObject *parent)
    : CredentialStore(parent)
{}

MemoryCredentialStore::~MemoryCredentialStore() = default; // SecretBytes wipes itself

std::optional<CredentialOutcome> MemoryCredentialStore::unavailable(CredentialOperation operation,
                                                                    const QString &profileId,
                                                                    std::optional<SecretKind> kind) const
{
    if (!m_unavailable || *m_unavailable == CredentialStatus::Ok)
        return std::nullopt;
    return CredentialOutcome::failure(*m_unavailable, operation, subject(profileId, kind),
                                      tr("simulated by MemoryCredentialStore"));
}

void MemoryCredentialStore::readSecret(const QString &profileId, SecretKind kind, QObject *context,
                                       ReadDone done)
{
    ++m_operations;
    if (auto invalid = checkRequest(CredentialOperation::Read, profileId, kind))
        return deliverRead(context, std::move(done), *invalid, {});
    if (auto failed = unavailable(CredentialOperation::Read, profileId, kind))
        return deliverRead(context, std::move(done), *failed, {});
    const auto profile = m_secrets.constFind(profileId);
    if (profile == m_secrets.constEnd() || !profile->contains(kind)) {
        return deliverRead(context, std::move(done),
                           CredentialOutcome::failure(CredentialStatus::NotFound, CredentialOperation::Read,
                                                      subject(profileId, kind)),
                           {});
    }
    deliverRead(context, std::move(done), CredentialOutcome::ok(), profile->value(kind));
}

void MemoryCredentialStore::writeSecret(const QString &profileId, SecretKind kind, const SecretBytes &secret,
                                        QObject *context, Done done)
{
    ++m_operations;
    if (auto invalid = checkRequest(CredentialOperation::Write, profileId, kind, &secret))
        return deliver(context, std::move(done), *invalid);
    if (auto failed = unavailable(CredentialOperation::Write, profileId, kind))
        return deliver(context, std::move(done), *failed);
    // A copy of the bytes, not a shared buffer: the caller may wipe its own.
    m_secrets[profileId].insert(kind,
                                SecretBytes(QByteArray(secret.bytes().constData(), secret.bytes().size())));
    Q_EMIT storedKindsChanged(profileId);
    deliver(context, std::move(done), CredentialOutcome::ok());
}

void MemoryCredentialStore::removeSecret(const QString &profileId, SecretKind kind, QObject *context,
                                         Done done)
{
    ++m_operations;
    if (auto invalid = checkRequest(CredentialOperation::Remove, profileId, kind))
        return deliver(context, std::move(done), *invalid);
    if (auto failed = unavailable(CredentialOperation::Remove, profileId, kind))
        return deliver(context, std::move(done), *failed);
    auto profile = m_secrets.find(profileId);
    if (profile != m_secrets.end() && profile->remove(kind)) {
        if (profile->isEmpty())
            m_secrets.erase(profile);
        Q_EMIT storedKindsChanged(profileId);
    }
    deliver(context, std::move(done), CredentialOutcome::ok());
}

void MemoryCredentialStore::removeProfile(const QString &profileId, QObject *context, Done done)
{
    ++m_operations;
    if (auto invalid = checkRequest(CredentialOperation::Remove, profileId, std::nullopt))
        return deliver(context, std::move(done), *invalid);
    if (auto failed = unavailable(CredentialOperation::Remove, profileId, std::nullopt))
        return deliver(context, std::move(done), *failed);
    if (m_secrets.remove(profileId))
        Q_EMIT storedKindsChanged(profileId);
    deliver(context, std::move(done), CredentialOutcome::ok());
}

QList<SecretKind> MemoryCredentialStore::storedKinds(const QString &profileId) const
{
    QList<SecretKind> kinds = m_secrets.value(profileId).keys();
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

QStringList MemoryCredentialStore::profilesWithSecrets() const
{
    QStringList ids = m_secrets.keys();
    ids.sort();
    return ids;
}

QString MemoryCredentialStore::storageDescription() const
{
    return tr("memory (this session only)");
}

} // namespace anadesk
