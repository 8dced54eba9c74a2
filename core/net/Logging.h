#pragma once
// Logging categories of core/net and core/auth. Enable with QT_LOGGING_RULES, e.g.
// "anadesk.net.http.debug=true". Everything logged through them is already redacted (Redaction.h).
#include <QLoggingCategory>

namespace anadesk {
Q_DECLARE_LOGGING_CATEGORY(lcNet)     // "anadesk.net": retries, pacing, timeouts
Q_DECLARE_LOGGING_CATEGORY(lcNetHttp) // "anadesk.net.http": one line per request/response (allow-listed)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)    // "anadesk.auth": sign-in, refresh, re-authentication
} // namespace anadesk
