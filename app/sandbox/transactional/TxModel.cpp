#include "TxModel.h"

#include <QJsonArray>

namespace sandbox::tx {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QJsonObject TxLineItem::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("format"), format},
            {QStringLiteral("listId"), listId},
            {QStringLiteral("formula"), formula},
            {QStringLiteral("units"), units},
            {QStringLiteral("decimalPlaces"), decimalPlaces},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("notes"), notes},
            {QStringLiteral("code"), code},
            {QStringLiteral("startOfSection"), startOfSection}};
}

TxLineItem TxLineItem::fromJson(const QJsonObject &o)
{
    TxLineItem li;
    li.id = text(o, "id");
    li.name = text(o, "name");
    li.format = text(o, "format");
    li.listId = text(o, "listId");
    li.formula = text(o, "formula");
    li.units = text(o, "units");
    li.decimalPlaces = o.value(QStringLiteral("decimalPlaces")).toInt();
    li.summary = text(o, "summary");
    li.notes = text(o, "notes");
    li.code = text(o, "code");
    li.startOfSection = o.value(QStringLiteral("startOfSection")).toBool();
    return li;
}

const TxLineItem *TxModule::lineItem(const QString &idOrName) const
{
    for (const TxLineItem &li : lineItems)
        if (li.id == idOrName)
            return &li;
    for (const TxLineItem &li : lineItems)
        if (li.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &li;
    return nullptr;
}

QString TxModule::cellKey(const QString &lineItemId, const QStringList &itemIds)
{
    return lineItemId + QChar(0x1f) + itemIds.join(QChar(0x1f));
}

QJsonObject TxModule::toJson(bool withCells) const
{
    QJsonArray items;
    for (const TxLineItem &li : lineItems)
        items.append(li.toJson());
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("dimensions"), strings(dimensions)},
                  {QStringLiteral("lineItems"), items},
                  {QStringLiteral("rows"), strings(rows)},
                  {QStringLiteral("columns"), strings(columns)},
                  {QStringLiteral("pages"), strings(pages)}};
    if (withCells) {
        QJsonObject c;
        for (auto it = cells.cbegin(); it != cells.cend(); ++it)
            c.insert(it.key(), it.value());
        o.insert(QStringLiteral("cells"), c);
    }
    return o;
}

TxModule TxModule::fromJson(const QJsonObject &o)
{
    TxModule m;
    m.id = text(o, "id");
    m.name = text(o, "name");
    m.code = text(o, "code");
    m.dimensions = stringList(o.value(QStringLiteral("dimensions")));
    const QJsonArray items = o.value(QStringLiteral("lineItems")).toArray();
    for (const QJsonValue &v : items)
        m.lineItems.append(TxLineItem::fromJson(v.toObject()));
    m.rows = stringList(o.value(QStringLiteral("rows")));
    m.columns = stringList(o.value(QStringLiteral("columns")));
    m.pages = stringList(o.value(QStringLiteral("pages")));
    const QJsonObject c = o.value(QStringLiteral("cells")).toObject();
    for (auto it = c.begin(); it != c.end(); ++it)
        m.cells.insert(it.key(), it.value().toString());
    return m;
}

QJsonObject TxView::toJson() const
{
    QJsonObject f;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it)
        f.insert(it.key(), strings(it.value()));
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("code"), code},
            {QStringLiteral("moduleId"), moduleId},
            {QStringLiteral("rows"), strings(rows)},
            {QStringLiteral("columns"), strings(columns)},
            {QStringLiteral("pages"), strings(pages)},
            {QStringLiteral("filters"), f}};
}

TxView TxView::fromJson(const QJsonObject &o)
{
    TxView v;
    v.id = text(o, "id");
    v.name = text(o, "name");
    v.code = text(o, "code");
    v.moduleId = text(o, "moduleId");
    v.rows = stringList(o.value(QStringLiteral("rows")));
    v.columns = stringList(o.value(QStringLiteral("columns")));
    v.pages = stringList(o.value(QStringLiteral("pages")));
    const QJsonObject f = o.value(QStringLiteral("filters")).toObject();
    for (auto it = f.begin(); it != f.end(); ++it)
        v.filters.insert(it.key(), stringList(it.value()));
    return v;
}

QString TxCalendar::monthName(int month) const
{
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QStringLiteral("%1 %2")
        .arg(QLatin1String(names[month % 12]))
        .arg(fiscalYear % 100, 2, 10, QLatin1Char('0'));
}

TxModule *TxModel::module(const QString &id)
{
    for (TxModule &m : modules)
        if (m.id == id)
            return &m;
    return nullptr;
}

const TxModule *TxModel::module(const QString &id) const
{
    for (const TxModule &m : modules)
        if (m.id == id)
            return &m;
    return nullptr;
}

const TxView *TxModel::view(const QString &id) const
{
    for (const TxView &v : views)
        if (v.id == id)
            return &v;
    return nullptr;
}

QJsonObject TxModel::toJson() const
{
    QJsonArray m;
    for (const TxModule &module : modules)
        m.append(module.toJson(true));
    QJsonArray v;
    for (const TxView &view : views)
        v.append(view.toJson());
    QJsonObject l;
    for (auto it = lists.cbegin(); it != lists.cend(); ++it) {
        QJsonObject formats;
        for (auto f = it->propertyFormats.cbegin(); f != it->propertyFormats.cend(); ++f)
            formats.insert(f.key(), f.value());
        l.insert(it.key(), QJsonObject{{QStringLiteral("productionData"), it->productionData},
                                       {QStringLiteral("numbered"), it->numbered},
                                       {QStringLiteral("propertyFormats"), formats},
                                       {QStringLiteral("nextIndex"), QString::number(it->nextIndex)}});
    }
    return {{QStringLiteral("modules"), m},
            {QStringLiteral("views"), v},
            {QStringLiteral("lists"), l},
            {QStringLiteral("fiscalYear"), calendar.fiscalYear},
            {QStringLiteral("currentPeriod"), calendar.currentPeriod.toString(Qt::ISODate)},
            {QStringLiteral("nextLineItemId"), QString::number(nextLineItemId)}};
}

TxModel TxModel::fromJson(const QJsonObject &o)
{
    TxModel model;
    const QJsonArray m = o.value(QStringLiteral("modules")).toArray();
    for (const QJsonValue &v : m)
        model.modules.append(TxModule::fromJson(v.toObject()));
    const QJsonArray v = o.value(QStringLiteral("views")).toArray();
    for (const QJsonValue &view : v)
        model.views.append(TxView::fromJson(view.toObject()));
    const QJsonObject l = o.value(QStringLiteral("lists")).toObject();
    for (auto it = l.begin(); it != l.end(); ++it) {
        const QJsonObject lo = it.value().toObject();
        TxListMeta meta;
        meta.productionData = lo.value(QStringLiteral("productionData")).toBool();
        meta.numbered = lo.value(QStringLiteral("numbered")).toBool();
        const QJsonObject formats = lo.value(QStringLiteral("propertyFormats")).toObject();
        for (auto f = formats.begin(); f != formats.end(); ++f)
            meta.propertyFormats.insert(f.key(), f.value().toString());
        meta.nextIndex = lo.value(QStringLiteral("nextIndex")).toString().toLongLong();
        model.lists.insert(it.key(), meta);
    }
    model.calendar.fiscalYear = o.value(QStringLiteral("fiscalYear")).toInt(2024);
    model.calendar.currentPeriod = QDate::fromString(text(o, "currentPeriod"), Qt::ISODate);
    model.nextLineItemId = text(o, "nextLineItemId").toLongLong();
    if (model.nextLineItemId == 0)
        model.nextLineItemId = 206'000'001'000;
    return model;
}

// ---------------------------------------------------------------------------------------------
// Seed

namespace {

TxLineItem number(const char *id, const char *name, const QString &units = {}, int decimals = 0,
                  const char *formula = "")
{
    TxLineItem li;
    li.id = QString::fromLatin1(id);
    li.name = QString::fromLatin1(name);
    li.units = units;
    li.decimalPlaces = decimals;
    li.formula = QString::fromLatin1(formula);
    return li;
}

TxLineItem other(const char *id, const char *name, const char *format, const QString &listId = {})
{
    TxLineItem li;
    li.id = QString::fromLatin1(id);
    li.name = QString::fromLatin1(name);
    li.format = QString::fromLatin1(format);
    li.listId = listId;
    li.summary = QStringLiteral("None");
    return li;
}

} // namespace

bool isDemoModel(const QString &modelId)
{
    return modelId == QLatin1String("75A40874E6B64FA3AE0743278B9E3A10");
}

TxModel seededTxModel(const QString &modelId)
{
    const bool dev = isDemoModel(modelId);
    const QString regions = QStringLiteral("101000000000");
    const QString products = QStringLiteral("101000000002");
    const QString channels = QStringLiteral("101000000003");
    const QString stores = QStringLiteral("101000000004");
    const QString skus = QStringLiteral("101000000005");
    TxModel model;

    // The tenant's Sales module: Products x Regions, line items from the tenant (Units, Price, Notes).
    TxModule sales;
    sales.id = kTenantModule;
    sales.name = QStringLiteral("Sales");
    sales.code = QStringLiteral("SALES");
    sales.dimensions = {products, regions};
    sales.rows = {products};
    sales.columns = {kLineItemsDimension};
    sales.pages = {regions};

    // A planning module with every line-item format, by Products x Regions x Time x Versions.
    TxModule rev01;
    rev01.id = QStringLiteral("102000000001");
    rev01.name = QStringLiteral("REV01 Revenue Plan");
    rev01.code = QStringLiteral("REV01");
    rev01.dimensions = {products, regions, kTimeDimension, kVersionsDimension};
    rev01.rows = {products};
    rev01.columns = {kTimeDimension};
    rev01.pages = {regions, kVersionsDimension, kLineItemsDimension};
    TxLineItem volume = number("206000000010", "Volume");
    volume.startOfSection = true;
    TxLineItem price = number("206000000011", "Price", QStringLiteral("CURRENCY"), 2);
    TxLineItem revenue = number("206000000012", "Revenue", QStringLiteral("CURRENCY"), 2, "Volume * Price");
    revenue.notes = QStringLiteral("Calculated: Volume times Price.");
    TxLineItem approved = other("206000000013", "Approved", "BOOLEAN");
    TxLineItem launch = other("206000000014", "Launch Date", "DATE");
    TxLineItem period = other("206000000015", "Review Period", "TIME PERIOD");
    TxLineItem commentary = other("206000000016", "Commentary", "TEXT");
    rev01.lineItems = {volume, price, revenue, approved, launch, period, commentary};
    if (dev) {
        rev01.lineItems.insert(3, other("206000000017", "Channel", "LIST", channels));
        rev01.lineItems.insert(4, number("206000000018", "Discount %", QStringLiteral("PERCENTAGE"), 1));
    }

    // The big one: 2,000 stores x 50 SKUs x 12 months = 1,200,000 cells, computed on the fly.
    TxModule dat01;
    dat01.id = QStringLiteral("102000000002");
    dat01.name = QStringLiteral("DAT01 Store Sales");
    dat01.code = QStringLiteral("DAT01");
    dat01.dimensions = {stores, skus, kTimeDimension};
    dat01.rows = {stores};
    dat01.columns = {skus, kTimeDimension};
    dat01.pages = {kLineItemsDimension};
    dat01.lineItems = {number("206000000020", "Units")};

    model.modules = {sales, rev01, dat01};
    if (dev) {
        TxModule rev02;
        rev02.id = QStringLiteral("102000000003");
        rev02.name = QStringLiteral("REV02 Channel Mix");
        rev02.code = QStringLiteral("REV02");
        rev02.dimensions = {channels, kTimeDimension};
        rev02.rows = {channels};
        rev02.columns = {kTimeDimension};
        rev02.pages = {kLineItemsDimension};
        rev02.lineItems = {number("206000000030", "Share", QStringLiteral("PERCENTAGE"), 1),
                           other("206000000031", "Channel Owner", "TEXT"),
                           // Added after the latest revision: lets a client create the next revision.
                           other("206000000032", "Forecast Notes", "TEXT")};
        model.modules.append(rev02);
    }

    TxView byRegion;
    byRegion.id = QStringLiteral("635000000000");
    byRegion.name = QStringLiteral("REV01 Revenue Plan.Revenue by Region");
    byRegion.code = QStringLiteral("REV01_BY_REGION");
    byRegion.moduleId = rev01.id;
    byRegion.rows = {regions};
    byRegion.columns = {kTimeDimension};
    byRegion.pages = {kVersionsDimension, products, kLineItemsDimension};
    byRegion.filters.insert(kLineItemsDimension, {revenue.id});

    TxView janOct;
    janOct.id = QStringLiteral("635000000001");
    janOct.name = QStringLiteral("DAT01 Store Sales.Jan-Oct");
    janOct.code = QStringLiteral("DAT01_JAN_OCT");
    janOct.moduleId = dat01.id;
    janOct.rows = dat01.rows;
    janOct.columns = dat01.columns;
    janOct.pages = dat01.pages;
    QStringList months;
    for (int m = 0; m < 10; ++m)
        months.append(QString::number(kTimeItemBase + m));
    janOct.filters.insert(kTimeDimension, months); // 2,000 x 50 x 10 = exactly 1,000,000 cells

    TxView bySku;
    bySku.id = QStringLiteral("635000000002");
    bySku.name = QStringLiteral("DAT01 Store Sales.Stores by Month");
    bySku.code = QStringLiteral("DAT01_BY_MONTH");
    bySku.moduleId = dat01.id;
    bySku.rows = {stores};
    bySku.columns = {kTimeDimension};
    bySku.pages = {skus, kLineItemsDimension}; // 2,000 x 12 = 24,000 cells per page
    model.views = {byRegion, janOct, bySku};

    TxListMeta customers;
    customers.productionData = true;
    customers.propertyFormats.insert(QStringLiteral("Credit Limit"), QStringLiteral("NUMBER"));
    model.lists.insert(QStringLiteral("101000000006"), customers);
    TxListMeta storesMeta;
    storesMeta.productionData = true;
    storesMeta.propertyFormats.insert(QStringLiteral("Opened"), QStringLiteral("DATE"));
    storesMeta.nextIndex = 2001;
    model.lists.insert(stores, storesMeta);
    TxListMeta users; // never synced by ALM: users are production data
    users.productionData = true;
    model.lists.insert(kUsersDimension, users);
    TxListMeta versions;
    versions.propertyFormats.insert(QStringLiteral("Current"), QStringLiteral("BOOLEAN"));
    versions.nextIndex = 4;
    model.lists.insert(kVersionsDimension, versions);

    // Fiscal year and current period follow today's date, so "set the current period to today" works.
    const QDate today = QDate::currentDate();
    model.calendar.fiscalYear = today.year();
    model.calendar.currentPeriod = QDate(today.year(), today.month(), today.daysInMonth());
    return model;
}

} // namespace sandbox::tx
