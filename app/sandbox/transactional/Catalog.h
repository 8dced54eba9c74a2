#pragma once
// A read-only view over one model's data for the transactional routes: every dimension (lists, Time,
// Versions, the line-items pseudo-dimension) with its items, every module with its line items (the
// tenant-backed Sales module's come from the tenant), line-item metadata as Anaplan sends it, and cell
// values (stored, or computed for cells never written). Built from copies taken under the locks, so
// large reads run without holding them.
#include "TxModel.h"
#include "tenant/ModelData.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace sandbox::tx {

struct DimItem
{
    QString id;
    QString name;
    QString code;
    QString parent; // parent item name (lists with a parent list)
};

struct Dimension
{
    QString id;
    QString name;
    QList<DimItem> items;

    int indexOfId(const QString &id) const;
    // By id, then name (case-sensitive like Anaplan), then code; -1 if absent.
    int find(const QString &id, const QString &name, const QString &code) const;
};

class Catalog
{
public:
    Catalog(ModelData data, TxModel model);

    const ModelData &data() const { return m_data; }
    const TxModel &model() const { return m_model; }

    // A list (101…, 20000000020, 101999999999) or Time; not the line-items pseudo-dimension.
    std::optional<Dimension> dimension(const QString &id) const;
    QString dimensionName(const QString &id) const;
    // The module's line items (tenant-backed: the tenant's, with NUMBER/TEXT/BOOLEAN/DATE formats).
    QList<TxLineItem> lineItems(const TxModule &module) const;
    // The module holding a line item with this id, or nullptr.
    const TxModule *moduleOfLineItem(const QString &lineItemId) const;
    // Dimension items of `dimensionId` as the module/view sees them: kLineItemsDimension gives line items.
    std::optional<Dimension> axisDimension(const TxModule &module, const QString &dimensionId) const;

    QJsonObject lineItemJson(const TxModule &module, const TxLineItem &lineItem, bool includeAll) const;
    QJsonObject listMetadataJson(const ListData &list) const;

    // Value of one cell; coords holds one item per module dimension, in TxModule::dimensions order.
    QString value(const TxModule &module, const TxLineItem &lineItem,
                  const QList<const DimItem *> &coords) const;

private:
    QString generated(const TxModule &module, const TxLineItem &lineItem,
                      const QList<const DimItem *> &coords) const;

    ModelData m_data;
    TxModel m_model;
};

QJsonObject idName(const QString &id, const QString &name);

} // namespace sandbox::tx
