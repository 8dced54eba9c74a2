#pragma once
// Per kind of model object: the table's columns and how a listed value type becomes an ObjectRow. Plain
// conversions of already parsed values (the parsing happened in the core job).
#include "ObjectTableModel.h"
#include "types/Action.h"
#include "types/Export.h"
#include "types/File.h"
#include "types/Import.h"
#include "types/Process.h"

namespace anadesk {

QList<ObjectColumn> objectColumns(ObjectKind kind);
// The tab title ("Files", "Imports"…).
QString objectKindTitle(ObjectKind kind);
// The plural noun inside a sentence ("files", "imports"…): its own translation, because lower-casing the
// title breaks languages that capitalise nouns (German "dateien").
QString objectKindPlural(ObjectKind kind);

ObjectRow objectRow(const File &file);
ObjectRow objectRow(const Import &import);
ObjectRow objectRow(const Export &exportDefinition);
ObjectRow objectRow(const Process &process);
ObjectRow objectRow(const Action &action);

template <typename T> QList<ObjectRow> objectRows(const QList<T> &items)
{
    QList<ObjectRow> rows;
    rows.reserve(items.size());
    for (const T &item : items)
        rows.append(objectRow(item));
    return rows;
}

} // namespace anadesk
