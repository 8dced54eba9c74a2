#pragma once
// Models: list (all, or one workspace's), get one, bulk delete, and the runtime calls status, open
// and close. modelDetails=true is always sent (without it most Model fields are missing).
#include "ApiJob.h"
#include "BulkPaths.h"
#include "ListQuery.h"
#include "PagedListJob.h"
#include "types/Model.h"
#include "types/ModelDeletionResult.h"
#include "types/ModelStatus.h"

#include <QStringList>

namespace anadesk {

// GET /2/0/models or /2/0/workspaces/{ws}/models (paged). Sortable by name or activeState.
class ListModelsJob : public PagedListJob
{
    Q_OBJECT
public:
    // workspaceId empty: every model the user can see.
    ListModelsJob(Transport *transport, const QString &workspaceId, const ListQuery &query = {},
                  QObject *parent = nullptr);
    QList<Model> models() const;
};

// GET /2/0/models/{id}?modelDetails=true (includes modelTransactionRunning).
class GetModelJob : public ApiJob
{
    Q_OBJECT
public:
    GetModelJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    const Model &model() const { return m_model; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Model m_model;
};

// POST /2/0/workspaces/{ws}/bulkDeleteModels {"modelIdsToDelete":[…]}. Models must be closed first;
// one failing deletion does not stop the others (see result().failures). Never re-sent blindly.
class DeleteModelsJob : public ApiJob
{
    Q_OBJECT
public:
    DeleteModelsJob(Transport *transport, const QString &workspaceId, const QStringList &modelIds,
                    QObject *parent = nullptr);
    const ModelDeletionResult &result() const { return m_result; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ModelDeletionResult m_result;
};

// GET /2/0/models/{id}/status → requestStatus (this answer has no meta/status envelope).
class GetModelStatusJob : public ApiJob
{
    Q_OBJECT
public:
    GetModelStatusJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    const ModelStatus &status() const { return m_status; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ModelStatus m_status;
};

// POST /2/0/models/{id}/open or /close with Content-Type application/text and no body. Both return
// before the transition ends; follow with GetModelStatusJob. Workspace-administrator rights needed.
class ModelPowerJob : public ApiJob
{
    Q_OBJECT
public:
    enum class Operation { Open, Close };
    ModelPowerJob(Transport *transport, const QString &modelId, Operation operation, QObject *parent = nullptr);
    Operation operation() const { return m_operation; }
    // Open only: the model was already open (Anaplan answers 424; the reference SDK treats it so).
    bool wasAlreadyOpen() const { return m_operation == Operation::Open && httpStatus() == 424; }

protected:
    ApiError parseBody(const QByteArray &body) override; // empty or ignored
    bool acceptsErrorStatus(int httpStatus) const override
    {
        return m_operation == Operation::Open && httpStatus == 424;
    }

private:
    Operation m_operation;
};

} // namespace anadesk
