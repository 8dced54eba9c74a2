#pragma once
// Everything the tenant knows, as plain data: what is seeded, saved to tenant.json and loaded again.
// TenantState guards one instance of it with its mutex.
#include "ModelData.h"
#include "Records.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace sandbox {

struct ModelContent
{
    QList<FileRecord> files;
    QList<ImportRecord> imports;
    QList<ExportRecord> exports;
    QList<ActionRecord> actions;
    QList<ProcessRecord> processes;
    ModelData data;
    QList<TaskRecord> tasks;
    qint64 nextFileId = 113'000'000'100; // ids of files created by POSTing an unknown file id
};

struct TenantData
{
    QList<WorkspaceRecord> workspaces;
    QList<ModelRecord> models;
    QHash<QString, ModelContent> content; // model id -> content (absent: an empty model)
    int nextGeneration = 1;               // unique generation numbers for stored file contents

    QJsonObject toJson() const;
    static TenantData fromJson(const QJsonObject &object);
};

// Initial file contents of a freshly seeded tenant: (model id, file id) -> bytes.
using SeedFiles = QHash<QPair<QString, QString>, QByteArray>;

// The seeded tenant (tenant/Seed.cpp); docs/sandbox.md lists what it holds.
TenantData seededTenant(SeedFiles *files);

} // namespace sandbox
