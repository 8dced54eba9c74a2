#pragma once
// What the `tr` and `alm` commands share: the clients on --model, objects of the model by id or
// name (modules, lists, views, line items, dimensions, revisions), numeric options, and the
// printing of a write's summed result.
#include "../../BulkApi.h" // Connection.h before the client facades (see there)
#include "../../Command.h"
#include "../../Session.h"
#include "AlmClient.h"
#include "TransactionalClient.h"
#include "api/NameResolver.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace anadesk::cli {

// The clients on --model (resolved by id or name first).
ApiError transactionalClient(CommandContext &c, TransactionalClient *out);
ApiError almClient(CommandContext &c, AlmClient *out);

// Transactional ids are decimal numbers (102000000000, 20000000020): a value made of digits only is
// taken as an id without a request; anything else is a name looked up in a listing.
bool looksLikeNumericId(const QString &text);

enum class TxKind
{
    Module,
    List,
    View,
    LineItem,
    Dimension // a list, or one of the built-in dimensions Time, Versions, Users
};

// An object of the model by id or name (exact id, exact name, name ignoring case; ambiguous → exit 2
// with the candidates; unknown → exit 5 with similar names and the command that lists them).
ApiError resolveTx(CommandContext &c, const TransactionalClient &client, TxKind kind, const QString &idOrName,
                   NamedObject *out);

// The same among objects a command already has (a view's axes, a line item's dimensions…).
// `listing` names the command that shows them, for the hint.
ApiError resolveAmong(const QList<NamedObject> &objects, const QString &idOrName, const QString &noun,
                      const QString &object, const QString &listing, NamedObject *out);

// A whole-number option within [min, max]; *given false (and *out untouched) when not set.
ApiError intOption(const CommandContext &c, const QString &name, qint64 min, qint64 max, qint64 *out,
                   bool *given = nullptr);

// --sort FIELD and --descending as a ListQuery (each listing checks its own fields).
ApiError sortQuery(const CommandContext &c, const QStringList &fields, ListQuery *out);
QList<OptionSpec> sortOptions(const QStringList &fields);

// An option that names the local file to read a request body from.
OptionSpec fromOption(const QString &help);

// Confirmation flag for changes that may delete data (time settings).
OptionSpec yesOption(const QString &help);

inline QString modelApiTr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ModelApiCommands", text);
}

} // namespace anadesk::cli
