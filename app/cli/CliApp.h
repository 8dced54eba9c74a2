#pragma once
// anadesk-cli from arguments to exit code: parse, help/version, build the session, run the command,
// report the error (stderr, plus a JSON error document with --json) and map it to the exit code.
#include <QByteArray>
#include <QStringList>

namespace anadesk::cli {

// The documented exit codes beyond core's per-category table (exitCodeFor()).
inline constexpr int kExitUsage = 2;         // also ErrorCategory::BadInput
inline constexpr int kExitUnexpected = 1;    // a failure outside the table
inline constexpr int kExitInterrupted = 130; // a second Ctrl-C

class CliApp
{
public:
    // `arguments` without the program name.
    int run(const QStringList &arguments);

    // The overview printed by --help.
    static QString overviewHelp();
    // GROUP --help: the group's commands.
    static QString groupHelp(const QString &group);
    // COMMAND --help (or GROUP --help).
    static QString commandHelp(const QString &command);
};

} // namespace anadesk::cli
