#pragma once
// What the `alm` commands share: source models and revisions by id or name, and how an ALM task
// (sync, comparison report, summary report) is followed and shown.
#include "../../Output.h"
#include "ModelApiSupport.h"

namespace anadesk::cli {

// A model anywhere in the tenant (ALM syncs cross workspaces): 32 hex characters are taken as the
// id; a name is searched among all your models.
ApiError resolveAnyModel(CommandContext &c, const QString &idOrName, NamedObject *out);

// A revision of `alm`'s model by id (32 hex) or name.
ApiError resolveRevision(CommandContext &c, const AlmClient &alm, const QString &idOrName, NamedObject *out);

// "comparison report task 9A… : IN_PROGRESS 40% Comparing lists" on the progress line (terminal only),
// warnings always.
void reportAlmProgress(AlmTaskRunner *runner, ProgressLine &line, const Output &output, const QString &label);

// Human lines for a task: "Sync task 9A…: COMPLETE, successful" + revisions and error.
QStringList almTaskLines(const AlmTask &task, AlmTaskKind kind);

// The command that follows a task again ("anadesk-cli --model M alm sync-task ID --wait").
QString followCommand(const QString &modelId, AlmTaskKind kind, const QString &taskId);

// Follows a running task with Ctrl-C handling: the first Ctrl-C stops following (the ALM API has no
// cancel; the task goes on in Anaplan) and the error says how to follow it again.
ApiError waitForAlmTask(CommandContext &c, Owned<AlmTaskRunner> &runner, AlmTaskKind kind,
                        const QString &label);

} // namespace anadesk::cli
