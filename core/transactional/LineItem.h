#pragma once
// A line item as returned by GET …/lineItems?includeAll=true (or a module's line items). Only id,
// name and the module are sure to be there; the full metadata comes with includeAll.
#include "TxTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace anadesk {

struct LineItem
{
    QString id; // 206…
    QString name;
    QString moduleId;
    QString moduleName;
    QString format;             // NUMBER, BOOLEAN, TEXT, NONE, DATE, LIST, "TIME PERIOD" (kept as sent)
    QJsonObject formatMetadata; // discriminated by formatMetadata.dataType; kept whole
    QString dataType; // formatMetadata.dataType: NUMBER, ENTITY, TIME_ENTITY, TEXT, BOOLEAN, NONE, DATE
    QString summary;
    QList<Dimension> appliesTo;
    QList<Dimension> dataTags;
    QList<Dimension> referencedBy;
    QString timeScale;
    QString timeRange;
    std::optional<Dimension> version;
    std::optional<Dimension> parent;
    std::optional<Dimension> readAccessDriver;
    std::optional<Dimension> writeAccessDriver;
    QString style;
    std::optional<qint64> cellCount;
    QString notes;
    std::optional<QString> code;
    bool isSummary = false;
    std::optional<QString> formula;
    QString formulaScope;
    bool useSwitchover = false;
    bool breakback = false;
    bool broughtForward = false;
    bool startOfSection = false;

    static LineItem fromJson(const QJsonObject &object);
};

} // namespace anadesk
