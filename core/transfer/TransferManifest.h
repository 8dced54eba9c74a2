#pragma once
// What was (or is to be) transferred, chunk by chunk: offsets, uncompressed sizes, SHA-256 of the
// uncompressed bytes (computed on the worker that read them) and attempts. Anaplan offers no checksum
// (reliability §2.1), so this is the client's own record for verification and reporting, and — for
// downloads — the small file next to `<target>.partial` that lets an interrupted download resume.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace anadesk {

struct ChunkRecord
{
    int index = 0;              // chunk number on the server (0-based)
    QString serverId;           // the id the server lists for this chunk ("0", "1", …)
    qint64 offset = 0;          // in the uncompressed file
    qint64 size = 0;            // uncompressed bytes
    qint64 wireSize = 0;        // bytes sent or received on the wire (compressed size for uploads)
    QByteArray sha256;          // raw 32 bytes of SHA-256 over the uncompressed bytes (uploads)
    quint32 crc32 = 0;          // CRC-32 of the bytes (downloads: cheap check of `.partial` on resume)
    int attempts = 0;           // job-level sends/fetches of this chunk (transport retries not counted)
    bool done = false;
};

struct TransferManifest
{
    QString workspaceId;
    QString modelId;
    QString fileId;             // the file actually written (may differ from the requested id on upload)
    QString source;             // local path or a description ("stream", "device")
    qint64 totalBytes = -1;     // -1: unknown (streams until finished)
    QList<ChunkRecord> chunks;

    qint64 doneBytes() const;
    int doneChunks() const;
    // Indices (0-based) not present in `serverChunkIds`, which are the ids the server listed.
    QList<int> missingOn(const QStringList &serverChunkIds) const;

    QJsonObject toJson() const;
    static std::optional<TransferManifest> fromJson(const QJsonObject &object, QString *error = nullptr);
    // Writes atomically (temporary file + rename) so a crash never leaves a torn manifest.
    bool save(const QString &path, QString *error) const;
    static std::optional<TransferManifest> load(const QString &path, QString *error);
};

// Lower-case hex of a SHA-256 digest (64 characters), or "" for an empty digest.
QString sha256Hex(const QByteArray &digest);

} // namespace anadesk
