// Current period (GET/PUT), model calendar (GET) and the current fiscal year (PUT).
#include "RouteContext.h"

#include <QDate>
#include <QRegularExpression>

namespace sandbox::tx {

namespace {

const QString kCalendarType = QStringLiteral("Calendar Months/Quarters/Years");

QJsonObject periodJson(const TxCalendar &c, bool withType)
{
    QJsonObject o{{QStringLiteral("periodText"),
                   c.currentPeriod.isValid() ? c.monthName(c.currentPeriod.month() - 1) : QString()},
                  {QStringLiteral("lastDay"),
                   c.currentPeriod.isValid() ? c.currentPeriod.toString(Qt::ISODate) : QString()}};
    if (withType)
        o.insert(QStringLiteral("calendarType"), kCalendarType);
    return o;
}

QJsonObject calendarJson(const TxCalendar &c)
{
    // Totals keys: the library reads quarterTotals…, the live spec shows isQuarterTotals…: both are sent.
    QJsonObject totals{
        {QStringLiteral("quarterTotals"), true},      {QStringLiteral("halfYearTotals"), false},
        {QStringLiteral("yearToDateSummary"), true},  {QStringLiteral("yearToGoSummary"), false},
        {QStringLiteral("totalOfAllPeriods"), false}, {QStringLiteral("isQuarterTotals"), true},
        {QStringLiteral("isHalfYearTotals"), false},  {QStringLiteral("isYearToDateSummary"), true},
        {QStringLiteral("isYearToGoSummary"), false}, {QStringLiteral("isTotalOfAllPeriods"), false}};
    return {{QStringLiteral("calendarType"), kCalendarType},
            {QStringLiteral("fiscalYear"),
             QJsonObject{{QStringLiteral("year"), c.yearText()},
                         {QStringLiteral("startDate"), c.start().toString(Qt::ISODate)},
                         {QStringLiteral("endDate"), c.end().toString(Qt::ISODate)}}},
            {QStringLiteral("currentPeriod"), periodJson(c, false)},
            {QStringLiteral("pastYearsCount"), 0},
            {QStringLiteral("totalsSelection"), totals}};
}

HttpResponse readCalendar(Transactional &tx, const HttpRequest &request, const RouteMatch &m, bool period)
{
    Loaded l;
    HttpResponse error;
    if (!loadModel(tx, request, m, &l, &error))
        return error;
    const TxCalendar &c = l.catalog->model().calendar;
    if (period)
        return single({{QStringLiteral("currentPeriod"), periodJson(c, true)}},
                      schemaUrl(l.record.id, QStringLiteral("currentPeriod")));
    return single({{QStringLiteral("modelCalendar"), calendarJson(c)}},
                  schemaUrl(l.record.id, QStringLiteral("modelCalendar")));
}

HttpResponse setPeriod(Transactional &tx, const HttpRequest &request, const RouteMatch &m)
{
    QString date;
    bool inBody = false;
    if (!request.body.trimmed().isEmpty()) {
        QJsonObject body;
        QString error;
        if (!jsonBody(request, &body, &error))
            return failure(request, 400, error);
        if (body.contains(QStringLiteral("date"))) {
            date = body.value(QStringLiteral("date")).toString();
            inBody = true;
        }
    }
    if (request.hasQuery(QStringLiteral("date"))) {
        if (inBody)
            return failure(
                request, 400,
                QStringLiteral("Send the date either as ?date= or in the body {\"date\":…}, not both."));
        date = request.queryValue(QStringLiteral("date"));
    } else if (!inBody) {
        return failure(
            request, 400,
            QStringLiteral(
                "The body needs {\"date\":\"YYYY-MM-DD\"} (an empty date resets the current period)."));
    }
    QDate parsed;
    if (!date.isEmpty()) {
        static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        parsed = QDate::fromString(date, QStringLiteral("yyyy-MM-dd"));
        if (!iso.match(date).hasMatch() || !parsed.isValid())
            return failure(request, 400,
                           QStringLiteral("Invalid ISO date format '%1'. Date should match format YYYY-MM-DD")
                               .arg(date));
    }
    TxCalendar result;
    const Failure f =
        writeModel(tx, m, [&](const ModelRecord &, ModelData &, TxModel &model, bool *saveTx) -> Failure {
            TxCalendar &c = model.calendar;
            if (parsed.isValid() && (parsed < c.start() || parsed > c.end()))
                return {400, QStringLiteral("Specified date '%1' is out of timescale range %2 - %3")
                                 .arg(date, c.start().toString(Qt::ISODate), c.end().toString(Qt::ISODate))};
            // The period containing the date becomes current; its last day is the month's last day.
            c.currentPeriod =
                parsed.isValid() ? QDate(parsed.year(), parsed.month(), parsed.daysInMonth()) : QDate();
            result = c;
            *saveTx = true;
            return {};
        });
    if (f)
        return failure(request, f);
    return single({{QStringLiteral("currentPeriod"), periodJson(result, true)}},
                  schemaUrl(m.param(QStringLiteral("model")), QStringLiteral("currentPeriod")));
}

HttpResponse setFiscalYear(Transactional &tx, const HttpRequest &request, const RouteMatch &m)
{
    QJsonObject body;
    QString error;
    if (!jsonBody(request, &body, &error))
        return failure(request, 400, error);
    const QString year = body.value(QStringLiteral("year")).toString();
    static const QRegularExpression pattern(QStringLiteral("^FY(\\d{2}|\\d{4})$"));
    const auto match = pattern.match(year);
    if (!match.hasMatch())
        return failure(
            request, 400,
            QStringLiteral("year '%1' must look like FY24 (the model's fiscal year format).").arg(year));
    int value = match.captured(1).toInt();
    if (value < 100)
        value += 2000;
    const int now = QDate::currentDate().year();
    TxCalendar result;
    const Failure f =
        writeModel(tx, m, [&](const ModelRecord &, ModelData &, TxModel &model, bool *saveTx) -> Failure {
            if (value < now - 10 || value > now + 10)
                return {400,
                        QStringLiteral(
                            "Fiscal year %1 is out of range: this model's calendar supports FY%2 to FY%3.")
                            .arg(year)
                            .arg((now - 10) % 100, 2, 10, QLatin1Char('0'))
                            .arg((now + 10) % 100, 2, 10, QLatin1Char('0'))};
            TxCalendar &c = model.calendar;
            const int month = c.currentPeriod.isValid() ? c.currentPeriod.month() : 0;
            c.fiscalYear = value;
            // The timescale moves with the fiscal year; the current period keeps its month.
            if (month > 0)
                c.currentPeriod = QDate(value, month, QDate(value, month, 1).daysInMonth());
            result = c;
            *saveTx = true;
            return {};
        });
    if (f)
        return failure(request, f);
    return single({{QStringLiteral("modelCalendar"), calendarJson(result)}},
                  schemaUrl(m.param(QStringLiteral("model")), QStringLiteral("modelCalendar")));
}

} // namespace

void registerCalendarRoutes(Router &router, Transactional &tx)
{
    for (const QString &prefix : kModelPrefixes) {
        router.add("GET", prefix + QStringLiteral("/currentPeriod"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       return readCalendar(tx, request, m, true);
                   });
        router.add(
            "PUT", prefix + QStringLiteral("/currentPeriod"),
            [&tx](const HttpRequest &request, const RouteMatch &m) { return setPeriod(tx, request, m); });
        router.add("GET", prefix + QStringLiteral("/modelCalendar"),
                   [&tx](const HttpRequest &request, const RouteMatch &m) {
                       return readCalendar(tx, request, m, false);
                   });
        router.add(
            "PUT", prefix + QStringLiteral("/modelCalendar/fiscalYear"),
            [&tx](const HttpRequest &request, const RouteMatch &m) { return setFiscalYear(tx, request, m); });
    }
}

} // namespace sandbox::tx
