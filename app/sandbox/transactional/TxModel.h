#pragma once
// What the transactional API knows about a model beyond the tenant's lists and Sales module
// (tenant/ModelData): the modules with their dimensions and full line-item metadata, saved views,
// the model calendar and current period, list metadata (production data, property formats, next index)
// and the cells of the modules the tenant does not hold. A plain value type, saved as JSON.
//
// Module 102000000000 (Sales) is "tenant-backed": its line items and cells live in the tenant's
// ModelData, so bulk imports/exports and the transactional API see the same data.
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace sandbox::tx {

inline const QString kLineItemsDimension = QStringLiteral("20000000000"); // pseudo-dimension of views
inline const QString kTimeDimension = QStringLiteral("20000000003");
inline const QString kVersionsDimension = QStringLiteral("20000000020"); // also a tenant list
inline const QString kUsersDimension = QStringLiteral("101999999999");
inline const QString kTenantModule = QStringLiteral("102000000000");
inline constexpr qint64 kTimeItemBase = 587'000'000'000; // month m (0..11) of the fiscal year: base + m

struct TxLineItem
{
    QString id; // 206…
    QString name;
    QString format = QStringLiteral("NUMBER"); // NUMBER, TEXT, BOOLEAN, DATE, LIST, TIME PERIOD, NONE
    QString listId;                            // LIST format: the list whose items are the values
    QString formula;                           // empty: an input line item; otherwise read-only
    QString units;                             // NUMBER: "", CURRENCY or PERCENTAGE
    int decimalPlaces = 0;
    QString summary = QStringLiteral("Sum");
    QString notes;
    QString code;
    bool startOfSection = false;

    QJsonObject toJson() const;
    static TxLineItem fromJson(const QJsonObject &o);
};

struct TxModule
{
    QString id; // 102…
    QString name;
    QString code;
    QStringList dimensions;      // list ids, kTimeDimension, kVersionsDimension, in order
    QList<TxLineItem> lineItems; // empty for the tenant-backed module (its line items are the tenant's)
    // Default view layout, by dimension id (kLineItemsDimension for line items).
    QStringList rows, columns, pages;
    // Stored values: cellKey(lineItemId, item ids in `dimensions` order) -> text. Cells never written
    // are computed (TxCells.cpp), so large modules cost no memory.
    QHash<QString, QString> cells;

    bool tenantBacked() const { return id == kTenantModule; }
    const TxLineItem *lineItem(const QString &idOrName) const;
    static QString cellKey(const QString &lineItemId, const QStringList &itemIds);

    QJsonObject toJson(bool withCells) const;
    static TxModule fromJson(const QJsonObject &o);
};

struct TxView
{
    QString id;   // 635… (saved views)
    QString name; // "<module name>.<view name>"
    QString code;
    QString moduleId;
    QStringList rows, columns, pages;
    QHash<QString, QStringList> filters; // dimension id -> the item ids the view shows (absent: all)

    QJsonObject toJson() const;
    static TxView fromJson(const QJsonObject &o);
};

struct TxListMeta
{
    bool productionData = false;
    bool numbered = false;
    QHash<QString, QString> propertyFormats; // property name -> NUMBER, TEXT, BOOLEAN, DATE (default TEXT)
    qint64 nextIndex = 1;                    // Anaplan's list index counter (resetIndex sets it to 1)
};

struct TxCalendar
{
    int fiscalYear = 2024; // calendar months; the fiscal year runs January to December
    QDate currentPeriod;   // last day of the current month period; null: blank

    QDate start() const { return QDate(fiscalYear, 1, 1); }
    QDate end() const { return QDate(fiscalYear, 12, 31); }
    QString yearText() const { return QStringLiteral("FY%1").arg(fiscalYear % 100, 2, 10, QLatin1Char('0')); }
    QString monthName(int month) const; // month 0..11 -> "Jan 24"
};

struct TxModel
{
    QList<TxModule> modules;
    QList<TxView> views; // saved views (default views are the modules themselves)
    QHash<QString, TxListMeta> lists;
    TxCalendar calendar;
    qint64 nextLineItemId = 206'000'001'000;

    TxModule *module(const QString &id);
    const TxModule *module(const QString &id) const;
    const TxView *view(const QString &id) const;
    TxListMeta listMeta(const QString &listId) const { return lists.value(listId); }

    QJsonObject toJson() const;
    static TxModel fromJson(const QJsonObject &o);
};

// The seeded transactional model. The demo model (…3A10, the ALM "DEV" model) is one revision ahead of
// the others: it also has the Channels list, module REV02 Channel Mix and line items Channel and
// Discount % in REV01 (plus one change not yet in any revision).
TxModel seededTxModel(const QString &modelId);
bool isDemoModel(const QString &modelId);

} // namespace sandbox::tx
