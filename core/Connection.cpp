#include "Connection.h"

#include "AlmClient.h"
#include "BulkClient.h"
#include "TransactionalClient.h"
#include "audit/AuditClient.h"
#include "cloudworks/CloudWorksClient.h"
#include "scim/ScimClient.h"
#include "auth/Authenticator.h"
#include "net/Transport.h"

namespace anadesk {

Connection::Connection(const Endpoints &endpoints, const ClientOptions &options,
                       std::shared_ptr<Authenticator> authenticator, QObject *parent)
    : QObject(parent)
    , m_authenticator(std::move(authenticator))
    , m_transport(new Transport(endpoints, options, this))
{
    m_transport->setAuthenticator(m_authenticator);
    connect(m_transport, &Transport::credentialsRejected, this, &Connection::credentialsRejected);
}

Connection::~Connection()
{
    // Jobs (children) go first: they abort their replies while the Transport still exists.
    const QList<QObject *> kids = children();
    for (QObject *kid : kids) {
        if (kid != m_transport)
            delete kid;
    }
}

const Endpoints &Connection::endpoints() const
{
    return m_transport->endpoints();
}

const ClientOptions &Connection::options() const
{
    return m_transport->options();
}

void Connection::setOptions(const ClientOptions &options)
{
    m_transport->setOptions(options);
}

BulkClient Connection::bulk()
{
    return BulkClient(this, ModelRef{options().workspaceId, options().modelId});
}

TransactionalClient Connection::transactional()
{
    return TransactionalClient(this, options().modelId);
}

AlmClient Connection::alm()
{
    return AlmClient(this, options().modelId);
}

ScimClient Connection::scim()
{
    return ScimClient(this);
}

AuditClient Connection::audit()
{
    return AuditClient(this);
}

CloudWorksClient Connection::cloudWorks()
{
    return CloudWorksClient(this);
}

} // namespace anadesk
