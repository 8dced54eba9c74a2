#pragma once
// Shared set-up for tests/core-net: a Transport wired to a FakeNetworkAccessManager and a FakeClock.
#include "EventDriver.h"
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"
#include "auth/Authenticator.h"
#include "auth/BasicAuthenticator.h"
#include "net/Transport.h"
#include "net/UrlBuilder.h"

#include <QTest>
#include <cstdio>
#include <memory>

namespace anadesk::test {

struct NetKit
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    FakeNetworkAccessManager nam;
    std::unique_ptr<Transport> transport;

    explicit NetKit(ClientOptions options = {})
    {
        nam.setClock(clock);
        transport = std::make_unique<Transport>(
            Endpoints::singleOrigin(QUrl(QStringLiteral("https://fake.test"))), options);
        transport->setNetworkAccessManager(&nam);
        transport->setClock(clock);
    }

    static QByteArray basicUser() { return QByteArrayLiteral("ops@example.test"); }

    // Basic auth against POST /token/authenticate, answered with `token` valid for 35 minutes.
    void useBasicAuth(const QByteArray &token = QByteArrayLiteral("tok-1"))
    {
        nam.on("POST", QStringLiteral("/token/authenticate"))
            .reply(FakeResponse::token(token, clock->nowMs() + 35 * 60 * 1000));
        transport->setAuthenticator(std::make_shared<BasicAuthenticator>(
            QString::fromLatin1(basicUser()), QByteArrayLiteral("pw-PLANTED-SECRET")));
    }

    QUrl url(const QString &path) const { return QUrl(QStringLiteral("https://fake.test") + path); }

    ApiRequest get(const QString &path, Idempotency idempotency = Idempotency::Safe,
                   bool authenticated = false) const
    {
        ApiRequest request;
        request.method = "GET";
        request.url = url(path);
        request.idempotency = idempotency;
        request.authenticated = authenticated;
        return request;
    }

    ApiRequest post(const QString &path, Idempotency idempotency, bool authenticated = false) const
    {
        ApiRequest request = get(path, idempotency, authenticated);
        request.method = "POST";
        request.contentType = "application/json";
        request.body = R"({"localeName":"en_US"})";
        return request;
    }

    // Sends and drives until finished; the reply is owned by the caller.
    std::unique_ptr<ApiReply> run(const ApiRequest &request)
    {
        std::unique_ptr<ApiReply> reply(transport->send(request));
        ApiReply *raw = reply.get();
        if (!runUntil([raw] { return raw->isFinished(); }, clock.get(), &nam))
            qWarning("request did not finish");
        return reply;
    }
};

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test
