// The 'cw' (CloudWorks) command group: connections, integrations, runs, schedules and notifications.
// Each sub-area has its own file; this one joins them.
#include "CloudWorksGroup.h"

namespace anadesk::cli {

namespace cw {

Command makeCommand(const QString &section, const char *name, const char *usageText, const QString &summary,
                    int minArgs, int maxArgs, ApiError (*run)(CommandContext &))
{
    Command c;
    c.name = QStringLiteral("cw ") + QLatin1String(name);
    c.group = section;
    c.usage = QLatin1String(usageText);
    c.summary = summary;
    c.minArgs = minArgs;
    c.maxArgs = maxArgs;
    c.run = run;
    return c;
}

} // namespace cw

QList<Command> cloudWorksCommands()
{
    return cw::connectionCommands() + cw::integrationCommands() + cw::runCommands() + cw::scheduleCommands() +
           cw::notificationCommands();
}

} // namespace anadesk::cli
