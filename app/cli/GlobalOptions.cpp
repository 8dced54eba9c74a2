#include "GlobalOptions.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>
#include <cmath>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::GlobalOptions", text);
}

// Seconds as a decimal ("1", "0.5") into milliseconds, within [minMs, maxMs].
bool readSeconds(const ParsedArgs &args, const QString &name, qint64 minMs, qint64 maxMs, int *outMs,
                 QString *error)
{
    if (!args.isSet(name))
        return true;
    bool ok = false;
    const QString text = args.value(name);
    const double seconds = text.toDouble(&ok);
    const double ms = seconds * 1000.0;
    if (!ok || !std::isfinite(ms) || ms < double(minMs) || ms > double(maxMs)) {
        *error = tr("--%1 '%2' must be a number of seconds from %3 to %4")
                     .arg(name, text, QString::number(double(minMs) / 1000.0),
                          QString::number(double(maxMs) / 1000.0));
        return false;
    }
    *outMs = int(std::llround(ms));
    return true;
}

bool readInteger(const ParsedArgs &args, const QString &name, qint64 min, qint64 max, qint64 *out,
                 QString *error)
{
    if (!args.isSet(name))
        return true;
    bool ok = false;
    const QString text = args.value(name);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = tr("--%1 '%2' must be a whole number from %3 to %4").arg(name, text).arg(min).arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QList<OptionSpec> globalOptionSpecs()
{
    const QString regions = Endpoints::regionNames().join(QStringLiteral(", "));
    return {
        {QStringLiteral("server"),
         {},
         QStringLiteral("URL"),
         tr("Send every API call to this origin (e.g. anadesk-sandbox's URL).\nhttp:// only for loopback "
            "hosts.")},
        {QStringLiteral("region"),
         {},
         QStringLiteral("NAME"),
         tr("Anaplan region (default %1): %2.").arg(QLatin1String(kDefaultRegion), regions)},
        {QStringLiteral("user"),
         {},
         QStringLiteral("EMAIL"),
         tr("Sign in as this user; password from ANADESK_PASSWORD, else asked on the terminal.")},
        {QStringLiteral("certificate"),
         {},
         QStringLiteral("PEM"),
         tr("Sign in with this CA certificate (PEM file); needs --private-key.")},
        {QStringLiteral("private-key"),
         {},
         QStringLiteral("PEM"),
         tr("The certificate's private key (PEM file); passphrase from ANADESK_KEY_PASSWORD,\n"
            "else asked on the terminal when the key is encrypted.")},
        {QStringLiteral("token"),
         {},
         QStringLiteral("TOKEN"),
         tr("Use this AnaplanAuthToken. Visible to other local users in the process list:\n"
            "prefer the ANADESK_TOKEN environment variable.")},
        {QStringLiteral("workspace"), {}, QStringLiteral("ID|NAME"), tr("The workspace, by id or name.")},
        {QStringLiteral("model"),
         {},
         QStringLiteral("ID|NAME"),
         tr("The model, by id or name (its workspace is found when --workspace is omitted).")},
        {QStringLiteral("json"), {}, {}, tr("Print results as JSON on stdout (messages stay on stderr).")},
        {QStringLiteral("poll-delay"),
         {},
         QStringLiteral("SECONDS"),
         tr("Wait between task status checks (default 1; grows slowly for long tasks).")},
        {QStringLiteral("retries"),
         {},
         QStringLiteral("N"),
         tr("Retries of a failed request after the first attempt (default 1).")},
        {QStringLiteral("chunk-size"),
         {},
         QStringLiteral("BYTES"),
         tr("Upload chunk size before compression (default 25000000; 1 to 50000000).")},
        {QStringLiteral("timeout"),
         {},
         QStringLiteral("SECONDS"),
         tr("Give up on a request that sends or receives nothing for this long (default 30).")},
        {QStringLiteral("verbose"), {}, {}, tr("Log requests and retries on stderr (secrets redacted).")},
        {QStringLiteral("help"),
         QLatin1Char('h'),
         {},
         tr("Show help (for a command: anadesk-cli COMMAND --help).")},
        {QStringLiteral("version"), {}, {}, tr("Show the version.")},
    };
}

bool readGlobalOptions(const ParsedArgs &args, GlobalOptions *out, QString *error)
{
    GlobalOptions o;
    o.server = args.value(QStringLiteral("server")).trimmed();
    o.region = args.value(QStringLiteral("region")).trimmed();
    o.user = args.value(QStringLiteral("user")).trimmed();
    o.workspace = args.value(QStringLiteral("workspace"));
    o.model = args.value(QStringLiteral("model"));
    o.certificate = args.value(QStringLiteral("certificate"));
    o.privateKey = args.value(QStringLiteral("private-key"));
    o.tokenOnCommandLine = args.isSet(QStringLiteral("token"));
    o.json = args.isSet(QStringLiteral("json"));
    o.verbose = args.isSet(QStringLiteral("verbose"));
    o.help = args.isSet(QStringLiteral("help"));
    o.version = args.isSet(QStringLiteral("version"));

    if (args.isSet(QStringLiteral("server")) && args.isSet(QStringLiteral("region"))) {
        *error = tr("--server and --region exclude each other: give one of them");
        return false;
    }
    for (const char *name :
         {"server", "region", "user", "workspace", "model", "certificate", "private-key"}) {
        const QString key = QLatin1String(name);
        if (args.isSet(key) && args.value(key).trimmed().isEmpty()) {
            *error = tr("--%1 needs a non-empty value").arg(key);
            return false;
        }
    }
    if (o.certificate.isEmpty() != o.privateKey.isEmpty()) {
        *error = tr("--certificate and --private-key go together: give both");
        return false;
    }

    if (!readSeconds(args, QStringLiteral("poll-delay"), 100, 3'600'000, &o.client.statusPollDelayMs, error))
        return false;
    if (!readSeconds(args, QStringLiteral("timeout"), 1'000, 3'600'000, &o.client.timeoutMs, error))
        return false;
    qint64 retries = o.client.retryCount - 1;
    if (!readInteger(args, QStringLiteral("retries"), 0, 10, &retries, error))
        return false;
    o.client.retryCount = int(retries) + 1; // ClientOptions counts attempts
    qint64 chunk = o.client.uploadChunkSize;
    if (!readInteger(args, QStringLiteral("chunk-size"), 1, 50'000'000, &chunk, error))
        return false;
    o.client.uploadChunkSize = chunk;

    *out = o;
    return true;
}

bool endpointsFor(const GlobalOptions &options, Endpoints *out, QString *error)
{
    if (!options.server.isEmpty()) {
        const QUrl url(options.server, QUrl::StrictMode);
        // Checked first: the messages below quote the URL, and user info may hold a password.
        if (!url.userInfo().isEmpty() || options.server.contains(QLatin1Char('@'))) {
            *error = tr("--server must not contain a user name or password: use --user and ANADESK_PASSWORD");
            return false;
        }
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            *error = tr("--server '%1' is not an http(s) URL like https://api.example.com or "
                        "http://127.0.0.1:8080")
                         .arg(options.server);
            return false;
        }
        // A password or token sent over plain HTTP can be read by anyone on the path.
        if (scheme == QLatin1String("http") && !isLoopback(url.host())) {
            *error = tr("--server '%1' uses plain http to a host that is not this computer: use https")
                         .arg(options.server);
            return false;
        }
        *out = Endpoints::singleOrigin(url);
        return out->isValid();
    }
    const QString region = options.region.isEmpty() ? QLatin1String(kDefaultRegion) : options.region;
    *out = Endpoints::forRegion(region);
    if (!out->isValid()) {
        *error = tr("unknown region '%1'; known regions: %2")
                     .arg(region, Endpoints::regionNames().join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

} // namespace anadesk::cli
