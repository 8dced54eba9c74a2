#pragma once
// GET /2/0/workspaces (paged) and GET /2/0/workspaces/{id}; tenantDetails=true is always sent,
// without it sizeAllowance/currentSize are missing.
#include "ApiJob.h"
#include "ListQuery.h"
#include "PagedListJob.h"
#include "types/Workspace.h"

namespace anadesk {

class ListWorkspacesJob : public PagedListJob
{
    Q_OBJECT
public:
    // Sortable by name or sizeAllowance.
    ListWorkspacesJob(Transport *transport, const ListQuery &query = {}, QObject *parent = nullptr);
    QList<Workspace> workspaces() const;
};

class GetWorkspaceJob : public ApiJob
{
    Q_OBJECT
public:
    GetWorkspaceJob(Transport *transport, const QString &workspaceId, QObject *parent = nullptr);
    const Workspace &workspace() const { return m_workspace; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    Workspace m_workspace;
};

} // namespace anadesk
