#pragma once
// Where each Anaplan API lives. Built from the region table (anaplan-limits-and-peers.md §2.3),
// every host overridable, or one origin for all APIs (anadesk-sandbox, proxies).
#include <QString>
#include <QStringList>
#include <QUrl>

namespace anadesk {

struct Endpoints
{
    QUrl auth;       // POST {auth}/token/authenticate, /token/refresh, /token/validate
    QUrl api;        // {api}/2/0/... (bulk, transactional, ALM, users) and {api}/scim/1/0/v2/...
    QUrl audit;      // {audit}/audit/api/1/events
    QUrl cloudWorks; // {cloudWorks}/2/0/integrations..., /2/0/integrationflows...

    // The built-in region table; unknown names return std::nullopt-like empty Endpoints (isValid()==false).
    static Endpoints forRegion(const QString &regionName);
    static QStringList regionNames();
    // All APIs on one origin, laid out like Anaplan's newer regions (used for anadesk-sandbox).
    static Endpoints singleOrigin(const QUrl &origin);

    bool isValid() const
    {
        return auth.isValid() && api.isValid() && audit.isValid() && cloudWorks.isValid();
    }
};

} // namespace anadesk
