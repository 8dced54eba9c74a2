#pragma once
// Request bodies from a local file (--from PATH, "-" for standard input): JSON as Anaplan takes it,
// or CSV (RFC 4180: comma or tab separated, "" inside quotes, UTF-8 with or without BOM) that a
// command turns into the same JSON. Which one is decided by the content: JSON starts with '[' or '{'.
#include "net/ApiError.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::cli {

struct CsvTable
{
    QStringList header;
    QList<QStringList> rows; // each as long as the header
    QList<qint64> lines;     // the line each row starts on (for messages)
};

struct RequestInput
{
    bool isJson = false;
    QJsonArray json; // JSON input: the array (or the array under `arrayKey` of an object)
    CsvTable csv;    // CSV input
    QString source;  // "file 'items.csv'" or "standard input", for messages
};

// Reads `path` ("-": stdin). JSON must be an array, or an object holding the array under arrayKey
// ({"items":[…]} as Anaplan's own body). Bad input → BadInput (exit 2) naming the line or index;
// an unreadable file → LocalIo (exit 15).
ApiError readRequestInput(const QString &path, const QString &arrayKey, RequestInput *out);

// Parses CSV text; on failure returns a message naming the line.
QString parseCsv(const QString &text, CsvTable *out);

} // namespace anadesk::cli
