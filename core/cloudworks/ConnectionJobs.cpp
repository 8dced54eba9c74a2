#include "ConnectionJobs.h"

#include "api/ListHelpers.h"

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QList<QByteArray> secretValues(const QJsonObject &object)
{
    QList<QByteArray> out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        if (it->isObject()) {
            out += secretValues(it->toObject());
        } else if (it->isString() && !it->toString().isEmpty() &&
                   (key.contains("secret"_L1) || key.contains("token"_L1) || key.contains("key"_L1) ||
                    key.contains("password"_L1))) {
            out.append(it->toString().toUtf8());
        }
    }
    return out;
}
} // namespace

ListConnectionsJob::ListConnectionsJob(Transport *transport, QObject *parent)
    : PagedListJob(transport,
                   cloudWorksUrl(detail::endpointsOf(transport), {u"integrations"_s, u"connections"_s}),
                   u"connections"_s, tr("CloudWorks connections"), parent, u"connectionId"_s)
{
    setDescription(tr("List CloudWorks connections"));
}

QList<CloudConnection> ListConnectionsJob::connections() const
{
    return detail::parseAll<CloudConnection>(items());
}

CreateConnectionJob::CreateConnectionJob(Transport *transport, const CloudConnectionInput &input,
                                         QObject *parent)
    : CloudWorksJob(transport, "POST", {u"integrations"_s, u"connections"_s},
                    tr("connection '%1'").arg(input.name), parent, input.toJson(), Idempotency::NotRepeatable)
{
    setDescription(tr("Create CloudWorks connection"));
    holdSecrets(input.secrets());
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

ApiError CreateConnectionJob::parseJson(const QJsonObject &json)
{
    m_id = createdId(json, "connections"_L1, "connectionId"_L1);
    if (m_id.isEmpty())
        return malformed(tr("no connectionId in the answer"));
    return {};
}

UpdateConnectionJob::UpdateConnectionJob(Transport *transport, const QString &connectionId,
                                         const CloudConnectionInput &input, QObject *parent)
    : CloudWorksJob(transport, "PUT", {u"integrations"_s, u"connections"_s, connectionId},
                    connectionLabel(connectionId), parent, input.body())
{
    setDescription(tr("Update CloudWorks connection"));
    holdSecrets(input.secrets());
    requireId(connectionId, tr("connection"));
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request().object));
}

PatchConnectionJob::PatchConnectionJob(Transport *transport, const QString &connectionId,
                                       const QJsonObject &fields, QObject *parent)
    : CloudWorksJob(transport, "PATCH", {u"integrations"_s, u"connections"_s, connectionId},
                    connectionLabel(connectionId), parent, fields)
{
    setDescription(tr("Patch CloudWorks connection"));
    holdSecrets(secretValues(fields));
    requireId(connectionId, tr("connection"));
    if (fields.isEmpty())
        failOnStart(badInput(tr("Nothing to change: give at least one field"), request().object));
}

DeleteConnectionJob::DeleteConnectionJob(Transport *transport, const QString &connectionId, QObject *parent)
    : CloudWorksJob(transport, "DELETE", {u"integrations"_s, u"connections"_s, connectionId},
                    connectionLabel(connectionId), parent)
{
    setDescription(tr("Delete CloudWorks connection"));
    requireId(connectionId, tr("connection"));
}

} // namespace anadesk::cloudworks
