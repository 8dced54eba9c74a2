#include "NameResolver.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::NameResolver", text);
}

QString describe(const NamedObject &object)
{
    const QString kind = object.kind.isEmpty() ? QString() : object.kind + u' ';
    return kind + u'\'' + object.name + u"' ("_s + object.id + u')';
}

QString describeAll(const QList<NamedObject> &objects, int max)
{
    QStringList parts;
    for (int i = 0; i < objects.size() && i < max; ++i)
        parts.append(describe(objects.at(i)));
    if (objects.size() > max)
        parts.append(tr("and %1 more").arg(objects.size() - max));
    return parts.join(u", "_s);
}
} // namespace

Resolution resolveByIdOrName(const QList<NamedObject> &objects, const QString &idOrName, const QString &kindNoun)
{
    Resolution resolution;
    const QString wanted = idOrName.trimmed();
    if (wanted.isEmpty()) {
        resolution.error.category = ErrorCategory::BadInput;
        resolution.error.message = tr("No %1 id or name given").arg(kindNoun);
        return resolution;
    }
    QList<NamedObject> byId;
    QList<NamedObject> byName;
    QList<NamedObject> byNameFolded;
    QList<NamedObject> similar;
    for (const NamedObject &object : objects) {
        if (object.id == wanted)
            byId.append(object);
        if (object.name == wanted)
            byName.append(object);
        else if (object.name.compare(wanted, Qt::CaseInsensitive) == 0)
            byNameFolded.append(object);
        else if (object.name.contains(wanted, Qt::CaseInsensitive))
            similar.append(object);
    }
    for (const QList<NamedObject> *rank : {&byId, &byName, &byNameFolded}) {
        if (rank->size() == 1) {
            resolution.object = rank->first();
            return resolution;
        }
        if (rank->size() > 1) {
            resolution.error.category = ErrorCategory::BadInput;
            resolution.error.message = tr("The name '%1' matches %2 %3s").arg(wanted).arg(rank->size()).arg(kindNoun);
            resolution.error.serverMessage = describeAll(*rank, 10);
            resolution.error.hint = tr("Use the id instead of the name.");
            return resolution;
        }
    }
    resolution.error.category = ErrorCategory::NotFound;
    resolution.error.message = tr("No %1 has the id or name '%2'").arg(kindNoun, wanted);
    if (!similar.isEmpty())
        resolution.error.hint = tr("Did you mean: %1?").arg(describeAll(similar, 5));
    else
        resolution.error.hint = tr("List the %1s to see the ids and names you can use.").arg(kindNoun);
    return resolution;
}

} // namespace anadesk
