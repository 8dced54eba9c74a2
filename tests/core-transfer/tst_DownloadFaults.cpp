// DownloadJob / DownloadStreamJob against the fake network layer: T-DL-01…05, single-chunk files,
// empty files, safe target names, overwrite protection, streaming order, cancel.
#include "TransferTestKit.h"

#include "transfer/DownloadJob.h"

#include <QDir>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace anadesk;
using namespace anadesk::test;

namespace {
const QString kExport = QStringLiteral("116000000001");
const QString kChunkPattern = QStringLiteral("/2/0/workspaces/*/models/*/files/116000000001/chunks/");
} // namespace

class TestDownloadFaults : public QObject
{
    Q_OBJECT

    QList<QByteArray> m_chunks;
    QByteArray m_whole;

    static void serve(TransferKit &kit, const QList<QByteArray> &chunks) { kit.server.downloads[kExport] = chunks; }

    FileLocation exportFile() const
    {
        FileLocation l;
        l.fileId = kExport;
        l.displayName = QStringLiteral("Sales - Tabular.csv");
        return l;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray csv = makeCsv(2'000'000, 3).left(2'000'000);
        for (qint64 off = 0; off < csv.size(); off += 200'000)
            m_chunks.append(csv.mid(off, 200'000));
        QCOMPARE(m_chunks.size(), 10);
        m_whole = csv;
    }

    void happyPathInOrder()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, m_chunks);
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(readFile(target), m_whole);
        QCOMPARE(job.sha256(), Sha256::hash(m_whole));
        QCOMPARE(job.fileSize(), qint64(m_whole.size()));
        QCOMPARE(job.chunksFetched(), 10);
        QVERIFY(!QFile::exists(DownloadJob::partialPathFor(target)));
        QVERIFY(!QFile::exists(DownloadJob::manifestPathFor(target)));
        QCOMPARE(kit.count("GET", QStringLiteral("116000000001")), 0); // multi-chunk: never the whole GET
        const auto gets = kit.nam.matching("GET", kChunkPattern + QStringLiteral("*"));
        QCOMPARE(gets.first().header("Accept"), QByteArray("application/octet-stream"));
    }

    void tDl01CutBody_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("chunk");
        QTest::newRow("FIN") << int(QNetworkReply::RemoteHostClosedError) << QStringLiteral("fin") << 3;
        QTest::newRow("RST") << int(QNetworkReply::UnknownNetworkError) << QStringLiteral("rst") << 3;
        // Chunk 0 is next in order from the start, so its first half was already streamed to disk and into
        // the hash when the connection broke: both must be undone before the retry streams it again.
        QTest::newRow("FIN while streaming")
            << int(QNetworkReply::RemoteHostClosedError) << QStringLiteral("fin-streamed") << 0;
    }
    void tDl01CutBody()
    {
        QFETCH(int, error);
        QFETCH(QString, kind);
        QFETCH(int, chunk);
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, m_chunks);
        int calls = 0;
        kit.nam.on("GET", kChunkPattern + QString::number(chunk)).handle([&](const RecordedRequest &r) {
            if (++calls == 1)
                return FakeResponse::cutBody(200, m_chunks[chunk], m_chunks[chunk].size() / 2,
                                             QNetworkReply::NetworkError(error));
            return kit.server.handle(r);
        });
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("cut.csv"));
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(calls, 2);
        const bool match = Sha256::hash(readFile(target)) == Sha256::hash(m_whole);
        QVERIFY(match);
        QCOMPARE(job.sha256(), Sha256::hash(m_whole)); // the reported hash, not only the bytes
        if (chunk == 0)
            QCOMPARE(job.chunksRewound(), 1);
        figure(QStringLiteral("T-DL-01 cut=%1 faults_survived=1 chunk_refetched=1 bytes_verified=%2 sha256_match=%3 "
                              "streamed_pieces_undone=%4")
                   .arg(kind).arg(m_whole.size()).arg(match ? 1 : 0).arg(job.chunksRewound()));
    }

    void tDl02ShortBodyThenNormalEnd()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, m_chunks);
        int calls = 0;
        kit.nam.on("GET", kChunkPattern + QStringLiteral("6")).handle([&](const RecordedRequest &r) {
            if (++calls == 1) // headers announce the whole chunk, the body ends early without an error
                return answer(200, m_chunks[6].left(1000), "application/octet-stream")
                    .withHeader("Content-Length", QByteArray::number(m_chunks[6].size()));
            return kit.server.handle(r);
        });
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("short.csv"));
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(calls, 2);
        QCOMPARE(readFile(target), m_whole);
        QCOMPARE(job.sha256(), Sha256::hash(m_whole));
        figure(QStringLiteral("T-DL-02 faults_injected=1 faults_detected=%1 sha256_match=1").arg(calls - 1));
    }

    void tDl03HangThenTimeout()
    {
        QTemporaryDir dir;
        ClientOptions options = TransferKit::defaultOptions();
        options.timeoutMs = 5'000;
        TransferKit kit(options);
        serve(kit, m_chunks);
        int calls = 0;
        qint64 hungAt = 0, retriedAt = 0;
        kit.nam.on("GET", kChunkPattern + QStringLiteral("2")).handle([&](const RecordedRequest &r) {
            if (++calls == 1) {
                hungAt = r.atMs;
                return FakeResponse::hang();
            }
            retriedAt = r.atMs;
            return kit.server.handle(r);
        });
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("hang.csv"));
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(calls, 2);
        QCOMPARE(readFile(target), m_whole);
        const qint64 detect = retriedAt - hungAt; // fake-clock time: timeout + back-off
        QVERIFY(detect >= options.timeoutMs);
        figure(QStringLiteral("T-DL-03 timeout_ms=%1 detect_plus_backoff_ms=%2 retries=1 sha256_match=1")
                   .arg(options.timeoutMs).arg(detect));
    }

    void tDl04ResumeAfterInterruption()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("resume.csv"));
        {
            // First run: chunk 7 cannot be fetched (server error after all retries): the job fails and
            // keeps .partial + manifest with chunks 0–6.
            TransferKit kit;
            serve(kit, m_chunks);
            kit.nam.on("GET", kChunkPattern + QStringLiteral("7"))
                .reply(FakeResponse::anaplanError(500, QStringLiteral("interrupted")));
            DownloadJob job(kit.transport.get(), exportFile());
            job.setTargetPath(target);
            QVERIFY(kit.run(job));
            QCOMPARE(job.state(), TransferJob::State::Failed);
            QVERIFY(!QFile::exists(target));
            QVERIFY(QFile::exists(DownloadJob::partialPathFor(target)));
            QVERIFY(QFile::exists(DownloadJob::manifestPathFor(target)));
        }
        // "App restarted": a new transport, a new job on the same target.
        TransferKit kit;
        serve(kit, m_chunks);
        DownloadJob job(kit.transport.get(), exportFile());
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(job.chunksResumed(), 7);
        const int refetched = kit.nam.count("GET", kChunkPattern + QStringLiteral("*"));
        QCOMPARE(refetched, 3);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(kit.nam.count("GET", kChunkPattern + QString::number(i)), 0);
        QCOMPARE(readFile(target), m_whole);
        QCOMPARE(job.sha256(), Sha256::hash(m_whole)); // whole-file hash includes the resumed prefix
        const int leftovers = int(QDir(dir.path()).entryList({QStringLiteral("*.partial*")}, QDir::Files).size());
        QCOMPARE(leftovers, 0);
        figure(QStringLiteral("T-DL-04 chunks_resumed=%1 chunks_refetched=%2 leftover_partial_files=%3 sha256_match=1")
                   .arg(job.chunksResumed()).arg(refetched).arg(leftovers));
    }

    void tDl04TornPartialIsRefetched()
    {
        // A .partial whose bytes do not match the manifest's hashes (torn write, edited) is not trusted.
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("torn.csv"));
        {
            TransferKit kit;
            serve(kit, m_chunks);
            kit.nam.on("GET", kChunkPattern + QStringLiteral("5")).reply(FakeResponse::anaplanError(500, QStringLiteral("x")));
            DownloadJob job(kit.transport.get(), exportFile());
            job.setTargetPath(target);
            QVERIFY(kit.run(job));
            QCOMPARE(job.state(), TransferJob::State::Failed);
        }
        QFile partial(DownloadJob::partialPathFor(target));
        QVERIFY(partial.open(QIODevice::ReadWrite));
        QVERIFY(partial.seek(2 * 200'000 + 17)); // inside chunk 2
        partial.write("#");
        partial.close();
        TransferKit kit;
        serve(kit, m_chunks);
        DownloadJob job(kit.transport.get(), exportFile());
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY(job.isOk());
        QCOMPARE(job.chunksResumed(), 2);
        QCOMPARE(readFile(target), m_whole);
    }

    void tDl05DiskFull()
    {
#ifndef Q_OS_UNIX
        QSKIP("uses RLIMIT_FSIZE to make writes fail");
#else
        // A real write failure from the kernel without root: a file size limit for this process
        // (EFBIG, like ENOSPC a short write). SIGXFSZ is ignored so the write returns the error.
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("full.csv"));
        TransferKit kit;
        serve(kit, m_chunks);
        DownloadJob job(kit.transport.get(), exportFile());
        job.setTargetPath(target);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit previous{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &previous), 0);
        rlimit limited = previous;
        limited.rlim_cur = 3 * 200'000 + 5000; // room for 3 chunks of .partial, not 4
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool ran = kit.run(job);
        setrlimit(RLIMIT_FSIZE, &previous);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY(ran);
        QCOMPARE(job.state(), TransferJob::State::Failed);
        QCOMPARE(job.error().category, ErrorCategory::LocalIo);
        QVERIFY2(job.error().toString().contains(QStringLiteral("Writing")), qPrintable(job.error().toString()));
        QVERIFY(!job.error().serverMessage.isEmpty()); // the OS's reason
        // Give the writer thread a moment to remove the partial data.
        QVERIFY(kit.runUntil([&] {
            return !QFile::exists(DownloadJob::partialPathFor(target)) && !QFile::exists(DownloadJob::manifestPathFor(target));
        }, 5'000));
        const int finalNameFiles = QFile::exists(target) ? 1 : 0;
        QCOMPARE(finalNameFiles, 0);
        figure(QStringLiteral("T-DL-05 method=RLIMIT_FSIZE final_name_files_created=%1 partial_removed=1 error=%2")
                   .arg(finalNameFiles).arg(categoryName(job.error().category)));
#endif
    }

    void singleChunkUsesWholeFileGet()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, {m_chunks[0]});
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("one.csv"));
        job.setTargetPath(target);
        QVERIFY(kit.run(job));
        QVERIFY(job.isOk());
        QCOMPARE(readFile(target), m_chunks[0]);
        QCOMPARE(kit.count("GET", QStringLiteral("116000000001")), 1);
        QCOMPARE(kit.nam.count("GET", kChunkPattern + QStringLiteral("*")), 0);
    }

    void emptyFileIsClearError()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, {});
        DownloadJob job(kit.transport.get(), exportFile());
        job.setTargetPath(dir.filePath(QStringLiteral("none.csv")));
        QVERIFY(kit.run(job));
        QCOMPARE(job.error().category, ErrorCategory::NotFound);
        QVERIFY(job.error().message.contains(QStringLiteral("no content")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.csv"))));
    }

    void targetSafetyAndOverwrite()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, m_chunks);
        DownloadJob job(kit.transport.get(), exportFile());
        job.setTargetInDirectory(dir.path(), QStringLiteral("../../Sales/EMEA.csv"));
        QVERIFY(kit.run(job));
        QVERIFY(job.isOk());
        QCOMPARE(QFileInfo(job.targetPath()).dir().canonicalPath(), QDir(dir.path()).canonicalPath());
        QCOMPARE(QFileInfo(job.targetPath()).fileName(), QStringLiteral("EMEA.csv"));

        const int before = int(kit.nam.requests().size());
        DownloadJob again(kit.transport.get(), exportFile());
        again.setTargetPath(job.targetPath());
        QVERIFY(kit.run(again));
        QCOMPARE(again.error().category, ErrorCategory::BadInput);
        QVERIFY(again.error().message.contains(QStringLiteral("already exists")));
        QCOMPARE(int(kit.nam.requests().size()), before); // refused before any request

        DownloadJob overwrite(kit.transport.get(), exportFile());
        overwrite.setTargetPath(job.targetPath());
        overwrite.setOverwrite(true);
        QVERIFY(kit.run(overwrite));
        QVERIFY(overwrite.isOk());
        QCOMPARE(readFile(job.targetPath()), m_whole);
    }

    void streamEmitsInOrder()
    {
        ClientOptions options = TransferKit::defaultOptions();
        options.downloadBatchSize = 4;
        TransferKit kit(options);
        serve(kit, m_chunks);
        // Chunk 1 answers late: the stream must still emit 0,1,2,… in order.
        kit.nam.on("GET", kChunkPattern + QStringLiteral("1")).handle([&](const RecordedRequest &r) {
            return kit.server.handle(r).after(3'000);
        });
        DownloadStreamJob job(kit.transport.get(), exportFile());
        QList<int> order;
        QByteArray joined;
        connect(&job, &DownloadStreamJob::chunkReady, this, [&](int index, const QByteArray &data) {
            order.append(index);
            joined += data;
        });
        QVERIFY(kit.run(job));
        QVERIFY2(job.isOk(), qPrintable(job.error().toString()));
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        QCOMPARE(joined, m_whole);
    }

    void cancelKeepsPartialForResume()
    {
        QTemporaryDir dir;
        TransferKit kit;
        serve(kit, m_chunks);
        kit.nam.on("GET", kChunkPattern + QStringLiteral("4")).reply(FakeResponse::hang());
        DownloadJob job(kit.transport.get(), exportFile());
        const QString target = dir.filePath(QStringLiteral("cancel.csv"));
        job.setTargetPath(target);
        int requestsAtCancel = -1;
        connect(&job, &TransferJob::progress, this, [&](qint64, qint64, int done, int) {
            if (done == 4 && requestsAtCancel < 0) {
                job.cancel();
                requestsAtCancel = int(kit.nam.requests().size());
            }
        });
        QVERIFY(kit.run(job));
        QCOMPARE(job.state(), TransferJob::State::Cancelled);
        QTest::qWait(100);
        QCOMPARE(int(kit.nam.requests().size()), requestsAtCancel);
        QCOMPARE(kit.nam.hangingReplies(), 0);
        QVERIFY(!QFile::exists(target));
        QVERIFY(QFile::exists(DownloadJob::partialPathFor(target)));
        figure(QStringLiteral("T-CANCEL-01 job=download requests_after_cancel=%1 partial_kept=1")
                   .arg(int(kit.nam.requests().size()) - requestsAtCancel));
    }
};

QTEST_GUILESS_MAIN(TestDownloadFaults)
#include "tst_DownloadFaults.moc"
