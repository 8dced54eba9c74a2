#pragma once
// The small objects of the Transactional API (anaplan-api.md §8.1): modules, lists, views, a view's
// axes, dimensions and their items. Ids are kept exactly as sent (strings; numbers rendered without
// exponent); every other field is optional and defaulted (fromJson never fails).
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace anadesk {

struct Module
{
    QString id; // 102…
    QString name;
    QString code;
    static Module fromJson(const QJsonObject &object);
};

// A list of the model (GET …/lists). Named ModelList to keep clear of QList.
struct ModelList
{
    QString id; // 101…
    QString name;
    QString code;
    static ModelList fromJson(const QJsonObject &object);
};

struct View
{
    QString id; // the module's id for its default view
    QString name;
    QString moduleId;
    QString code;
    static View fromJson(const QJsonObject &object);
};

// A dimension, or an item of one: id and name, with the code when the server sent one.
struct Dimension
{
    QString id;
    QString name;
    std::optional<QString> code; // absent when the item has no code
    static Dimension fromJson(const QJsonObject &object);
};

// GET …/views/{viewId}: the dimensions on each axis (an axis without dimensions is omitted by Anaplan
// and comes back empty here).
struct ViewInfo
{
    QString viewId;
    QString viewName;
    QList<Dimension> rows;
    QList<Dimension> columns;
    QList<Dimension> pages;
    static ViewInfo fromJson(const QJsonObject &object);
};

} // namespace anadesk
