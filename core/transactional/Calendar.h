#pragma once
// Time settings of a model: the current period, the current fiscal year and the model calendar,
// whose fields depend on its calendarType (anaplan-api.md §8.1). An unknown calendar type is kept
// raw (CalendarKind::Unknown) instead of failing — the fields that came are still readable.
#include <QJsonObject>
#include <QString>
#include <optional>

namespace anadesk {

struct CurrentPeriod
{
    QString periodText; // "May 20"; empty when no current period is set
    QString lastDay;    // YYYY-MM-DD
    QString calendarType;
    static CurrentPeriod fromJson(const QJsonObject &object);
};

struct FiscalYear
{
    QString year; // "FY24"
    QString startDate;
    QString endDate;
    static FiscalYear fromJson(const QJsonObject &object);
};

enum class CalendarKind
{
    Unknown,
    MonthsQuartersYears,
    WeeksGeneral,
    WeeksPeriods,
    WeeksGrouping
};
CalendarKind calendarKindFromType(const QString &calendarType);

// Which totals the calendar shows. Anaplan sends both spellings (quarterTotals / isQuarterTotals).
struct TotalsSelection
{
    bool quarterTotals = false;
    bool halfYearTotals = false;
    bool yearToDateSummary = false;
    bool yearToGoSummary = false;
    bool totalOfAllPeriods = false;
    std::optional<int> extraMonthQuarter; // 13 4-week periods only (1–4)
    static TotalsSelection fromJson(const QJsonObject &object);
};

struct ModelCalendar
{
    CalendarKind kind = CalendarKind::Unknown;
    QString calendarType; // as sent ("Calendar Months/Quarters/Years", "Weeks: General", …)
    std::optional<CurrentPeriod> currentPeriod;
    std::optional<FiscalYear> fiscalYear;
    std::optional<int> pastYearsCount;
    std::optional<int> futureYearsCount;
    std::optional<TotalsSelection> totalsSelection;
    QString startDate;                 // Weeks: General
    std::optional<int> weeksCount;     // Weeks: General
    std::optional<int> extraWeekMonth; // week-based calendars
    QString weekFormat;                // Numbered | Week Commencing | Week Ending
    QString weekGrouping;              // 4-4-5, 4-5-4, 5-4-4
    QJsonObject raw;                   // the whole modelCalendar object
    static ModelCalendar fromJson(const QJsonObject &object);
};

} // namespace anadesk
