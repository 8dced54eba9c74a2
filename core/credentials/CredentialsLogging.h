#pragma once
// Logging category of core/credentials: "anadesk.credentials". Messages name profiles (by id), secret
// kinds, outcomes and timings — never a secret, and keychain error texts only after redaction.
#include <QLoggingCategory>

namespace anadesk {
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
} // namespace anadesk
