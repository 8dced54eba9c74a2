#include "DumpJobs.h"

#include "ListHelpers.h"
#include "TaskJobs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::DumpJobs", text);
}

QStringList dumpPath(const DumpRef &dump)
{
    if (dump.isProcessDump())
        return {u"processes"_s, dump.actionId, u"tasks"_s, dump.taskId, u"dumps"_s, dump.objectId};
    return {u"imports"_s, dump.actionId, u"tasks"_s, dump.taskId, u"dump"_s};
}

// A 404 on a dump means it was overwritten by a later run or expired, not a bug.
ApiError explainDumpError(ApiError error, const DumpRef &dump)
{
    if (error.category == ErrorCategory::NotFound) {
        error.message = tr("The failure dump is no longer available");
        error.object = dump.label();
        error.hint = tr("Anaplan keeps a dump until the same import runs again without errors (or runs again by "
                        "the same user), and for at most 48 hours after it was last read. Run the action again "
                        "to get a new dump.");
    }
    return error;
}
} // namespace

QString DumpRef::label() const
{
    if (isProcessDump())
        return tr("failure dump of %1 in %2").arg(objectId, taskLabel(actionId, taskId));
    return tr("failure dump of %1").arg(taskLabel(actionId, taskId));
}

ApiError checkDumpRef(const ModelRef &model, const DumpRef &dump)
{
    if (!model.isComplete())
        return badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first."));
    const ActionKind kind = actionKindFromId(dump.actionId);
    if (kind != ActionKind::Import && kind != ActionKind::Process)
        return badInput(tr("Failure dumps exist only for imports (112…) and processes (118…), not for '%1'")
                            .arg(dump.actionId),
                        dump.actionId);
    if (dump.taskId.isEmpty())
        return badInput(tr("No task id given"), actionLabel(dump.actionId));
    if (kind == ActionKind::Process && dump.objectId.isEmpty())
        return badInput(tr("A process dump needs the object id of the failed action inside the process"),
                        actionLabel(dump.actionId),
                        tr("Take it from the task result's nested results (objectId)."));
    return {};
}

ListFileChunksJob::ListFileChunksJob(Transport *transport, const ModelRef &model, const QString &fileId,
                                     QObject *parent)
    : PagedListJob(transport, {}, u"chunks"_s, fileLabel(fileId), parent)
{
    setDescription(tr("List chunks"));
    if (!model.isComplete())
        failOnStart(badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first.")));
    else if (fileId.isEmpty())
        failOnStart(badInput(tr("No file id given")));
    setUrl(bulkUrl(detail::endpointsOf(transport), model, {u"files"_s, fileId, u"chunks"_s}));
}

QList<ChunkInfo> ListFileChunksJob::chunks() const
{
    return detail::parseAll<ChunkInfo>(items());
}

ListDumpChunksJob::ListDumpChunksJob(Transport *transport, const ModelRef &model, const DumpRef &dump,
                                     QObject *parent)
    : PagedListJob(transport, {}, u"chunks"_s, dump.label(), parent)
{
    setDescription(tr("List dump chunks"));
    if (const ApiError error = checkDumpRef(model, dump); error.isError())
        failOnStart(error);
    setUrl(bulkUrl(detail::endpointsOf(transport), model, dumpPath(dump) + QStringList{u"chunks"_s}));
}

QList<ChunkInfo> ListDumpChunksJob::chunks() const
{
    return detail::parseAll<ChunkInfo>(items());
}

GetDumpJob::GetDumpJob(Transport *transport, const ModelRef &model, const DumpRef &dump,
                       const std::optional<QString> &chunkId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Download failure dump"));
    ApiRequest request;
    QStringList segments = dumpPath(dump);
    if (chunkId)
        segments << u"chunks"_s << *chunkId;
    request.url = bulkUrl(detail::endpointsOf(transport), model, segments);
    request.accept = "application/octet-stream";
    request.object = chunkId ? tr("chunk %1 of %2").arg(*chunkId, dump.label()) : dump.label();
    setRequest(request);
    if (const ApiError error = checkDumpRef(model, dump); error.isError())
        failOnStart(error);
}

ApiError GetDumpJob::parseBody(const QByteArray &)
{
    return {}; // raw CSV bytes, kept as they are
}

DumpDownloadJob::DumpDownloadJob(Transport *transport, const ModelRef &model, const DumpRef &dump, QIODevice *sink,
                                 QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_dump(dump)
    , m_sink(sink)
{
    setDescription(tr("Download failure dump"));
    if (const ApiError error = checkDumpRef(model, dump); error.isError())
        failOnStart(error);
    else if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

DumpDownloadJob::~DumpDownloadJob()
{
    doAbort();
}

void DumpDownloadJob::doStart()
{
    auto *job = new ListDumpChunksJob(m_transport, m_model, m_dump, this);
    job->setAutoDelete(false);
    m_child = job;
    connect(job, &Job::finished, this, [this, job] { onChunkList(job); });
    job->start();
}

void DumpDownloadJob::doAbort()
{
    if (Job *child = m_child.data()) {
        m_child.clear();
        disconnect(child, nullptr, this, nullptr);
        child->abort();
        child->deleteLater();
    }
}

void DumpDownloadJob::onChunkList(ListDumpChunksJob *job)
{
    m_child.clear();
    job->deleteLater();
    if (!job->isSucceeded()) {
        fail(job->error());
        return;
    }
    for (const ChunkInfo &chunk : job->chunks())
        m_chunkIds.append(chunk.id);
    if (m_chunkIds.isEmpty())
        m_wholeFallback = true;
    fetchNext();
}

void DumpDownloadJob::fetchNext()
{
    if (!m_wholeFallback && m_next >= m_chunkIds.size()) {
        finishSuccess();
        return;
    }
    const std::optional<QString> chunk =
        m_wholeFallback ? std::nullopt : std::optional<QString>(m_chunkIds.at(m_next));
    auto *job = new GetDumpJob(m_transport, m_model, m_dump, chunk, this);
    job->setAutoDelete(false);
    m_child = job;
    connect(job, &Job::finished, this, [this, job] { onChunk(job); });
    job->start();
}

void DumpDownloadJob::onChunk(GetDumpJob *job)
{
    m_child.clear();
    job->deleteLater();
    if (!job->isSucceeded()) {
        fail(job->error());
        return;
    }
    const QByteArray &bytes = job->data();
    if (m_sink) {
        if (m_sink->write(bytes) != bytes.size()) {
            ApiError error;
            error.category = ErrorCategory::LocalIo;
            error.message = tr("Could not write the failure dump: %1").arg(m_sink->errorString());
            error.object = m_dump.label();
            error.hint = tr("Check the disk space and the permissions of the target folder.");
            fail(error);
            return;
        }
    } else {
        m_data += bytes;
    }
    m_bytes += bytes.size();
    if (m_wholeFallback) {
        finishSuccess();
        return;
    }
    ++m_next;
    Q_EMIT progress(m_next, int(m_chunkIds.size()));
    fetchNext();
}

void DumpDownloadJob::fail(ApiError error)
{
    doAbort();
    finishFailure(explainDumpError(error, m_dump));
}

GetOptimizerLogJob::GetOptimizerLogJob(Transport *transport, const ModelRef &model, const QString &actionId,
                                       const QString &taskId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get optimizer log"));
    ApiRequest request;
    request.url = bulkUrl(detail::endpointsOf(transport), model,
                          {u"optimizeActions"_s, actionId, u"tasks"_s, taskId, u"solutionLogs"_s});
    request.accept = "text/plain";
    request.object = tr("solution log of task %1 of optimizer action %2").arg(taskId, actionId);
    setRequest(request);
    if (!model.isComplete())
        failOnStart(badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first.")));
    else if (actionId.isEmpty() || taskId.isEmpty())
        failOnStart(badInput(tr("The optimizer log needs both the optimizer action id and the task id")));
}

ApiError GetOptimizerLogJob::parseBody(const QByteArray &)
{
    return {};
}

} // namespace anadesk
