#pragma once
// Shared set-up for the core/transfer fault tests: a Transport on the fake network layer with a fake
// clock, a small in-memory "Anaplan files" server (stores gunzipped chunks, lists them, serves them),
// generated test data, and a driver that waits for workers as well as for replies.
#include "EventDriver.h"
#include "FakeClock.h"
#include "FakeNetworkAccessManager.h"
#include "auth/TokenAuthenticator.h"
#include "net/Transport.h"
#include "transfer/Gzip.h"
#include "transfer/Sha256.h"
#include "transfer/TransferJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <cstdio>
#include <memory>

namespace anadesk::test {

inline const QString kWs = QStringLiteral("8a8b8c8d8e8f90919293949596979899");
inline const QString kModel = QStringLiteral("ABCDEF0123456789ABCDEF0123456789");
inline const QString kFilesPattern = QStringLiteral("/2/0/workspaces/*/models/*/files/**");

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

inline QString hex(const QByteArray &digest) { return QString::fromLatin1(digest.toHex()); }

// CSV-like text with multi-byte characters, deterministic for a seed.
inline QByteArray makeCsv(qint64 approxBytes, quint32 seed = 1)
{
    QRandomGenerator rng(seed);
    QByteArray out;
    out.reserve(approxBytes + 200);
    out += "Region,Product,Period,Units,Amount\r\n";
    static const char *regions[] = {"EMEA", "Amériques", "日本", "Nordics"};
    while (out.size() < approxBytes) {
        out += regions[rng.bounded(4)];
        out += ",P" + QByteArray::number(rng.bounded(5000)) + ",FY25 M" + QByteArray::number(1 + rng.bounded(12));
        out += ',' + QByteArray::number(rng.bounded(100000)) + ',' + QByteArray::number(rng.bounded(1'000'000) / 100.0)
               + "\r\n";
    }
    return out;
}

// A plain answer (FakeResponse::status is shadowed by its data member of the same name).
inline FakeResponse answer(int status, const QByteArray &body = {}, const QByteArray &contentType = {})
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

// What the fake server knows. Upload side: chunks as gunzipped bytes. Download side: files to serve.
struct FakeFileServer
{
    QString uploadId = QStringLiteral("113000000001");
    QString createdId;      // non-empty: POST chunkCount answers with this id (Anaplan created a file)
    int announced = -99;    // last chunkCount posted
    QMap<int, QByteArray> uploaded;
    QStringList contentTypes;
    QSet<int> hideOnce;     // chunk ids omitted from the next chunk listing (T-UP-10)
    QSet<int> hideAlways;
    int completes = 0;
    QJsonObject completeBody;
    QMap<QString, QList<QByteArray>> downloads; // file id → chunks served
    QString lastError;

    static QStringList segments(const RecordedRequest &r)
    {
        // ["2","0","workspaces",ws,"models",m,"files",id,(…)]
        return r.url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    }

    QByteArray assembled() const
    {
        QByteArray all;
        for (const QByteArray &chunk : uploaded)
            all += chunk;
        return all;
    }

    FakeResponse handle(const RecordedRequest &r)
    {
        const QStringList s = segments(r);
        if (s.size() < 8)
            return FakeResponse::anaplanError(404, QStringLiteral("no such path"));
        const QString id = s[7];
        const QString tail = s.mid(8).join(QLatin1Char('/'));
        if (r.method == "POST" && tail.isEmpty()) {
            announced = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("chunkCount")).toInt(-99);
            uploaded.clear();
            const QString answered = createdId.isEmpty() ? id : createdId;
            return FakeResponse::json(200, QJsonObject{{QStringLiteral("file"),
                                                        QJsonObject{{QStringLiteral("id"), answered},
                                                                    {QStringLiteral("name"), QStringLiteral("Sales.csv")},
                                                                    {QStringLiteral("chunkCount"), announced},
                                                                    {QStringLiteral("firstDataRow"), 2},
                                                                    {QStringLiteral("headerRow"), 1}}}});
        }
        if (r.method == "PUT" && s.size() == 10 && s[8] == QLatin1String("chunks")) {
            const QByteArray type = r.header("Content-Type");
            contentTypes.append(QString::fromLatin1(type));
            QByteArray data = r.body;
            if (type == "application/x-gzip") {
                const gzip::Result plain = gzip::decompress(r.body, 60'000'000, 0);
                if (!plain.ok()) {
                    lastError = plain.error;
                    return FakeResponse::anaplanError(400, QStringLiteral("bad gzip: ") + plain.error);
                }
                data = plain.data;
            } else if (type != "application/octet-stream") {
                lastError = QStringLiteral("bad content type ") + QString::fromLatin1(type);
                return FakeResponse::anaplanError(400, lastError);
            }
            uploaded[s[9].toInt()] = data;
            return answer(204);
        }
        if (r.method == "GET" && tail == QLatin1String("chunks")) {
            QJsonArray list;
            if (downloads.contains(id)) {
                for (int i = 0; i < downloads[id].size(); ++i)
                    list.append(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                            {QStringLiteral("name"), QStringLiteral("Chunk %1").arg(i)}});
            } else {
                for (auto it = uploaded.cbegin(); it != uploaded.cend(); ++it) {
                    if (hideOnce.contains(it.key()) || hideAlways.contains(it.key()))
                        continue;
                    list.append(QJsonObject{{QStringLiteral("id"), QString::number(it.key())},
                                            {QStringLiteral("name"), QStringLiteral("Chunk %1").arg(it.key())}});
                }
                hideOnce.clear();
            }
            return FakeResponse::json(
                200, QJsonObject{{QStringLiteral("meta"),
                                  QJsonObject{{QStringLiteral("paging"),
                                               QJsonObject{{QStringLiteral("currentPageSize"), list.size()},
                                                           {QStringLiteral("offset"), 0},
                                                           {QStringLiteral("totalSize"), list.size()}}}}},
                                 {QStringLiteral("chunks"), list}});
        }
        if (r.method == "GET" && s.size() == 10 && s[8] == QLatin1String("chunks")) {
            const int n = s[9].toInt();
            if (!downloads.contains(id) || n >= downloads[id].size())
                return FakeResponse::anaplanError(404, QStringLiteral("no such chunk"));
            return answer(200, downloads[id][n], "application/octet-stream");
        }
        if (r.method == "GET" && tail.isEmpty()) {
            if (!downloads.contains(id) || downloads[id].isEmpty())
                return FakeResponse::anaplanError(404, QStringLiteral("file has no content"));
            QByteArray all;
            for (const QByteArray &chunk : downloads[id])
                all += chunk;
            return answer(200, all, "application/octet-stream");
        }
        if (r.method == "POST" && tail == QLatin1String("complete")) {
            ++completes;
            completeBody = QJsonDocument::fromJson(r.body).object();
            return FakeResponse::json(200, QJsonObject{{QStringLiteral("file"), completeBody}});
        }
        return FakeResponse::anaplanError(404, QStringLiteral("unscripted ") + r.url.path());
    }
};

struct TransferKit
{
    std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
    FakeNetworkAccessManager nam;
    FakeFileServer server;
    std::unique_ptr<Transport> transport;

    static ClientOptions defaultOptions()
    {
        ClientOptions options;
        options.workspaceId = kWs;
        options.modelId = kModel;
        options.retryCount = 3;
        options.uploadChunkSize = 100'000;
        options.uploadConcurrency = 2;
        options.downloadBatchSize = 2;
        options.timeoutMs = 30'000;
        return options;
    }

    explicit TransferKit(ClientOptions options = defaultOptions())
    {
        nam.setClock(clock);
        transport = std::make_unique<Transport>(Endpoints::singleOrigin(QUrl(QStringLiteral("https://fake.test"))),
                                                options);
        transport->setNetworkAccessManager(&nam);
        transport->setClock(clock);
        transport->setAuthenticator(std::make_shared<TokenAuthenticator>(QByteArrayLiteral("tok-transfer")));
        nam.on("*", kFilesPattern).handle([this](const RecordedRequest &r) { return server.handle(r); });
    }

    FileLocation location(const QString &fileId = QStringLiteral("113000000001")) const
    {
        FileLocation l;
        l.fileId = fileId;
        l.displayName = QStringLiteral("Sales.csv");
        return l;
    }

    // Runs until `done`, waiting for workers and replies; jumps the fake clock only when nothing else can
    // move (retry back-offs, idle timeouts). The wall limit is a guard against hangs, not a measurement.
    bool runUntil(const std::function<bool()> &done, int wallTimeoutMs = 60'000)
    {
        QElapsedTimer wall;
        wall.start();
        int idle = 0;
        while (!done()) {
            if (wall.elapsed() > wallTimeoutMs)
                return false;
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            if (done())
                return true;
            if (nam.activeReplies() > 0 || QThreadPool::globalInstance()->activeThreadCount() > 0) {
                idle = 0;
                QThread::usleep(200);
                continue;
            }
            // Let queued worker results and writer threads land before moving time.
            if (++idle < 20) {
                QThread::usleep(500);
                continue;
            }
            if (clock->advanceToNextTimer()) {
                idle = 0;
                continue;
            }
            if (idle > 4000)
                return done();
            QThread::usleep(500);
        }
        return true;
    }

    bool run(TransferJob &job)
    {
        bool finished = false;
        QObject::connect(&job, &TransferJob::finished, &job, [&finished] { finished = true; });
        job.start();
        return runUntil([&finished] { return finished; });
    }

    int count(const QByteArray &method, const QString &tail) const
    {
        return nam.count(method, QStringLiteral("/2/0/workspaces/*/models/*/files/") + tail);
    }
};

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace anadesk::test
