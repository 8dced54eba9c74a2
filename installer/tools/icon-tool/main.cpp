// anadesk-icon-tool: renders the application's SVG icon at build time into what the installers need:
// hicolor PNGs for Linux, an .ico for Windows and an .icns for macOS. It uses Qt's own SVG image plugin, so a
// build needs no rsvg-convert, ImageMagick, icotool or iconutil.
#include "IconContainers.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <cstdio>
#include <optional>

namespace {

using anadesk::icons::PngImage;

void fail(const QString &message)
{
    std::fprintf(stderr, "anadesk-icon-tool: %s\n", qUtf8Printable(message));
}

std::optional<QList<int>> parseSizes(const QString &text)
{
    QList<int> sizes;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int size = part.trimmed().toInt(&ok);
        if (!ok || size < 1 || size > 1024)
            return std::nullopt;
        sizes << size;
    }
    return sizes;
}

// Renders the SVG into a transparent square of side `size`, keeping its aspect ratio and centring it.
std::optional<QImage> render(const QString &svgPath, int size, QString *error)
{
    QImageReader reader(svgPath, "svg");
    const QSize natural = reader.size();
    if (!natural.isValid() || natural.isEmpty()) {
        *error = QStringLiteral("cannot read the SVG %1: %2").arg(svgPath, reader.errorString());
        return std::nullopt;
    }
    const QSize scaled = natural.scaled(size, size, Qt::KeepAspectRatio);
    reader.setScaledSize(scaled);
    const QImage drawn = reader.read();
    if (drawn.isNull()) {
        *error = QStringLiteral("cannot render the SVG %1 at %2 px: %3")
                     .arg(svgPath)
                     .arg(size)
                     .arg(reader.errorString());
        return std::nullopt;
    }
    QImage square(size, size, QImage::Format_ARGB32);
    square.fill(Qt::transparent);
    QPainter painter(&square);
    painter.drawImage((size - drawn.width()) / 2, (size - drawn.height()) / 2, drawn);
    painter.end();
    return square;
}

std::optional<QByteArray> encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    // Quality 0 is zlib's strongest level in Qt's PNG writer; setCompression(9) wrote the data uncompressed
    // (Qt 6.4).
    writer.setQuality(0);
    if (!writer.write(image))
        return std::nullopt;
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// Renders every size once (the union of the three lists) and returns them by size.
std::optional<QMap<int, QByteArray>> renderAll(const QString &svgPath, const QList<int> &sizes,
                                               QString *error)
{
    QMap<int, QByteArray> pngs;
    for (const int size : sizes) {
        if (pngs.contains(size))
            continue;
        const auto image = render(svgPath, size, error);
        if (!image)
            return std::nullopt;
        const auto png = encodePng(*image);
        if (!png) {
            *error = QStringLiteral("cannot encode a %1 px PNG").arg(size);
            return std::nullopt;
        }
        pngs.insert(size, *png);
    }
    return pngs;
}

QList<PngImage> pick(const QMap<int, QByteArray> &pngs, const QList<int> &sizes)
{
    QList<PngImage> images;
    for (const int size : sizes)
        images.append(PngImage{size, pngs.value(size)});
    return images;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Renders an SVG icon into hicolor PNGs, an .ico and an .icns."));
    parser.addHelpOption();
    const QCommandLineOption svgOption(QStringLiteral("svg"), QStringLiteral("The source SVG."),
                                       QStringLiteral("file"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."),
                                       QStringLiteral("dir"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("Base name of the outputs."),
                                        QStringLiteral("name"), QStringLiteral("anadesk"));
    const QCommandLineOption pngOption(
        QStringLiteral("png-sizes"), QStringLiteral("hicolor PNG sizes (out/hicolor/NxN/apps/name.png)."),
        QStringLiteral("list"), QStringLiteral("16,22,24,32,48,64,128,256,512"));
    const QCommandLineOption icoOption(QStringLiteral("ico-sizes"), QStringLiteral("Sizes in out/name.ico."),
                                       QStringLiteral("list"), QStringLiteral("16,24,32,48,64,128,256"));
    const QCommandLineOption icnsOption(QStringLiteral("icns-sizes"),
                                        QStringLiteral("Sizes in out/name.icns."), QStringLiteral("list"),
                                        QStringLiteral("16,32,64,128,256,512,1024"));
    parser.addOptions({svgOption, outOption, nameOption, pngOption, icoOption, icnsOption});
    parser.process(app);

    if (!parser.isSet(svgOption) || !parser.isSet(outOption)) {
        fail(QStringLiteral("--svg and --out are required (see --help)."));
        return 2;
    }
    if (!QImageReader::supportedImageFormats().contains("svg")) {
        fail(QStringLiteral(
            "Qt's SVG image plugin is not installed (Debian: libqt6svg6; Qt installer: the Qt SVG "
            "module); it is needed to render the application icon."));
        return 1;
    }
    const auto pngSizes = parseSizes(parser.value(pngOption));
    const auto icoSizes = parseSizes(parser.value(icoOption));
    const auto icnsSizes = parseSizes(parser.value(icnsOption));
    if (!pngSizes || !icoSizes || !icnsSizes) {
        fail(QStringLiteral("sizes are comma-separated whole numbers from 1 to 1024."));
        return 2;
    }
    if (icoSizes->size() > 0 && *std::max_element(icoSizes->begin(), icoSizes->end()) > 256) {
        fail(QStringLiteral("an .ico holds images of at most 256 px."));
        return 2;
    }
    for (const int size : *icnsSizes) {
        if (anadesk::icons::icnsTypesForSize(size).isEmpty()) {
            fail(QStringLiteral("an .icns holds PNG images of 16, 32, 64, 128, 256, 512 or 1024 px, not %1.")
                     .arg(size));
            return 2;
        }
    }

    const QString svgPath = parser.value(svgOption);
    const QDir out(parser.value(outOption));
    const QString name = parser.value(nameOption);
    QString error;
    const auto pngs = renderAll(svgPath, *pngSizes + *icoSizes + *icnsSizes, &error);
    if (!pngs) {
        fail(error);
        return 1;
    }
    for (const int size : *pngSizes) {
        const QString path =
            out.filePath(QStringLiteral("hicolor/%1x%1/apps/%2.png").arg(QString::number(size), name));
        if (!writeFile(path, pngs->value(size), &error)) {
            fail(error);
            return 1;
        }
    }
    if (!icoSizes->isEmpty() && !writeFile(out.filePath(name + QStringLiteral(".ico")),
                                           anadesk::icons::encodeIco(pick(*pngs, *icoSizes)), &error)) {
        fail(error);
        return 1;
    }
    if (!icnsSizes->isEmpty() && !writeFile(out.filePath(name + QStringLiteral(".icns")),
                                            anadesk::icons::encodeIcns(pick(*pngs, *icnsSizes)), &error)) {
        fail(error);
        return 1;
    }
    return 0;
}
