#pragma once
// The JSON shapes anadesk-cli prints with --json (documented in docs/cli.md). Keys are camelCase
// like Anaplan's own; every object of a listing has "id" and "name" (tasks: "id" and "taskId").
// Raw enum strings are printed exactly as the server sent them, so values this client does not
// know yet still reach scripts.
#include "types/Action.h"
#include "types/Export.h"
#include "types/File.h"
#include "types/Import.h"
#include "types/Model.h"
#include "types/ModelDeletionResult.h"
#include "types/ModelStatus.h"
#include "types/Process.h"
#include "types/Task.h"
#include "types/Workspace.h"

#include <QJsonArray>
#include <QJsonObject>

namespace anadesk::cli::json {

QJsonObject toJson(const Workspace &workspace);
QJsonObject toJson(const Model &model);
QJsonObject toJson(const File &file);
QJsonObject toJson(const Import &import);
QJsonObject toJson(const Export &exportDefinition);
QJsonObject toJson(const Process &process);
QJsonObject toJson(const Action &action);
QJsonObject toJson(const TaskSummary &task);
QJsonObject toJson(const TaskResult &result);
// actionId is added because a task id alone does not say what it belongs to.
QJsonObject toJson(const TaskStatus &task, const QString &actionId);
QJsonObject toJson(const ModelStatus &status, const QString &modelId);
QJsonObject toJson(const ModelDeletionResult &result, const QString &workspaceId);

// An epoch-ms time as ISO 8601 UTC ("2024-06-18T09:12:44.000Z"); empty for 0.
QString isoTime(qint64 epochMs);

template <typename T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace anadesk::cli::json
