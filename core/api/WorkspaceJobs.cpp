#include "WorkspaceJobs.h"

#include "ListHelpers.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QUrlQuery tenantDetails()
{
    QUrlQuery query;
    query.addQueryItem(u"tenantDetails"_s, u"true"_s);
    return query;
}
} // namespace

ListWorkspacesJob::ListWorkspacesJob(Transport *transport, const ListQuery &query, QObject *parent)
    : PagedListJob(transport, {}, u"workspaces"_s, QCoreApplication::translate("anadesk", "workspaces"), parent)
{
    setDescription(tr("List workspaces"));
    const auto q = detail::listQuery(tenantDetails(), query, {u"name"_s, u"sizeAllowance"_s}, true);
    if (!q.error.isEmpty())
        failOnStart(badInput(q.error, tr("workspaces")));
    setUrl(apiUrl(detail::endpointsOf(transport), {u"workspaces"_s}, q.query));
}

QList<Workspace> ListWorkspacesJob::workspaces() const
{
    return detail::parseAll<Workspace>(items());
}

GetWorkspaceJob::GetWorkspaceJob(Transport *transport, const QString &workspaceId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get workspace"));
    ApiRequest request;
    request.url = apiUrl(detail::endpointsOf(transport), {u"workspaces"_s, workspaceId}, tenantDetails());
    request.object = workspaceLabel(workspaceId);
    setRequest(request);
    if (workspaceId.isEmpty())
        failOnStart(badInput(tr("No workspace selected"), {}, tr("Give a workspace id or name.")));
}

ApiError GetWorkspaceJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("workspace"_L1);
    if (!value.isObject())
        return malformed(tr("no 'workspace' object"));
    m_workspace = Workspace::fromJson(value.toObject());
    return {};
}

} // namespace anadesk
