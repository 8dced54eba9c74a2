#include "ScimSchemas.h"

#include <QJsonArray>

namespace sandbox::scim {

namespace {

const QString kUserSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
// A fixed date: the documents describe the service, not the run.
const QString kServiceDate = QStringLiteral("2021-06-01T00:00:00.000Z");

QJsonObject attribute(const QString &name, const QString &type, const QString &description, bool required,
                      bool caseExact, const QString &mutability, const QString &uniqueness = QStringLiteral("none"),
                      bool multiValued = false, const QJsonArray &subAttributes = {})
{
    QJsonObject a{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("multiValued"), multiValued},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("required"), required},
                  {QStringLiteral("caseExact"), caseExact},
                  {QStringLiteral("mutability"), mutability},
                  {QStringLiteral("returned"), QStringLiteral("default")},
                  {QStringLiteral("uniqueness"), uniqueness}};
    if (!subAttributes.isEmpty())
        a.insert(QStringLiteral("subAttributes"), subAttributes);
    return a;
}

QJsonObject listResponse(const QJsonArray &resources)
{
    return {{QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse")}},
            {QStringLiteral("totalResults"), resources.size()},
            {QStringLiteral("itemsPerPage"), resources.size()},
            {QStringLiteral("startIndex"), 1},
            {QStringLiteral("Resources"), resources}};
}

} // namespace

QJsonObject serviceProviderConfig(const QString &baseUrl)
{
    const auto supported = [](bool yes) { return QJsonObject{{QStringLiteral("supported"), yes}}; };
    return {
        {QStringLiteral("schemas"),
         QJsonArray{QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig")}},
        {QStringLiteral("documentationUri"),
         QStringLiteral("https://help.anaplan.com/scim-api-for-user-management")},
        {QStringLiteral("patch"), supported(true)},
        {QStringLiteral("bulk"), QJsonObject{{QStringLiteral("supported"), false},
                                             {QStringLiteral("maxOperations"), 0},
                                             {QStringLiteral("maxPayloadSize"), 0}}},
        {QStringLiteral("filter"),
         QJsonObject{{QStringLiteral("supported"), true}, {QStringLiteral("maxResults"), 100}}},
        {QStringLiteral("changePassword"), supported(false)},
        {QStringLiteral("sort"), supported(false)},
        {QStringLiteral("etag"), supported(false)},
        {QStringLiteral("authenticationSchemes"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("AnaplanAuthToken")},
                                {QStringLiteral("type"), QStringLiteral("oauthbearertoken")},
                                {QStringLiteral("description"),
                                 QStringLiteral("Authorization: AnaplanAuthToken <token from auth.anaplan.com>")},
                                {QStringLiteral("specUri"), QStringLiteral("https://www.rfc-editor.org/rfc/rfc6750")},
                                {QStringLiteral("documentationUri"),
                                 QStringLiteral("https://help.anaplan.com/authentication-api")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("HTTP Basic")},
                                {QStringLiteral("type"), QStringLiteral("httpbasic")},
                                {QStringLiteral("description"), QStringLiteral("Basic e-mail and password")},
                                {QStringLiteral("specUri"), QStringLiteral("https://www.rfc-editor.org/rfc/rfc7617")},
                                {QStringLiteral("documentationUri"),
                                 QStringLiteral("https://help.anaplan.com/authentication-api")}}}},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("ServiceProviderConfig")},
                                             {QStringLiteral("location"), QString(baseUrl + QStringLiteral("/ServiceProviderConfig"))},
                                             {QStringLiteral("created"), kServiceDate},
                                             {QStringLiteral("lastModified"), kServiceDate}}}};
}

QJsonObject resourceTypes(const QString &baseUrl)
{
    return listResponse(QJsonArray{QJsonObject{
        {QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:ResourceType")}},
        {QStringLiteral("id"), QStringLiteral("User")},
        {QStringLiteral("name"), QStringLiteral("User")},
        {QStringLiteral("endpoint"), QStringLiteral("/Users")},
        {QStringLiteral("description"), QStringLiteral("Anaplan internal user (visiting users are excluded)")},
        {QStringLiteral("schema"), kUserSchema},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("ResourceType")},
                                             {QStringLiteral("location"), QString(baseUrl + QStringLiteral("/ResourceTypes/User"))}}}}});
}

QJsonObject schemas(const QString &baseUrl)
{
    const QString readWrite = QStringLiteral("readWrite");
    const QString readOnly = QStringLiteral("readOnly");
    const QJsonArray name{
        attribute(QStringLiteral("familyName"), QStringLiteral("string"), QStringLiteral("Last name"), true, false, readWrite),
        attribute(QStringLiteral("givenName"), QStringLiteral("string"), QStringLiteral("First name"), true, false, readWrite),
        attribute(QStringLiteral("formatted"), QStringLiteral("string"), QStringLiteral("Given and family name"), false,
                  false, readOnly)};
    const QJsonArray email{
        attribute(QStringLiteral("value"), QStringLiteral("string"), QStringLiteral("E-mail address"), false, false, readOnly),
        attribute(QStringLiteral("type"), QStringLiteral("string"), QStringLiteral("Only 'work'"), false, false, readOnly),
        attribute(QStringLiteral("primary"), QStringLiteral("boolean"), QStringLiteral("Always true"), false, false, readOnly)};
    const QJsonArray entitlement{
        attribute(QStringLiteral("value"), QStringLiteral("string"),
                  QStringLiteral("Workspace id (WORKSPACE), comma-separated ids or names"), true, true, readWrite),
        attribute(QStringLiteral("display"), QStringLiteral("string"), QStringLiteral("Workspace name"), false, false,
                  readOnly),
        attribute(QStringLiteral("type"), QStringLiteral("string"),
                  QStringLiteral("WORKSPACE, WORKSPACE_IDS or WORKSPACE_NAMES"), false, true, readWrite),
        attribute(QStringLiteral("primary"), QStringLiteral("boolean"), QStringLiteral("Not used"), false, false, readOnly)};
    const QJsonArray attributes{
        attribute(QStringLiteral("id"), QStringLiteral("string"), QStringLiteral("Anaplan user id (32 hex digits)"), false,
                  true, readOnly, QStringLiteral("server")),
        attribute(QStringLiteral("externalId"), QStringLiteral("string"), QStringLiteral("Identifier of the provisioning client"),
                  false, true, readWrite),
        attribute(QStringLiteral("userName"), QStringLiteral("string"), QStringLiteral("E-mail address; read-only after creation"),
                  true, false, QStringLiteral("immutable"), QStringLiteral("server")),
        attribute(QStringLiteral("name"), QStringLiteral("complex"), QStringLiteral("The user's name"), true, false, readWrite,
                  QStringLiteral("none"), false, name),
        attribute(QStringLiteral("displayName"), QStringLiteral("string"), QStringLiteral("Given and family name"), false,
                  false, readOnly),
        attribute(QStringLiteral("active"), QStringLiteral("boolean"), QStringLiteral("Whether the user can log in"), false,
                  false, readWrite),
        attribute(QStringLiteral("emails"), QStringLiteral("complex"), QStringLiteral("The work e-mail (the userName)"), false,
                  false, readOnly, QStringLiteral("none"), true, email),
        attribute(QStringLiteral("entitlements"), QStringLiteral("complex"),
                  QStringLiteral("Workspaces the user may access (at most 50 per call)"), false, false, readWrite,
                  QStringLiteral("none"), true, entitlement)};
    return listResponse(QJsonArray{QJsonObject{
        {QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:Schema")}},
        {QStringLiteral("id"), kUserSchema},
        {QStringLiteral("name"), QStringLiteral("User")},
        {QStringLiteral("description"), QStringLiteral("Anaplan user")},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Schema")},
                                             {QStringLiteral("location"), QString(baseUrl + QStringLiteral("/Schemas/") + kUserSchema)}}}}});
}

} // namespace sandbox::scim
