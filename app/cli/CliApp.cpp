#include "CliApp.h"

#include "ArgParser.h"
#include "Command.h"
#include "CommandHelpers.h"
#include "GlobalOptions.h"
#include "Output.h"
#include "Session.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CliApp", text);
}

QList<OptionSpec> commandOptions(const QString &name)
{
    const Command *command = findCommand(name);
    return command ? command->options : QList<OptionSpec>{};
}

QString exitCodeTable()
{
    struct Row
    {
        ErrorCategory category;
        const char *meaning;
    };
    static const Row rows[] = {
        {ErrorCategory::BadInput, "usage error, bad input, or HTTP 400"},
        {ErrorCategory::Auth,
         "sign-in failed: credentials rejected or token invalid (never retried in a loop)"},
        {ErrorCategory::Permission, "not allowed (HTTP 403)"},
        {ErrorCategory::NotFound, "no such workspace, model, file, action or task (HTTP 404)"},
        {ErrorCategory::ModelBusy,
         "the model is busy or locked (HTTP 409/423), or a conflict outside a model (HTTP 409)"},
        {ErrorCategory::ModelArchived, "the model is archived (HTTP 422)"},
        {ErrorCategory::RateLimited, "rate limited after all retries (HTTP 429)"},
        {ErrorCategory::Timeout, "no answer in time, or --max-wait reached"},
        {ErrorCategory::Network, "network or TLS failure"},
        {ErrorCategory::Server, "server error after all retries (HTTP 5xx)"},
        {ErrorCategory::ActionFailed,
         "the task completed with failures (successful=false), or models not deleted"},
        {ErrorCategory::Cancelled, "cancelled (Ctrl-C, or the task was cancelled)"},
        {ErrorCategory::Protocol, "the server answered something unexpected"},
        {ErrorCategory::LocalIo, "reading or writing a local file failed"},
    };
    QString text = QStringLiteral("  0   success\n  1   unexpected failure\n");
    for (const Row &row : rows)
        text += QStringLiteral("  %1  %2 (%3)\n")
                    .arg(exitCodeFor(row.category), -2)
                    .arg(tr(row.meaning), categoryName(row.category));
    text += tr("  130 interrupted (second Ctrl-C)\n");
    return text;
}

void configureLogging(bool verbose)
{
    qSetMessagePattern(QStringLiteral(
        "anadesk-cli: %{if-debug}debug: %{endif}%{if-info}info: %{endif}%{if-warning}warning: %{endif}"
        "%{if-critical}error: %{endif}%{if-fatal}fatal: %{endif}%{message}"));
    QLoggingCategory::setFilterRules(verbose ? QStringLiteral("anadesk.*.debug=true\nanadesk.*.info=true")
                                             : QStringLiteral("*.debug=false\n*.info=false"));
}

} // namespace

QString CliApp::overviewHelp()
{
    QString text =
        tr("Usage: anadesk-cli [--server URL | --region NAME] --user EMAIL [--workspace ID] [--model ID]\n"
           "                   [--json] [OPTIONS] COMMAND [ARGS]\n\n"
           "Anaplan bulk operations from the command line: list objects, run actions and follow their "
           "tasks,\nupload and download files. Objects may be given by id or by name.\n");
    QString group;
    QList<QStringList> rows;
    auto flush = [&] {
        if (!rows.isEmpty())
            text += Output::table(rows, {});
        rows.clear();
    };
    for (const Command &command : allCommands()) {
        if (!groupOfCommand(command.name).isEmpty())
            continue; // listed by `anadesk-cli GROUP --help`
        if (command.group != group) {
            flush();
            group = command.group;
            text += QLatin1Char('\n') + group + QStringLiteral(" commands:\n");
        }
        rows.append({QStringLiteral("  ") + command.name, command.summary});
    }
    flush();
    const QList<CommandGroup> groups = commandGroups();
    if (!groups.isEmpty()) {
        text += QLatin1Char('\n') + tr("Command groups ('anadesk-cli GROUP --help' lists their commands):\n");
        for (const CommandGroup &g : groups)
            rows.append({QStringLiteral("  ") + g.name, g.summary});
        flush();
    }
    text += QLatin1Char('\n') + tr("Options (before or after the command):\n") +
            ArgParser::describe(globalOptionSpecs());
    text += QLatin1Char('\n') +
            tr("Credentials: never on the command line. The password comes from ANADESK_PASSWORD, else it is "
               "asked\n"
               "on the terminal (no echo); the key passphrase from ANADESK_KEY_PASSWORD; a token from "
               "ANADESK_TOKEN.\n"
               "--token also works but shows the token to other local users in the process list.\n");
    text += QLatin1Char('\n') + tr("Exit codes:\n") + exitCodeTable();
    text +=
        QLatin1Char('\n') + tr("Run 'anadesk-cli COMMAND --help' for a command's arguments and options.\n");
    return text;
}

QString CliApp::groupHelp(const QString &name)
{
    const CommandGroup *g = findGroup(name);
    if (!g)
        return overviewHelp();
    QString text = tr("Usage: anadesk-cli [OPTIONS] %1 COMMAND [ARGS]\n\n%2\n").arg(g->name, g->summary);
    QString heading;
    QList<QStringList> rows;
    auto flush = [&] {
        if (!rows.isEmpty())
            text += Output::table(rows, {});
        rows.clear();
    };
    for (const Command *command : commandsOfGroup(name)) {
        if (command->group != heading) {
            flush();
            heading = command->group;
            text += QLatin1Char('\n') + heading + QStringLiteral(":\n");
        }
        rows.append({QStringLiteral("  ") + command->name.mid(name.size() + 1), command->summary});
    }
    flush();
    text += QLatin1Char('\n') +
            tr("Run 'anadesk-cli %1 COMMAND --help' for a command's arguments and options.\n").arg(name);
    return text;
}

QString CliApp::commandHelp(const QString &name)
{
    const Command *command = findCommand(name);
    if (!command)
        return findGroup(name) ? groupHelp(name) : overviewHelp();
    QString text =
        QStringLiteral("Usage: anadesk-cli [OPTIONS] %1%2\n\n%3\n")
            .arg(command->name, command->usage.isEmpty() ? QString() : QLatin1Char(' ') + command->usage,
                 command->summary);
    if (!command->details.isEmpty())
        text += QLatin1Char('\n') + command->details + QLatin1Char('\n');
    if (!command->options.isEmpty())
        text += QLatin1Char('\n') + tr("Options of %1:\n").arg(command->name) +
                ArgParser::describe(command->options);
    text += QLatin1Char('\n') + tr("Options for every command (see 'anadesk-cli --help'):\n") +
            ArgParser::describe(globalOptionSpecs());
    return text;
}

int CliApp::run(const QStringList &arguments)
{
    ArgParser parser(globalOptionSpecs());
    ParsedArgs args;
    QString error;
    // Before the options are read, --json is looked for literally: a script that asked for JSON
    // gets a JSON error document even when the command line itself is wrong.
    const bool wantsJson = arguments.contains(QStringLiteral("--json"));
    auto usageFailure = [&](const QString &message, const QString &command) {
        Output out(wantsJson);
        out.usageError(message, command);
        if (wantsJson)
            out.object(QJsonObject{{QStringLiteral("error"), Output::errorJson(usage(message))}}, {});
        return kExitUsage;
    };
    if (!parser.parse(arguments, &commandOptions, &isCommandGroup, &args, &error))
        return usageFailure(error, findCommand(args.command) ? args.command : QString());
    GlobalOptions options;
    if (!readGlobalOptions(args, &options, &error))
        return usageFailure(error, findCommand(args.command) ? args.command : QString());
    Output out(options.json);
    configureLogging(options.verbose);

    if (options.version) {
        out.writeOut(QStringLiteral("anadesk-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const Command *command = findCommand(args.command);
    if (options.help) {
        out.writeOut(commandHelp(args.command));
        return 0;
    }
    if (args.command.isEmpty())
        return usageFailure(tr("no command given"), {});
    if (!command) {
        const QString group = isCommandGroup(args.command) ? args.command : groupOfCommand(args.command);
        if (group.isEmpty())
            return usageFailure(tr("unknown command '%1'").arg(args.command), {});
        if (group == args.command)
            return usageFailure(tr("'%1' needs a command; 'anadesk-cli %1 --help' lists them").arg(group),
                                {});
        return usageFailure(tr("unknown command '%1' in group '%2'; 'anadesk-cli %2 --help' lists them")
                                .arg(args.command.mid(group.size() + 1), group),
                            {});
    }
    const int count = int(args.positionals.size());
    if (count < command->minArgs || (command->maxArgs >= 0 && count > command->maxArgs)) {
        const QString expected = command->usage.isEmpty() ? tr("no arguments") : command->usage;
        return usageFailure(
            tr("'%1' expects: %2 (got %3 argument(s))").arg(command->name, expected).arg(count),
            command->name);
    }

    Session session(options, args.value(QStringLiteral("token")).toUtf8(), out);
    ApiError result = session.connect();
    if (!result.isError()) {
        CommandContext context{session, args};
        result = command->run(context);
    }
    if (!result.isError())
        return 0;
    out.error(result);
    if (out.isJson() && !out.resultPrinted())
        out.object(QJsonObject{{QStringLiteral("error"), Output::errorJson(result)}}, {});
    const int code = exitCodeFor(result.category);
    return code == 0 ? kExitUnexpected : code;
}

} // namespace anadesk::cli
