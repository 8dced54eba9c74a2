// The `tr` command group (Transactional API, anaplan-api.md §8): entries from one file per sub-area.
#include "ModelApiCommands.h"

namespace anadesk::cli {

QList<Command> transactionalCommands()
{
    return trModelCommands() + trStructureCommands() + trViewDataCommands() + trListCommands() +
           trListWriteCommands() + trCellCommands() + trTimeCommands() + trDimensionCommands();
}

} // namespace anadesk::cli
