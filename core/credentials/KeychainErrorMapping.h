#pragma once
// Turns a QtKeychain error (code + text) into a CredentialStatus. Kept apart from the store so the
// mapping is unit-tested without a keychain. The text matters on Linux: the libsecret backend reports
// "no Secret Service on the bus" and "no session bus at all" as OtherError with D-Bus wording, and
// those must read as NoBackend, not as a generic failure.
#include "CredentialOutcome.h"

#include <QString>

namespace anadesk {

// `qkeychainError` is a QKeychain::Error value (kept as int so this header needs no QtKeychain).
CredentialStatus classifyKeychainError(int qkeychainError, const QString &errorString);

} // namespace anadesk
