#pragma once
// The parts of the 'cw' command group, one file per sub-area; CloudWorksCommands.cpp joins them in
// the order of `anadesk-cli cw --help`.
#include "../../Command.h"

namespace anadesk::cli::cw {

// A command "cw NAME" under the sub-heading `section`.
Command makeCommand(const QString &section, const char *name, const char *usageText, const QString &summary,
                    int minArgs, int maxArgs, ApiError (*run)(CommandContext &));

QList<Command> connectionCommands();
QList<Command> integrationCommands();
QList<Command> runCommands();
QList<Command> scheduleCommands();
QList<Command> notificationCommands();

} // namespace anadesk::cli::cw
