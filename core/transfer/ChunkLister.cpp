#include "ChunkLister.h"

#include "FileRequests.h"
#include "net/ApiReply.h"
#include "net/Transport.h"

namespace anadesk {

namespace {
constexpr int kPageLimit = 5'000; // the Integration API's page maximum; a file has ≤ 1,000 chunks
constexpr int kMaxPages = 20;     // defence against a server whose paging never ends
} // namespace

ChunkLister::ChunkLister(Transport *transport, FileLocation location, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_location(std::move(location))
{
}

ChunkLister::~ChunkLister() { abort(); }

void ChunkLister::start()
{
    m_ids.clear();
    m_error = {};
    m_pages = 0;
    fetch(0);
}

void ChunkLister::abort()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
}

void ChunkLister::fetch(int offset)
{
    ApiReply *reply =
        m_transport->send(file_requests::listChunks(m_transport->endpoints().api, m_location, offset, kPageLimit));
    m_reply = reply;
    connect(reply, &ApiReply::finished, this, [this, reply, offset] {
        m_reply = nullptr;
        reply->deleteLater();
        m_httpStatus = reply->httpStatus();
        if (!reply->isOk()) {
            m_error = reply->error();
            if (m_error.category == ErrorCategory::None)
                m_error.category = ErrorCategory::Protocol;
            m_error.message = tr("Listing the chunks failed");
            Q_EMIT finished();
            return;
        }
        const auto page = file_requests::parseChunkPage(reply->body());
        if (!page) {
            m_error.category = ErrorCategory::Protocol;
            m_error.httpStatus = reply->httpStatus();
            m_error.message = tr("The server's chunk list could not be read");
            m_error.serverMessage = QString::fromUtf8(reply->body().left(200));
            m_error.hint = tr("The server answered something that is not a chunk list. Try again later.");
            Q_EMIT finished();
            return;
        }
        m_ids += page->ids;
        const int next = offset + int(page->ids.size());
        if (!page->ids.isEmpty() && page->totalSize > next && ++m_pages < kMaxPages) {
            fetch(next);
            return;
        }
        Q_EMIT finished();
    });
}

} // namespace anadesk
