#pragma once
// CloudWorks schedules: five types, each with its own fields (anaplan-api.md §11, cloudworks-openapi.json
// Schedule). Times are "HH:mm", dates "YYYY-MM-DD", days of the week 0 = Sunday … 6, and the timezone one
// of the 38 names CloudWorks accepts (timezones()). ScheduleInput builds each type and checks it locally
// (BadInput before sending); Anaplan additionally wants startDate no earlier than today.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace anadesk::cloudworks {

enum class ScheduleType
{
    Unknown,
    Hourly,
    Daily,
    Weekly,
    MonthlySpecificDay,
    MonthlyRelativeWeekday
};
ScheduleType scheduleTypeFromString(const QString &raw);
QString scheduleTypeName(ScheduleType type); // "hourly", …, "monthly_relative_weekday"; "" for Unknown

// The timezones CloudWorks accepts, in its own order.
const QStringList &timezones();

struct Schedule
{
    QString name;
    ScheduleType type = ScheduleType::Unknown;
    QString typeRaw;
    QString timezone;
    QString time;
    QString fromTime;
    QString toTime;
    QList<int> daysOfWeek;
    std::optional<int> dayOfMonth;
    std::optional<int> dayOfWeek;
    std::optional<int> repeatEvery;
    QString startDate;
    QString endDate;
    QString status; // "Active" / "Inactive" (enabled or not)

    bool isEnabled() const { return status.compare(QLatin1String("Active"), Qt::CaseInsensitive) == 0; }
    static Schedule fromJson(const QJsonObject &object);
};

struct ScheduleInput
{
    QString name;
    ScheduleType type = ScheduleType::Unknown;
    QString timezone = QStringLiteral("Europe/London");
    QString startDate; // YYYY-MM-DD
    QString endDate;   // YYYY-MM-DD, required by CloudWorks
    QString time;      // HH:mm (all but hourly)
    QString fromTime;  // HH:mm (hourly)
    QString toTime;    // HH:mm (hourly)
    QList<int> daysOfWeek;
    std::optional<int> dayOfMonth;
    std::optional<int> dayOfWeek;
    std::optional<int> repeatEvery;

    // Every `repeatEvery` (1–23) hours between fromTime and toTime on daysOfWeek.
    static ScheduleInput hourly(const QString &name, const QString &fromTime, const QString &toTime,
                                const QList<int> &daysOfWeek, int repeatEvery, const QString &startDate,
                                const QString &endDate);
    // At `time` every day (or on daysOfWeek when given).
    static ScheduleInput daily(const QString &name, const QString &time, const QString &startDate,
                               const QString &endDate, const QList<int> &daysOfWeek = {});
    static ScheduleInput weekly(const QString &name, const QString &time, const QList<int> &daysOfWeek,
                                const QString &startDate, const QString &endDate);
    // At `time` on day `dayOfMonth` (1–31) of each month.
    static ScheduleInput monthlySpecificDay(const QString &name, const QString &time, int dayOfMonth,
                                            const QString &startDate, const QString &endDate);
    // At `time` on the `repeatEvery`-th (1–5) `dayOfWeek` (0–6) of each month.
    static ScheduleInput monthlyRelativeWeekday(const QString &name, const QString &time, int dayOfWeek,
                                                int repeatEvery, const QString &startDate,
                                                const QString &endDate);

    QJsonObject toJson() const;
    QString validationError() const; // empty when fine
};

} // namespace anadesk::cloudworks
