// anadesk-sandbox: a faithful local Anaplan API server on loopback, for the demo and the integration tests.
#include "SandboxConfig.h"
#include "SandboxServer.h"
#include "tenant/Tenant.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <cstdio>
#include <cstdlib>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

constexpr int kUsageError = 2;

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM/SIGINT only write a byte into a socket pair (async-signal-safe); the event loop then quits and
// the server shuts down cleanly: connection threads are woken and joined.
void quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    signal(SIGPIPE, SIG_IGN); // a client that vanishes mid-response must not kill the server
}
#else
void quitOnTerminationSignals(QCoreApplication &) {}
#endif

int usageError(const QString &message)
{
    std::fprintf(stderr, "anadesk-sandbox: %s\nRun 'anadesk-sandbox --help' for the options.\n",
                 qPrintable(message));
    return kUsageError;
}

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min, qint64 max,
             qint64 *value, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 parsed = text.toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        *error = QStringLiteral("--%1 '%2' must be an integer from %3 to %4")
                     .arg(option.names().constLast(), text)
                     .arg(min)
                     .arg(max);
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anadesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    sandbox::SandboxConfig config;
    sandbox::HttpServerOptions serverOptions;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "A faithful local Anaplan API server for the Anadesk demo and tests (authentication, Integration "
            "API v2 bulk calls, fault injection). Plain HTTP on loopback; never expose it to a network.\n\n"
            "Sandbox account: user %1, password %2 (Basic auth). Certificate auth accepts any certificate "
            "whose subject emailAddress or CN is the user. Another password can be given in the environment "
            "variable ANADESK_SANDBOX_PASSWORD (never on the command line).\n\n"
            "Seeded demo workspace %3, model %4.\n\n"
            "Once listening it prints exactly one line on stdout:\n"
            "  anadesk-sandbox listening on http://HOST:PORT\n\n"
            "Admin API (no token, loopback only): GET|POST|DELETE /__sandbox/faults, GET|DELETE "
            "/__sandbox/requests, GET /__sandbox/routes; see docs/sandbox.md.")
            .arg(config.user, config.password, sandbox::Tenant::demoWorkspaceId(),
                 sandbox::Tenant::demoModelId()));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("TCP port to listen on; 0 picks a free port (default 0)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("ADDRESS"), config.host);
    const QCommandLineOption dataOption(
        QStringLiteral("data"),
        QStringLiteral("Directory that keeps the tenant's state between runs (default: in memory, freshly "
                       "seeded at each start)."),
        QStringLiteral("DIR"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QStringLiteral("E-mail of the sandbox user (default %1).").arg(config.user),
        QStringLiteral("EMAIL"), config.user);
    const QCommandLineOption tokenLifetimeOption(
        QStringLiteral("token-lifetime"),
        QStringLiteral("Seconds an AnaplanAuthToken stays valid (default %1, Anaplan's 35 minutes).")
            .arg(config.tokenLifetimeSeconds),
        QStringLiteral("SECONDS"));
    const QCommandLineOption taskDurationOption(
        QStringLiteral("task-duration"),
        QStringLiteral("Milliseconds an import/export/process task takes to complete (default %1).")
            .arg(config.taskDurationMs),
        QStringLiteral("MS"));
    const QCommandLineOption pageCapOption(
        QStringLiteral("page-cap"),
        QStringLiteral("Largest page the list endpoints return, whatever 'limit' asks (default %1).")
            .arg(config.pageCap),
        QStringLiteral("N"));
    const QCommandLineOption largeUsersOption(
        QStringLiteral("large-user-count"),
        QStringLiteral("Seed this many extra SCIM users, to test paging (default 0)."), QStringLiteral("N"));
    const QCommandLineOption v2SkewOption(
        QStringLiteral("v2-max-skew"),
        QStringLiteral("Seconds a v2 certificate payload's timestamp may differ from now (default %1).")
            .arg(config.v2MaxSkewSeconds),
        QStringLiteral("SECONDS"));
    const QCommandLineOption maxBodyOption(
        QStringLiteral("max-request-body"),
        QStringLiteral("Largest request body in bytes; larger ones get 413 (default %1).")
            .arg(config.maxRequestBody),
        QStringLiteral("BYTES"));
    const QCommandLineOption idleOption(
        QStringLiteral("idle-timeout"),
        QStringLiteral("Seconds a connection may stay silent (between requests or mid-request) before the "
                       "sandbox closes it (default %1).")
            .arg(serverOptions.idleTimeoutMs / 1000),
        QStringLiteral("SECONDS"));
    const QCommandLineOption faultOption(
        QStringLiteral("fault"),
        QStringLiteral(
            "A fault rule as JSON (repeatable), e.g. "
            "'{\"kind\":\"status\",\"status\":503,\"method\":\"PUT\",\"path\":"
            "\"/2/0/workspaces/*/models/*/files/*/chunks/2\",\"times\":2}'. Kinds: status, latency, "
            "close-mid-body, reset, truncate-json, hang, short-body, expire-token (docs/sandbox.md)."),
        QStringLiteral("JSON"));
    parser.addOptions({portOption, hostOption, dataOption, userOption, tokenLifetimeOption,
                       taskDurationOption, pageCapOption, largeUsersOption, v2SkewOption, maxBodyOption,
                       idleOption, faultOption});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("anadesk-sandbox %s\n", PROJECT_VERSION_STRING);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    QString error;
    qint64 port = 0;
    qint64 tokenLifetime = config.tokenLifetimeSeconds;
    qint64 taskDuration = config.taskDurationMs;
    qint64 pageCap = config.pageCap;
    qint64 largeUsers = config.largeUserCount;
    qint64 skew = config.v2MaxSkewSeconds;
    qint64 maxBody = config.maxRequestBody;
    qint64 idleSeconds = serverOptions.idleTimeoutMs / 1000;
    if (!readInt(parser, portOption, 0, 65535, &port, &error) ||
        !readInt(parser, tokenLifetimeOption, 1, 7 * 24 * 3600, &tokenLifetime, &error) ||
        !readInt(parser, taskDurationOption, 0, 3'600'000, &taskDuration, &error) ||
        !readInt(parser, pageCapOption, 1, 1'000'000, &pageCap, &error) ||
        !readInt(parser, largeUsersOption, 0, 1'000'000, &largeUsers, &error) ||
        !readInt(parser, v2SkewOption, 1, 24 * 3600, &skew, &error) ||
        !readInt(parser, maxBodyOption, 1, qint64(1) << 31, &maxBody, &error) ||
        !readInt(parser, idleOption, 1, 24 * 3600, &idleSeconds, &error))
        return usageError(error);
    config.port = quint16(port);
    config.host = parser.value(hostOption);
    config.dataDir = parser.value(dataOption);
    if (!config.dataDir.isEmpty() && (!QDir().mkpath(config.dataDir) || !QFileInfo(config.dataDir).isDir() ||
                                      !QFileInfo(config.dataDir).isWritable()))
        return usageError(QStringLiteral("--data '%1' is not a writable directory (and could not be created)")
                              .arg(config.dataDir));
    config.user = parser.value(userOption);
    if (!config.user.contains(QLatin1Char('@')))
        return usageError(QStringLiteral("--user '%1' must be an e-mail address").arg(config.user));
    if (qEnvironmentVariableIsSet("ANADESK_SANDBOX_PASSWORD")) {
        config.password = qEnvironmentVariable("ANADESK_SANDBOX_PASSWORD");
        if (config.password.isEmpty())
            return usageError(QStringLiteral("ANADESK_SANDBOX_PASSWORD is set but empty"));
    }
    config.tokenLifetimeSeconds = int(tokenLifetime);
    config.taskDurationMs = int(taskDuration);
    config.pageCap = int(pageCap);
    config.largeUserCount = int(largeUsers);
    config.v2MaxSkewSeconds = int(skew);
    config.maxRequestBody = maxBody;
    serverOptions.idleTimeoutMs = int(idleSeconds * 1000);

    sandbox::SandboxServer server(config, serverOptions);
    const QStringList faults = parser.values(faultOption);
    for (const QString &text : faults) {
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (document.isNull())
            return usageError(
                QStringLiteral("--fault '%1' is not JSON: %2").arg(text, parseError.errorString()));
        const QJsonValue rules =
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        if (!server.addFaults(rules, &error))
            return usageError(QStringLiteral("--fault '%1': %2").arg(text, error));
    }

    quitOnTerminationSignals(app);
    if (!server.listen(&error)) {
        std::fprintf(stderr, "anadesk-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("anadesk-sandbox listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    const int status = app.exec();
    if (!server.stop()) {
        // A thread still runs a handler: skip destructors it could race with.
        std::fflush(stdout);
        std::_Exit(status);
    }
    return status;
}
