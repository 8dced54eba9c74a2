#include "InputFiles.h"

#include <cstdio>

namespace anadesk::cli {

bool isStandardInput(const QString &path)
{
    return path == QLatin1String("-");
}

bool openInput(QFile *file, const QString &path)
{
    if (isStandardInput(path))
        return file->open(stdin, QIODevice::ReadOnly);
    file->setFileName(path);
    return file->open(QIODevice::ReadOnly);
}

} // namespace anadesk::cli
