#include "AdminApi.h"

#include "FaultInjector.h"
#include "RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sandbox {

AdminApi::AdminApi(FaultInjector &faults, RequestLog &log, std::function<QStringList()> apiRouteNames)
    : m_faults(faults)
    , m_log(log)
    , m_apiRouteNames(std::move(apiRouteNames))
{}

bool AdminApi::isAdminPath(const QStringList &segments)
{
    return !segments.isEmpty() && segments.constFirst() == QLatin1String("__sandbox");
}

bool AdminApi::isControlPath(const QStringList &segments)
{
    return isAdminPath(segments) && segments.size() >= 2 &&
           (segments.at(1) == QLatin1String("faults") || segments.at(1) == QLatin1String("requests") ||
            segments.at(1) == QLatin1String("routes"));
}

bool AdminApi::addRules(const QJsonValue &value, QList<int> *ids, QString *error)
{
    QJsonArray array;
    if (value.isArray())
        array = value.toArray();
    else if (value.isObject() && value.toObject().value(QStringLiteral("rules")).isArray())
        array = value.toObject().value(QStringLiteral("rules")).toArray();
    else if (value.isObject())
        array.append(value);
    else {
        *error =
            QStringLiteral("a fault rule must be a JSON object, an array of them, or {\"rules\": [...]}");
        return false;
    }
    QList<FaultRule> rules;
    for (qsizetype i = 0; i < array.size(); ++i) {
        FaultRule rule;
        if (!array.at(i).isObject()) {
            *error = QStringLiteral("fault rule %1 is not a JSON object").arg(i + 1);
            return false;
        }
        if (!FaultRule::fromJson(array.at(i).toObject(), &rule, error)) {
            if (array.size() > 1)
                *error = QStringLiteral("fault rule %1: %2").arg(i + 1).arg(*error);
            return false;
        }
        rules.append(rule);
    }
    for (FaultRule &rule : rules)
        ids->append(m_faults.add(std::move(rule)));
    return true;
}

void AdminApi::registerRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/__sandbox/faults"), [this](const HttpRequest &, const RouteMatch &) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("rules"), m_faults.toJson()}});
    });
    router.add("POST", QStringLiteral("/__sandbox/faults"),
               [this](const HttpRequest &request, const RouteMatch &) {
                   QJsonParseError parseError{};
                   const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
                   if (document.isNull())
                       return HttpResponse::v2Error(
                           400, QStringLiteral("The body is not JSON: %1.").arg(parseError.errorString()),
                           request.path());
                   QList<int> ids;
                   QString error;
                   const QJsonValue value =
                       document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
                   if (!addRules(value, &ids, &error))
                       return HttpResponse::v2Error(
                           400, QStringLiteral("No fault rule was added: %1.").arg(error), request.path());
                   QJsonArray added;
                   const QJsonArray all = m_faults.toJson();
                   for (const QJsonValue &rule : all) {
                       if (ids.contains(rule.toObject().value(QStringLiteral("id")).toInt()))
                           added.append(rule);
                   }
                   return HttpResponse::json(201, QJsonObject{{QStringLiteral("rules"), added}});
               });
    router.add("DELETE", QStringLiteral("/__sandbox/faults"),
               [this](const HttpRequest &, const RouteMatch &) {
                   m_faults.clear();
                   return HttpResponse::noContent();
               });
    router.add("DELETE", QStringLiteral("/__sandbox/faults/{id}"),
               [this](const HttpRequest &request, const RouteMatch &match) {
                   bool ok = false;
                   const int id = match.param(QStringLiteral("id")).toInt(&ok);
                   if (!ok || !m_faults.remove(id))
                       return HttpResponse::v2Error(404,
                                                    QStringLiteral("There is no fault rule with id '%1'.")
                                                        .arg(match.param(QStringLiteral("id"))),
                                                    request.path());
                   return HttpResponse::noContent();
               });
    router.add("GET", QStringLiteral("/__sandbox/requests"), [this](const HttpRequest &, const RouteMatch &) {
        const QJsonArray requests = m_log.toJson();
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("requests"), requests},
                                                   {QStringLiteral("total"), m_log.totalCount()}});
    });
    router.add("DELETE", QStringLiteral("/__sandbox/requests"),
               [this](const HttpRequest &, const RouteMatch &) {
                   m_log.clear();
                   return HttpResponse::noContent();
               });
    router.add("GET", QStringLiteral("/__sandbox/routes"), [this](const HttpRequest &, const RouteMatch &) {
        return HttpResponse::json(
            200, QJsonObject{{QStringLiteral("routes"), QJsonArray::fromStringList(m_apiRouteNames())}});
    });
}

} // namespace sandbox
