#pragma once
// Which collection an invokable belongs to, derived from its id's prefix (anaplan-api.md §2):
// 112… imports, 116… exports, 117… other actions, 118… processes. Anything else is rejected
// locally, before any request is sent.
#include <QString>

namespace anadesk {

enum class ActionKind { Invalid, Import, Export, Action, Process };

// Requires a 12-digit id with a known prefix; otherwise Invalid.
ActionKind actionKindFromId(const QString &id);
// The URL segment: "imports", "exports", "actions", "processes"; "" for Invalid.
QString actionKindSegment(ActionKind kind);
// A lower-case word for messages: "import", "export", "action", "process".
QString actionKindNoun(ActionKind kind);

} // namespace anadesk
