#pragma once
// Time settings: GET/PUT …/currentPeriod, GET …/modelCalendar, PUT …/modelCalendar/fiscalYear.
// Workspace-administrator rights needed. Changing time settings can delete data in periods that
// leave the timescale (Anaplan's warning): the CLI and GUI should confirm before calling the setters.
#include "Calendar.h"
#include "api/ApiJob.h"

namespace anadesk {

// GET …/currentPeriod, or PUT …/currentPeriod {"date":"YYYY-MM-DD"} (an empty date resets it).
// Both answer the current period; after a set, lastDay is the last day of the period holding the date.
class CurrentPeriodJob : public ApiJob
{
    Q_OBJECT
public:
    // Reads the current period.
    CurrentPeriodJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    // Sets it: date "YYYY-MM-DD" (checked locally), or "" to reset.
    CurrentPeriodJob(Transport *transport, const QString &modelId, const QString &date,
                     QObject *parent = nullptr);
    bool isSet() const { return request().method == "PUT"; }
    const CurrentPeriod &currentPeriod() const { return m_period; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    CurrentPeriod m_period;
};

// PUT …/modelCalendar/fiscalYear {"year":"FY24"} → the fiscal year with its start and end dates.
class SetFiscalYearJob : public ApiJob
{
    Q_OBJECT
public:
    SetFiscalYearJob(Transport *transport, const QString &modelId, const QString &year,
                     QObject *parent = nullptr);
    const FiscalYear &fiscalYear() const { return m_year; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    FiscalYear m_year;
};

// GET …/modelCalendar → the calendar, typed by calendarType.
class GetModelCalendarJob : public ApiJob
{
    Q_OBJECT
public:
    GetModelCalendarJob(Transport *transport, const QString &modelId, QObject *parent = nullptr);
    const ModelCalendar &calendar() const { return m_calendar; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ModelCalendar m_calendar;
};

} // namespace anadesk
