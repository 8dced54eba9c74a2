#include "Gzip.h"

#include <QCoreApplication>

#include <zlib.h>
#ifdef ANADESK_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

#include <limits>
#include <memory>

namespace anadesk::gzip {

namespace {

constexpr int kGzipWindowBits = 15 + 16;     // 15-bit window, gzip header and trailer
constexpr int kAutoDetectWindowBits = 15 + 32; // inflate: accept gzip or zlib headers
constexpr qint64 kSliceBytes = 1 << 30;      // zlib counts in uInt: feed at most 1 GiB per call
constexpr qint64 kRatioWarmUpBytes = 1 << 20;

QString zlibError(const char *what, int code, const z_stream &stream)
{
    return QCoreApplication::translate("anadesk::gzip", "%1 failed (zlib %2: %3)")
        .arg(QString::fromLatin1(what))
        .arg(code)
        .arg(stream.msg ? QString::fromLatin1(stream.msg) : QStringLiteral("no detail"));
}

} // namespace

int clampLevel(int level) { return level < 1 ? 1 : (level > 9 ? 9 : level); }

bool looksLikeGzip(const QByteArray &data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
           && static_cast<unsigned char>(data[1]) == 0x8b;
}

#ifdef ANADESK_HAVE_LIBDEFLATE
namespace {

// libdeflate compresses a whole buffer in one call (chunks are ≤ 50 MB and already in memory), in
// size_t, so there is no 32-bit limit to slice around. At the same level it needs ~0.6x zlib's CPU
// and produces slightly smaller output (benchmarks/transfer/README.md), which is what makes an upload
// keep up with pigz. Same format: one RFC 1952 gzip member.
Result compressWithLibdeflate(const QByteArray &input, int level)
{
    Result result;
    const std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor *)> compressor(
        libdeflate_alloc_compressor(clampLevel(level)), libdeflate_free_compressor);
    if (!compressor) {
        result.error =
            QCoreApplication::translate("anadesk::gzip", "Starting the compressor failed (out of memory?)");
        return result;
    }
    const size_t bound = libdeflate_gzip_compress_bound(compressor.get(), size_t(input.size()));
    // Only the pages the compressor writes become resident; the rest of the bound is never touched.
    result.data.resize(qsizetype(bound));
    const size_t produced = libdeflate_gzip_compress(compressor.get(), input.constData(),
                                                     size_t(input.size()), result.data.data(), bound);
    if (produced == 0) { // cannot happen with a buffer of the bound's size; never send a broken chunk
        result.data.clear();
        result.error = QCoreApplication::translate("anadesk::gzip", "Compression failed (output did not fit)");
        return result;
    }
    result.data.resize(qsizetype(produced));
    return result;
}

} // namespace
#endif

Result compress(const QByteArray &input, int level)
{
#ifdef ANADESK_HAVE_LIBDEFLATE
    return compressWithLibdeflate(input, level);
#else
    return compressWithZlib(input, level);
#endif
}

bool compressesWithLibdeflate()
{
#ifdef ANADESK_HAVE_LIBDEFLATE
    return true;
#else
    return false;
#endif
}

quint32 crc32(quint32 crc, const char *data, qint64 size)
{
    while (size > 0) { // both take a 32-bit length on some platforms
        const qint64 step = qMin<qint64>(size, qint64(1) << 30);
#ifdef ANADESK_HAVE_LIBDEFLATE
        crc = quint32(libdeflate_crc32(crc, data, size_t(step)));
#else
        crc = quint32(::crc32(crc, reinterpret_cast<const Bytef *>(data), uInt(step)));
#endif
        data += step;
        size -= step;
    }
    return crc;
}

Result compressWithZlib(const QByteArray &input, int level)
{
    Result result;
    z_stream stream{};
    int rc = deflateInit2(&stream, clampLevel(level), Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY);
    if (rc != Z_OK) {
        result.error = zlibError("deflateInit2", rc, stream);
        return result;
    }
    // deflateBound is exact enough for one call when the input fits in uLong; else grow as we go.
    const qint64 inputSize = input.size();
    const qint64 bound = inputSize <= qint64(std::numeric_limits<uInt>::max())
                             ? qint64(deflateBound(&stream, uLong(inputSize)))
                             : inputSize + inputSize / 1000 + 1024;
    result.data.resize(bound);

    auto *in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    qint64 consumed = 0;
    qint64 produced = 0;
    do {
        if (stream.avail_in == 0 && consumed < inputSize) {
            const qint64 slice = qMin(kSliceBytes, inputSize - consumed);
            stream.next_in = in + consumed;
            stream.avail_in = uInt(slice);
            consumed += slice;
        }
        if (produced == result.data.size())
            result.data.resize(result.data.size() + qMax<qint64>(64 * 1024, result.data.size() / 4));
        const qint64 room = qMin(kSliceBytes, qint64(result.data.size()) - produced);
        stream.next_out = reinterpret_cast<Bytef *>(result.data.data()) + produced;
        stream.avail_out = uInt(room);
        rc = deflate(&stream, consumed == inputSize ? Z_FINISH : Z_NO_FLUSH);
        produced += room - stream.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            result.error = zlibError("deflate", rc, stream);
            deflateEnd(&stream);
            result.data.clear();
            return result;
        }
    } while (rc != Z_STREAM_END);
    deflateEnd(&stream);
    result.data.resize(produced);
    return result;
}

Result decompress(const QByteArray &gzipData, qint64 maxOutputBytes, double maxRatio)
{
    Result result;
    z_stream stream{};
    int rc = inflateInit2(&stream, kAutoDetectWindowBits);
    if (rc != Z_OK) {
        result.error = zlibError("inflateInit2", rc, stream);
        return result;
    }
    const qint64 inputSize = gzipData.size();
    auto *in = reinterpret_cast<Bytef *>(const_cast<char *>(gzipData.constData()));
    qint64 consumed = 0;
    qint64 produced = 0;
    result.data.resize(qMin<qint64>(qMax<qint64>(inputSize * 4, 64 * 1024), qMax<qint64>(maxOutputBytes, 1)));
    auto fail = [&](const QString &message) {
        inflateEnd(&stream);
        result.data.clear();
        result.error = message;
        return result;
    };
    for (;;) {
        if (stream.avail_in == 0 && consumed < inputSize) {
            const qint64 slice = qMin(kSliceBytes, inputSize - consumed);
            stream.next_in = in + consumed;
            stream.avail_in = uInt(slice);
            consumed += slice;
        }
        if (produced == result.data.size()) {
            if (produced >= maxOutputBytes)
                return fail(QCoreApplication::translate("anadesk::gzip",
                                                        "Decompressed data exceeds the limit of %1 bytes; "
                                                        "refusing it as a possible decompression bomb.")
                                .arg(maxOutputBytes));
            result.data.resize(qMin(maxOutputBytes, produced * 2));
        }
        const qint64 room = qMin(kSliceBytes, qint64(result.data.size()) - produced);
        stream.next_out = reinterpret_cast<Bytef *>(result.data.data()) + produced;
        stream.avail_out = uInt(room);
        rc = inflate(&stream, Z_NO_FLUSH);
        produced += room - stream.avail_out;
        const qint64 inputUsed = consumed - stream.avail_in;
        if (maxRatio > 0 && produced > kRatioWarmUpBytes && double(produced) > maxRatio * double(inputUsed))
            return fail(QCoreApplication::translate("anadesk::gzip",
                                                    "Compression ratio above %1:1 after %2 bytes; refusing "
                                                    "the data as a possible decompression bomb.")
                            .arg(maxRatio)
                            .arg(produced));
        if (rc == Z_STREAM_END) {
            // Concatenated members are valid gzip; continue with the next one if any input is left.
            if (stream.avail_in == 0 && consumed == inputSize)
                break;
            inflateReset(&stream);
            continue;
        }
        if (rc == Z_BUF_ERROR && stream.avail_in == 0 && consumed == inputSize)
            return fail(QCoreApplication::translate("anadesk::gzip", "The gzip data is truncated."));
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return fail(zlibError("inflate", rc, stream));
    }
    inflateEnd(&stream);
    result.data.resize(produced);
    return result;
}

} // namespace anadesk::gzip
