#include "JsonRead.h"

#include <cmath>

namespace anadesk::json {

namespace {

std::optional<qint64> integralOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        // toInteger() is exact for values the parser kept as integers (up to 2^63).
        const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
        if (i != std::numeric_limits<qint64>::min())
            return i;
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e15)
            return static_cast<qint64>(d);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 i = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return i;
    }
    return std::nullopt;
}

QString render(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble()) {
        if (const auto i = integralOf(value))
            return QString::number(*i);
        return QString::number(value.toDouble(), 'g', 17);
    }
    return QString();
}

} // namespace

QString idString(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        if (const auto i = integralOf(value))
            return QString::number(*i);
    }
    return QString();
}

QString string(const QJsonObject &object, QLatin1StringView key, const QString &fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull() || value.isArray() || value.isObject())
        return fallback;
    return render(value);
}

std::optional<QString> optionalString(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull() || value.isArray() || value.isObject())
        return std::nullopt;
    return render(value);
}

qint64 int64(const QJsonObject &object, QLatin1StringView key, qint64 fallback)
{
    return optionalInt64(object, key).value_or(fallback);
}

std::optional<qint64> optionalInt64(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (const auto i = integralOf(value))
        return i;
    if (value.isDouble() && std::isfinite(value.toDouble()) && std::fabs(value.toDouble()) < 9.0e18)
        return static_cast<qint64>(value.toDouble()); // a fraction where an integer was expected
    return std::nullopt;
}

double number(const QJsonObject &object, QLatin1StringView key, double fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return fallback;
}

bool boolean(const QJsonObject &object, QLatin1StringView key, bool fallback)
{
    return optionalBoolean(object, key).value_or(fallback);
}

std::optional<bool> optionalBoolean(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString s = value.toString().trimmed().toLower();
        if (s == QLatin1String("true"))
            return true;
        if (s == QLatin1String("false"))
            return false;
    }
    if (value.isDouble())
        return value.toDouble() != 0.0;
    return std::nullopt;
}

QStringList stringList(const QJsonObject &object, QLatin1StringView key)
{
    QStringList result;
    const QJsonArray array = object.value(key).toArray();
    result.reserve(array.size());
    for (const QJsonValue &element : array)
        result.append(element.isNull() ? QString() : render(element));
    return result;
}

QList<QJsonObject> objectList(const QJsonObject &object, QLatin1StringView key)
{
    QList<QJsonObject> result;
    const QJsonArray array = object.value(key).toArray();
    result.reserve(array.size());
    for (const QJsonValue &element : array) {
        if (element.isObject())
            result.append(element.toObject());
    }
    return result;
}

} // namespace anadesk::json
