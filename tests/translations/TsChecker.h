#pragma once
// Reads a Qt Linguist .ts file and reports every message a release must not ship with: unfinished, empty,
// obsolete, or inconsistent with its source (placeholders, plural forms, mnemonics, edge spaces, end marks).
#include <QList>
#include <QString>

class QIODevice;

namespace anadesk::i18n {

struct TsProblem
{
    QString context;
    QString source;
    QString what;
    QString toString() const;
};

struct TsReport
{
    QString language;      // the TS element's language attribute, e.g. "de_DE"
    int total = 0;         // messages in the file
    int finished = 0;      // messages with a complete translation and no problem
    QString readError;     // set when the file is not well-formed XML
    QList<TsProblem> problems;
};

// pluralForms: how many <numerusform> the target language needs (German and English: 2).
TsReport checkTs(QIODevice &device, int pluralForms);

// The %1…%99, %L1 and %n / %Ln markers of a text, sorted (duplicates kept): what QString::arg and tr(…, n) fill.
QStringList placeholders(const QString &text);
// The number of keyboard mnemonics (a single '&' that is not "&&").
int mnemonicCount(const QString &text);

} // namespace anadesk::i18n
