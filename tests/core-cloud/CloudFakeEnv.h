#pragma once
// Shared set-up for the core-cloud fault tests: a Connection whose Transport talks to a scripted
// FakeNetworkAccessManager on a FakeClock (origin https://api.fake.test; CloudWorks under /cloudworks).
#include "Connection.h"
#include "EventDriver.h"
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"
#include "audit/AuditClient.h"
#include "auth/TokenAuthenticator.h"
#include "cloudworks/CloudWorksClient.h"
#include "net/Transport.h"
#include "scim/ScimClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <cstdio>
#include <memory>

namespace anadesk::test {

inline const QString kScim = QStringLiteral("/scim/1/0/v2");
inline const QString kCw = QStringLiteral("/cloudworks/2/0/integrations");
inline const QString kFlows = QStringLiteral("/cloudworks/2/0/integrationflows");
inline const QString kAudit = QStringLiteral("/audit/api/1/events");

struct CloudFakeEnv
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    FakeNetworkAccessManager nam;
    std::unique_ptr<Connection> connection;

    explicit CloudFakeEnv(ClientOptions options = {})
    {
        nam.setClock(clock);
        connection = std::make_unique<Connection>(
            Endpoints::singleOrigin(QUrl(QStringLiteral("https://api.fake.test"))), options,
            std::make_shared<TokenAuthenticator>(QByteArrayLiteral("tok-cloud")));
        connection->transport()->setNetworkAccessManager(&nam);
        connection->transport()->setClock(clock);
        connection->transport()->setRandomSource([] { return 0.5; });
    }
    ~CloudFakeEnv() { connection.reset(); }

    ScimClient scim() { return connection->scim(); }
    AuditClient audit() { return connection->audit(); }
    CloudWorksClient cw() { return connection->cloudWorks(); }

    bool finish(Job *job)
    {
        return runUntil([job] { return job->isFinished(); }, clock.get(), &nam);
    }
};

template <typename J> std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

inline QJsonObject parse(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test
