#pragma once
// Splits a file into upload chunks within Anaplan's limits (anaplan-api.md §13, limits §2.4):
// every chunk holds 1 … 50,000,000 bytes of *uncompressed* data (decimal MB, as Anaplan Connect
// counts) and a file has at most 1,000 chunks, so at most 50,000,000,000 bytes can be uploaded.
//
// Sizing rule: start from the configured chunk size (ClientOptions::uploadChunkSize), clamp it to
// [1, 50,000,000], then grow it to ceil(size / 1,000) when the file would otherwise need more than
// 1,000 chunks. Sizes and offsets are qint64 everywhere (files > 2 GB, reliability §4.3).
//
// Text boundary rule (T-UP-13), used by planText() for text files: each cut is moved *back* to the
// position just after the last line break found in the final `boundaryWindow` bytes before the
// nominal cut, so no record, multi-byte character or CRLF pair is split between two chunks. Line
// breaks are '\n' for single-byte/UTF-8 text, the code unit 0x000A at an even offset for UTF-16LE/BE.
// When the window holds no line break (one very long line) the cut falls back to the nearest
// character boundary before it: never inside a UTF-8 sequence, never between CR and LF, never on an
// odd offset or inside a surrogate pair for UTF-16. To keep the 1,000-chunk ceiling despite cuts
// moving back, the nominal chunk size is raised by the window; if that would exceed 50,000,000 the
// plan uses plain cuts at the nominal size instead (reported by ChunkPlan::boundaryAdjusted=false).
#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

namespace anadesk {

namespace chunk_limits {
inline constexpr qint64 kMaxChunkBytes = 50'000'000;                 // uncompressed, per chunk
inline constexpr int kMaxChunkCount = 1'000;                         // per file
inline constexpr qint64 kMaxFileBytes = kMaxChunkBytes * kMaxChunkCount; // 50,000,000,000
inline constexpr qint64 kDefaultBoundaryWindow = 1'048'576;          // bytes searched for a line break
} // namespace chunk_limits

struct ChunkSpan
{
    qint64 offset = 0;
    qint64 length = 0;
    qint64 end() const { return offset + length; }
    bool operator==(const ChunkSpan &other) const = default;
};

struct ChunkPlan
{
    qint64 totalBytes = 0;
    qint64 nominalChunkBytes = 0;  // the chunk size chosen before boundary adjustment
    bool boundaryAdjusted = false; // cuts were moved to safe text boundaries
    QList<ChunkSpan> chunks;       // contiguous, in order, covering [0, totalBytes)
    QString error;                 // non-empty: the file cannot be uploaded (message for the user)

    bool isValid() const { return error.isEmpty(); }
    int chunkCount() const { return int(chunks.size()); }
};

// How the bytes of a text file encode a line break.
enum class TextEncodingFamily {
    Binary,    // cut anywhere (not text, or the caller does not care)
    SingleByteOrUtf8, // ASCII, ISO-8859-x, Windows-125x, UTF-8
    Utf16LE,
    Utf16BE,
};

class ChunkPlanner
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ChunkPlanner)
public:
    // The chunk size used for a file of `totalBytes` with the configured size (see the sizing rule).
    // Returns 0 when the file is larger than kMaxFileBytes or totalBytes < 0.
    static qint64 effectiveChunkSize(qint64 totalBytes, qint64 configuredChunkBytes);

    // Plain cuts every effectiveChunkSize() bytes; the last chunk holds the rest. 0 bytes → 0 chunks.
    static ChunkPlan plan(qint64 totalBytes, qint64 configuredChunkBytes);

    // Like plan(), then moves each cut to a safe text boundary (rule above) by reading at most
    // `boundaryWindow` bytes before each nominal cut from `device` (random access, opened for reading;
    // its position is changed). Binary falls back to plan(). Read errors → ChunkPlan::error.
    static ChunkPlan planText(QIODevice &device, qint64 totalBytes, qint64 configuredChunkBytes,
                              TextEncodingFamily encoding,
                              qint64 boundaryWindow = chunk_limits::kDefaultBoundaryWindow);

    // Guesses the family from the first bytes of a file: a UTF-16 byte order mark, or a NUL pattern
    // typical of UTF-16 ASCII text; Binary when NUL bytes appear otherwise; else SingleByteOrUtf8.
    static TextEncodingFamily detectEncoding(const QByteArray &head);

    // Where a cut at `nominalCut` should move inside `window`, which holds the file bytes
    // [windowOffset, windowOffset + window.size()) and ends at or after nominalCut (a few bytes past it
    // let the fallback see a CR LF pair). The caller keeps windowOffset after the chunk's start. Returns
    // the new cut in [windowOffset, nominalCut], or nominalCut when no safe boundary exists in the window.
    static qint64 safeCut(const QByteArray &window, qint64 windowOffset, qint64 nominalCut,
                          TextEncodingFamily encoding);
};

} // namespace anadesk
