#pragma once
// Where a successful reply's body goes when it should not be collected into ApiReply::body(): a chunk
// download hands each piece on as it comes off the wire, so a 25 MB body is never concatenated into one
// buffer (one copy and ~6,000 page faults per chunk less; benchmarks/transfer/README.md).
//
// The transport calls it on its own thread, in order, for 2xx replies only (error bodies stay in
// body() for the error message). A request may go on the wire more than once (retry, 401 replay): every
// attempt starts with restart(), so the sink never mixes the pieces of two attempts. The transport still
// checks the streamed length against Content-Length and treats a cut body as a failed attempt.
#include <QByteArray>

namespace anadesk {

class ReplyBodySink
{
public:
    virtual ~ReplyBodySink() = default;
    // A new wire attempt begins: drop everything an earlier attempt delivered.
    virtual void restart() = 0;
    // The next piece of a 2xx body (shares Qt's buffer; no copy was made).
    virtual void append(const QByteArray &piece) = 0;
};

} // namespace anadesk
