#pragma once
// Tolerant readers for Anaplan's JSON. Servers send ids as strings but sometimes as numbers, numbers
// sometimes as strings, and optional keys may be missing or null: none of that may break a listing.
// Every reader returns the fallback instead of failing.
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace anadesk::json {

// An identifier exactly as sent: a string stays byte-for-byte; an integral number becomes its decimal
// digits (113000000000, never 1.13e+11). Anything else (null, bool, object, fraction) gives "".
QString idString(const QJsonValue &value);

// A string value; numbers and booleans are rendered, null/missing give `fallback`.
QString string(const QJsonObject &object, QLatin1StringView key, const QString &fallback = {});
// Like string() but keeps the distinction "absent or null" (std::nullopt) from "present".
std::optional<QString> optionalString(const QJsonObject &object, QLatin1StringView key);

// A whole number, also from a numeric string ("42"); anything else gives `fallback`.
qint64 int64(const QJsonObject &object, QLatin1StringView key, qint64 fallback = 0);
std::optional<qint64> optionalInt64(const QJsonObject &object, QLatin1StringView key);
double number(const QJsonObject &object, QLatin1StringView key, double fallback = 0.0);
// true/false, also from "true"/"false" strings and 0/1 numbers.
bool boolean(const QJsonObject &object, QLatin1StringView key, bool fallback = false);
std::optional<bool> optionalBoolean(const QJsonObject &object, QLatin1StringView key);

// An array of strings; null elements become null QStrings, numbers are rendered.
QStringList stringList(const QJsonObject &object, QLatin1StringView key);
// An array of objects; non-object elements are skipped.
QList<QJsonObject> objectList(const QJsonObject &object, QLatin1StringView key);

} // namespace anadesk::json
