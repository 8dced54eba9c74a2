#include "CloudCli.h"

#include "../../CommandHelpers.h"
#include "../../InputFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace anadesk::cli::cloud {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudCli", text);
}

// Input files are small (a user, a connection, a flow); anything larger is a mistake, not an input.
constexpr qint64 kMaxInputBytes = 16 * 1024 * 1024;

QString inputLabel(const QString &path)
{
    return isStandardInput(path) ? tr("standard input") : QDir::toNativeSeparators(path);
}

} // namespace

ApiError readJsonInput(const QString &path, const QString &what, QJsonValue *out)
{
    QFile file;
    if (!openInput(&file, path))
        return localIo(tr("Cannot read %1").arg(what), inputLabel(path), file.errorString(),
                       tr("Check the path given to --from."));
    const QByteArray data = file.read(kMaxInputBytes + 1);
    if (data.size() > kMaxInputBytes)
        return usage(tr("%1 is larger than 16 MB: %2").arg(what, inputLabel(path)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The line of the error helps more than a byte offset in a hand-written file.
        const qsizetype line = data.left(parseError.offset).count('\n') + 1;
        ApiError e =
            usage(tr("%1 is not valid JSON: %2 at line %3").arg(what, parseError.errorString()).arg(line),
                  tr("Fix the file; see the input format in 'anadesk-cli COMMAND --help'."));
        e.object = inputLabel(path);
        return e;
    }
    *out = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return {};
}

ApiError readJsonObjectInput(const QString &path, const QString &what, QJsonObject *out)
{
    QJsonValue value;
    if (ApiError e = readJsonInput(path, what, &value); e.isError())
        return e;
    if (!value.isObject()) {
        ApiError e = usage(tr("%1 must be a JSON object ({…})").arg(what));
        e.object = inputLabel(path);
        return e;
    }
    *out = value.toObject();
    return {};
}

ApiError requireFromObject(CommandContext &c, const QString &what, QJsonObject *out)
{
    if (!c.args.isSet(QStringLiteral("from")) || c.args.value(QStringLiteral("from")).isEmpty())
        return usage(tr("No input given for %1").arg(what),
                     tr("Pass --from PATH (a JSON file, or - for standard input)."));
    return readJsonObjectInput(c.args.value(QStringLiteral("from")), what, out);
}

ApiError badField(const QString &path, const QString &field, const QString &problem)
{
    ApiError e = usage(field.isEmpty() ? problem : tr("'%1' %2").arg(field, problem),
                       tr("Fix the input file; see the format in 'anadesk-cli COMMAND --help'."));
    e.object = inputLabel(path);
    return e;
}

QString idString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::isfinite(d) && d >= 0 && d == std::floor(d) && d < 9.0e15)
            return QString::number(qint64(d));
    }
    return QString();
}

QStringList stringList(const QJsonValue &value, bool *ok)
{
    *ok = value.isArray();
    QStringList list;
    for (const QJsonValue &v : value.toArray()) {
        const QString s = idString(v);
        if (s.isEmpty())
            *ok = false;
        else
            list.append(s);
    }
    return list;
}

QStringList splitList(const QString &text)
{
    QStringList list;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            list.append(trimmed);
    }
    return list;
}

bool looksLikeHexId(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    return hex.match(text).hasMatch();
}

ApiError intOption(const CommandContext &c, const QString &option, int min, int max, int *out)
{
    bool ok = false;
    const QString text = c.args.value(option);
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < min || value > max)
        return usage(
            tr("--%1 '%2' must be a whole number from %3 to %4").arg(option, text).arg(min).arg(max));
    *out = value;
    return {};
}

ApiError maxWaitOption(const CommandContext &c, qint64 *outMs)
{
    *outMs = 0;
    if (!c.args.isSet(QStringLiteral("max-wait")))
        return {};
    bool ok = false;
    const double seconds = c.args.value(QStringLiteral("max-wait")).toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 1 || seconds > 7 * 24 * 3600)
        return usage(tr("--max-wait '%1' must be a number of seconds from 1 to 604800")
                         .arg(c.args.value(QStringLiteral("max-wait"))));
    *outMs = qint64(seconds * 1000.0);
    return {};
}

void pause(int ms, const bool *stop)
{
    if (stop && *stop)
        return;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(ms);
    if (!stop) {
        loop.exec();
        return;
    }
    // Checked a few times a second so a stop request (from a Ctrl-C handler) ends the pause early.
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&loop, stop] {
        if (*stop)
            loop.quit();
    });
    check.start(100);
    loop.exec();
}

int pollDelayMs(int baseMs, int poll)
{
    constexpr int kPollsAtBase = 10;
    constexpr double kGrowth = 1.25;
    constexpr int kMaxDelayMs = 30'000;
    if (poll < kPollsAtBase)
        return baseMs;
    const double grown = double(baseMs) * std::pow(kGrowth, double(poll - kPollsAtBase + 1));
    return std::max(baseMs, int(std::min(grown, double(kMaxDelayMs))));
}

OptionSpec fromOption(const QString &help)
{
    return {QStringLiteral("from"), {}, QStringLiteral("PATH"), help};
}

} // namespace anadesk::cli::cloud
