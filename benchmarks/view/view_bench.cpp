// anadesk-view-bench: reads one view through TransactionalClient::getViewData for
// benchmarks/view/bench-view.sh. Not a test: it measures and prints, it never judges.
//
//   anadesk-view-bench URL MODEL VIEW csv|csv-escaped|json [PAGES]
//
// PAGES: "dim:item,dim:item". The user comes from ANADESK_BENCH_USER, the password from
// ANADESK_BENCH_PASSWORD (never the command line). One process per read, so VmHWM is this read's peak.
// Prints one line "RESULT key=value …": elapsed_ms (request + transfer + JSON parsing on the worker),
// bytes, cells, rows, vmhwm_kb (peak of the process), vmhwm_before_kb (after sign-in, before the read).
#include "Connection.h"
#include "TransactionalClient.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <cstdio>

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

int fail(const QString &message)
{
    std::fprintf(stderr, "anadesk-view-bench: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5)
        return fail(QStringLiteral("usage: anadesk-view-bench URL MODEL VIEW csv|csv-escaped|json [PAGES]"));
    const QString user = qEnvironmentVariable("ANADESK_BENCH_USER");
    const QByteArray password = qgetenv("ANADESK_BENCH_PASSWORD");
    if (user.isEmpty() || password.isEmpty())
        return fail(QStringLiteral("set ANADESK_BENCH_USER and ANADESK_BENCH_PASSWORD"));
    const QString formatName = args.at(4);
    ViewDataFormat format = ViewDataFormat::Json;
    if (formatName == QLatin1String("csv"))
        format = ViewDataFormat::Csv;
    else if (formatName == QLatin1String("csv-escaped"))
        format = ViewDataFormat::CsvEscaped;
    else if (formatName != QLatin1String("json"))
        return fail(QStringLiteral("unknown format %1").arg(formatName));
    ViewDataQuery query;
    if (args.size() > 5) {
        for (const QString &pair : args.at(5).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList parts = pair.split(QLatin1Char(':'));
            if (parts.size() != 2)
                return fail(QStringLiteral("bad page selector %1").arg(pair));
            query.pages.append({parts.at(0), parts.at(1)});
        }
    }

    ClientOptions options;
    options.modelId = args.at(2);
    options.timeoutMs = 300'000;
    Connection connection(Endpoints::singleOrigin(QUrl(args.at(1))), options,
                          std::make_shared<BasicAuthenticator>(user, password));
    TransactionalClient tr = connection.transactional();

    // Sign in (and warm up the connection) on a small call, so the read measures the read alone.
    auto *warm = tr.getModelStatus();
    if (!waitFor(warm, 60'000) || !warm->isSucceeded())
        return fail(QStringLiteral("sign-in failed: %1").arg(warm->error().toString()));
    const qint64 before = vmHwmKb();

    QElapsedTimer timer;
    timer.start();
    auto *job = tr.getViewData(args.at(3), format, query);
    job->setAutoDelete(false);
    if (!waitFor(job, 600'000))
        return fail(QStringLiteral("timed out"));
    const qint64 elapsed = timer.elapsed();
    if (!job->isSucceeded())
        return fail(job->error().toString());
    const qint64 cells = format == ViewDataFormat::Json ? job->data().cellCount() : -1;
    const qint64 rows = format == ViewDataFormat::Json ? job->data().rows.size() : job->csv().count('\n');
    std::printf("RESULT format=%s elapsed_ms=%lld bytes=%lld cells=%lld rows=%lld vmhwm_kb=%lld "
                "vmhwm_before_kb=%lld parsed_off_caller_thread=%d\n",
                qPrintable(formatName), elapsed, job->bytesReceived(), cells, rows, vmHwmKb(), before,
                int(format != ViewDataFormat::Json || job->parseThread() != QThread::currentThread()));
    delete job;
    return 0;
}
