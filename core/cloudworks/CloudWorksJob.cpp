#include "CloudWorksJob.h"

#include "api/ListHelpers.h"
#include "net/Redaction.h"
#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
ApiRequest makeRequest(Transport *transport, const QByteArray &method, const QStringList &segments,
                       const QString &object, const QJsonObject &body, Idempotency idempotency)
{
    ApiRequest request;
    request.method = method;
    request.url = cloudWorksUrl(detail::endpointsOf(transport), segments);
    request.object = object;
    request.idempotency = idempotency;
    if (method != "GET") {
        // Anaplan's examples send the JSON content type also on bodiless POST/DELETE.
        request.contentType = "application/json";
        if (!body.isEmpty())
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return request;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cloudworks", text);
}
} // namespace

CloudWorksJob::CloudWorksJob(Transport *transport, const QByteArray &method, const QStringList &segments,
                             const QString &object, QObject *parent, const QJsonObject &body,
                             Idempotency idempotency)
    : ApiJob(transport, makeRequest(transport, method, segments, object, body, idempotency), parent)
{}

CloudWorksJob::~CloudWorksJob()
{
    for (const QByteArray &secret : std::as_const(m_secrets))
        forgetSecret(secret);
}

void CloudWorksJob::holdSecrets(const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        registerSecret(secret);
        m_secrets.append(secret);
    }
}

void CloudWorksJob::requireId(const QString &id, const QString &what)
{
    if (id.trimmed().isEmpty())
        failOnStart(badInput(tr("No %1 id given").arg(what)));
}

QString connectionLabel(const QString &id)
{
    return tr("connection %1").arg(id);
}

QString integrationLabel(const QString &id)
{
    return tr("integration %1").arg(id);
}

QString runLabel(const QString &id)
{
    return tr("run %1").arg(id);
}

QString notificationLabel(const QString &id)
{
    return tr("notification configuration %1").arg(id);
}

QString flowLabel(const QString &id)
{
    return tr("integration flow %1").arg(id);
}

QString createdId(const QJsonObject &json, QLatin1StringView key, QLatin1StringView idKey)
{
    const QString nested = json::idString(json.value(key).toObject().value(idKey));
    return nested.isEmpty() ? json::idString(json.value(idKey)) : nested;
}

} // namespace anadesk::cloudworks
