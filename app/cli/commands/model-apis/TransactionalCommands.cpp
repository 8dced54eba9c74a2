// The 'Transactional' command group (filled in by its own change; empty groups are not shown).
#include "../../Command.h"

namespace anadesk::cli {

QList<Command> transactionalCommands()
{
    return {};
}

} // namespace anadesk::cli
