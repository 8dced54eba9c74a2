#pragma once
// Small pieces several command groups share: typed errors for the CLI's own checks, the local
// path rules for saved files, hex digests.
#include "net/ApiError.h"

#include <QByteArray>
#include <QString>

namespace anadesk::cli {

ApiError usage(const QString &message, const QString &hint = {});
ApiError localIo(const QString &message, const QString &object, const QString &detail = {},
                 const QString &hint = {});

// Where to save a download. `requested` is the -o value; when it is an existing directory the file
// goes inside it under `serverName` made safe (reliability §4.5: last component only, no "..",
// no device names, stays inside the directory). An existing file is only replaced with `force`.
ApiError targetPath(const QString &requested, const QString &serverName, bool force, QString *out);

// Writes `data` to `path` through "<path>.partial" and a rename, so a half-written file never
// carries the final name.
ApiError saveFile(const QString &path, const QByteArray &data, bool force);

QString hex(const QByteArray &bytes);

} // namespace anadesk::cli
