// anadesk-transfer-bench: drives core/transfer's jobs for benchmarks/transfer/bench-transfer.sh.
// Not a test: it measures and prints, it never judges.
//
//   anadesk-transfer-bench generate PATH BYTES           write a realistic CSV of BYTES bytes
//   anadesk-transfer-bench levels PATH CHUNK_BYTES N     gzip N chunks at several levels, one thread
//                                                        (libdeflate and zlib; MB per CPU-second)
//   anadesk-transfer-bench upload URL WS MODEL FILE_ID PATH [--chunk B] [--level L] [--concurrency C]
//   anadesk-transfer-bench download URL WS MODEL FILE_ID TARGET [--batch N]
//
// The password comes from ANADESK_BENCH_PASSWORD (never the command line); the user from
// ANADESK_BENCH_USER. Every mode ends with one line "RESULT key=value …" including vmhwm_kb.
#include "auth/BasicAuthenticator.h"
#include "net/ApiReply.h"
#include "net/Transport.h"
#include "transfer/DownloadJob.h"
#include "transfer/Gzip.h"
#include "transfer/Sha256.h"
#include "transfer/UploadJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <ctime>

using namespace anadesk;

namespace {

qint64 vmHwmKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

// CPU time of this thread: the per-level figures stay comparable on a machine shared with other work.
double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

int usage()
{
    std::fprintf(stderr, "usage: see the comment at the top of benchmarks/transfer/transfer_bench.cpp\n");
    return 2;
}

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const int i = int(args.indexOf(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

int generate(const QString &path, qint64 bytes)
{
    // Rows like a planning export: ids, names with some non-ASCII, periods, numbers. Compresses ~4-6:1
    // with gzip, which is what real CSV exports do.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    static const char *regions[] = {"EMEA", "North America", "APAC", "LATAM", "Zürich", "São Paulo", "東京"};
    static const char *products[] = {"Widget", "Gadget", "Sprocket", "Gizmo", "Doohickey", "Thingamajig"};
    QRandomGenerator rng(42);
    Sha256 sha;
    QByteArray block;
    qint64 written = 0;
    block += "Region,Product,SKU,Period,Version,Units,Price,Amount,Comment\r\n";
    while (written < bytes) {
        while (block.size() < 4 << 20) {
            const quint32 units = rng.bounded(10000);
            const quint32 price = 100 + rng.bounded(99900);
            block += regions[rng.bounded(7)];
            block += ',';
            block += products[rng.bounded(6)];
            block += ",SKU-" + QByteArray::number(rng.bounded(200000)) + ",FY" + QByteArray::number(20 + rng.bounded(6))
                     + " M" + QByteArray::number(1 + rng.bounded(12)) + (rng.bounded(3) ? ",Actual," : ",Forecast,")
                     + QByteArray::number(units) + ',' + QByteArray::number(price / 100.0, 'f', 2) + ','
                     + QByteArray::number(units * price / 100.0, 'f', 2)
                     + (rng.bounded(10) == 0 ? ",\"needs review, see note\"\r\n" : ",\r\n");
        }
        const qint64 take = qMin<qint64>(block.size(), bytes - written);
        file.write(block.constData(), take);
        sha.addData(block.constData(), take);
        written += take;
        block.clear();
    }
    std::printf("RESULT mode=generate bytes=%lld sha256=%s\n", written, sha.result().toHex().constData());
    return 0;
}

int levels(const QString &path, qint64 chunkBytes, int chunks)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    QList<QByteArray> samples;
    for (int i = 0; i < chunks && !file.atEnd(); ++i)
        samples.append(file.read(chunkBytes));
    // Both engines: what the client uses (libdeflate when built with it) and zlib (what pigz uses).
    const bool libdeflate = gzip::compressesWithLibdeflate();
    for (int level : {1, 2, 3, 4, 6, 9}) {
        for (const bool useZlib : {false, true}) {
            if (!useZlib && !libdeflate)
                continue;
            qint64 in = 0, out = 0;
            const double started = threadCpuSeconds();
            for (const QByteArray &sample : std::as_const(samples)) {
                const gzip::Result r = useZlib ? gzip::compressWithZlib(sample, level) : gzip::compress(sample, level);
                in += sample.size();
                out += r.data.size();
            }
            const double seconds = threadCpuSeconds() - started;
            std::printf("RESULT mode=levels engine=%s level=%d bytes=%lld gzip_bytes=%lld ratio=%.2f "
                        "mb_per_s_one_thread=%.1f\n",
                        useZlib ? "zlib" : "libdeflate", level, in, out, double(in) / double(out),
                        double(in) / 1e6 / seconds);
        }
    }
    const double started = threadCpuSeconds();
    qint64 in = 0;
    for (const QByteArray &sample : std::as_const(samples)) {
        in += sample.size();
        (void)Sha256::hash(sample);
    }
    std::printf("RESULT mode=sha256 bytes=%lld mb_per_s_one_thread=%.1f\n", in,
                double(in) / 1e6 / (threadCpuSeconds() - started));
    return 0;
}

bool runJob(TransferJob &job)
{
    if (qEnvironmentVariableIsSet("ANADESK_BENCH_TRACE")) {
        // Diagnostic: when each phase starts and each chunk completes.
        auto *clock = new QElapsedTimer;
        clock->start();
        QObject::connect(&job, &TransferJob::phaseChanged, &job, [clock](const QString &phase) {
            std::fprintf(stderr, "%6lld ms phase %s\n", clock->elapsed(), qPrintable(phase));
        });
        QObject::connect(&job, &TransferJob::progress, &job, [clock](qint64 bytes, qint64, int chunks, int) {
            std::fprintf(stderr, "%6lld ms done chunks=%d bytes=%lld\n", clock->elapsed(), chunks, bytes);
        });
    }
    bool finished = false;
    QObject::connect(&job, &TransferJob::finished, &job, [&finished] { finished = true; });
    job.start();
    while (!finished)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!job.isOk())
        std::fprintf(stderr, "transfer failed: %s\n", qPrintable(job.error().toString()));
    return job.isOk();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage();
    const QString mode = args[0];
    if (mode == QLatin1String("generate") && args.size() >= 3)
        return generate(args[1], args[2].toLongLong());
    if (mode == QLatin1String("levels") && args.size() >= 4)
        return levels(args[1], args[2].toLongLong(), args[3].toInt());
    if ((mode != QLatin1String("upload") && mode != QLatin1String("download")) || args.size() < 6)
        return usage();

    ClientOptions options;
    options.workspaceId = args[2];
    options.modelId = args[3];
    options.uploadChunkSize = option(args, QStringLiteral("--chunk"), QStringLiteral("25000000")).toLongLong();
    options.compressionLevel = option(args, QStringLiteral("--level"), QString::number(gzip::kDefaultLevel)).toInt();
    options.uploadConcurrency = option(args, QStringLiteral("--concurrency"), QStringLiteral("2")).toInt();
    options.downloadBatchSize = option(args, QStringLiteral("--batch"), QStringLiteral("2")).toInt();
    options.timeoutMs = 120'000;
    Transport transport(Endpoints::singleOrigin(QUrl(args[1])), options);
    transport.setAuthenticator(std::make_shared<BasicAuthenticator>(qEnvironmentVariable("ANADESK_BENCH_USER"),
                                                                    qgetenv("ANADESK_BENCH_PASSWORD")));
    FileLocation location;
    location.fileId = args[4];

    QElapsedTimer timer;
    timer.start();
    if (qEnvironmentVariableIsSet("ANADESK_BENCH_TRANSPORT_ONLY")) {
        // Diagnostic: the same chunk GETs through Transport alone (no job, no writing, no hashing).
        const int n = qEnvironmentVariableIntValue("ANADESK_BENCH_TRANSPORT_ONLY");
        int next = 0, done = 0;
        qint64 bytes = 0;
        std::function<void()> fetch = [&] {
            ApiRequest request;
            request.url = QUrl(args[1] + QStringLiteral("/2/0/workspaces/%1/models/%2/files/%3/chunks/%4")
                                             .arg(args[2], args[3], args[4])
                                             .arg(next++));
            request.accept = "application/octet-stream";
            QElapsedTimer chunkTimer;
            chunkTimer.start();
            ApiReply *reply = transport.send(request);
            QObject::connect(reply, &ApiReply::finished, reply, [&, reply, chunkTimer] {
                bytes += reply->body().size();
                std::printf("chunk %lld bytes %lld ms\n", qint64(reply->body().size()), chunkTimer.elapsed());
                reply->deleteLater();
                ++done;
                if (next < n)
                    fetch();
            });
        };
        for (int i = 0; i < options.downloadBatchSize && next < n; ++i)
            fetch();
        while (done < n)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        std::printf("RESULT mode=transport-only bytes=%lld elapsed_ms=%lld\n", bytes, timer.elapsed());
        return 0;
    }
    if (mode == QLatin1String("upload")) {
        UploadJob job(&transport, location);
        job.setSourceFile(args[5]);
        if (!runJob(job))
            return 1;
        const qint64 ms = timer.elapsed();
        const qint64 bytes = job.manifest().totalBytes;
        std::printf("RESULT mode=upload bytes=%lld wire_bytes=%lld chunks=%d elapsed_ms=%lld mb_per_s=%.1f "
                    "vmhwm_kb=%lld\n",
                    bytes, job.wireBytesSent(), job.plan().chunkCount(), ms, double(bytes) / 1e3 / double(ms),
                    vmHwmKb());
        return 0;
    }
    DownloadJob job(&transport, location);
    job.setTargetPath(args[5]);
    job.setOverwrite(true);
    job.setResume(false);
    if (!runJob(job))
        return 1;
    const qint64 ms = timer.elapsed();
    std::printf("RESULT mode=download bytes=%lld chunks=%d elapsed_ms=%lld mb_per_s=%.1f sha256=%s vmhwm_kb=%lld\n",
                job.fileSize(), job.chunksFetched(), ms, double(job.fileSize()) / 1e3 / double(ms),
                job.sha256().toHex().constData(), vmHwmKb());
    return 0;
}
