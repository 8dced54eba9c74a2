#pragma once
// Secrets held in this process only, gone when it ends: the "don't remember" choice of the desktop
// app, the CLI's session store, and the stand-in keychain of tests. Behaves exactly like the keychain
// store (asynchronous delivery, statuses, index semantics), and can imitate an unavailable keychain
// for tests of what callers do then.
#include "CredentialStore.h"

#include <QHash>
#include <optional>

namespace anadesk {

class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit MemoryCredentialStore(QObject *parent = nullptr);
    ~MemoryCredentialStore() override;

    void readSecret(const QString &profileId, SecretKind kind, QObject *context, ReadDone done) override;
    void writeSecret(const QString &profileId, SecretKind kind, const SecretBytes &secret, QObject *context,
                     Done done) override;
    void removeSecret(const QString &profileId, SecretKind kind, QObject *context, Done done) override;
    void removeProfile(const QString &profileId, QObject *context, Done done) override;
    QList<SecretKind> storedKinds(const QString &profileId) const override;
    QStringList profilesWithSecrets() const override;
    QString storageDescription() const override;

    // While set, every operation fails with this status (e.g. KeychainLocked) and changes nothing —
    // how tests check that callers keep profiles and sessions when the keychain cannot answer.
    void simulateUnavailable(std::optional<CredentialStatus> status) { m_unavailable = status; }
    // Operations started so far (tests count keychain round trips).
    int operationCount() const { return m_operations; }

private:
    std::optional<CredentialOutcome> unavailable(CredentialOperation operation, const QString &profileId,
                                                 std::optional<SecretKind> kind) const;

    QHash<QString, QHash<SecretKind, SecretBytes>> m_secrets;
    std::optional<CredentialStatus> m_unavailable;
    int m_operations = 0;
};

} // namespace anadesk
