#pragma once
// What may appear in logs, error dialogs and test output. Headers and JSON keys go through
// allow-lists (everything else is written as REDACTED); free text (server messages, third-party
// qDebug lines) goes through pattern scrubbing for every credential shape the app handles.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace anadesk {

inline constexpr char kRedacted[] = "REDACTED";

// Allow-listed header names (lower-case): content-type, content-length, content-encoding,
// retry-after, date, x-request-id and similar request-id headers, location (origin only), …
bool isLoggableHeader(const QByteArray &lowerCaseName);
// "name: value" for an allow-listed header, "name: REDACTED" for everything else.
QString headerForLog(const QByteArray &name, const QByteArray &value);
QString headersForLog(const QList<QPair<QByteArray, QByteArray>> &headers);

// scheme://host:port/path plus only allow-listed query keys (limit, offset, sort, …); other values REDACTED.
QString urlForLog(const QUrl &url);

// A body summary: for JSON, the document with only allow-listed keys' scalar values kept (ids,
// states, counts, codes, messages); for anything else or when `sensitive` (e.g. /token/*),
// only "<N bytes of type>".
QString bodyForLog(const QByteArray &body, const QByteArray &contentType, bool sensitive);

// Scrubs credentials out of free text: "AnaplanAuthToken x", "Basic x", "CACertificate x",
// "Bearer x", JSON "tokenValue"/"password"/"refreshToken"/… values, JWT-shaped strings, and every
// registered live secret.
QString redactSecrets(const QString &text);

// Live secrets (current tokens, passwords, passphrases) that redactSecrets() replaces wherever they
// appear — also where no pattern could spot them (a server echoing a bare token). Reference-counted,
// process-wide, thread-safe; values shorter than 6 bytes are ignored.
void registerSecret(const QByteArray &secret);
void forgetSecret(const QByteArray &secret);

// Redacts, collapses whitespace, and cuts at maxChars (with "…").
QString redactAndTruncate(const QString &text, int maxChars = 300);

// Installs a Qt message handler that runs every message through redactSecrets() before passing
// it to the previous handler, so even third-party qDebug output cannot leak a token. Idempotent.
void installRedactingMessageHandler();

} // namespace anadesk
