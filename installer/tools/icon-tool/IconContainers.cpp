#include "IconContainers.h"

#include <QtEndian>

namespace anadesk::icons {

namespace {

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

} // namespace

QByteArray encodeIco(const QList<PngImage> &images)
{
    QByteArray out;
    appendLe16(out, 0);                                   // reserved
    appendLe16(out, 1);                                   // type 1 = icon
    appendLe16(out, static_cast<quint16>(images.size())); // image count
    quint32 offset = 6 + 16 * static_cast<quint32>(images.size());
    for (const PngImage &image : images) {
        // A width/height byte of 0 means 256.
        const char side = static_cast<char>(image.size >= 256 ? 0 : image.size);
        out.append(side);
        out.append(side);
        out.append('\0');    // no palette
        out.append('\0');    // reserved
        appendLe16(out, 1);  // colour planes
        appendLe16(out, 32); // bits per pixel
        appendLe32(out, static_cast<quint32>(image.png.size()));
        appendLe32(out, offset);
        offset += static_cast<quint32>(image.png.size());
    }
    for (const PngImage &image : images)
        out.append(image.png);
    return out;
}

QList<QByteArray> icnsTypesForSize(int size)
{
    switch (size) {
    case 16:
        return {QByteArrayLiteral("icp4")};
    case 32:
        return {QByteArrayLiteral("icp5"), QByteArrayLiteral("ic11")};
    case 64:
        return {QByteArrayLiteral("ic12")};
    case 128:
        return {QByteArrayLiteral("ic07")};
    case 256:
        return {QByteArrayLiteral("ic08"), QByteArrayLiteral("ic13")};
    case 512:
        return {QByteArrayLiteral("ic09"), QByteArrayLiteral("ic14")};
    case 1024:
        return {QByteArrayLiteral("ic10")};
    default:
        return {};
    }
}

QByteArray encodeIcns(const QList<PngImage> &images)
{
    QByteArray body;
    for (const PngImage &image : images) {
        for (const QByteArray &type : icnsTypesForSize(image.size)) {
            body.append(type);
            appendBe32(body, static_cast<quint32>(8 + image.png.size()));
            body.append(image.png);
        }
    }
    QByteArray out("icns");
    appendBe32(out, static_cast<quint32>(8 + body.size()));
    out.append(body);
    return out;
}

} // namespace anadesk::icons
