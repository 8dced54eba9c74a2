#include "ActionKind.h"

using namespace Qt::StringLiterals;

namespace anadesk {

ActionKind actionKindFromId(const QString &id)
{
    if (id.size() != 12)
        return ActionKind::Invalid;
    for (const QChar c : id) {
        if (c < u'0' || c > u'9')
            return ActionKind::Invalid;
    }
    if (id.startsWith("112"_L1))
        return ActionKind::Import;
    if (id.startsWith("116"_L1))
        return ActionKind::Export;
    if (id.startsWith("117"_L1))
        return ActionKind::Action;
    if (id.startsWith("118"_L1))
        return ActionKind::Process;
    return ActionKind::Invalid;
}

QString actionKindSegment(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Import:
        return u"imports"_s;
    case ActionKind::Export:
        return u"exports"_s;
    case ActionKind::Action:
        return u"actions"_s;
    case ActionKind::Process:
        return u"processes"_s;
    case ActionKind::Invalid:
        break;
    }
    return QString();
}

QString actionKindNoun(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Import:
        return u"import"_s;
    case ActionKind::Export:
        return u"export"_s;
    case ActionKind::Action:
        return u"action"_s;
    case ActionKind::Process:
        return u"process"_s;
    case ActionKind::Invalid:
        break;
    }
    return u"object"_s;
}

} // namespace anadesk
