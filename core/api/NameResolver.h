#pragma once
// Finds an object by id or by name among a listing (the CLI and the GUI let people type names).
// Order: exact id; exact name; then case-insensitive name. Several matches of the same rank are
// never guessed: BadInput listing the candidates. No match: NotFound with the closest names.
#include "net/ApiError.h"

#include <QList>
#include <QString>

namespace anadesk {

struct NamedObject
{
    QString id;
    QString name;
    QString kind; // "import", "file"… — for messages (and mixed listings: imports+exports+…)
};

struct Resolution
{
    NamedObject object; // valid when !error.isError()
    ApiError error;
    bool isOk() const { return !error.isError(); }
};

// kindNoun: what was looked for, for messages ("file", "workspace", "action").
Resolution resolveByIdOrName(const QList<NamedObject> &objects, const QString &idOrName, const QString &kindNoun);

} // namespace anadesk
