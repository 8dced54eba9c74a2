#pragma once
// Delimited text as Anaplan's files describe it: a separator, a text delimiter (quote) and an encoding
// (UTF-8, ISO-8859-1, UTF-16LE). The reader streams records from the chunk files of an upload, so a
// large import never needs the whole file in memory at once.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace sandbox {

struct CsvSettings
{
    QChar separator = QLatin1Char(',');
    QChar quote = QLatin1Char('"'); // QChar() : no quoting
    QString encoding = QStringLiteral("UTF-8");

    static CsvSettings fromFile(const QString &separator, const QString &delimiter, const QString &encoding);
    bool encodingSupported() const;
};

struct CsvRecord
{
    int number = 0; // 1-based record number in the file
    QStringList fields;
    bool badEncoding = false; // a field is not valid text in the file's encoding
    bool blank() const { return fields.size() == 1 && fields.first().isEmpty(); }
};

class CsvReader
{
public:
    CsvReader(const CsvSettings &settings, const QStringList &chunkPaths);
    ~CsvReader();
    // Next record; false at the end or on a read error (then error() is set).
    bool next(CsvRecord *record);
    QString error() const { return m_error; }

private:
    bool fill();
    QString decode(const QByteArray &bytes, bool *bad) const;

    CsvSettings m_settings;
    QStringList m_paths;
    int m_pathIndex = 0;
    std::unique_ptr<QFile> m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    bool m_eof = false;
    bool m_first = true;
    int m_number = 0;
    QString m_error;
    char m_sep = ',';
    char m_quote = '"';
    bool m_quoting = true;
};

// One line of delimited text (with "\n"), quoting fields that need it (or every field with quoteAll).
QString csvLine(const QStringList &fields, QChar separator, QChar quote, bool quoteAll = false);
// Text -> bytes in an Anaplan encoding name; unknown names fall back to UTF-8.
QByteArray encodeText(const QString &text, const QString &encoding);

} // namespace sandbox
