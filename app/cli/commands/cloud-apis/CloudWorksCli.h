#pragma once
// What the cw and flows commands share: the CloudWorks client of the session, connections /
// integrations / flows found by id or name, and following a run to its end (polling its status, Ctrl-C
// cancelling it on the server) with the outcome mapped to exit codes.
#include "../../Command.h"
#include "api/NameResolver.h"
#include "cloudworks/CloudWorksClient.h"
#include "net/ApiError.h"

#include <QJsonObject>
#include <QString>
#include <functional>

namespace anadesk::cli::cw {

CloudWorksClient client(CommandContext &c);

// Objects by id (32 hex, taken as it is) or by name (listed and matched: exact, then ignoring case;
// ambiguous names are never guessed). A connection is always listed: its type is needed too.
ApiError resolveConnection(CommandContext &c, const QString &idOrName, cloudworks::CloudConnection *out);
ApiError resolveIntegration(CommandContext &c, const QString &idOrName, NamedObject *out);
ApiError resolveFlow(CommandContext &c, const QString &idOrName, NamedObject *out);

// "integration 'Load Sales' (8a8b…)" / "flow …"; the id alone when the name is unknown.
QString label(const QString &kind, const NamedObject &object);

struct RunFollow
{
    QString runId;
    QString label;                        // for progress and messages: "integration 'Load Sales' (…)"
    qint64 maxWaitMs = 0;                 // 0: until the run ends
    std::function<void()> cancelOnServer; // started on the first Ctrl-C; the run is followed to its end
};

// Polls the run's status (--poll-delay, growing after 10 polls up to 30 s) until it has an end date.
// Transient failures (network, timeout, 5xx, 429) are tolerated 30 times in a row. *status holds the
// last status read; *cancelRequested tells whether Ctrl-C asked the server to cancel.
ApiError followRun(CommandContext &c, const RunFollow &follow, cloudworks::RunStatus *status,
                   bool *cancelRequested);

// The command's error for a finished run: none for a clean success; action-failed (12) for a failure
// or a partial success (rows rejected), cancelled (13) when it was cancelled.
ApiError runOutcomeError(const cloudworks::RunStatus &status, const QString &label, bool cancelRequested);

// Prints a run (JSON: the run status + `extra` + "error" when there is one) and returns `error`.
ApiError reportRun(CommandContext &c, const cloudworks::RunStatus &status, const QJsonObject &extra,
                   const QString &label, const ApiError &error);

// Options of the commands that start runs.
OptionSpec waitOption();
OptionSpec maxWaitOption();

} // namespace anadesk::cli::cw
