// The 'Alm' command group (filled in by its own change; empty groups are not shown).
#include "../../Command.h"

namespace anadesk::cli {

QList<Command> almCommands()
{
    return {};
}

} // namespace anadesk::cli
