#pragma once
// The shared base of the CloudWorks endpoint jobs: builds the request on {cloudWorks}/2/0/… (JSON body
// for writes; POSTs that create or run something are never re-sent blindly), holds the secrets of the
// request registered with core/net/Redaction while it lives, and reads CloudWorks' envelope
// ({"status":{"code","message"}, <key>: …}). Jobs with nothing to read (update, delete, …) use it as it is.
#include "CloudWorksCommon.h"
#include "api/ApiJob.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace anadesk::cloudworks {

class CloudWorksJob : public ApiJob
{
    Q_OBJECT
public:
    ~CloudWorksJob() override;

protected:
    CloudWorksJob(Transport *transport, const QByteArray &method, const QStringList &segments,
                  const QString &object, QObject *parent, const QJsonObject &body = {},
                  Idempotency idempotency = Idempotency::Safe);
    // Values that must never appear in logs or messages while this job lives.
    void holdSecrets(const QList<QByteArray> &secrets);
    // A BadInput (sent nothing) when `id` is empty.
    void requireId(const QString &id, const QString &what);

private:
    QList<QByteArray> m_secrets;
};

// "integration 8a8b…" etc. for messages.
QString connectionLabel(const QString &id);
QString integrationLabel(const QString &id);
QString runLabel(const QString &id);
QString notificationLabel(const QString &id);
QString flowLabel(const QString &id);

// The id a create answered with: <key>.<idKey>, or a top-level <idKey> (spec vs reference client).
QString createdId(const QJsonObject &json, QLatin1StringView key, QLatin1StringView idKey);

} // namespace anadesk::cloudworks
