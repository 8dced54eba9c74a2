#include "Catalog.h"

#include <cmath>

namespace sandbox::tx {

QJsonObject idName(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}};
}

int Dimension::indexOfId(const QString &itemId) const
{
    for (int i = 0; i < items.size(); ++i)
        if (items.at(i).id == itemId)
            return i;
    return -1;
}

int Dimension::find(const QString &itemId, const QString &name, const QString &code) const
{
    if (!itemId.isEmpty())
        return indexOfId(itemId);
    for (int i = 0; i < items.size(); ++i)
        if (!name.isEmpty() && items.at(i).name == name)
            return i;
    for (int i = 0; i < items.size(); ++i)
        if (!code.isEmpty() && items.at(i).code == code)
            return i;
    return -1;
}

Catalog::Catalog(ModelData data, TxModel model)
    : m_data(std::move(data))
    , m_model(std::move(model))
{}

std::optional<Dimension> Catalog::dimension(const QString &id) const
{
    if (id == kTimeDimension) {
        Dimension d{id, QStringLiteral("Time"), {}};
        for (int m = 0; m < 12; ++m)
            d.items.append(
                {QString::number(kTimeItemBase + m),
                 m_model.calendar.monthName(m),
                 QStringLiteral("%1%2").arg(m_model.calendar.fiscalYear).arg(m + 1, 2, 10, QLatin1Char('0')),
                 {}});
        return d;
    }
    const ListData *list = m_data.list(id);
    if (!list)
        return std::nullopt;
    Dimension d{id, list->name, {}};
    d.items.reserve(list->items.size());
    for (const ListItem &item : list->items)
        d.items.append({QString::number(item.id), item.name, item.code, item.parent});
    return d;
}

QString Catalog::dimensionName(const QString &id) const
{
    if (id == kLineItemsDimension)
        return QStringLiteral("Line Items");
    if (id == kTimeDimension)
        return QStringLiteral("Time");
    const ListData *list = m_data.list(id);
    return list ? list->name : id;
}

QList<TxLineItem> Catalog::lineItems(const TxModule &module) const
{
    if (!module.tenantBacked())
        return module.lineItems;
    QList<TxLineItem> out;
    const ModuleData *tenant = m_data.module(module.id);
    if (!tenant)
        return out;
    for (const LineItem &li : tenant->lineItems) {
        TxLineItem t;
        t.id = li.id;
        t.name = li.name;
        t.format = li.format;
        if (li.format != QLatin1String("NUMBER"))
            t.summary = QStringLiteral("None");
        if (li.name == QLatin1String("Price"))
            t.units = QStringLiteral("CURRENCY"), t.decimalPlaces = 2;
        out.append(t);
    }
    return out;
}

const TxModule *Catalog::moduleOfLineItem(const QString &lineItemId) const
{
    for (const TxModule &m : m_model.modules)
        for (const TxLineItem &li : lineItems(m))
            if (li.id == lineItemId)
                return &m;
    return nullptr;
}

std::optional<Dimension> Catalog::axisDimension(const TxModule &module, const QString &dimensionId) const
{
    if (dimensionId == kLineItemsDimension) {
        Dimension d{dimensionId, QStringLiteral("Line Items"), {}};
        for (const TxLineItem &li : lineItems(module))
            d.items.append({li.id, li.name, li.code, {}});
        return d;
    }
    if (!module.dimensions.contains(dimensionId))
        return std::nullopt;
    return dimension(dimensionId);
}

namespace {

QJsonObject formatMetadata(const TxLineItem &li)
{
    if (li.format == QLatin1String("NUMBER")) {
        const bool currency = li.units == QLatin1String("CURRENCY");
        const bool percent = li.units == QLatin1String("PERCENTAGE");
        QJsonObject o{{QStringLiteral("dataType"), QStringLiteral("NUMBER")},
                      {QStringLiteral("comparisonIncrease"), QStringLiteral("GOOD")},
                      {QStringLiteral("decimalPlaces"), li.decimalPlaces},
                      {QStringLiteral("decimalSeparator"), QStringLiteral("FULL_STOP")},
                      {QStringLiteral("groupingSeparator"), QStringLiteral("COMMA")},
                      {QStringLiteral("minimumSignificantDigits"), 0},
                      {QStringLiteral("negativeNumberNotation"), QStringLiteral("MINUS_SIGN")},
                      {QStringLiteral("unitsDisplayType"),
                       currency ? QStringLiteral("CURRENCY_SYMBOL")
                                : (percent ? QStringLiteral("PERCENTAGE_SUFFIX") : QStringLiteral("NONE"))},
                      {QStringLiteral("unitsType"), li.units.isEmpty() ? QStringLiteral("NONE") : li.units},
                      {QStringLiteral("zeroFormat"), QStringLiteral("ZERO")}};
        if (currency)
            o.insert(QStringLiteral("customUnits"), QStringLiteral("USD"));
        return o;
    }
    if (li.format == QLatin1String("LIST"))
        return {{QStringLiteral("dataType"), QStringLiteral("ENTITY")},
                {QStringLiteral("hierarchyEntityLongId"), li.listId.toDouble()},
                {QStringLiteral("selectiveAccessApplied"), false},
                {QStringLiteral("showAll"), true}};
    if (li.format == QLatin1String("TIME PERIOD"))
        return {{QStringLiteral("dataType"), QStringLiteral("TIME_ENTITY")},
                {QStringLiteral("periodType"),
                 QJsonObject{{QStringLiteral("entityId"), QStringLiteral("MONTH")},
                             {QStringLiteral("entityLabel"), QStringLiteral("Month")},
                             {QStringLiteral("entityIndex"), 4}}}};
    if (li.format == QLatin1String("TEXT"))
        return {{QStringLiteral("dataType"), QStringLiteral("TEXT")},
                {QStringLiteral("textType"), QStringLiteral("GENERAL")}};
    return {{QStringLiteral("dataType"), li.format}};
}

} // namespace

QJsonObject Catalog::lineItemJson(const TxModule &module, const TxLineItem &li, bool includeAll) const
{
    QJsonObject o{{QStringLiteral("moduleId"), module.id},
                  {QStringLiteral("moduleName"), module.name},
                  {QStringLiteral("id"), li.id},
                  {QStringLiteral("name"), li.name}};
    if (!li.code.isEmpty())
        o.insert(QStringLiteral("code"), li.code);
    if (!includeAll)
        return o;
    QJsonArray appliesTo;
    qint64 cells = 1;
    bool hasTime = false;
    bool hasVersions = false;
    for (const QString &dim : module.dimensions) {
        if (dim == kTimeDimension)
            hasTime = true;
        else if (dim == kVersionsDimension)
            hasVersions = true;
        else
            appliesTo.append(idName(dim, dimensionName(dim)));
        if (const auto d = dimension(dim))
            cells *= d->items.size();
    }
    QJsonArray referencedBy;
    for (const TxLineItem &other : lineItems(module))
        if (!other.formula.isEmpty() && other.formula.contains(li.name))
            referencedBy.append(idName(other.id, other.name));
    o.insert(QStringLiteral("format"), li.format);
    o.insert(QStringLiteral("formatMetadata"), formatMetadata(li));
    o.insert(QStringLiteral("summary"), li.summary);
    o.insert(QStringLiteral("appliesTo"), appliesTo);
    o.insert(QStringLiteral("dataTags"), QJsonArray());
    o.insert(QStringLiteral("referencedBy"), referencedBy);
    o.insert(QStringLiteral("timeScale"),
             hasTime ? QStringLiteral("Month") : QStringLiteral("Not Applicable"));
    o.insert(QStringLiteral("timeRange"), QStringLiteral("Model Calendar"));
    o.insert(QStringLiteral("version"), hasVersions
                                            ? idName(kVersionsDimension, QStringLiteral("All Versions"))
                                            : idName(kVersionsDimension, QStringLiteral("Not Applicable")));
    o.insert(QStringLiteral("style"), QStringLiteral("Normal"));
    o.insert(QStringLiteral("cellCount"), double(cells));
    o.insert(QStringLiteral("notes"), li.notes);
    o.insert(QStringLiteral("isSummary"), false);
    if (!li.formula.isEmpty())
        o.insert(QStringLiteral("formula"), li.formula);
    o.insert(QStringLiteral("formulaScope"), QStringLiteral("All Versions"));
    o.insert(QStringLiteral("useSwitchover"), false);
    o.insert(QStringLiteral("breakback"), false);
    o.insert(QStringLiteral("broughtForward"), false);
    o.insert(QStringLiteral("startOfSection"), li.startOfSection);
    return o;
}

QJsonObject Catalog::listMetadataJson(const ListData &list) const
{
    const TxListMeta meta = m_model.listMeta(list.id);
    QJsonArray properties;
    for (const QString &name : list.propertyNames)
        properties.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("format"), meta.propertyFormats.value(name, QStringLiteral("TEXT"))},
                        {QStringLiteral("formula"), QString()},
                        {QStringLiteral("notes"), QString()},
                        {QStringLiteral("referencedBy"), QString()},
                        {QStringLiteral("dataTags"), QJsonArray()}});
    QStringList usedIn;
    for (const TxModule &m : m_model.modules)
        if (m.dimensions.contains(list.id))
            usedIn.append(m.name);
    const qint64 next = std::max<qint64>(meta.nextIndex, 1);
    QJsonObject o{{QStringLiteral("id"), list.id},
                  {QStringLiteral("name"), list.name},
                  {QStringLiteral("hasSelectiveAccess"), false},
                  {QStringLiteral("properties"), properties},
                  {QStringLiteral("productionData"), meta.productionData},
                  {QStringLiteral("managedBy"), QString()},
                  {QStringLiteral("numberedList"), meta.numbered},
                  {QStringLiteral("useTopLevelAsPageDefault"), false},
                  {QStringLiteral("itemCount"), int(list.items.size())},
                  // The spec (live) spells it nextitemIndex, the library reads nextItemIndex: both are sent.
                  {QStringLiteral("nextItemIndex"), double(std::max<qint64>(next, list.items.size() + 1))},
                  {QStringLiteral("nextitemIndex"), double(std::max<qint64>(next, list.items.size() + 1))},
                  {QStringLiteral("workflowEnabled"), false},
                  {QStringLiteral("permittedItems"), int(list.items.size())},
                  {QStringLiteral("dataTags"), QJsonArray()},
                  {QStringLiteral("category"), QString()}};
    if (!usedIn.isEmpty())
        o.insert(QStringLiteral("usedInAppliesTo"), usedIn.join(QStringLiteral(", ")));
    if (!list.parentListId.isEmpty())
        o.insert(QStringLiteral("parent"), idName(list.parentListId, dimensionName(list.parentListId)));
    return o;
}

QString Catalog::value(const TxModule &module, const TxLineItem &li,
                       const QList<const DimItem *> &coords) const
{
    if (module.tenantBacked()) {
        const ModuleData *tenant = m_data.module(module.id);
        if (!tenant || coords.size() < 2)
            return {};
        return tenant->cells.value(ModuleData::cellKey(coords.at(0)->name, coords.at(1)->name, li.name));
    }
    if (!li.formula.isEmpty() && li.formula == QLatin1String("Volume * Price")) {
        const TxLineItem *v = module.lineItem(QStringLiteral("Volume"));
        const TxLineItem *p = module.lineItem(QStringLiteral("Price"));
        if (!v || !p)
            return {};
        const double result = value(module, *v, coords).toDouble() * value(module, *p, coords).toDouble();
        return QString::number(std::round(result * 100) / 100, 'g', 15);
    }
    if (!module.cells.isEmpty()) {
        QStringList ids;
        ids.reserve(coords.size());
        for (const DimItem *item : coords)
            ids.append(item->id);
        const auto it = module.cells.constFind(TxModule::cellKey(li.id, ids));
        if (it != module.cells.cend())
            return it.value();
    }
    return generated(module, li, coords);
}

QString Catalog::generated(const TxModule &module, const TxLineItem &li,
                           const QList<const DimItem *> &coords) const
{
    // Deterministic values from the item ids, so a big module costs no memory and reads are stable.
    auto n = [&](int i) { return i < coords.size() ? coords.at(i)->id.toLongLong() % 1000 : 0; };
    if (module.id == QLatin1String("102000000002")) // DAT01: Stores x SKUs x Time
        return QString::number((n(0) * 131 + n(1) * 71 + n(2) * 17) % 90 + 10);
    if (module.id == QLatin1String("102000000001")) { // REV01: Products x Regions x Time x Versions
        if (li.name == QLatin1String("Volume"))
            return QString::number(50 + (n(0) * 37 + n(1) * 11 + n(2) * 5 + n(3) * 3) % 150);
        if (li.name == QLatin1String("Price"))
            return QString::number(49.5 + 25 * (n(0) % 8) + (n(3) % 3) * 2.5, 'g', 15);
        if (li.name == QLatin1String("Approved"))
            return (n(0) + n(2)) % 4 == 0 ? QStringLiteral("true") : QStringLiteral("false");
        if (li.name == QLatin1String("Discount %"))
            return QString::number(2.5 * ((n(0) + n(1)) % 5), 'g', 15);
        return {};
    }
    if (module.id == QLatin1String("102000000003") && li.name == QLatin1String("Share"))
        return QString::number(10 + (n(0) * 7 + n(1) * 3) % 40);
    if (li.format == QLatin1String("NUMBER"))
        return QStringLiteral("0");
    if (li.format == QLatin1String("BOOLEAN"))
        return QStringLiteral("false");
    return {};
}

} // namespace sandbox::tx
