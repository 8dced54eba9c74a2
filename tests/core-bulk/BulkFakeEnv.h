#pragma once
// Shared set-up for the core-bulk fault tests: a Connection whose Transport talks to a scripted
// FakeNetworkAccessManager on a FakeClock, and a BulkClient on a fixed workspace and model.
#include "BulkClient.h"
#include "Connection.h"
#include "EventDriver.h"
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"
#include "auth/TokenAuthenticator.h"
#include "net/Transport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cstdio>
#include <memory>

// JSON fixtures written as tokens (moc cannot parse raw string literals): J({"a":1}) → "{\"a\":1}".
#define J(...) QByteArray(#__VA_ARGS__)

namespace anadesk::test {

inline const QString kWs = QStringLiteral("8a8b8c8d8e8f1a2b3c4d5e6f78901234");
inline const QString kModel = QStringLiteral("75A40874E6B64FA3AE0743278996850F");
inline const QString kBase = QStringLiteral("/2/0/workspaces/8a8b8c8d8e8f1a2b3c4d5e6f78901234/models/"
                                            "75A40874E6B64FA3AE0743278996850F");

struct BulkFakeEnv
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    FakeNetworkAccessManager nam;
    std::unique_ptr<Connection> connection;
    BulkClient client;

    explicit BulkFakeEnv(ClientOptions options = {})
    {
        options.workspaceId = kWs;
        options.modelId = kModel;
        nam.setClock(clock);
        connection = std::make_unique<Connection>(Endpoints::singleOrigin(QUrl(QStringLiteral("https://api.fake.test"))),
                                                  options,
                                                  std::make_shared<TokenAuthenticator>(QByteArrayLiteral("tok-bulk")));
        connection->transport()->setNetworkAccessManager(&nam);
        connection->transport()->setClock(clock);
        connection->transport()->setRandomSource([] { return 0.5; });
        client = connection->bulk();
    }
    ~BulkFakeEnv() { connection.reset(); } // jobs first, while the fake manager still exists

    // Runs until the job finished; false when it got stuck or the (generous) wall guard fired.
    bool finish(Job *job) { return runUntil([job] { return job->isFinished(); }, clock.get(), &nam); }

    QString path(const QString &tail) const { return kBase + tail; }
};

// Keeps a job alive after it finished (jobs delete themselves by default).
template <typename J>
std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

inline QByteArray envelope(const QString &key, const QJsonArray &items, qint64 total = -1, qint64 pageSize = -1,
                           qint64 offset = 0)
{
    QJsonObject paging{{QStringLiteral("currentPageSize"), pageSize < 0 ? items.size() : pageSize},
                       {QStringLiteral("offset"), offset},
                       {QStringLiteral("totalSize"), total < 0 ? items.size() : total}};
    QJsonObject o{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("paging"), paging},
                                                       {QStringLiteral("schema"), QStringLiteral("x")}}},
                  {QStringLiteral("status"), QJsonObject{{QStringLiteral("code"), 200},
                                                         {QStringLiteral("message"), QStringLiteral("Success")}}},
                  {key, items}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QByteArray taskJson(const QString &id, const QString &state, double progress = 0.0,
                           const QJsonObject &result = {})
{
    QJsonObject task{{QStringLiteral("taskId"), id},
                     {QStringLiteral("taskState"), state},
                     {QStringLiteral("progress"), progress},
                     {QStringLiteral("currentStep"), state == QStringLiteral("COMPLETE") ? QStringLiteral("Complete.")
                                                                                        : QStringLiteral("Running")},
                     {QStringLiteral("creationTime"), 1750000000000LL}};
    if (!result.isEmpty())
        task.insert(QStringLiteral("result"), result);
    return QJsonDocument(QJsonObject{{QStringLiteral("task"), task}}).toJson(QJsonDocument::Compact);
}

inline QJsonObject resultJson(bool successful, bool dump = false, const QString &objectId = {},
                              const QJsonArray &nested = {})
{
    QJsonObject r{{QStringLiteral("successful"), successful},
                  {QStringLiteral("failureDumpAvailable"), dump},
                  {QStringLiteral("objectId"), objectId},
                  {QStringLiteral("details"),
                   QJsonArray{QJsonObject{{QStringLiteral("localMessageText"),
                                           successful ? QStringLiteral("All rows ok") : QStringLiteral("3 rows failed")},
                                          {QStringLiteral("type"), QStringLiteral("hierarchyRowsProcessed")},
                                          {QStringLiteral("values"), QJsonArray{}}}}}};
    if (!nested.isEmpty())
        r.insert(QStringLiteral("nestedResults"), nested);
    return r;
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace anadesk::test
