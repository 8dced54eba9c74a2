#include "ApiJob.h"

#include "net/ApiReply.h"
#include "net/ErrorMapping.h"
#include "net/Transport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace anadesk {

ApiJob::ApiJob(Transport *transport, const ApiRequest &request, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_request(request)
{
    if (!m_transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

ApiJob::~ApiJob()
{
    doAbort();
}

void ApiJob::doStart()
{
    if (!m_request.url.isValid()) {
        finishFailure(badInput(tr("Could not build a valid URL for the request"), m_request.object));
        return;
    }
    m_reply = m_transport->send(m_request);
    if (!m_reply) {
        finishFailure(badInput(tr("The connection refused to send the request"), m_request.object));
        return;
    }
    connect(m_reply.data(), &ApiReply::finished, this, &ApiJob::onReplyFinished);
    if (m_reply->isFinished()) // a transport may answer synchronously (e.g. a local refusal)
        QMetaObject::invokeMethod(this, &ApiJob::onReplyFinished, Qt::QueuedConnection);
}

void ApiJob::doAbort()
{
    if (ApiReply *reply = m_reply.data()) {
        m_reply.clear();
        disconnect(reply, nullptr, this, nullptr);
        if (!reply->isFinished())
            reply->abort();
        reply->deleteLater();
    }
}

void ApiJob::onReplyFinished()
{
    ApiReply *reply = m_reply.data();
    if (!reply || isFinished())
        return;
    m_reply.clear();
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();

    m_httpStatus = reply->httpStatus();
    m_attempts = reply->attempts();
    m_body = reply->body();
    if ((!reply->isOk() || reply->error().isError()) && !(m_httpStatus > 0 && acceptsErrorStatus(m_httpStatus))) {
        ApiError error = reply->error();
        if (!error.isError())
            error.category = categoryForHttpStatus(m_httpStatus);
        finishFailure(decorate(error, m_body, reply->rawHeader("content-type")));
        return;
    }
    const ApiError parseError = parseBody(m_body);
    if (parseError.isError()) {
        finishFailure(decorate(parseError, {}, {}));
        return;
    }
    finishSuccess();
}

ApiError ApiJob::parseBody(const QByteArray &body)
{
    if (body.trimmed().isEmpty()) {
        m_json = QJsonObject();
        return parseJson(m_json);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return malformed(tr("the answer is not a JSON object"));
    m_json = document.object();
    return parseJson(m_json);
}

ApiError ApiJob::parseJson(const QJsonObject &)
{
    return {};
}

ApiError ApiJob::malformed(const QString &what) const
{
    const QString action = description().isEmpty() ? tr("The request") : description();
    return protocolError(tr("%1: unexpected answer from the server (%2)").arg(action, what), m_request.object);
}

ApiError ApiJob::decorate(ApiError error, const QByteArray &body, const QByteArray &contentType) const
{
    if (error.object.isEmpty())
        error.object = m_request.object;
    if (error.serverMessage.isEmpty() && !body.isEmpty())
        error.serverMessage = extractServerMessage(body, contentType);
    if (!description().isEmpty() && !error.message.startsWith(description())) {
        error.message = error.message.isEmpty() ? tr("%1 failed").arg(description())
                                                : tr("%1 failed: %2").arg(description(), error.message);
    } else if (error.message.isEmpty()) {
        error.message = tr("%1 %2 failed")
                            .arg(QString::fromLatin1(m_request.method),
                                 m_request.url.path(QUrl::FullyDecoded));
    }
    return error;
}

} // namespace anadesk
