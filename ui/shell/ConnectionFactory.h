#pragma once
// Turns a profile, its secrets and the client settings into a Connection (endpoints, options and the
// authenticator of the profile's sign-in method). Local problems — an unreadable certificate file, a wrong
// key passphrase, a missing password — come back as an ApiError before anything is sent.
#include "ClientSettings.h"
#include "ProfileSecrets.h"
#include "net/ApiError.h"

#include <QCoreApplication>
#include <QUrl>
#include <memory>

namespace anadesk {

class Authenticator;
class Connection;
struct ConnectionProfile;

class ConnectionFactory
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ConnectionFactory)

public:
    static std::shared_ptr<Authenticator> makeAuthenticator(const ConnectionProfile &profile,
                                                            const ProfileSecrets &secrets, ApiError *error);
    // nullptr with *error set when the profile is invalid or the authenticator cannot be built.
    static Connection *makeConnection(const ConnectionProfile &profile, const ProfileSecrets &secrets,
                                      const ClientSettings &settings, ApiError *error, QObject *parent = nullptr);

    // The transient profile of "Try the sandbox": every API on `origin`, basic sign-in with the sandbox's
    // demo account, never through a proxy (the sandbox is on loopback).
    static ConnectionProfile sandboxProfile(const QUrl &origin);
    static ProfileSecrets sandboxSecrets();
};

} // namespace anadesk
