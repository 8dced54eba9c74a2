#include "AlmJobs.h"

#include "transactional/TxJobHelpers.h"

#include <QDate>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QUrl almUrl(Transport *transport, const QString &modelId, const QStringList &segments,
            const QUrlQuery &query = {})
{
    return txUrl(detail::endpointsOf(transport), modelId, QStringList{u"alm"_s} + segments, query);
}

QString revisionLabel(const QString &revisionId)
{
    return QCoreApplication::translate("anadesk", "revision %1").arg(revisionId);
}

QString taskSegment(AlmTaskKind kind)
{
    switch (kind) {
    case AlmTaskKind::Sync:
        return u"syncTasks"_s;
    case AlmTaskKind::ComparisonReport:
        return u"comparisonReportTasks"_s;
    case AlmTaskKind::SummaryReport:
        return u"summaryReportTasks"_s;
    }
    return QString();
}

bool isIsoDate(const QString &date)
{
    return date.size() == 10 && QDate::fromString(date, Qt::ISODate).isValid();
}
} // namespace

// --- online status -----------------------------------------------------------------------------------

SetOnlineStatusJob::SetOnlineStatusJob(Transport *transport, const QString &modelId, bool online,
                                       QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_online(online)
{
    setDescription(online ? tr("Set model online") : tr("Set model offline"));
    ApiRequest request;
    request.method = "PUT";
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"onlineStatus"_s});
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"status"_s, online ? u"online"_s : u"offline"_s}})
                       .toJson(QJsonDocument::Compact);
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
}

ApiError SetOnlineStatusJob::parseBody(const QByteArray &)
{
    return {}; // 204, or a status-only envelope
}

// --- revisions ---------------------------------------------------------------------------------------

ListRevisionsJob::ListRevisionsJob(Transport *transport, const QString &modelId, const RevisionQuery &query,
                                   QObject *parent)
    : PagedListJob(transport, {}, u"revisions"_s, tr("revisions of %1").arg(modelLabel(modelId)), parent)
{
    setDescription(tr("List revisions"));
    QUrlQuery base;
    if (!query.appliedAfter.isEmpty())
        base.addQueryItem(u"appliedAfter"_s, query.appliedAfter);
    if (!query.appliedBefore.isEmpty())
        base.addQueryItem(u"appliedBefore"_s, query.appliedBefore);
    const auto q =
        detail::listQuery(base, query.list, {u"id"_s, u"name"_s, u"appliedOn"_s, u"createdOn"_s}, false);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("revisions")));
    else if ((!query.appliedAfter.isEmpty() && !isIsoDate(query.appliedAfter)) ||
             (!query.appliedBefore.isEmpty() && !isIsoDate(query.appliedBefore)))
        failOnStart(badInput(tr("Applied dates must be given as YYYY-MM-DD"), tr("revisions")));
    setUrl(almUrl(transport, modelId, {u"revisions"_s}, q.query));
}

QList<Revision> ListRevisionsJob::revisions() const
{
    return detail::parseAll<Revision>(items());
}

GetLatestRevisionJob::GetLatestRevisionJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get latest revision"));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"latestRevision"_s});
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
}

ApiError GetLatestRevisionJob::parseJson(const QJsonObject &json)
{
    const QList<Revision> revisions = detail::parseArray<Revision>(json, "revisions"_L1);
    if (!revisions.isEmpty())
        m_revision = revisions.first();
    else if (json.value("revision"_L1).isObject())
        m_revision = Revision::fromJson(json.value("revision"_L1).toObject());
    return {};
}

ListSyncableRevisionsJob::ListSyncableRevisionsJob(Transport *transport, const QString &modelId,
                                                   const QString &sourceModelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("List syncable revisions"));
    QUrlQuery query;
    query.addQueryItem(u"sourceModelId"_s, sourceModelId);
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"syncableRevisions"_s}, query);
    request.object = tr("revisions of %1 for %2").arg(modelLabel(sourceModelId), modelLabel(modelId));
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{sourceModelId, tr("source model")}}); e.isError())
        failOnStart(e);
}

ApiError ListSyncableRevisionsJob::parseJson(const QJsonObject &json)
{
    m_revisions = detail::parseArray<Revision>(json, "revisions"_L1);
    return {};
}

CreateRevisionJob::CreateRevisionJob(Transport *transport, const QString &modelId, const QString &name,
                                     const QString &description, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Create revision"));
    QJsonObject body{{u"name"_s, name}};
    if (!description.isEmpty())
        body.insert(u"description"_s, description);
    ApiRequest request;
    request.method = "POST";
    request.url = almUrl(transport, modelId, {u"revisions"_s});
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.idempotency = Idempotency::NotRepeatable;
    request.object = tr("revision '%1' of %2").arg(name, modelLabel(modelId));
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (name.trimmed().isEmpty())
        failOnStart(badInput(tr("A revision needs a name"), modelLabel(modelId)));
    else if (name.size() > 60)
        failOnStart(
            badInput(tr("The revision name has %1 characters; at most 60 are allowed").arg(name.size()),
                     modelLabel(modelId)));
    else if (description.size() > 250)
        failOnStart(
            badInput(tr("The description has %1 characters; at most 250 are allowed").arg(description.size()),
                     modelLabel(modelId)));
}

ApiError CreateRevisionJob::parseJson(const QJsonObject &json)
{
    // The reference client reads "revision"; alm-openapi.json documents "revisions":[…]. Take either.
    if (json.value("revision"_L1).isObject()) {
        m_revision = Revision::fromJson(json.value("revision"_L1).toObject());
        return {};
    }
    const QList<Revision> revisions = detail::parseArray<Revision>(json, "revisions"_L1);
    if (revisions.isEmpty())
        return malformed(tr("no 'revision' in the answer"));
    m_revision = revisions.first();
    return {};
}

ListAppliedModelsJob::ListAppliedModelsJob(Transport *transport, const QString &modelId,
                                           const QString &revisionId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("List models of revision"));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"revisions"_s, revisionId, u"appliedToModels"_s});
    request.object = revisionLabel(revisionId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{revisionId, tr("revision")}}); e.isError())
        failOnStart(e);
}

ApiError ListAppliedModelsJob::parseJson(const QJsonObject &json)
{
    m_models = detail::parseArray<AppliedModel>(json, "appliedToModels"_L1);
    return {};
}

// --- tasks -------------------------------------------------------------------------------------------

ListSyncTasksJob::ListSyncTasksJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("List sync tasks"));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"syncTasks"_s});
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
}

ApiError ListSyncTasksJob::parseJson(const QJsonObject &json)
{
    m_tasks = detail::parseArray<AlmTask>(json, "tasks"_L1);
    return {};
}

CreateAlmTaskJob::CreateAlmTaskJob(Transport *transport, const QString &modelId, AlmTaskKind kind,
                                   const AlmTaskRequest &input, QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_kind(kind)
{
    setDescription(tr("Create %1").arg(almTaskKindNoun(kind)));
    ApiRequest request;
    request.method = "POST";
    request.url = almUrl(transport, modelId, {taskSegment(kind)});
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"sourceRevisionId"_s, input.sourceRevisionId},
                                             {u"sourceModelId"_s, input.sourceModelId},
                                             {u"targetRevisionId"_s, input.targetRevisionId}})
                       .toJson(QJsonDocument::Compact);
    request.idempotency = Idempotency::NotRepeatable;
    request.object = tr("%1 to %2").arg(revisionLabel(input.sourceRevisionId), modelLabel(modelId));
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{input.sourceRevisionId, tr("source revision")},
                                                       {input.sourceModelId, tr("source model")},
                                                       {input.targetRevisionId, tr("target revision")}});
        e.isError())
        failOnStart(e);
}

ApiError CreateAlmTaskJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("task"_L1);
    if (!value.isObject())
        return malformed(tr("no 'task' object"));
    m_task = AlmTask::fromJson(value.toObject());
    if (m_task.taskId.isEmpty())
        return malformed(tr("the task has no 'taskId'"));
    return {};
}

GetAlmTaskJob::GetAlmTaskJob(Transport *transport, const QString &modelId, AlmTaskKind kind,
                             const QString &taskId, QObject *parent)
    : ApiJob(transport, {}, parent)
    , m_kind(kind)
{
    setDescription(tr("Get %1").arg(almTaskKindNoun(kind)));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {taskSegment(kind), taskId});
    request.object = almTaskKindNoun(kind) + u' ' + taskId;
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {{taskId, tr("task")}}); e.isError())
        failOnStart(e);
}

ApiError GetAlmTaskJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("task"_L1);
    if (!value.isObject())
        return malformed(tr("no 'task' object"));
    m_task = AlmTask::fromJson(value.toObject());
    return {};
}

// --- reports -----------------------------------------------------------------------------------------

GetComparisonReportJob::GetComparisonReportJob(Transport *transport, const QString &modelId,
                                               const QString &targetRevisionId,
                                               const QString &sourceRevisionId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get comparison report"));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"comparisonReports"_s, targetRevisionId, sourceRevisionId});
    request.accept = "*/*"; // a TSV file
    request.object =
        tr("comparison of %1 with %2").arg(revisionLabel(sourceRevisionId), revisionLabel(targetRevisionId));
    setRequest(request);
    if (const ApiError e = detail::missingId(
            modelId, {{targetRevisionId, tr("target revision")}, {sourceRevisionId, tr("source revision")}});
        e.isError())
        failOnStart(e);
}

ApiError GetComparisonReportJob::parseBody(const QByteArray &)
{
    return {}; // the bytes stay in body()
}

GetSummaryReportJob::GetSummaryReportJob(Transport *transport, const QString &modelId,
                                         const QString &targetRevisionId, const QString &sourceRevisionId,
                                         QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get comparison summary"));
    ApiRequest request;
    request.url = almUrl(transport, modelId, {u"summaryReports"_s, targetRevisionId, sourceRevisionId});
    request.object =
        tr("summary of %1 against %2").arg(revisionLabel(sourceRevisionId), revisionLabel(targetRevisionId));
    setRequest(request);
    if (const ApiError e = detail::missingId(
            modelId, {{targetRevisionId, tr("target revision")}, {sourceRevisionId, tr("source revision")}});
        e.isError())
        failOnStart(e);
}

ApiError GetSummaryReportJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("summaryReport"_L1);
    if (!value.isObject())
        return malformed(tr("no 'summaryReport' object"));
    m_report = SummaryReport::fromJson(value.toObject());
    return {};
}

} // namespace anadesk
