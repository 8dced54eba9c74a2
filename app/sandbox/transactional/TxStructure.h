#pragma once
// A model's structure as ALM sees it: lists (with the items of non-production lists), modules with
// their dimensions, line items and saved views. ALM revisions store it, syncs apply it to the target
// model, comparison reports diff two of them. Production-list items and cell data are never part of it.
#include "TxModel.h"
#include "tenant/ModelData.h"

#include <QByteArray>
#include <QJsonObject>

namespace sandbox::tx {

QJsonObject structureOf(const ModelData &data, const TxModel &model);
// Makes the model's structure match `structure`, keeping cells of modules and line items that stay and
// the items of production lists.
void applyStructure(const QJsonObject &structure, ModelData &data, TxModel &model);

struct ChangeCounts
{
    int created = 0;
    int modified = 0;
    int deleted = 0;
    int total() const { return created + modified + deleted; }
};

struct StructureDiff
{
    ChangeCounts lists, modules, lineItems, rolesContents;
    QByteArray report; // the full comparison report (TSV)
};

// What `source` changes relative to `target` (a sync of source onto target would make these changes).
StructureDiff diffStructures(const QJsonObject &target, const QJsonObject &source, const QString &title);

} // namespace sandbox::tx
