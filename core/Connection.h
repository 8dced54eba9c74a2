#pragma once
// One signed-in connection to an Anaplan tenant (or to anadesk-sandbox): the hosts, the options, the
// Transport (retries, pacing, token) and the authenticator. Clients (BulkClient, …) are cheap views
// onto a Connection; jobs they create are children of the Connection and die with it.
#include "net/ApiError.h"
#include "net/ClientOptions.h"
#include "net/Endpoints.h"

#include <QObject>

#include <memory>

namespace anadesk {

class AlmClient;
class Authenticator;
class AuditClient;
class BulkClient;
class CloudWorksClient;
class ScimClient;
class TransactionalClient;
class Transport;

class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(const Endpoints &endpoints, const ClientOptions &options,
               std::shared_ptr<Authenticator> authenticator, QObject *parent = nullptr);
    ~Connection() override;

    const Endpoints &endpoints() const;
    const ClientOptions &options() const;
    // New options apply to requests started afterwards.
    void setOptions(const ClientOptions &options);

    Transport *transport() const { return m_transport; }
    Authenticator *authenticator() const { return m_authenticator.get(); }

    // A bulk client on options().workspaceId / options().modelId.
    BulkClient bulk();
    // The model-level clients on options().modelId (core-model-apis).
    TransactionalClient transactional();
    AlmClient alm();
    // The tenant-level clients (core-cloud): SCIM users, tenant users and audit events, CloudWorks.
    ScimClient scim();
    AuditClient audit();
    CloudWorksClient cloudWorks();

Q_SIGNALS:
    // Forwarded from the Transport: the stored credentials were rejected (the UI may ask once).
    void credentialsRejected(const anadesk::ApiError &error);

private:
    std::shared_ptr<Authenticator> m_authenticator;
    Transport *m_transport; // child
};

} // namespace anadesk
