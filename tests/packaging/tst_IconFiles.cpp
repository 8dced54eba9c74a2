// The icons the installers embed, as anadesk-icon-tool rendered them in this build tree: hicolor PNGs
// (Linux), anadesk.ico (NSIS installer and anadesk.exe) and anadesk.icns (the macOS bundle). The two
// containers are parsed here independently of the tool's writer, so a Windows or macOS build gets files
// already checked on Linux.
#include "ProcessRun.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using anadesk::packaging::runProcess;

namespace {

const QString iconDir = QStringLiteral(ANADESK_ICON_DIR);

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A real rendering of the monitor icon has opaque strokes and a transparent margin.
void verifyDrawn(const QImage &image, const QString &what)
{
    int opaque = 0;
    int transparent = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const int alpha = qAlpha(image.pixel(x, y));
            opaque += alpha == 255 ? 1 : 0;
            transparent += alpha == 0 ? 1 : 0;
        }
    }
    const int pixels = image.width() * image.height();
    QVERIFY2(opaque > pixels / 10, qPrintable(what + QStringLiteral(": too few opaque pixels")));
    QVERIFY2(transparent > pixels / 20, qPrintable(what + QStringLiteral(": no transparent margin")));
}

} // namespace

class IconFilesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hicolorPngsHaveTheirSize_data();
    void hicolorPngsHaveTheirSize();
    void icoDirectoryMatchesItsImages();
    void icnsElementsMatchTheirTypes();
    void toolRejectsBadInput();
};

void IconFilesTest::hicolorPngsHaveTheirSize_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("%d", size) << size;
}

void IconFilesTest::hicolorPngsHaveTheirSize()
{
    QFETCH(int, size);
    const QString path = iconDir + QStringLiteral("/hicolor/%1x%1/apps/anadesk.png").arg(size);
    QImage image;
    QVERIFY2(image.load(path, "PNG"), qPrintable(path));
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());
    verifyDrawn(image, path);
}

void IconFilesTest::icoDirectoryMatchesItsImages()
{
    const QByteArray ico = readAll(iconDir + QStringLiteral("/anadesk.ico"));
    QVERIFY2(ico.size() > 6, "anadesk.ico is missing or empty");
    const auto *data = reinterpret_cast<const uchar *>(ico.constData());
    QCOMPARE(qFromLittleEndian<quint16>(data), quint16(0));     // reserved
    QCOMPARE(qFromLittleEndian<quint16>(data + 2), quint16(1)); // 1 = icon
    const int count = qFromLittleEndian<quint16>(data + 4);
    QVERIFY(ico.size() >= 6 + 16 * count);

    QList<int> sizes;
    qint64 expectedOffset = 6 + 16 * count; // images follow the directory back to back
    for (int i = 0; i < count; ++i) {
        const uchar *entry = data + 6 + 16 * i;
        const int side = entry[0] == 0 ? 256 : entry[0];
        QCOMPARE(int(entry[1] == 0 ? 256 : entry[1]), side);
        QCOMPARE(qFromLittleEndian<quint16>(entry + 4), quint16(1));  // planes
        QCOMPARE(qFromLittleEndian<quint16>(entry + 6), quint16(32)); // bits per pixel
        const quint32 length = qFromLittleEndian<quint32>(entry + 8);
        const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
        QCOMPARE(qint64(offset), expectedOffset);
        QVERIFY(qint64(offset) + length <= ico.size());
        expectedOffset += length;
        const QImage image = QImage::fromData(ico.mid(offset, length), "PNG");
        QVERIFY2(!image.isNull(), qPrintable(QStringLiteral("ICO entry %1 is not a PNG").arg(i)));
        QCOMPARE(image.size(), QSize(side, side));
        verifyDrawn(image, QStringLiteral("ICO %1 px").arg(side));
        sizes << side;
    }
    QCOMPARE(expectedOffset, qint64(ico.size()));
    QCOMPARE(sizes, (QList<int>{16, 24, 32, 48, 64, 128, 256}));
    qInfo("FIGURE: ico_bytes=%lld ico_images=%d", qint64(ico.size()), count);
}

void IconFilesTest::icnsElementsMatchTheirTypes()
{
    // Apple's PNG-capable OSTypes and their pixel sizes (the @2x types hold twice the point size).
    const QHash<QByteArray, int> pixels = {{"icp4", 16},  {"icp5", 32},  {"ic11", 32},  {"ic12", 64},
                                           {"ic07", 128}, {"ic08", 256}, {"ic13", 256}, {"ic09", 512},
                                           {"ic14", 512}, {"ic10", 1024}};
    const QByteArray icns = readAll(iconDir + QStringLiteral("/anadesk.icns"));
    QVERIFY2(icns.size() > 8, "anadesk.icns is missing or empty");
    QCOMPARE(icns.left(4), QByteArray("icns"));
    QCOMPARE(qint64(qFromBigEndian<quint32>(icns.constData() + 4)), qint64(icns.size()));

    QSet<QByteArray> seen;
    qsizetype at = 8;
    while (at < icns.size()) {
        QVERIFY(at + 8 <= icns.size());
        const QByteArray type = icns.mid(at, 4);
        const quint32 length = qFromBigEndian<quint32>(icns.constData() + at + 4);
        QVERIFY2(length > 8 && at + qsizetype(length) <= icns.size(), type.constData());
        QVERIFY2(pixels.contains(type), type.constData());
        QVERIFY2(!seen.contains(type), type.constData());
        seen.insert(type);
        const QImage image = QImage::fromData(icns.mid(at + 8, length - 8), "PNG");
        QVERIFY2(!image.isNull(), type.constData());
        QCOMPARE(image.size(), QSize(pixels.value(type), pixels.value(type)));
        at += length;
    }
    QCOMPARE(at, icns.size());
    QCOMPARE(seen.size(), pixels.size()); // every type present once: Finder and the Dock pick by type
    qInfo("FIGURE: icns_bytes=%lld icns_elements=%lld", qint64(icns.size()), qint64(seen.size()));
}

void IconFilesTest::toolRejectsBadInput()
{
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString tool = QStringLiteral(ANADESK_ICON_TOOL);

    const auto missing = runProcess(tool,
                                    {QStringLiteral("--svg"), out.filePath(QStringLiteral("nope.svg")),
                                     QStringLiteral("--out"), out.path()},
                                    60'000);
    QVERIFY(missing.started && !missing.timedOut);
    QVERIFY2(missing.exitCode != 0, qPrintable(missing.describe(QStringLiteral("missing SVG"))));
    QVERIFY2(missing.err.contains(QStringLiteral("nope.svg")), qPrintable(missing.err));

    const auto tooBig =
        runProcess(tool,
                   {QStringLiteral("--svg"), QStringLiteral(ANADESK_ICON_SVG), QStringLiteral("--out"),
                    out.path(), QStringLiteral("--ico-sizes"), QStringLiteral("16,512")},
                   60'000);
    QCOMPARE(tooBig.exitCode, 2);
    QVERIFY2(tooBig.err.contains(QStringLiteral("256")), qPrintable(tooBig.err));
    QVERIFY(!QFile::exists(out.filePath(QStringLiteral("anadesk.ico"))));
}

QTEST_GUILESS_MAIN(IconFilesTest)
#include "tst_IconFiles.moc"
