// cw schedules: set (create or replace) an integration's schedule of any of the five types, enable,
// disable, delete, and the timezones CloudWorks accepts.
#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "CloudWorksCli.h"
#include "CloudWorksGroup.h"
#include "CloudWorksInput.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorksSchedules", text);
}

QString section()
{
    return tr("CloudWorks schedules");
}

// The integration with its current schedule (a single GET carries it).
ApiError integrationOf(CommandContext &c, const QString &idOrName, cloudworks::Integration *out)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, idOrName, &integration); e.isError())
        return e;
    auto job = Session::own(client(c).getIntegration(integration.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    *out = job->integration();
    return {};
}

// Prints the schedule as the server now has it.
ApiError printSchedule(CommandContext &c, const QString &integrationId, const QString &operation)
{
    cloudworks::Integration integration;
    if (ApiError e = integrationOf(c, integrationId, &integration); e.isError())
        return e;
    QJsonObject o = integration.schedule ? cloudjson::toJson(*integration.schedule) : QJsonObject();
    o.insert(u"integrationId"_s, integration.id);
    o.insert(u"integrationName"_s, integration.name);
    o.insert(u"operation"_s, operation);
    o.insert(u"hasSchedule"_s, integration.schedule.has_value());
    c.session.out().object(o, {{u"integrationName"_s, tr("Integration")},
                               {u"name"_s, tr("Schedule")},
                               {u"type"_s, tr("Type")},
                               {u"status"_s, tr("Status")},
                               {u"timezone"_s, tr("Timezone")},
                               {u"time"_s, tr("Time")},
                               {u"fromTime"_s, tr("From")},
                               {u"toTime"_s, tr("To")},
                               {u"daysOfWeek"_s, tr("Days of week")},
                               {u"dayOfMonth"_s, tr("Day of month")},
                               {u"dayOfWeek"_s, tr("Day of week")},
                               {u"repeatEvery"_s, tr("Repeat every")},
                               {u"startDate"_s, tr("Start")},
                               {u"endDate"_s, tr("End")}});
    return {};
}

ApiError set(CommandContext &c)
{
    cloudworks::Integration integration;
    if (ApiError e = integrationOf(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    cloudworks::ScheduleInput input;
    if (ApiError e = scheduleInput(c, tr("%1 schedule").arg(integration.name), &input); e.isError())
        return e;
    // CloudWorks has one schedule per integration: POST creates it, PUT replaces it.
    const bool replace = integration.schedule.has_value();
    Owned<cloudworks::CloudWorksJob> job;
    if (replace)
        job = Session::own<cloudworks::CloudWorksJob>(client(c).updateSchedule(integration.id, input));
    else
        job = Session::own<cloudworks::CloudWorksJob>(client(c).createSchedule(integration.id, input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printSchedule(c, integration.id, replace ? u"replaced"_s : u"created"_s);
}

ApiError setStatus(CommandContext &c, bool enabled)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    auto job = Session::own(client(c).setScheduleStatus(integration.id, enabled));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.category == ErrorCategory::NotFound)
            e.hint = tr("The integration may have no schedule; set one with 'anadesk-cli cw schedule-set'.");
        return e;
    }
    return printSchedule(c, integration.id, enabled ? u"enabled"_s : u"disabled"_s);
}

ApiError enable(CommandContext &c)
{
    return setStatus(c, true);
}

ApiError disable(CommandContext &c)
{
    return setStatus(c, false);
}

ApiError remove(CommandContext &c)
{
    NamedObject integration;
    if (ApiError e = resolveIntegration(c, c.args.positionals.at(0), &integration); e.isError())
        return e;
    auto job = Session::own(client(c).deleteSchedule(integration.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().scalar(tr("Deleted the schedule of %1").arg(label(tr("integration"), integration)),
                           {{u"integrationId"_s, integration.id},
                            {u"integrationName"_s, integration.name},
                            {u"deleted"_s, true}});
    return {};
}

ApiError timezones(CommandContext &c)
{
    QJsonArray list;
    for (const QString &zone : CloudWorksClient::scheduleTimezones())
        list.append(QJsonObject{{u"id"_s, zone}, {u"name"_s, zone}});
    c.session.out().list(list, {{tr("TIMEZONE"), u"name"_s}});
    return {};
}

} // namespace

QList<Command> scheduleCommands()
{
    const QString integrationArg = tr("INTEGRATION is the integration's id or name.");

    Command setCommand =
        makeCommand(section(), "schedule-set", "INTEGRATION --type TYPE [fields] [--from PATH]",
                    tr("Create or replace an integration's schedule."), 1, 1, set);
    setCommand.details =
        integrationArg + u"\n\n"_s +
        tr("Fields per --type:\n"
           "  hourly                   --from-time HH:mm --to-time HH:mm --days LIST [--repeat-every 1-23]\n"
           "  daily                    --time HH:mm [--days LIST]\n"
           "  weekly                   --time HH:mm --days LIST\n"
           "  monthly_specific_day     --time HH:mm --day-of-month 1-31\n"
           "  monthly_relative_weekday --time HH:mm --day-of-week DAY --repeat-every 1-5 (the Nth DAY of the "
           "month)\n"
           "Every type: --end-date YYYY-MM-DD (required), --start-date (default today), --timezone (default "
           "the "
           "system's when CloudWorks knows it, else Europe/London; see 'cw timezones'), --name. Days are 0 "
           "(Sunday) to 6 or sun, mon, …, separated by commas. --from reads the same fields as JSON "
           "(Anaplan's "
           "Schedule object: type, time, fromTime, toTime, daysOfWeek, dayOfMonth, dayOfWeek, repeatEvery, "
           "startDate, endDate, timezone, name); options win over the file. An integration without a "
           "schedule "
           "gets one (POST); otherwise it is replaced (PUT). JSON: the schedule as CloudWorks now has it, "
           "plus "
           "integrationId, integrationName, operation (created | replaced).");
    setCommand.options = {
        {u"type"_s,
         {},
         u"TYPE"_s,
         tr("hourly, daily, weekly, monthly_specific_day, monthly_relative_weekday.")},
        {u"name"_s, {}, u"NAME"_s, tr("The schedule's name (default '<integration> schedule').")},
        {u"timezone"_s, {}, u"ZONE"_s, tr("One of 'cw timezones'.")},
        {u"time"_s, {}, u"HH:mm"_s, tr("When to run (all but hourly).")},
        {u"from-time"_s, {}, u"HH:mm"_s, tr("Hourly: the first run of the day.")},
        {u"to-time"_s, {}, u"HH:mm"_s, tr("Hourly: the last run of the day.")},
        {u"days"_s, {}, u"LIST"_s, tr("Days of the week (0-6 or sun…sat).")},
        {u"day-of-month"_s, {}, u"N"_s, tr("monthly_specific_day: 1 to 31.")},
        {u"day-of-week"_s, {}, u"DAY"_s, tr("monthly_relative_weekday: 0-6 or sun…sat.")},
        {u"repeat-every"_s, {}, u"N"_s, tr("Hourly: every N hours; monthly_relative_weekday: the Nth week.")},
        {u"start-date"_s, {}, u"DATE"_s, tr("YYYY-MM-DD (default today).")},
        {u"end-date"_s, {}, u"DATE"_s, tr("YYYY-MM-DD (required).")},
        cloud::fromOption(tr("The schedule as JSON (options win)."))};

    Command enableCommand = makeCommand(section(), "schedule-enable", "INTEGRATION",
                                        tr("Enable an integration's schedule."), 1, 1, enable);
    enableCommand.details = integrationArg;
    Command disableCommand =
        makeCommand(section(), "schedule-disable", "INTEGRATION",
                    tr("Disable an integration's schedule (it is kept)."), 1, 1, disable);
    disableCommand.details = integrationArg;
    Command deleteCommand = makeCommand(section(), "schedule-delete", "INTEGRATION",
                                        tr("Delete an integration's schedule."), 1, 1, remove);
    deleteCommand.details = integrationArg;
    Command zonesCommand =
        makeCommand(section(), "timezones", "",
                    tr("List the timezones CloudWorks schedules accept (no request)."), 0, 0, timezones);

    return {setCommand, enableCommand, disableCommand, deleteCommand, zonesCommand};
}

} // namespace anadesk::cli::cw
