#include "Output.h"

#include "net/Redaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>

#ifdef Q_OS_UNIX
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::Output", text);
}

bool isTerminal(std::FILE *file)
{
#ifdef Q_OS_UNIX
    return ::isatty(::fileno(file)) == 1;
#elif defined(Q_OS_WIN)
    return _isatty(_fileno(file)) != 0;
#else
    Q_UNUSED(file);
    return false;
#endif
}

void write(std::FILE *file, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), file);
    std::fflush(file);
}

} // namespace

Output::Output(bool json, std::FILE *out, std::FILE *err)
    : m_json(json)
    , m_out(out)
    , m_err(err)
    , m_stderrTty(isTerminal(err))
{}

void Output::writeOut(const QString &text)
{
    write(m_out, text);
}

void Output::writeErr(const QString &text) const
{
    write(m_err, text);
}

void Output::writeJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    writeOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    m_resultPrinted = true;
}

QString Output::cell(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'f', 2);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts.append(cell(v));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    }
    return QString();
}

QString Output::table(const QList<QStringList> &rows, const QList<bool> &alignRight)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = qMax(widths[c], row.at(c).size());
        }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const bool last = c + 1 == row.size();
            const bool right = c < alignRight.size() && alignRight.at(c);
            if (c > 0)
                line += QStringLiteral("  ");
            if (right)
                line += row.at(c).rightJustified(widths.at(c));
            else
                line += last ? row.at(c) : row.at(c).leftJustified(widths.at(c));
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

void Output::list(const QJsonArray &items, const QList<Column> &columns)
{
    if (m_json) {
        writeJson(items);
        return;
    }
    QList<QStringList> rows;
    QList<bool> right;
    QStringList header;
    for (const Column &c : columns) {
        header.append(c.header);
        right.append(c.alignRight);
    }
    rows.append(header);
    for (const QJsonValue &item : items) {
        QStringList row;
        const QJsonObject object = item.toObject();
        for (const Column &c : columns)
            row.append(cell(object.value(c.key)));
        rows.append(row);
    }
    writeOut(table(rows, right));
    m_resultPrinted = true;
    if (items.isEmpty())
        info(tr("(no entries)"));
}

void Output::object(const QJsonObject &value, const QList<std::pair<QString, QString>> &fields)
{
    if (m_json) {
        writeJson(value);
        return;
    }
    QList<QStringList> rows;
    for (const auto &[key, label] : fields) {
        const QJsonValue v = value.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()))
            continue; // humans read what is there; JSON keeps every key
        rows.append({label + QLatin1Char(':'), cell(value.value(key))});
    }
    writeOut(table(rows, {}));
    m_resultPrinted = true;
}

void Output::scalar(const QString &human, const QJsonObject &json)
{
    if (m_json)
        writeJson(json);
    else
        writeOut(human + QLatin1Char('\n'));
    m_resultPrinted = true;
}

void Output::humanLines(const QStringList &lines)
{
    if (m_json || lines.isEmpty())
        return;
    writeOut(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void Output::info(const QString &message) const
{
    writeErr(message + QLatin1Char('\n'));
}

void Output::warning(const QString &message) const
{
    writeErr(tr("anadesk-cli: warning: %1\n").arg(redactSecrets(message)));
}

void Output::error(const ApiError &error) const
{
    // Server messages are already redacted by core; redact once more, so nothing that echoes a
    // header can reach the terminal or a log file.
    writeErr(tr("anadesk-cli: error: %1\n").arg(redactSecrets(error.toString())));
}

void Output::usageError(const QString &message, const QString &command) const
{
    const QString help = command.isEmpty() ? QStringLiteral("anadesk-cli --help")
                                           : QStringLiteral("anadesk-cli %1 --help").arg(command);
    writeErr(tr("anadesk-cli: %1\nRun '%2' for usage.\n").arg(redactSecrets(message), help));
}

QJsonObject Output::errorJson(const ApiError &error)
{
    QJsonObject o{{QStringLiteral("category"), categoryName(error.category)},
                  {QStringLiteral("exitCode"), exitCodeFor(error.category)},
                  {QStringLiteral("message"), redactSecrets(error.message)}};
    if (error.httpStatus)
        o.insert(QStringLiteral("httpStatus"), error.httpStatus);
    if (!error.object.isEmpty())
        o.insert(QStringLiteral("object"), error.object);
    if (!error.hint.isEmpty())
        o.insert(QStringLiteral("hint"), error.hint);
    if (!error.serverMessage.isEmpty())
        o.insert(QStringLiteral("serverMessage"), redactSecrets(error.serverMessage));
    return o;
}

// --- ProgressLine ------------------------------------------------------------------------------

ProgressLine::ProgressLine(const Output &output)
    : m_output(output)
    , m_enabled(output.stderrIsTerminal())
{}

ProgressLine::~ProgressLine()
{
    finish();
}

void ProgressLine::update(const QString &text)
{
    if (!m_enabled)
        return;
    QString line = QLatin1Char('\r') + text;
    if (text.size() < m_lastWidth)
        line += QString(m_lastWidth - text.size(), QLatin1Char(' '));
    m_lastWidth = text.size();
    m_output.writeErr(line);
    m_open = true;
}

void ProgressLine::finish()
{
    if (m_enabled && m_open)
        m_output.writeErr(QStringLiteral("\n"));
    m_open = false;
    m_lastWidth = 0;
}

QString ProgressLine::bytes(qint64 count)
{
    return QLocale::c().formattedDataSize(count, 1, QLocale::DataSizeSIFormat);
}

} // namespace anadesk::cli
