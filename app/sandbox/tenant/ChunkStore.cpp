#include "ChunkStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <zlib.h>
#ifdef ANADESK_SANDBOX_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace sandbox {

namespace {

QString temporaryNameFor(const QString &path)
{
    return path + QStringLiteral(".part-") + QString::number(QRandomGenerator::global()->generate64(), 16);
}

#ifdef ANADESK_SANDBOX_HAVE_LIBDEFLATE
// The fast path for a well-formed chunk: one gzip member whose trailer's ISIZE (the size mod 2^32; chunks are
// far below 4 GiB) is at most maxBytes, inflated in one call. Any doubt (bad data, a size that does not
// match, bytes after the member) returns false and the zlib path decides and names the fault, so both paths
// accept and refuse exactly the same chunks.
bool inflateWholeChunk(const QByteArray &body, qint64 maxBytes, QByteArray *out)
{
    if (body.size() < 18)
        return false;
    const auto *trailer = reinterpret_cast<const uchar *>(body.constData()) + body.size() - 4;
    const quint32 isize = quint32(trailer[0]) | quint32(trailer[1]) << 8 | quint32(trailer[2]) << 16 |
                          quint32(trailer[3]) << 24;
    if (isize == 0 || qint64(isize) > maxBytes)
        return false;
    out->resize(qsizetype(isize));
    libdeflate_decompressor *decompressor = libdeflate_alloc_decompressor();
    if (!decompressor)
        return false;
    size_t consumed = 0;
    size_t produced = 0;
    const libdeflate_result result =
        libdeflate_gzip_decompress_ex(decompressor, body.constData(), size_t(body.size()), out->data(),
                                      size_t(out->size()), &consumed, &produced);
    libdeflate_free_decompressor(decompressor);
    return result == LIBDEFLATE_SUCCESS && consumed == size_t(body.size()) && produced == size_t(isize);
}
#endif

// Large single write() calls cost several times the CPU of moderate ones on some kernels/filesystems (large
// folios: perf showed half the upload CPU in copy_folio_from_iter_atomic with 1 MiB slices).
bool writeInSlices(QFile &out, const char *data, qint64 size)
{
    constexpr qint64 kSlice = 256 * 1024;
    for (qint64 at = 0; at < size; at += kSlice) {
        const qint64 n = qMin(kSlice, size - at);
        if (out.write(data + at, n) != n)
            return false;
    }
    return true;
}

bool ensureParent(const QString &path, QString *error)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (QDir().mkpath(dir))
        return true;
    *error = QStringLiteral("the sandbox cannot create its storage directory ") + dir;
    return false;
}

// Reads files in order as one stream.
class ConcatDevice : public QIODevice
{
public:
    explicit ConcatDevice(QStringList paths)
        : m_paths(std::move(paths))
    {}
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        while (true) {
            if (!m_current) {
                if (m_index >= m_paths.size())
                    return 0; // end of the last file
                m_current = std::make_unique<QFile>(m_paths.at(m_index++));
                if (!m_current->open(QIODevice::ReadOnly))
                    return -1;
            }
            const qint64 n = m_current->read(data, maxSize);
            if (n > 0)
                return n;
            m_current.reset();
        }
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QStringList m_paths;
    int m_index = 0;
    std::unique_ptr<QFile> m_current;
};

} // namespace

ChunkStore::ChunkStore(QString root)
    : m_root(std::move(root))
{}

QString ChunkStore::generationDir(const QString &model, const QString &file, int generation) const
{
    return m_root + QStringLiteral("/files/") + model + QLatin1Char('/') + file + QStringLiteral("/g") +
           QString::number(generation);
}

QString ChunkStore::chunkPath(const QString &model, const QString &file, int generation, int index) const
{
    return generationDir(model, file, generation) + QLatin1Char('/') + QString::number(index) +
           QStringLiteral(".chunk");
}

QString ChunkStore::dumpPath(const QString &taskId, const QString &objectId) const
{
    return m_root + QStringLiteral("/dumps/") + taskId + QLatin1Char('/') + objectId + QStringLiteral(".csv");
}

QString ChunkStore::logPath(const QString &taskId, const QString &actionId) const
{
    return m_root + QStringLiteral("/logs/") + taskId + QLatin1Char('/') + actionId + QStringLiteral(".log");
}

bool ChunkStore::writeChunk(const QString &path, const QByteArray &body, bool gzip, qint64 maxBytes,
                            qint64 *storedSize, QString *error)
{
    if (body.isEmpty()) {
        *error = QStringLiteral("The chunk body is empty. Send 1 to 50 MB of data per chunk.");
        return false;
    }
    if (!gzip && body.size() > maxBytes) {
        *error = QStringLiteral("The chunk holds %1 bytes; a chunk may hold at most %2 bytes of uncompressed "
                                "data. Split the file into more chunks.")
                     .arg(body.size())
                     .arg(maxBytes);
        return false;
    }
    if (!ensureParent(path, error))
        return false;
    const QString temporary = temporaryNameFor(path);
    QFile out(temporary);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("the sandbox cannot store the chunk: ") + out.errorString();
        return false;
    }
    qint64 written = 0;
    auto fail = [&](const QString &message) {
        out.close();
        out.remove();
        *error = message;
        return false;
    };
#ifdef ANADESK_SANDBOX_HAVE_LIBDEFLATE
    QByteArray inflated;
    const bool fastInflated = gzip && inflateWholeChunk(body, maxBytes, &inflated);
#else
    const bool fastInflated = false;
    QByteArray inflated;
#endif
    if (!gzip || fastInflated) {
        const QByteArray &content = gzip ? inflated : body;
        if (!writeInSlices(out, content.constData(), content.size()))
            return fail(QStringLiteral("the sandbox cannot store the chunk: ") + out.errorString());
        written = content.size();
    } else {
        if (body.size() < 2 || uchar(body.at(0)) != 0x1f || uchar(body.at(1)) != 0x8b)
            return fail(
                QStringLiteral("The chunk was sent as application/x-gzip but is not gzip data (no gzip "
                               "header). Compress it with gzip, or send it as application/octet-stream."));
        z_stream zs{};
        if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
            return fail(QStringLiteral("the sandbox cannot start gzip decompression"));
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
        zs.avail_in = uInt(body.size());
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        int rc = Z_OK;
        while (rc != Z_STREAM_END) {
            zs.next_out = reinterpret_cast<Bytef *>(buffer.data());
            zs.avail_out = uInt(buffer.size());
            rc = inflate(&zs, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                inflateEnd(&zs);
                return fail(
                    rc == Z_BUF_ERROR
                        ? QStringLiteral("The gzip chunk is truncated: the compressed stream ends early.")
                        : QStringLiteral("The gzip chunk is corrupt (%1). Compress the chunk again.")
                              .arg(QString::fromLatin1(zs.msg ? zs.msg : "inflate error")));
            }
            const qint64 produced = buffer.size() - qint64(zs.avail_out);
            written += produced;
            if (written > maxBytes) {
                inflateEnd(&zs);
                return fail(
                    QStringLiteral("The chunk inflates to more than %1 bytes; a chunk may hold at most %1 "
                                   "bytes of uncompressed data. Split the file into more chunks.")
                        .arg(maxBytes));
            }
            if (produced > 0 && out.write(buffer.constData(), produced) != produced) {
                inflateEnd(&zs);
                return fail(QStringLiteral("the sandbox cannot store the chunk: ") + out.errorString());
            }
            if (rc == Z_OK && zs.avail_in == 0 && produced == 0) {
                inflateEnd(&zs);
                return fail(QStringLiteral("The gzip chunk is truncated: the compressed stream ends early."));
            }
        }
        const bool trailing = zs.avail_in > 0;
        inflateEnd(&zs);
        if (trailing)
            return fail(
                QStringLiteral("The gzip chunk has data after the end of its gzip stream. Send one gzip "
                               "stream per chunk."));
        if (written == 0)
            return fail(
                QStringLiteral("The gzip chunk inflates to nothing. Send 1 to 50 MB of data per chunk."));
    }
    out.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        *error = QStringLiteral("the sandbox cannot store the chunk (rename failed)");
        return false;
    }
    *storedSize = written;
    return true;
}

bool ChunkStore::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    if (!ensureParent(path, error))
        return false;
    const QString temporary = temporaryNameFor(path);
    QFile out(temporary);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
        *error =
            QStringLiteral("the sandbox cannot write ") + path + QStringLiteral(": ") + out.errorString();
        out.remove();
        return false;
    }
    out.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        *error = QStringLiteral("the sandbox cannot write ") + path;
        return false;
    }
    return true;
}

QMap<int, qint64> ChunkStore::scanChunks(const QString &generationDir)
{
    QMap<int, qint64> chunks;
    const QFileInfoList entries = QDir(generationDir).entryInfoList({QStringLiteral("*.chunk")}, QDir::Files);
    for (const QFileInfo &info : entries) {
        bool ok = false;
        const int index = info.completeBaseName().toInt(&ok);
        if (ok)
            chunks.insert(index, info.size());
    }
    return chunks;
}

void ChunkStore::removeDir(const QString &dir)
{
    QDir(dir).removeRecursively();
}

std::shared_ptr<QIODevice> ChunkStore::concatenation(const QStringList &paths, qint64 *totalSize)
{
    qint64 total = 0;
    for (const QString &p : paths)
        total += QFileInfo(p).size();
    *totalSize = total;
    auto device = std::make_shared<ConcatDevice>(paths);
    device->open(QIODevice::ReadOnly);
    return device;
}

} // namespace sandbox
