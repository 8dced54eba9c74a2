#pragma once
// How a task is shown, shared by run, task, cancel and the two combined commands.
#include "Output.h"
#include "net/ApiError.h"
#include "types/Task.h"

#include <QJsonObject>
#include <QString>

namespace anadesk::cli {

struct ActionRef
{
    QString id;
    QString name;          // empty when the id was given and not looked up
    QString label() const; // "import 'Sales from Sales.csv' (112000000001)" or "import 112000000001"
};

// The JSON of a task (JsonViews) plus "actionName" and, when the run failed, "error".
QJsonObject taskReportJson(const TaskStatus &status, const ActionRef &action, const ApiError &error = {});

// Human lines: "Task … of … COMPLETE, successful" and the result's details (indented).
QStringList taskReportLines(const TaskStatus &status, const ActionRef &action);

// For a failed import or process: the hint becomes the CLI command that saves the rejected rows.
ApiError withDumpHint(ApiError error, const TaskStatus &status, const ActionRef &action,
                      const QString &modelArg);

} // namespace anadesk::cli
