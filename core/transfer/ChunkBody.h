#pragma once
// One downloaded chunk as the pieces it came off the wire in (core/net's ReplyBodySink), never
// concatenated: the writer, the hash and the CRC walk the pieces, so a 25 MB chunk costs no 25 MB buffer
// and no extra copy (benchmarks/transfer/README.md). Internal to core/transfer.
#include <QByteArray>
#include <QList>

namespace anadesk {

struct ChunkBody
{
    QList<QByteArray> pieces; // shared with Qt's network buffers
    qint64 size = 0;

    void append(const QByteArray &piece)
    {
        if (piece.isEmpty())
            return;
        pieces.append(piece);
        size += piece.size();
    }
    // One contiguous buffer (get_file_stream's chunkReady); no copy when there is a single piece.
    QByteArray joined() const
    {
        if (pieces.size() == 1)
            return pieces.constFirst();
        QByteArray all;
        all.reserve(size);
        for (const QByteArray &piece : pieces)
            all.append(piece);
        return all;
    }
};

} // namespace anadesk
