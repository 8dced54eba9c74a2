// T-UP-11 (chunk sizes at every limit) and T-UP-13 (cuts never split a character or a CRLF pair).
#include "transfer/ChunkPlanner.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

using namespace anadesk;
using namespace anadesk::chunk_limits;

class TestChunkPlanner : public QObject
{
    Q_OBJECT

private:
    // Returns the number of violated invariants for one plan and writes them to *why.
    static int violations(const ChunkPlan &plan, qint64 size, QString *why)
    {
        int bad = 0;
        auto note = [&](const QString &text) {
            ++bad;
            *why += text + QLatin1Char(' ');
        };
        if (plan.chunkCount() > kMaxChunkCount)
            note(QStringLiteral("count %1 > 1000").arg(plan.chunkCount()));
        qint64 expectedOffset = 0;
        for (const ChunkSpan &span : plan.chunks) {
            if (span.offset != expectedOffset)
                note(QStringLiteral("gap at %1").arg(span.offset));
            if (span.length < 1 || span.length > kMaxChunkBytes)
                note(QStringLiteral("chunk length %1").arg(span.length));
            expectedOffset = span.end();
        }
        if (expectedOffset != size)
            note(QStringLiteral("sum %1 != size %2").arg(expectedOffset).arg(size));
        return bad;
    }

private Q_SLOTS:
    void limits_T_UP_11()
    {
        const qint64 MB = 1'000'000;
        const QList<qint64> sizes = {0,
                                     1,
                                     MB - 1,
                                     MB,
                                     MB + 1,
                                     50 * MB - 1,
                                     50 * MB,
                                     50 * MB + 1,
                                     (qint64(1) << 31) - 1,
                                     qint64(1) << 31,
                                     (qint64(1) << 32) + 1,
                                     50'000 * MB,
                                     50'000 * MB + 1};
        const QList<qint64> configured = {1, 1'000'000, 25'000'000, 50'000'000, 60'000'000, 0, -5};
        int tried = 0;
        int violationCount = 0;
        int rejected = 0;
        for (qint64 size : sizes) {
            for (qint64 conf : configured) {
                const ChunkPlan plan = ChunkPlanner::plan(size, conf);
                if (size > kMaxFileBytes) {
                    QVERIFY(!plan.isValid());
                    QVERIFY(plan.error.contains(QStringLiteral("50,000,000,000")));
                    QVERIFY(plan.chunks.isEmpty());
                    ++rejected;
                    continue;
                }
                QVERIFY2(plan.isValid(), qPrintable(plan.error));
                QString why;
                violationCount += violations(plan, size, &why);
                QVERIFY2(why.isEmpty(), qPrintable(QStringLiteral("size %1 conf %2: %3").arg(size).arg(conf).arg(why)));
                // The configured size is honoured unless the 1,000-chunk ceiling forces a larger one.
                const qint64 clamped = qBound<qint64>(1, conf, kMaxChunkBytes);
                if (size > 0 && (size + clamped - 1) / clamped <= kMaxChunkCount)
                    QCOMPARE(plan.nominalChunkBytes, clamped);
            }
            ++tried;
        }
        QCOMPARE(ChunkPlanner::plan(0, 25'000'000).chunkCount(), 0);
        QCOMPARE(ChunkPlanner::plan(50'000 * MB, 25'000'000).chunkCount(), 1000);
        QCOMPARE(ChunkPlanner::plan((qint64(1) << 32) + 1, 1).chunkCount(), 1000);
        QCOMPARE(ChunkPlanner::plan(-1, 1).isValid(), false);
        QCOMPARE(rejected, int(configured.size()));
        std::printf("FIGURE: T-UP-11 sizes_tried=%d invariant_violations=%d rejected_over_50GB=%d\n", tried,
                    violationCount, rejected);
    }

    void detectEncoding()
    {
        QCOMPARE(ChunkPlanner::detectEncoding(QByteArray("\xFF\xFEh\0i\0", 6)), TextEncodingFamily::Utf16LE);
        QCOMPARE(ChunkPlanner::detectEncoding(QByteArray("\xFE\xFF\0h\0i", 6)), TextEncodingFamily::Utf16BE);
        QCOMPARE(ChunkPlanner::detectEncoding(QByteArray("a\0b\0c\0d\0", 8)), TextEncodingFamily::Utf16LE);
        QCOMPARE(ChunkPlanner::detectEncoding("a,b\r\nc,d\r\n"), TextEncodingFamily::SingleByteOrUtf8);
        QCOMPARE(ChunkPlanner::detectEncoding(QByteArray("PK\3\4\0\0\x14\0", 8)), TextEncodingFamily::Binary);
    }

    void boundaries_T_UP_13()
    {
        // UTF-8 with 3- and 4-byte characters, CRLF line ends, and one long line without any break.
        QByteArray utf8;
        auto *rng = QRandomGenerator::global();
        const QString pieces[] = {QStringLiteral("€uro"), QStringLiteral("日本語"), QStringLiteral("a,b"),
                                  QStringLiteral("\U0001F600x"), QStringLiteral("ü")};
        for (int line = 0; line < 400; ++line) {
            const int n = 1 + int(rng->bounded(12));
            for (int i = 0; i < n; ++i)
                utf8 += pieces[rng->bounded(5)].toUtf8();
            utf8 += "\r\n";
        }
        for (int i = 0; i < 300; ++i) // a long line: the fallback path must still respect characters
            utf8 += QStringLiteral("日\U0001F600").toUtf8();
        utf8 += "\r\n";

        const QString text = QString::fromUtf8(utf8);
        QByteArray utf16le(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        utf16le.prepend("\xFF\xFE");
        QByteArray utf16be;
        for (qsizetype i = 0; i < utf16le.size(); i += 2)
            utf16be += utf16le[i + 1], utf16be += utf16le[i];

        int casesTried = 0;
        int splitChars = 0;
        struct Case
        {
            QByteArray data;
            TextEncodingFamily family;
        };
        const Case cases[] = {{utf8, TextEncodingFamily::SingleByteOrUtf8},
                              {utf16le, TextEncodingFamily::Utf16LE},
                              {utf16be, TextEncodingFamily::Utf16BE}};
        for (const Case &c : cases) {
            QCOMPARE(ChunkPlanner::detectEncoding(c.data.left(4096)), c.family);
            for (qint64 chunk : {7, 64, 101, 333, 1000, 4097}) {
                for (qint64 window : {3, 16, 200, 1 << 20}) {
                    QByteArray copy = c.data;
                    QBuffer buffer(&copy);
                    QVERIFY(buffer.open(QIODevice::ReadOnly));
                    const ChunkPlan plan = ChunkPlanner::planText(buffer, copy.size(), chunk, c.family, window);
                    QVERIFY2(plan.isValid(), qPrintable(plan.error));
                    QVERIFY(plan.boundaryAdjusted);
                    QString why;
                    QCOMPARE(violations(plan, copy.size(), &why), 0);
                    QByteArray joined;
                    for (const ChunkSpan &span : plan.chunks) {
                        const QByteArray part = copy.mid(span.offset, span.length);
                        joined += part;
                        ++casesTried;
                        // Every chunk must decode on its own: no character cut at either end.
                        QStringDecoder decoder(c.family == TextEncodingFamily::SingleByteOrUtf8
                                                   ? QStringDecoder::Utf8
                                                   : (c.family == TextEncodingFamily::Utf16LE
                                                          ? QStringDecoder::Utf16LE
                                                          : QStringDecoder::Utf16BE),
                                               QStringDecoder::Flag::Stateless);
                        const QString decoded = decoder.decode(part);
                        const bool broken = decoder.hasError() || decoded.contains(QChar::ReplacementCharacter)
                                            || (!decoded.isEmpty() && decoded.front().isLowSurrogate())
                                            || (!decoded.isEmpty() && decoded.back().isHighSurrogate())
                                            || (decoded.endsWith(QLatin1Char('\r')) && span.end() < copy.size());
                        if (broken) {
                            ++splitChars;
                            QFAIL(qPrintable(QStringLiteral("chunk at %1 len %2 (chunk size %3, window %4) "
                                                            "splits a character or CRLF")
                                                 .arg(span.offset)
                                                 .arg(span.length)
                                                 .arg(chunk)
                                                 .arg(window)));
                        }
                    }
                    QCOMPARE(joined, copy);
                }
            }
        }
        std::printf("FIGURE: T-UP-13 boundary_cases_tried=%d split_chars=%d\n", casesTried, splitChars);
    }

    void cutsPreferLineEnds()
    {
        const QByteArray data = "id,name\r\n1,alpha\r\n2,beta\r\n3,gamma\r\n";
        QByteArray copy = data;
        QBuffer buffer(&copy);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const ChunkPlan plan = ChunkPlanner::planText(buffer, copy.size(), 12, TextEncodingFamily::SingleByteOrUtf8, 6);
        for (const ChunkSpan &span : plan.chunks)
            QVERIFY2(copy.mid(span.offset, span.length).endsWith("\r\n"),
                     qPrintable(QString::fromLatin1(copy.mid(span.offset, span.length))));
    }

    void nearCeilingFallsBackToPlainCuts()
    {
        // 50 GB of text cannot afford cuts moving back; the planner must say so rather than exceed 1,000.
        class Endless : public QIODevice
        {
        public:
            Endless() { open(ReadOnly); }
            bool isSequential() const override { return false; }
            qint64 size() const override { return kMaxFileBytes; }
        protected:
            qint64 readData(char *data, qint64 max) override
            {
                std::fill(data, data + max, 'x');
                return max;
            }
            qint64 writeData(const char *, qint64) override { return -1; }
        } device;
        const ChunkPlan plan = ChunkPlanner::planText(device, kMaxFileBytes, 25'000'000,
                                                      TextEncodingFamily::SingleByteOrUtf8);
        QVERIFY(plan.isValid());
        QVERIFY(!plan.boundaryAdjusted);
        QCOMPARE(plan.chunkCount(), 1000);
        // 10 GB: cuts can move and the count still fits.
        const ChunkPlan ten = ChunkPlanner::planText(device, 10'000'000'000, 1'000'000,
                                                     TextEncodingFamily::SingleByteOrUtf8);
        QVERIFY(ten.isValid());
        QVERIFY(ten.boundaryAdjusted);
        QVERIFY(ten.chunkCount() <= 1000);
    }
};

QTEST_GUILESS_MAIN(TestChunkPlanner)
#include "tst_ChunkPlanner.moc"
