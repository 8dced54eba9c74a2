#include "TsChecker.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace anadesk::i18n {

QString TsProblem::toString() const
{
    return QStringLiteral("[%1] \"%2\": %3").arg(context, source, what);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

int mnemonicCount(const QString &text)
{
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        if (i + 1 < text.size() && !text.at(i + 1).isSpace())
            ++count;
    }
    return count;
}

namespace {
QString leadingSpace(const QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(n).isSpace())
        ++n;
    return text.left(n);
}

QString trailingSpace(const QString &text)
{
    qsizetype n = 0;
    while (n < text.size() && text.at(text.size() - 1 - n).isSpace())
        ++n;
    return text.right(n);
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // translation's type attribute: "", "unfinished", "obsolete", "vanished"
    QString translation;
    QStringList forms;
};

// The problems of one translated text (a whole translation or one plural form) against its source.
void compareText(const Message &m, const QString &text, const QString &label, QList<TsProblem> &problems)
{
    auto problem = [&](const QString &what) { problems.append({m.context, m.source, label + what}); };
    if (text.trimmed().isEmpty()) {
        problem(QStringLiteral("the translation is empty"));
        return;
    }
    const QStringList want = placeholders(m.source);
    const QStringList got = placeholders(text);
    if (want != got)
        problem(QStringLiteral("placeholders differ: source has {%1}, translation has {%2}")
                    .arg(want.join(QLatin1Char(' ')), got.join(QLatin1Char(' '))));
    if (mnemonicCount(m.source) != mnemonicCount(text))
        problem(QStringLiteral("the source has %1 keyboard mnemonic(s) (&), the translation %2")
                    .arg(mnemonicCount(m.source))
                    .arg(mnemonicCount(text)));
    if (leadingSpace(m.source) != leadingSpace(text) || trailingSpace(m.source) != trailingSpace(text))
        problem(QStringLiteral("leading or trailing spaces differ from the source"));
    for (const QChar end : {QChar(0x2026), QChar(u':'), QChar(u'.'), QChar(u'?'), QChar(u'!')}) {
        if (m.source.endsWith(end) != text.endsWith(end)) {
            problem(QStringLiteral("the source %1 with '%2', the translation %3")
                        .arg(m.source.endsWith(end) ? QStringLiteral("ends") : QStringLiteral("does not end"),
                             QString(end),
                             text.endsWith(end) ? QStringLiteral("does") : QStringLiteral("does not")));
        }
    }
}

void checkMessage(const Message &m, int pluralForms, TsReport &report)
{
    const qsizetype before = report.problems.size();
    auto problem = [&](const QString &what) { report.problems.append({m.context, m.source, what}); };
    if (m.type == QLatin1String("unfinished"))
        problem(QStringLiteral("unfinished (not translated, or not yet reviewed)"));
    else if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
        problem(QStringLiteral("%1: the source text no longer exists; run lupdate with -no-obsolete").arg(m.type));
    else if (!m.type.isEmpty())
        problem(QStringLiteral("unknown translation type '%1'").arg(m.type));

    if (m.type != QLatin1String("unfinished")) {
        if (m.numerus) {
            if (m.forms.size() != pluralForms)
                problem(QStringLiteral("%1 plural forms instead of %2").arg(m.forms.size()).arg(pluralForms));
            for (qsizetype i = 0; i < m.forms.size(); ++i)
                compareText(m, m.forms.at(i), QStringLiteral("plural form %1: ").arg(i + 1), report.problems);
        } else {
            compareText(m, m.translation, QString(), report.problems);
        }
    }
    if (report.problems.size() == before)
        ++report.finished;
}
} // namespace

TsReport checkTs(QIODevice &device, int pluralForms)
{
    TsReport report;
    QXmlStreamReader xml(&device);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                report.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = Message{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                inMessage = true;
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translation = xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                message.forms.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            ++report.total;
            checkMessage(message, pluralForms, report);
        }
    }
    if (xml.hasError())
        report.readError = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return report;
}

} // namespace anadesk::i18n
