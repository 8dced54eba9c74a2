#include "AlmStore.h"

#include "transactional/Transactional.h"
#include "transactional/TxStructure.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <algorithm>

namespace sandbox::alm {

namespace {

const QString kDev = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
const QString kProd = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A11");
const QString kUserGuid = QStringLiteral("8a868cd97c1d4f2b017c2b6f7a2e0001");
constexpr qint64 kRetentionMs = 48LL * 3600 * 1000; // tasks and reports are kept 48 hours

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString newId()
{
    QRandomGenerator *g = QRandomGenerator::global();
    return (QStringLiteral("%1").arg(g->generate64(), 16, 16, QLatin1Char('0')) +
            QStringLiteral("%1").arg(g->generate64(), 16, 16, QLatin1Char('0')))
        .toUpper();
}

bool isHexId(const QString &id)
{
    static const QRegularExpression rx(QStringLiteral("^[0-9A-F]{32}$"));
    return rx.match(id).hasMatch();
}

QString reportKey(const QString &model, const QString &target, const QString &source)
{
    return model + QLatin1Char('|') + target + QLatin1Char('|') + source;
}

QJsonObject counts(const tx::ChangeCounts &c)
{
    return {{QStringLiteral("created"), c.created},
            {QStringLiteral("modified"), c.modified},
            {QStringLiteral("deleted"), c.deleted}};
}

} // namespace

AlmStore::AlmStore(const SandboxConfig &config, Transactional &transactional)
    : m_config(config)
    , m_tx(transactional)
{}

Failure AlmStore::checkModel(const QString &model, ModelRecord *record)
{
    return m_tx.state().readModelData({}, model,
                                      [&](const ModelRecord &r, const ModelData &) { *record = r; });
}

QJsonObject AlmStore::currentStructure(const QString &model, Failure *failure)
{
    ModelData data;
    *failure =
        m_tx.state().readModelData({}, model, [&](const ModelRecord &, const ModelData &d) { data = d; });
    if (*failure)
        return {};
    return tx::structureOf(data, m_tx.store().copy(model));
}

void AlmStore::seedLocked()
{
    if (m_ready)
        return;
    m_ready = true;
    if (loadLocked())
        return;
    Failure f1, f2;
    const QJsonObject prod = currentStructure(kProd, &f1);
    QJsonObject dev = currentStructure(kDev, &f2);
    if (f1 || f2)
        return; // the pair is gone (deleted models): no seeded history
    // The demo model holds one change made after its latest revision (line item "Forecast Notes").
    QJsonArray modules = dev.value(QStringLiteral("modules")).toArray();
    for (int i = 0; i < modules.size(); ++i) {
        QJsonObject m = modules.at(i).toObject();
        QJsonArray items = m.value(QStringLiteral("lineItems")).toArray();
        for (int j = int(items.size()) - 1; j >= 0; --j)
            if (items.at(j).toObject().value(QStringLiteral("id")).toString() ==
                QLatin1String("206000000032"))
                items.removeAt(j);
        m.insert(QStringLiteral("lineItems"), items);
        modules.replace(i, m);
    }
    dev.insert(QStringLiteral("modules"), modules);
    const QString ws = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
    Revision r1;
    r1.id = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501");
    r1.name = QStringLiteral("Release 1.0");
    r1.description = QStringLiteral("Sales, revenue plan and store sales modules.");
    r1.createdMs = QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
    r1.createdOn = iso(r1.createdMs);
    r1.createdBy = kUserGuid;
    r1.structure = prod;
    r1.appliedTo = {{kDev, ws, kUserGuid, r1.createdOn, QStringLiteral("Created")},
                    {kProd, ws, kUserGuid, iso(r1.createdMs + 3 * 86'400'000LL), QStringLiteral("Sync")}};
    Revision r2;
    r2.id = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C502");
    r2.name = QStringLiteral("Release 1.1 Channel planning");
    r2.description =
        QStringLiteral("Adds the Channels list, REV02 Channel Mix and channel/discount line items in REV01.");
    r2.createdMs = QDateTime(QDate(2024, 6, 3), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch();
    r2.createdOn = iso(r2.createdMs);
    r2.createdBy = kUserGuid;
    r2.structure = dev;
    r2.appliedTo = {{kDev, ws, kUserGuid, r2.createdOn, QStringLiteral("Created")}};
    m_revisions = {r1, r2};
    saveLocked();
}

QList<const Revision *> AlmStore::revisionsOf(const QString &model) const
{
    QList<const Revision *> out;
    for (const Revision &r : m_revisions)
        for (const Application &a : r.appliedTo)
            if (a.modelId == model) {
                out.append(&r);
                break;
            }
    return out;
}

const Revision *AlmStore::latestOf(const QString &model) const
{
    const Revision *latest = nullptr;
    QString latestOn;
    for (const Revision *r : revisionsOf(model))
        for (const Application &a : r->appliedTo)
            if (a.modelId == model && (!latest || a.appliedOn > latestOn ||
                                       (a.appliedOn == latestOn && r->createdMs > latest->createdMs))) {
                latest = r;
                latestOn = a.appliedOn;
            }
    return latest;
}

QJsonObject AlmStore::revisionJson(const Revision &r, const QString &model) const
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("name"), r.name},
                  {QStringLiteral("createdOn"), r.createdOn},
                  {QStringLiteral("createdBy"), r.createdBy},
                  {QStringLiteral("creationMethod"), r.creationMethod}};
    if (!r.description.isEmpty())
        o.insert(QStringLiteral("description"), r.description);
    const Application *applied = nullptr;
    for (const Application &a : r.appliedTo)
        if (a.modelId == model)
            applied = &a;
    if (!applied && !r.appliedTo.isEmpty())
        applied = &r.appliedTo.constFirst(); // syncable revisions of another model: where they were made
    if (applied) {
        o.insert(QStringLiteral("appliedOn"), applied->appliedOn);
        o.insert(QStringLiteral("appliedBy"), applied->appliedBy);
    }
    return o;
}

Failure AlmStore::revisions(const QString &model, QJsonArray *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    for (const Revision *r : revisionsOf(model))
        out->append(revisionJson(*r, model));
    return {};
}

Failure AlmStore::latestRevision(const QString &model, QJsonArray *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    if (const Revision *r = latestOf(model))
        out->append(revisionJson(*r, model));
    return {};
}

Failure AlmStore::syncableRevisions(const QString &model, const QString &sourceModel, QJsonArray *out)
{
    if (sourceModel.isEmpty())
        return {400,
                QStringLiteral("sourceModelId is required: the model whose revisions may be synced into %1 "
                               "(the first model in appliedToModels of this model's latest revision).")
                    .arg(model)};
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    if (Failure f = checkModel(sourceModel, &record))
        return f;
    settleLocked(model);
    const Revision *latest = latestOf(model);
    if (!latest)
        return {};
    const QList<const Revision *> source = revisionsOf(sourceModel);
    if (!source.contains(latest))
        return {}; // not the same lineage: nothing is compatible
    QList<const Revision *> newer;
    for (const Revision *r : source)
        if (r->createdMs > latest->createdMs)
            newer.append(r);
    std::sort(newer.begin(), newer.end(),
              [](const Revision *a, const Revision *b) { return a->createdMs > b->createdMs; });
    for (const Revision *r : newer)
        out->append(revisionJson(*r, sourceModel));
    return {};
}

Failure AlmStore::createRevision(const QString &model, const QString &name, const QString &description,
                                 const QString &, QJsonObject *out)
{
    if (name.trimmed().isEmpty())
        return {400, QStringLiteral("A revision needs a name (1 to 60 characters).")};
    if (name.size() > 60)
        return {
            400,
            QStringLiteral("The revision name has %1 characters; at most 60 are allowed.").arg(name.size())};
    if (description.size() > 250)
        return {400, QStringLiteral("The description has %1 characters; at most 250 are allowed.")
                         .arg(description.size())};
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    if (record.activeState.startsWith(QLatin1String("PRODUCTION")))
        return {400, QStringLiteral(
                         "Model %1 (%2) is deployed (%3): revisions are created in its development model and "
                         "synced here.")
                         .arg(record.name, model, record.activeState)};
    settleLocked(model);
    Failure f;
    const QJsonObject structure = currentStructure(model, &f);
    if (f)
        return f;
    if (const Revision *latest = latestOf(model); latest && latest->structure == structure)
        return {400, QStringLiteral(
                         "Model %1 (%2) has no structural changes since revision '%3'; change its structure "
                         "before creating a revision.")
                         .arg(record.name, model, latest->name)};
    Revision r;
    r.id = newId();
    r.name = name;
    r.description = description;
    r.createdMs = nowMs();
    r.createdOn = iso(r.createdMs);
    r.createdBy = kUserGuid;
    r.structure = structure;
    r.appliedTo = {{model, record.workspaceId, kUserGuid, r.createdOn, QStringLiteral("Created")}};
    m_revisions.append(r);
    *out = revisionJson(r, model);
    saveLocked();
    return {};
}

Failure AlmStore::appliedToModels(const QString &model, const QString &revisionId, QJsonArray *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    for (const Revision &r : m_revisions) {
        if (r.id != revisionId)
            continue;
        for (const Application &a : r.appliedTo) {
            QJsonObject o{{QStringLiteral("modelId"), a.modelId},
                          {QStringLiteral("appliedBy"), a.appliedBy},
                          {QStringLiteral("appliedOn"), a.appliedOn},
                          {QStringLiteral("appliedMethod"), a.method}};
            ModelInfo info;
            if (m_tx.state().model(a.modelId, &info)) {
                o.insert(QStringLiteral("modelDeleted"), true); // the library needs modelId even then: kept
            } else {
                o.insert(QStringLiteral("modelName"), info.record.name);
                o.insert(QStringLiteral("workspaceId"), info.record.workspaceId);
            }
            out->append(o);
        }
        return {};
    }
    return {404,
            QStringLiteral("Revision %1 was not found; list revisions with GET /2/0/models/%2/alm/revisions.")
                .arg(revisionId, model)};
}

Failure AlmStore::startTask(const QString &kind, const QString &model, const QJsonObject &body,
                            const QString &user, const QString &baseUrl, QJsonObject *out)
{
    const QString sourceRevision = body.value(QStringLiteral("sourceRevisionId")).toString();
    const QString sourceModel = body.value(QStringLiteral("sourceModelId")).toString();
    const QString targetRevision = body.value(QStringLiteral("targetRevisionId")).toString();
    for (const auto &[key, value] : {std::pair{"sourceRevisionId", sourceRevision},
                                     {"sourceModelId", sourceModel},
                                     {"targetRevisionId", targetRevision}})
        if (!isHexId(value))
            return {400, QStringLiteral("%1 is required: 32 upper-case hex characters (got '%2').")
                             .arg(QLatin1String(key), value)};
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord target, source;
    if (Failure f = checkModel(model, &target))
        return f;
    if (Failure f = checkModel(sourceModel, &source))
        return f;
    settleLocked(model);
    const Revision *src = nullptr;
    for (const Revision *r : revisionsOf(sourceModel))
        if (r->id == sourceRevision)
            src = r;
    if (!src)
        return {400,
                QStringLiteral("Revision %1 is not a revision of source model %2 (%3); list them with GET "
                               "/2/0/models/%2/alm/revisions.")
                    .arg(sourceRevision, sourceModel, source.name)};
    if (kind == QLatin1String("sync")) {
        if (target.activeState == QLatin1String("LOCKED"))
            return {
                423,
                QStringLiteral("Model %1 (%2) is locked; unlock it before syncing.").arg(target.name, model)};
        const Revision *latest = latestOf(model);
        if (!latest || latest->id != targetRevision)
            return {400, QStringLiteral(
                             "targetRevisionId must be the latest revision of model %1 (%2), which is %3.")
                             .arg(target.name, model,
                                  latest ? latest->id : QStringLiteral("none: it has no revision"))};
        const QList<const Revision *> lineage = revisionsOf(sourceModel);
        if (!lineage.contains(latest) || src->createdMs <= latest->createdMs)
            return {400, QStringLiteral(
                             "Revision %1 of %2 cannot be synced to %3: list the compatible ones with GET "
                             "/2/0/models/%3/alm/syncableRevisions?sourceModelId=%2.")
                             .arg(sourceRevision, sourceModel, model)};
        for (const Task &t : std::as_const(m_tasks))
            if (t.kind == kind && t.modelId == model && !t.done)
                return {409, QStringLiteral(
                                 "A sync task (%1) is already running on model %2; wait for it to complete.")
                                 .arg(t.taskId, model)};
    } else {
        bool known = false;
        for (const Revision *r : revisionsOf(model))
            known = known || r->id == targetRevision;
        if (!known)
            return {400, QStringLiteral("Revision %1 is not a revision of model %2 (%3); list them with GET "
                                        "/2/0/models/%2/alm/revisions.")
                             .arg(targetRevision, model, target.name)};
    }
    Task t;
    t.taskId = newId();
    t.kind = kind;
    t.modelId = model;
    t.sourceRevisionId = sourceRevision;
    t.sourceModelId = sourceModel;
    t.targetRevisionId = targetRevision;
    t.user = user;
    t.creationTime = nowMs();
    m_tasks.append(t);
    *out = taskJson(t, baseUrl);
    saveLocked();
    return {};
}

void AlmStore::settleLocked(const QString &model)
{
    const qint64 now = nowMs();
    bool changed = false;
    for (Task &t : m_tasks)
        if (t.modelId == model && !t.done && now - t.creationTime >= m_config.taskDurationMs) {
            runLocked(t);
            changed = true;
        }
    const auto expired = [&](const Task &t) { return t.done && now - t.creationTime > kRetentionMs; };
    if (std::any_of(m_tasks.cbegin(), m_tasks.cend(), expired)) {
        m_tasks.removeIf(expired);
        changed = true;
    }
    if (changed)
        saveLocked();
}

void AlmStore::runLocked(Task &t)
{
    t.done = true;
    const Revision *source = nullptr;
    const Revision *target = nullptr;
    for (const Revision &r : m_revisions) {
        if (r.id == t.sourceRevisionId)
            source = &r;
        if (r.id == t.targetRevisionId)
            target = &r;
    }
    if (!source || !target) {
        t.error = {
            {QStringLiteral("title"), QStringLiteral("Revision not found")},
            {QStringLiteral("messageText"), QStringLiteral("A revision of this task no longer exists.")}};
        return;
    }
    if (t.kind == QLatin1String("sync")) {
        const QJsonObject structure = source->structure;
        const Failure f =
            m_tx.state().updateModelData({}, t.modelId, [&](const ModelRecord &, ModelData &data) {
                m_tx.store().update(t.modelId, [&](tx::TxModel &model) {
                    tx::applyStructure(structure, data, model);
                    return true;
                });
                return Failure{};
            });
        if (f) {
            t.error = {{QStringLiteral("title"), QStringLiteral("Sync failed")},
                       {QStringLiteral("messageText"), f.message}};
            return;
        }
        ModelInfo info;
        m_tx.state().model(t.modelId, &info);
        for (Revision &r : m_revisions)
            if (r.id == t.sourceRevisionId)
                r.appliedTo.append(
                    {t.modelId, info.record.workspaceId, kUserGuid, iso(nowMs()), QStringLiteral("Sync")});
        t.successful = true;
        return;
    }
    const tx::StructureDiff diff = tx::diffStructures(
        target->structure, source->structure,
        QStringLiteral("%1 (source) compared with %2 (target)").arg(source->name, target->name));
    Report report;
    report.createdMs = nowMs();
    report.comparison = diff.report;
    QJsonObject differences;
    // Change types without differences are omitted (spec).
    const std::pair<const char *, const tx::ChangeCounts *> kinds[] = {{"lineItems", &diff.lineItems},
                                                                       {"rolesContents", &diff.rolesContents},
                                                                       {"lists", &diff.lists},
                                                                       {"modules", &diff.modules}};
    tx::ChangeCounts totals;
    for (const auto &[name, c] : kinds) {
        if (c->total() > 0)
            differences.insert(QLatin1String(name), counts(*c));
        totals.created += c->created;
        totals.modified += c->modified;
        totals.deleted += c->deleted;
    }
    report.summary = {{QStringLiteral("targetRevisionId"), t.targetRevisionId},
                      {QStringLiteral("sourceRevisionId"), t.sourceRevisionId},
                      {QStringLiteral("totals"), counts(totals)},
                      {QStringLiteral("differences"), differences}};
    Report &stored = m_reports[reportKey(t.modelId, t.targetRevisionId, t.sourceRevisionId)];
    if (t.kind == QLatin1String("comparison"))
        stored.comparison = report.comparison;
    else
        stored.summary = report.summary;
    stored.createdMs = report.createdMs;
    t.successful = true;
}

QJsonObject AlmStore::taskJson(const Task &t, const QString &baseUrl) const
{
    const QString collection = t.kind == QLatin1String("sync") ? QStringLiteral("syncTasks")
                               : t.kind == QLatin1String("comparison")
                                   ? QStringLiteral("comparisonReportTasks")
                                   : QStringLiteral("summaryReportTasks");
    QJsonObject o{
        {QStringLiteral("taskId"), t.taskId},
        {QStringLiteral("taskState"), t.done ? QStringLiteral("COMPLETE") : QStringLiteral("IN_PROGRESS")},
        // Epoch milliseconds like bulk tasks: the library's TaskSummary parses an int.
        {QStringLiteral("creationTime"), double(t.creationTime)},
        {QStringLiteral("taskUrl"),
         QStringLiteral("%1/2/0/models/%2/alm/%3/%4").arg(baseUrl, t.modelId, collection, t.taskId)}};
    if (!t.done) {
        const double progress =
            std::clamp(double(nowMs() - t.creationTime) / std::max(1, m_config.taskDurationMs), 0.0, 0.99);
        QString step;
        if (t.kind == QLatin1String("sync"))
            step = progress < 0.3 ? QStringLiteral("Validating revisions.")
                                  : (progress < 0.8 ? QStringLiteral("Applying structural changes.")
                                                    : QStringLiteral("Saving the model."));
        else
            step = progress < 0.6 ? QStringLiteral("Comparing revisions.")
                                  : QStringLiteral("Writing the report.");
        o.insert(QStringLiteral("currentStep"), step);
        o.insert(QStringLiteral("progress"), progress);
        return o;
    }
    o.insert(QStringLiteral("currentStep"), QStringLiteral("Complete."));
    o.insert(QStringLiteral("progress"), 1.0);
    QJsonObject result{{QStringLiteral("sourceRevisionId"), t.sourceRevisionId},
                       {QStringLiteral("targetRevisionId"), t.targetRevisionId},
                       {QStringLiteral("successful"), t.successful}};
    if (!t.successful)
        result.insert(QStringLiteral("error"), t.error);
    else if (t.kind != QLatin1String("sync"))
        result.insert(QStringLiteral("reportFileUrl"),
                      QStringLiteral("%1/2/0/models/%2/alm/%3/%4/%5")
                          .arg(baseUrl, t.modelId,
                               t.kind == QLatin1String("comparison") ? QStringLiteral("comparisonReports")
                                                                     : QStringLiteral("summaryReports"),
                               t.targetRevisionId, t.sourceRevisionId));
    o.insert(QStringLiteral("result"), result);
    return o;
}

Failure AlmStore::task(const QString &kind, const QString &model, const QString &taskId,
                       const QString &baseUrl, QJsonObject *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    for (const Task &t : std::as_const(m_tasks))
        if (t.taskId == taskId && t.kind == kind && t.modelId == model) {
            *out = taskJson(t, baseUrl);
            return {};
        }
    return {404,
            QStringLiteral("Task %1 was not found for model %2 (tasks are kept 48 hours; report task ids are "
                           "valid only under the collection that created them).")
                .arg(taskId, model)};
}

Failure AlmStore::syncTasks(const QString &model, const QString &baseUrl, QJsonArray *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    QList<const Task *> tasks;
    for (const Task &t : std::as_const(m_tasks))
        if (t.kind == QLatin1String("sync") && t.modelId == model)
            tasks.append(&t);
    std::sort(tasks.begin(), tasks.end(),
              [](const Task *a, const Task *b) { return a->creationTime > b->creationTime; });
    for (const Task *t : tasks)
        out->append(taskJson(*t, baseUrl));
    return {};
}

Failure AlmStore::report(const QString &kind, const QString &model, const QString &targetRevision,
                         const QString &sourceRevision, Report *out)
{
    QMutexLocker lock(&m_mutex);
    seedLocked();
    ModelRecord record;
    if (Failure f = checkModel(model, &record))
        return f;
    settleLocked(model);
    const auto it = m_reports.constFind(reportKey(model, targetRevision, sourceRevision));
    const bool present =
        it != m_reports.cend() && nowMs() - it->createdMs <= kRetentionMs &&
        (kind == QLatin1String("comparison") ? !it->comparison.isEmpty() : !it->summary.isEmpty());
    if (!present)
        return {404, QStringLiteral(
                         "No %1 report for target revision %2 and source revision %3 on model %4 (reports "
                         "expire after 48 hours). Create one with POST /2/0/models/%4/alm/%5 and wait for "
                         "the task to complete; the target revision comes first in this path.")
                         .arg(kind, targetRevision, sourceRevision, model,
                              kind == QLatin1String("comparison") ? QStringLiteral("comparisonReportTasks")
                                                                  : QStringLiteral("summaryReportTasks"))};
    *out = *it;
    return {};
}

// ---------------------------------------------------------------------------------------------
// Persistence

namespace {

// The saved fields of each record, as (key in alm.json, member): one list serves saving and loading, so the
// two cannot drift apart. Milliseconds are saved as digit strings (JSON numbers would round beyond 2^53).
constexpr auto kApplicationFields = [](auto &a, auto &&field) {
    field("modelId", a.modelId);
    field("workspaceId", a.workspaceId);
    field("appliedBy", a.appliedBy);
    field("appliedOn", a.appliedOn);
    field("method", a.method);
};

constexpr auto kRevisionFields = [](auto &r, auto &&field) {
    field("id", r.id);
    field("name", r.name);
    field("description", r.description);
    field("createdOn", r.createdOn);
    field("createdBy", r.createdBy);
    field("creationMethod", r.creationMethod);
    field("createdMs", r.createdMs);
    field("structure", r.structure);
};

constexpr auto kTaskFields = [](auto &t, auto &&field) {
    field("taskId", t.taskId);
    field("kind", t.kind);
    field("modelId", t.modelId);
    field("sourceRevisionId", t.sourceRevisionId);
    field("sourceModelId", t.sourceModelId);
    field("targetRevisionId", t.targetRevisionId);
    field("user", t.user);
    field("creationTime", t.creationTime);
    field("done", t.done);
    field("successful", t.successful);
    field("error", t.error);
};

struct FieldWriter
{
    QJsonObject &out;
    void operator()(const char *key, const QString &v) { out.insert(QLatin1String(key), v); }
    void operator()(const char *key, qint64 v) { out.insert(QLatin1String(key), QString::number(v)); }
    void operator()(const char *key, bool v) { out.insert(QLatin1String(key), v); }
    void operator()(const char *key, const QJsonObject &v) { out.insert(QLatin1String(key), v); }
};

struct FieldReader
{
    const QJsonObject &in;
    void operator()(const char *key, QString &v) { v = in.value(QLatin1String(key)).toString(); }
    void operator()(const char *key, qint64 &v) { v = in.value(QLatin1String(key)).toString().toLongLong(); }
    void operator()(const char *key, bool &v) { v = in.value(QLatin1String(key)).toBool(); }
    void operator()(const char *key, QJsonObject &v) { v = in.value(QLatin1String(key)).toObject(); }
};

template <typename Record, typename Fields> QJsonObject toJson(const Record &record, Fields fields)
{
    QJsonObject out;
    fields(record, FieldWriter{out});
    return out;
}

template <typename Record, typename Fields> Record fromJson(const QJsonObject &in, Fields fields)
{
    Record record;
    fields(record, FieldReader{in});
    return record;
}

} // namespace

void AlmStore::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    QJsonArray revisions;
    for (const Revision &r : m_revisions) {
        QJsonArray applied;
        for (const Application &a : r.appliedTo)
            applied.append(toJson(a, kApplicationFields));
        QJsonObject revision = toJson(r, kRevisionFields);
        revision.insert(QStringLiteral("appliedTo"), applied);
        revisions.append(revision);
    }
    QJsonArray tasks;
    for (const Task &t : std::as_const(m_tasks))
        tasks.append(toJson(t, kTaskFields));
    QJsonObject reports;
    for (auto it = m_reports.cbegin(); it != m_reports.cend(); ++it)
        reports.insert(it.key(),
                       QJsonObject{{QStringLiteral("comparison"), QString::fromUtf8(it->comparison)},
                                   {QStringLiteral("summary"), it->summary},
                                   {QStringLiteral("createdMs"), QString::number(it->createdMs)}});
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("revisions"), revisions},
                                                       {QStringLiteral("tasks"), tasks},
                                                       {QStringLiteral("reports"), reports}})
                                 .toJson(QJsonDocument::Compact);
    QSaveFile out(QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("alm.json")));
    if (!(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit()))
        qWarning("anadesk-sandbox: cannot save the ALM state to %s", qPrintable(m_config.dataDir));
}

bool AlmStore::loadLocked()
{
    if (m_config.dataDir.isEmpty())
        return false;
    QFile in(QDir(m_config.dataDir).absoluteFilePath(QStringLiteral("alm.json")));
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    for (const QJsonValue &v : root.value(QStringLiteral("revisions")).toArray()) {
        const QJsonObject o = v.toObject();
        Revision r = fromJson<Revision>(o, kRevisionFields);
        for (const QJsonValue &av : o.value(QStringLiteral("appliedTo")).toArray())
            r.appliedTo.append(fromJson<Application>(av.toObject(), kApplicationFields));
        m_revisions.append(r);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("tasks")).toArray())
        m_tasks.append(fromJson<Task>(v.toObject(), kTaskFields));
    const QJsonObject reports = root.value(QStringLiteral("reports")).toObject();
    for (auto it = reports.begin(); it != reports.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        m_reports.insert(it.key(), {o.value(QStringLiteral("comparison")).toString().toUtf8(),
                                    o.value(QStringLiteral("summary")).toObject(),
                                    o.value(QStringLiteral("createdMs")).toString().toLongLong()});
    }
    return true;
}

} // namespace sandbox::alm
