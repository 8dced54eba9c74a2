#include "ChunkPlanner.h"

#include <QIODevice>
#include <QLocale>

namespace anadesk {

using namespace chunk_limits;

namespace {

qint64 ceilDiv(qint64 a, qint64 b) { return (a + b - 1) / b; }

QString tooLargeMessage(qint64 totalBytes)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // with thousands separators: 50,000,000,000
    return ChunkPlanner::tr("The file is %1 bytes; Anaplan accepts at most %2 bytes per file (%3 chunks of at "
                            "most %4 bytes each). Split the data into several files or reduce it before "
                            "uploading.")
        .arg(c.toString(totalBytes), c.toString(kMaxFileBytes), c.toString(kMaxChunkCount),
             c.toString(kMaxChunkBytes));
}

QList<ChunkSpan> plainCuts(qint64 totalBytes, qint64 chunkBytes)
{
    QList<ChunkSpan> spans;
    spans.reserve(int(ceilDiv(totalBytes, chunkBytes)));
    for (qint64 offset = 0; offset < totalBytes; offset += chunkBytes)
        spans.append({offset, qMin(chunkBytes, totalBytes - offset)});
    return spans;
}

bool isUtf8Continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// The UTF-16 code unit at byte index i (even, relative to the window) in the window.
quint16 unitAt(const QByteArray &w, qint64 i, bool littleEndian)
{
    const auto lo = static_cast<unsigned char>(w[i + (littleEndian ? 0 : 1)]);
    const auto hi = static_cast<unsigned char>(w[i + (littleEndian ? 1 : 0)]);
    return quint16(hi << 8 | lo);
}

} // namespace

qint64 ChunkPlanner::effectiveChunkSize(qint64 totalBytes, qint64 configuredChunkBytes)
{
    if (totalBytes < 0 || totalBytes > kMaxFileBytes)
        return 0;
    const qint64 configured = qBound<qint64>(1, configuredChunkBytes, kMaxChunkBytes);
    // Grow (never shrink) so the file fits in kMaxChunkCount chunks; ≤ kMaxChunkBytes by the check above.
    return qMax(configured, ceilDiv(totalBytes, kMaxChunkCount));
}

ChunkPlan ChunkPlanner::plan(qint64 totalBytes, qint64 configuredChunkBytes)
{
    ChunkPlan result;
    result.totalBytes = totalBytes;
    if (totalBytes < 0) {
        result.error = tr("The file size is unknown or negative (%1); the file cannot be uploaded in chunks.")
                           .arg(totalBytes);
        return result;
    }
    if (totalBytes > kMaxFileBytes) {
        result.error = tooLargeMessage(totalBytes);
        return result;
    }
    result.nominalChunkBytes = effectiveChunkSize(totalBytes, configuredChunkBytes);
    result.chunks = plainCuts(totalBytes, result.nominalChunkBytes);
    return result;
}

TextEncodingFamily ChunkPlanner::detectEncoding(const QByteArray &head)
{
    if (head.startsWith("\xFF\xFE"))
        return TextEncodingFamily::Utf16LE;
    if (head.startsWith("\xFE\xFF"))
        return TextEncodingFamily::Utf16BE;
    // UTF-16 text without a BOM: mostly ASCII, so every other byte is NUL.
    const qsizetype n = head.size() & ~qsizetype(1);
    if (n >= 4) {
        qsizetype evenNul = 0, oddNul = 0;
        for (qsizetype i = 0; i < n; i += 2) {
            evenNul += head[i] == '\0';
            oddNul += head[i + 1] == '\0';
        }
        const qsizetype pairs = n / 2;
        if (oddNul * 10 >= pairs * 9 && evenNul == 0)
            return TextEncodingFamily::Utf16LE;
        if (evenNul * 10 >= pairs * 9 && oddNul == 0)
            return TextEncodingFamily::Utf16BE;
    }
    if (head.contains('\0'))
        return TextEncodingFamily::Binary;
    return TextEncodingFamily::SingleByteOrUtf8;
}

qint64 ChunkPlanner::safeCut(const QByteArray &window, qint64 windowOffset, qint64 nominalCut,
                             TextEncodingFamily encoding)
{
    // Window-relative index of the nominal cut; the window may extend a few bytes past it.
    const qint64 cutIndex = nominalCut - windowOffset;
    if (encoding == TextEncodingFamily::Binary || cutIndex <= 0 || cutIndex > window.size())
        return nominalCut;
    const qint64 size = window.size();

    if (encoding == TextEncodingFamily::SingleByteOrUtf8) {
        // Preferred: just after the last '\n' at or before the cut (keeps CRLF and records whole).
        const qsizetype nl = window.lastIndexOf('\n', cutIndex - 1);
        if (nl >= 0 && nl + 1 > 0)
            return windowOffset + nl + 1;
        // Fallback: back off UTF-8 continuation bytes so the next chunk starts on a lead byte, and
        // keep CR with its LF.
        qint64 i = cutIndex;
        while (i > 0 && i < size && isUtf8Continuation(window[i]))
            --i;
        if (i > 0 && i < size && window[i] == '\n' && window[i - 1] == '\r')
            --i;
        return (i < size && isUtf8Continuation(window[i])) ? nominalCut : windowOffset + i;
    }

    const bool le = encoding == TextEncodingFamily::Utf16LE;
    // Code units are aligned to even *file* offsets.
    qint64 i = cutIndex - ((windowOffset + cutIndex) & 1);
    const qint64 firstUnit = (windowOffset & 1) ? 1 : 0;
    for (qint64 u = i - 2; u >= firstUnit; u -= 2) {
        if (unitAt(window, u, le) == 0x000A)
            return windowOffset + u + 2;
    }
    // Fallback: never split a surrogate pair or a CR LF pair.
    if (i >= 2 && i + 1 < size) {
        const quint16 before = unitAt(window, i - 2, le);
        const quint16 after = unitAt(window, i, le);
        if ((before >= 0xD800 && before <= 0xDBFF) || (before == 0x000D && after == 0x000A))
            i -= 2;
    }
    return i >= 0 ? windowOffset + i : nominalCut;
}

ChunkPlan ChunkPlanner::planText(QIODevice &device, qint64 totalBytes, qint64 configuredChunkBytes,
                                 TextEncodingFamily encoding, qint64 boundaryWindow)
{
    ChunkPlan result = plan(totalBytes, configuredChunkBytes);
    if (!result.isValid() || encoding == TextEncodingFamily::Binary || result.chunks.size() <= 1)
        return result;

    // Cuts move back by less than the window, so a nominal size of (needed + window) keeps every
    // chunk longer than `needed` and the count within the limit.
    // At least 8 bytes: enough to reach the lead byte of a 4-byte UTF-8 sequence or the first half of a
    // UTF-16 surrogate pair plus a CR.
    constexpr qint64 kMinWindow = 8;
    const qint64 window =
        qBound<qint64>(kMinWindow, boundaryWindow, qMax<qint64>(kMinWindow, result.nominalChunkBytes / 2));
    const qint64 nominal =
        qMax(result.nominalChunkBytes, ceilDiv(totalBytes, kMaxChunkCount) + window);
    if (nominal > kMaxChunkBytes)
        return result; // too close to the 50 GB ceiling: plain cuts (boundaryAdjusted stays false)

    constexpr qint64 kLookAhead = 4; // bytes after the cut, to see a CR LF pair or a continuation byte
    QList<ChunkSpan> spans;
    qint64 start = 0;
    while (start < totalBytes) {
        qint64 cut = start + nominal;
        if (cut >= totalBytes) {
            spans.append({start, totalBytes - start});
            break;
        }
        const qint64 windowOffset = qMax(start + 1, cut - window);
        const qint64 windowEnd = qMin(totalBytes, cut + kLookAhead);
        if (!device.seek(windowOffset)) {
            result.error = tr("Could not read the file to plan its chunks (seek to %1 failed: %2).")
                               .arg(windowOffset)
                               .arg(device.errorString());
            return result;
        }
        const QByteArray bytes = device.read(windowEnd - windowOffset);
        if (bytes.size() != windowEnd - windowOffset) {
            result.error = tr("Could not read the file to plan its chunks (%1 bytes at offset %2: %3). "
                              "Was it changed or truncated?")
                               .arg(windowEnd - windowOffset)
                               .arg(windowOffset)
                               .arg(device.errorString());
            return result;
        }
        cut = safeCut(bytes, windowOffset, cut, encoding);
        spans.append({start, cut - start});
        start = cut;
    }
    result.nominalChunkBytes = nominal;
    result.chunks = spans;
    result.boundaryAdjusted = true;
    return result;
}

} // namespace anadesk
