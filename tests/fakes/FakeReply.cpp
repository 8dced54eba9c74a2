#include "FakeReply.h"

#include <QTimer>

namespace anadesk::test {

namespace {

// What a real QNetworkReply reports in error() for an HTTP error status.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        break;
    }
    if (status >= 500)
        return QNetworkReply::UnknownServerError;
    if (status >= 400)
        return QNetworkReply::UnknownContentError;
    return QNetworkReply::NoError;
}

QString reasonFor(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        return QStringLiteral("Status");
    }
}

} // namespace

FakeReply::FakeReply(FakeNetworkAccessManager *manager, QNetworkAccessManager::Operation operation,
                     const QNetworkRequest &request, const FakeResponse &response, qint64 uploadedBytes,
                     std::shared_ptr<FakeClock> clock)
    : QNetworkReply(manager)
    , m_manager(manager)
    , m_response(response)
    , m_uploaded(uploadedBytes)
    , m_clock(std::move(clock))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (m_response.kind == FakeResponse::Kind::Hang)
        return;
    if (m_response.delayMs > 0 && m_clock)
        m_timer = m_clock->singleShot(m_response.delayMs, this, [this]() { play(); });
    else
        QTimer::singleShot(int(m_response.delayMs), this, [this]() { play(); });
}

FakeReply::~FakeReply()
{
    if (m_timer && m_clock)
        m_clock->cancel(m_timer);
}

void FakeReply::deliverHead()
{
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, reasonFor(m_response.status).toLatin1());
    bool hasLength = false;
    for (const auto &header : m_response.headers) {
        setRawHeader(header.first, header.second);
        hasLength = hasLength || header.first.toLower() == "content-length";
    }
    if (!hasLength)
        setRawHeader("Content-Length", QByteArray::number(m_response.body.size()));
    Q_EMIT metaDataChanged();
}

void FakeReply::play()
{
    m_timer = 0;
    if (isFinished())
        return;
    if (m_uploaded > 0)
        Q_EMIT uploadProgress(m_uploaded, m_uploaded);
    switch (m_response.kind) {
    case FakeResponse::Kind::Hang:
        return;
    case FakeResponse::Kind::NetworkError:
        finishWithError(m_response.error, QStringLiteral("fake network error %1").arg(int(m_response.error)));
        return;
    case FakeResponse::Kind::CutBody: {
        deliverHead();
        m_buffer = m_response.body.left(m_response.cutAfterBytes);
        Q_EMIT readyRead();
        Q_EMIT downloadProgress(m_buffer.size(), m_response.body.size());
        finishWithError(m_response.error,
                        QStringLiteral("fake connection cut after %1 bytes").arg(m_buffer.size()));
        return;
    }
    case FakeResponse::Kind::Answer:
        break;
    }
    deliverHead();
    m_buffer = m_response.body;
    if (!m_buffer.isEmpty())
        Q_EMIT readyRead();
    Q_EMIT downloadProgress(m_buffer.size(), m_buffer.size());
    const QNetworkReply::NetworkError error = errorForStatus(m_response.status);
    if (error != QNetworkReply::NoError) {
        finishWithError(error, QStringLiteral("server replied: %1").arg(reasonFor(m_response.status)));
        return;
    }
    setFinished(true);
    Q_EMIT finished();
}

void FakeReply::finishWithError(QNetworkReply::NetworkError error, const QString &message)
{
    setError(error, message);
    Q_EMIT errorOccurred(error);
    setFinished(true);
    Q_EMIT finished();
}

void FakeReply::abort()
{
    if (isFinished())
        return;
    if (m_timer && m_clock)
        m_clock->cancel(m_timer);
    m_timer = 0;
    if (m_manager)
        ++m_manager->m_aborted;
    finishWithError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
}

qint64 FakeReply::bytesAvailable() const
{
    return m_buffer.size() - m_readPos + QNetworkReply::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_buffer.size() - m_readPos);
    if (n <= 0)
        return isFinished() ? -1 : 0;
    memcpy(data, m_buffer.constData() + m_readPos, size_t(n));
    m_readPos += n;
    return n;
}

} // namespace anadesk::test
