#include "ScimJobs.h"

#include "api/ListHelpers.h"
#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <functional>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

namespace {
ApiRequest scimRequest(Transport *transport, const QByteArray &method, const QStringList &segments,
                       const QString &object, const QJsonObject &body = {}, const QUrlQuery &query = {})
{
    ApiRequest request;
    request.method = method;
    request.url = scimUrl(detail::endpointsOf(transport), segments, query);
    request.accept = kAccept;
    request.object = object;
    if (method != "GET") {
        request.contentType = kContentType;
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return request;
}

QString usersLabel()
{
    return QCoreApplication::translate("anadesk::scim", "SCIM users");
}

// A user answer must at least carry the id.
ApiError readUser(const QJsonObject &json, User *user,
                  const std::function<ApiError(const QString &)> &malformed)
{
    *user = User::fromJson(json);
    if (user->id.isEmpty())
        return malformed(QCoreApplication::translate("anadesk::scim", "no user id in the answer"));
    return {};
}

QString checkUserId(const QString &userId)
{
    if (userId.trimmed().isEmpty())
        return QCoreApplication::translate("anadesk::scim", "No user id given");
    return {};
}
} // namespace

GetServiceProviderConfigJob::GetServiceProviderConfigJob(Transport *transport, QObject *parent)
    : ApiJob(transport,
             scimRequest(transport, "GET", {u"ServiceProviderConfig"_s}, tr("SCIM service provider")), parent)
{
    setDescription(tr("Get the SCIM service provider configuration"));
}

ApiError GetServiceProviderConfigJob::parseJson(const QJsonObject &json)
{
    m_config = ServiceProviderConfig::fromJson(json);
    return {};
}

GetResourceTypesJob::GetResourceTypesJob(Transport *transport, QObject *parent)
    : ApiJob(transport, scimRequest(transport, "GET", {u"ResourceTypes"_s}, tr("SCIM resource types")),
             parent)
{
    setDescription(tr("List SCIM resource types"));
}

ApiError GetResourceTypesJob::parseJson(const QJsonObject &json)
{
    if (!json.value("Resources"_L1).isArray())
        return malformed(tr("no 'Resources' array"));
    for (const QJsonObject &o : json::objectList(json, "Resources"_L1))
        m_types.append(ResourceType::fromJson(o));
    return {};
}

GetSchemasJob::GetSchemasJob(Transport *transport, QObject *parent)
    : ApiJob(transport, scimRequest(transport, "GET", {u"Schemas"_s}, tr("SCIM schemas")), parent)
{
    setDescription(tr("List SCIM schemas"));
}

ApiError GetSchemasJob::parseJson(const QJsonObject &json)
{
    if (!json.value("Resources"_L1).isArray())
        return malformed(tr("no 'Resources' array"));
    for (const QJsonObject &o : json::objectList(json, "Resources"_L1))
        m_schemas.append(Schema::fromJson(o));
    return {};
}

ListUsersJob::ListUsersJob(Transport *transport, const Filter &filter, int pageSize, QObject *parent)
    : ScimPagedJob(transport, {}, pageSize, usersLabel(), parent)
    , m_filterText(filter.toString())
{
    setDescription(tr("List SCIM users"));
    QUrlQuery query;
    if (!filter.isValid())
        failOnStart(badInput(tr("Invalid user filter: %1").arg(filter.error()), usersLabel()));
    else if (!m_filterText.isEmpty())
        // QUrlQuery would leave '+', '&' and '#' ambiguous: percent-encode the whole expression ourselves.
        query.addQueryItem(u"filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_filterText)));
    setUrl(scimUrl(detail::endpointsOf(transport), {u"Users"_s}, query));
}

QStringList ListUsersJob::storePage(int pageIndex, const QJsonArray &resources)
{
    QList<User> users;
    QStringList ids;
    users.reserve(resources.size());
    ids.reserve(resources.size());
    for (const QJsonValue &value : resources) {
        users.append(User::fromJson(value.toObject()));
        ids.append(users.constLast().id);
    }
    putPage(m_pages, pageIndex, std::move(users));
    return ids;
}

void ListUsersJob::assemblePages()
{
    m_users = joinPages(m_pages);
}

GetUserJob::GetUserJob(Transport *transport, const QString &userId, QObject *parent)
    : ApiJob(transport, scimRequest(transport, "GET", {u"Users"_s, userId}, userLabel(userId)), parent)
{
    setDescription(tr("Get SCIM user"));
    if (const QString error = checkUserId(userId); !error.isEmpty())
        failOnStart(badInput(error));
}

ApiError GetUserJob::parseJson(const QJsonObject &json)
{
    return readUser(json, &m_user, [this](const QString &what) { return malformed(what); });
}

AddUserJob::AddUserJob(Transport *transport, const UserInput &input, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Add SCIM user"));
    ApiRequest request =
        scimRequest(transport, "POST", {u"Users"_s}, tr("SCIM user %1").arg(input.userName), input.toJson());
    request.idempotency = Idempotency::NotRepeatable;
    setRequest(request);
    if (const QString error = input.validationError(); !error.isEmpty())
        failOnStart(badInput(error, request.object));
}

ApiError AddUserJob::parseJson(const QJsonObject &json)
{
    return readUser(json, &m_user, [this](const QString &what) { return malformed(what); });
}

PutUserJob::PutUserJob(Transport *transport, const QString &userId, const UserInput &input, QObject *parent)
    : ApiJob(transport,
             scimRequest(transport, "PUT", {u"Users"_s, userId}, userLabel(userId), input.toJson(userId)),
             parent)
{
    setDescription(tr("Replace SCIM user"));
    if (const QString error = checkUserId(userId); !error.isEmpty())
        failOnStart(badInput(error));
    else if (const QString invalid = input.validationError(); !invalid.isEmpty())
        failOnStart(badInput(invalid, userLabel(userId)));
}

ApiError PutUserJob::parseJson(const QJsonObject &json)
{
    return readUser(json, &m_user, [this](const QString &what) { return malformed(what); });
}

PatchUserJob::PatchUserJob(Transport *transport, const QString &userId,
                           const QList<PatchOperation> &operations, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Update SCIM user"));
    ApiRequest request =
        scimRequest(transport, "PATCH", {u"Users"_s, userId}, userLabel(userId), patchBody(operations));
    request.idempotency = Idempotency::NotRepeatable; // PATCH is not idempotent in general
    setRequest(request);
    if (const QString error = checkUserId(userId); !error.isEmpty())
        failOnStart(badInput(error));
    else if (const QString invalid = patchValidationError(operations); !invalid.isEmpty())
        failOnStart(badInput(invalid, userLabel(userId)));
}

ApiError PatchUserJob::parseJson(const QJsonObject &json)
{
    return readUser(json, &m_user, [this](const QString &what) { return malformed(what); });
}

} // namespace anadesk::scim
