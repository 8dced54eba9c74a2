// The `alm` command group (ALM API, anaplan-api.md §9): entries from one file per sub-area.
#include "ModelApiCommands.h"

namespace anadesk::cli {

QList<Command> almCommands()
{
    return almModelCommands() + almTaskCommands();
}

} // namespace anadesk::cli
