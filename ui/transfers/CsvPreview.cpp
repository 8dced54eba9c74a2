#include "CsvPreview.h"

#include <QFile>
#include <QStringDecoder>
#include <algorithm>
#include <optional>

namespace anadesk {

namespace {

QChar separatorFrom(const QString &raw)
{
    const QString value = raw.trimmed().toLower();
    if (raw == QLatin1String("\t") || value == QLatin1String("tab") || value == QLatin1String("\\t"))
        return QLatin1Char('\t');
    if (value == QLatin1String("comma"))
        return QLatin1Char(',');
    if (value == QLatin1String("semicolon"))
        return QLatin1Char(';');
    if (value == QLatin1String("pipe"))
        return QLatin1Char('|');
    if (raw == QLatin1String(" ") || value == QLatin1String("space"))
        return QLatin1Char(' ');
    if (raw.size() == 1)
        return raw.at(0);
    return QLatin1Char(',');
}

QString visible(QChar c)
{
    if (c.isNull())
        return CsvReader::tr("none");
    if (c == QLatin1Char('\t'))
        return CsvReader::tr("tab");
    if (c == QLatin1Char(' '))
        return CsvReader::tr("space");
    return QStringLiteral("'") + c + QStringLiteral("'");
}

} // namespace

CsvFormat CsvFormat::forFile(const File &file)
{
    CsvFormat format;
    if (!file.separator.isEmpty())
        format.separator = separatorFrom(file.separator);
    // Anaplan calls the quote character "delimiter"; an empty one means fields are not quoted.
    format.quote = file.delimiter.size() == 1 ? file.delimiter.at(0) : QChar();
    if (file.delimiter.isEmpty() && file.separator.isEmpty())
        format.quote = QLatin1Char('"'); // no metadata at all (export files): plain CSV
    format.headerRow = std::max(0, file.headerRow);
    format.firstDataRow = std::max(0, file.firstDataRow);
    if (file.headerRow == 0 && file.firstDataRow == 0 && file.separator.isEmpty()) {
        format.headerRow = 1;
        format.firstDataRow = 2;
    }
    if (!file.encoding.isEmpty())
        format.encoding = file.encoding;
    return format;
}

QString CsvFormat::describe() const
{
    const QString header =
        headerRow > 0 ? CsvReader::tr("header row %1").arg(headerRow) : CsvReader::tr("no header row");
    const QString data = firstDataRow > 0 ? CsvReader::tr("data from row %1").arg(firstDataRow)
                                          : CsvReader::tr("no data rows");
    return CsvReader::tr("Separator %1 · quote %2 · %3 · %4 · %5")
        .arg(visible(separator), visible(quote), header, data, encoding);
}

int CsvTable::columnCount() const
{
    qsizetype count = header.size();
    for (const QStringList &row : rows)
        count = std::max(count, row.size());
    return int(count);
}

QList<QStringList> CsvReader::parseRecords(const QString &text, QChar separator, QChar quote, bool complete,
                                           int maxRecords)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false; // something (even an empty quoted field) belongs to the current record
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto endRecord = [&] {
        record.append(field);
        records.append(record);
        record.clear();
        field.clear();
        fieldStarted = false;
    };
    while (i < n) {
        if (maxRecords >= 0 && records.size() >= maxRecords)
            return records;
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == quote) {
                if (i + 1 < n && text.at(i + 1) == quote) {
                    field += quote; // "" inside a quoted field is one quote
                    i += 2;
                    continue;
                }
                inQuotes = false;
            } else {
                field += c;
            }
            ++i;
            continue;
        }
        if (!quote.isNull() && c == quote) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == separator) {
            record.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            endRecord();
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
        } else {
            field += c;
            fieldStarted = true;
        }
        ++i;
    }
    // The rest after the last line break: a record unless the text was cut (then it may be unfinished).
    if (complete && (fieldStarted || !field.isEmpty() || !record.isEmpty()))
        endRecord();
    if (maxRecords >= 0 && records.size() > maxRecords)
        records.resize(maxRecords);
    return records;
}

bool CsvReader::decode(const QByteArray &bytes, const QString &encoding, QString *text, QString *error,
                       bool *hadInvalid, bool complete)
{
    const QByteArray name = encoding.trimmed().toLatin1();
    std::optional<QStringConverter::Encoding> known = QStringConverter::encodingForName(name.constData());
    // Anaplan's names for the same encodings ("ISO-8859-1" is known to Qt as Latin1 already).
    if (!known && (name.compare("US-ASCII", Qt::CaseInsensitive) == 0 ||
                   name.compare("ASCII", Qt::CaseInsensitive) == 0))
        known = QStringConverter::Latin1;
    QStringDecoder decoder = known ? QStringDecoder(*known, QStringConverter::Flag::Stateless)
                                   : QStringDecoder(name.constData(), QStringConverter::Flag::Stateless);
    if (!decoder.isValid()) {
        if (error)
            *error =
                tr("The encoding '%1' is not known on this computer; the preview cannot be shown. The upload "
                   "itself sends the bytes unchanged.")
                    .arg(encoding);
        return false;
    }
    QByteArray input = bytes;
    if (!complete && (known == QStringConverter::Utf8 || !known)) {
        // A cut preview may end inside a multi-byte sequence: drop the incomplete tail instead of
        // reporting it as invalid.
        const qsizetype end = input.size();
        qsizetype continuation = 0;
        while (continuation < 3 && end - continuation - 1 >= 0 &&
               (uchar(input.at(end - continuation - 1)) & 0xC0) == 0x80)
            ++continuation;
        const qsizetype leadAt = end - continuation - 1;
        if (leadAt >= 0) {
            const uchar lead = uchar(input.at(leadAt));
            const int expected = (lead & 0xE0) == 0xC0   ? 2
                                 : (lead & 0xF0) == 0xE0 ? 3
                                 : (lead & 0xF8) == 0xF0 ? 4
                                                         : 1;
            if (continuation + 1 < expected)
                input.truncate(leadAt);
        }
    } else if (!complete && (known == QStringConverter::Utf16LE || known == QStringConverter::Utf16BE ||
                             known == QStringConverter::Utf16)) {
        input.truncate(input.size() & ~qsizetype(1));
    }
    QString decoded = decoder.decode(input);
    if (hadInvalid)
        *hadInvalid = decoder.hasError();
    if (decoded.startsWith(QChar(0xFEFF)))
        decoded.remove(0, 1);
    *text = decoded;
    return true;
}

CsvTable CsvReader::tableFrom(const QList<QStringList> &records, const CsvFormat &format, int maxRows)
{
    CsvTable table;
    if (format.headerRow > 0 && format.headerRow <= records.size())
        table.header = records.at(format.headerRow - 1);
    if (format.firstDataRow > 0) {
        for (qsizetype r = format.firstDataRow - 1; r < records.size(); ++r) {
            if (maxRows >= 0 && table.rows.size() >= maxRows) {
                table.truncated = true;
                break;
            }
            if (r == format.headerRow - 1)
                continue;
            table.rows.append(records.at(r));
            table.recordNumbers.append(int(r + 1));
        }
    }
    return table;
}

CsvTable CsvReader::previewFile(const QString &path, const CsvFormat &format, int maxRows, qint64 maxBytes)
{
    CsvTable table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        table.error = tr("Cannot read '%1': %2. Check that the file exists and that you may read it.")
                          .arg(path, file.errorString());
        return table;
    }
    table.sourceBytes = file.size();
    const QByteArray head = file.read(maxBytes);
    if (head.isEmpty() && file.size() > 0) {
        table.error = tr("Cannot read '%1': %2.").arg(path, file.errorString());
        return table;
    }
    const bool complete = head.size() >= file.size();
    QString text;
    QString error;
    bool invalid = false;
    if (!decode(head, format.encoding, &text, &error, &invalid, complete)) {
        table.error = error;
        return table;
    }
    const int wanted = std::max(format.headerRow, format.firstDataRow) + maxRows + 1;
    const QList<QStringList> records = parseRecords(text, format.separator, format.quote, complete, wanted);
    CsvTable parsed = tableFrom(records, format, maxRows);
    parsed.sourceBytes = table.sourceBytes;
    parsed.truncated = parsed.truncated || !complete;
    if (invalid)
        parsed.warning =
            tr("Some bytes of '%1' are not valid %2 (shown as �). Anaplan will reject those rows unless the "
               "file's encoding is changed.")
                .arg(path, format.encoding);
    return parsed;
}

CsvFormat CsvReader::sniffFormat(const QByteArray &head)
{
    CsvFormat format;
    format.encoding = QStringLiteral("UTF-8");
    if (head.startsWith("\xFF\xFE"))
        format.encoding = QStringLiteral("UTF-16LE");
    else if (head.startsWith("\xFE\xFF"))
        format.encoding = QStringLiteral("UTF-16BE");
    QString text;
    QString ignored;
    decode(head.left(64 * 1024), format.encoding, &text, &ignored, nullptr, false);
    const QList<QChar> candidates{QLatin1Char(','), QLatin1Char('\t'), QLatin1Char(';'), QLatin1Char('|')};
    QList<int> counts(candidates.size(), 0);
    bool inQuotes = false;
    for (const QChar c : std::as_const(text)) {
        if (c == QLatin1Char('"'))
            inQuotes = !inQuotes;
        else if (!inQuotes && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!inQuotes) {
            const qsizetype at = candidates.indexOf(c);
            if (at >= 0)
                ++counts[at];
        }
    }
    qsizetype best = 0;
    for (qsizetype i = 1; i < candidates.size(); ++i) {
        if (counts.at(i) > counts.at(best))
            best = i;
    }
    format.separator = candidates.at(best);
    return format;
}

CsvTable CsvReader::parseDocument(const QByteArray &bytes, const CsvFormat &format)
{
    QString text;
    QString error;
    bool invalid = false;
    if (!decode(bytes, format.encoding, &text, &error, &invalid, true)) {
        CsvTable table;
        table.error = error;
        table.sourceBytes = bytes.size();
        return table;
    }
    CsvTable table = tableFrom(parseRecords(text, format.separator, format.quote, true), format, -1);
    table.sourceBytes = bytes.size();
    if (invalid)
        table.warning = tr("Some bytes are not valid %1 (shown as �).").arg(format.encoding);
    return table;
}

} // namespace anadesk
