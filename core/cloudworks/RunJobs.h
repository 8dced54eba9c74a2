#pragma once
// CloudWorks runs (anaplan-api.md §11):
//   GET integrations/runs/{integrationId} (paged; newest first)   → ListRunHistoryJob (history_of_runs.runs)
//   GET integrations/run/{runId}                                  → GetRunStatusJob
//   GET integrations/runerror/{runId}                             → GetRunErrorJob (none: hasError() false)
//   GET integrations/run/{runId}/dumps                            → GetImportErrorDumpJob (CSV bytes)
//   GET integrations/run/{runId}/process/import/{actionId}/dumps  → GetProcessErrorDumpJob (CSV bytes)
// A dump exists only for a finished run whose import rejected rows; otherwise Anaplan answers 404, which
// these jobs report as "no error dump for this run".
#include "CloudWorksJob.h"
#include "CloudWorksRun.h"
#include "api/PagedListJob.h"

namespace anadesk::cloudworks {

class ListRunHistoryJob : public PagedListJob
{
    Q_OBJECT
public:
    ListRunHistoryJob(Transport *transport, const QString &integrationId, QObject *parent = nullptr);
    QList<RunSummary> runs() const;

protected:
    QList<QJsonObject> itemsOf(const QJsonObject &envelope) const override;
};

class GetRunStatusJob : public CloudWorksJob
{
    Q_OBJECT
public:
    GetRunStatusJob(Transport *transport, const QString &runId, QObject *parent = nullptr);
    const RunStatus &status() const { return m_status; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    RunStatus m_status;
};

class GetRunErrorJob : public CloudWorksJob
{
    Q_OBJECT
public:
    GetRunErrorJob(Transport *transport, const QString &runId, QObject *parent = nullptr);
    // False for a run without errors (Anaplan sends "runs": {}), still running, or cancelled.
    bool hasError() const { return m_error.has_value(); }
    const std::optional<RunError> &runError() const { return m_error; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    std::optional<RunError> m_error;
};

class GetErrorDumpJob : public CloudWorksJob
{
    Q_OBJECT
public:
    const QByteArray &data() const { return body(); }

protected:
    GetErrorDumpJob(Transport *transport, const QStringList &segments, const QString &object,
                    QObject *parent);
    ApiError parseBody(const QByteArray &body) override;
};

class GetImportErrorDumpJob : public GetErrorDumpJob
{
    Q_OBJECT
public:
    GetImportErrorDumpJob(Transport *transport, const QString &runId, QObject *parent = nullptr);
};

// actionId: the import inside the process (RunError's errorMessages[].actionId).
class GetProcessErrorDumpJob : public GetErrorDumpJob
{
    Q_OBJECT
public:
    GetProcessErrorDumpJob(Transport *transport, const QString &runId, const QString &actionId,
                           QObject *parent = nullptr);
};

} // namespace anadesk::cloudworks
