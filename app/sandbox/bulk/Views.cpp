#include "Views.h"

#include "tenant/Csv.h"
#include "tenant/ExportEngine.h"

#include <QJsonArray>

namespace sandbox::bulk {

namespace {
template <typename T>
const T *byId(const QList<T> &list, const QString &id)
{
    for (const T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}
} // namespace

QJsonObject workspaceJson(const WorkspaceRecord &w, bool tenantDetails)
{
    QJsonObject o{{QStringLiteral("id"), w.id}, {QStringLiteral("name"), w.name}, {QStringLiteral("active"), w.active}};
    if (tenantDetails) {
        o.insert(QStringLiteral("sizeAllowance"), double(w.sizeAllowance));
        o.insert(QStringLiteral("currentSize"), double(w.currentSize));
    }
    return o;
}

QJsonObject modelJson(const ModelInfo &info, bool modelDetails)
{
    const ModelRecord &m = info.record;
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("activeState"), m.activeState},
                  {QStringLiteral("name"), m.name},
                  {QStringLiteral("currentWorkspaceId"), m.workspaceId},
                  {QStringLiteral("currentWorkspaceName"), info.workspaceName},
                  {QStringLiteral("modelUrl"),
                   QStringLiteral("https://us1a.app.anaplan.com/anaplan/framework.jsp?selectedWorkspaceId=%1"
                                  "&takeAction=modelDetail&selectedModelId=%2")
                       .arg(m.workspaceId, m.id)},
                  {QStringLiteral("categoryValues"), m.categoryValues}};
    if (modelDetails) {
        // lastSavedSerialNumber as a string, as the live-tested spec records it.
        o.insert(QStringLiteral("lastSavedSerialNumber"), QString::number(m.lastSavedSerialNumber));
        o.insert(QStringLiteral("modelTransactionRunning"), info.transactionRunning);
        o.insert(QStringLiteral("lastModifiedByUserGuid"), m.lastModifiedByUserGuid);
        o.insert(QStringLiteral("memoryUsage"), double(m.memoryUsage));
        o.insert(QStringLiteral("isoCreationDate"), m.isoCreationDate);
        o.insert(QStringLiteral("lastModified"), m.lastModified);
    }
    return o;
}

QJsonObject fileJson(const FileRecord &f)
{
    if (f.exportOutput) // export files carry fewer properties (the spec's example)
        return {{QStringLiteral("id"), f.id},
                {QStringLiteral("name"), f.name},
                {QStringLiteral("chunkCount"), f.chunkCountForListing()},
                {QStringLiteral("firstDataRow"), 0},
                {QStringLiteral("headerRow"), 0}};
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("chunkCount"), f.chunkCountForListing()},
            {QStringLiteral("delimiter"), f.delimiter},
            {QStringLiteral("encoding"), f.encoding},
            {QStringLiteral("firstDataRow"), f.firstDataRow},
            {QStringLiteral("format"), f.format},
            {QStringLiteral("headerRow"), f.headerRow},
            {QStringLiteral("separator"), f.separator}};
}

QJsonObject importJson(const ImportRecord &i)
{
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("importDataSourceId"), i.dataSourceId},
            {QStringLiteral("importType"), i.importType}};
}

QJsonObject exportJson(const ExportRecord &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("name"), e.name},
                  {QStringLiteral("exportType"), e.exportType},
                  {QStringLiteral("exportFormat"), e.format},
                  {QStringLiteral("layout"), e.exportType}};
    if (!e.encoding.isEmpty())
        o.insert(QStringLiteral("encoding"), e.encoding);
    return o;
}

QJsonObject actionJson(const ActionRecord &a)
{
    return {{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name}, {QStringLiteral("actionType"), a.actionType}};
}

QJsonObject processJson(const ProcessRecord &p)
{
    return {{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name}};
}

QJsonObject importMetadata(const ImportRecord &i, const ModelContent &c)
{
    const FileRecord *f = byId(c.files, i.dataSourceId);
    QJsonObject source;
    if (f) {
        QStringList header;
        // The header names of the stored file (first header row), as Anaplan reports them.
        // Reading them needs the file; the importer's expected columns are a faithful stand-in.
        if (const ListData *l = c.data.list(i.target)) {
            header = {QStringLiteral("Name"), QStringLiteral("Code")};
            if (!l->parentListId.isEmpty())
                header.append(QStringLiteral("Parent"));
            header += l->propertyNames;
        } else if (const ModuleData *m = c.data.module(i.target)) {
            if (i.importType == QLatin1String("LINE_ITEM_DEFINITION")) {
                header = {QStringLiteral("Name"), QStringLiteral("Format")};
            } else {
                const ListData *r = c.data.list(m->rowListId);
                const ListData *col = c.data.list(m->columnListId);
                header = {r ? r->name : QString(), col ? col->name : QString()};
                for (const LineItem &li : m->lineItems)
                    header.append(li.name);
            }
        }
        source = {{QStringLiteral("textEncoding"), f->encoding},
                  {QStringLiteral("columnSeparator"), f->separator},
                  {QStringLiteral("textDelimiter"), f->delimiter},
                  {QStringLiteral("headerRow"), f->headerRow},
                  {QStringLiteral("firstDataRow"), f->firstDataRow},
                  {QStringLiteral("decimalSeparator"), QStringLiteral(".")},
                  {QStringLiteral("headerNames"), QJsonArray::fromStringList(header)},
                  {QStringLiteral("columnCount"), header.size()}};
    }
    return {{QStringLiteral("name"), i.name}, {QStringLiteral("type"), QStringLiteral("FILE")},
            {QStringLiteral("source"), source}};
}

QJsonObject exportMetadata(const ExportRecord &e, const ModelContent &c)
{
    const ExportOutput out = runExport(e, c.data);
    QJsonArray types;
    QJsonArray listNames;
    for (int i = 0; i < out.headerNames.size(); ++i) {
        types.append(i < 2 ? QStringLiteral("ENTITY") : QStringLiteral("MIXED"));
        listNames.append(QString());
    }
    QJsonObject o{{QStringLiteral("columnCount"), out.headerNames.size()},
                  {QStringLiteral("dataTypes"), types},
                  {QStringLiteral("delimiter"), QStringLiteral("\"")},
                  {QStringLiteral("exportFormat"), e.format},
                  {QStringLiteral("headerNames"), QJsonArray::fromStringList(out.headerNames)},
                  {QStringLiteral("listNames"), listNames},
                  {QStringLiteral("rowCount"), out.rowCount},
                  {QStringLiteral("separator"), QString(exportSeparator(e))},
                  {QStringLiteral("layout"), e.exportType}};
    if (!e.encoding.isEmpty())
        o.insert(QStringLiteral("encoding"), e.encoding);
    return o;
}

QJsonObject processMetadata(const ProcessRecord &p, const ModelContent &c, bool showImportDataSource)
{
    QJsonArray actions;
    for (const QString &step : p.steps) {
        if (const ImportRecord *i = byId(c.imports, step)) {
            QJsonObject o{{QStringLiteral("id"), i->id},
                          {QStringLiteral("name"), i->name},
                          {QStringLiteral("actionType"), QStringLiteral("IMPORT")},
                          {QStringLiteral("importDataSourceId"), i->dataSourceId},
                          {QStringLiteral("importType"), i->importType}};
            if (showImportDataSource)
                o.insert(QStringLiteral("importDataSource"),
                         QJsonObject{{QStringLiteral("importDataSourceId"), i->dataSourceId},
                                     {QStringLiteral("type"), QStringLiteral("FILE")}});
            actions.append(o);
        } else if (const ExportRecord *e = byId(c.exports, step)) {
            QJsonObject o = exportJson(*e);
            o.insert(QStringLiteral("actionType"), QStringLiteral("EXPORT"));
            actions.append(o);
        } else if (const ActionRecord *a = byId(c.actions, step)) {
            actions.append(actionJson(*a));
        }
    }
    return {{QStringLiteral("name"), p.name}, {QStringLiteral("actions"), actions}};
}

} // namespace sandbox::bulk
