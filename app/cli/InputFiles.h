#pragma once
// Local inputs named on the command line (--from PATH, upload --stream PATH), where "-" means
// standard input: one rule for every command that reads one.
#include <QFile>
#include <QString>

namespace anadesk::cli {

bool isStandardInput(const QString &path);

// Opens `path` for reading ("-": standard input); false, with file->errorString(), when it cannot.
bool openInput(QFile *file, const QString &path);

} // namespace anadesk::cli
