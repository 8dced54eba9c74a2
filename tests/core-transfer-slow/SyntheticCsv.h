#pragma once
// A deterministic, compressible, planning-export-like CSV of an exact size, written straight to disk in
// 4 MiB blocks (never held whole) while its SHA-256 is computed: the generator's hash is the reference
// every copy of the file is compared with. Every row carries its own number, so no two rows (and no two
// chunks) are alike and a chunk stored out of order or twice changes the hash. Some fields are multi-byte
// UTF-8 (2- and 3-byte characters), so chunk cuts have to respect character boundaries.
#include <QByteArray>
#include <QString>

namespace anadesk::test {

struct SyntheticCsvResult
{
    bool ok = false;
    QString error;     // what failed, on which path (when !ok)
    QByteArray sha256; // raw 32 bytes
    qint64 bytes = 0;
    qint64 rows = 0;
};

// Writes exactly `bytes` bytes (>= 64) to `path`; the last line is ASCII padding to reach the exact size.
SyntheticCsvResult writeSyntheticCsv(const QString &path, qint64 bytes, quint64 seed);

} // namespace anadesk::test
