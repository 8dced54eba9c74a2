#include "TransferManifest.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <filesystem>
#include <system_error>

namespace anadesk {

namespace {

constexpr int kFormatVersion = 1;

QString tr(const char *text) { return QCoreApplication::translate("anadesk::TransferManifest", text); }

} // namespace

QString sha256Hex(const QByteArray &digest) { return QString::fromLatin1(digest.toHex()); }

qint64 TransferManifest::doneBytes() const
{
    qint64 sum = 0;
    for (const ChunkRecord &chunk : chunks)
        sum += chunk.done ? chunk.size : 0;
    return sum;
}

int TransferManifest::doneChunks() const
{
    int n = 0;
    for (const ChunkRecord &chunk : chunks)
        n += chunk.done ? 1 : 0;
    return n;
}

QList<int> TransferManifest::missingOn(const QStringList &serverChunkIds) const
{
    const QSet<QString> listed(serverChunkIds.begin(), serverChunkIds.end());
    QList<int> missing;
    for (const ChunkRecord &chunk : chunks) {
        const QString id = chunk.serverId.isEmpty() ? QString::number(chunk.index) : chunk.serverId;
        if (!listed.contains(id))
            missing.append(chunk.index);
    }
    return missing;
}

QJsonObject TransferManifest::toJson() const
{
    QJsonArray array;
    for (const ChunkRecord &chunk : chunks) {
        array.append(QJsonObject{
            {QStringLiteral("index"), chunk.index},
            {QStringLiteral("serverId"), chunk.serverId},
            // Sizes as strings: JSON numbers are doubles in Qt and we never want a rounding question.
            {QStringLiteral("offset"), QString::number(chunk.offset)},
            {QStringLiteral("size"), QString::number(chunk.size)},
            {QStringLiteral("wireSize"), QString::number(chunk.wireSize)},
            {QStringLiteral("sha256"), sha256Hex(chunk.sha256)},
            {QStringLiteral("crc32"), QString::number(chunk.crc32, 16)},
            {QStringLiteral("attempts"), chunk.attempts},
            {QStringLiteral("done"), chunk.done},
        });
    }
    return QJsonObject{
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("workspaceId"), workspaceId},
        {QStringLiteral("modelId"), modelId},
        {QStringLiteral("fileId"), fileId},
        {QStringLiteral("source"), source},
        {QStringLiteral("totalBytes"), QString::number(totalBytes)},
        {QStringLiteral("chunks"), array},
    };
}

std::optional<TransferManifest> TransferManifest::fromJson(const QJsonObject &object, QString *error)
{
    auto bad = [error](const QString &why) -> std::optional<TransferManifest> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (object.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return bad(tr("unknown manifest version"));
    bool ok = true;
    auto number = [&ok](const QJsonValue &value) {
        bool converted = false;
        const qint64 n = value.toString().toLongLong(&converted);
        ok = ok && converted;
        return n;
    };
    TransferManifest m;
    m.workspaceId = object.value(QStringLiteral("workspaceId")).toString();
    m.modelId = object.value(QStringLiteral("modelId")).toString();
    m.fileId = object.value(QStringLiteral("fileId")).toString();
    m.source = object.value(QStringLiteral("source")).toString();
    m.totalBytes = number(object.value(QStringLiteral("totalBytes")));
    const QJsonArray array = object.value(QStringLiteral("chunks")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        ChunkRecord chunk;
        chunk.index = o.value(QStringLiteral("index")).toInt(-1);
        chunk.serverId = o.value(QStringLiteral("serverId")).toString();
        chunk.offset = number(o.value(QStringLiteral("offset")));
        chunk.size = number(o.value(QStringLiteral("size")));
        chunk.wireSize = number(o.value(QStringLiteral("wireSize")));
        chunk.sha256 = QByteArray::fromHex(o.value(QStringLiteral("sha256")).toString().toLatin1());
        chunk.crc32 = o.value(QStringLiteral("crc32")).toString().toUInt(nullptr, 16);
        chunk.attempts = o.value(QStringLiteral("attempts")).toInt();
        chunk.done = o.value(QStringLiteral("done")).toBool();
        if (chunk.index < 0 || chunk.size < 0 || chunk.offset < 0)
            ok = false;
        m.chunks.append(chunk);
    }
    if (!ok)
        return bad(tr("malformed chunk record"));
    return m;
}

bool TransferManifest::save(const QString &path, QString *error) const
{
    // Temporary file + rename: a reader sees the old or the new manifest, never a torn one. No fsync:
    // the manifest is rewritten after every chunk, and a resume re-checks every chunk's SHA-256 against
    // the data on disk anyway, so a stale manifest after a power cut only costs a re-download.
    const QString temporary = path + QStringLiteral(".tmp");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QByteArray json = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    if (file.write(json) != json.size() || !file.flush()) {
        if (error)
            *error = file.errorString();
        file.close();
        QFile::remove(temporary);
        return false;
    }
    file.close();
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(temporary).toStdString(), QFile::encodeName(path).toStdString(), ec);
    if (ec) {
        if (error)
            *error = QString::fromLocal8Bit(ec.message().c_str());
        QFile::remove(temporary);
        return false;
    }
    return true;
}

std::optional<TransferManifest> TransferManifest::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    // A manifest is small; anything large is not ours.
    if (file.size() > 4 * 1024 * 1024) {
        if (error)
            *error = tr("manifest file is unexpectedly large");
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}

} // namespace anadesk
