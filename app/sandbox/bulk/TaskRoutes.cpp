// Object metadata (imports/exports/processes by id), tasks of imports/exports/actions/processes
// (start, list, status, cancel), import and process failure dumps (whole and in ≤ 10 MB chunks) and
// optimizer solution logs.
#include "Envelope.h"
#include "RouteSets.h"
#include "Views.h"

#include <QFile>

namespace sandbox::bulk {

namespace {

template <typename T>
const T *byId(const QList<T> &list, const QString &id)
{
    for (const T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}

QString p(const RouteMatch &m, const char *name)
{
    return m.param(QString::fromLatin1(name));
}

ListRules taskRules()
{
    ListRules rules;
    rules.sortable = {QStringLiteral("creationTime"), QStringLiteral("taskId"), QStringLiteral("taskState"),
                      QStringLiteral("progress")};
    rules.sortAliases = {{QStringLiteral("creationDate"), QStringLiteral("creationTime")}};
    return rules;
}

qint64 dumpChunkCount(qint64 size)
{
    return (size + TenantState::kDumpChunkBytes - 1) / TenantState::kDumpChunkBytes;
}

HttpResponse dumpWhole(const StoredContent &content)
{
    HttpResponse response;
    response.status = 200;
    response.setHeader("Content-Type", "text/plain");
    qint64 size = 0;
    response.bodyDevice = ChunkStore::concatenation(content.paths, &size);
    response.bodyLength = size;
    return response;
}

HttpResponse dumpChunks(const HttpRequest &request, const StoredContent &content, const QString &model, int pageCap)
{
    QJsonArray items;
    for (qint64 i = 0; i < dumpChunkCount(content.size); ++i)
        items.append(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                 {QStringLiteral("name"), QStringLiteral("Chunk %1").arg(i)}});
    return listing(request, QStringLiteral("chunks"), items, {}, schemaUrl(model, QStringLiteral("chunk")), pageCap);
}

HttpResponse dumpChunk(const HttpRequest &request, const StoredContent &content, const QString &chunk)
{
    bool ok = false;
    const qint64 index = chunk.toLongLong(&ok);
    if (!ok || index < 0 || index >= dumpChunkCount(content.size))
        return failure(request, 404,
                       QStringLiteral("Dump chunk %1 does not exist; the dump has %2 chunks.")
                           .arg(chunk)
                           .arg(dumpChunkCount(content.size)));
    QFile file(content.paths.value(0));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(index * TenantState::kDumpChunkBytes))
        return failure(request, 404, QStringLiteral("The dump is no longer available."));
    return HttpResponse::bytes(200, file.read(TenantState::kDumpChunkBytes), "text/plain");
}

} // namespace

void registerTaskRoutes(Router &router, TenantState &state)
{
    TenantState *s = &state;

    // Metadata of one import / export / process (both path forms).
    for (const QString &prefix : {kWorkspaceModel, kModelDirect}) {
        router.add("GET", prefix + QStringLiteral("/imports/{id}"), [s](const HttpRequest &request, const RouteMatch &m) {
            ModelContent c;
            if (Failure f = s->content(p(m, "ws"), p(m, "model"), &c))
                return failure(request, f);
            const ImportRecord *i = byId(c.imports, p(m, "id"));
            if (!i)
                return failure(request, 404, QStringLiteral("Import %1 was not found in model %2.").arg(p(m, "id"), p(m, "model")));
            return single({{QStringLiteral("importMetadata"), importMetadata(*i, c)}},
                          schemaUrl(p(m, "model"), QStringLiteral("importMetadata")));
        });
        router.add("GET", prefix + QStringLiteral("/exports/{id}"), [s](const HttpRequest &request, const RouteMatch &m) {
            ModelContent c;
            if (Failure f = s->content(p(m, "ws"), p(m, "model"), &c))
                return failure(request, f);
            const ExportRecord *e = byId(c.exports, p(m, "id"));
            if (!e)
                return failure(request, 404, QStringLiteral("Export %1 was not found in model %2.").arg(p(m, "id"), p(m, "model")));
            return single({{QStringLiteral("exportMetadata"), exportMetadata(*e, c)}},
                          schemaUrl(p(m, "model"), QStringLiteral("exportMetadata")));
        });
        router.add("GET", prefix + QStringLiteral("/processes/{id}"), [s](const HttpRequest &request, const RouteMatch &m) {
            ModelContent c;
            if (Failure f = s->content(p(m, "ws"), p(m, "model"), &c))
                return failure(request, f);
            const ProcessRecord *pr = byId(c.processes, p(m, "id"));
            if (!pr)
                return failure(request, 404, QStringLiteral("Process %1 was not found in model %2.").arg(p(m, "id"), p(m, "model")));
            const bool show = request.queryValue(QStringLiteral("showImportDataSource")) == QLatin1String("true");
            return single({{QStringLiteral("processMetadata"), processMetadata(*pr, c, show)}},
                          schemaUrl({}, QStringLiteral("process")));
        });
    }

    // Tasks.
    for (const QString &kind : {QStringLiteral("imports"), QStringLiteral("exports"), QStringLiteral("actions"),
                                QStringLiteral("processes")}) {
        const QString base = kWorkspaceModel + QLatin1Char('/') + kind + QStringLiteral("/{id}/tasks");
        router.add("POST", base, [s, kind](const HttpRequest &request, const RouteMatch &m) {
            // The integration spec documents no request body for actions and processes; Anaplan's
            // docs show {"localeName"} for imports and exports. An absent body means en_US there.
            const bool bodyOptional = kind == QLatin1String("actions") || kind == QLatin1String("processes");
            if (!(bodyOptional && request.body.trimmed().isEmpty())) {
                QJsonObject body;
                QString error;
                if (!jsonBody(request, &body, &error))
                    return failure(request, 400, error + QStringLiteral(" Send {\"localeName\": \"en_US\"}."));
                const QJsonValue locale = body.value(QStringLiteral("localeName"));
                if (!locale.isString() && !(bodyOptional && locale.isUndefined()))
                    return failure(request, 400, QStringLiteral("The body needs localeName (\"en_US\")."));
            }
            QJsonObject task;
            if (Failure f = s->startTask(p(m, "ws"), p(m, "model"), kind, p(m, "id"), request.user, &task))
                return failure(request, f);
            return single({{QStringLiteral("task"), task}}, schemaUrl(p(m, "model"), QStringLiteral("task")));
        });
        router.add("GET", base, [s, kind](const HttpRequest &request, const RouteMatch &m) {
            QJsonArray tasks;
            if (Failure f = s->taskList(p(m, "ws"), p(m, "model"), kind, p(m, "id"), &tasks))
                return failure(request, f);
            return listing(request, QStringLiteral("tasks"), tasks, taskRules(), schemaUrl(p(m, "model"), QStringLiteral("task")),
                           s->config().pageCap);
        });
        router.add("GET", base + QStringLiteral("/{taskId}"), [s, kind](const HttpRequest &request, const RouteMatch &m) {
            QJsonObject task;
            if (Failure f = s->taskStatus(p(m, "ws"), p(m, "model"), kind, p(m, "id"), p(m, "taskId"), &task))
                return failure(request, f);
            return single({{QStringLiteral("task"), task}}, schemaUrl(p(m, "model"), QStringLiteral("task")));
        });
        router.add("DELETE", base + QStringLiteral("/{taskId}"), [s, kind](const HttpRequest &request, const RouteMatch &m) {
            QJsonObject task;
            if (Failure f = s->cancelTask(p(m, "ws"), p(m, "model"), kind, p(m, "id"), p(m, "taskId"), &task))
                return failure(request, f);
            return single({{QStringLiteral("task"), task}}, schemaUrl(p(m, "model"), QStringLiteral("task")));
        });
    }

    // Import dumps: …/imports/{id}/tasks/{taskId}/dump[/chunks[/{n}]].
    const QString importDump = kWorkspaceModel + QStringLiteral("/imports/{id}/tasks/{taskId}/dump");
    auto importContent = [s](const RouteMatch &m, StoredContent *c) {
        return s->dump(p(m, "ws"), p(m, "model"), QStringLiteral("imports"), p(m, "id"), p(m, "taskId"), p(m, "id"), c);
    };
    router.add("GET", importDump, [importContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = importContent(m, &c))
            return failure(request, f);
        return dumpWhole(c);
    });
    router.add("GET", importDump + QStringLiteral("/chunks"), [s, importContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = importContent(m, &c))
            return failure(request, f);
        return dumpChunks(request, c, p(m, "model"), s->config().pageCap);
    });
    router.add("GET", importDump + QStringLiteral("/chunks/{n}"), [importContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = importContent(m, &c))
            return failure(request, f);
        return dumpChunk(request, c, p(m, "n"));
    });

    // Process dumps: …/processes/{id}/tasks/{taskId}/dumps/{objectId}[/chunks[/{n}]].
    const QString processDump = kWorkspaceModel + QStringLiteral("/processes/{id}/tasks/{taskId}/dumps/{objectId}");
    auto processContent = [s](const RouteMatch &m, StoredContent *c) {
        return s->dump(p(m, "ws"), p(m, "model"), QStringLiteral("processes"), p(m, "id"), p(m, "taskId"),
                       p(m, "objectId"), c);
    };
    router.add("GET", processDump, [processContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = processContent(m, &c))
            return failure(request, f);
        return dumpWhole(c);
    });
    router.add("GET", processDump + QStringLiteral("/chunks"), [s, processContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = processContent(m, &c))
            return failure(request, f);
        return dumpChunks(request, c, p(m, "model"), s->config().pageCap);
    });
    router.add("GET", processDump + QStringLiteral("/chunks/{n}"), [processContent](const HttpRequest &request, const RouteMatch &m) {
        StoredContent c;
        if (Failure f = processContent(m, &c))
            return failure(request, f);
        return dumpChunk(request, c, p(m, "n"));
    });

    // Optimizer solution log (text/plain).
    router.add("GET", kWorkspaceModel + QStringLiteral("/optimizeActions/{actionId}/tasks/{taskId}/solutionLogs"),
               [s](const HttpRequest &request, const RouteMatch &m) {
                   QByteArray log;
                   if (Failure f = s->solutionLog(p(m, "ws"), p(m, "model"), p(m, "actionId"), p(m, "taskId"), &log))
                       return failure(request, f);
                   return HttpResponse::bytes(200, log, "text/plain");
               });
}

} // namespace sandbox::bulk
