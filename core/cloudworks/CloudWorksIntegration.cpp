#include "CloudWorksIntegration.h"

#include "types/JsonRead.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cloudworks", text);
}

void putIfSet(QJsonObject &o, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(key, value); // always a JSON string, also for numeric ids
}

bool isAnaplanId(const QString &id, const char *prefix)
{
    if (id.size() != 12 || !id.startsWith(QLatin1String(prefix)))
        return false;
    for (const QChar c : id) {
        if (!c.isDigit())
            return false;
    }
    return true;
}
} // namespace

JobEndpoint JobEndpoint::anaplanSource(const QString &actionId)
{
    JobEndpoint e;
    e.type = u"Anaplan"_s;
    e.actionId = actionId;
    return e;
}

JobEndpoint JobEndpoint::anaplanTarget(const QString &importId, const QString &fileId)
{
    JobEndpoint e;
    e.type = u"Anaplan"_s;
    e.actionId = importId;
    e.fileId = fileId;
    return e;
}

JobEndpoint JobEndpoint::fileEndpoint(ConnectionType type, const QString &connectionId, const QString &file,
                                      std::optional<bool> overwrite)
{
    JobEndpoint e;
    e.type = connectionTypeName(type);
    e.connectionId = connectionId;
    e.file = file;
    e.overwrite = overwrite;
    return e;
}

JobEndpoint JobEndpoint::tableEndpoint(const QString &connectionId, const QString &table,
                                       std::optional<bool> overwrite)
{
    JobEndpoint e;
    e.type = connectionTypeName(ConnectionType::GoogleBigQuery);
    e.connectionId = connectionId;
    e.table = table;
    e.overwrite = overwrite;
    return e;
}

JobEndpoint JobEndpoint::fromJson(const QJsonObject &object)
{
    JobEndpoint e;
    e.type = json::string(object, "type"_L1);
    e.actionId = json::idString(object.value("actionId"_L1));
    e.fileId = json::idString(object.value("fileId"_L1));
    e.connectionId = json::idString(object.value("connectionId"_L1));
    e.file = json::string(object, "file"_L1);
    e.table = json::string(object, "table"_L1);
    e.overwrite = json::optionalBoolean(object, "overwrite"_L1);
    e.connectionName = json::string(object, "connectionName"_L1);
    e.isConnectionDeleted = json::boolean(object, "isConnectionDeleted"_L1);
    e.bucketName = json::string(object, "bucketName"_L1);
    return e;
}

QJsonObject JobEndpoint::toJson() const
{
    QJsonObject o;
    putIfSet(o, u"connectionId"_s, connectionId);
    o.insert(u"type"_s, type);
    putIfSet(o, u"actionId"_s, actionId);
    putIfSet(o, u"fileId"_s, fileId);
    putIfSet(o, u"file"_s, file);
    putIfSet(o, u"table"_s, table);
    if (overwrite)
        o.insert(u"overwrite"_s, *overwrite);
    return o;
}

IntegrationJob IntegrationJob::importJob(const JobEndpoint &source, const QString &importId,
                                         const QString &fileId)
{
    IntegrationJob j;
    j.type = source.type + u"ToAnaplan"_s;
    j.sources = {source};
    j.targets = {JobEndpoint::anaplanTarget(importId, fileId)};
    return j;
}

IntegrationJob IntegrationJob::exportJob(const QString &exportId, const JobEndpoint &target)
{
    IntegrationJob j;
    j.type = u"AnaplanTo"_s + target.type;
    j.sources = {JobEndpoint::anaplanSource(exportId)};
    j.targets = {target};
    return j;
}

IntegrationJob IntegrationJob::fromJson(const QJsonObject &object)
{
    IntegrationJob j;
    j.type = json::string(object, "type"_L1);
    for (const QJsonObject &s : json::objectList(object, "sources"_L1))
        j.sources.append(JobEndpoint::fromJson(s));
    for (const QJsonObject &t : json::objectList(object, "targets"_L1))
        j.targets.append(JobEndpoint::fromJson(t));
    return j;
}

QJsonObject IntegrationJob::toJson() const
{
    QJsonArray s;
    for (const JobEndpoint &e : sources)
        s.append(e.toJson());
    QJsonArray t;
    for (const JobEndpoint &e : targets)
        t.append(e.toJson());
    return {{u"type"_s, type}, {u"sources"_s, s}, {u"targets"_s, t}};
}

Integration Integration::fromJson(const QJsonObject &object)
{
    Integration i;
    i.id = json::idString(object.value("integrationId"_L1));
    if (i.id.isEmpty())
        i.id = json::idString(object.value("id"_L1));
    i.name = json::string(object, "name"_L1);
    i.typeRaw = json::string(object, "integrationType"_L1);
    i.type = integrationTypeFromString(i.typeRaw);
    i.workspaceId = json::string(object, "workspaceId"_L1);
    i.modelId = json::string(object, "modelId"_L1);
    i.processId = json::idString(object.value("processId"_L1));
    i.notificationId = json::idString(object.value("notificationId"_L1));
    i.nuxVisible = json::boolean(object, "nuxVisible"_L1);
    i.latestRun = LatestRun::fromJson(object.value("latestRun"_L1));
    if (object.value("schedule"_L1).isObject() && !object.value("schedule"_L1).toObject().isEmpty())
        i.schedule = Schedule::fromJson(object.value("schedule"_L1).toObject());
    for (const QJsonObject &j : json::objectList(object, "jobs"_L1))
        i.jobs.append(IntegrationJob::fromJson(j));
    if (i.type == IntegrationType::Unknown && i.typeRaw.isEmpty()) {
        // A single integration comes without integrationType: derive it.
        if (!i.processId.isEmpty())
            i.type = IntegrationType::Process;
        else if (!i.jobs.isEmpty())
            i.type = i.jobs.first().type.endsWith("ToAnaplan"_L1) ? IntegrationType::Import
                                                                  : IntegrationType::Export;
    }
    i.versioned = Versioned::fromJson(object);
    return i;
}

QJsonObject IntegrationInput::toJson() const
{
    QJsonObject o{{u"name"_s, name},
                  {u"version"_s, u"2.0"_s},
                  {u"workspaceId"_s, workspaceId},
                  {u"modelId"_s, modelId}};
    putIfSet(o, u"processId"_s, processId);
    o.insert(u"nuxVisible"_s, nuxVisible);
    if (!jobs.isEmpty()) {
        QJsonArray array;
        for (const IntegrationJob &j : jobs)
            array.append(j.toJson());
        o.insert(u"jobs"_s, array);
    }
    return o;
}

QString IntegrationInput::validationError() const
{
    if (name.trimmed().isEmpty())
        return tr("The integration needs a name");
    if (workspaceId.isEmpty() || modelId.isEmpty())
        return tr("The integration needs the workspace id and the model id");
    if (!processId.isEmpty() && !isAnaplanId(processId, "118"))
        return tr("'%1' is not a process id (118 followed by nine digits)").arg(processId);
    if (processId.isEmpty() && jobs.isEmpty())
        return tr("The integration needs at least one job (import or export), or a process id");
    for (const IntegrationJob &j : jobs) {
        if (j.sources.isEmpty() || j.targets.isEmpty())
            return tr("Job %1 needs a source and a target").arg(j.type);
        for (const JobEndpoint &e : j.sources + j.targets) {
            if (e.type == "Anaplan"_L1) {
                if (!e.fileId.isEmpty() && !isAnaplanId(e.actionId, "112"))
                    return tr("'%1' is not an import id (112 followed by nine digits)").arg(e.actionId);
                if (e.fileId.isEmpty() && !isAnaplanId(e.actionId, "116") && !isAnaplanId(e.actionId, "112"))
                    return tr("'%1' is not an export id (116 followed by nine digits)").arg(e.actionId);
                if (!e.fileId.isEmpty() && !isAnaplanId(e.fileId, "113"))
                    return tr("'%1' is not a file id (113 followed by nine digits)").arg(e.fileId);
            } else if (e.connectionId.isEmpty()) {
                return tr("Job %1 needs the connection id of its %2 side").arg(j.type, e.type);
            }
        }
    }
    return {};
}

} // namespace anadesk::cloudworks
