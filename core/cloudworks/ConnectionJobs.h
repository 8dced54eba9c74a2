#pragma once
// CloudWorks connections (anaplan-api.md §11):
//   GET    integrations/connections (paged, ≤ 250 a page) → ListConnectionsJob
//   POST   integrations/connections {type, body}          → CreateConnectionJob (→ connectionId)
//   PUT    integrations/connections/{id} <body>           → UpdateConnectionJob (full replacement)
//   PATCH  integrations/connections/{id} <subset>         → PatchConnectionJob
//   DELETE integrations/connections/{id}                  → DeleteConnectionJob (409 while integrations use
//   it)
// Credentials in the bodies are registered as secrets for the job's lifetime (never logged).
#include "CloudWorksConnection.h"
#include "CloudWorksJob.h"
#include "api/PagedListJob.h"

namespace anadesk::cloudworks {

class ListConnectionsJob : public PagedListJob
{
    Q_OBJECT
public:
    explicit ListConnectionsJob(Transport *transport, QObject *parent = nullptr);
    QList<CloudConnection> connections() const;
};

class CreateConnectionJob : public CloudWorksJob
{
    Q_OBJECT
public:
    CreateConnectionJob(Transport *transport, const CloudConnectionInput &input, QObject *parent = nullptr);
    QString connectionId() const { return m_id; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QString m_id;
};

class UpdateConnectionJob : public CloudWorksJob
{
    Q_OBJECT
public:
    UpdateConnectionJob(Transport *transport, const QString &connectionId, const CloudConnectionInput &input,
                        QObject *parent = nullptr);
};

// `fields`: any subset of the connection body, e.g. {"name": "New name"} or new credentials. String
// values under keys that look secret (…secret…, …token…, …key…, password) are registered as secrets.
class PatchConnectionJob : public CloudWorksJob
{
    Q_OBJECT
public:
    PatchConnectionJob(Transport *transport, const QString &connectionId, const QJsonObject &fields,
                       QObject *parent = nullptr);
};

class DeleteConnectionJob : public CloudWorksJob
{
    Q_OBJECT
public:
    DeleteConnectionJob(Transport *transport, const QString &connectionId, QObject *parent = nullptr);
};

} // namespace anadesk::cloudworks
