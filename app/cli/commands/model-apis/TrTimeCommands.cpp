// tr current-period, tr set-current-period, tr set-fiscal-year, tr calendar: the model's time settings.
#include "../../CommandHelpers.h"
#include "ModelApiCommands.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

const QList<std::pair<QString, QString>> kPeriodFields = {{u"periodText"_s, u"Current period"_s},
                                                          {u"lastDay"_s, u"Last day"_s},
                                                          {u"calendarType"_s, u"Calendar"_s}};

// Changing time settings can delete data in periods that leave the timescale (Anaplan's warning),
// so the setters ask for --yes instead of a prompt (scripts cannot answer prompts).
ApiError requireConfirmation(const CommandContext &c, const QString &what)
{
    if (c.args.isSet(u"yes"_s))
        return {};
    return usage(modelApiTr("%1 can delete data in periods that leave the model's timescale").arg(what),
                 modelApiTr("Pass --yes to confirm."));
}

ApiError currentPeriod(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(tx.getCurrentPeriod());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(json::toJson(job->currentPeriod()), kPeriodFields);
    return {};
}

ApiError setCurrentPeriod(CommandContext &c)
{
    const bool reset = c.args.isSet(u"reset"_s);
    if (reset == !c.args.positionals.isEmpty())
        return usage(modelApiTr("Give either a DATE (YYYY-MM-DD) or --reset"));
    const QString date = reset ? QString() : c.args.positionals.at(0).trimmed();
    if (ApiError e = requireConfirmation(c, modelApiTr("Changing the current period")); e.isError())
        return e;
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(tx.setCurrentPeriod(date));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(json::toJson(job->currentPeriod()), kPeriodFields);
    return {};
}

ApiError setFiscalYear(CommandContext &c)
{
    if (ApiError e = requireConfirmation(c, modelApiTr("Changing the fiscal year")); e.isError())
        return e;
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(tx.setCurrentFiscalYear(c.args.positionals.at(0).trimmed()));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().object(json::toJson(job->fiscalYear()), {{u"year"_s, modelApiTr("Fiscal year")},
                                                             {u"startDate"_s, modelApiTr("Starts")},
                                                             {u"endDate"_s, modelApiTr("Ends")}});
    return {};
}

ApiError calendar(CommandContext &c)
{
    TransactionalClient tx;
    if (ApiError e = transactionalClient(c, &tx); e.isError())
        return e;
    auto job = Session::own(tx.getModelCalendar());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const ModelCalendar &cal = job->calendar();
    QJsonObject o = json::toJson(cal);
    if (!c.session.out().isJson()) {
        if (cal.fiscalYear)
            o.insert(u"fiscalYearText"_s, QString(cal.fiscalYear->year + u" ("_s + cal.fiscalYear->startDate +
                                                  u" – "_s + cal.fiscalYear->endDate + u')'));
        if (cal.currentPeriod)
            o.insert(u"currentPeriodText"_s, cal.currentPeriod->periodText);
    }
    c.session.out().object(o, {{u"calendarType"_s, modelApiTr("Calendar")},
                               {u"fiscalYearText"_s, modelApiTr("Fiscal year")},
                               {u"currentPeriodText"_s, modelApiTr("Current period")},
                               {u"pastYearsCount"_s, modelApiTr("Past years")},
                               {u"futureYearsCount"_s, modelApiTr("Future years")},
                               {u"startDate"_s, modelApiTr("Starts")},
                               {u"weeksCount"_s, modelApiTr("Weeks")},
                               {u"weekFormat"_s, modelApiTr("Week format")},
                               {u"weekGrouping"_s, modelApiTr("Week grouping")}});
    return {};
}

} // namespace

QList<Command> trTimeCommands()
{
    const QString group = modelApiTr("Time");
    Command get = commandEntry(u"tr current-period"_s, group, {},
                               modelApiTr("Show the model's current period."), 0, 0, currentPeriod);
    get.details =
        modelApiTr("JSON: {periodText, lastDay, calendarType} (periodText empty when none is set).");

    Command set = commandEntry(u"tr set-current-period"_s, group, u"DATE --yes | --reset --yes"_s,
                               modelApiTr("Set the current period to the period holding DATE (YYYY-MM-DD)."),
                               0, 1, setCurrentPeriod);
    set.details = modelApiTr("Needs --yes: changing time settings can delete data in periods that leave the "
                             "timescale. --reset clears the current period. JSON: as current-period.");
    set.options = {yesOption(modelApiTr("Confirm the change.")),
                   {u"reset"_s, {}, {}, modelApiTr("Clear the current period instead of setting it.")}};

    Command year =
        commandEntry(u"tr set-fiscal-year"_s, group, u"YEAR --yes"_s,
                     modelApiTr("Set the current fiscal year (FY24, FY2024)."), 1, 1, setFiscalYear);
    year.details =
        modelApiTr("Needs --yes (time settings can delete data). JSON: {year, startDate, endDate}.");
    year.options = {yesOption(modelApiTr("Confirm the change."))};

    Command cal = commandEntry(
        u"tr calendar"_s, group, {},
        modelApiTr("Show the model calendar (type, fiscal year, current period, totals)."), 0, 0, calendar);
    cal.details = modelApiTr("JSON: the modelCalendar object as Anaplan sends it; its fields depend on "
                             "calendarType.");
    return {get, set, year, cal};
}

} // namespace anadesk::cli
