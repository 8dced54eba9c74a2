// Gzip round trip and bomb guard, manifest persistence, safe names for server-provided file names.
#include "transfer/Gzip.h"
#include "transfer/SafeFileName.h"
#include "transfer/TransferManifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace anadesk;

class TestTransferPure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gzipRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("level");
        QByteArray csv;
        for (int i = 0; i < 20000; ++i)
            csv += "row" + QByteArray::number(i) + ",Product " + QByteArray::number(i % 97) + ",12.50\r\n";
        QByteArray random(300'000, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        QTest::newRow("empty") << QByteArray() << 1;
        QTest::newRow("one byte") << QByteArray("x") << 1;
        QTest::newRow("csv level 1") << csv << 1;
        QTest::newRow("csv level 6") << csv << 6;
        QTest::newRow("csv level 9") << csv << 9;
        QTest::newRow("csv level 0 clamps to 1") << csv << 0;
        QTest::newRow("random (incompressible)") << random << 1;
    }
    void gzipRoundTrip()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, level);
        // Both engines: compress() (libdeflate when the build has it) and the zlib fallback.
        for (const bool zlibEngine : {false, true})
            checkRoundTrip(input, level, zlibEngine);
        if (QTest::currentTestFailed())
            return;
        std::printf("FIGURE: gzip-roundtrip bytes=%lld level=%d engines=%s\n", qint64(input.size()), level,
                    gzip::compressesWithLibdeflate() ? "libdeflate+zlib" : "zlib");
    }

    void gzipBombRefused()
    {
        // 200 MB of zeros compresses to ~200 KB: a 1000:1 bomb.
        const QByteArray zeros(200'000'000, '\0');
        const gzip::Result bomb = gzip::compress(zeros, 9);
        QVERIFY(bomb.ok());
        QVERIFY(bomb.data.size() < 1'000'000);
        const gzip::Result capped = gzip::decompress(bomb.data, 50'000'000, 0);
        QVERIFY(!capped.ok());
        QVERIFY(capped.error.contains(QStringLiteral("50000000")));
        QVERIFY(capped.data.isEmpty());
        const gzip::Result ratio = gzip::decompress(bomb.data, 300'000'000, 100);
        QVERIFY(!ratio.ok());
        QVERIFY(ratio.error.contains(QStringLiteral("ratio")));
        std::printf("FIGURE: gzip-bomb compressed=%lld refused_by_size=1 refused_by_ratio=1\n",
                    qint64(bomb.data.size()));
    }

    void gzipCorruptAndTruncated()
    {
        const gzip::Result packed = gzip::compress(QByteArray(10000, 'a'), 1);
        QVERIFY(!gzip::decompress(packed.data.left(packed.data.size() / 2), 1'000'000).ok());
        QByteArray corrupt = packed.data;
        corrupt[12] = char(corrupt[12] ^ 0x55);
        corrupt[13] = char(corrupt[13] ^ 0x55);
        QVERIFY(!gzip::decompress(corrupt, 1'000'000).ok());
        QVERIFY(!gzip::decompress(QByteArray("not gzip at all"), 1'000'000).ok());
    }

    void manifestRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TransferManifest m;
        m.workspaceId = QStringLiteral("8a8b8c8d8e8f90919293949596979899");
        m.modelId = QStringLiteral("ABCDEF0123456789ABCDEF0123456789");
        m.fileId = QStringLiteral("113000000001");
        m.totalBytes = (qint64(1) << 32) + 7; // beyond 32 bits and beyond a double's exact range? no: exact
        for (int i = 0; i < 3; ++i) {
            ChunkRecord c;
            c.index = i;
            c.serverId = QString::number(i);
            c.offset = qint64(i) * 3'000'000'000LL;
            c.size = 3'000'000'000LL;
            c.wireSize = 123;
            c.sha256 = QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
            c.attempts = 1;
            c.done = i < 2;
            m.chunks.append(c);
        }
        const QString path = dir.filePath(QStringLiteral("x.partial.manifest"));
        QString error;
        QVERIFY2(m.save(path, &error), qPrintable(error));
        const auto loaded = TransferManifest::load(path, &error);
        QVERIFY2(loaded.has_value(), qPrintable(error));
        QCOMPARE(loaded->toJson(), m.toJson());
        QCOMPARE(loaded->doneBytes(), 6'000'000'000LL);
        QCOMPARE(loaded->doneChunks(), 2);
        QCOMPARE(loaded->missingOn({QStringLiteral("0"), QStringLiteral("2")}), QList<int>{1});
        QCOMPARE(sha256Hex(loaded->chunks[1].sha256).size(), 64);

        QFile garbage(dir.filePath(QStringLiteral("bad")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("{\"version\":1,\"chunks\":[{\"index\":-3}]}");
        garbage.close();
        QVERIFY(!TransferManifest::load(garbage.fileName(), &error).has_value());
        QVERIFY(!TransferManifest::load(dir.filePath(QStringLiteral("missing")), &error).has_value());
    }

    void safeNames_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Grid - Sales.csv") << QStringLiteral("Grid - Sales.csv");
        QTest::newRow("slash") << QStringLiteral("Sales/EMEA.csv") << QStringLiteral("EMEA.csv");
        QTest::newRow("traversal") << QStringLiteral("../../etc/passwd") << QStringLiteral("passwd");
        QTest::newRow("backslash") << QStringLiteral("..\\..\\win.ini") << QStringLiteral("win.ini");
        QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("download");
        QTest::newRow("hidden") << QStringLiteral(".bashrc") << QStringLiteral("bashrc");
        QTest::newRow("trailing") << QStringLiteral("name. . ") << QStringLiteral("name");
        QTest::newRow("reserved") << QStringLiteral("NUL.csv") << QStringLiteral("_NUL.csv");
        QTest::newRow("com1") << QStringLiteral("com1") << QStringLiteral("_com1");
        QTest::newRow("ads") << QStringLiteral("a.csv:stream") << QStringLiteral("a.csv_stream");
        QTest::newRow("control") << QStringLiteral("a\nb\tc\x01.csv") << QStringLiteral("abc.csv");
        QTest::newRow("windows chars") << QStringLiteral("a<b>c|d?e*f\".csv") << QStringLiteral("a_b_c_d_e_f_.csv");
        QTest::newRow("empty") << QString() << QStringLiteral("download");
        QTest::newRow("unicode") << QStringLiteral("Umsatz Ä日本.csv") << QStringLiteral("Umsatz Ä日本.csv");
    }
    void safeNames()
    {
        QFETCH(QString, server);
        QFETCH(QString, expected);
        QCOMPARE(SafeFileName::sanitize(server), expected);
    }

    void safeNameLengthAndInside()
    {
        const QString longName = QString(500, QLatin1Char('n')) + QStringLiteral(".csv");
        const QString cut = SafeFileName::sanitize(longName);
        QCOMPARE(cut.size(), SafeFileName::kMaxLength);
        QVERIFY(cut.endsWith(QStringLiteral(".csv")));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString inside = SafeFileName::resolveInside(dir.path(), QStringLiteral("../../x.csv"), &error);
        QVERIFY2(!inside.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(inside).dir().canonicalPath(), QDir(dir.path()).canonicalPath());
        QCOMPARE(QFileInfo(inside).fileName(), QStringLiteral("x.csv"));
        // A pre-existing symlink under that name pointing outside is refused.
        QVERIFY(QFile::link(QDir::tempPath() + QStringLiteral("/elsewhere.csv"), dir.filePath(QStringLiteral("link.csv"))));
        QVERIFY(SafeFileName::resolveInside(dir.path(), QStringLiteral("link.csv"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("outside")));
        QVERIFY(SafeFileName::resolveInside(dir.filePath(QStringLiteral("nope")), QStringLiteral("a"), &error).isEmpty());
    }

private:
    void checkRoundTrip(const QByteArray &input, int level, bool zlibEngine)
    {
        const gzip::Result packed = zlibEngine ? gzip::compressWithZlib(input, level) : gzip::compress(input, level);
        QVERIFY2(packed.ok(), qPrintable(packed.error));
        QVERIFY(gzip::looksLikeGzip(packed.data));
        // Real gzip: header 1f 8b 08, trailer holds CRC-32 and ISIZE (mod 2^32) little-endian.
        QCOMPARE(quint8(packed.data[2]), quint8(8));
        const auto tail = reinterpret_cast<const uchar *>(packed.data.constData() + packed.data.size() - 8);
        const quint32 crc = tail[0] | tail[1] << 8 | tail[2] << 16 | quint32(tail[3]) << 24;
        const quint32 isize = tail[4] | tail[5] << 8 | tail[6] << 16 | quint32(tail[7]) << 24;
        QCOMPARE(crc, quint32(crc32(0, reinterpret_cast<const Bytef *>(input.constData()), uInt(input.size()))));
        QCOMPARE(isize, quint32(input.size()));
        const gzip::Result unpacked = gzip::decompress(packed.data, 50'000'000, 0);
        QVERIFY2(unpacked.ok(), qPrintable(unpacked.error));
        QCOMPARE(unpacked.data, input);
    }
};

QTEST_GUILESS_MAIN(TestTransferPure)
#include "tst_TransferPure.moc"
