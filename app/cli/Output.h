#pragma once
// Everything anadesk-cli writes. Two modes:
//  * human: aligned tables (ids beside names) and "key: value" blocks on stdout;
//  * --json: stdout carries exactly one JSON document and nothing else.
// Messages, warnings, errors and progress always go to stderr; progress only when stderr is a
// terminal, so logs of scheduled jobs stay clean.
#include "net/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <cstdio>

namespace anadesk::cli {

struct Column
{
    QString header;          // "ID"
    QString key;             // the JSON key the cell is read from: "id"
    bool alignRight = false; // numbers
};

class Output
{
public:
    explicit Output(bool json, std::FILE *out = stdout, std::FILE *err = stderr);

    bool isJson() const { return m_json; }
    bool stderrIsTerminal() const { return m_stderrTty; }

    // A list result: the JSON array as is, or a table of `columns` read from each object.
    void list(const QJsonArray &items, const QList<Column> &columns);
    // A single result: the JSON object as is, or "label: value" lines for `fields` (key, label).
    void object(const QJsonObject &value, const QList<std::pair<QString, QString>> &fields);
    // A bare value for humans (e.g. the id printed by `run --no-wait`); JSON mode prints `json`.
    void scalar(const QString &human, const QJsonObject &json);
    // Lines for humans only (after a table or object); nothing in JSON mode.
    void humanLines(const QStringList &lines);

    // True once a JSON document (or human result) went to stdout.
    bool resultPrinted() const { return m_resultPrinted; }

    // stderr, one line each, prefixed "anadesk-cli: ". Never used for results.
    void info(const QString &message) const;
    void warning(const QString &message) const;
    void error(const ApiError &error) const;
    void usageError(const QString &message, const QString &command = {}) const;

    // The JSON form of an error:
    // {"category","exitCode","httpStatus","message","object","hint","serverMessage"}.
    static QJsonObject errorJson(const ApiError &error);

    // Renders a table (exposed for help output and tests).
    static QString table(const QList<QStringList> &rows, const QList<bool> &alignRight);
    // A JSON value as a human cell: strings plain, numbers without exponent, bools yes/no, arrays joined.
    static QString cell(const QJsonValue &value);

    // Raw writes.
    void writeOut(const QString &text);
    void writeErr(const QString &text) const;

private:
    void writeJson(const QJsonValue &value);

    bool m_json;
    std::FILE *m_out;
    std::FILE *m_err;
    bool m_stderrTty;
    bool m_resultPrinted = false;
};

// One status line on stderr, rewritten in place ("\r"), shown only when stderr is a terminal.
class ProgressLine
{
public:
    explicit ProgressLine(const Output &output);
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    bool isEnabled() const { return m_enabled; }
    void update(const QString &text);
    // Ends the line (keeps the last text visible).
    void finish();

    static QString bytes(qint64 count); // "12.3 MB"

private:
    const Output &m_output;
    bool m_enabled;
    qsizetype m_lastWidth = 0;
    bool m_open = false;
};

} // namespace anadesk::cli
