#include "ScimRoutes.h"

#include "ScimSchemas.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox {

namespace {

using scim::ScimDirectory;
using scim::ScimFailure;

const QString kPrefix = QStringLiteral("/scim/1/0/v2");

QString baseUrl(const HttpRequest &request)
{
    const QByteArray host = request.header("host");
    return QStringLiteral("http://") + QString::fromLatin1(host.isEmpty() ? QByteArray("127.0.0.1") : host) + kPrefix;
}

HttpResponse scimJson(int status, const QJsonObject &object)
{
    return HttpResponse::bytes(status, QJsonDocument(object).toJson(QJsonDocument::Compact),
                               "application/scim+json");
}

HttpResponse scimError(int status, const QString &scimType, const QString &detail)
{
    QJsonObject body{{QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error")}},
                     {QStringLiteral("status"), QString::number(status)},
                     {QStringLiteral("detail"), detail}};
    if (!scimType.isEmpty())
        body.insert(QStringLiteral("scimType"), scimType);
    return scimJson(status, body);
}

HttpResponse scimError(const ScimFailure &f)
{
    return scimError(f.status, f.scimType, f.detail);
}

bool scimBody(const HttpRequest &request, QJsonObject *object, HttpResponse *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = scimError(400, QStringLiteral("invalidSyntax"),
                           request.body.trimmed().isEmpty()
                               ? QStringLiteral("The request needs a JSON object body.")
                               : QStringLiteral("The body is not a JSON object: %1.").arg(parseError.errorString()));
        return false;
    }
    *object = doc.object();
    return true;
}

// A query integer: absent -> fallback; not a whole number -> error.
bool queryInteger(const HttpRequest &request, const QString &key, qint64 fallback, qint64 *value,
                  HttpResponse *error)
{
    if (!request.hasQuery(key)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    const QString text = request.queryValue(key);
    *value = text.trimmed().toLongLong(&ok);
    if (!ok) {
        *error = scimError(400, QStringLiteral("invalidValue"),
                           QStringLiteral("%1 must be a whole number (got '%2').").arg(key, text));
        return false;
    }
    return true;
}

HttpResponse listUsers(ScimDirectory &directory, const HttpRequest &request)
{
    HttpResponse error;
    qint64 startIndex = 1;
    qint64 count = ScimDirectory::kMaxCount;
    if (!queryInteger(request, QStringLiteral("startIndex"), 1, &startIndex, &error) ||
        !queryInteger(request, QStringLiteral("count"), ScimDirectory::kMaxCount, &count, &error))
        return error;
    // RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0. Anaplan rejects count > 100
    // (anaplan-api.md §12: "values above 100 will error").
    startIndex = std::max<qint64>(1, startIndex);
    count = std::max<qint64>(0, count);
    if (count > ScimDirectory::kMaxCount)
        return scimError(400, QStringLiteral("invalidValue"),
                         QStringLiteral("count %1 is above the maximum of %2 users per call; page with startIndex.")
                             .arg(count)
                             .arg(ScimDirectory::kMaxCount));
    ScimDirectory::Page page;
    if (ScimFailure f = directory.list(request.queryValue(QStringLiteral("filter")), request.hasQuery(QStringLiteral("filter")),
                                       startIndex, count, baseUrl(request), &page))
        return scimError(f);
    QJsonArray resources;
    for (const QJsonObject &user : std::as_const(page.resources))
        resources.append(user);
    return scimJson(200, {{QStringLiteral("schemas"),
                           QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse")}},
                          {QStringLiteral("totalResults"), double(page.totalResults)},
                          {QStringLiteral("itemsPerPage"), resources.size()},
                          {QStringLiteral("startIndex"), double(page.startIndex)},
                          {QStringLiteral("Resources"), resources}});
}

} // namespace

void registerScimRoutes(Router &router, ScimDirectory &directory)
{
    router.add("GET", kPrefix + QStringLiteral("/ServiceProviderConfig"),
               [](const HttpRequest &request, const RouteMatch &) {
                   return scimJson(200, scim::serviceProviderConfig(baseUrl(request)));
               });
    router.add("GET", kPrefix + QStringLiteral("/ResourceTypes"), [](const HttpRequest &request, const RouteMatch &) {
        return scimJson(200, scim::resourceTypes(baseUrl(request)));
    });
    router.add("GET", kPrefix + QStringLiteral("/Schemas"), [](const HttpRequest &request, const RouteMatch &) {
        return scimJson(200, scim::schemas(baseUrl(request)));
    });
    router.add("GET", kPrefix + QStringLiteral("/Users"), [&directory](const HttpRequest &request, const RouteMatch &) {
        return listUsers(directory, request);
    });
    router.add("GET", kPrefix + QStringLiteral("/Users/{id}"),
               [&directory](const HttpRequest &request, const RouteMatch &match) {
                   QJsonObject user;
                   if (ScimFailure f = directory.get(match.param(QStringLiteral("id")), baseUrl(request), &user))
                       return scimError(f);
                   return scimJson(200, user);
               });
    router.add("POST", kPrefix + QStringLiteral("/Users"), [&directory](const HttpRequest &request, const RouteMatch &) {
        QJsonObject body;
        HttpResponse error;
        if (!scimBody(request, &body, &error))
            return error;
        QJsonObject user;
        if (ScimFailure f = directory.create(body, request.user, baseUrl(request), &user))
            return scimError(f);
        HttpResponse response = scimJson(201, user);
        response.setHeader("Location", user.value(QStringLiteral("meta"))
                                           .toObject()
                                           .value(QStringLiteral("location"))
                                           .toString()
                                           .toUtf8());
        return response;
    });
    router.add("PUT", kPrefix + QStringLiteral("/Users/{id}"),
               [&directory](const HttpRequest &request, const RouteMatch &match) {
                   QJsonObject body;
                   HttpResponse error;
                   if (!scimBody(request, &body, &error))
                       return error;
                   QJsonObject user;
                   if (ScimFailure f = directory.replace(match.param(QStringLiteral("id")), body, request.user,
                                                         baseUrl(request), &user))
                       return scimError(f);
                   return scimJson(200, user);
               });
    router.add("PATCH", kPrefix + QStringLiteral("/Users/{id}"),
               [&directory](const HttpRequest &request, const RouteMatch &match) {
                   QJsonObject body;
                   HttpResponse error;
                   if (!scimBody(request, &body, &error))
                       return error;
                   QJsonObject user;
                   if (ScimFailure f = directory.patch(match.param(QStringLiteral("id")), body, request.user,
                                                       baseUrl(request), &user))
                       return scimError(f);
                   return scimJson(200, user);
               });
}

} // namespace sandbox
