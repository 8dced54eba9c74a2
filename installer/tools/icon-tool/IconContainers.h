// The two icon container formats the installers need, written from PNG images:
// Windows .ico (PNG-compressed entries, readable since Windows Vista) and macOS .icns (PNG entries,
// macOS 10.7+).
#pragma once

#include <QByteArray>
#include <QList>

namespace anadesk::icons {

struct PngImage
{
    int size = 0;   // width == height, in pixels
    QByteArray png; // the encoded PNG file
};

// .ico: ICONDIR header, one 16-byte ICONDIRENTRY per image, then the PNG data. Sizes 1..256.
QByteArray encodeIco(const QList<PngImage> &images);

// .icns: 'icns' + total length, then one (OSType, length, PNG) element per image. Only sizes with an OSType
// that holds PNG data are accepted (16, 32, 64, 128, 256, 512, 1024); see icnsTypeForSize.
QByteArray encodeIcns(const QList<PngImage> &images);

// The OSTypes for PNG payloads: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x),
// ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x), icp4 16, icp5 32. Empty for other sizes.
// A size can map to several OSTypes (the @2x variants); all of them are returned.
QList<QByteArray> icnsTypesForSize(int size);

} // namespace anadesk::icons
