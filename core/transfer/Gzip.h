#pragma once
// Real gzip (RFC 1952) for upload chunks: libdeflate's whole-buffer gzip when the build found it
// (faster at the same level), else zlib deflateInit2 with windowBits 31, streamed in pieces so zlib's
// 32-bit avail_in/avail_out never limit the input size (reliability §4.3). Decompression is zlib's
// streaming inflate (the bomb guard needs to stop early). Anaplan expects
// `Content-Type: application/x-gzip` with a gzip body, never raw deflate and never Content-Encoding.
// Pure functions, safe to call on QtConcurrent workers.
#include <QByteArray>
#include <QString>

namespace anadesk::gzip {

// Level 0 means "no compression" for the client (chunks go as application/octet-stream); the
// default level 1 is justified by the measurement in benchmarks/transfer/README.md.
inline constexpr int kDefaultLevel = 1;

// Clamps a configured level to what zlib accepts for gzip output: 1…9 (0 and below → 1).
int clampLevel(int level);

struct Result
{
    QByteArray data;
    QString error; // non-empty on failure (zlib error text, or the bomb guard's message)
    bool ok() const { return error.isEmpty(); }
};

// Compresses `input` into one gzip member at `level` (clamped), with libdeflate when available.
Result compress(const QByteArray &input, int level);
// The same with zlib, whatever the build has (the fallback; the benchmark compares both).
Result compressWithZlib(const QByteArray &input, int level);
// True when compress() uses libdeflate.
bool compressesWithLibdeflate();

// Inflates one gzip member (or several concatenated), refusing to produce more than `maxOutputBytes`
// and, once 1 MiB has been produced, refusing a ratio above `maxRatio` output bytes per input byte:
// a decompression bomb is reported as an error before it can exhaust memory (reliability §4.4).
// maxRatio ≤ 0 disables the ratio check (the size cap always applies).
Result decompress(const QByteArray &gzipData, qint64 maxOutputBytes, double maxRatio = 0);

// Continues the CRC-32 (gzip's checksum, the same value as zlib's crc32) `crc` over `size` bytes at
// `data`; start with 0. libdeflate's when available: with PCLMULQDQ it is ~10× zlib 1.2.13's.
quint32 crc32(quint32 crc, const char *data, qint64 size);

// True when `data` starts with the gzip magic bytes 1f 8b.
bool looksLikeGzip(const QByteArray &data);

} // namespace anadesk::gzip
