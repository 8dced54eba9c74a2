// T-UP-12 (reliability-and-security.md §5.2): a 2.2 GB synthetic, compressible CSV uploaded end to end by
// the real anadesk-cli (core/transfer's UploadJob, default chunk size and concurrency) to the real
// anadesk-sandbox on loopback. Checked:
//   * the upload completes and the CLI reports every byte sent with the generator's SHA-256;
//   * what the sandbox stored has the generator's SHA-256: it lists the file's chunks 0..n-1 over the API,
//     its state file (--data) names the generation directory that holds them, and the chunk files there,
//     concatenated in order, are hashed straight from its disk;
//   * the file downloaded back through the Anaplan API (anadesk-cli download) has it too;
//   * the uploading process's peak RSS (ru_maxrss of exactly that child) stays under
//     chunk size × upload concurrency × 2 + 60 MB.
// Slow ("slow" label): ~4.4 GB of disk at peak, skipped with the reason when the space is not there.
#include "HttpProbe.h"
#include "MeasuredChild.h"
#include "SandboxProcess.h"
#include "SyntheticCsv.h"
#include "net/ClientOptions.h"
#include "transfer/Sha256.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>

using namespace anadesk;
using namespace anadesk::test;

namespace {

constexpr qint64 kFileBytes = 2'200'000'000;
constexpr qint64 kMB = 1'000'000;                       // decimal, as chunk sizes are counted
const QString kFileId = QStringLiteral("113000000001"); // the seeded "Sales.csv"

// Beyond the chunk buffers (chunk size × concurrency, raw + compressed), the uploading process holds: the
// mapped Qt Core/Network, OpenSSL, zlib and libdeflate code and data and the CLI's own (~16 MB resident here,
// measured below as the baseline of `anadesk-cli --version`); glibc malloc arenas of the worker threads
// (compression, the CLI's parallel whole-file SHA-256 and its read buffer); QNAM's socket buffers and
// the small JSON replies. 60 MB covers that with room for allocator slack (the measured peak is ~66 MB in
// all, against a bound of 160 MB), yet a buffer kept per chunk would cross the bound within three of the
// 89 chunks, and holding the file would take 2,200 MB.
constexpr qint64 kRssMarginBytes = 60 * kMB;

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

QString hex(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toHex());
}

QString mb(qint64 bytes)
{
    return QString::number(double(bytes) / double(kMB), 'f', 1);
}

// Hashes files one after the other as one stream (1 MiB reads); *bytes gets the total. Empty on error.
QByteArray sha256OfFiles(const QStringList &paths, qint64 *bytes, QString *error)
{
    Sha256 sha;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    *bytes = 0;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
            return {};
        }
        for (;;) {
            const qint64 got = file.read(buffer.data(), buffer.size());
            if (got < 0) {
                *error = QStringLiteral("reading %1 failed: %2").arg(path, file.errorString());
                return {};
            }
            if (got == 0)
                break;
            sha.addData(buffer.constData(), got);
            *bytes += got;
        }
    }
    return sha.result();
}

// The sandbox's record of a file in its state file (<data>/tenant.json), or an empty object.
QJsonObject storedFileRecord(const QString &dataDir, const QString &modelId, const QString &fileId)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("tenant.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray models =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("models")).toArray();
    for (const QJsonValue &m : models) {
        if (m.toObject().value(QStringLiteral("id")).toString() != modelId)
            continue;
        const QJsonArray files =
            m.toObject().value(QStringLiteral("content")).toObject().value(QStringLiteral("files")).toArray();
        for (const QJsonValue &f : files)
            if (f.toObject().value(QStringLiteral("id")).toString() == fileId)
                return f.toObject();
    }
    return {};
}

} // namespace

class TestUploadLarge : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir; // everything generated lives here and is removed with it, also on failure
    QString m_dataDir;   // the sandbox's --data directory (its state file and chunk store)
    std::unique_ptr<SandboxProcess> m_sandbox;
    QString m_ws;
    QString m_model;
    QString m_source;
    QByteArray m_sourceSha;
    qint64 m_baselineRss = 0;
    qint64 m_uploadRss = 0;
    double m_uploadMbPerS = 0;
    int m_uploadChunks = 0;
    bool m_storeVerified = false;

    // The CLI's environment: the test's own without any ANADESK_* secret, plus the sandbox password. The
    // password is never on a command line.
    QProcessEnvironment cliEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"ANADESK_PASSWORD", "ANADESK_TOKEN", "ANADESK_KEY_PASSWORD"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("ANADESK_PASSWORD"), SandboxProcess::demoPassword());
        return env;
    }

    QStringList cliArguments(const QStringList &command) const
    {
        return QStringList{QStringLiteral("--server"),    m_sandbox->url().toString(),
                           QStringLiteral("--user"),      SandboxProcess::demoUser(),
                           QStringLiteral("--workspace"), m_ws,
                           QStringLiteral("--model"),     m_model,
                           QStringLiteral("--json")} +
               command;
    }

    MeasuredRun runCli(const QStringList &command, const QString &tag, int timeoutMs)
    {
        return runMeasured(QStringLiteral(ANADESK_CLI_BIN), cliArguments(command), cliEnvironment(),
                           m_dir.path(), tag, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxProcess::binaryPath().isEmpty())
            QSKIP("ANADESK_SANDBOX_BIN not set: run this test through ctest");
        QVERIFY2(QFile::exists(QStringLiteral(ANADESK_CLI_BIN)),
                 ANADESK_CLI_BIN " is missing: build anadesk-cli");
        QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));

        // At the peak the disk holds two copies: the source and the sandbox's stored chunks (the source is
        // removed before the file is downloaded back, so the downloaded copy replaces it).
        const qint64 needed = 2 * kFileBytes + 300 * kMB;
        const QStorageInfo storage(m_dir.path());
        if (storage.bytesAvailable() < needed)
            QSKIP(qPrintable(
                QStringLiteral("T-UP-12 needs %1 MB free in %2 (the 2,200 MB file and the sandbox's "
                               "stored copy), only %3 MB are: set TMPDIR to a larger disk")
                    .arg(mb(needed), m_dir.path(), mb(storage.bytesAvailable()))));

        m_dataDir = m_dir.filePath(QStringLiteral("sandbox-data"));
        m_sandbox = std::make_unique<SandboxProcess>(QStringList{QStringLiteral("--data"), m_dataDir});
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));

        // The seeded demo workspace and model, as documented in `anadesk-sandbox --help`.
        QProcess help;
        help.start(SandboxProcess::binaryPath(), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10'000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput()).simplified();
        const QRegularExpressionMatch ids =
            QRegularExpression(QStringLiteral("Seeded demo workspace ([0-9a-f]+), model ([0-9A-F]+)"))
                .match(text);
        QVERIFY2(ids.hasMatch(), qPrintable(text));
        m_ws = ids.captured(1);
        m_model = ids.captured(2);

        // The CLI's resident size when it does nothing: the floor the RSS margin is built on.
        const MeasuredRun version =
            runMeasured(QStringLiteral(ANADESK_CLI_BIN), {QStringLiteral("--version")}, cliEnvironment(),
                        m_dir.path(), QStringLiteral("version"), 30'000);
        QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
        m_baselineRss = version.maxRssBytes;
        QVERIFY(m_baselineRss > 0);
    }

    void generateSource()
    {
        m_source = m_dir.filePath(QStringLiteral("t-up-12.csv"));
        QElapsedTimer timer;
        timer.start();
        const SyntheticCsvResult csv = writeSyntheticCsv(m_source, kFileBytes, 12);
        QVERIFY2(csv.ok, qPrintable(csv.error));
        QCOMPARE(csv.bytes, kFileBytes);
        QCOMPARE(QFileInfo(m_source).size(), kFileBytes);
        QCOMPARE(csv.sha256.size(), 32);
        m_sourceSha = csv.sha256;
        figure(QStringLiteral("T-UP-12-generate bytes=%1 rows=%2 seconds=%3 sha256=%4")
                   .arg(csv.bytes)
                   .arg(csv.rows)
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                   .arg(hex(m_sourceSha)));
    }

    void uploadThroughCli()
    {
        if (m_sourceSha.isEmpty())
            QSKIP("no source file (generateSource failed)");
        const MeasuredRun up =
            runCli({QStringLiteral("upload"), kFileId, m_source}, QStringLiteral("upload"), 420'000);
        QVERIFY2(up.exitCode == 0, qPrintable(up.describe()));
        QJsonParseError parseError{};
        const QJsonObject result = QJsonDocument::fromJson(up.out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(up.describe()));
        QCOMPARE(result.value(QStringLiteral("fileId")).toString(), kFileId);
        QCOMPARE(qint64(result.value(QStringLiteral("bytes")).toDouble()), kFileBytes);
        QCOMPARE(result.value(QStringLiteral("sha256")).toString(), hex(m_sourceSha));

        // Chunks are cut back to line ends, so there are at least size / chunk size of them.
        const ClientOptions defaults;
        m_uploadChunks = result.value(QStringLiteral("chunks")).toInt();
        QVERIFY2(m_uploadChunks >= int(kFileBytes / defaults.uploadChunkSize), qPrintable(up.describe()));
        QVERIFY(m_uploadChunks <= 1'000);

        // The bound of core/transfer/UploadJob.h: chunk size × uploadConcurrency × 2 (raw + compressed).
        const qint64 bound = defaults.uploadChunkSize * defaults.uploadConcurrency * 2 + kRssMarginBytes;
        m_uploadRss = up.maxRssBytes;
        m_uploadMbPerS = double(kFileBytes) / double(kMB) / (double(std::max<qint64>(up.wallMs, 1)) / 1000.0);
        figure(QStringLiteral("T-UP-12-upload chunks=%1 chunk_size=%2 concurrency=%3 peak_rss_mb=%4 "
                              "baseline_rss_mb=%5 bound_mb=%6 seconds=%7 mb_per_s=%8")
                   .arg(m_uploadChunks)
                   .arg(defaults.uploadChunkSize)
                   .arg(defaults.uploadConcurrency)
                   .arg(mb(m_uploadRss), mb(m_baselineRss), mb(bound))
                   .arg(double(up.wallMs) / 1000.0, 0, 'f', 1)
                   .arg(m_uploadMbPerS, 0, 'f', 1));
        QVERIFY2(m_uploadRss > m_baselineRss,
                 "ru_maxrss of the upload is not above an idle CLI's: not measured");
        QVERIFY2(m_uploadRss < bound,
                 qPrintable(QStringLiteral("peak RSS %1 MB of the upload is over the bound "
                                           "%2 MB")
                                .arg(mb(m_uploadRss), mb(bound))));
    }

    void sandboxStoredTheSameBytes()
    {
        if (m_uploadChunks == 0)
            QSKIP("nothing uploaded (uploadThroughCli failed)");
        // The sandbox's own statement of what it holds, over the Anaplan API: the file's chunk count and
        // its chunk list (ids 0..n-1, as UploadJob checked before reporting success).
        HttpProbe probe(m_sandbox->url());
        const ProbeReply login = probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        QVERIFY2(login.status == 201 || login.status == 200, login.body.constData());
        const QString base = QStringLiteral("/2/0/workspaces/%1/models/%2/files").arg(m_ws, m_model);
        const ProbeReply files = probe.get(base);
        QVERIFY2(files.status == 200, files.body.constData());
        int listedCount = -2;
        const QJsonArray fileList = files.json().value(QStringLiteral("files")).toArray();
        for (const QJsonValue &f : fileList)
            if (f.toObject().value(QStringLiteral("id")).toString() == kFileId)
                listedCount = f.toObject().value(QStringLiteral("chunkCount")).toInt(-3);
        QCOMPARE(listedCount, m_uploadChunks);
        const ProbeReply chunkList = probe.get(base + QLatin1Char('/') + kFileId + QStringLiteral("/chunks"));
        QVERIFY2(chunkList.status == 200, chunkList.body.constData());
        const QJsonArray listed = chunkList.json().value(QStringLiteral("chunks")).toArray();
        QCOMPARE(listed.size(), m_uploadChunks);
        for (int i = 0; i < int(listed.size()); ++i)
            QCOMPARE(listed.at(i).toObject().value(QStringLiteral("id")).toString(), QString::number(i));

        // Where it holds them: its state file (--data) names the file's current generation and declared
        // chunk count. It is saved when an upload starts, not per chunk (so its "complete" flag may lag; the
        // sandbox itself recomputes completeness from the chunk files on load, as done here).
        const QJsonObject record = storedFileRecord(m_dataDir, m_model, kFileId);
        QVERIFY2(!record.isEmpty(),
                 qPrintable(QStringLiteral("file %1 is not in %2/tenant.json").arg(kFileId, m_dataDir)));
        const int declared = record.value(QStringLiteral("declaredChunkCount")).toInt();
        QCOMPARE(declared, m_uploadChunks);

        // <data>/store/files/<model>/<file>/g<generation>/<n>.chunk (app/sandbox/tenant/ChunkStore.h).
        const QDir generation(
            QDir(m_dataDir).filePath(QStringLiteral("store/files/%1/%2/g%3")
                                         .arg(m_model, kFileId)
                                         .arg(record.value(QStringLiteral("generation")).toInt())));
        QVERIFY2(generation.exists(), qPrintable(generation.path()));
        QCOMPARE(generation.entryList({QStringLiteral("*.chunk")}, QDir::Files).size(), declared);
        QStringList chunks;
        for (int i = 0; i < declared; ++i) {
            chunks.append(generation.filePath(QStringLiteral("%1.chunk").arg(i)));
            QVERIFY2(QFileInfo::exists(chunks.last()), qPrintable(chunks.last()));
        }
        qint64 storedBytes = 0;
        QString error;
        const QByteArray storedSha = sha256OfFiles(chunks, &storedBytes, &error);
        QVERIFY2(!storedSha.isEmpty(), qPrintable(error));
        QCOMPARE(storedBytes, kFileBytes);
        QCOMPARE(hex(storedSha), hex(m_sourceSha));
        m_storeVerified = true;
    }

    void downloadBackThroughCli()
    {
        if (!m_storeVerified)
            QSKIP("the stored copy was not verified (sandboxStoredTheSameBytes failed)");
        // The generator's hash is the reference from here on: the source makes room for the downloaded copy.
        QVERIFY(QFile::remove(m_source));
        const QString target = m_dir.filePath(QStringLiteral("t-up-12-back.csv"));
        const MeasuredRun down = runCli({QStringLiteral("download"), kFileId, QStringLiteral("-o"), target},
                                        QStringLiteral("download"), 300'000);
        QVERIFY2(down.exitCode == 0, qPrintable(down.describe()));
        QJsonParseError parseError{};
        const QJsonObject result = QJsonDocument::fromJson(down.out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(down.describe()));
        QCOMPARE(qint64(result.value(QStringLiteral("bytes")).toDouble()), kFileBytes);
        QCOMPARE(result.value(QStringLiteral("sha256")).toString(), hex(m_sourceSha));
        // What the CLI hashed is what reached the disk.
        qint64 onDisk = 0;
        QString error;
        const QByteArray downloadedSha = sha256OfFiles({target}, &onDisk, &error);
        QVERIFY2(!downloadedSha.isEmpty(), qPrintable(error));
        QCOMPARE(onDisk, kFileBytes);
        QCOMPARE(hex(downloadedSha), hex(m_sourceSha));
        QFile::remove(target);
        figure(QStringLiteral("T-UP-12-download peak_rss_mb=%1 seconds=%2")
                   .arg(mb(down.maxRssBytes))
                   .arg(double(down.wallMs) / 1000.0, 0, 'f', 1));
        // Verified three times over: as sent (CLI), as stored (sandbox chunk files), as served back.
        figure(QStringLiteral("T-UP-12 bytes_verified=%1 peak_rss_mb=%2 mb_per_s=%3")
                   .arg(kFileBytes)
                   .arg(mb(m_uploadRss))
                   .arg(m_uploadMbPerS, 0, 'f', 1));
    }

    void cleanupTestCase()
    {
        if (m_sandbox)
            m_sandbox->stop(); // before its data directory goes away with m_dir
    }
};

QTEST_GUILESS_MAIN(TestUploadLarge)
#include "tst_UploadLarge.moc"
