#include "Command.h"

#include <QCoreApplication>

namespace anadesk::cli {

const QList<Command> &allCommands()
{
    static const QList<Command> commands = [] {
        QList<Command> all;
        all += browseCommands();
        all += taskCommands();
        all += transferCommands();
        all += modelCommands();
        all += transactionalCommands();
        all += almCommands();
        all += scimCommands();
        all += auditCommands();
        all += cloudWorksCommands();
        all += flowsCommands();
        return all;
    }();
    return commands;
}

namespace {

const QList<CommandGroup> &declaredGroups()
{
    static const QList<CommandGroup> groups = {
        {QStringLiteral("tr"), QCoreApplication::translate(
                                   "anadesk::cli::Command",
                                   "Transactional API: modules, line items, lists, views, cells, calendar")},
        {QStringLiteral("alm"),
         QCoreApplication::translate(
             "anadesk::cli::Command",
             "Application lifecycle: revisions, syncs, comparison reports, online/offline")},
        {QStringLiteral("scim"),
         QCoreApplication::translate("anadesk::cli::Command", "SCIM user management: users and the schemas")},
        {QStringLiteral("audit"),
         QCoreApplication::translate("anadesk::cli::Command", "Audit: events and users")},
        {QStringLiteral("cw"), QCoreApplication::translate(
                                   "anadesk::cli::Command",
                                   "CloudWorks: connections, integrations, runs, schedules, notifications")},
        {QStringLiteral("flows"),
         QCoreApplication::translate("anadesk::cli::Command", "CloudWorks integration flows")},
    };
    return groups;
}

} // namespace

QString groupOfCommand(const QString &name)
{
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    return space < 0 ? QString() : name.left(space);
}

QList<const Command *> commandsOfGroup(const QString &group)
{
    QList<const Command *> result;
    for (const Command &command : allCommands())
        if (groupOfCommand(command.name) == group)
            result.append(&command);
    return result;
}

QList<CommandGroup> commandGroups()
{
    QList<CommandGroup> result;
    for (const CommandGroup &group : declaredGroups())
        if (!commandsOfGroup(group.name).isEmpty())
            result.append(group);
    return result;
}

const CommandGroup *findGroup(const QString &name)
{
    for (const CommandGroup &group : declaredGroups())
        if (group.name == name)
            return &group;
    return nullptr;
}

bool isCommandGroup(const QString &word)
{
    return findGroup(word) != nullptr;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : allCommands())
        if (command.name == name)
            return &command;
    return nullptr;
}

Command commandEntry(const QString &name, const QString &group, const QString &usage, const QString &summary,
                     int minArgs, int maxArgs, ApiError (*run)(CommandContext &))
{
    Command command;
    command.name = name;
    command.group = group;
    command.usage = usage;
    command.summary = summary;
    command.minArgs = minArgs;
    command.maxArgs = maxArgs;
    command.run = run;
    return command;
}

OptionSpec outputOption(const QString &help)
{
    return {QStringLiteral("output"), QLatin1Char('o'), QStringLiteral("PATH"), help};
}

OptionSpec forceOption()
{
    return {QStringLiteral("force"),
            {},
            {},
            QCoreApplication::translate("anadesk::cli::Command", "Replace PATH if it already exists.")};
}

} // namespace anadesk::cli
