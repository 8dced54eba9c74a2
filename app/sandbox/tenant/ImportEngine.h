#pragma once
// Runs one import: reads the uploaded file (chunks in order) with the file's settings, maps its
// columns by the header names (or by position without a header row) and writes the rows into the
// model's data. Rows that do not fit are counted as failed and written to a failure dump in
// Anaplan's layout: "_Status_", the row's columns, "_Line_", "_Error_1_".
#include "ModelData.h"
#include "Records.h"

#include <QByteArray>
#include <QJsonArray>
#include <QStringList>

namespace sandbox {

struct ImportOutcome
{
    bool successful = false;
    int totalRows = 0;
    int successRows = 0;
    int created = 0;
    int updated = 0;
    int failedRows = 0;
    int ignoredRows = 0;
    QJsonArray details; // TaskResultDetail objects
    QByteArray dump;    // failure dump CSV; empty when no row failed
};

// `chunkPaths`: the stored chunks of the source file, in order; the file must be complete.
ImportOutcome runImport(const ImportRecord &import, const FileRecord &file, const QStringList &chunkPaths,
                        ModelData &data);

} // namespace sandbox
