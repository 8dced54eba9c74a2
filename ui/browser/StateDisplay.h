#pragma once
// How model states are shown: a translated word, a sentence for tooltips, and an icon for the states that
// restrict what can be done (archived, locked). The icon only repeats what the text says, so nothing is
// conveyed by colour alone.
#include "types/Model.h"

#include <QIcon>
#include <QList>
#include <QString>

namespace anadesk {

QString modelStateText(ModelState state, const QString &raw);
// What the state means for the user ("Locked: data can be read, but imports, uploads and … are refused").
QString modelStateExplanation(ModelState state);
// True for states that refuse some operations (archived, locked).
bool isRestrictedState(ModelState state);
// A small painted icon for archived and locked models; a null icon for the others. Paints each call:
// callers keep the icons they show (see WorkspaceTreeModel).
QIcon modelStateIcon(ModelState state);
// Every known state in display order (for the state filter).
QList<ModelState> knownModelStates();

} // namespace anadesk
