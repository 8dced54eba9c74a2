#include "Authenticator.h"

namespace anadesk {

Authenticator::~Authenticator() = default;

FunctionAuthenticator::FunctionAuthenticator(Function function, QString description, bool canReauthenticate,
                                             bool canRefresh)
    : m_function(std::move(function))
    , m_description(std::move(description))
    , m_canReauthenticate(canReauthenticate)
    , m_canRefresh(canRefresh)
{}

void FunctionAuthenticator::authenticate(Transport &transport, QObject *context, Done done)
{
    m_function(transport, context, std::move(done));
}

} // namespace anadesk
