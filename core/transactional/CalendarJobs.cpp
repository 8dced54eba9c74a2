#include "CalendarJobs.h"

#include "TxJobHelpers.h"

#include <QDate>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
bool isIsoDate(const QString &date)
{
    static const QRegularExpression shape(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    return shape.match(date).hasMatch() && QDate::fromString(date, Qt::ISODate).isValid();
}
} // namespace

CurrentPeriodJob::CurrentPeriodJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get current period"));
    ApiRequest request;
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"currentPeriod"_s});
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
}

CurrentPeriodJob::CurrentPeriodJob(Transport *transport, const QString &modelId, const QString &date,
                                   QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(date.isEmpty() ? tr("Reset current period") : tr("Set current period"));
    ApiRequest request;
    request.method = "PUT";
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"currentPeriod"_s});
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"date"_s, date.trimmed()}}).toJson(QJsonDocument::Compact);
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (!date.trimmed().isEmpty() && !isIsoDate(date.trimmed()))
        failOnStart(
            badInput(tr("'%1' is not a date in the form YYYY-MM-DD").arg(date), modelLabel(modelId),
                     tr("Give the date as YYYY-MM-DD (for example 2024-05-20), or an empty date to reset.")));
}

ApiError CurrentPeriodJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("currentPeriod"_L1);
    if (!value.isObject())
        return malformed(tr("no 'currentPeriod' object"));
    m_period = CurrentPeriod::fromJson(value.toObject());
    return {};
}

SetFiscalYearJob::SetFiscalYearJob(Transport *transport, const QString &modelId, const QString &year,
                                   QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Set current fiscal year"));
    ApiRequest request;
    request.method = "PUT";
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"modelCalendar"_s, u"fiscalYear"_s});
    request.contentType = "application/json";
    request.body = QJsonDocument(QJsonObject{{u"year"_s, year.trimmed()}}).toJson(QJsonDocument::Compact);
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
    else if (year.trimmed().isEmpty())
        failOnStart(badInput(tr("No fiscal year given"), modelLabel(modelId),
                             tr("Give the year as the model's calendar names it, for example FY24.")));
}

ApiError SetFiscalYearJob::parseJson(const QJsonObject &json)
{
    const QJsonObject calendar = json.value("modelCalendar"_L1).toObject();
    const QJsonValue value = calendar.value("fiscalYear"_L1);
    if (!value.isObject())
        return malformed(tr("no 'modelCalendar.fiscalYear' object"));
    m_year = FiscalYear::fromJson(value.toObject());
    return {};
}

GetModelCalendarJob::GetModelCalendarJob(Transport *transport, const QString &modelId, QObject *parent)
    : ApiJob(transport, {}, parent)
{
    setDescription(tr("Get model calendar"));
    ApiRequest request;
    request.url = txUrl(detail::endpointsOf(transport), modelId, {u"modelCalendar"_s});
    request.object = modelLabel(modelId);
    setRequest(request);
    if (const ApiError e = detail::missingId(modelId, {}); e.isError())
        failOnStart(e);
}

ApiError GetModelCalendarJob::parseJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("modelCalendar"_L1);
    if (!value.isObject())
        return malformed(tr("no 'modelCalendar' object"));
    m_calendar = ModelCalendar::fromJson(value.toObject());
    return {};
}

} // namespace anadesk
