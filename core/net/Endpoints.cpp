// The region table of Anaplan's "URL, IP, and allowlist requirements" page as captured in
// anaplan-limits-and-peers.md §2.3. Hosts differ per region group; paths do not:
//   auth        {auth}/token/...
//   api         {api}/2/0/...   and {api}/scim/1/0/v2/...
//   audit       {audit}/audit/api/1/events   (the page lists "https://…/audit" = {audit} + "/audit")
//   cloudWorks  {cloudWorks}/2/0/integrations…   (newer regions: https://{r}.api.anaplan.com/cloudworks)
#include "Endpoints.h"

#include <QMap>

namespace anadesk {

namespace {

QUrl url(const QString &text)
{
    return QUrl(text, QUrl::StrictMode);
}

Endpoints legacy()
{
    return Endpoints{url(QStringLiteral("https://auth.anaplan.com")),
                     url(QStringLiteral("https://api.anaplan.com")),
                     url(QStringLiteral("https://audit.anaplan.com")),
                     url(QStringLiteral("https://api.cloudworks.anaplan.com"))};
}

// eu3, eu5, gb1, … and ca1 ("ca1a"): every API under {r}.api.anaplan.com, auth on {r}.auth.anaplan.com.
Endpoints regional(const QString &hostPrefix)
{
    const QString api = QStringLiteral("https://%1.api.anaplan.com").arg(hostPrefix);
    return Endpoints{url(QStringLiteral("https://%1.auth.anaplan.com").arg(hostPrefix)), url(api), url(api),
                     url(api + QStringLiteral("/cloudworks"))};
}

Endpoints australia()
{
    return Endpoints{url(QStringLiteral("https://au1a.app2.anaplan.com")),
                     url(QStringLiteral("https://api.au1a.app2.anaplan.com")),
                     url(QStringLiteral("https://api.au1a.app2.anaplan.com")),
                     url(QStringLiteral("https://api.cloudworks.au1a.app2.anaplan.com"))};
}

const QMap<QString, Endpoints> &table()
{
    static const QMap<QString, Endpoints> regions = [] {
        QMap<QString, Endpoints> map;
        for (const char *name : {"us1", "us2", "us5", "us7", "eu1", "eu2", "eu4", "ap1"})
            map.insert(QLatin1String(name), legacy());
        for (const char *name : {"eu3", "eu5", "gb1", "in1", "id1", "me1", "sg1", "ae1", "us9"})
            map.insert(QLatin1String(name), regional(QLatin1String(name)));
        map.insert(QStringLiteral("ca1"), regional(QStringLiteral("ca1a")));
        map.insert(QStringLiteral("au1"), australia());
        return map;
    }();
    return regions;
}

} // namespace

Endpoints Endpoints::forRegion(const QString &regionName)
{
    return table().value(regionName.trimmed().toLower());
}

QStringList Endpoints::regionNames()
{
    return table().keys(); // sorted
}

Endpoints Endpoints::singleOrigin(const QUrl &origin)
{
    // scheme://host:port only; a path in the given URL (e.g. a trailing '/') is dropped.
    const QUrl base =
        origin.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    if (!base.isValid() || base.host().isEmpty())
        return Endpoints{};
    QUrl cloudWorks = base;
    cloudWorks.setPath(QStringLiteral("/cloudworks"));
    return Endpoints{base, base, base, cloudWorks};
}

} // namespace anadesk
