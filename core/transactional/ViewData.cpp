#include "ViewData.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
        return i != std::numeric_limits<qint64>::min()
                   ? QString::number(i)
                   : QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return QString(); // null: an empty cell
    }
}

QStringList texts(const QJsonValue &value)
{
    QStringList result;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        result.reserve(array.size());
        for (const QJsonValue &v : array)
            result.append(cellText(v));
    } else if (!value.isUndefined() && !value.isNull()) {
        result.append(cellText(value)); // a single coordinate sent bare
    }
    return result;
}
} // namespace

qint64 ViewData::cellCount() const
{
    qint64 count = 0;
    for (const ViewDataRow &row : rows)
        count += row.cells.size();
    return count;
}

QString ViewData::parse(const QByteArray &json, ViewData *out)
{
    *out = ViewData();
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QCoreApplication::translate("anadesk", "the view data is not valid JSON (%1 at byte %2)")
            .arg(error.errorString())
            .arg(error.offset);
    if (!document.isObject())
        return QCoreApplication::translate("anadesk", "the view data is not a JSON object");
    const QJsonObject root = document.object();
    document = QJsonDocument(); // the object keeps the data alive; drop the extra handle early
    out->pages = texts(root.value("pages"_L1));
    const QJsonArray columns = root.value("columnCoordinates"_L1).toArray();
    out->columnCoordinates.reserve(columns.size());
    for (const QJsonValue &column : columns)
        out->columnCoordinates.append(texts(column));
    const QJsonValue rowsValue = root.value("rows"_L1);
    if (!rowsValue.isUndefined() && !rowsValue.isNull() && !rowsValue.isArray())
        return QCoreApplication::translate("anadesk", "'rows' of the view data is not an array");
    const QJsonArray rows = rowsValue.toArray();
    out->rows.reserve(rows.size());
    for (const QJsonValue &rowValue : rows) {
        const QJsonObject row = rowValue.toObject();
        out->rows.append(ViewDataRow{texts(row.value("rowCoordinates"_L1)), texts(row.value("cells"_L1))});
    }
    return QString();
}

} // namespace anadesk
