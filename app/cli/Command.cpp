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
        return all;
    }();
    return commands;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : allCommands())
        if (command.name == name)
            return &command;
    return nullptr;
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
