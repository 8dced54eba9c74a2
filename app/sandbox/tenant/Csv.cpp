#include "Csv.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace sandbox {

namespace {
constexpr qint64 kReadBlock = 1 << 20;

bool isUtf16(const QString &encoding)
{
    return encoding.compare(QLatin1String("UTF-16LE"), Qt::CaseInsensitive) == 0;
}
bool isLatin1(const QString &encoding)
{
    return encoding.compare(QLatin1String("ISO-8859-1"), Qt::CaseInsensitive) == 0
           || encoding.compare(QLatin1String("Latin1"), Qt::CaseInsensitive) == 0;
}
} // namespace

CsvSettings CsvSettings::fromFile(const QString &separator, const QString &delimiter, const QString &encoding)
{
    CsvSettings s;
    s.separator = separator.isEmpty() ? QLatin1Char(',') : separator.at(0);
    s.quote = delimiter.isEmpty() ? QChar() : delimiter.at(0);
    s.encoding = encoding.isEmpty() ? QStringLiteral("UTF-8") : encoding;
    return s;
}

bool CsvSettings::encodingSupported() const
{
    return encoding.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) == 0 || isLatin1(encoding)
           || isUtf16(encoding);
}

CsvReader::CsvReader(const CsvSettings &settings, const QStringList &chunkPaths)
    : m_settings(settings), m_paths(chunkPaths)
{
    // The separator and quote of Anaplan files are ASCII, so records can be split on bytes for
    // UTF-8 and ISO-8859-1. UTF-16 files are converted to UTF-8 block by block in fill().
    m_sep = char(settings.separator.toLatin1());
    m_quoting = !settings.quote.isNull();
    m_quote = m_quoting ? char(settings.quote.toLatin1()) : '\0';
}

CsvReader::~CsvReader() = default;

bool CsvReader::fill()
{
    while (!m_eof) {
        if (!m_file) {
            if (m_pathIndex >= m_paths.size()) {
                m_eof = true;
                return false;
            }
            m_file = std::make_unique<QFile>(m_paths.at(m_pathIndex++));
            if (!m_file->open(QIODevice::ReadOnly)) {
                m_error = QStringLiteral("cannot read stored chunk: ") + m_file->errorString();
                m_eof = true;
                return false;
            }
        }
        QByteArray block = m_file->read(kReadBlock);
        if (block.isEmpty()) {
            m_file.reset();
            continue;
        }
        if (isUtf16(m_settings.encoding)) {
            // Keep an odd trailing byte for the next block.
            if (block.size() % 2 == 1) {
                QByteArray one = m_file->read(1);
                block.append(one);
            }
            QString text = QString::fromUtf16(reinterpret_cast<const char16_t *>(block.constData()),
                                              block.size() / 2);
            block = text.toUtf8();
        }
        if (m_first) {
            m_first = false;
            if (block.startsWith("\xEF\xBB\xBF") && !isLatin1(m_settings.encoding))
                block.remove(0, 3);
        }
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        m_buffer.append(block);
        return true;
    }
    return false;
}

QString CsvReader::decode(const QByteArray &bytes, bool *bad) const
{
    if (isLatin1(m_settings.encoding))
        return QString::fromLatin1(bytes);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        *bad = true;
    return text;
}

bool CsvReader::next(CsvRecord *record)
{
    record->fields.clear();
    record->badEncoding = false;
    QByteArray field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    bool any = false;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (!m_error.isEmpty())
                return false;
            if (!any && field.isEmpty())
                return false;
            // Last record without a trailing newline.
            record->fields.append(decode(field, &record->badEncoding));
            record->number = ++m_number;
            return true;
        }
        const char c = m_buffer.at(m_pos++);
        any = true;
        if (inQuotes) {
            if (c == m_quote) {
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == m_quote) {
                    field.append(c);
                    ++m_pos;
                } else {
                    inQuotes = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (m_quoting && c == m_quote && field.isEmpty() && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == m_sep) {
            record->fields.append(decode(field, &record->badEncoding));
            field.clear();
            fieldWasQuoted = false;
        } else if (c == '\n') {
            if (!fieldWasQuoted && field.endsWith('\r'))
                field.chop(1);
            record->fields.append(decode(field, &record->badEncoding));
            record->number = ++m_number;
            return true;
        } else if (c == '\r' && fieldWasQuoted) {
            // "\r\n" after a closing quote
        } else {
            field.append(c);
        }
    }
}

QString csvLine(const QStringList &fields, QChar separator, QChar quote, bool quoteAll)
{
    QString line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += separator;
        const QString &f = fields.at(i);
        const bool needs = quoteAll || f.contains(separator) || f.contains(QLatin1Char('\n'))
                           || f.contains(QLatin1Char('\r')) || (!quote.isNull() && f.contains(quote));
        if (needs && !quote.isNull()) {
            QString escaped = f;
            escaped.replace(quote, QString(quote) + quote);
            line += quote + escaped + quote;
        } else {
            line += f;
        }
    }
    line += QLatin1Char('\n');
    return line;
}

QByteArray encodeText(const QString &text, const QString &encoding)
{
    if (isLatin1(encoding))
        return text.toLatin1();
    if (isUtf16(encoding)) {
        QStringEncoder encoder(QStringEncoder::Utf16LE);
        return encoder.encode(text);
    }
    return text.toUtf8();
}

} // namespace sandbox
