#pragma once
// CloudWorks integration flows (anaplan-api.md §11, the reference client's cw.flows):
//   GET    integrationflows?myIntegrations=0|1 (paged) → ListFlowsJob
//   GET    integrationflows/{id}                      → GetFlowJob
//   POST   integrationflows                           → CreateFlowJob (→ integrationFlowId)
//   PUT    integrationflows/{id}                      → UpdateFlowJob (full replacement)
//   DELETE integrationflows/{id}                      → DeleteFlowJob
//   POST   integrationflows/{id}/run [{"stepsToRun":[…]}] → RunFlowJob (→ run id; never re-sent blindly)
#include "CloudWorksFlow.h"
#include "CloudWorksJob.h"
#include "api/PagedListJob.h"

namespace anadesk::cloudworks {

class ListFlowsJob : public PagedListJob
{
    Q_OBJECT
public:
    ListFlowsJob(Transport *transport, bool currentUserOnly = false, QObject *parent = nullptr);
    QList<Flow> flows() const;
};

class GetFlowJob : public CloudWorksJob
{
    Q_OBJECT
public:
    GetFlowJob(Transport *transport, const QString &flowId, QObject *parent = nullptr);
    const Flow &flow() const { return m_flow; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Flow m_flow;
};

class CreateFlowJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CreateFlowJob(Transport *transport, const FlowInput &input, QObject *parent = nullptr);
    QString flowId() const { return m_id; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_id;
};

class UpdateFlowJob : public CloudWorksJob
{
    Q_OBJECT
public:
    UpdateFlowJob(Transport *transport, const QString &flowId, const FlowInput &input,
                  QObject *parent = nullptr);
};

class DeleteFlowJob : public CloudWorksJob
{
    Q_OBJECT
public:
    DeleteFlowJob(Transport *transport, const QString &flowId, QObject *parent = nullptr);
};

// onlySteps: the integration ids (step referrers) to run; empty: every step that is not skipped.
class RunFlowJob : public CloudWorksJob
{
    Q_OBJECT
public:
    RunFlowJob(Transport *transport, const QString &flowId, const QStringList &onlySteps = {},
               QObject *parent = nullptr);
    QString runId() const { return m_runId; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_runId;
};

} // namespace anadesk::cloudworks
