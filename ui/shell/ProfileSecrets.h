#pragma once
// The secrets of one connection while it is being made: typed by the user, read from the credential
// store, or the sandbox's documented demo password. Lives in memory only (SecretBytes wipe themselves).
#include "auth/SecretBytes.h"
#include "credentials/CredentialOutcome.h"
#include "credentials/SecretKind.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace anadesk {

class CredentialStore;
struct ConnectionProfile;

class ProfileSecrets
{
public:
    bool has(SecretKind kind) const { return m_secrets.contains(kind) && !m_secrets.value(kind).isEmpty(); }
    SecretBytes get(SecretKind kind) const { return m_secrets.value(kind); }
    void set(SecretKind kind, const SecretBytes &secret);
    void remove(SecretKind kind) { m_secrets.remove(kind); }
    QList<SecretKind> kinds() const { return m_secrets.keys(); }
    // Fills in kinds `other` has and this one lacks.
    void mergeMissingFrom(const ProfileSecrets &other);

private:
    QHash<SecretKind, SecretBytes> m_secrets;
};

// Reads the secrets a profile needs (profile.secretKinds()) that `known` does not already hold, first from
// the session store (secrets kept for this run only), then from the keychain store. The callback gets:
// the secrets found, the kinds nothing is saved for (ask the user), and — when a store could not answer
// (locked, denied, no keychain) — that outcome: the caller must NOT treat it as "nothing saved" nor sign
// the user out; it offers retry or entering the secret for this session.
struct SecretLoadResult
{
    ProfileSecrets secrets;
    QList<SecretKind> missing;
    std::optional<CredentialOutcome> unavailable;
};

class SecretLoader : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretLoadResult &result)>;

    // Stores are not owned; `session` may be null.
    SecretLoader(CredentialStore *keychain, CredentialStore *session, QObject *parent = nullptr);

    // One load at a time per loader; `done` is called exactly once, from the event loop.
    void load(const ConnectionProfile &profile, const ProfileSecrets &known, Done done);
    void cancel();

private:
    void next();
    void finish();

    QPointer<CredentialStore> m_keychain;
    QPointer<CredentialStore> m_session;
    QString m_profileId;
    QList<SecretKind> m_pending;
    SecretLoadResult m_result;
    Done m_done;
    int m_generation = 0;
};

} // namespace anadesk
