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
    QString name;    // "files"; a group's command is "GROUP NAME": "tr modules"
    QString group;   // heading in the overview (or the group's help): "Browse", "Tasks", "Files", "Models"
    QString usage;   // arguments after the name: "ACTION_ID TASK_ID -o PATH"
    QString summary; // one line
    QString details; // paragraphs for `COMMAND --help`
    QList<OptionSpec> options;
    int minArgs = 0;
    int maxArgs = 0; // -1: any number
    ApiError (*run)(CommandContext &context) = nullptr;
};

// A command group: the sub-clients of the reference AsyncClient (`anadesk-cli tr modules`).
struct CommandGroup
{
    QString name;    // "tr"
    QString summary; // one line for the overview
};

const QList<Command> &allCommands();
const Command *findCommand(const QString &name);

// Groups that have at least one command, in overview order.
QList<CommandGroup> commandGroups();
const CommandGroup *findGroup(const QString &name);
bool isCommandGroup(const QString &word);
// The commands of a group ("tr modules", "tr line-items", …), in table order.
QList<const Command *> commandsOfGroup(const QString &group);
// The group a command belongs to ("tr" for "tr modules"), or empty for a top-level command.
QString groupOfCommand(const QString &name);

// Each group's entries (commands/*.cpp).
QList<Command> browseCommands();
QList<Command> taskCommands();
QList<Command> transferCommands();
QList<Command> modelCommands();
QList<Command> transactionalCommands(); // tr
QList<Command> almCommands();           // alm
QList<Command> scimCommands();          // scim
QList<Command> auditCommands();         // audit
QList<Command> cloudWorksCommands();    // cw
QList<Command> flowsCommands();         // flows

// A table entry in the one style every group uses; `name` carries the group ("tr modules"), `summary`
// is already translated in the caller's context.
Command commandEntry(const QString &name, const QString &group, const QString &usage, const QString &summary,
                     int minArgs, int maxArgs, ApiError (*run)(CommandContext &));

// Shared option specs.
OptionSpec outputOption(const QString &help);
OptionSpec forceOption();

} // namespace anadesk::cli
