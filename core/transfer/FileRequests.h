#pragma once
// The few Integration API requests the transfer jobs send (anaplan-api.md §7.4/§7.5), built with
// core/net/UrlBuilder so ids can never change the path. Internal to core/transfer.
#include "TransferJob.h"
#include "net/ApiRequest.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace anadesk::file_requests {

// {api}/2/0/workspaces/{ws}/models/{m}/files/{fileId}[/extra…]
QUrl fileUrl(const QUrl &apiBase, const FileLocation &location, const QStringList &extra = {},
             const QUrlQuery &query = {});

ApiRequest setChunkCount(const QUrl &apiBase, const FileLocation &location, int chunkCount);
ApiRequest putChunk(const QUrl &apiBase, const FileLocation &location, int index, const QByteArray &body,
                    bool gzipped);
ApiRequest listChunks(const QUrl &apiBase, const FileLocation &location, int offset, int limit);
ApiRequest getChunk(const QUrl &apiBase, const FileLocation &location, const QString &chunkId);
ApiRequest getWholeFile(const QUrl &apiBase, const FileLocation &location);
ApiRequest complete(const QUrl &apiBase, const FileLocation &location, const QJsonObject &fileObject);

// The `file` object of a chunk-count or complete response; nullopt when the body is not that shape.
std::optional<QJsonObject> parseFileObject(const QByteArray &body);
// An id that may arrive as a JSON string or number.
QString idOf(const QJsonValue &value);

struct ChunkPage
{
    QStringList ids;
    int totalSize = -1; // meta.paging.totalSize, -1 when absent
};
std::optional<ChunkPage> parseChunkPage(const QByteArray &body);

} // namespace anadesk::file_requests
