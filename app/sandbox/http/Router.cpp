#include "Router.h"

#include <algorithm>

namespace sandbox {

namespace {
bool isParameter(const QString &segment)
{
    return segment.size() >= 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}
} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    Route route;
    route.method = method.toUpper();
    route.pattern = pattern.split(QLatin1Char('/'));
    if (!route.pattern.isEmpty() && route.pattern.constFirst().isEmpty())
        route.pattern.removeFirst(); // the leading '/'
    route.name = QString::fromLatin1(route.method) + QLatin1Char(' ') + pattern;
    route.handler = std::move(handler);
    route.literalCount = int(std::count_if(route.pattern.cbegin(), route.pattern.cend(),
                                           [](const QString &segment) { return !isParameter(segment); }));
    m_routes.append(std::move(route));
}

bool Router::matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &expected = route.pattern.at(i);
        if (isParameter(expected)) {
            if (segments.at(i).isEmpty())
                return false; // "/files//chunks" does not name a file
            if (params)
                params->insert(expected.mid(1, expected.size() - 2), segments.at(i));
        } else if (expected != segments.at(i)) {
            return false;
        }
    }
    return true;
}

std::optional<Router::Found> Router::find(const HttpRequest &request, bool *pathKnown) const
{
    const QByteArray method = request.method.toUpper();
    const Route *best = nullptr;
    const Route *bestGetForHead = nullptr;
    bool known = false;
    for (const Route &route : m_routes) {
        if (!matches(route, request.segments, nullptr))
            continue;
        known = true;
        if (route.method == method) {
            if (!best || route.literalCount > best->literalCount)
                best = &route;
        } else if (method == "HEAD" && route.method == "GET") {
            if (!bestGetForHead || route.literalCount > bestGetForHead->literalCount)
                bestGetForHead = &route;
        }
    }
    if (pathKnown)
        *pathKnown = known;
    if (!best)
        best = bestGetForHead;
    if (!best)
        return std::nullopt;
    Found found;
    found.handler = best->handler;
    found.match.routeName = best->name;
    matches(*best, request.segments, &found.match.params);
    return found;
}

QList<QByteArray> Router::allowedMethods(const HttpRequest &request) const
{
    QList<QByteArray> methods;
    for (const Route &route : m_routes) {
        if (matches(route, request.segments, nullptr) && !methods.contains(route.method))
            methods.append(route.method);
    }
    if (methods.contains("GET") && !methods.contains("HEAD"))
        methods.append("HEAD");
    std::sort(methods.begin(), methods.end());
    return methods;
}

QStringList Router::routeNames() const
{
    QStringList names;
    names.reserve(m_routes.size());
    for (const Route &route : m_routes)
        names.append(route.name);
    return names;
}

} // namespace sandbox
