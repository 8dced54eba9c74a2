// anadesk-scim-bench <sandbox-url> [page-size] [page-concurrency]
// Lists every SCIM user through ScimClient::getUsers() and prints one RESULT line: users, pages, wall time,
// and this process's peak resident memory (VmHWM from /proc/self/status, which includes the users held).
// Credentials come from the environment (ANADESK_BENCH_USER, ANADESK_BENCH_PASSWORD), never the command line.
#include "Connection.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"
#include "scim/ScimClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <cstdio>
#include <memory>

using namespace anadesk;

namespace {
long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: anadesk-scim-bench <sandbox-url> [page-size] [page-concurrency]\n");
        return 2;
    }
    const QByteArray user = qgetenv("ANADESK_BENCH_USER");
    const QByteArray password = qgetenv("ANADESK_BENCH_PASSWORD");
    if (user.isEmpty() || password.isEmpty()) {
        std::fprintf(stderr, "set ANADESK_BENCH_USER and ANADESK_BENCH_PASSWORD\n");
        return 2;
    }
    const int pageSize = args.size() > 2 ? args.at(2).toInt() : scim::kMaxPageSize;
    ClientOptions options;
    options.timeoutMs = 60'000;
    if (args.size() > 3)
        options.pageConcurrency = args.at(3).toInt();
    Connection connection(Endpoints::singleOrigin(QUrl(args.at(1))), options,
                          std::make_shared<BasicAuthenticator>(QString::fromUtf8(user), password));
    const long rssBefore = peakRssKb();
    QElapsedTimer timer;
    timer.start();
    auto *job = connection.scim().getUsers({}, pageSize);
    job->setAutoDelete(false);
    std::unique_ptr<scim::ListUsersJob> guard(job);
    if (!waitFor(job, 1'800'000) || !job->isSucceeded()) {
        std::fprintf(stderr, "listing failed: %s\n", qPrintable(job->error().toString()));
        return 1;
    }
    const qint64 elapsed = timer.elapsed();
    QSet<QString> ids;
    for (const scim::User &u : job->users())
        ids.insert(u.id);
    std::printf("RESULT users=%lld unique=%lld total_reported=%lld pages=%d page_size=%d concurrency=%d "
                "seconds=%.2f users_per_s=%.0f peak_rss_mb=%.1f rss_before_mb=%.1f\n",
                static_cast<long long>(job->users().size()), static_cast<long long>(ids.size()),
                static_cast<long long>(job->totalResults()), job->pageCount(), job->pageSize(),
                options.pageConcurrency, elapsed / 1000.0,
                job->users().size() * 1000.0 / qMax<qint64>(1, elapsed), peakRssKb() / 1024.0,
                rssBefore / 1024.0);
    return ids.size() == job->users().size() && job->users().size() == job->totalResults() ? 0 : 1;
}
