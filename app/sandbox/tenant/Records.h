#pragma once
// Plain records of the sandbox tenant: what Anaplan calls workspaces, models and model objects, plus
// the bookkeeping the sandbox needs (upload state of a file, the timeline of a task). No behaviour.
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sandbox {

struct WorkspaceRecord
{
    QString id; // 32 lower-case hex
    QString name;
    bool active = true;
    qint64 sizeAllowance = 0; // bytes
    qint64 currentSize = 0;   // bytes
};

struct ModelRecord
{
    QString id; // 32 upper-case hex
    QString name;
    QString workspaceId;
    QString activeState; // UNLOCKED, LOCKED, ARCHIVED, MAINTENANCE, PRODUCTION, PRODUCTION_MAINTENANCE, ACTIVE
    qint64 lastSavedSerialNumber = 0;
    QString lastModifiedByUserGuid;
    qint64 memoryUsage = 0;
    QJsonArray categoryValues;
    QString isoCreationDate; // "2022-02-10T19:14:23.000+0000"
    QString lastModified;
    bool open = false; // loaded in memory (model status "Open"/"Closed")
};

// A file of a model: an import data source (113…) or an export's output file (116…, id of the export).
struct FileRecord
{
    QString id;
    QString name;
    bool exportOutput = false;
    QString delimiter = QStringLiteral("\"");
    QString encoding = QStringLiteral("UTF-8");
    QString format = QStringLiteral("txt");
    QString separator = QStringLiteral(",");
    int headerRow = 1;
    int firstDataRow = 2;
    // Upload state. Content lives in ChunkStore under (model, file, generation).
    int declaredChunkCount = 0; // what POST …/files/{id} set: N, or -1 (ends with /complete)
    bool complete = false;      // all declared chunks present, or /complete received
    int generation = 0;         // bumped for every new upload / export run; old content is dropped
    QMap<int, qint64> chunks;   // chunk index -> stored (uncompressed) size; rebuilt from disk on load
    QString uploadedBy;

    int chunkCountForListing() const
    {
        if (declaredChunkCount >= 0 && !complete)
            return declaredChunkCount;
        return int(chunks.size());
    }
    qint64 size() const
    {
        qint64 total = 0;
        for (qint64 s : chunks)
            total += s;
        return total;
    }
};

// What an import reads and writes in the model's data (see ModelData).
struct ImportRecord
{
    QString id; // 112…
    QString name;
    QString importType; // MODULE_DATA, HIERARCHY_DATA, LINE_ITEM_DEFINITION, USERS, VERSIONS
    QString dataSourceId; // the file id (113…)
    QString target;       // list id for HIERARCHY_DATA, module id for MODULE_DATA / LINE_ITEM_DEFINITION
};

struct ExportRecord
{
    QString id; // 116…; its output file has the same id
    QString name;
    QString exportType; // == layout
    QString format;     // MIME type: text/csv, text/plain, application/vnd.ms-excel
    QString encoding;   // empty for xls (Anaplan omits it)
    QString source;     // list id or module id
    QString lineItem;   // for grid and current-line-item layouts: the line item shown
};

struct ActionRecord
{
    QString id; // 117…
    QString name;
    QString actionType; // DELETE_BY_SELECTION, OPTIMIZER, ORDER_HIERARCHY
    QString target;     // list id the action works on
};

struct ProcessRecord
{
    QString id; // 118…
    QString name;
    QStringList steps; // ids of imports, exports and actions, in run order
};

// A task of an import/export/action/process. Its state is derived from the clock (see TaskClock),
// so a poll never needs a timer; the data change is applied exactly once, when it is first seen due.
struct TaskRecord
{
    QString taskId;   // 32 upper-case hex
    QString kind;     // "imports", "exports", "actions", "processes"
    QString objectId; // the import/export/action/process id
    QString user;
    qint64 creationTime = 0;      // epoch ms
    qint64 cancelRequestedAt = -1; // epoch ms of DELETE, -1 if never
    qint64 completedAt = -1;       // epoch ms when the result was applied
    bool applied = false;          // result computed and data changed (COMPLETE)
    QJsonObject result;            // TaskResult as sent to clients, once applied
    QStringList dumps;             // object ids whose failure dump is still stored for this task
    QStringList solutionLogs;      // optimizer action ids with a solution log for this task
};

} // namespace sandbox
