#include "FileRequests.h"

#include "net/UrlBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace anadesk::file_requests {

namespace {

QString describe(const FileLocation &location)
{
    return location.displayName.isEmpty()
               ? QStringLiteral("file %1").arg(location.fileId)
               : QStringLiteral("file %1 '%2'").arg(location.fileId, location.displayName);
}

} // namespace

QUrl fileUrl(const QUrl &apiBase, const FileLocation &location, const QStringList &extra, const QUrlQuery &query)
{
    QStringList segments = {QStringLiteral("2"),      QStringLiteral("0"), QStringLiteral("workspaces"),
                            location.workspaceId,     QStringLiteral("models"), location.modelId,
                            QStringLiteral("files"),  location.fileId};
    segments += extra;
    return buildUrl(apiBase, segments, query);
}

ApiRequest setChunkCount(const QUrl &apiBase, const FileLocation &location, int chunkCount)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = fileUrl(apiBase, location);
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("chunkCount"), chunkCount}}).toJson(QJsonDocument::Compact);
    // Setting an absolute chunk count twice has the same effect as once (reliability §2.4: idempotent write).
    request.idempotency = Idempotency::Safe;
    request.object = describe(location);
    return request;
}

ApiRequest putChunk(const QUrl &apiBase, const FileLocation &location, int index, const QByteArray &body,
                    bool gzipped)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("PUT");
    request.url = fileUrl(apiBase, location, {QStringLiteral("chunks"), QString::number(index)});
    // Anaplan signals compression with the content type, never with Content-Encoding (§17 fact 3).
    request.contentType = gzipped ? QByteArrayLiteral("application/x-gzip") : QByteArrayLiteral("application/octet-stream");
    request.body = body;
    request.idempotency = Idempotency::Safe; // a chunk PUT replaces the chunk: repeatable
    request.object = describe(location) + QStringLiteral(" chunk %1").arg(index);
    return request;
}

ApiRequest listChunks(const QUrl &apiBase, const FileLocation &location, int offset, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (offset > 0)
        query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    ApiRequest request;
    request.url = fileUrl(apiBase, location, {QStringLiteral("chunks")}, query);
    request.object = describe(location);
    return request;
}

ApiRequest getChunk(const QUrl &apiBase, const FileLocation &location, const QString &chunkId)
{
    ApiRequest request;
    request.url = fileUrl(apiBase, location, {QStringLiteral("chunks"), chunkId});
    request.accept = QByteArrayLiteral("application/octet-stream");
    request.object = describe(location) + QStringLiteral(" chunk %1").arg(chunkId);
    return request;
}

ApiRequest getWholeFile(const QUrl &apiBase, const FileLocation &location)
{
    ApiRequest request;
    request.url = fileUrl(apiBase, location);
    request.accept = QByteArrayLiteral("application/octet-stream");
    request.object = describe(location);
    return request;
}

ApiRequest complete(const QUrl &apiBase, const FileLocation &location, const QJsonObject &fileObject)
{
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = fileUrl(apiBase, location, {QStringLiteral("complete")});
    request.contentType = QByteArrayLiteral("application/json");
    request.body = QJsonDocument(fileObject).toJson(QJsonDocument::Compact);
    request.idempotency = Idempotency::NotRepeatable; // reliability §2.4: /complete is not blindly re-sent
    request.object = describe(location);
    return request;
}

QString idOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

std::optional<QJsonObject> parseFileObject(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue file = document.object().value(QStringLiteral("file"));
    if (!file.isObject() || idOf(file.toObject().value(QStringLiteral("id"))).isEmpty())
        return std::nullopt;
    return file.toObject();
}

std::optional<ChunkPage> parseChunkPage(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    ChunkPage page;
    const QJsonValue paging = root.value(QStringLiteral("meta")).toObject().value(QStringLiteral("paging"));
    if (paging.isObject() && paging.toObject().contains(QStringLiteral("totalSize")))
        page.totalSize = paging.toObject().value(QStringLiteral("totalSize")).toInt(-1);
    // A file without content may come back without the "chunks" key at all.
    const QJsonValue chunks = root.value(QStringLiteral("chunks"));
    if (!chunks.isUndefined() && !chunks.isArray())
        return std::nullopt;
    for (const QJsonValue &chunk : chunks.toArray()) {
        const QString id = idOf(chunk.toObject().value(QStringLiteral("id")));
        if (id.isEmpty())
            return std::nullopt;
        page.ids.append(id);
    }
    return page;
}

} // namespace anadesk::file_requests
