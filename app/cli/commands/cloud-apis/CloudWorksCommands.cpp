// The 'cw' (CloudWorks) command group: connections, integrations, runs, schedules and notifications.
// Each sub-area has its own file; this one joins them.
#include "CloudWorksGroup.h"

namespace anadesk::cli {

namespace cw {

Command makeCommand(const QString &section, const char *name, const char *usageText, const QString &summary,
                    int minArgs, int maxArgs, ApiError (*run)(CommandContext &))
{
    return commandEntry(QStringLiteral("cw ") + QLatin1String(name), section, QLatin1String(usageText),
                        summary, minArgs, maxArgs, run);
}

} // namespace cw

QList<Command> cloudWorksCommands()
{
    return cw::connectionCommands() + cw::integrationCommands() + cw::runCommands() + cw::scheduleCommands() +
           cw::notificationCommands();
}

} // namespace anadesk::cli
