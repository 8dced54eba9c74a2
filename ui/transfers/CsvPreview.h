#pragma once
// Reading delimited text the way Anaplan reads an import data source: with the file's own metadata
// (separator, quote character, header row, first data row, encoding). Used for the preview before an
// upload (only the first rows of the local file) and for failure dumps (the whole dump).
//
// Everything here is plain, thread-safe code without widgets: the UI calls it through QtConcurrent so
// that decoding and parsing never run on the GUI thread.
#include "types/File.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk {

struct CsvFormat
{
    QChar separator = QLatin1Char(',');
    QChar quote = QLatin1Char('"'); // null: fields are never quoted
    int headerRow = 1;              // 1-based record number of the header; 0 = no header
    int firstDataRow = 2;           // 1-based record number of the first data row; 0 = no data rows
    QString encoding = QStringLiteral("UTF-8");

    // The format Anaplan uses for `file` (its separator may be "\t", "tab", "comma"…; missing values keep
    // the defaults above).
    static CsvFormat forFile(const File &file);
    // "Separator ',' · quote '\"' · header row 1 · data from row 2 · UTF-8" (translated).
    QString describe() const;
};

struct CsvTable
{
    QStringList header;       // empty when the format has no header row (columns are then numbered)
    QList<QStringList> rows;  // data records, in order
    QList<int> recordNumbers; // 1-based record number of each row in the source
    bool truncated = false;   // more records exist than were read
    qint64 sourceBytes = 0;   // size of the whole source (file size, or the dump's length)
    QString error;            // set when the source could not be read or decoded; the rest is then empty
    QString warning;          // readable, but with a problem worth showing (invalid bytes)

    int columnCount() const;
};

class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::CsvReader)
public:
    // Splits text into records. A quoted field may contain separators, line breaks and doubled quotes.
    // When `complete` is false the text was cut (a preview): a last record that may be unfinished is dropped.
    static QList<QStringList> parseRecords(const QString &text, QChar separator, QChar quote, bool complete,
                                           int maxRecords = -1);

    // Decodes bytes in `encoding` (a BOM of UTF-8/UTF-16 is dropped). False with *error when the
    // encoding is unknown; invalid byte sequences become U+FFFD and set *hadInvalid.
    static bool decode(const QByteArray &bytes, const QString &encoding, QString *text, QString *error,
                       bool *hadInvalid = nullptr, bool complete = true);

    // The header and up to maxRows data rows of a local file, reading at most maxBytes from its start.
    static CsvTable previewFile(const QString &path, const CsvFormat &format, int maxRows = 50,
                                qint64 maxBytes = 1024 * 1024);

    // The format of a document whose metadata is unknown (a failure dump): header on row 1, data from
    // row 2, quote '"', the separator that occurs most in the first line (',', tab, ';' or '|'), UTF-8
    // unless a UTF-16 byte order mark says otherwise.
    static CsvFormat sniffFormat(const QByteArray &head);

    // A whole document in memory (a failure dump).
    static CsvTable parseDocument(const QByteArray &bytes, const CsvFormat &format);

private:
    static CsvTable tableFrom(const QList<QStringList> &records, const CsvFormat &format, int maxRows);
};

} // namespace anadesk
