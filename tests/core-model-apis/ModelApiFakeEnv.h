#pragma once
// Shared set-up for the core-model-apis fault tests: a Connection whose Transport talks to a scripted
// FakeNetworkAccessManager on a FakeClock, with Transactional and ALM clients on a fixed model.
#include "AlmClient.h"
#include "Connection.h"
#include "EventDriver.h"
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"
#include "TransactionalClient.h"
#include "auth/TokenAuthenticator.h"
#include "net/Transport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <cstdio>
#include <memory>

// JSON fixtures written as tokens (moc cannot parse raw string literals): J({"a":1}) → "{\"a\":1}".
#define J(...) QByteArray(#__VA_ARGS__)

namespace anadesk::test {

inline const QString kModel = QStringLiteral("75A40874E6B64FA3AE0743278996850F");
inline const QString kTx = QStringLiteral("/2/0/models/75A40874E6B64FA3AE0743278996850F");

struct ModelApiFakeEnv
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    FakeNetworkAccessManager nam;
    std::unique_ptr<Connection> connection;
    TransactionalClient tr;
    AlmClient alm;

    explicit ModelApiFakeEnv(ClientOptions options = {})
    {
        options.modelId = kModel;
        nam.setClock(clock);
        connection = std::make_unique<Connection>(
            Endpoints::singleOrigin(QUrl(QStringLiteral("https://api.fake.test"))), options,
            std::make_shared<TokenAuthenticator>(QByteArrayLiteral("tok-model")));
        connection->transport()->setNetworkAccessManager(&nam);
        connection->transport()->setClock(clock);
        connection->transport()->setRandomSource([] { return 0.5; });
        tr = connection->transactional();
        alm = connection->alm();
    }
    ~ModelApiFakeEnv() { connection.reset(); } // jobs first, while the fake manager still exists

    // Runs until the job finished; false when it got stuck or the (generous) wall guard fired.
    // runUntil() alone would call a job "stuck" while a worker thread (batch planning, view-data
    // parsing) is still busy: keep driving while the global pool has work.
    bool finish(Job *job, int wallMs = 60'000)
    {
        return drive([job] { return job->isFinished(); }, wallMs);
    }

    bool drive(const std::function<bool()> &done, int wallMs = 60'000)
    {
        QElapsedTimer wall;
        wall.start();
        while (!runUntil(done, clock.get(), &nam, wallMs)) {
            if (wall.elapsed() > wallMs)
                return false;
            if (QThreadPool::globalInstance()->activeThreadCount() == 0) // finished meanwhile: one last turn
                return runUntil(done, clock.get(), &nam, wallMs);
            QThread::msleep(2);
        }
        return true;
    }
};

// Keeps a job alive after it finished (jobs delete themselves by default).
template <typename J> std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

// The request target without scheme and host, fully encoded.
inline QString target(const RecordedRequest &r)
{
    QString s = r.url.path(QUrl::FullyEncoded);
    if (r.url.hasQuery())
        s += u'?' + r.url.query(QUrl::FullyEncoded);
    return s;
}

inline QJsonObject envelopeObject(const QString &key, const QJsonValue &value)
{
    return QJsonObject{
        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("schema"), QStringLiteral("x")}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("code"), 200}, {QStringLiteral("message"), QStringLiteral("Success")}}},
        {key, value}};
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test
