// Model-object listings (files, imports, exports, actions, processes) and the file protocol:
// set chunk count, chunk upload (plain or gzip), complete, chunk list, chunk and whole-file download,
// single-PUT upload, delete.
#include "Envelope.h"
#include "RouteSets.h"
#include "Views.h"

namespace sandbox::bulk {

namespace {

ListRules objectRules()
{
    ListRules rules;
    rules.sortable = {QStringLiteral("id"), QStringLiteral("name")};
    return rules;
}

QString ws(const RouteMatch &m)
{
    return m.param(QStringLiteral("ws"));
}
QString model(const RouteMatch &m)
{
    return m.param(QStringLiteral("model"));
}
QString fileId(const RouteMatch &m)
{
    return m.param(QStringLiteral("fileId"));
}

// Chunk bodies: application/octet-stream (plain) or application/x-gzip (inflated and checked).
bool isGzip(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return type == "application/x-gzip" || type == "application/gzip";
}

HttpResponse stream(const StoredContent &content)
{
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "application/octet-stream");
    qint64 size = 0;
    response.bodyDevice = ChunkStore::concatenation(content.paths, &size);
    response.bodyLength = size;
    return response;
}

} // namespace

void registerFileRoutes(Router &router, TenantState &state)
{
    TenantState *s = &state;
    for (const QString &prefix : {kWorkspaceModel, kModelDirect}) {
        router.add("GET", prefix + QStringLiteral("/files"), [s](const HttpRequest &request, const RouteMatch &m) {
            QList<FileRecord> files;
            if (Failure f = s->files(ws(m), model(m), &files))
                return failure(request, f);
            QJsonArray items;
            for (const FileRecord &f : files)
                items.append(fileJson(f));
            return listing(request, QStringLiteral("files"), items, objectRules(),
                           schemaUrl(model(m), QStringLiteral("file")), s->config().pageCap);
        });
        auto objects = [s](const QString &key, const QString &schema) {
            return [s, key, schema](const HttpRequest &request, const RouteMatch &m) {
                ModelContent c;
                if (Failure f = s->content(ws(m), model(m), &c))
                    return failure(request, f);
                QJsonArray items;
                if (key == QLatin1String("imports"))
                    for (const ImportRecord &i : c.imports)
                        items.append(importJson(i));
                else if (key == QLatin1String("exports"))
                    for (const ExportRecord &e : c.exports)
                        items.append(exportJson(e));
                else if (key == QLatin1String("actions"))
                    for (const ActionRecord &a : c.actions)
                        items.append(actionJson(a));
                else
                    for (const ProcessRecord &p : c.processes)
                        items.append(processJson(p));
                return listing(request, key, items, objectRules(), schemaUrl(model(m), schema), s->config().pageCap);
            };
        };
        router.add("GET", prefix + QStringLiteral("/imports"), objects(QStringLiteral("imports"), QStringLiteral("import")));
        router.add("GET", prefix + QStringLiteral("/imports/"), objects(QStringLiteral("imports"), QStringLiteral("import")));
        router.add("GET", prefix + QStringLiteral("/exports"), objects(QStringLiteral("exports"), QStringLiteral("export")));
        router.add("GET", prefix + QStringLiteral("/actions"), objects(QStringLiteral("actions"), QStringLiteral("action")));
        router.add("GET", prefix + QStringLiteral("/processes"),
                   objects(QStringLiteral("processes"), QStringLiteral("process")));
        router.add("GET", prefix + QStringLiteral("/files/{fileId}/chunks"),
                   [s](const HttpRequest &request, const RouteMatch &m) {
                       QList<int> indexes;
                       if (Failure f = s->chunkList(ws(m), model(m), fileId(m), &indexes))
                           return failure(request, f);
                       QJsonArray items;
                       for (int i : indexes)
                           items.append(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                                    {QStringLiteral("name"), QStringLiteral("Chunk %1").arg(i)}});
                       // The spec: the chunks key is omitted when the file has no chunks.
                       return listing(request, QStringLiteral("chunks"), items, {}, schemaUrl(model(m), QStringLiteral("chunk")),
                                      s->config().pageCap, true);
                   });
    }

    const QString file = kWorkspaceModel + QStringLiteral("/files/{fileId}");
    router.add("POST", file, [s](const HttpRequest &request, const RouteMatch &m) {
        QJsonObject body;
        QString error;
        if (!jsonBody(request, &body, &error))
            return failure(request, 400, error + QStringLiteral(" Send {\"chunkCount\": N} (or -1)."));
        if (!body.contains(QStringLiteral("chunkCount")))
            return failure(request, 400, QStringLiteral("The body needs chunkCount: the number of chunks, or -1."));
        FileRecord f;
        if (Failure fail = s->setChunkCount(ws(m), model(m), fileId(m), body.value(QStringLiteral("chunkCount")),
                                            request.user, &f))
            return failure(request, fail);
        return single({{QStringLiteral("file"), fileJson(f)}}, schemaUrl(model(m), QStringLiteral("file")));
    });
    router.add("PUT", file, [s](const HttpRequest &request, const RouteMatch &m) {
        if (Failure f = s->putWholeFile(ws(m), model(m), fileId(m), request.body, isGzip(request), request.user))
            return failure(request, f);
        return HttpResponse::noContent();
    });
    router.add("GET", file, [s](const HttpRequest &request, const RouteMatch &m) {
        StoredContent content;
        if (Failure f = s->fileContent(ws(m), model(m), fileId(m), &content))
            return failure(request, f);
        return stream(content);
    });
    router.add("DELETE", file, [s](const HttpRequest &request, const RouteMatch &m) {
        if (Failure f = s->deleteFile(ws(m), model(m), fileId(m)))
            return failure(request, f);
        return HttpResponse::noContent();
    });
    router.add("POST", file + QStringLiteral("/complete"), [s](const HttpRequest &request, const RouteMatch &m) {
        FileRecord f;
        if (Failure fail = s->completeFile(ws(m), model(m), fileId(m), &f))
            return failure(request, fail);
        return single({{QStringLiteral("file"), fileJson(f)}}, schemaUrl(model(m), QStringLiteral("file")));
    });
    router.add("PUT", file + QStringLiteral("/chunks/{chunk}"), [s](const HttpRequest &request, const RouteMatch &m) {
        if (Failure f = s->putChunk(ws(m), model(m), fileId(m), m.param(QStringLiteral("chunk")), request.body,
                                    isGzip(request), request.user))
            return failure(request, f);
        return HttpResponse::noContent();
    });
    router.add("GET", file + QStringLiteral("/chunks/{chunk}"), [s](const HttpRequest &request, const RouteMatch &m) {
        StoredContent content;
        if (Failure f = s->chunkContent(ws(m), model(m), fileId(m), m.param(QStringLiteral("chunk")), &content))
            return failure(request, f);
        return stream(content);
    });
}

} // namespace sandbox::bulk
