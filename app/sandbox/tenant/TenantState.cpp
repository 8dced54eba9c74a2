#include "TenantState.h"

#include "ExportEngine.h"
#include "TaskRunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace sandbox {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("+0000");
}

QString newTaskId()
{
    QRandomGenerator *g = QRandomGenerator::global();
    return (QStringLiteral("%1").arg(g->generate64(), 16, 16, QLatin1Char('0'))
            + QStringLiteral("%1").arg(g->generate64(), 16, 16, QLatin1Char('0')))
        .toUpper();
}

template <typename T>
T *byId(QList<T> &list, const QString &id)
{
    for (T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}
template <typename T>
const T *byId(const QList<T> &list, const QString &id)
{
    for (const T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}

QString kindNoun(const QString &kind)
{
    if (kind == QLatin1String("imports"))
        return QStringLiteral("import");
    if (kind == QLatin1String("exports"))
        return QStringLiteral("export");
    if (kind == QLatin1String("processes"))
        return QStringLiteral("process");
    return QStringLiteral("action");
}

// Where a task is in its life, derived from the clock: no timers, so a poll is all it takes.
struct Phase
{
    QString state;
    double progress = 0;
    bool due = false; // its time is up but its work has not been applied yet
};

Phase phaseOf(const TaskRecord &t, qint64 now, int durationMs, int cancellingMs, bool applying)
{
    const double notStartedPart = 0.2;
    auto progressAt = [&](qint64 at) {
        const double start = durationMs * notStartedPart;
        const double span = std::max(1.0, durationMs - start);
        return std::clamp((double(at - t.creationTime) - start) / span, 0.0, 0.99);
    };
    if (t.applied)
        return {QStringLiteral("COMPLETE"), 1.0, false};
    if (t.cancelRequestedAt >= 0) {
        const double p = progressAt(t.cancelRequestedAt);
        if (now < t.cancelRequestedAt + cancellingMs)
            return {QStringLiteral("CANCELLING"), p, false};
        return {QStringLiteral("CANCELLED"), p, false};
    }
    const qint64 elapsed = now - t.creationTime;
    if (elapsed < qint64(durationMs * notStartedPart) && !applying)
        return {QStringLiteral("NOT_STARTED"), 0.0, false};
    if (elapsed < durationMs || applying)
        return {QStringLiteral("IN_PROGRESS"), applying ? 0.99 : progressAt(now), false};
    return {QStringLiteral("IN_PROGRESS"), 0.99, true};
}

bool writeSplit(const ChunkStore &store, const QString &model, const QString &fileId, int generation,
                const QByteArray &bytes, qint64 chunkBytes, QMap<int, qint64> *chunks, QString *error)
{
    chunks->clear();
    for (qint64 offset = 0, index = 0; offset < bytes.size(); offset += chunkBytes, ++index) {
        const QByteArray part = bytes.mid(offset, chunkBytes);
        if (!ChunkStore::writeFile(store.chunkPath(model, fileId, generation, int(index)), part, error))
            return false;
        chunks->insert(int(index), part.size());
    }
    return true;
}

bool parseChunkIndex(const QString &text, int *index)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0 || text.startsWith(QLatin1Char('+')) || text.isEmpty())
        return false;
    *index = value;
    return true;
}

} // namespace

TenantState::TenantState(const SandboxConfig &config) : m_config(config)
{
    QString root;
    if (!m_config.dataDir.isEmpty()) {
        QDir().mkpath(m_config.dataDir);
        root = QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("store"));
    } else {
        m_tempDir = std::make_unique<QTemporaryDir>();
        root = m_tempDir->path();
    }
    m_store = std::make_unique<ChunkStore>(root);
    if (m_config.dataDir.isEmpty() || !load()) {
        seed();
        QMutexLocker lock(&m_mutex);
        saveAndUnlock(lock);
    }
}

TenantState::~TenantState() = default;

// ---------------------------------------------------------------------------------------------
// Seeding, loading, saving

void TenantState::seed()
{
    SeedFiles files;
    m_data = seededTenant(&files);
    for (auto it = m_data.content.begin(); it != m_data.content.end(); ++it) {
        const QString model = it.key();
        ModelContent &c = it.value();
        for (FileRecord &f : c.files) {
            const QByteArray bytes = files.value({model, f.id});
            f.generation = m_data.nextGeneration++;
            QString error;
            writeSplit(*m_store, model, f.id, f.generation, bytes, m_config.maxChunkBytes, &f.chunks, &error);
            f.declaredChunkCount = int(f.chunks.size());
            f.complete = true;
            f.uploadedBy = m_config.user;
        }
        // Each export has been run once, so its output file is listed and downloadable from the start.
        for (const ExportRecord &e : c.exports) {
            const ExportOutput out = runExport(e, c.data);
            if (!out.error.isEmpty())
                continue;
            FileRecord f;
            f.id = e.id;
            f.name = e.name;
            f.exportOutput = true;
            f.generation = m_data.nextGeneration++;
            QString error;
            if (writeSplit(*m_store, model, f.id, f.generation, out.bytes, kExportChunkBytes, &f.chunks, &error)) {
                f.declaredChunkCount = int(f.chunks.size());
                f.complete = true;
                c.files.append(f);
            }
        }
    }
}

bool TenantState::load()
{
    QFile file(QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("tenant.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        qWarning("anadesk-sandbox: %s is not valid JSON (%s); seeding a fresh tenant",
                 qPrintable(file.fileName()), qPrintable(error.errorString()));
        return false;
    }
    m_data = TenantData::fromJson(doc.object());
    for (auto it = m_data.content.begin(); it != m_data.content.end(); ++it)
        for (FileRecord &f : it.value().files) {
            f.chunks = ChunkStore::scanChunks(m_store->generationDir(it.key(), f.id, f.generation));
            if (f.declaredChunkCount > 0 && f.chunks.size() == f.declaredChunkCount
                && f.chunks.lastKey() == f.declaredChunkCount - 1)
                f.complete = true;
        }
    return true;
}

void TenantState::saveAndUnlock(QMutexLocker<QMutex> &lock)
{
    if (m_config.dataDir.isEmpty()) {
        lock.unlock();
        return;
    }
    const QByteArray bytes = QJsonDocument(m_data.toJson()).toJson(QJsonDocument::Compact);
    const quint64 sequence = ++m_saveSequence;
    lock.unlock();
    // Writes may finish out of order; only a newer state replaces an older one.
    QMutexLocker saveLock(&m_saveMutex);
    if (sequence <= m_savedSequence)
        return;
    QSaveFile out(QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("tenant.json")));
    if (out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit())
        m_savedSequence = sequence;
    else
        qWarning("anadesk-sandbox: cannot save the tenant state to %s", qPrintable(m_config.dataDir));
}

// ---------------------------------------------------------------------------------------------
// Helpers (lock held)

ModelContent *TenantState::contentOf(const QString &model)
{
    auto it = m_data.content.find(model);
    return it == m_data.content.end() ? nullptr : &it.value();
}

Failure TenantState::checkModel(const QString &ws, const QString &model, Need need) const
{
    if (!ws.isEmpty() && !byId(m_data.workspaces, ws))
        return {404, QStringLiteral("Workspace %1 was not found, or you have no access to it. Workspace ids are 32 "
                                    "lower-case hex characters; list them with GET /2/0/workspaces.")
                         .arg(ws)};
    const ModelRecord *m = byId(m_data.models, model);
    if (!m || (!ws.isEmpty() && m->workspaceId != ws))
        return {404, ws.isEmpty()
                         ? QStringLiteral("Model %1 was not found, or you have no access to it. Model ids are 32 "
                                          "upper-case hex characters; list them with GET /2/0/models.")
                               .arg(model)
                         : QStringLiteral("Model %1 was not found in workspace %2, or you have no access to it. "
                                          "List the workspace's models with GET /2/0/workspaces/%2/models.")
                               .arg(model, ws)};
    if (m->activeState == QLatin1String("ARCHIVED"))
        return {422, QStringLiteral("Model %1 (%2) is archived. Unarchive it in Anaplan before using it.")
                         .arg(m->name, m->id)};
    if (need != Need::Read && m->activeState == QLatin1String("LOCKED"))
        return {423, QStringLiteral("Model %1 (%2) is locked. Ask a workspace administrator to unlock it, then "
                                    "try again.")
                         .arg(m->name, m->id)};
    return {};
}

bool TenantState::modelBusy(const ModelContent &c, qint64 now) const
{
    for (const TaskRecord &t : c.tasks) {
        const Phase p = phaseOf(t, now, m_config.taskDurationMs, m_config.cancellingMs, m_applying.contains(t.taskId));
        if (p.state != QLatin1String("COMPLETE") && p.state != QLatin1String("CANCELLED"))
            return true;
    }
    return false;
}

TaskRecord *TenantState::findTask(ModelContent &c, const QString &kind, const QString &objectId,
                                  const QString &taskId)
{
    for (TaskRecord &t : c.tasks)
        if (t.taskId == taskId && t.kind == kind && t.objectId == objectId)
            return &t;
    return nullptr;
}

QJsonObject TenantState::taskJson(const ModelContent &c, const TaskRecord &t, qint64 now, bool summary) const
{
    const Phase p = phaseOf(t, now, m_config.taskDurationMs, m_config.cancellingMs, m_applying.contains(t.taskId));
    QJsonObject o{{QStringLiteral("taskId"), t.taskId},
                  {QStringLiteral("taskState"), p.state},
                  {QStringLiteral("creationTime"), double(t.creationTime)}};
    if (summary)
        return o;
    o.insert(QStringLiteral("progress"), p.progress);
    QString step;
    if (p.state == QLatin1String("NOT_STARTED")) {
        step = QStringLiteral("Waiting to start.");
    } else if (p.state == QLatin1String("IN_PROGRESS")) {
        if (t.kind == QLatin1String("processes")) {
            const ProcessRecord *process = byId(c.processes, t.objectId);
            const int steps = process ? int(process->steps.size()) : 1;
            const int index = std::min(steps - 1, int(p.progress * steps));
            QString name = process ? process->steps.value(index) : QString();
            if (const ImportRecord *i = byId(c.imports, name))
                name = i->name;
            else if (const ExportRecord *e = byId(c.exports, name))
                name = e->name;
            else if (const ActionRecord *a = byId(c.actions, name))
                name = a->name;
            step = QStringLiteral("Running %1 (%2 of %3).").arg(name).arg(index + 1).arg(steps);
        } else if (t.kind == QLatin1String("imports")) {
            step = p.progress < 0.3   ? QStringLiteral("Reading file.")
                   : p.progress < 0.8 ? QStringLiteral("Importing rows.")
                                      : QStringLiteral("Saving model.");
        } else if (t.kind == QLatin1String("exports")) {
            step = p.progress < 0.5 ? QStringLiteral("Preparing export.") : QStringLiteral("Writing export file.");
        } else {
            step = QStringLiteral("Running action.");
        }
    } else if (p.state == QLatin1String("COMPLETE")) {
        step = QStringLiteral("Complete.");
    } else if (p.state == QLatin1String("CANCELLING")) {
        step = QStringLiteral("Cancelling.");
    } else {
        step = QStringLiteral("Cancelled.");
    }
    o.insert(QStringLiteral("currentStep"), step);
    if (p.state == QLatin1String("COMPLETE")) {
        o.insert(QStringLiteral("result"), t.result);
    } else if (p.state == QLatin1String("CANCELLED")) {
        o.insert(QStringLiteral("result"),
                 QJsonObject{{QStringLiteral("objectId"), t.objectId},
                             {QStringLiteral("successful"), false},
                             {QStringLiteral("failureDumpAvailable"), false},
                             {QStringLiteral("details"),
                              QJsonArray{QJsonObject{{QStringLiteral("localMessageText"),
                                                      QStringLiteral("The task was cancelled; no changes were made.")},
                                                     {QStringLiteral("occurrences"), 0},
                                                     {QStringLiteral("type"), QStringLiteral("taskCancelled")},
                                                     {QStringLiteral("values"), QJsonArray()}}}}});
    }
    return o;
}

QStringList TenantState::chunkPaths(const QString &model, const FileRecord &f) const
{
    QStringList paths;
    for (auto it = f.chunks.cbegin(); it != f.chunks.cend(); ++it)
        paths.append(m_store->chunkPath(model, f.id, f.generation, it.key()));
    return paths;
}

QString TenantState::fileProblem(const ModelContent &, const FileRecord &f) const
{
    if (f.chunks.isEmpty() && (f.complete || f.declaredChunkCount == 0))
        return QStringLiteral("File %1 (%2) has no content. Upload it before running the import.").arg(f.name, f.id);
    if (!f.complete && f.declaredChunkCount < 0)
        return QStringLiteral("File %1 (%2) was uploaded with chunkCount -1 but not marked complete. Call POST "
                              ".../files/%2/complete after the last chunk.")
            .arg(f.name, f.id);
    if (!f.complete)
        return QStringLiteral("File %1 (%2) is incomplete: %3 of %4 chunks uploaded.")
            .arg(f.name, f.id)
            .arg(f.chunks.size())
            .arg(f.declaredChunkCount);
    return {};
}

// ---------------------------------------------------------------------------------------------
// Applying due tasks

void TenantState::settle(const QString &model)
{
    for (;;) {
        QMutexLocker lock(&m_mutex);
        ModelContent *c = contentOf(model);
        if (!c)
            return;
        const qint64 now = nowMs();
        const TaskRecord *due = nullptr;
        for (const TaskRecord &t : c->tasks)
            if (phaseOf(t, now, m_config.taskDurationMs, m_config.cancellingMs, m_applying.contains(t.taskId)).due) {
                due = &t;
                break;
            }
        if (!due)
            return;
        const QString taskId = due->taskId;
        const QString user = due->user;
        m_applying.insert(taskId);
        RunSnapshot s;
        s.modelId = model;
        s.taskId = taskId;
        s.kind = due->kind;
        s.objectId = due->objectId;
        s.data = c->data;
        s.files = c->files;
        s.imports = c->imports;
        s.exports = c->exports;
        s.actions = c->actions;
        s.processes = c->processes;
        for (const FileRecord &f : c->files) {
            const QString problem = fileProblem(*c, f);
            if (problem.isEmpty())
                s.chunkPaths.insert(f.id, chunkPaths(model, f));
            else
                s.fileProblems.insert(f.id, problem);
        }
        lock.unlock();

        // The work itself: parse files, change a copy of the data, write outputs — all unlocked.
        RunOutput out = runTask(s);
        lock.relock();
        QMap<QString, int> generations;
        for (auto it = out.exportFiles.cbegin(); it != out.exportFiles.cend(); ++it)
            generations.insert(it.key(), m_data.nextGeneration++);
        lock.unlock();
        QMap<QString, QMap<int, qint64>> exportChunks;
        QString error;
        for (auto it = out.exportFiles.cbegin(); it != out.exportFiles.cend(); ++it)
            writeSplit(*m_store, model, it.key(), generations.value(it.key()), it.value(), kExportChunkBytes,
                       &exportChunks[it.key()], &error);
        for (auto it = out.dumps.cbegin(); it != out.dumps.cend(); ++it)
            ChunkStore::writeFile(m_store->dumpPath(taskId, it.key()), it.value(), &error);
        for (auto it = out.logs.cbegin(); it != out.logs.cend(); ++it)
            ChunkStore::writeFile(m_store->logPath(taskId, it.key()), it.value(), &error);

        lock.relock();
        m_applying.remove(taskId);
        c = contentOf(model);
        if (!c)
            return;
        QStringList obsoleteDirs;
        TaskRecord *task = nullptr;
        for (TaskRecord &t : c->tasks)
            if (t.taskId == taskId)
                task = &t;
        if (!task)
            return;
        c->data = out.data;
        for (auto it = exportChunks.cbegin(); it != exportChunks.cend(); ++it) {
            FileRecord *f = byId(c->files, it.key());
            if (!f) {
                FileRecord fresh;
                fresh.id = it.key();
                const ExportRecord *e = byId(c->exports, it.key());
                fresh.name = e ? e->name : it.key();
                fresh.exportOutput = true;
                c->files.append(fresh);
                f = &c->files.last();
            } else {
                obsoleteDirs.append(m_store->generationDir(model, f->id, f->generation));
            }
            f->generation = generations.value(it.key());
            f->chunks = it.value();
            f->declaredChunkCount = int(f->chunks.size());
            f->complete = true;
            f->uploadedBy = user;
        }
        task->applied = true;
        task->completedAt = nowMs();
        task->result = out.result;
        task->dumps = out.dumps.keys();
        task->solutionLogs = out.logs.keys();
        // Dumps are kept per user and import: a new dump, or a run without failures, removes the old ones.
        const QStringList replaced = out.dumps.keys() + out.successfulImports;
        for (TaskRecord &other : c->tasks) {
            if (other.taskId == taskId || other.user != user)
                continue;
            for (const QString &importId : replaced)
                if (other.dumps.removeAll(importId) > 0)
                    QFile::remove(m_store->dumpPath(other.taskId, importId));
        }
        if (ModelRecord *m = byId(m_data.models, model)) {
            m->lastSavedSerialNumber += 1;
            m->lastModified = isoNow();
            m->open = true;
        }
        saveAndUnlock(lock);
        for (const QString &dir : obsoleteDirs)
            ChunkStore::removeDir(dir);
    }
}

// ---------------------------------------------------------------------------------------------
// Workspaces and models

QList<WorkspaceRecord> TenantState::workspaces() const
{
    QMutexLocker lock(&m_mutex);
    return m_data.workspaces;
}

Failure TenantState::workspace(const QString &id, WorkspaceRecord *out) const
{
    QMutexLocker lock(&m_mutex);
    const WorkspaceRecord *w = byId(m_data.workspaces, id);
    if (!w)
        return {404, QStringLiteral("Workspace %1 was not found, or you have no access to it. Workspace ids are 32 "
                                    "lower-case hex characters; list them with GET /2/0/workspaces.")
                         .arg(id)};
    *out = *w;
    return {};
}

Failure TenantState::models(const QString &workspaceId, QList<ModelInfo> *out) const
{
    QMutexLocker lock(&m_mutex);
    if (!workspaceId.isEmpty() && !byId(m_data.workspaces, workspaceId))
        return {404, QStringLiteral("Workspace %1 was not found, or you have no access to it.").arg(workspaceId)};
    const qint64 now = nowMs();
    for (const ModelRecord &m : m_data.models) {
        if (!workspaceId.isEmpty() && m.workspaceId != workspaceId)
            continue;
        const WorkspaceRecord *w = byId(m_data.workspaces, m.workspaceId);
        const auto c = m_data.content.constFind(m.id);
        out->append({m, w ? w->name : QString(), c != m_data.content.cend() && modelBusy(*c, now)});
    }
    return {};
}

Failure TenantState::model(const QString &id, ModelInfo *out) const
{
    QMutexLocker lock(&m_mutex);
    const ModelRecord *m = byId(m_data.models, id);
    if (!m)
        return {404, QStringLiteral("Model %1 was not found, or you have no access to it. Model ids are 32 upper-case "
                                    "hex characters; list them with GET /2/0/models.")
                         .arg(id)};
    const WorkspaceRecord *w = byId(m_data.workspaces, m->workspaceId);
    const auto c = m_data.content.constFind(m->id);
    *out = {*m, w ? w->name : QString(), c != m_data.content.cend() && modelBusy(*c, nowMs())};
    return {};
}

Failure TenantState::bulkDeleteModels(const QString &workspaceId, const QStringList &ids, DeleteModelsOutcome *out)
{
    for (const QString &id : ids)
        settle(id);
    QMutexLocker lock(&m_mutex);
    WorkspaceRecord *w = byId(m_data.workspaces, workspaceId);
    if (!w)
        return {404, QStringLiteral("Workspace %1 was not found, or you have no access to it.").arg(workspaceId)};
    QStringList removedDirs;
    const qint64 now = nowMs();
    for (const QString &id : ids) {
        const ModelRecord *m = byId(m_data.models, id);
        if (!m || m->workspaceId != workspaceId) {
            out->failures.append({id, QStringLiteral("Model %1 was not found in workspace %2.").arg(id, workspaceId)});
            continue;
        }
        const auto c = m_data.content.constFind(id);
        if (c != m_data.content.cend() && modelBusy(*c, now)) {
            out->failures.append({id, QStringLiteral("Model %1 (%2) is running a task; wait for it to finish, then "
                                                     "delete the model.")
                                          .arg(m->name, id)});
            continue;
        }
        if (m->open) {
            out->failures.append({id, QStringLiteral("Model %1 (%2) is open. Close it (POST /2/0/models/%2/close) "
                                                     "before deleting it.")
                                          .arg(m->name, id)});
            continue;
        }
        if (c != m_data.content.cend())
            for (const TaskRecord &t : c->tasks) {
                removedDirs.append(m_store->root() + QStringLiteral("/dumps/") + t.taskId);
                removedDirs.append(m_store->root() + QStringLiteral("/logs/") + t.taskId);
            }
        removedDirs.append(m_store->root() + QStringLiteral("/files/") + id);
        w->currentSize = std::max<qint64>(0, w->currentSize - m->memoryUsage);
        m_data.content.remove(id);
        m_data.models.removeIf([&](const ModelRecord &r) { return r.id == id; });
        ++out->deleted;
    }
    saveAndUnlock(lock);
    for (const QString &dir : removedDirs)
        ChunkStore::removeDir(dir);
    return {};
}

Failure TenantState::modelStatus(const QString &workspaceId, const QString &modelId, QJsonObject *requestStatus)
{
    settle(modelId);
    QMutexLocker lock(&m_mutex);
    Failure f = checkModel(workspaceId, modelId, Need::Read);
    if (f && f.status != 422)
        return f;
    const ModelRecord *m = byId(m_data.models, modelId);
    const qint64 now = nowMs();
    QJsonObject s{{QStringLiteral("peakMemoryUsageEstimate"), QJsonValue::Null},
                  {QStringLiteral("peakMemoryUsageTime"), QJsonValue::Null},
                  {QStringLiteral("progress"), -1.0},
                  {QStringLiteral("currentStep"), m->open ? QStringLiteral("Open") : QStringLiteral("Closed")},
                  {QStringLiteral("tooltip"), QJsonValue::Null},
                  {QStringLiteral("exportTaskType"), QJsonValue::Null},
                  {QStringLiteral("creationTime"), double(now)},
                  {QStringLiteral("taskId"), QJsonValue::Null}};
    if (const ModelContent *c = contentOf(modelId))
        for (const TaskRecord &t : c->tasks) {
            const Phase p = phaseOf(t, now, m_config.taskDurationMs, m_config.cancellingMs, m_applying.contains(t.taskId));
            if (p.state == QLatin1String("COMPLETE") || p.state == QLatin1String("CANCELLED"))
                continue;
            QString name = t.objectId;
            QString what = kindNoun(t.kind);
            what[0] = what[0].toUpper();
            if (const ImportRecord *i = byId(c->imports, t.objectId))
                name = i->name;
            else if (const ExportRecord *e = byId(c->exports, t.objectId)) {
                name = e->name;
                s.insert(QStringLiteral("exportTaskType"), e->exportType);
            } else if (const ProcessRecord *pr = byId(c->processes, t.objectId))
                name = pr->name;
            else if (const ActionRecord *a = byId(c->actions, t.objectId))
                name = a->name;
            s.insert(QStringLiteral("progress"), p.progress);
            s.insert(QStringLiteral("currentStep"), QStringLiteral("Processing ..."));
            s.insert(QStringLiteral("tooltip"),
                     QStringLiteral("The system is currently processing an %1: %2").arg(what, name));
            s.insert(QStringLiteral("taskId"), t.taskId);
            s.insert(QStringLiteral("peakMemoryUsageEstimate"), double(m->memoryUsage));
            s.insert(QStringLiteral("peakMemoryUsageTime"), double(t.creationTime));
            break;
        }
    *requestStatus = s;
    return {};
}

Failure TenantState::openModel(const QString &workspaceId, const QString &modelId)
{
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(workspaceId, modelId, Need::Read))
        return f;
    ModelRecord *m = byId(m_data.models, modelId);
    if (m->open)
        return {424, QStringLiteral("Model %1 (%2) is already open.").arg(m->name, m->id)};
    m->open = true;
    saveAndUnlock(lock);
    return {};
}

Failure TenantState::readModelData(const QString &ws, const QString &model,
                                   const std::function<void(const ModelRecord &, const ModelData &)> &reader)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    const ModelRecord *m = byId(m_data.models, model);
    ModelContent &c = m_data.content[model];
    const bool assigned = c.data.ensureItemIds();
    reader(*m, c.data);
    if (assigned)
        saveAndUnlock(lock);
    return {};
}

Failure TenantState::updateModelData(const QString &ws, const QString &model,
                                     const std::function<Failure(const ModelRecord &, ModelData &)> &writer)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Write))
        return f;
    const ModelRecord *m = byId(m_data.models, model);
    ModelContent &c = m_data.content[model];
    const bool assigned = c.data.ensureItemIds();
    ModelData copy = c.data;
    Failure f = writer(*m, copy);
    if (!f)
        c.data = std::move(copy);
    if (!f || assigned)
        saveAndUnlock(lock);
    return f;
}

Failure TenantState::setModelOnline(const QString &model, bool online)
{
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel({}, model, Need::Read))
        return f;
    ModelRecord *m = byId(m_data.models, model);
    if (m->activeState == QLatin1String("LOCKED"))
        return {400, QStringLiteral("Model %1 (%2) is locked; its online status cannot change. Ask a workspace "
                                    "administrator to unlock it first.")
                         .arg(m->name, m->id)};
    const bool production = m->activeState.startsWith(QLatin1String("PRODUCTION"));
    const QString next = online ? (production ? QStringLiteral("PRODUCTION") : QStringLiteral("UNLOCKED"))
                                : (production ? QStringLiteral("PRODUCTION_MAINTENANCE") : QStringLiteral("MAINTENANCE"));
    const bool isOnline = m->activeState != QLatin1String("MAINTENANCE")
                          && m->activeState != QLatin1String("PRODUCTION_MAINTENANCE");
    if (isOnline == online)
        return {}; // already there (ACTIVE stays ACTIVE when set online)
    m->activeState = next;
    saveAndUnlock(lock);
    return {};
}

Failure TenantState::closeModel(const QString &workspaceId, const QString &modelId)
{
    settle(modelId);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(workspaceId, modelId, Need::Read))
        return f;
    ModelRecord *m = byId(m_data.models, modelId);
    if (const ModelContent *c = contentOf(modelId); c && modelBusy(*c, nowMs()))
        return {409, QStringLiteral("Model %1 (%2) is running a task; wait for it to finish before closing the model.")
                         .arg(m->name, m->id)};
    m->open = false;
    saveAndUnlock(lock);
    return {};
}

// ---------------------------------------------------------------------------------------------
// Model objects and files

Failure TenantState::files(const QString &ws, const QString &model, QList<FileRecord> *out)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    if (const ModelContent *c = contentOf(model))
        for (const FileRecord &f : c->files)
            if (!f.exportOutput || !f.chunks.isEmpty()) // export files appear once the export has run
                out->append(f);
    return {};
}

Failure TenantState::content(const QString &ws, const QString &model, ModelContent *out)
{
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    if (const ModelContent *c = contentOf(model)) {
        out->imports = c->imports;
        out->exports = c->exports;
        out->actions = c->actions;
        out->processes = c->processes;
        out->files = c->files;
        out->data = c->data;
    }
    return {};
}

Failure TenantState::setChunkCount(const QString &ws, const QString &model, const QString &fileId,
                                   const QJsonValue &count, const QString &user, FileRecord *out)
{
    const double value = count.toDouble(-2);
    if (!count.isDouble() || value != std::floor(value) || value < -1 || value > m_config.maxChunks)
        return {400, QStringLiteral("chunkCount must be -1 (unknown, finish with POST .../complete) or a whole number "
                                    "from 0 to %1.")
                         .arg(m_config.maxChunks)};
    QString obsolete;
    {
        QMutexLocker lock(&m_mutex);
        if (Failure f = checkModel(ws, model, Need::Write))
            return f;
        ModelContent *c = contentOf(model);
        if (!c) {
            m_data.content.insert(model, ModelContent());
            c = contentOf(model);
        }
        FileRecord *f = byId(c->files, fileId);
        if (f && f->exportOutput)
            return {400, QStringLiteral("File %1 (%2) is the output of an export. It can be downloaded, not uploaded "
                                        "to; upload to an import's data source file (113…) instead.")
                             .arg(f->name, f->id)};
        if (!f) {
            // Anaplan's behaviour: an unknown id creates a new file, named after the requested id, with a new id.
            QString id;
            do
                id = QString::number(c->nextFileId++);
            while (byId(c->files, id));
            FileRecord fresh;
            fresh.id = id;
            fresh.name = fileId;
            c->files.append(fresh);
            f = &c->files.last();
        } else {
            obsolete = m_store->generationDir(model, f->id, f->generation);
        }
        f->generation = m_data.nextGeneration++;
        f->chunks.clear();
        f->declaredChunkCount = int(value);
        f->complete = value == 0;
        f->uploadedBy = user;
        *out = *f;
        saveAndUnlock(lock);
    }
    if (!obsolete.isEmpty())
        ChunkStore::removeDir(obsolete);
    return {};
}

Failure TenantState::uploadTarget(const QString &ws, const QString &model, const QString &fileId,
                                  const QString &notFoundHint, FileRecord **out)
{
    if (Failure f = checkModel(ws, model, Need::Write))
        return f;
    ModelContent *c = contentOf(model);
    FileRecord *f = c ? byId(c->files, fileId) : nullptr;
    if (!f)
        return {404, QStringLiteral("File %1 was not found in model %2. %3").arg(fileId, model, notFoundHint)};
    if (f->exportOutput)
        return {400, QStringLiteral("File %1 (%2) is the output of an export; it cannot be uploaded to.")
                         .arg(f->name, f->id)};
    *out = f;
    return {};
}

QString TenantState::restartUpload(const QString &model, FileRecord &f, int declaredChunkCount)
{
    const QString obsolete = m_store->generationDir(model, f.id, f.generation);
    f.generation = m_data.nextGeneration++;
    f.chunks.clear();
    f.declaredChunkCount = declaredChunkCount;
    f.complete = false;
    return obsolete;
}

Failure TenantState::storeChunk(const PendingChunk &chunk, const QByteArray &body, bool gzip, bool save)
{
    qint64 size = 0;
    QString error;
    if (!ChunkStore::writeChunk(chunk.path, body, gzip, m_config.maxChunkBytes, &size, &error))
        return {400, chunk.what + QStringLiteral(": ") + error};

    QMutexLocker lock(&m_mutex);
    ModelContent *c = contentOf(chunk.model);
    FileRecord *f = c ? byId(c->files, chunk.fileId) : nullptr;
    if (!f || f->generation != chunk.generation) {
        lock.unlock();
        QFile::remove(chunk.path);
        return {409, chunk.resetMessage};
    }
    f->chunks.insert(chunk.index, size);
    if (f->declaredChunkCount > 0 && f->chunks.size() == f->declaredChunkCount)
        f->complete = true;
    if (save)
        saveAndUnlock(lock);
    return {};
}

Failure TenantState::putChunk(const QString &ws, const QString &model, const QString &fileId, const QString &chunk,
                              const QByteArray &body, bool gzip, const QString &user)
{
    int index = -1;
    if (!parseChunkIndex(chunk, &index))
        return {400, QStringLiteral("Chunk id %1 is not a chunk number; chunks are numbered from 0.").arg(chunk)};
    if (index >= m_config.maxChunks)
        return {400, QStringLiteral("Chunk %1 is beyond the limit of %2 chunks per file (numbered 0 to %3). Use "
                                    "larger chunks (up to 50 MB each).")
                         .arg(index)
                         .arg(m_config.maxChunks)
                         .arg(m_config.maxChunks - 1)};
    PendingChunk pending{model, fileId, 0, index, {}, QStringLiteral("Chunk %1 of file %2").arg(index).arg(fileId),
                         QStringLiteral("File %1 was reset by a newer upload while chunk %2 was being stored. "
                                        "Upload it again.")
                             .arg(fileId)
                             .arg(index)};
    QString obsolete;
    {
        QMutexLocker lock(&m_mutex);
        FileRecord *f = nullptr;
        if (Failure failure = uploadTarget(ws, model, fileId,
                                           QStringLiteral("Set its chunk count first with POST .../files/%1, and "
                                                          "use the file id that call returns.")
                                               .arg(fileId),
                                           &f))
            return failure;
        if (f->complete) // no upload in progress: this chunk starts a new one of unknown length (ends with /complete)
            obsolete = restartUpload(model, *f, -1);
        if (f->declaredChunkCount >= 0 && index >= f->declaredChunkCount)
            return {400, QStringLiteral("Chunk %1 is outside the chunk count %2 set for file %3 (%4). Set the chunk "
                                        "count again (POST .../files/%3) or use -1.")
                             .arg(index)
                             .arg(f->declaredChunkCount)
                             .arg(f->id, f->name)};
        f->uploadedBy = user;
        pending.generation = f->generation;
        pending.path = m_store->chunkPath(model, f->id, pending.generation, index);
        if (!obsolete.isEmpty())
            saveAndUnlock(lock);
    }
    if (!obsolete.isEmpty())
        ChunkStore::removeDir(obsolete);
    // Inflate and write without the lock: this is the slow part of an upload.
    return storeChunk(pending, body, gzip, false);
}

Failure TenantState::putWholeFile(const QString &ws, const QString &model, const QString &fileId,
                                  const QByteArray &body, bool gzip, const QString &user)
{
    if (gzip)
        return {400, QStringLiteral("A file uploaded in one PUT to .../files/%1 cannot be compressed. Send it as "
                                    "application/octet-stream, or upload gzip chunks to .../files/%1/chunks/{n}.")
                         .arg(fileId)};
    PendingChunk pending{model, fileId, 0, 0, {}, QStringLiteral("File %1").arg(fileId),
                         QStringLiteral("File %1 was reset by another upload meanwhile. Upload it again.").arg(fileId)};
    QString obsolete;
    {
        QMutexLocker lock(&m_mutex);
        FileRecord *f = nullptr;
        if (Failure failure =
                uploadTarget(ws, model, fileId, QStringLiteral("List the model's files with GET .../files."), &f))
            return failure;
        // One chunk, complete once stored.
        obsolete = restartUpload(model, *f, 1);
        f->uploadedBy = user;
        pending.generation = f->generation;
        pending.path = m_store->chunkPath(model, f->id, pending.generation, 0);
        saveAndUnlock(lock);
    }
    ChunkStore::removeDir(obsolete);
    return storeChunk(pending, body, false, true);
}

Failure TenantState::completeFile(const QString &ws, const QString &model, const QString &fileId, FileRecord *out)
{
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Write))
        return f;
    ModelContent *c = contentOf(model);
    FileRecord *f = c ? byId(c->files, fileId) : nullptr;
    if (!f)
        return {404, QStringLiteral("File %1 was not found in model %2.").arg(fileId, model)};
    if (f->chunks.isEmpty())
        return {400, QStringLiteral("File %1 (%2) has no uploaded chunks to complete. PUT chunks to .../files/%1/"
                                    "chunks/{n} first.")
                         .arg(f->id, f->name)};
    for (int i = 0; i < f->chunks.size(); ++i)
        if (!f->chunks.contains(i))
            return {400, QStringLiteral("File %1 (%2) cannot be completed: chunk %3 is missing (chunks must be "
                                        "numbered 0 to n-1 without gaps).")
                             .arg(f->id, f->name)
                             .arg(i)};
    if (f->declaredChunkCount > 0 && f->chunks.size() != f->declaredChunkCount)
        return {400, QStringLiteral("File %1 (%2) cannot be completed: %3 of the %4 declared chunks are uploaded.")
                         .arg(f->id, f->name)
                         .arg(f->chunks.size())
                         .arg(f->declaredChunkCount)};
    f->complete = true;
    f->declaredChunkCount = int(f->chunks.size());
    *out = *f;
    saveAndUnlock(lock);
    return {};
}

Failure TenantState::chunkList(const QString &ws, const QString &model, const QString &fileId, QList<int> *indexes)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    const FileRecord *f = c ? byId(c->files, fileId) : nullptr;
    if (!f)
        return {404, QStringLiteral("File %1 was not found in model %2.").arg(fileId, model)};
    *indexes = f->chunks.keys();
    return {};
}

Failure TenantState::chunkContent(const QString &ws, const QString &model, const QString &fileId,
                                  const QString &chunk, StoredContent *out)
{
    int index = -1;
    if (!parseChunkIndex(chunk, &index))
        return {404, QStringLiteral("Chunk %1 of file %2 does not exist; chunks are numbered from 0.").arg(chunk, fileId)};
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    const FileRecord *f = c ? byId(c->files, fileId) : nullptr;
    if (!f)
        return {404, QStringLiteral("File %1 was not found in model %2.").arg(fileId, model)};
    if (!f->chunks.contains(index))
        return {404, QStringLiteral("Chunk %1 of file %2 (%3) does not exist; the file has %4 chunks.")
                         .arg(index)
                         .arg(f->id, f->name)
                         .arg(f->chunks.size())};
    out->paths = {m_store->chunkPath(model, f->id, f->generation, index)};
    out->size = f->chunks.value(index);
    return {};
}

Failure TenantState::fileContent(const QString &ws, const QString &model, const QString &fileId, StoredContent *out)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    const FileRecord *f = c ? byId(c->files, fileId) : nullptr;
    if (!f)
        return {404, QStringLiteral("File %1 was not found in model %2.").arg(fileId, model)};
    if (f->chunks.isEmpty())
        return {404, QStringLiteral("File %1 (%2) has no content. Upload it, or run its export, first.").arg(f->name, f->id)};
    if (!f->complete)
        return {404, QStringLiteral("File %1 (%2) has no complete content: an upload is in progress (%3 chunks so far).")
                         .arg(f->name, f->id)
                         .arg(f->chunks.size())};
    out->paths = chunkPaths(model, *f);
    out->size = f->size();
    return {};
}

Failure TenantState::deleteFile(const QString &ws, const QString &model, const QString &fileId)
{
    settle(model);
    QString obsolete;
    {
        QMutexLocker lock(&m_mutex);
        if (Failure f = checkModel(ws, model, Need::Write))
            return f;
        ModelContent *c = contentOf(model);
        FileRecord *f = c ? byId(c->files, fileId) : nullptr;
        if (!f || (f->exportOutput && f->chunks.isEmpty()))
            return {404, QStringLiteral("File %1 was not found in model %2.").arg(fileId, model)};
        // Only the uploaded content goes; the file (the import's data source) stays.
        obsolete = m_store->generationDir(model, f->id, f->generation);
        f->generation = m_data.nextGeneration++;
        f->chunks.clear();
        f->declaredChunkCount = 0;
        f->complete = true;
        saveAndUnlock(lock);
    }
    ChunkStore::removeDir(obsolete);
    return {};
}

// ---------------------------------------------------------------------------------------------
// Tasks

Failure TenantState::startTask(const QString &ws, const QString &model, const QString &kind,
                               const QString &objectId, const QString &user, QJsonObject *task)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Run))
        return f;
    ModelContent *c = contentOf(model);
    bool known = false;
    if (c) {
        if (kind == QLatin1String("imports"))
            known = byId(c->imports, objectId);
        else if (kind == QLatin1String("exports"))
            known = byId(c->exports, objectId);
        else if (kind == QLatin1String("processes"))
            known = byId(c->processes, objectId);
        else
            known = byId(c->actions, objectId);
    }
    if (!known)
        return {404, QStringLiteral("The %1 %2 was not found in model %3. List them with GET .../%4.")
                         .arg(kindNoun(kind), objectId, model, kind)};
    const qint64 now = nowMs();
    for (const TaskRecord &t : c->tasks) {
        const Phase p = phaseOf(t, now, m_config.taskDurationMs, m_config.cancellingMs, m_applying.contains(t.taskId));
        if (p.state != QLatin1String("COMPLETE") && p.state != QLatin1String("CANCELLED"))
            return {409, QStringLiteral("Model %1 is busy: task %2 of %3 %4 is %5. Wait for it to finish (poll its "
                                        "status), then start this %6 again.")
                             .arg(model, t.taskId, kindNoun(t.kind), t.objectId, p.state, kindNoun(kind))};
    }
    TaskRecord t;
    t.taskId = newTaskId();
    t.kind = kind;
    t.objectId = objectId;
    t.user = user;
    t.creationTime = now;
    c->tasks.append(t);
    if (ModelRecord *m = byId(m_data.models, model))
        m->open = true; // running an action loads the model
    *task = QJsonObject{{QStringLiteral("taskId"), t.taskId},
                        {QStringLiteral("taskState"), QStringLiteral("NOT_STARTED")},
                        {QStringLiteral("creationTime"), double(t.creationTime)}};
    saveAndUnlock(lock);
    return {};
}

Failure TenantState::taskList(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                              QJsonArray *tasks)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    const qint64 now = nowMs();
    if (const ModelContent *c = contentOf(model))
        for (const TaskRecord &t : c->tasks)
            if (t.kind == kind && t.objectId == objectId)
                tasks->append(taskJson(*c, t, now, true));
    return {};
}

Failure TenantState::taskStatus(const QString &ws, const QString &model, const QString &kind,
                                const QString &objectId, const QString &taskId, QJsonObject *task)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    const TaskRecord *t = c ? findTask(*c, kind, objectId, taskId) : nullptr;
    if (!t)
        return {404, QStringLiteral("Task %1 was not found for %2 %3. List its tasks with GET .../%4/%3/tasks.")
                         .arg(taskId, kindNoun(kind), objectId, kind)};
    *task = taskJson(*c, *t, nowMs(), false);
    return {};
}

Failure TenantState::cancelTask(const QString &ws, const QString &model, const QString &kind,
                                const QString &objectId, const QString &taskId, QJsonObject *task)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    TaskRecord *t = c ? findTask(*c, kind, objectId, taskId) : nullptr;
    if (!t)
        return {404, QStringLiteral("Task %1 was not found for %2 %3.").arg(taskId, kindNoun(kind), objectId)};
    const qint64 now = nowMs();
    // A task whose work is being applied right now can no longer be cancelled: it completes.
    const bool changed = !t->applied && t->cancelRequestedAt < 0 && !m_applying.contains(taskId);
    if (changed)
        t->cancelRequestedAt = now;
    *task = taskJson(*c, *t, now, false);
    if (changed)
        saveAndUnlock(lock);
    return {};
}

Failure TenantState::dump(const QString &ws, const QString &model, const QString &kind, const QString &objectId,
                          const QString &taskId, const QString &dumpObjectId, StoredContent *out)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    ModelContent *c = contentOf(model);
    const TaskRecord *t = c ? findTask(*c, kind, objectId, taskId) : nullptr;
    if (!t)
        return {404, QStringLiteral("Task %1 was not found for %2 %3.").arg(taskId, kindNoun(kind), objectId)};
    if (!t->applied)
        return {404, QStringLiteral("Task %1 has not completed yet; its failure dump is not available.").arg(taskId)};
    if (!t->dumps.contains(dumpObjectId))
        return {404, QStringLiteral("No failure dump for %1 in task %2: the import had no failed rows, or the dump was "
                                    "replaced by a later run of the same import.")
                         .arg(dumpObjectId, taskId)};
    const QString path = m_store->dumpPath(taskId, dumpObjectId);
    out->paths = {path};
    out->size = QFileInfo(path).size();
    return {};
}

Failure TenantState::solutionLog(const QString &ws, const QString &model, const QString &actionId,
                                 const QString &taskId, QByteArray *log)
{
    settle(model);
    QMutexLocker lock(&m_mutex);
    if (Failure f = checkModel(ws, model, Need::Read))
        return f;
    const ModelContent *c = contentOf(model);
    const ActionRecord *a = c ? byId(c->actions, actionId) : nullptr;
    if (!a || a->actionType != QLatin1String("OPTIMIZER"))
        return {404, QStringLiteral("%1 is not an optimizer action of model %2.").arg(actionId, model)};
    for (const TaskRecord &t : c->tasks)
        if (t.taskId == taskId && t.solutionLogs.contains(actionId)) {
            QFile file(m_store->logPath(taskId, actionId));
            if (!file.open(QIODevice::ReadOnly))
                break;
            *log = file.readAll();
            return {};
        }
    return {404, QStringLiteral("No solution log of optimizer %1 for task %2. Use the task id of a completed run of a "
                                "process (or the action) that runs the optimizer.")
                     .arg(actionId, taskId)};
}

} // namespace sandbox
