#pragma once
// One request through the Transport, with the Integration API v2 envelope decoded. Endpoint jobs
// derive from it: the constructor fills the ApiRequest (use the helpers in BulkPaths.h), parseJson()
// or parseBody() reads the typed result. Errors come from the Transport (category, status, retries
// done) and are completed here with the object concerned and the server's own message.
#include "Job.h"
#include "net/ApiRequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QPointer>

namespace anadesk {

class ApiReply;
class Transport;

class ApiJob : public Job
{
    Q_OBJECT
public:
    // A raw job; endpoint subclasses pass their request from their constructor.
    ApiJob(Transport *transport, const ApiRequest &request, QObject *parent = nullptr);
    ~ApiJob() override;

    const ApiRequest &request() const { return m_request; }
    int httpStatus() const { return m_httpStatus; }
    int attempts() const { return m_attempts; }
    const QByteArray &body() const { return m_body; }
    // The decoded JSON object (empty for raw endpoints or an empty body).
    const QJsonObject &json() const { return m_json; }

protected:
    Transport *transport() const { return m_transport; }
    void setRequest(const ApiRequest &request) { m_request = request; }

    // Default: decode the body as a JSON object (empty body → {}) and call parseJson().
    // Raw endpoints (dumps, logs) override this and keep the bytes.
    virtual ApiError parseBody(const QByteArray &body);
    virtual ApiError parseJson(const QJsonObject &json);

    // An HTTP error status that means success for this endpoint (e.g. 424 "already open" on /open).
    virtual bool acceptsErrorStatus(int httpStatus) const
    {
        Q_UNUSED(httpStatus);
        return false;
    }

    // A Protocol error about this job's object.
    ApiError malformed(const QString &what) const;

    void doStart() override;
    void doAbort() override;

private:
    void onReplyFinished();
    ApiError decorate(ApiError error, const QByteArray &body, const QByteArray &contentType) const;

    Transport *m_transport;
    ApiRequest m_request;
    QPointer<ApiReply> m_reply;
    int m_httpStatus = 0;
    int m_attempts = 0;
    QByteArray m_body;
    QJsonObject m_json;
};

} // namespace anadesk
