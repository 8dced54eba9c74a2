#include "RunJobs.h"

#include "api/ListHelpers.h"
#include "types/JsonRead.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

ListRunHistoryJob::ListRunHistoryJob(Transport *transport, const QString &integrationId, QObject *parent)
    : PagedListJob(
          transport,
          cloudWorksUrl(detail::endpointsOf(transport), {u"integrations"_s, u"runs"_s, integrationId}),
          u"history_of_runs"_s, tr("run history of %1").arg(integrationLabel(integrationId)), parent)
{
    setDescription(tr("Get run history"));
    if (integrationId.trimmed().isEmpty())
        failOnStart(badInput(tr("No integration id given")));
}

QList<QJsonObject> ListRunHistoryJob::itemsOf(const QJsonObject &envelope) const
{
    // {"history_of_runs": {…integration…, "runs": [ … ]}}
    return json::objectList(envelope.value(listKey()).toObject(), "runs"_L1);
}

QList<RunSummary> ListRunHistoryJob::runs() const
{
    return detail::parseAll<RunSummary>(items());
}

GetRunStatusJob::GetRunStatusJob(Transport *transport, const QString &runId, QObject *parent)
    : CloudWorksJob(transport, "GET", {u"integrations"_s, u"run"_s, runId}, runLabel(runId), parent)
{
    setDescription(tr("Get run status"));
    requireId(runId, tr("run"));
}

ApiError GetRunStatusJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("run"_L1);
    if (!value.isObject())
        return malformed(tr("no 'run' object"));
    m_status = RunStatus::fromJson(value.toObject());
    return {};
}

GetRunErrorJob::GetRunErrorJob(Transport *transport, const QString &runId, QObject *parent)
    : CloudWorksJob(transport, "GET", {u"integrations"_s, u"runerror"_s, runId}, runLabel(runId), parent)
{
    setDescription(tr("Get run error"));
    requireId(runId, tr("run"));
}

ApiError GetRunErrorJob::parseJson(const QJsonObject &json)
{
    // The reference client reads an object; the spec shows an array. Either, empty meaning "no error".
    const QJsonValue runs = json.value("runs"_L1);
    QJsonObject object;
    if (runs.isObject())
        object = runs.toObject();
    else if (runs.isArray() && !runs.toArray().isEmpty())
        object = runs.toArray().first().toObject();
    if (!object.isEmpty())
        m_error = RunError::fromJson(object);
    return {};
}

GetErrorDumpJob::GetErrorDumpJob(Transport *transport, const QStringList &segments, const QString &object,
                                 QObject *parent)
    : CloudWorksJob(transport, "GET", segments, object, parent)
{
    ApiRequest r = request();
    r.accept = "text/csv, application/octet-stream, */*";
    setRequest(r);
}

ApiError GetErrorDumpJob::parseBody(const QByteArray &)
{
    return {}; // raw CSV kept as it is
}

GetImportErrorDumpJob::GetImportErrorDumpJob(Transport *transport, const QString &runId, QObject *parent)
    : GetErrorDumpJob(transport, {u"integrations"_s, u"run"_s, runId, u"dumps"_s},
                      tr("error dump of %1").arg(runLabel(runId)), parent)
{
    setDescription(tr("Download the import error dump"));
    requireId(runId, tr("run"));
}

GetProcessErrorDumpJob::GetProcessErrorDumpJob(Transport *transport, const QString &runId,
                                               const QString &actionId, QObject *parent)
    : GetErrorDumpJob(transport,
                      {u"integrations"_s, u"run"_s, runId, u"process"_s, u"import"_s, actionId, u"dumps"_s},
                      tr("error dump of import %1 in %2").arg(actionId, runLabel(runId)), parent)
{
    setDescription(tr("Download the process error dump"));
    requireId(runId, tr("run"));
    requireId(actionId, tr("import (action)"));
}

} // namespace anadesk::cloudworks
