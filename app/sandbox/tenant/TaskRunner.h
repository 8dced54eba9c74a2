#pragma once
// Does the work of a task that has become due: an import, an export, an other action, or a process
// (its steps in order). It runs on a snapshot of the model, outside the tenant lock; the tenant then
// commits the new data, the export files, dumps and logs in one step under the lock.
#include "ModelData.h"
#include "Records.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace sandbox {

struct RunSnapshot
{
    QString modelId;
    QString modelName;
    QString taskId;
    QString kind; // imports, exports, actions, processes
    QString objectId;
    ModelData data;
    QList<FileRecord> files;
    QList<ImportRecord> imports;
    QList<ExportRecord> exports;
    QList<ActionRecord> actions;
    QList<ProcessRecord> processes;
    QHash<QString, QStringList> chunkPaths;   // complete file id -> its chunks in order
    QHash<QString, QString> fileProblems;     // file id -> why it cannot be imported now
};

struct RunOutput
{
    ModelData data;
    QJsonObject result;                    // TaskResult
    QMap<QString, QByteArray> dumps;       // import id -> failure dump CSV
    QMap<QString, QByteArray> logs;        // optimizer action id -> solution log
    QMap<QString, QByteArray> exportFiles; // export id -> output file bytes
    QStringList successfulImports;         // imports that ran without failed rows (their old dumps go)
};

RunOutput runTask(const RunSnapshot &snapshot);

} // namespace sandbox
