#include "ModelApiJson.h"

#include "../../JsonViews.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli::json {

namespace {

void insertIfSet(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

template <typename T> void insertOptional(QJsonObject &o, const QString &key, const std::optional<T> &value)
{
    if (value)
        o.insert(key, QJsonValue(*value));
}

void insertOptional(QJsonObject &o, const QString &key, const std::optional<qint64> &value)
{
    if (value)
        o.insert(key, double(*value));
}

QJsonArray dimensions(const QList<Dimension> &list)
{
    QJsonArray array;
    for (const Dimension &d : list)
        array.append(toJson(d));
    return array;
}

QJsonObject counts(const ChangeCounts &c)
{
    return {{u"created"_s, double(c.created)},
            {u"modified"_s, double(c.modified)},
            {u"deleted"_s, double(c.deleted)}};
}

} // namespace

QJsonObject toJson(const Module &m)
{
    QJsonObject o{{u"id"_s, m.id}, {u"name"_s, m.name}};
    insertIfSet(o, u"code"_s, m.code);
    return o;
}

QJsonObject toJson(const ModelList &l)
{
    QJsonObject o{{u"id"_s, l.id}, {u"name"_s, l.name}};
    insertIfSet(o, u"code"_s, l.code);
    return o;
}

QJsonObject toJson(const View &v)
{
    QJsonObject o{{u"id"_s, v.id}, {u"name"_s, v.name}, {u"moduleId"_s, v.moduleId}};
    insertIfSet(o, u"code"_s, v.code);
    return o;
}

QJsonObject toJson(const Dimension &d)
{
    QJsonObject o{{u"id"_s, d.id}, {u"name"_s, d.name}};
    insertOptional(o, u"code"_s, d.code);
    return o;
}

QJsonObject toJson(const ViewInfo &info)
{
    return {{u"id"_s, info.viewId},
            {u"name"_s, info.viewName},
            {u"rows"_s, dimensions(info.rows)},
            {u"columns"_s, dimensions(info.columns)},
            {u"pages"_s, dimensions(info.pages)}};
}

QJsonObject toJson(const LineItem &li)
{
    QJsonObject o{{u"id"_s, li.id},
                  {u"name"_s, li.name},
                  {u"moduleId"_s, li.moduleId},
                  {u"moduleName"_s, li.moduleName}};
    insertIfSet(o, u"format"_s, li.format);
    if (!li.formatMetadata.isEmpty())
        o.insert(u"formatMetadata"_s, li.formatMetadata);
    insertIfSet(o, u"summary"_s, li.summary);
    o.insert(u"appliesTo"_s, dimensions(li.appliesTo));
    if (!li.dataTags.isEmpty())
        o.insert(u"dataTags"_s, dimensions(li.dataTags));
    if (!li.referencedBy.isEmpty())
        o.insert(u"referencedBy"_s, dimensions(li.referencedBy));
    insertIfSet(o, u"timeScale"_s, li.timeScale);
    insertIfSet(o, u"timeRange"_s, li.timeRange);
    if (li.version)
        o.insert(u"version"_s, toJson(*li.version));
    if (li.parent)
        o.insert(u"parent"_s, toJson(*li.parent));
    if (li.readAccessDriver)
        o.insert(u"readAccessDriver"_s, toJson(*li.readAccessDriver));
    if (li.writeAccessDriver)
        o.insert(u"writeAccessDriver"_s, toJson(*li.writeAccessDriver));
    insertIfSet(o, u"style"_s, li.style);
    insertOptional(o, u"cellCount"_s, li.cellCount);
    insertIfSet(o, u"notes"_s, li.notes);
    insertOptional(o, u"code"_s, li.code);
    o.insert(u"isSummary"_s, li.isSummary);
    insertOptional(o, u"formula"_s, li.formula);
    insertIfSet(o, u"formulaScope"_s, li.formulaScope);
    o.insert(u"useSwitchover"_s, li.useSwitchover);
    o.insert(u"breakback"_s, li.breakback);
    o.insert(u"broughtForward"_s, li.broughtForward);
    o.insert(u"startOfSection"_s, li.startOfSection);
    return o;
}

QJsonObject toJson(const ListMetadata &m)
{
    QJsonArray properties;
    for (const ListProperty &p : m.properties) {
        QJsonObject po{{u"name"_s, p.name}};
        insertIfSet(po, u"format"_s, p.format);
        insertIfSet(po, u"formula"_s, p.formula);
        insertIfSet(po, u"notes"_s, p.notes);
        insertIfSet(po, u"referencedBy"_s, p.referencedBy);
        properties.append(po);
    }
    QJsonArray subsets;
    for (const QJsonObject &s : m.subsets)
        subsets.append(s);
    QJsonObject o{{u"id"_s, m.id},
                  {u"name"_s, m.name},
                  {u"itemCount"_s, double(m.itemCount)},
                  {u"hasSelectiveAccess"_s, m.hasSelectiveAccess},
                  {u"productionData"_s, m.productionData},
                  {u"numberedList"_s, m.numberedList},
                  {u"useTopLevelAsPageDefault"_s, m.useTopLevelAsPageDefault},
                  {u"workflowEnabled"_s, m.workflowEnabled},
                  {u"properties"_s, properties},
                  {u"subsets"_s, subsets}};
    insertIfSet(o, u"managedBy"_s, m.managedBy);
    insertOptional(o, u"nextItemIndex"_s, m.nextItemIndex);
    insertOptional(o, u"permittedItems"_s, m.permittedItems);
    insertIfSet(o, u"usedInAppliesTo"_s, m.usedInAppliesTo);
    insertIfSet(o, u"category"_s, m.category);
    if (!m.parentId.isEmpty())
        o.insert(u"parent"_s, QJsonObject{{u"id"_s, m.parentId}, {u"name"_s, m.parentName}});
    if (!m.topLevelItemId.isEmpty() || !m.topLevelItemName.isEmpty())
        o.insert(u"topLevelItem"_s,
                 QJsonObject{{u"id"_s, m.topLevelItemId}, {u"name"_s, m.topLevelItemName}});
    return o;
}

QJsonObject toJson(const ListItem &item)
{
    QJsonObject o{{u"id"_s, item.id}, {u"name"_s, item.name}};
    insertOptional(o, u"code"_s, item.code);
    insertOptional(o, u"parent"_s, item.parent);
    insertOptional(o, u"parentId"_s, item.parentId);
    insertIfSet(o, u"listId"_s, item.listId);
    insertIfSet(o, u"listName"_s, item.listName);
    if (!item.properties.isEmpty()) {
        QJsonObject p;
        for (auto it = item.properties.cbegin(); it != item.properties.cend(); ++it)
            p.insert(it.key(), it.value());
        o.insert(u"properties"_s, p);
    }
    if (!item.subsets.isEmpty()) {
        QJsonObject s;
        for (auto it = item.subsets.cbegin(); it != item.subsets.cend(); ++it)
            s.insert(it.key(), it.value());
        o.insert(u"subsets"_s, s);
    }
    return o;
}

QJsonObject toJson(const ItemFailure &f)
{
    return {{u"requestIndex"_s, double(f.requestIndex)},
            {u"failureType"_s, f.failureType},
            {u"failureMessageDetails"_s, f.failureMessageDetails}};
}

QJsonArray failuresJson(const QList<ItemFailure> &failures)
{
    QJsonArray array;
    for (const ItemFailure &f : failures)
        array.append(toJson(f));
    return array;
}

QJsonObject toJson(const CurrentPeriod &p)
{
    return {{u"periodText"_s, p.periodText}, {u"lastDay"_s, p.lastDay}, {u"calendarType"_s, p.calendarType}};
}

QJsonObject toJson(const FiscalYear &y)
{
    return {{u"year"_s, y.year}, {u"startDate"_s, y.startDate}, {u"endDate"_s, y.endDate}};
}

QJsonObject toJson(const ModelCalendar &c)
{
    // The whole calendar as Anaplan sent it (its fields depend on calendarType); calendarType first.
    QJsonObject o = c.raw;
    o.insert(u"calendarType"_s, c.calendarType);
    return o;
}

QJsonObject toJson(const ViewData &data)
{
    QJsonArray columns;
    for (const QStringList &tuple : data.columnCoordinates)
        columns.append(QJsonArray::fromStringList(tuple));
    QJsonArray rows;
    for (const ViewDataRow &row : data.rows)
        rows.append(QJsonObject{{u"coordinates"_s, QJsonArray::fromStringList(row.coordinates)},
                                {u"cells"_s, QJsonArray::fromStringList(row.cells)}});
    return {{u"pages"_s, QJsonArray::fromStringList(data.pages)},
            {u"columnCoordinates"_s, columns},
            {u"rows"_s, rows}};
}

QJsonObject toJson(const Revision &r)
{
    QJsonObject o{{u"id"_s, r.id},
                  {u"name"_s, r.name},
                  {u"createdOn"_s, r.createdOn},
                  {u"createdBy"_s, r.createdBy},
                  {u"creationMethod"_s, r.creationMethod},
                  {u"appliedOn"_s, r.appliedOn},
                  {u"appliedBy"_s, r.appliedBy}};
    insertOptional(o, u"description"_s, r.description);
    return o;
}

QJsonObject toJson(const AppliedModel &m)
{
    QJsonObject o{{u"id"_s, m.modelId},
                  {u"name"_s, m.modelName},
                  {u"modelId"_s, m.modelId},
                  {u"modelName"_s, m.modelName},
                  {u"appliedBy"_s, m.appliedBy},
                  {u"appliedOn"_s, m.appliedOn},
                  {u"appliedMethod"_s, m.appliedMethod},
                  {u"modelDeleted"_s, m.modelDeleted}};
    insertIfSet(o, u"workspaceId"_s, m.workspaceId);
    return o;
}

QString almTaskKindName(AlmTaskKind kind)
{
    switch (kind) {
    case AlmTaskKind::Sync:
        return u"sync"_s;
    case AlmTaskKind::ComparisonReport:
        return u"comparison-report"_s;
    case AlmTaskKind::SummaryReport:
        return u"summary-report"_s;
    }
    return QString();
}

QJsonObject toJson(const AlmTask &t, AlmTaskKind kind)
{
    QJsonObject o{{u"id"_s, t.taskId},
                  {u"taskId"_s, t.taskId},
                  {u"kind"_s, almTaskKindName(kind)},
                  {u"taskState"_s, t.stateRaw},
                  {u"creationTime"_s, t.creationTime},
                  {u"currentStep"_s, t.currentStep}};
    bool epoch = false;
    const qint64 ms = t.creationTime.toLongLong(&epoch);
    if (epoch)
        o.insert(u"created"_s, isoTime(ms)); // as the bulk task objects do
    else if (!t.creationTime.isEmpty())
        o.insert(u"created"_s, t.creationTime); // already a date-time
    if (t.progress)
        o.insert(u"progress"_s, *t.progress);
    insertIfSet(o, u"taskUrl"_s, t.taskUrl);
    if (t.result) {
        const AlmTaskResult &r = *t.result;
        QJsonObject result{{u"successful"_s, r.successful},
                           {u"sourceRevisionId"_s, r.sourceRevisionId},
                           {u"targetRevisionId"_s, r.targetRevisionId}};
        insertIfSet(result, u"reportFileUrl"_s, r.reportFileUrl);
        if (!r.successful && (!r.errorTitle.isEmpty() || !r.errorMessage.isEmpty()))
            result.insert(u"error"_s,
                          QJsonObject{{u"title"_s, r.errorTitle}, {u"messageText"_s, r.errorMessage}});
        o.insert(u"successful"_s, r.successful);
        o.insert(u"result"_s, result);
    }
    return o;
}

QJsonObject toJson(const SummaryReport &report)
{
    QJsonObject differences;
    for (auto it = report.differences.cbegin(); it != report.differences.cend(); ++it)
        differences.insert(it.key(), counts(it.value()));
    return {{u"targetRevisionId"_s, report.targetRevisionId},
            {u"sourceRevisionId"_s, report.sourceRevisionId},
            {u"totals"_s, counts(report.totals)},
            {u"differences"_s, differences}};
}

} // namespace anadesk::cli::json
