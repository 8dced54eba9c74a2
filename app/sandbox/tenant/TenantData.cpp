// Saving and loading the tenant as JSON (SandboxConfig::dataDir/tenant.json). Ids stay strings;
// large integers are written as strings so nothing loses precision through a double.
#include "TenantData.h"

#include <QJsonArray>

namespace sandbox {

namespace {

QString s(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
qint64 n(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString().toLongLong() : qint64(v.toDouble());
}
QString num(qint64 v)
{
    return QString::number(v);
}

QJsonObject fileToJson(const FileRecord &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("name"), f.name},
            {QStringLiteral("exportOutput"), f.exportOutput},
            {QStringLiteral("delimiter"), f.delimiter},
            {QStringLiteral("encoding"), f.encoding},
            {QStringLiteral("format"), f.format},
            {QStringLiteral("separator"), f.separator},
            {QStringLiteral("headerRow"), f.headerRow},
            {QStringLiteral("firstDataRow"), f.firstDataRow},
            {QStringLiteral("declaredChunkCount"), f.declaredChunkCount},
            {QStringLiteral("complete"), f.complete},
            {QStringLiteral("generation"), f.generation},
            {QStringLiteral("uploadedBy"), f.uploadedBy}};
}

FileRecord fileFromJson(const QJsonObject &o)
{
    FileRecord f;
    f.id = s(o, "id");
    f.name = s(o, "name");
    f.exportOutput = o.value(QStringLiteral("exportOutput")).toBool();
    f.delimiter = s(o, "delimiter");
    f.encoding = s(o, "encoding");
    f.format = s(o, "format");
    f.separator = s(o, "separator");
    f.headerRow = int(n(o, "headerRow"));
    f.firstDataRow = int(n(o, "firstDataRow"));
    f.declaredChunkCount = int(n(o, "declaredChunkCount"));
    f.complete = o.value(QStringLiteral("complete")).toBool();
    f.generation = int(n(o, "generation"));
    f.uploadedBy = s(o, "uploadedBy");
    return f; // chunks are rebuilt from the store by the caller
}

QJsonObject taskToJson(const TaskRecord &t)
{
    return {{QStringLiteral("taskId"), t.taskId},
            {QStringLiteral("kind"), t.kind},
            {QStringLiteral("objectId"), t.objectId},
            {QStringLiteral("user"), t.user},
            {QStringLiteral("creationTime"), num(t.creationTime)},
            {QStringLiteral("cancelRequestedAt"), num(t.cancelRequestedAt)},
            {QStringLiteral("completedAt"), num(t.completedAt)},
            {QStringLiteral("applied"), t.applied},
            {QStringLiteral("result"), t.result},
            {QStringLiteral("dumps"), QJsonArray::fromStringList(t.dumps)},
            {QStringLiteral("solutionLogs"), QJsonArray::fromStringList(t.solutionLogs)}};
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const auto &e : a)
        out.append(e.toString());
    return out;
}

TaskRecord taskFromJson(const QJsonObject &o)
{
    TaskRecord t;
    t.taskId = s(o, "taskId");
    t.kind = s(o, "kind");
    t.objectId = s(o, "objectId");
    t.user = s(o, "user");
    t.creationTime = n(o, "creationTime");
    t.cancelRequestedAt = n(o, "cancelRequestedAt");
    t.completedAt = n(o, "completedAt");
    t.applied = o.value(QStringLiteral("applied")).toBool();
    t.result = o.value(QStringLiteral("result")).toObject();
    t.dumps = strings(o.value(QStringLiteral("dumps")));
    t.solutionLogs = strings(o.value(QStringLiteral("solutionLogs")));
    return t;
}

QJsonObject contentToJson(const ModelContent &c)
{
    QJsonArray files, imports, exports, actions, processes, tasks;
    for (const FileRecord &f : c.files)
        files.append(fileToJson(f));
    for (const ImportRecord &i : c.imports)
        imports.append(QJsonObject{{QStringLiteral("id"), i.id},
                                   {QStringLiteral("name"), i.name},
                                   {QStringLiteral("importType"), i.importType},
                                   {QStringLiteral("dataSourceId"), i.dataSourceId},
                                   {QStringLiteral("target"), i.target}});
    for (const ExportRecord &e : c.exports)
        exports.append(QJsonObject{{QStringLiteral("id"), e.id},
                                   {QStringLiteral("name"), e.name},
                                   {QStringLiteral("exportType"), e.exportType},
                                   {QStringLiteral("format"), e.format},
                                   {QStringLiteral("encoding"), e.encoding},
                                   {QStringLiteral("source"), e.source},
                                   {QStringLiteral("lineItem"), e.lineItem}});
    for (const ActionRecord &a : c.actions)
        actions.append(QJsonObject{{QStringLiteral("id"), a.id},
                                   {QStringLiteral("name"), a.name},
                                   {QStringLiteral("actionType"), a.actionType},
                                   {QStringLiteral("target"), a.target}});
    for (const ProcessRecord &p : c.processes)
        processes.append(QJsonObject{{QStringLiteral("id"), p.id},
                                     {QStringLiteral("name"), p.name},
                                     {QStringLiteral("steps"), QJsonArray::fromStringList(p.steps)}});
    for (const TaskRecord &t : c.tasks)
        tasks.append(taskToJson(t));
    return {{QStringLiteral("files"), files},         {QStringLiteral("imports"), imports},
            {QStringLiteral("exports"), exports},     {QStringLiteral("actions"), actions},
            {QStringLiteral("processes"), processes}, {QStringLiteral("tasks"), tasks},
            {QStringLiteral("data"), c.data.toJson()}, {QStringLiteral("nextFileId"), num(c.nextFileId)}};
}

ModelContent contentFromJson(const QJsonObject &o)
{
    ModelContent c;
    for (const auto &v : o.value(QStringLiteral("files")).toArray())
        c.files.append(fileFromJson(v.toObject()));
    for (const auto &v : o.value(QStringLiteral("imports")).toArray()) {
        const QJsonObject i = v.toObject();
        c.imports.append({s(i, "id"), s(i, "name"), s(i, "importType"), s(i, "dataSourceId"), s(i, "target")});
    }
    for (const auto &v : o.value(QStringLiteral("exports")).toArray()) {
        const QJsonObject e = v.toObject();
        c.exports.append({s(e, "id"), s(e, "name"), s(e, "exportType"), s(e, "format"), s(e, "encoding"),
                          s(e, "source"), s(e, "lineItem")});
    }
    for (const auto &v : o.value(QStringLiteral("actions")).toArray()) {
        const QJsonObject a = v.toObject();
        c.actions.append({s(a, "id"), s(a, "name"), s(a, "actionType"), s(a, "target")});
    }
    for (const auto &v : o.value(QStringLiteral("processes")).toArray()) {
        const QJsonObject p = v.toObject();
        c.processes.append({s(p, "id"), s(p, "name"), strings(p.value(QStringLiteral("steps")))});
    }
    for (const auto &v : o.value(QStringLiteral("tasks")).toArray())
        c.tasks.append(taskFromJson(v.toObject()));
    c.data = ModelData::fromJson(o.value(QStringLiteral("data")).toObject());
    c.nextFileId = n(o, "nextFileId");
    return c;
}

} // namespace

QJsonObject TenantData::toJson() const
{
    QJsonArray ws, ms;
    for (const WorkspaceRecord &w : workspaces)
        ws.append(QJsonObject{{QStringLiteral("id"), w.id},
                              {QStringLiteral("name"), w.name},
                              {QStringLiteral("active"), w.active},
                              {QStringLiteral("sizeAllowance"), num(w.sizeAllowance)},
                              {QStringLiteral("currentSize"), num(w.currentSize)}});
    for (const ModelRecord &m : models) {
        QJsonObject o{{QStringLiteral("id"), m.id},
                      {QStringLiteral("name"), m.name},
                      {QStringLiteral("workspaceId"), m.workspaceId},
                      {QStringLiteral("activeState"), m.activeState},
                      {QStringLiteral("lastSavedSerialNumber"), num(m.lastSavedSerialNumber)},
                      {QStringLiteral("lastModifiedByUserGuid"), m.lastModifiedByUserGuid},
                      {QStringLiteral("memoryUsage"), num(m.memoryUsage)},
                      {QStringLiteral("categoryValues"), m.categoryValues},
                      {QStringLiteral("isoCreationDate"), m.isoCreationDate},
                      {QStringLiteral("lastModified"), m.lastModified},
                      {QStringLiteral("open"), m.open}};
        if (content.contains(m.id))
            o.insert(QStringLiteral("content"), contentToJson(content.value(m.id)));
        ms.append(o);
    }
    return {{QStringLiteral("format"), 1},
            {QStringLiteral("workspaces"), ws},
            {QStringLiteral("models"), ms},
            {QStringLiteral("nextGeneration"), nextGeneration}};
}

TenantData TenantData::fromJson(const QJsonObject &object)
{
    TenantData d;
    for (const auto &v : object.value(QStringLiteral("workspaces")).toArray()) {
        const QJsonObject w = v.toObject();
        d.workspaces.append({s(w, "id"), s(w, "name"), w.value(QStringLiteral("active")).toBool(),
                             n(w, "sizeAllowance"), n(w, "currentSize")});
    }
    for (const auto &v : object.value(QStringLiteral("models")).toArray()) {
        const QJsonObject o = v.toObject();
        ModelRecord m;
        m.id = s(o, "id");
        m.name = s(o, "name");
        m.workspaceId = s(o, "workspaceId");
        m.activeState = s(o, "activeState");
        m.lastSavedSerialNumber = n(o, "lastSavedSerialNumber");
        m.lastModifiedByUserGuid = s(o, "lastModifiedByUserGuid");
        m.memoryUsage = n(o, "memoryUsage");
        m.categoryValues = o.value(QStringLiteral("categoryValues")).toArray();
        m.isoCreationDate = s(o, "isoCreationDate");
        m.lastModified = s(o, "lastModified");
        m.open = o.value(QStringLiteral("open")).toBool();
        d.models.append(m);
        if (o.contains(QStringLiteral("content")))
            d.content.insert(m.id, contentFromJson(o.value(QStringLiteral("content")).toObject()));
    }
    d.nextGeneration = int(n(object, "nextGeneration"));
    return d;
}

} // namespace sandbox
