#pragma once
// Maps "METHOD /path/{param}/..." patterns to handlers. Handlers are called on connection
// threads concurrently: they must be thread-safe (the tenant guards its state with a mutex).
#include "HttpMessage.h"

#include <QList>
#include <QString>
#include <optional>

namespace sandbox {

class Router
{
public:
    // pattern: "/2/0/workspaces/{ws}/models/{model}/files/{fileId}" — literal segments and {params}.
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    struct Found
    {
        Handler handler;
        RouteMatch match;
    };
    // Unknown path -> std::nullopt and *pathKnown = false (404); a path known only for other methods ->
    // std::nullopt and *pathKnown = true (405). HEAD falls back to the GET route (the server sends no body).
    // When several patterns match, the one with the most literal segments wins ("/files/complete" beats
    // "/files/{id}"), whatever the order of registration.
    std::optional<Found> find(const HttpRequest &request, bool *pathKnown = nullptr) const;

    // Methods registered for the request's path (for the Allow header of a 405), sorted.
    QList<QByteArray> allowedMethods(const HttpRequest &request) const;

    // Every route as "METHOD pattern", for docs and the spec-coverage test.
    QStringList routeNames() const;

private:
    struct Route
    {
        QByteArray method;
        QStringList pattern;
        QString name;
        Handler handler;
        int literalCount = 0;
    };
    static bool matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params);
    QList<Route> m_routes;
};

} // namespace sandbox
