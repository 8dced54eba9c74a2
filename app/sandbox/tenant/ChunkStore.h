#pragma once
// Where the sandbox keeps file contents, failure dumps and solution logs: on disk under one root
// (SandboxConfig::dataDir/store, or a temporary directory), so a 1 GiB upload costs disk, not memory.
// Layout: <root>/files/<model>/<file>/g<generation>/<n>.chunk, <root>/dumps/<task>/<object>.csv,
// <root>/logs/<task>/<action>.log. Nothing here takes the tenant lock: callers write first, then
// commit the result into the tenant state under the lock.
#include <QByteArray>
#include <QIODevice>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace sandbox {

class ChunkStore
{
public:
    explicit ChunkStore(QString root);

    QString root() const { return m_root; }
    QString generationDir(const QString &model, const QString &file, int generation) const;
    QString chunkPath(const QString &model, const QString &file, int generation, int index) const;
    QString dumpPath(const QString &taskId, const QString &objectId) const;
    QString logPath(const QString &taskId, const QString &actionId) const;

    // Writes a chunk body (plain, or gzip to be inflated) to a temporary file beside `path` and
    // renames it into place. Memory stays bounded: gzip is inflated in 256 KiB steps. Fails (with a
    // message for a 400) when the body is not gzip although it claims to be, is empty, or inflates
    // to more than maxBytes.
    static bool writeChunk(const QString &path, const QByteArray &body, bool gzip, qint64 maxBytes,
                           qint64 *storedSize, QString *error);
    // Writes bytes as they are (exports, dumps, logs), via a temporary file + rename.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

    // index -> size of the chunk files in a generation directory (used when loading state).
    static QMap<int, qint64> scanChunks(const QString &generationDir);
    static void removeDir(const QString &dir);

    // A read-only device that streams the given files one after the other (whole-file downloads).
    static std::shared_ptr<QIODevice> concatenation(const QStringList &paths, qint64 *totalSize);

private:
    QString m_root;
};

} // namespace sandbox
