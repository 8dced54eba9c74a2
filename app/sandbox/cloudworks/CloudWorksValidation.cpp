// Request validation of the sandbox's CloudWorks: every bad payload gets a 400 whose message says which
// field of which object is wrong and what is expected (anaplan-api.md §11, cloudworks-openapi.json).
#include "CloudWorks.h"
#include "scim/ScimDirectory.h"
#include "tenant/TenantState.h"

#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

namespace sandbox::cloudworks {

namespace {

// A required, non-empty string field; `where` names the object for the message.
QString requireString(const QJsonObject &o, const QString &key, const QString &where, QString *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QStringLiteral("%1 needs the field '%2'.").arg(where, key);
    if (!v.isString())
        return QStringLiteral("%1: '%2' must be a JSON string (got %3).")
            .arg(where, key,
                 QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
                     .mid(1)
                     .chopped(1));
    if (v.toString().trimmed().isEmpty())
        return QStringLiteral("%1: '%2' must not be empty.").arg(where, key);
    *out = v.toString();
    return {};
}

// The name and the version ("2.0", the only one CloudWorks takes) of an integration or a flow.
QString requireNameAndVersion(const QJsonObject &o, const QString &where, QString *name)
{
    QString version;
    if (QString p = requireString(o, QStringLiteral("name"), where, name); !p.isEmpty())
        return p;
    if (QString p = requireString(o, QStringLiteral("version"), where, &version); !p.isEmpty())
        return p;
    if (version != QLatin1String("2.0"))
        return QStringLiteral("version must be \"2.0\" (got \"%1\").").arg(version);
    return {};
}

// CloudWorks wants Anaplan ids as strings ("112000000001"); a JSON number is refused (anaplan-api.md §17.8).
QString requireIdString(const QJsonObject &o, const QString &key, const QString &where, QString *out)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QStringLiteral("%1: '%2' must be a JSON string such as \"%3\", not a number.")
            .arg(where, key, QString::number(qint64(v.toDouble())));
    return requireString(o, key, where, out);
}

bool credentialsLookInvalid(const QJsonObject &body)
{
    // Sandbox convention (docs): a credential value containing "invalid" makes the connection invalid.
    for (const char *key : {"secretAccessKey", "accessKeyId", "sasToken", "clientSecret"})
        if (body.value(QLatin1String(key)).toString().contains(QLatin1String("invalid"), Qt::CaseInsensitive))
            return true;
    const QJsonObject key = body.value(QStringLiteral("serviceAccountKey")).toObject();
    for (auto it = key.begin(); it != key.end(); ++it)
        if (it.value().toString().contains(QLatin1String("invalid"), Qt::CaseInsensitive))
            return true;
    return false;
}

const QRegularExpression &timePattern()
{
    static const QRegularExpression rx(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    return rx;
}

} // namespace

const QStringList &CloudWorks::timezones()
{
    static const QStringList zones = {
        QStringLiteral("Etc/GMT+12"),          QStringLiteral("US/Samoa"),
        QStringLiteral("Pacific/Honolulu"),    QStringLiteral("Pacific/Marquesas"),
        QStringLiteral("US/Aleutian"),         QStringLiteral("America/Anchorage"),
        QStringLiteral("America/Los_Angeles"), QStringLiteral("America/Denver"),
        QStringLiteral("America/Chicago"),     QStringLiteral("America/New_York"),
        QStringLiteral("America/Sao_Paulo"),   QStringLiteral("Canada/Newfoundland"),
        QStringLiteral("America/Nuuk"),        QStringLiteral("Atlantic/Cape_Verde"),
        QStringLiteral("Greenwich"),           QStringLiteral("Europe/London"),
        QStringLiteral("Europe/Paris"),        QStringLiteral("Asia/Tel_Aviv"),
        QStringLiteral("Europe/Moscow"),       QStringLiteral("Asia/Dubai"),
        QStringLiteral("Asia/Kabul"),          QStringLiteral("Asia/Karachi"),
        QStringLiteral("Asia/Kolkata"),        QStringLiteral("Asia/Kathmandu"),
        QStringLiteral("Asia/Dhaka"),          QStringLiteral("Asia/Rangoon"),
        QStringLiteral("Asia/Jakarta"),        QStringLiteral("Asia/Hong_Kong"),
        QStringLiteral("Australia/Eucla"),     QStringLiteral("Asia/Tokyo"),
        QStringLiteral("Australia/Adelaide"),  QStringLiteral("Australia/Brisbane"),
        QStringLiteral("Australia/Melbourne"), QStringLiteral("Australia/Perth"),
        QStringLiteral("Australia/Lord_Howe"), QStringLiteral("Pacific/Norfolk"),
        QStringLiteral("Pacific/Auckland"),    QStringLiteral("Pacific/Chatham")};
    return zones;
}

QString CloudWorks::parseConnectionBody(const QString &type, const QJsonObject &body, bool partial,
                                        ConnectionRecord *out) const
{
    const QString where = QStringLiteral("The %1 connection body").arg(type);
    QStringList required;
    QStringList publicFields{QStringLiteral("name")};
    if (type == QLatin1String("AmazonS3")) {
        required = {QStringLiteral("name"), QStringLiteral("accessKeyId"), QStringLiteral("secretAccessKey"),
                    QStringLiteral("bucketName")};
        publicFields.append(QStringLiteral("bucketName"));
    } else if (type == QLatin1String("AzureBlob")) {
        required = {QStringLiteral("name"), QStringLiteral("storageAccountName"),
                    QStringLiteral("containerName")};
        publicFields.append({QStringLiteral("storageAccountName"), QStringLiteral("containerName")});
    } else if (type == QLatin1String("GoogleBigQuery")) {
        required = {QStringLiteral("name"), QStringLiteral("dataset")};
        publicFields.append(QStringLiteral("dataset"));
    } else {
        return QStringLiteral("Unknown connection type '%1'; use AmazonS3, AzureBlob or GoogleBigQuery.")
            .arg(type);
    }
    for (const QString &key : std::as_const(required)) {
        if (partial && !body.contains(key))
            continue;
        QString value;
        if (QString problem = requireString(body, key, where, &value); !problem.isEmpty())
            return problem;
    }
    if (type == QLatin1String("AzureBlob")) {
        // The request spells it auth_method (cloudworks-openapi.json); anaplan-sdk sends authMethod. Both
        // work.
        const QString method = body.value(QStringLiteral("auth_method"))
                                   .toString(body.value(QStringLiteral("authMethod")).toString());
        if (!partial || !method.isEmpty()) {
            if (method.isEmpty())
                return QStringLiteral("%1 needs 'auth_method' (\"SAS-based\", or \"OAuth2\" with clientId, "
                                      "clientSecret and tenantId).")
                    .arg(where);
            const QStringList needed =
                method == QLatin1String("SAS-based")
                    ? QStringList{QStringLiteral("sasToken")}
                    : QStringList{QStringLiteral("clientId"), QStringLiteral("clientSecret"),
                                  QStringLiteral("tenantId")};
            for (const QString &key : needed) {
                QString value;
                if (QString problem = requireString(
                        body, key, where + QStringLiteral(" (auth_method ") + method + QLatin1Char(')'),
                        &value);
                    !problem.isEmpty())
                    return problem;
            }
            out->info.insert(QStringLiteral("authMethod"), method);
        }
    } else if (type == QLatin1String("AmazonS3") && !partial) {
        // required fields checked above
    }
    if (type == QLatin1String("GoogleBigQuery") &&
        (!partial || body.contains(QStringLiteral("serviceAccountKey")))) {
        const QJsonObject key = body.value(QStringLiteral("serviceAccountKey")).toObject();
        if (key.isEmpty())
            return QStringLiteral(
                       "%1 needs 'serviceAccountKey': the service account's JSON key as an object.")
                .arg(where);
    }
    if (body.contains(QStringLiteral("workspaceId"))) {
        QString ws;
        if (QString problem = requireString(body, QStringLiteral("workspaceId"), where, &ws);
            !problem.isEmpty())
            return problem;
        WorkspaceRecord record;
        if (m_tenant.workspace(ws, &record))
            return QStringLiteral("%1: the workspace '%2' does not exist.").arg(where, ws);
        out->workspaceId = ws;
    }
    for (const QString &key : std::as_const(publicFields))
        if (body.contains(key))
            out->info.insert(key, body.value(key).toString());
    const bool credentialsGiven =
        body.contains(QStringLiteral("secretAccessKey")) || body.contains(QStringLiteral("sasToken")) ||
        body.contains(QStringLiteral("clientSecret")) || body.contains(QStringLiteral("serviceAccountKey"));
    if (credentialsGiven) {
        const bool invalid = credentialsLookInvalid(body);
        out->status = invalid ? 0 : 1;
        out->errorCode = invalid ? 401 : -1;
    }
    out->type = type;
    return {};
}

QString CloudWorks::parseJob(const QJsonObject &job, const QString &workspaceId, const QString &modelId,
                             int index, QString *direction, QStringList *actionIds) const
{
    const QString where = QStringLiteral("jobs[%1]").arg(index);
    QString type;
    if (QString problem = requireString(job, QStringLiteral("type"), where, &type); !problem.isEmpty())
        return problem;
    static const QStringList stores = {QStringLiteral("AmazonS3"), QStringLiteral("AzureBlob"),
                                       QStringLiteral("GoogleBigQuery")};
    QString store;
    bool toAnaplan = false;
    for (const QString &s : stores) {
        if (type == s + QStringLiteral("ToAnaplan")) {
            store = s;
            toAnaplan = true;
        } else if (type == QStringLiteral("AnaplanTo") + s) {
            store = s;
        }
    }
    if (store.isEmpty())
        return QStringLiteral("%1: unknown type '%2'; use AmazonS3ToAnaplan, AzureBlobToAnaplan, "
                              "GoogleBigQueryToAnaplan, AnaplanToAmazonS3, AnaplanToAzureBlob or "
                              "AnaplanToGoogleBigQuery.")
            .arg(where, type);
    *direction = toAnaplan ? QStringLiteral("Import") : QStringLiteral("Export");
    const QJsonArray sources = job.value(QStringLiteral("sources")).toArray();
    const QJsonArray targets = job.value(QStringLiteral("targets")).toArray();
    if (sources.size() != 1 || targets.size() != 1)
        return QStringLiteral("%1 needs exactly one source and one target (got %2 and %3).")
            .arg(where)
            .arg(sources.size())
            .arg(targets.size());
    ModelContent content;
    if (Failure f = m_tenant.content(workspaceId, modelId, &content))
        return QStringLiteral("%1: cannot read the model's actions: %2").arg(where, f.message);

    const QJsonObject storeSide = (toAnaplan ? sources : targets).at(0).toObject();
    const QJsonObject anaplanSide = (toAnaplan ? targets : sources).at(0).toObject();
    const QString storeWhere =
        where + (toAnaplan ? QStringLiteral(".sources[0]") : QStringLiteral(".targets[0]"));
    const QString anaplanWhere =
        where + (toAnaplan ? QStringLiteral(".targets[0]") : QStringLiteral(".sources[0]"));
    if (storeSide.value(QStringLiteral("type")).toString() != store)
        return QStringLiteral("%1: type must be \"%2\" for a %3 job.").arg(storeWhere, store, type);
    QString connectionId;
    if (QString problem = requireString(storeSide, QStringLiteral("connectionId"), storeWhere, &connectionId);
        !problem.isEmpty())
        return problem;
    const ConnectionRecord *connection = nullptr;
    for (const ConnectionRecord &c : m_connections)
        if (c.id == connectionId)
            connection = &c;
    if (!connection)
        return QStringLiteral(
                   "%1: the connection '%2' does not exist (GET /integrations/connections lists them).")
            .arg(storeWhere, connectionId);
    if (connection->type != store)
        return QStringLiteral("%1: the connection '%2' is a %3 connection, not %4.")
            .arg(storeWhere, connection->name(), connection->type, store);
    QString location;
    const QString locationKey =
        store == QLatin1String("GoogleBigQuery") ? QStringLiteral("table") : QStringLiteral("file");
    if (QString problem = requireString(storeSide, locationKey, storeWhere, &location); !problem.isEmpty())
        return problem;
    if (storeSide.contains(QStringLiteral("overwrite")) &&
        !storeSide.value(QStringLiteral("overwrite")).isBool())
        return QStringLiteral("%1: overwrite must be true or false.").arg(storeWhere);

    if (anaplanSide.value(QStringLiteral("type")).toString() != QLatin1String("Anaplan"))
        return QStringLiteral("%1: type must be \"Anaplan\".").arg(anaplanWhere);
    QString actionId;
    if (QString problem = requireIdString(anaplanSide, QStringLiteral("actionId"), anaplanWhere, &actionId);
        !problem.isEmpty())
        return problem;
    if (toAnaplan) {
        const ImportRecord *import = nullptr;
        for (const ImportRecord &i : content.imports)
            if (i.id == actionId)
                import = &i;
        if (!import)
            return QStringLiteral("%1: %2 is not an import of model %3 (GET …/models/%3/imports lists them).")
                .arg(anaplanWhere, actionId, modelId);
        QString fileId;
        if (QString problem = requireIdString(anaplanSide, QStringLiteral("fileId"), anaplanWhere, &fileId);
            !problem.isEmpty())
            return problem;
        if (fileId != import->dataSourceId)
            return QStringLiteral(
                       "%1: fileId %2 is not the data source of import %3 (its importDataSourceId is %4).")
                .arg(anaplanWhere, fileId, actionId, import->dataSourceId);
    } else {
        bool found = false;
        for (const ExportRecord &e : content.exports)
            found = found || e.id == actionId;
        if (!found)
            return QStringLiteral("%1: %2 is not an export of model %3 (GET …/models/%3/exports lists them).")
                .arg(anaplanWhere, actionId, modelId);
    }
    actionIds->append(actionId);
    return {};
}

QString CloudWorks::parseIntegration(const QJsonObject &body, IntegrationRecord *out) const
{
    const QString where = QStringLiteral("The integration");
    QString name;
    QString workspaceId;
    QString modelId;
    if (QString p = requireNameAndVersion(body, where, &name); !p.isEmpty())
        return p;
    if (QString p = requireString(body, QStringLiteral("workspaceId"), where, &workspaceId); !p.isEmpty())
        return p;
    if (QString p = requireString(body, QStringLiteral("modelId"), where, &modelId); !p.isEmpty())
        return p;
    ModelInfo model;
    if (m_tenant.model(modelId, &model))
        return QStringLiteral("The model '%1' does not exist (GET /2/0/models lists them).").arg(modelId);
    if (model.record.workspaceId != workspaceId)
        return QStringLiteral("The model '%1' is in workspace %2, not %3.")
            .arg(modelId, model.record.workspaceId, workspaceId);
    if (body.contains(QStringLiteral("nuxVisible")) && !body.value(QStringLiteral("nuxVisible")).isBool())
        return QStringLiteral("nuxVisible must be true or false.");

    QString processId;
    QStringList processSteps;
    if (body.contains(QStringLiteral("processId")) && !body.value(QStringLiteral("processId")).isNull()) {
        if (QString p = requireIdString(body, QStringLiteral("processId"), where, &processId); !p.isEmpty())
            return p;
        ModelContent content;
        if (Failure f = m_tenant.content(workspaceId, modelId, &content))
            return QStringLiteral("Cannot read the model's processes: %1").arg(f.message);
        bool found = false;
        for (const ProcessRecord &p : content.processes)
            if (p.id == processId) {
                found = true;
                processSteps = p.steps;
            }
        if (!found)
            return QStringLiteral("%1 is not a process of model %2 (GET …/models/%2/processes lists them).")
                .arg(processId, modelId);
    }
    const QJsonValue jobsValue = body.value(QStringLiteral("jobs"));
    if (!jobsValue.isUndefined() && !jobsValue.isArray())
        return QStringLiteral("jobs must be an array.");
    const QJsonArray jobs = jobsValue.toArray();
    if (processId.isEmpty() && jobs.isEmpty())
        return QStringLiteral(
            "An import or export integration needs at least one job (or give processId for a "
            "process integration).");
    QString kind;
    for (int i = 0; i < jobs.size(); ++i) {
        if (!jobs.at(i).isObject())
            return QStringLiteral("jobs[%1] must be an object.").arg(i);
        QString direction;
        QStringList actions;
        if (QString p = parseJob(jobs.at(i).toObject(), workspaceId, modelId, i, &direction, &actions);
            !p.isEmpty())
            return p;
        if (!processId.isEmpty()) {
            for (const QString &a : std::as_const(actions))
                if (!processSteps.contains(a))
                    return QStringLiteral("jobs[%1]: action %2 is not a step of process %3.")
                        .arg(i)
                        .arg(a, processId);
        } else if (!kind.isEmpty() && kind != direction) {
            return QStringLiteral(
                       "jobs[%1] is an %2 job but the others are %3 jobs; an integration moves data one "
                       "way (use a process integration for both).")
                .arg(i)
                .arg(direction.toLower(), kind.toLower());
        }
        kind = direction;
    }
    out->name = name;
    out->workspaceId = workspaceId;
    out->modelId = modelId;
    out->processId = processId;
    out->type = processId.isEmpty() ? kind : QStringLiteral("Process");
    out->nuxVisible = body.value(QStringLiteral("nuxVisible")).toBool(false);
    out->jobs = jobs;
    return {};
}

QString CloudWorks::parseSchedule(const QJsonObject &s, qint64 now, QJsonObject *out)
{
    const QString where = QStringLiteral("The schedule");
    QString name;
    QString type;
    QString timezone;
    QString startText;
    QString endText;
    for (const auto &[key, target] : {std::pair{"name", &name},
                                      {"type", &type},
                                      {"timezone", &timezone},
                                      {"startDate", &startText},
                                      {"endDate", &endText}})
        if (QString p = requireString(s, QLatin1String(key), where, target); !p.isEmpty())
            return p;
    static const QStringList types = {QStringLiteral("hourly"), QStringLiteral("daily"),
                                      QStringLiteral("weekly"), QStringLiteral("monthly_specific_day"),
                                      QStringLiteral("monthly_relative_weekday")};
    if (!types.contains(type))
        return QStringLiteral("Unknown schedule type '%1'; use %2.")
            .arg(type, types.join(QStringLiteral(", ")));
    if (!timezones().contains(timezone))
        return QStringLiteral(
                   "Timezone '%1' is not one CloudWorks accepts (e.g. Europe/Paris, America/New_York, "
                   "Asia/Tokyo; %2 in all).")
            .arg(timezone)
            .arg(timezones().size());
    const QDate start = QDate::fromString(startText, QStringLiteral("yyyy-MM-dd"));
    const QDate end = QDate::fromString(endText, QStringLiteral("yyyy-MM-dd"));
    if (!start.isValid() || !end.isValid())
        return QStringLiteral("startDate and endDate must be dates as YYYY-MM-DD (got '%1' and '%2').")
            .arg(startText, endText);
    // "Must be in the future": the sandbox allows today (in any time zone: one day of slack).
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date();
    if (start < today.addDays(-1))
        return QStringLiteral("startDate %1 is in the past; schedules start today or later.").arg(startText);
    if (end < start)
        return QStringLiteral("endDate %1 is before startDate %2.").arg(endText, startText);

    QJsonObject normalised{{QStringLiteral("name"), name},
                           {QStringLiteral("type"), type},
                           {QStringLiteral("timezone"), timezone},
                           {QStringLiteral("startDate"), startText},
                           {QStringLiteral("endDate"), endText}};
    const auto time = [&](const char *key) -> QString {
        const QString value = s.value(QLatin1String(key)).toString();
        if (!timePattern().match(value).hasMatch())
            return QStringLiteral("A %1 schedule needs '%2' as HH:mm (got '%3').")
                .arg(type, QLatin1String(key), s.value(QLatin1String(key)).toVariant().toString());
        normalised.insert(QLatin1String(key), value);
        return {};
    };
    const auto days = [&](bool required) -> QString {
        const QJsonValue v = s.value(QStringLiteral("daysOfWeek"));
        if (v.isUndefined() && !required)
            return {};
        const QJsonArray array = v.toArray();
        if (!v.isArray() || (required && array.isEmpty()))
            return QStringLiteral("A %1 schedule needs daysOfWeek: a non-empty array of 0 (Sunday) … 6.")
                .arg(type);
        QSet<int> seen;
        for (const QJsonValue &d : array) {
            if (!d.isDouble() || d.toDouble() != double(int(d.toDouble())) || d.toInt() < 0 ||
                d.toInt() > 6 || seen.contains(d.toInt()))
                return QStringLiteral("daysOfWeek holds whole numbers 0 (Sunday) … 6, each once.");
            seen.insert(d.toInt());
        }
        normalised.insert(QStringLiteral("daysOfWeek"), array);
        return {};
    };
    const auto integer = [&](const char *key, int min, int max, bool required, int fallback) -> QString {
        const QJsonValue v = s.value(QLatin1String(key));
        if (v.isUndefined() && !required) {
            if (fallback >= 0)
                normalised.insert(QLatin1String(key), fallback);
            return {};
        }
        if (!v.isDouble() || v.toDouble() != double(int(v.toDouble())) || v.toInt() < min || v.toInt() > max)
            return QStringLiteral("A %1 schedule needs '%2' as a whole number from %3 to %4.")
                .arg(type, QLatin1String(key))
                .arg(min)
                .arg(max);
        normalised.insert(QLatin1String(key), v.toInt());
        return {};
    };
    QString problem;
    if (type == QLatin1String("hourly")) {
        problem = time("fromTime");
        if (problem.isEmpty())
            problem = time("toTime");
        if (problem.isEmpty() && normalised.value(QStringLiteral("fromTime")).toString() >=
                                     normalised.value(QStringLiteral("toTime")).toString())
            problem = QStringLiteral("fromTime must be before toTime.");
        if (problem.isEmpty())
            problem = days(true);
        if (problem.isEmpty())
            problem = integer("repeatEvery", 1, 23, false, 1);
    } else {
        problem = time("time");
        if (problem.isEmpty() && type == QLatin1String("daily"))
            problem = days(false);
        if (problem.isEmpty() && type == QLatin1String("weekly"))
            problem = days(true);
        if (problem.isEmpty() && type == QLatin1String("monthly_specific_day"))
            problem = integer("dayOfMonth", 1, 31, true, -1);
        if (problem.isEmpty() && type == QLatin1String("monthly_relative_weekday")) {
            // "the 2nd Tuesday": repeatEvery = 1…5 (5: the last), dayOfWeek 0…6 (or daysOfWeek with one day).
            if (!s.contains(QStringLiteral("dayOfWeek")) &&
                s.value(QStringLiteral("daysOfWeek")).toArray().size() == 1)
                normalised.insert(QStringLiteral("dayOfWeek"),
                                  s.value(QStringLiteral("daysOfWeek")).toArray().at(0));
            else
                problem = integer("dayOfWeek", 0, 6, true, -1);
            if (problem.isEmpty())
                problem = integer("repeatEvery", 1, 5, true, -1);
        }
    }
    if (!problem.isEmpty())
        return problem;
    *out = normalised;
    return {};
}

QString CloudWorks::parseNotification(const QJsonObject &body, NotificationRecord *out) const
{
    const QJsonArray ids = body.value(QStringLiteral("integrationIds")).toArray();
    if (ids.size() != 1 || !ids.at(0).isString())
        return QStringLiteral(
            "integrationIds must hold exactly one integration id (CloudWorks supports one).");
    bool found = false;
    for (const IntegrationRecord &i : m_integrations)
        found = found || i.id == ids.at(0).toString();
    if (!found)
        return QStringLiteral("The integration '%1' does not exist.").arg(ids.at(0).toString());
    const QJsonArray channels = body.value(QStringLiteral("channels")).toArray();
    QStringList channelList;
    for (const QJsonValue &c : channels) {
        if (c.toString() != QLatin1String("email") && c.toString() != QLatin1String("in_app"))
            return QStringLiteral("Unknown channel '%1'; use email and/or in_app.")
                .arg(c.toVariant().toString());
        if (!channelList.contains(c.toString()))
            channelList.append(c.toString());
    }
    if (channelList.isEmpty())
        return QStringLiteral(
            "channels must name at least one of email, in_app (empty lists are refused: delete "
            "the notification and create it again instead).");
    const QJsonArray config =
        body.value(QStringLiteral("notifications")).toObject().value(QStringLiteral("config")).toArray();
    if (config.isEmpty())
        return QStringLiteral("notifications.config must hold at least one {type, users} entry.");
    QSet<QString> types;
    for (int i = 0; i < config.size(); ++i) {
        const QJsonObject item = config.at(i).toObject();
        const QString type = item.value(QStringLiteral("type")).toString();
        if (type != QLatin1String("success") && type != QLatin1String("partial_failure") &&
            type != QLatin1String("full_failure"))
            return QStringLiteral(
                       "notifications.config[%1].type '%2' must be success, partial_failure or full_failure.")
                .arg(i)
                .arg(type);
        if (types.contains(type))
            return QStringLiteral("notifications.config lists '%1' twice.").arg(type);
        types.insert(type);
        const QJsonArray users = item.value(QStringLiteral("users")).toArray();
        if (users.isEmpty() || users.size() > 5)
            return QStringLiteral("notifications.config[%1].users must hold 1 to 5 user ids (got %2).")
                .arg(i)
                .arg(users.size());
        for (const QJsonValue &u : users)
            if (!m_directory.personById(u.toString()))
                return QStringLiteral(
                           "notifications.config[%1]: '%2' is not a user id of this tenant (GET /2/0/users).")
                    .arg(i)
                    .arg(u.toVariant().toString());
    }
    out->integrationIds = {ids.at(0).toString()};
    out->channels = channelList;
    out->config = config;
    return {};
}

QString CloudWorks::parseFlow(const QJsonObject &body, const Actor &who, FlowRecord *out) const
{
    const QString where = QStringLiteral("The integration flow");
    QString name;
    QString type;
    if (QString p = requireNameAndVersion(body, where, &name); !p.isEmpty())
        return p;
    if (QString p = requireString(body, QStringLiteral("type"), where, &type); !p.isEmpty())
        return p;
    if (type != QLatin1String("IntegrationFlow"))
        return QStringLiteral("type must be \"IntegrationFlow\" (got \"%1\").").arg(type);
    const QJsonArray steps = body.value(QStringLiteral("steps")).toArray();
    if (steps.size() < 2 || steps.size() > 100)
        return QStringLiteral("A flow needs 2 to 100 steps (got %1).").arg(steps.size());
    QStringList referrers;
    int enabled = 0;
    const qint64 at = now();
    out->steps.clear();
    for (int i = 0; i < steps.size(); ++i) {
        const QJsonObject s = steps.at(i).toObject();
        const QString sw = QStringLiteral("steps[%1]").arg(i);
        if (s.value(QStringLiteral("type")).toString() != QLatin1String("Integration"))
            return QStringLiteral("%1: type must be \"Integration\".").arg(sw);
        FlowStepRecord step;
        if (QString p = requireString(s, QStringLiteral("referrer"), sw, &step.referrer); !p.isEmpty())
            return p;
        bool exists = false;
        for (const IntegrationRecord &integration : m_integrations)
            exists = exists || integration.id == step.referrer;
        if (!exists)
            return QStringLiteral("%1: the integration '%2' does not exist.").arg(sw, step.referrer);
        if (referrers.contains(step.referrer))
            return QStringLiteral("%1: the integration '%2' is already a step of this flow.")
                .arg(sw, step.referrer);
        referrers.append(step.referrer);
        if (!s.value(QStringLiteral("isSkipped")).isBool())
            return QStringLiteral("%1: isSkipped must be true or false.").arg(sw);
        step.isSkipped = s.value(QStringLiteral("isSkipped")).toBool();
        enabled += step.isSkipped ? 0 : 1;
        const QJsonValue behaviour = s.value(QStringLiteral("exceptionBehavior"));
        if (!behaviour.isArray())
            return QStringLiteral("%1: exceptionBehavior must be an array of {type, strategy}.").arg(sw);
        for (const QJsonValue &b : behaviour.toArray()) {
            const QString bt = b.toObject().value(QStringLiteral("type")).toString();
            const QString bs = b.toObject().value(QStringLiteral("strategy")).toString();
            if ((bt != QLatin1String("failure") && bt != QLatin1String("partial_success")) ||
                (bs != QLatin1String("stop") && bs != QLatin1String("continue")))
                return QStringLiteral(
                           "%1: exceptionBehavior entries need type failure|partial_success and strategy "
                           "stop|continue.")
                    .arg(sw);
        }
        step.exceptionBehavior = behaviour.toArray();
        for (const QJsonValue &d : s.value(QStringLiteral("dependsOn")).toArray())
            step.dependsOn.append(d.toString());
        step.createdBy = who.displayName;
        step.created = step.modified = at;
        out->steps.append(step);
    }
    // dependsOn may be omitted (Anaplan accepts it; the library warns); what is given must name steps and
    // must not loop.
    for (const FlowStepRecord &step : std::as_const(out->steps))
        for (const QString &d : step.dependsOn)
            if (!referrers.contains(d) || d == step.referrer)
                return QStringLiteral("Step %1 depends on '%2', which is not another step of this flow.")
                    .arg(step.referrer, d);
    QSet<QString> done;
    for (int round = 0; round < out->steps.size(); ++round)
        for (const FlowStepRecord &step : std::as_const(out->steps)) {
            bool ready = true;
            for (const QString &d : step.dependsOn)
                ready = ready && done.contains(d);
            if (ready)
                done.insert(step.referrer);
        }
    if (done.size() != out->steps.size())
        return QStringLiteral("The steps' dependsOn form a loop.");
    if (enabled < 2)
        return QStringLiteral("A flow needs at least two steps that are not skipped (got %1).").arg(enabled);
    out->name = name;
    out->nuxVisible = body.value(QStringLiteral("nuxVisible")).toBool(false);
    return {};
}

} // namespace sandbox::cloudworks
