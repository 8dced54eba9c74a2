#pragma once
// The entries of the `tr` and `alm` groups, one function per file (sub-area). transactionalCommands()
// and almCommands() (Command.h) put them together in help order.
#include "../../Command.h"

namespace anadesk::cli {

QList<Command> trModelCommands();     // TrModelCommands.cpp: model, status, open, close
QList<Command> trStructureCommands(); // TrStructureCommands.cpp: modules, line-items, views, view
QList<Command> trViewDataCommands();  // TrViewDataCommand.cpp: view-data
QList<Command> trListCommands();      // TrListCommands.cpp: lists, list, list-items, reset-index
QList<Command> trListWriteCommands(); // TrListWriteCommands.cpp: insert-items, update-items, delete-items
QList<Command> trCellCommands();      // TrCellCommands.cpp: write-cells
QList<Command> trTimeCommands();      // TrTimeCommands.cpp: current-period, calendar, setters
QList<Command> trDimensionCommands(); // TrDimensionCommands.cpp: dimension items, lookup, …

QList<Command> almModelCommands(); // AlmRevisionCommands.cpp: online, offline, revisions…
QList<Command> almTaskCommands();  // AlmTaskCommands.cpp: sync, compare, summary and their tasks

} // namespace anadesk::cli
