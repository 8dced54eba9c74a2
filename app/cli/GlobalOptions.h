#pragma once
// The options every command accepts (before or after the command name), read and validated into
// plain values. Secrets are NOT read here: see Credentials.h (environment first, then a prompt).
#include "ArgParser.h"
#include "net/ClientOptions.h"
#include "net/Endpoints.h"

#include <QString>

namespace anadesk::cli {

struct GlobalOptions
{
    QString server;                  // --server URL: every API on this origin (anadesk-sandbox, a proxy)
    QString region;                  // --region NAME: Anaplan's region table; default kDefaultRegion
    QString user;                    // --user EMAIL (basic sign-in)
    QString workspace;               // --workspace ID|NAME
    QString model;                   // --model ID|NAME
    QString certificate;             // --certificate PEM (path)
    QString privateKey;              // --private-key PEM (path)
    bool tokenOnCommandLine = false; // --token given (its value is read by Credentials, not kept here)
    bool json = false;
    bool verbose = false;
    bool help = false;
    bool version = false;
    ClientOptions client; // timeouts, retries, poll delay, chunk size (defaults: the AsyncClient's)
};

inline constexpr char kDefaultRegion[] = "us1";

// The specification of the global options (for parsing and help).
QList<OptionSpec> globalOptionSpecs();

// Reads the global options out of parsed arguments. False with *error (a usage message) on a bad value.
bool readGlobalOptions(const ParsedArgs &args, GlobalOptions *out, QString *error);

// The endpoints the options select: --server (single origin), --region, or the default region.
// False with *error when the URL or region is unusable.
bool endpointsFor(const GlobalOptions &options, Endpoints *out, QString *error);

} // namespace anadesk::cli
