#pragma once
// Pieces the tenant-wide command groups (scim, audit, cw, flows) share: reading a JSON input file
// (--from PATH, "-" for stdin), small value checks with clear usage errors, and waiting between polls
// with the event loop alive (so Ctrl-C reaches the command's handler).
#include "../../Command.h"
#include "net/ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace anadesk::cli::cloud {

// The JSON document of --from PATH ("-": standard input). A file that cannot be read is local-io (15);
// text that is not JSON is bad-input (2) with the position of the error; `what` names the content
// ("the SCIM user") for messages.
ApiError readJsonInput(const QString &path, const QString &what, QJsonValue *out);
// The same, requiring a JSON object.
ApiError readJsonObjectInput(const QString &path, const QString &what, QJsonObject *out);
// --from is required: reads it, or says how to pass it.
ApiError requireFromObject(CommandContext &c, const QString &what, QJsonObject *out);

// A bad-input error about one field of an input file: "'<field>' <problem>" (just the problem when
// field is empty), on the file.
ApiError badField(const QString &path, const QString &field, const QString &problem);

// An id read from JSON: strings as they are, whole numbers as their digits (ids in hand-written files
// are often numbers); empty for anything else.
QString idString(const QJsonValue &value);
// A JSON array of strings (or numbers) as a string list; *ok false when it is not one.
QStringList stringList(const QJsonValue &value, bool *ok);

// "a, b ,c" → {"a","b","c"} (no empty entries).
QStringList splitList(const QString &text);
bool looksLikeHexId(const QString &text);

// An integer option in [min, max]; a usage error naming the option otherwise.
ApiError intOption(const CommandContext &c, const QString &option, int min, int max, int *out);
// --max-wait SECONDS (1..604800) in ms, 0 when not given.
ApiError maxWaitOption(const CommandContext &c, qint64 *outMs);

// Runs the event loop for `ms` (timers, sockets and Ctrl-C stay live); returns early when *stop turns true.
void pause(int ms, const bool *stop = nullptr);

// The delay before poll number `poll` (0-based): the base delay for 10 polls, then 25 % more per poll up
// to 30 s, never below the base (the same rule as the task runner's, docs/cli.md --poll-delay).
int pollDelayMs(int baseMs, int poll);

// Options several commands share.
OptionSpec fromOption(const QString &help);

} // namespace anadesk::cli::cloud
