#pragma once
// Where the secrets of connection profiles live: the OS keychain (KeychainCredentialStore) or, for
// "don't remember" and tests, memory (MemoryCredentialStore). Secrets never go to QSettings, files,
// logs or command lines (the one exception is the explicit plain-text opt-in of KeychainOptions); only
// an index of WHICH kinds are saved is kept outside the keychain.
//
// Every operation is asynchronous and never blocks the calling (GUI) thread. `done` is called exactly
// once, later from the event loop — never inside the call — on the thread of `context` (or of the
// store when `context` is null), and not at all if `context` is destroyed first. A callback may start
// the next operation directly. Call a store from the thread it lives in (normally the GUI thread); it
// only waits on its keychain asynchronously there, never blocking.
#include "CredentialOutcome.h"
#include "SecretKind.h"
#include "auth/SecretBytes.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace anadesk {

// Where a callback goes: the caller's context object, guarded so a destroyed context is never called;
// or, when the caller gave none, the store itself.
class CallbackContext
{
public:
    CallbackContext(QObject *context) // implicit: every public operation takes a plain QObject *
        : m_guard(context)
        , m_hadContext(context != nullptr)
    {}
    // The object to deliver on; nullptr when the caller's context has been destroyed meanwhile.
    QObject *target(QObject *store) const { return m_hadContext ? m_guard.data() : store; }

private:
    QPointer<QObject> m_guard;
    bool m_hadContext = false;
};

class CredentialStore : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(const CredentialOutcome &outcome, const SecretBytes &secret)>;
    using Done = std::function<void(const CredentialOutcome &outcome)>;

    // Larger secrets are refused (InvalidRequest): the Windows credential store holds at most 2,560 bytes
    // per entry, and no secret kind of a profile comes near this.
    static constexpr qsizetype kMaxSecretBytes = 2048;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    // Ok with the secret; NotFound when none is saved (ask the user); any other status means the
    // keychain could not answer: keep the profile and the session (see CredentialOutcome).
    virtual void readSecret(const QString &profileId, SecretKind kind, QObject *context, ReadDone done) = 0;
    // Saves (or replaces) the secret. An empty secret is refused: use removeSecret().
    virtual void writeSecret(const QString &profileId, SecretKind kind, const SecretBytes &secret,
                             QObject *context, Done done) = 0;
    // Deleting a secret that is not saved is Ok.
    virtual void removeSecret(const QString &profileId, SecretKind kind, QObject *context, Done done) = 0;
    // Deletes ALL secrets of the profile: every kind the index lists (including kinds written by a newer
    // version of Anadesk) and every kind this version knows, in case the index is stale. Stops at the
    // first failure, so a locked keychain is asked once, not once per kind; what could not be deleted
    // stays in the index so a later removeProfile() finishes the job.
    virtual void removeProfile(const QString &profileId, QObject *context, Done done) = 0;

    // What the index says is saved for the profile. Answers at once, without touching the keychain (no
    // unlock prompt), e.g. to show "password saved" next to a profile.
    virtual QList<SecretKind> storedKinds(const QString &profileId) const = 0;
    // Profiles the index has secrets for: lets the profile store find secrets left behind by a profile
    // removed while the keychain was locked.
    virtual QStringList profilesWithSecrets() const = 0;
    // For messages: "the system keychain", "memory (this session only)".
    virtual QString storageDescription() const = 0;

    // Names profiles in messages ("the password of profile 'Prod EU'"); by default the id is shown.
    void setProfileLabeler(std::function<QString(const QString &profileId)> labeler);

    // Profile ids are keychain-key components: 1–64 characters of [A-Za-z0-9_-] (a UUID without braces).
    static bool isValidProfileId(const QString &profileId);

Q_SIGNALS:
    // The set of saved kinds of a profile changed (after a successful write or removal).
    void storedKindsChanged(const QString &profileId);

protected:
    // "the password of profile 'Prod EU'", or "the secrets of profile 'Prod EU'" without a kind.
    QString subject(const QString &profileId, std::optional<SecretKind> kind) const;
    // An InvalidRequest outcome when the profile id or the secret is unacceptable; nullopt when fine.
    std::optional<CredentialOutcome> checkRequest(CredentialOperation operation, const QString &profileId,
                                                  std::optional<SecretKind> kind,
                                                  const SecretBytes *secret = nullptr) const;
    // Queued delivery honouring the contract above.
    void deliver(const CallbackContext &context, Done done, const CredentialOutcome &outcome);
    void deliverRead(const CallbackContext &context, ReadDone done, const CredentialOutcome &outcome,
                     const SecretBytes &secret);

private:
    std::function<QString(const QString &)> m_labeler;
};

} // namespace anadesk
