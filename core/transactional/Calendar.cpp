#include "Calendar.h"

#include "types/JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
std::optional<int> optionalInt(const QJsonObject &object, QLatin1StringView key)
{
    const auto value = json::optionalInt64(object, key);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

bool eitherFlag(const QJsonObject &object, QLatin1StringView plain, QLatin1StringView prefixed)
{
    if (const auto value = json::optionalBoolean(object, plain))
        return *value;
    return json::boolean(object, prefixed);
}
} // namespace

CurrentPeriod CurrentPeriod::fromJson(const QJsonObject &object)
{
    return {json::string(object, "periodText"_L1), json::string(object, "lastDay"_L1),
            json::string(object, "calendarType"_L1)};
}

FiscalYear FiscalYear::fromJson(const QJsonObject &object)
{
    return {json::string(object, "year"_L1), json::string(object, "startDate"_L1),
            json::string(object, "endDate"_L1)};
}

CalendarKind calendarKindFromType(const QString &calendarType)
{
    const QString type = calendarType.trimmed();
    if (type.startsWith("Calendar Months"_L1))
        return CalendarKind::MonthsQuartersYears;
    if (type == "Weeks: General"_L1)
        return CalendarKind::WeeksGeneral;
    if (type == "Weeks: 13 4-week Periods"_L1)
        return CalendarKind::WeeksPeriods;
    if (type.startsWith("Weeks: 4-4-5"_L1) || type.startsWith("Weeks: 4-5-4"_L1) ||
        type.startsWith("Weeks: 5-4-4"_L1))
        return CalendarKind::WeeksGrouping;
    return CalendarKind::Unknown;
}

TotalsSelection TotalsSelection::fromJson(const QJsonObject &object)
{
    TotalsSelection t;
    t.quarterTotals = eitherFlag(object, "quarterTotals"_L1, "isQuarterTotals"_L1);
    t.halfYearTotals = eitherFlag(object, "halfYearTotals"_L1, "isHalfYearTotals"_L1);
    t.yearToDateSummary = eitherFlag(object, "yearToDateSummary"_L1, "isYearToDateSummary"_L1);
    t.yearToGoSummary = eitherFlag(object, "yearToGoSummary"_L1, "isYearToGoSummary"_L1);
    t.totalOfAllPeriods = eitherFlag(object, "totalOfAllPeriods"_L1, "isTotalOfAllPeriods"_L1);
    t.extraMonthQuarter = optionalInt(object, "extraMonthQuarter"_L1);
    return t;
}

ModelCalendar ModelCalendar::fromJson(const QJsonObject &object)
{
    ModelCalendar c;
    c.raw = object;
    c.calendarType = json::string(object, "calendarType"_L1);
    c.kind = calendarKindFromType(c.calendarType);
    if (object.value("currentPeriod"_L1).isObject())
        c.currentPeriod = CurrentPeriod::fromJson(object.value("currentPeriod"_L1).toObject());
    if (object.value("fiscalYear"_L1).isObject())
        c.fiscalYear = FiscalYear::fromJson(object.value("fiscalYear"_L1).toObject());
    c.pastYearsCount = optionalInt(object, "pastYearsCount"_L1);
    c.futureYearsCount = optionalInt(object, "futureYearsCount"_L1);
    if (object.value("totalsSelection"_L1).isObject())
        c.totalsSelection = TotalsSelection::fromJson(object.value("totalsSelection"_L1).toObject());
    c.startDate = json::string(object, "startDate"_L1);
    c.weeksCount = optionalInt(object, "weeksCount"_L1);
    c.extraWeekMonth = optionalInt(object, "extraWeekMonth"_L1);
    c.weekFormat = json::string(object, "weekFormat"_L1);
    c.weekGrouping = json::string(object, "weekGrouping"_L1);
    return c;
}

} // namespace anadesk
