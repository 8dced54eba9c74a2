// The Integration API's users (/2/0/users, /2/0/users/me, /2/0/users/{id}; integration-openapi.json
// "User Data"): the same people as SCIM, in the v2 envelope, with strict sort and the `s=` search.
#include "ScimRoutes.h"

#include "auth/AuthService.h"
#include "bulk/Envelope.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace sandbox {

namespace {

using scim::Person;

QJsonObject userJson(const Person &p)
{
    QJsonObject user{{QStringLiteral("id"), p.id},
                     {QStringLiteral("email"), p.email},
                     {QStringLiteral("firstName"), p.givenName},
                     {QStringLiteral("lastName"), p.familyName},
                     {QStringLiteral("active"), p.active},
                     {QStringLiteral("emailOptIn"), p.emailOptIn},
                     {QStringLiteral("customerId"), AuthService::customerGuid()}};
    if (p.lastLoginMs >= 0) // Anaplan's date style ("2022-02-10T19:14:23.000+0000"), absent if never
        user.insert(QStringLiteral("lastLoginDate"), QDateTime::fromMSecsSinceEpoch(p.lastLoginMs, Qt::UTC)
                                                         .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz+0000")));
    return user;
}

// `s=`: case-insensitive substring of e-mail, first or last name; % any run of characters, _ one.
QRegularExpression searchExpression(const QString &pattern)
{
    QString rx;
    for (QChar c : pattern) {
        if (c == QLatin1Char('%'))
            rx += QStringLiteral(".*");
        else if (c == QLatin1Char('_'))
            rx += QLatin1Char('.');
        else
            rx += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(rx, QRegularExpression::CaseInsensitiveOption);
}

const QString kSchema = QStringLiteral("https://api.anaplan.com/2/0/objects/user");

} // namespace

void registerUserRoutes(Router &router, scim::ScimDirectory &directory, int pageCap)
{
    router.add("GET", QStringLiteral("/2/0/users"), [&directory, pageCap](const HttpRequest &request, const RouteMatch &) {
        const QList<Person> people = directory.people();
        const bool search = request.hasQuery(QStringLiteral("s")) && !request.queryValue(QStringLiteral("s")).isEmpty();
        const QRegularExpression rx = searchExpression(request.queryValue(QStringLiteral("s")));
        QJsonArray users;
        for (const Person &p : people) {
            if (search && !rx.match(p.email).hasMatch() && !rx.match(p.givenName).hasMatch() &&
                !rx.match(p.familyName).hasMatch())
                continue;
            users.append(userJson(p));
        }
        bulk::ListRules rules;
        rules.strictSort = true; // integration-openapi.json: prefix required, field validated
        rules.sortable = {QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("email"),
                          QStringLiteral("active"), QStringLiteral("lastLoginDate")};
        return bulk::listing(request, QStringLiteral("users"), users, rules, kSchema, pageCap);
    });
    router.add("GET", QStringLiteral("/2/0/users/me"), [&directory](const HttpRequest &request, const RouteMatch &) {
        const std::optional<Person> me = directory.personByEmail(request.user);
        if (!me)
            return bulk::failure(request, 404,
                                 QStringLiteral("The token's user %1 is not a user of this tenant.").arg(request.user));
        return bulk::single({{QStringLiteral("user"), userJson(*me)}}, kSchema);
    });
    router.add("GET", QStringLiteral("/2/0/users/{userId}"),
               [&directory](const HttpRequest &request, const RouteMatch &match) {
                   const QString id = match.param(QStringLiteral("userId"));
                   const std::optional<Person> person = directory.personById(id);
                   if (!person)
                       return bulk::failure(request, 404,
                                            QStringLiteral("No user with id '%1' (GET /2/0/users lists them).").arg(id));
                   return bulk::single({{QStringLiteral("user"), userJson(*person)}}, kSchema);
               });
}

} // namespace sandbox
