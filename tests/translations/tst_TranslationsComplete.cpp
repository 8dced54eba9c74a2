// The German translation as committed: every message finished and consistent with its English source. The
// checker itself is first shown to catch each kind of defect on small inline files, so a pass means something.
#include "TsChecker.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <cstdio>

using namespace anadesk::i18n;

namespace {
QByteArray tsFile(const QByteArray &messages)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
           "<TS version=\"2.1\" language=\"de_DE\" sourcelanguage=\"en\">\n<context>\n    <name>Ctx</name>\n" +
           messages + "</context>\n</TS>\n";
}

TsReport check(const QByteArray &messages)
{
    QByteArray bytes = tsFile(messages);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return checkTs(buffer, 2);
}

// "context|source" of every plural (numerus) message of a .ts file.
QSet<QString> numerusSources(const QString &path)
{
    QSet<QString> found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        else if (xml.name() == QLatin1String("source") && numerus)
            found.insert(context + QLatin1Char('|') + xml.readElementText());
    }
    return found;
}

QString problemsText(const TsReport &report, int limit)
{
    QStringList lines;
    for (const TsProblem &problem : report.problems.mid(0, limit))
        lines.append(problem.toString());
    if (report.problems.size() > limit)
        lines.append(QStringLiteral("… and %1 more").arg(report.problems.size() - limit));
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TranslationsComplete : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholdersAndMnemonics()
    {
        QCOMPARE(placeholders(QStringLiteral("%2 of %1 (%n) %L3, 100 %")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%L3"), QStringLiteral("%n")}));
        QCOMPARE(placeholders(QStringLiteral("%1 and %1")), (QStringList{QStringLiteral("%1"), QStringLiteral("%1")}));
        QCOMPARE(mnemonicCount(QStringLiteral("Sa&ve && close")), 1);
        QCOMPARE(mnemonicCount(QStringLiteral("A & B")), 0);
    }

    void acceptsAGoodFile()
    {
        const TsReport report = check(
            "<message><source>&amp;Open %1…</source><translation>%1 ö&amp;ffnen…</translation></message>\n"
            "<message numerus=\"yes\"><source>%n file(s)</source><translation>"
            "<numerusform>%n Datei</numerusform><numerusform>%n Dateien</numerusform></translation></message>\n"
            "<message><source> s</source><translation> s</translation></message>\n");
        QVERIFY2(report.problems.isEmpty(), qPrintable(problemsText(report, 20)));
        QCOMPARE(report.language, QStringLiteral("de_DE"));
        QCOMPARE(report.total, 3);
        QCOMPARE(report.finished, 3);
    }

    // Each defect on its own message, so each must be reported against exactly that source.
    void reportsEachKindOfDefect_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unfinished") << QByteArray("<message><source>Open</source>"
                                                  "<translation type=\"unfinished\"></translation></message>")
                                    << QStringLiteral("unfinished");
        QTest::newRow("unfinished with text")
            << QByteArray("<message><source>Open</source><translation type=\"unfinished\">Öffnen</translation>"
                          "</message>")
            << QStringLiteral("unfinished");
        QTest::newRow("vanished") << QByteArray("<message><source>Gone</source>"
                                                "<translation type=\"vanished\">Weg</translation></message>")
                                  << QStringLiteral("no longer exists");
        QTest::newRow("empty") << QByteArray("<message><source>Open</source><translation></translation></message>")
                               << QStringLiteral("empty");
        QTest::newRow("placeholder lost")
            << QByteArray("<message><source>Open %1 in %2</source><translation>%1 öffnen</translation></message>")
            << QStringLiteral("placeholders differ");
        QTest::newRow("placeholder renumbered")
            << QByteArray("<message><source>%1 of %2</source><translation>%1 von %3</translation></message>")
            << QStringLiteral("placeholders differ");
        QTest::newRow("plural without %n")
            << QByteArray("<message numerus=\"yes\"><source>%n file(s)</source><translation>"
                          "<numerusform>eine Datei</numerusform><numerusform>%n Dateien</numerusform>"
                          "</translation></message>")
            << QStringLiteral("plural form 1: placeholders differ");
        QTest::newRow("one plural form")
            << QByteArray("<message numerus=\"yes\"><source>%n file(s)</source><translation>"
                          "<numerusform>%n Datei(en)</numerusform></translation></message>")
            << QStringLiteral("1 plural forms instead of 2");
        QTest::newRow("mnemonic lost")
            << QByteArray("<message><source>&amp;Save</source><translation>Speichern</translation></message>")
            << QStringLiteral("mnemonic");
        QTest::newRow("trailing space lost")
            << QByteArray("<message><source> ms</source><translation>ms</translation></message>")
            << QStringLiteral("spaces");
        QTest::newRow("ellipsis lost")
            << QByteArray("<message><source>Save…</source><translation>Speichern</translation></message>")
            << QStringLiteral("ends with '…'");
        QTest::newRow("colon added")
            << QByteArray("<message><source>Name</source><translation>Name:</translation></message>")
            << QStringLiteral("does not end with ':'");
    }

    void reportsEachKindOfDefect()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, expected);
        const TsReport report = check(message + "\n<message><source>Fine</source><translation>Gut</translation>"
                                                "</message>\n");
        QCOMPARE(report.total, 2);
        QCOMPARE(report.finished, 1);
        QVERIFY2(!report.problems.isEmpty(), "the defect was not reported");
        QVERIFY2(report.problems.first().what.contains(expected), qPrintable(problemsText(report, 5)));
        for (const TsProblem &problem : report.problems)
            QVERIFY2(problem.source != QLatin1String("Fine"), qPrintable(problem.toString()));
    }

    void reportsMalformedXml()
    {
        QByteArray bytes("<TS><context><name>x</name><message><source>a</source></context></TS>");
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QVERIFY(!checkTs(buffer, 2).readError.isEmpty());
    }

    // The real file. After `cmake --build <dir> --target update_translations`, strings added to the code
    // since appear here as unfinished: translate them in translations/anadesk_de.ts (Qt Linguist or an editor).
    void germanTranslationIsComplete()
    {
        const QString path = qEnvironmentVariable("ANADESK_SOURCE_DIR") + QStringLiteral("/translations/anadesk_de.ts");
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(": ") + file.errorString()));
        const TsReport report = checkTs(file, 2);
        std::printf("FIGURE: translations_de finished=%d total=%d problems=%d\n", report.finished, report.total,
                    int(report.problems.size()));
        QVERIFY2(report.readError.isEmpty(), qPrintable(path + QStringLiteral(": ") + report.readError));
        QCOMPARE(report.language, QStringLiteral("de_DE"));
        QVERIFY2(report.total > 1000, "the German translation lost most of its messages");
        QVERIFY2(report.problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 messages are not ready in %3:\n%4")
                                .arg(report.total - report.finished)
                                .arg(report.total)
                                .arg(path, problemsText(report, 60))));
        QCOMPARE(report.finished, report.total);
    }

    // English is the source language, but "%n file(s)" needs English plural forms to read "1 file" / "2 files":
    // translations/anadesk_en.ts holds exactly the plural messages (refresh: target update_english_plurals).
    void englishPluralsAreComplete()
    {
        const QString dir = qEnvironmentVariable("ANADESK_SOURCE_DIR") + QStringLiteral("/translations/");
        QFile file(dir + QStringLiteral("anadesk_en.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + QStringLiteral(": ") + file.errorString()));
        const TsReport report = checkTs(file, 2);
        const QSet<QString> english = numerusSources(file.fileName());
        // Every plural message of the desktop app (the German file lists them all) has its English forms.
        const QSet<QString> german = numerusSources(dir + QStringLiteral("anadesk_de.ts"));
        QStringList missing;
        for (const QString &key : german)
            if (!english.contains(key))
                missing.append(key);
        std::printf("FIGURE: translations_en_plurals finished=%d total=%d problems=%d missing_from_en=%d\n",
                    report.finished, report.total, int(report.problems.size()), int(missing.size()));
        QVERIFY2(report.readError.isEmpty(), qPrintable(report.readError));
        QCOMPARE(report.language, QStringLiteral("en"));
        QCOMPARE(int(english.size()), report.total); // plural messages only
        QVERIFY2(german.size() > 20, "the German file lost its plural messages");
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no English plural forms for:\n") + missing.join(u'\n')));
        QVERIFY2(report.problems.isEmpty(), qPrintable(problemsText(report, 60)));
    }

    // The compiled file as the apps embed it: the numbers pick the right form.
    void englishPluralsRender()
    {
#ifndef ANADESK_EN_QM
        QSKIP("built without Qt LinguistTools: no compiled English plural forms");
#else
        QTranslator plurals;
        QVERIFY2(plurals.load(QStringLiteral(ANADESK_EN_QM)), ANADESK_EN_QM);
        QVERIFY(QCoreApplication::installTranslator(&plurals));
        auto tr = [](const char *context, const char *source, int n) {
            return QCoreApplication::translate(context, source, nullptr, n);
        };
        QCOMPARE(tr("anadesk::ConnectionTester", "%n workspace(s)", 1), QStringLiteral("1 workspace"));
        QCOMPARE(tr("anadesk::ConnectionTester", "%n workspace(s)", 2), QStringLiteral("2 workspaces"));
        QCOMPARE(tr("anadesk::ConnectionTester", "%n workspace(s)", 0), QStringLiteral("0 workspaces"));
        QCOMPARE(tr("anadesk::UploadJobBase", "Re-sending %n missing chunk(s)", 1),
                 QStringLiteral("Re-sending 1 missing chunk"));
        QCoreApplication::removeTranslator(&plurals);
#endif
    }
};

QTEST_GUILESS_MAIN(TranslationsComplete)
#include "tst_TranslationsComplete.moc"
