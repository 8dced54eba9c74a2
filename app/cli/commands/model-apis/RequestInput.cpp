#include "RequestInput.h"

#include "../../CommandHelpers.h"
#include "../../InputFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::RequestInput", text);
}

// Splits one record starting at *pos; returns false when a quoted field never ends.
bool nextRecord(const QString &text, qsizetype *pos, QChar separator, QStringList *fields, qint64 *line)
{
    fields->clear();
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    qsizetype i = *pos;
    const qsizetype n = text.size();
    for (; i < n; ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (ch == u'\n')
                    ++*line;
                field += ch;
            }
            continue;
        }
        if (ch == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (ch == separator) {
            fields->append(field);
            field.clear();
            wasQuoted = false;
        } else if (ch == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            continue;
        } else if (ch == u'\n') {
            ++i;
            break;
        } else {
            field += ch;
        }
    }
    *pos = i;
    if (quoted)
        return false;
    fields->append(field);
    return true;
}

} // namespace

QString parseCsv(const QString &text, CsvTable *out)
{
    *out = {};
    const qsizetype firstEnd = text.indexOf(u'\n');
    const QString firstLine = text.left(firstEnd < 0 ? text.size() : firstEnd);
    // Tab-separated when the header has tabs and no commas (Anaplan's own .txt exports).
    const QChar separator = firstLine.contains(u'\t') && !firstLine.contains(u',') ? u'\t' : u',';
    qsizetype pos = 0;
    qint64 line = 1;
    QStringList fields;
    bool haveHeader = false;
    while (pos < text.size()) {
        const qint64 startLine = line;
        if (!nextRecord(text, &pos, separator, &fields, &line))
            return tr("line %1: a quoted field is not closed").arg(startLine);
        ++line;
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue; // blank line
        if (!haveHeader) {
            for (QString &f : fields)
                f = f.trimmed();
            out->header = fields;
            haveHeader = true;
            continue;
        }
        if (fields.size() != out->header.size())
            return tr("line %1 has %2 fields, the header has %3")
                .arg(startLine)
                .arg(fields.size())
                .arg(out->header.size());
        out->rows.append(fields);
        out->lines.append(startLine);
    }
    if (!haveHeader)
        return tr("the CSV is empty (a header line is needed)");
    return QString();
}

ApiError readRequestInput(const QString &path, const QString &arrayKey, RequestInput *out)
{
    if (path.isEmpty())
        return usage(tr("No input file given"),
                     tr("Pass --from PATH (a JSON or CSV file, or - for standard input)."));
    const bool fromStdin = isStandardInput(path);
    out->source = fromStdin ? tr("standard input") : tr("file '%1'").arg(QDir::toNativeSeparators(path));
    QFile in;
    if (!openInput(&in, path))
        return fromStdin ? localIo(tr("Cannot read standard input"), out->source, in.errorString())
                         : localIo(tr("Cannot read the input file"), QDir::toNativeSeparators(path),
                                   in.errorString(), tr("Check the path given with --from."));
    QByteArray data = in.readAll();
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QByteArray trimmed = data.trimmed();
    if (trimmed.isEmpty())
        return usage(tr("The input is empty"),
                     tr("Give a JSON array or a CSV with a header line (%1).").arg(out->source));

    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        out->isJson = true;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError) {
            ApiError e = usage(
                tr("The input is not valid JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset),
                tr("Fix the JSON, or give a CSV with a header line."));
            e.object = out->source;
            return e;
        }
        if (doc.isArray()) {
            out->json = doc.array();
        } else if (doc.object().value(arrayKey).isArray()) {
            out->json = doc.object().value(arrayKey).toArray();
        } else {
            ApiError e =
                usage(tr("The JSON input must be an array, or an object with an array \"%1\"").arg(arrayKey));
            e.object = out->source;
            return e;
        }
        for (qsizetype i = 0; i < out->json.size(); ++i)
            if (!out->json.at(i).isObject()) {
                ApiError e = usage(tr("Entry %1 of the JSON input is not an object").arg(i));
                e.object = out->source;
                return e;
            }
        return {};
    }

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return usage(tr("The input is not UTF-8 text"), tr("Save the CSV as UTF-8 (%1).").arg(out->source));
    if (const QString problem = parseCsv(text, &out->csv); !problem.isEmpty()) {
        ApiError e = usage(tr("The CSV input is not valid: %1").arg(problem));
        e.object = out->source;
        return e;
    }
    return {};
}

} // namespace anadesk::cli
