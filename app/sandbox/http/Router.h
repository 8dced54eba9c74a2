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
    // Unknown path -> std::nullopt (404); known path with another method -> methodAllowed = false (405).
    std::optional<Found> find(const HttpRequest &request, bool *pathKnown = nullptr) const;

    // Every route as "METHOD pattern", for docs and the spec-coverage test.
    QStringList routeNames() const;

private:
    struct Route
    {
        QByteArray method;
        QStringList pattern;
        QString name;
        Handler handler;
    };
    QList<Route> m_routes;
};

} // namespace sandbox
