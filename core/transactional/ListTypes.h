#pragma once
// Lists of the Transactional API: a list's metadata, its items, and the summed outcome of item
// writes (insert, update, delete) — which Anaplan reports per request and this client sums over
// the batches it had to split the input into.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace anadesk {

struct ListProperty
{
    QString name;
    QString format;
    QString formula;
    QString notes;
    QString referencedBy;
    static ListProperty fromJson(const QJsonObject &object);
};

// GET …/lists/{listId} → metadata. Entries Anaplan leaves out (no parent, no top level item…) stay empty.
struct ListMetadata
{
    QString id;
    QString name;
    bool hasSelectiveAccess = false;
    QList<ListProperty> properties;
    bool productionData = false;
    QString managedBy;
    bool numberedList = false;
    bool useTopLevelAsPageDefault = false;
    qint64 itemCount = 0;
    std::optional<qint64> nextItemIndex; // numbered lists; sent as nextItemIndex or nextitemIndex
    bool workflowEnabled = false;
    std::optional<qint64> permittedItems;
    QString usedInAppliesTo;
    QString category;
    QString parentId; // parent.id of a list in a hierarchy
    QString parentName;
    QString topLevelItemId;
    QString topLevelItemName;
    QList<QJsonObject> subsets; // {id, name}
    static ListMetadata fromJson(const QJsonObject &object);
};

// One item of GET …/lists/{listId}/items (properties and subsets only with includeAll=true).
struct ListItem
{
    QString id;
    QString name;
    std::optional<QString> code;
    std::optional<QString> parent; // the parent's name
    std::optional<QString> parentId;
    QString listId; // the parent hierarchy list, when the list has one
    QString listName;
    QMap<QString, QString> properties; // name → value (values as strings, numbers rendered)
    QMap<QString, bool> subsets;
    static ListItem fromJson(const QJsonObject &object);
};

// One rejected entry of a write. requestIndex is the index in the CALLER's whole input (the batch
// offset is added back), not in the batch the server saw.
struct ItemFailure
{
    qint64 requestIndex = -1;
    QString failureType; // "INCORRECT_FORMAT", "INCOMPLETE_DATA"…
    QString failureMessageDetails;
    static ItemFailure fromJson(const QJsonObject &object, qint64 indexOffset = 0);
};

// The summed answers of POST …/items?action=add|delete and PUT …/items.
struct ListWriteResult
{
    qint64 added = 0;   // insert
    qint64 updated = 0; // update
    qint64 deleted = 0; // delete
    qint64 ignored = 0;
    qint64 total = 0;
    QList<ItemFailure> failures;

    // Adds one request's answer; its failures' indexes are shifted by indexOffset.
    void add(const QJsonObject &answer, qint64 indexOffset);
};

} // namespace anadesk
