#include "CloudWorksSchedule.h"

#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cloudworks", text);
}

bool isTime(const QString &text)
{
    static const QRegularExpression re(u"^([01]\\d|2[0-3]):[0-5]\\d$"_s);
    return re.match(text).hasMatch();
}

bool isDate(const QString &text)
{
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    return re.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

ScheduleInput base(const QString &name, ScheduleType type, const QString &startDate, const QString &endDate)
{
    ScheduleInput s;
    s.name = name;
    s.type = type;
    s.startDate = startDate;
    s.endDate = endDate;
    return s;
}
} // namespace

ScheduleType scheduleTypeFromString(const QString &raw)
{
    for (ScheduleType t : {ScheduleType::Hourly, ScheduleType::Daily, ScheduleType::Weekly,
                           ScheduleType::MonthlySpecificDay, ScheduleType::MonthlyRelativeWeekday}) {
        if (raw.trimmed().compare(scheduleTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return ScheduleType::Unknown;
}

QString scheduleTypeName(ScheduleType type)
{
    switch (type) {
    case ScheduleType::Hourly:
        return u"hourly"_s;
    case ScheduleType::Daily:
        return u"daily"_s;
    case ScheduleType::Weekly:
        return u"weekly"_s;
    case ScheduleType::MonthlySpecificDay:
        return u"monthly_specific_day"_s;
    case ScheduleType::MonthlyRelativeWeekday:
        return u"monthly_relative_weekday"_s;
    case ScheduleType::Unknown:
        break;
    }
    return {};
}

const QStringList &timezones()
{
    // anaplan-api.md §11 (the reference client's Literal of accepted names).
    static const QStringList list = {u"Etc/GMT+12"_s,          u"US/Samoa"_s,
                                     u"Pacific/Honolulu"_s,    u"Pacific/Marquesas"_s,
                                     u"US/Aleutian"_s,         u"America/Anchorage"_s,
                                     u"America/Los_Angeles"_s, u"America/Denver"_s,
                                     u"America/Chicago"_s,     u"America/New_York"_s,
                                     u"America/Sao_Paulo"_s,   u"Canada/Newfoundland"_s,
                                     u"America/Nuuk"_s,        u"Atlantic/Cape_Verde"_s,
                                     u"Greenwich"_s,           u"Europe/London"_s,
                                     u"Europe/Paris"_s,        u"Asia/Tel_Aviv"_s,
                                     u"Europe/Moscow"_s,       u"Asia/Dubai"_s,
                                     u"Asia/Kabul"_s,          u"Asia/Karachi"_s,
                                     u"Asia/Kolkata"_s,        u"Asia/Kathmandu"_s,
                                     u"Asia/Dhaka"_s,          u"Asia/Rangoon"_s,
                                     u"Asia/Jakarta"_s,        u"Asia/Hong_Kong"_s,
                                     u"Australia/Eucla"_s,     u"Asia/Tokyo"_s,
                                     u"Australia/Adelaide"_s,  u"Australia/Brisbane"_s,
                                     u"Australia/Melbourne"_s, u"Australia/Perth"_s,
                                     u"Australia/Lord_Howe"_s, u"Pacific/Norfolk"_s,
                                     u"Pacific/Auckland"_s,    u"Pacific/Chatham"_s};
    return list;
}

Schedule Schedule::fromJson(const QJsonObject &object)
{
    Schedule s;
    s.name = json::string(object, "name"_L1);
    s.typeRaw = json::string(object, "type"_L1);
    s.type = scheduleTypeFromString(s.typeRaw);
    s.timezone = json::string(object, "timezone"_L1);
    s.time = json::string(object, "time"_L1);
    s.fromTime = json::string(object, "fromTime"_L1);
    s.toTime = json::string(object, "toTime"_L1);
    for (const QJsonValue &v : object.value("daysOfWeek"_L1).toArray())
        s.daysOfWeek.append(v.toInt());
    if (const auto v = json::optionalInt64(object, "dayOfMonth"_L1))
        s.dayOfMonth = int(*v);
    if (const auto v = json::optionalInt64(object, "dayOfWeek"_L1))
        s.dayOfWeek = int(*v);
    if (const auto v = json::optionalInt64(object, "repeatEvery"_L1))
        s.repeatEvery = int(*v);
    s.startDate = json::string(object, "startDate"_L1);
    s.endDate = json::string(object, "endDate"_L1);
    s.status = json::string(object, "status"_L1);
    return s;
}

ScheduleInput ScheduleInput::hourly(const QString &name, const QString &fromTime, const QString &toTime,
                                    const QList<int> &daysOfWeek, int repeatEvery, const QString &startDate,
                                    const QString &endDate)
{
    ScheduleInput s = base(name, ScheduleType::Hourly, startDate, endDate);
    s.fromTime = fromTime;
    s.toTime = toTime;
    s.daysOfWeek = daysOfWeek;
    s.repeatEvery = repeatEvery;
    return s;
}

ScheduleInput ScheduleInput::daily(const QString &name, const QString &time, const QString &startDate,
                                   const QString &endDate, const QList<int> &daysOfWeek)
{
    ScheduleInput s = base(name, ScheduleType::Daily, startDate, endDate);
    s.time = time;
    s.daysOfWeek = daysOfWeek;
    return s;
}

ScheduleInput ScheduleInput::weekly(const QString &name, const QString &time, const QList<int> &daysOfWeek,
                                    const QString &startDate, const QString &endDate)
{
    ScheduleInput s = base(name, ScheduleType::Weekly, startDate, endDate);
    s.time = time;
    s.daysOfWeek = daysOfWeek;
    return s;
}

ScheduleInput ScheduleInput::monthlySpecificDay(const QString &name, const QString &time, int dayOfMonth,
                                                const QString &startDate, const QString &endDate)
{
    ScheduleInput s = base(name, ScheduleType::MonthlySpecificDay, startDate, endDate);
    s.time = time;
    s.dayOfMonth = dayOfMonth;
    return s;
}

ScheduleInput ScheduleInput::monthlyRelativeWeekday(const QString &name, const QString &time, int dayOfWeek,
                                                    int repeatEvery, const QString &startDate,
                                                    const QString &endDate)
{
    ScheduleInput s = base(name, ScheduleType::MonthlyRelativeWeekday, startDate, endDate);
    s.time = time;
    s.dayOfWeek = dayOfWeek;
    s.repeatEvery = repeatEvery;
    return s;
}

QJsonObject ScheduleInput::toJson() const
{
    QJsonObject o{{u"name"_s, name},
                  {u"type"_s, scheduleTypeName(type)},
                  {u"timezone"_s, timezone},
                  {u"startDate"_s, startDate}};
    o.insert(u"endDate"_s, endDate);
    if (!time.isEmpty())
        o.insert(u"time"_s, time);
    if (!fromTime.isEmpty())
        o.insert(u"fromTime"_s, fromTime);
    if (!toTime.isEmpty())
        o.insert(u"toTime"_s, toTime);
    if (!daysOfWeek.isEmpty())
        o.insert(u"daysOfWeek"_s, intArray(daysOfWeek));
    if (dayOfMonth)
        o.insert(u"dayOfMonth"_s, *dayOfMonth);
    if (dayOfWeek)
        o.insert(u"dayOfWeek"_s, *dayOfWeek);
    if (repeatEvery)
        o.insert(u"repeatEvery"_s, *repeatEvery);
    return o;
}

QString ScheduleInput::validationError() const
{
    if (name.trimmed().isEmpty())
        return tr("The schedule needs a name");
    if (type == ScheduleType::Unknown)
        return tr("The schedule type must be hourly, daily, weekly, monthly_specific_day or "
                  "monthly_relative_weekday");
    if (!timezones().contains(timezone))
        return tr("'%1' is not a timezone CloudWorks accepts (e.g. Europe/London, America/New_York)")
            .arg(timezone);
    if (!isDate(startDate))
        return tr("The start date must be YYYY-MM-DD, not '%1'").arg(startDate);
    if (!isDate(endDate)) // required by CloudWorks (cloudworks-openapi.json Schedule)
        return tr("The end date must be YYYY-MM-DD, not '%1'").arg(endDate);
    if (endDate < startDate)
        return tr("The schedule ends (%1) before it starts (%2)").arg(endDate, startDate);
    for (int d : daysOfWeek) {
        if (d < 0 || d > 6)
            return tr("Days of the week are 0 (Sunday) to 6 (Saturday), not %1").arg(d);
    }
    if (type == ScheduleType::Hourly) {
        if (!isTime(fromTime) || !isTime(toTime))
            return tr("An hourly schedule needs fromTime and toTime as HH:mm");
        if (fromTime >= toTime)
            return tr("An hourly schedule's fromTime (%1) must be before its toTime (%2)")
                .arg(fromTime, toTime);
        if (daysOfWeek.isEmpty())
            return tr("An hourly schedule needs the days of the week it runs on");
        if (repeatEvery && (*repeatEvery < 1 || *repeatEvery > 23))
            return tr("An hourly schedule repeats every 1 to 23 hours, not %1").arg(*repeatEvery);
        return {};
    }
    if (!isTime(time))
        return tr("The schedule needs its time of day as HH:mm, not '%1'").arg(time);
    switch (type) {
    case ScheduleType::Weekly:
        if (daysOfWeek.isEmpty())
            return tr("A weekly schedule needs the days of the week it runs on");
        break;
    case ScheduleType::MonthlySpecificDay:
        if (!dayOfMonth || *dayOfMonth < 1 || *dayOfMonth > 31)
            return tr("A monthly_specific_day schedule needs a day of the month from 1 to 31");
        break;
    case ScheduleType::MonthlyRelativeWeekday:
        if (!dayOfWeek && daysOfWeek.size() != 1)
            return tr("A monthly_relative_weekday schedule needs the day of the week (0 = Sunday … 6)");
        if (dayOfWeek && (*dayOfWeek < 0 || *dayOfWeek > 6))
            return tr("Days of the week are 0 (Sunday) to 6 (Saturday), not %1").arg(*dayOfWeek);
        if (!repeatEvery || *repeatEvery < 1 || *repeatEvery > 5)
            return tr("A monthly_relative_weekday schedule needs which occurrence in the month (1 to 5)");
        break;
    default:
        break;
    }
    return {};
}

} // namespace anadesk::cloudworks
