#pragma once
// The data of one sandbox model: lists (with items, codes, parents and extra properties) and modules
// (dimensioned by two lists, with line items and cells). Small on purpose: enough for imports to
// really import and exports to really export, so uploads round-trip through the model.
// A value type (implicitly shared Qt containers): copy it, change the copy, swap it back.
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sandbox {

struct ListItem
{
    QString name;
    QString code;
    QString parent;                      // name of an item of the parent list, or empty
    QMap<QString, QString> properties;   // extra columns (Users: First Name, Last Name, Role; Versions: Current)
    qint64 id = 0; // Anaplan's numeric item id (330…), unique in the model; 0 until ModelData::ensureItemIds()
};

struct ListData
{
    QString id;   // 101…, 101999999999 for Users, 20000000020 for Versions
    QString name;
    QString parentListId; // items' parents live there (empty: flat list)
    QStringList propertyNames;
    QList<ListItem> items;

    int indexOf(const QString &itemName) const; // case-sensitive like Anaplan names; -1 if absent
    int indexOfCode(const QString &code) const;
};

struct LineItem
{
    QString id; // 206…
    QString name;
    QString format; // NUMBER, TEXT, BOOLEAN, DATE
};

struct ModuleData
{
    QString id; // 102…
    QString name;
    QString rowListId;    // first dimension
    QString columnListId; // second dimension
    QList<LineItem> lineItems;
    QHash<QString, QString> cells; // cellKey(row, column, lineItem) -> value as text

    static QString cellKey(const QString &row, const QString &column, const QString &lineItem);
    int lineItemIndex(const QString &name) const; // case-insensitive; -1 if absent
};

class ModelData
{
public:
    QList<ListData> lists;
    QList<ModuleData> modules;
    qint64 nextLineItemId = 206'000'000'100;
    qint64 nextItemId = 330'000'000'000; // list item ids are handed out from here, in list order

    // Gives every list item without an id (seeded, imported) the next free id; true if any was given.
    // The transactional API addresses items by these ids, so they are kept (and saved) once given.
    bool ensureItemIds();

    ListData *list(const QString &id);
    const ListData *list(const QString &id) const;
    ModuleData *module(const QString &id);
    const ModuleData *module(const QString &id) const;

    // Removes an item and every cell that refers to it (and clears it as a parent elsewhere).
    void removeListItem(const QString &listId, const QString &itemName);

    QJsonObject toJson() const;
    static ModelData fromJson(const QJsonObject &object);
};

// Numbers are stored normalised ("12.50" -> "12.5") so exports are stable; false if not a number.
bool normaliseNumber(const QString &text, QString *normalised);
// TRUE/FALSE (case-insensitive, also 1/0 and yes/no); false if not a boolean.
bool normaliseBoolean(const QString &text, QString *normalised);

} // namespace sandbox
