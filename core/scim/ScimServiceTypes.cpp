#include "ScimServiceTypes.h"

#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk::scim {

namespace {
bool supported(const QJsonObject &object, QLatin1StringView key)
{
    return json::boolean(object.value(key).toObject(), "supported"_L1);
}
} // namespace

AuthenticationScheme AuthenticationScheme::fromJson(const QJsonObject &object)
{
    AuthenticationScheme s;
    s.name = json::string(object, "name"_L1);
    s.type = json::string(object, "type"_L1);
    s.description = json::string(object, "description"_L1);
    s.specUri = json::string(object, "specUri"_L1);
    s.documentationUri = json::string(object, "documentationUri"_L1);
    return s;
}

ServiceProviderConfig ServiceProviderConfig::fromJson(const QJsonObject &object)
{
    ServiceProviderConfig c;
    c.schemas = json::stringList(object, "schemas"_L1);
    c.documentationUri = json::string(object, "documentationUri"_L1);
    c.patchSupported = supported(object, "patch"_L1);
    c.changePasswordSupported = supported(object, "changePassword"_L1);
    c.sortSupported = supported(object, "sort"_L1);
    c.etagSupported = supported(object, "etag"_L1);
    const QJsonObject bulk = object.value("bulk"_L1).toObject();
    c.bulkSupported = json::boolean(bulk, "supported"_L1);
    c.bulkMaxOperations = int(json::int64(bulk, "maxOperations"_L1));
    c.bulkMaxPayloadSize = json::int64(bulk, "maxPayloadSize"_L1);
    const QJsonObject filter = object.value("filter"_L1).toObject();
    c.filterSupported = json::boolean(filter, "supported"_L1);
    c.filterMaxResults = int(json::int64(filter, "maxResults"_L1));
    for (const QJsonObject &s : json::objectList(object, "authenticationSchemes"_L1))
        c.authenticationSchemes.append(AuthenticationScheme::fromJson(s));
    return c;
}

ResourceType ResourceType::fromJson(const QJsonObject &object)
{
    ResourceType r;
    r.id = json::string(object, "id"_L1);
    r.name = json::string(object, "name"_L1);
    r.endpoint = json::string(object, "endpoint"_L1);
    r.description = json::string(object, "description"_L1);
    r.schema = json::string(object, "schema"_L1);
    r.schemas = json::stringList(object, "schemas"_L1);
    r.location = json::string(object.value("meta"_L1).toObject(), "location"_L1);
    return r;
}

SchemaAttribute SchemaAttribute::fromJson(const QJsonObject &object)
{
    SchemaAttribute a;
    a.name = json::string(object, "name"_L1);
    a.type = json::string(object, "type"_L1);
    a.multiValued = json::boolean(object, "multiValued"_L1);
    a.description = json::string(object, "description"_L1);
    a.required = json::boolean(object, "required"_L1);
    a.caseExact = json::boolean(object, "caseExact"_L1);
    a.mutability = json::string(object, "mutability"_L1);
    a.returned = json::string(object, "returned"_L1);
    a.uniqueness = json::string(object, "uniqueness"_L1);
    for (const QJsonObject &sub : json::objectList(object, "subAttributes"_L1))
        a.subAttributes.append(SchemaAttribute::fromJson(sub));
    return a;
}

Schema Schema::fromJson(const QJsonObject &object)
{
    Schema s;
    s.id = json::string(object, "id"_L1);
    s.name = json::string(object, "name"_L1);
    s.description = json::string(object, "description"_L1);
    for (const QJsonObject &a : json::objectList(object, "attributes"_L1))
        s.attributes.append(SchemaAttribute::fromJson(a));
    s.location = json::string(object.value("meta"_L1).toObject(), "location"_L1);
    return s;
}

} // namespace anadesk::scim
