// The 'audit' command group: the tenant's users (Integration API /2/0/users) and the audit events of
// the last 30 days (Audit API, Tenant Auditor role), every page read.
#include "../../BulkApi.h"
#include "../../Command.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "audit/AuditClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::AuditCommands", text);
}

AuditClient auditOf(CommandContext &c)
{
    return c.session.connection()->audit();
}

// Anaplan answers 401 (not 403) to a user without the Tenant Auditor role; say so next to the error.
ApiError withRoleHint(ApiError e)
{
    if (e.category == ErrorCategory::Auth || e.category == ErrorCategory::Permission)
        e.hint =
            tr("Audit needs the Tenant Auditor role (Anaplan answers 401 without it) and audit enabled for "
               "the tenant.");
    return e;
}

ApiError users(CommandContext &c)
{
    ListQuery query;
    if (c.args.isSet(u"sort"_s)) {
        static const QStringList fields{u"firstName"_s, u"lastName"_s, u"email"_s, u"active"_s,
                                        u"lastLoginDate"_s};
        static const QStringList snake{u"first_name"_s, u"last_name"_s, u"email"_s, u"active"_s,
                                       u"last_login_date"_s};
        const QString wanted = c.args.value(u"sort"_s).trimmed();
        const qsizetype i = std::max(fields.indexOf(wanted), snake.indexOf(wanted));
        if (i < 0)
            return usage(tr("--sort '%1' is not a field users can be sorted by").arg(wanted),
                         tr("Use one of: %1.").arg(fields.join(u", "_s)));
        query.sortBy = fields.at(i);
    }
    query.descending = c.args.isSet(u"descending"_s);
    query.search = c.args.value(u"search"_s);
    auto job = Session::own(auditOf(c).getUsers(query));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->users()), {{tr("ID"), u"id"_s},
                                                          {tr("EMAIL"), u"email"_s},
                                                          {tr("NAME"), u"name"_s},
                                                          {tr("ACTIVE"), u"active"_s},
                                                          {tr("LAST LOGIN"), u"lastLoginDate"_s}});
    return {};
}

ApiError user(CommandContext &c)
{
    const QString id = c.args.positionals.isEmpty() ? u"me"_s : c.args.positionals.at(0).trimmed();
    if (id != "me"_L1 && !cloud::looksLikeHexId(id))
        return usage(tr("'%1' is not a user id").arg(id),
                     tr("Give a user id (32 hex characters, see 'anadesk-cli audit users') or 'me'."));
    auto job = Session::own(auditOf(c).getUser(id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(cloudjson::toJson(job->user()), {{u"id"_s, tr("Id")},
                                                            {u"email"_s, tr("Email")},
                                                            {u"name"_s, tr("Name")},
                                                            {u"active"_s, tr("Active")},
                                                            {u"emailOptIn"_s, tr("Email opt-in")},
                                                            {u"lastLoginDate"_s, tr("Last login")}});
    return {};
}

ApiError events(CommandContext &c)
{
    audit::EventQuery query;
    if (c.args.isSet(u"days"_s)) {
        bool ok = false;
        const int days = c.args.value(u"days"_s).trimmed().toInt(&ok);
        if (!ok || days < 1)
            return usage(tr("--days '%1' must be a whole number of days from 1 to %2")
                             .arg(c.args.value(u"days"_s))
                             .arg(audit::kMaxDaysIntoPast));
        if (days > audit::kMaxDaysIntoPast)
            return usage(tr("--days %1 reaches further back than Anaplan keeps audit events (%2 days)")
                             .arg(days)
                             .arg(audit::kMaxDaysIntoPast),
                         tr("Use --days %1 or less; export older events regularly if you need them.")
                             .arg(audit::kMaxDaysIntoPast));
        query.daysIntoPast = days;
    }
    if (c.args.isSet(u"type"_s)) {
        const std::optional<audit::EventType> type = audit::eventTypeFromName(c.args.value(u"type"_s));
        if (!type)
            return usage(tr("--type '%1' is not an audit event type").arg(c.args.value(u"type"_s)),
                         tr("Use one of: %1.").arg(audit::eventTypeNames().join(u", "_s)));
        query.type = *type;
    }
    if (c.args.isSet(u"page-size"_s))
        if (ApiError e = cloud::intOption(c, u"page-size"_s, 1, 10'000, &query.pageSize); e.isError())
            return e;
    auto job = Session::own(auditOf(c).getEvents(query));
    ProgressLine line(c.session.out());
    if (line.isEnabled())
        QObject::connect(job.get(), &audit::GetEventsJob::progress, job.get(), [&line](int done, int count) {
            line.update(tr("Reading audit events: page %1 of %2").arg(done).arg(count));
        });
    const ApiError error = c.session.wait(job);
    line.finish();
    if (error.isError())
        return withRoleHint(error);
    c.session.out().list(cloudjson::array(job->events()), {{tr("DATE"), u"date"_s},
                                                           {tr("ID"), u"id"_s},
                                                           {tr("TYPE"), u"eventTypeId"_s},
                                                           {tr("USER ID"), u"userId"_s},
                                                           {tr("SUCCESS"), u"success"_s},
                                                           {tr("MESSAGE"), u"message"_s}});
    return {};
}

Command make(const char *name, const char *usageText, const char *summary, int minArgs, int maxArgs,
             ApiError (*runFunction)(CommandContext &))
{
    return commandEntry(u"audit "_s + QLatin1String(name), tr("Audit"), QLatin1String(usageText), tr(summary),
                        minArgs, maxArgs, runFunction);
}

} // namespace

QList<Command> auditCommands()
{
    Command usersCommand = make("users", "[--search TEXT] [--sort FIELD] [--descending]",
                                "List the users of your default tenant.", 0, 0, users);
    usersCommand.details =
        tr("Every page is read. --search is Anaplan's tenant-administrator substring search "
           "(% and _ are wildcards).");
    usersCommand.options = {
        {u"search"_s, {}, u"TEXT"_s, tr("Only users whose name or e-mail contains TEXT.")},
        {u"sort"_s, {}, u"FIELD"_s, tr("firstName, lastName, email, active or lastLoginDate.")},
        {u"descending"_s, {}, {}, tr("Sort descending.")}};

    Command userCommand = make("user", "[ID|me]", "Show one user (default: you).", 0, 1, user);

    Command eventsCommand =
        make("events", "[--type TYPE] [--days N] [--page-size N]",
             "List audit events of the last N days (at most 30), every page.", 0, 0, events);
    eventsCommand.details = tr(
        "Needs the Tenant Auditor role. The window [now - N days, now] is fixed when the command starts, so "
        "events arriving meanwhile cannot shift the pages. Types: all (default), user_activity, "
        "access_control, int, conn_mgmt, comment, byok, plan_iq, forecaster. JSON: each event as Anaplan "
        "sent "
        "it, plus \"date\" (ISO 8601 UTC of eventDate); ids are strings.");
    eventsCommand.options = {
        {u"type"_s, {}, u"TYPE"_s, tr("Only events of this type (default all).")},
        {u"days"_s, {}, u"N"_s, tr("Days into the past, 1 to 30 (default 30).")},
        {u"page-size"_s, {}, u"N"_s, tr("Events per request, 1 to 10000 (default 10000).")}};

    return {usersCommand, userCommand, eventsCommand};
}

} // namespace anadesk::cli
