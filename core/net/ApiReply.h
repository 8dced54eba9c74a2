#pragma once
// The outcome of one ApiRequest, after authentication, retries and pacing. Lives until the
// receiver deletes it (deleteLater() in the finished handler).
#include "ApiError.h"

#include <QByteArray>
#include <QObject>

namespace anadesk {

class ApiReply : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isFinished() const { return m_finished; }
    bool isOk() const { return m_finished && !m_error.isError(); }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    // Bytes of the successful attempt's body handed to ApiRequest::bodySink (body() is then empty).
    qint64 streamedBytes() const { return m_streamedBytes; }
    QByteArray rawHeader(const QByteArray &lowerCaseName) const;
    const ApiError &error() const { return m_error; }
    int attempts() const { return m_attempts; } // how many times the request went on the wire

    // Stops the request and any pending retry; finished() is emitted with a Cancelled error.
    virtual void abort() = 0;

Q_SIGNALS:
    void finished();
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);
    void retrying(int attempt, int delayMs, const anadesk::ApiError &lastError);

protected:
    bool m_finished = false;
    int m_httpStatus = 0;
    int m_attempts = 0;
    qint64 m_streamedBytes = 0;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers; // names lower-case
    ApiError m_error;
};

} // namespace anadesk
