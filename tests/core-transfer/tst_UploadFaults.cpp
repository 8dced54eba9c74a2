// UploadJob / UploadStreamJob against the fake network layer: T-UP-01, 02, 06, 07, 08, 09, 10,
// T-CANCEL-01, new-file-id handling, the wire format (gzip, content types, /complete body).
#include "TransferTestKit.h"

#include "transfer/UploadJob.h"

#include <QBuffer>
#include <QTemporaryDir>

using namespace anadesk;
using namespace anadesk::test;

class TestUploadFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_data;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = makeCsv(1'000'000); // ~1 MB in ~100 KB chunks: 10-11 chunks
        m_path = m_dir.filePath(QStringLiteral("sales.csv"));
        QVERIFY(writeFile(m_path, m_data));
    }

    void happyPathWireFormat()
    {
        TransferKit kit;
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        const int n = job.plan().chunkCount();
        QVERIFY(n >= 10);
        QCOMPARE(kit.server.announced, n);
        QCOMPARE(kit.server.uploaded.size(), n);
        QCOMPARE(kit.server.assembled(), m_data);
        QCOMPARE(kit.server.completes, 0); // fixed count: no /complete (anaplan-api.md §17 fact 3)
        QCOMPARE(kit.count("GET", QStringLiteral("*/chunks")), 1); // verified once
        for (const QString &type : std::as_const(kit.server.contentTypes))
            QCOMPARE(type, QStringLiteral("application/x-gzip"));
        // Every chunk ends on a line break (text boundaries) and its manifest hash matches.
        for (int i = 0; i < n; ++i) {
            QVERIFY(kit.server.uploaded[i].endsWith("\r\n"));
            QCOMPARE(job.manifest().chunks[i].sha256, Sha256::hash(kit.server.uploaded[i]));
        }
        QVERIFY(job.wireBytesSent() < m_data.size() / 2); // compressed
        const auto puts = kit.nam.matching("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/*"));
        QVERIFY(puts.first().header("Content-Encoding").isEmpty());
        QCOMPARE(puts.first().header("Authorization"), QByteArray("AnaplanAuthToken tok-transfer"));
        QVERIFY(puts.first().url.path().startsWith(QStringLiteral("/2/0/workspaces/") + kWs + QStringLiteral("/models/")
                                                   + kModel + QStringLiteral("/files/113000000001/chunks/")));
    }

    void uncompressedWhenLevelZero()
    {
        ClientOptions options = TransferKit::defaultOptions();
        options.compressionLevel = 0;
        TransferKit kit(options);
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QVERIFY(job.isOk());
        QCOMPARE(kit.server.assembled(), m_data);
        for (const QString &type : std::as_const(kit.server.contentTypes))
            QCOMPARE(type, QStringLiteral("application/octet-stream"));
    }

    void tUp01TransientChunkErrors()
    {
        TransferKit kit;
        int calls = 0;
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/2"))
            .handle([&](const RecordedRequest &r) {
                if (++calls <= 2)
                    return FakeResponse::anaplanError(503, QStringLiteral("busy"));
                return kit.server.handle(r);
            });
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(calls, 3);
        const int n = job.plan().chunkCount();
        int verified = 0;
        for (int i = 0; i < n; ++i)
            verified += Sha256::hash(kit.server.uploaded.value(i)) == job.manifest().chunks[i].sha256 ? 1 : 0;
        QCOMPARE(verified, n);
        const bool match = Sha256::hash(kit.server.assembled()) == Sha256::hash(m_data);
        QVERIFY(match);
        figure(QStringLiteral("T-UP-01 faults_injected=2 faults_consumed=%1 chunks_verified=%2/%3 sha256_match=%4 "
                              "retries=%5")
                   .arg(calls - 1).arg(verified).arg(n).arg(match ? 1 : 0).arg(calls - 1));
    }

    void tUp02ConnectionResetMidChunk()
    {
        TransferKit kit;
        int calls = 0;
        qint64 resent = 0;
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/3"))
            .handle([&](const RecordedRequest &r) {
                if (++calls == 1) {
                    resent = r.body.size();
                    return FakeResponse::networkError(QNetworkReply::RemoteHostClosedError);
                }
                return kit.server.handle(r);
            });
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(calls, 2);
        const bool match = Sha256::hash(kit.server.assembled()) == Sha256::hash(m_data);
        QVERIFY(match);
        figure(QStringLiteral("T-UP-02 layer=fake faults_survived=1 bytes_resent=%1 sha256_match=%2")
                   .arg(resent).arg(match ? 1 : 0));
    }

    void tUp06ServerErrorForever()
    {
        TransferKit kit;
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/1"))
            .reply(FakeResponse::anaplanError(503, QStringLiteral("down for maintenance")));
        UploadStreamJob job(kit.transport.get(), kit.location());
        bool finished = false;
        connect(&job, &TransferJob::finished, this, [&] { finished = true; });
        job.start();
        for (int i = 0; i < 4; ++i) {
            QVERIFY(kit.runUntil([&] { return job.canPush() || finished; }));
            if (finished)
                break;
            QVERIFY(job.pushChunk(m_data.mid(i * 200'000, 200'000)));
        }
        job.finishInput();
        QVERIFY(kit.runUntil([&] { return finished; }));
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(job.error().category, ErrorCategory::Server);
        QVERIFY(job.error().message.contains(QStringLiteral("chunk 1")));
        const int attempts = kit.count("PUT", QStringLiteral("*/chunks/1"));
        QCOMPARE(attempts, kit.transport->options().retryCount);
        QCOMPARE(kit.server.completes, 0);
        QCOMPARE(kit.count("POST", QStringLiteral("*/complete")), 0);
        figure(QStringLiteral("T-UP-06 attempts=%1 complete_calls=%2 import_started=0 error=%3")
                   .arg(attempts).arg(kit.server.completes).arg(categoryName(job.error().category)));
    }

    void tUp07NoRetryOnClientErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("category");
        QTest::newRow("400") << 400 << int(ErrorCategory::BadInput);
        QTest::newRow("403") << 403 << int(ErrorCategory::Permission);
        QTest::newRow("404") << 404 << int(ErrorCategory::NotFound);
    }
    void tUp07NoRetryOnClientErrors()
    {
        QFETCH(int, status);
        QFETCH(int, category);
        TransferKit kit;
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/0"))
            .reply(FakeResponse::anaplanError(status, QStringLiteral("Planted server reason %1").arg(status)));
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(int(job.error().category), category);
        QVERIFY2(job.error().toString().contains(QStringLiteral("Planted server reason")),
                 qPrintable(job.error().toString()));
        const int attempts = kit.count("PUT", QStringLiteral("*/chunks/0"));
        QCOMPARE(attempts, 1);
        figure(QStringLiteral("T-UP-07 status=%1 attempts=%2").arg(status).arg(attempts));
    }

    void tUp08ParallelOneChunkFailsPermanently()
    {
        ClientOptions options = TransferKit::defaultOptions();
        options.uploadConcurrency = 4;
        TransferKit kit(options);
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/5"))
            .reply(FakeResponse::anaplanError(400, QStringLiteral("Invalid chunk")));
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        const int surfaced = job.state() == TransferJob::State::Failed ? 1 : 0;
        QCOMPARE(surfaced, 1);
        QVERIFY(job.error().message.contains(QStringLiteral("chunk 5")));
        QCOMPARE(kit.count("GET", QStringLiteral("*/chunks")), 0); // never reached verification
        figure(QStringLiteral("T-UP-08 concurrency=4 failures_surfaced=%1 failures_injected=1").arg(surfaced));
    }

    void tUp09SourceModifiedDuringUpload()
    {
        const QString path = m_dir.filePath(QStringLiteral("changing.csv"));
        QVERIFY(writeFile(path, m_data));
        ClientOptions options = TransferKit::defaultOptions();
        options.uploadConcurrency = 1;
        TransferKit kit(options);
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(path);
        connect(&job, &UploadJobBase::chunkUploaded, this, [&](int index) {
            if (index == 1) { // another program appends while we upload
                QFile file(path);
                QVERIFY(file.open(QIODevice::Append));
                file.write("EMEA,P1,FY25 M1,1,1.00\r\n");
            }
        });
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(job.error().category, ErrorCategory::LocalIo);
        QVERIFY(job.error().message.contains(QStringLiteral("modified")));
        QVERIFY(!job.error().hint.isEmpty());
        const int putsAfter = kit.count("PUT", QStringLiteral("*/chunks/*"));
        QVERIFY(putsAfter <= 3); // stopped at the next chunk read
        QCOMPARE(kit.count("GET", QStringLiteral("*/chunks")), 0);
        QCOMPARE(kit.server.completes, 0);
        figure(QStringLiteral("T-UP-09 detected=1 chunks_sent=%1 complete_calls=0 success_reported=0").arg(putsAfter));
    }

    void tUp09ModifiedAfterLastRead()
    {
        // Same size, new content, after every chunk was read: caught by the final check.
        const QString path = m_dir.filePath(QStringLiteral("late.csv"));
        QVERIFY(writeFile(path, m_data));
        TransferKit kit;
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(path);
        connect(&job, &TransferJob::phaseChanged, this, [&](const QString &phase) {
            if (phase.contains(QStringLiteral("Verifying"))) {
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadWrite));
                file.write("X");
                file.flush();
                QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
                file.close();
            }
        });
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(job.error().category, ErrorCategory::LocalIo);
    }

    void tUp10ServerListMissesAChunk()
    {
        TransferKit kit;
        kit.server.hideOnce = {5};
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(job.chunkResends(), 1);
        QCOMPARE(kit.count("PUT", QStringLiteral("*/chunks/5")), 2);
        QCOMPARE(kit.count("GET", QStringLiteral("*/chunks")), 2);
        QCOMPARE(kit.server.assembled(), m_data);
        figure(QStringLiteral("T-UP-10 mismatches_detected=1 chunks_resent=%1 final=success").arg(job.chunkResends()));

        TransferKit still;
        still.server.hideAlways = {5};
        UploadJob failing(still.transport.get(), still.location());
        failing.setSourceFile(m_path);
        QVERIFY(still.run(failing));
        QCOMPARE(failing.state(), TransferJob::State::Failed);
        QCOMPARE(failing.error().category, ErrorCategory::Protocol);
        QVERIFY(failing.error().message.contains(QStringLiteral("5")));
        QCOMPARE(still.count("PUT", QStringLiteral("*/chunks/5")), 2); // re-sent once only
        figure(QStringLiteral("T-UP-10 persistent_missing=1 resent_once=1 final=error"));
    }

    void newFileIdRefusedOrFollowed()
    {
        TransferKit kit;
        kit.server.createdId = QStringLiteral("113000000077");
        UploadJob job(kit.transport.get(), kit.location(QStringLiteral("113000000099")));
        job.setSourceFile(m_path);
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(job.error().category, ErrorCategory::NotFound);
        QVERIFY(job.error().hint.contains(QStringLiteral("113000000077")));
        QVERIFY(job.error().hint.contains(QStringLiteral("model builder")));
        QCOMPARE(kit.count("PUT", QStringLiteral("*/chunks/*")), 0);

        ClientOptions options = TransferKit::defaultOptions();
        options.allowFileCreation = true;
        TransferKit allowed(options);
        allowed.server.createdId = QStringLiteral("113000000077");
        UploadJob follow(allowed.transport.get(), allowed.location(QStringLiteral("113000000099")));
        follow.setSourceFile(m_path);
        QVERIFY(allowed.run(follow));
        QVERIFY2(follow.isOk(), qPrintable(follow.error().toString()));
        QVERIFY(follow.createdNewFile());
        QCOMPARE(follow.manifest().fileId, QStringLiteral("113000000077"));
        QCOMPARE(allowed.nam.count("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/113000000099/chunks/*")), 0);
        QVERIFY(allowed.nam.count("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/113000000077/chunks/*")) > 0);
    }

    void badInputsNeverSend()
    {
        TransferKit kit;
        UploadJob noFile(kit.transport.get(), kit.location());
        noFile.setSourceFile(m_dir.filePath(QStringLiteral("missing.csv")));
        QVERIFY(kit.run(noFile));
        QCOMPARE(noFile.error().category, ErrorCategory::LocalIo);
        UploadJob notAFile(kit.transport.get(), kit.location(QStringLiteral("116000000001")));
        notAFile.setSourceFile(m_path);
        QVERIFY(kit.run(notAFile));
        QCOMPARE(notAFile.error().category, ErrorCategory::BadInput);
        QCOMPARE(kit.nam.requests().size(), 0);
    }

    void deviceSourceAndEmptyFile()
    {
        TransferKit kit;
        QByteArray copy = m_data;
        QBuffer buffer(&copy);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceDevice(&buffer, QStringLiteral("buffer"));
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(kit.server.assembled(), m_data);

        const QString empty = m_dir.filePath(QStringLiteral("empty.csv"));
        QVERIFY(writeFile(empty, {}));
        TransferKit kit2;
        UploadJob none(kit2.transport.get(), kit2.location());
        none.setSourceFile(empty);
        QVERIFY(kit2.run(none));
        QVERIFY(none.isOk());
        QCOMPARE(kit2.server.announced, 0);
        QCOMPARE(kit2.count("PUT", QStringLiteral("*/chunks/*")), 0);
    }

    void streamUploadCompletes()
    {
        TransferKit kit;
        UploadStreamJob job(kit.transport.get(), kit.location());
        bool finished = false;
        connect(&job, &TransferJob::finished, this, [&] { finished = true; });
        job.start();
        const int pieces = 7;
        const qint64 step = (m_data.size() + pieces - 1) / pieces;
        int pushed = 0;
        while (pushed < pieces) {
            QVERIFY(kit.runUntil([&] { return job.canPush() || finished; }));
            QVERIFY(!finished);
            QVERIFY(job.pushChunk(m_data.mid(pushed * step, step)));
            ++pushed;
            QVERIFY(job.queuedChunks() <= kit.transport->options().uploadConcurrency);
        }
        job.finishInput();
        QVERIFY(kit.runUntil([&] { return finished; }));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(kit.server.announced, -1);
        QCOMPARE(kit.server.completes, 1);
        QCOMPARE(kit.server.assembled(), m_data);
        // /complete carries the file metadata with the id as a string.
        QVERIFY(kit.server.completeBody.value(QStringLiteral("id")).isString());
        QCOMPARE(kit.server.completeBody.value(QStringLiteral("id")).toString(), QStringLiteral("113000000001"));
        QCOMPARE(kit.server.completeBody.value(QStringLiteral("chunkCount")).toInt(), pieces);
        // The chunk list was verified before completing.
        const auto requests = kit.nam.requests();
        int listAt = -1, completeAt = -1;
        for (const RecordedRequest &r : requests) {
            if (r.method == "GET" && r.url.path().endsWith(QStringLiteral("/chunks")))
                listAt = r.sequence;
            if (r.url.path().endsWith(QStringLiteral("/complete")))
                completeAt = r.sequence;
        }
        QVERIFY(listAt >= 0 && listAt < completeAt);
        // Oversized chunks are refused with a clear error.
        TransferKit kit2;
        UploadStreamJob big(kit2.transport.get(), kit2.location());
        big.start();
        QVERIFY(kit2.runUntil([&] { return big.canPush(); }));
        QVERIFY(!big.pushChunk(QByteArray(50'000'001, 'x')));
        QCOMPARE(big.error().category, ErrorCategory::BadInput);
        QCOMPARE(kit2.server.completes, 0);
    }

    void tCancel01NothingAfterCancel()
    {
        TransferKit kit;
        kit.nam.on("PUT", QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/1")).reply(FakeResponse::hang());
        UploadJob job(kit.transport.get(), kit.location());
        job.setSourceFile(m_path);
        int requestsAtCancel = -1;
        connect(&job, &UploadJobBase::chunkUploaded, this, [&] {
            // Cancel while chunk 1's PUT hangs on the wire and other chunks are moving.
            if (requestsAtCancel < 0 && kit.nam.hangingReplies() > 0) {
                job.cancel();
                requestsAtCancel = int(kit.nam.requests().size());
            }
        });
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Cancelled);
        QCOMPARE(job.error().category, ErrorCategory::Cancelled);
        // Let any worker still compressing finish: nothing may be sent.
        QTest::qWait(200);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        const int after = int(kit.nam.requests().size()) - requestsAtCancel;
        QCOMPARE(after, 0);
        QCOMPARE(kit.nam.hangingReplies(), 0);
        QVERIFY(kit.nam.abortedReplies() >= 1);
        figure(QStringLiteral("T-CANCEL-01 job=upload requests_after_cancel=%1 aborted_replies=%2")
                   .arg(after).arg(kit.nam.abortedReplies()));
    }
};

QTEST_GUILESS_MAIN(TestUploadFaults)
#include "tst_UploadFaults.moc"
