#pragma once
// The typed result of every credential-store operation. The statuses keep apart what callers must
// never confuse (reliability-and-security.md §3.3 rule 4): "nothing saved" (ask the user) versus
// "the keychain could not answer" (keep everything, tell the user, offer retry or session-only use).
#include "SecretKind.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <optional>

namespace anadesk {

enum class CredentialStatus
{
    Ok,
    NotFound,       // no secret of that kind is saved for the profile: ask the user for it
    KeychainLocked, // locked, or no answer in time (typically waiting on an unlock prompt)
    AccessDenied,   // the user or the system refused Anadesk access to the keychain
    NoBackend,      // no keychain service is available on this computer
    InvalidRequest, // bad profile id, empty or oversized secret: nothing was attempted
    OtherError,     // the keychain failed for another reason (see detail)
};

enum class CredentialOperation
{
    Read,
    Write,
    Remove
};

struct CredentialOutcome
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::CredentialOutcome)

public:
    CredentialStatus status = CredentialStatus::Ok;
    QString message; // what failed, for which secret of which profile (translated); empty when ok
    QString hint;    // what to do about it (translated); empty when ok
    QString detail;  // the keychain's own error text, redacted; for logs and a "details" section

    bool isOk() const { return status == CredentialStatus::Ok; }
    bool isNotFound() const { return status == CredentialStatus::NotFound; }
    // Locked, denied, no backend or another keychain failure: the keychain could not answer. The
    // caller must keep the profile and any session, and must not treat this as "no password saved"
    // nor as a sign-out.
    bool isKeychainUnavailable() const;
    // "<message> (<detail>). <hint>" — one line for logs, the CLI and tests.
    QString toString() const;

    static CredentialOutcome ok() { return {}; }
    // Builds the message and hint for `status`. `subject` names the secret, e.g.
    // "the password of profile 'Prod EU'"; `detail` is redacted here.
    static CredentialOutcome failure(CredentialStatus status, CredentialOperation operation,
                                     const QString &subject, const QString &detail = {});
};

// Stable machine-readable names: "ok", "not-found", "keychain-locked", "access-denied",
// "no-backend", "invalid-request", "other-error".
QString credentialStatusName(CredentialStatus status);

} // namespace anadesk

Q_DECLARE_METATYPE(anadesk::CredentialOutcome)
