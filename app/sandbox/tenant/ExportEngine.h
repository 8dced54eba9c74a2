#pragma once
// Writes the model's current data as an export file in the export's layout and format, so what an
// import wrote can be read back: a list export has the columns of a list import file (Name, Code,
// Parent, properties), a tabular module export those of a module import file.
#include "ModelData.h"
#include "Records.h"

#include <QByteArray>
#include <QString>

namespace sandbox {

struct ExportOutput
{
    QByteArray bytes;
    int rowCount = 0;
    QStringList headerNames;
    QString error; // non-empty: the export failed
};

ExportOutput runExport(const ExportRecord &exportRecord, const ModelData &data);

// The separator an export format uses: "," for text/csv, tab otherwise.
QChar exportSeparator(const ExportRecord &exportRecord);

} // namespace sandbox
