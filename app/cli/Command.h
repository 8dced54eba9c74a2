#pragma once
// The table of anadesk-cli commands. Each command group lives in its own file under commands/ and
// contributes its entries; help, argument counts and dispatch come from this one table.
#include "ArgParser.h"
#include "net/ApiError.h"

#include <QList>
#include <QString>

namespace anadesk::cli {

class Session;

struct CommandContext
{
    Session &session;
    const ParsedArgs &args;
};

struct Command
{
    QString name;
    QString group;   // heading in the overview: "Browse", "Tasks", "Files", "Models"
    QString usage;   // arguments after the name: "ACTION_ID TASK_ID -o PATH"
    QString summary; // one line
    QString details; // paragraphs for `COMMAND --help`
    QList<OptionSpec> options;
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    ApiError (*run)(CommandContext &context) = nullptr;
};

const QList<Command> &allCommands();
const Command *findCommand(const QString &name);

// Each group's entries (commands/*.cpp).
QList<Command> browseCommands();
QList<Command> taskCommands();
QList<Command> transferCommands();
QList<Command> modelCommands();

// Shared option specs.
OptionSpec outputOption(const QString &help);
OptionSpec forceOption();

} // namespace anadesk::cli
