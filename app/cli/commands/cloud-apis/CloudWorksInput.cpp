#include "CloudWorksInput.h"

#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudWorksCli.h"
#include "audit/AuditClient.h"

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorksInput", text);
}

QString fromPath(const CommandContext &c)
{
    return c.args.value(u"from"_s);
}

bool isDigits(const QString &text)
{
    static const QRegularExpression digits(u"^[0-9]+$"_s);
    return digits.match(text).hasMatch();
}

ApiError unknownKeys(const QJsonObject &o, const QSet<QString> &known, const QString &path,
                     const QString &what)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!known.contains(it.key())) {
            QStringList sorted(known.cbegin(), known.cend());
            sorted.sort();
            return cloud::badField(path, it.key(),
                                   tr("is not a field of %1 (expected: %2)").arg(what, sorted.join(u", "_s)));
        }
    return {};
}

// --- secrets ---------------------------------------------------------------------------------------

// The secret of --secret-file: the file's bytes without the line end an editor adds.
ApiError readSecretFile(const QString &path, QString *out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return localIo(tr("Cannot read the secret file"), QDir::toNativeSeparators(path), file.errorString());
    QByteArray data = file.read(1024 * 1024);
    while (data.endsWith('\n') || data.endsWith('\r'))
        data.chop(1);
    *out = QString::fromUtf8(data);
    if (out->isEmpty())
        return usage(tr("The secret file is empty: %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

QString secretKeyFor(cloudworks::ConnectionType type, const QString &authMethod)
{
    switch (type) {
    case cloudworks::ConnectionType::AmazonS3:
        return u"secretAccessKey"_s;
    case cloudworks::ConnectionType::AzureBlob:
        return authMethod.compare("OAuth2"_L1, Qt::CaseInsensitive) == 0 ? u"clientSecret"_s : u"sasToken"_s;
    case cloudworks::ConnectionType::GoogleBigQuery:
        return u"serviceAccountKey"_s;
    case cloudworks::ConnectionType::Unknown:
        break;
    }
    return QString();
}

// The BigQuery key is JSON (a file downloaded from Google); given as text it must parse.
ApiError serviceAccountKey(const QJsonValue &value, const QString &source, QJsonObject *out)
{
    if (value.isObject()) {
        *out = value.toObject();
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
    if (!doc.isObject())
        return usage(tr("The service account key from %1 is not a JSON object").arg(source),
                     tr("Give the key file Google Cloud created for the service account."));
    *out = doc.object();
    return {};
}

// --- integrations ----------------------------------------------------------------------------------

// Caches for looking up names inside one input file.
struct Lookups
{
    QHash<QString, cloudworks::CloudConnection> connections; // by id
    QHash<QString, QString> importFiles;                     // import id → its data source file id
    bool importsListed = false;
};

ApiError lookupConnection(CommandContext &c, Lookups &l, const QString &idOrName,
                          cloudworks::CloudConnection *out)
{
    if (l.connections.contains(idOrName)) {
        *out = l.connections.value(idOrName);
        return {};
    }
    cloudworks::CloudConnection found;
    if (ApiError e = resolveConnection(c, idOrName, &found); e.isError())
        return e;
    l.connections.insert(found.id, found);
    *out = found;
    return {};
}

ApiError importDataSource(CommandContext &c, Lookups &l, const QString &importId, QString *fileId)
{
    if (!l.importsListed) {
        if (ApiError e = c.session.requireModel(); e.isError())
            return e;
        auto job = Session::own(c.session.client().getImports());
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        for (const Import &i : job->imports())
            l.importFiles.insert(i.id, i.importDataSourceId);
        l.importsListed = true;
    }
    *fileId = l.importFiles.value(importId);
    return {};
}

ApiError endpointFromJson(CommandContext &c, Lookups &l, const QJsonObject &in, const QString &where,
                          bool target, cloudworks::JobEndpoint *out)
{
    const QString path = fromPath(c);
    static const QSet<QString> known{
        u"type"_s,  u"actionId"_s,  u"fileId"_s,         u"connectionId"_s, u"file"_s,
        u"table"_s, u"overwrite"_s, u"connectionName"_s, u"bucketName"_s,   u"isConnectionDeleted"_s};
    for (auto it = in.constBegin(); it != in.constEnd(); ++it)
        if (!known.contains(it.key()))
            return cloud::badField(path, where + u"."_s + it.key(),
                                   tr("is not a field of a job source or target"));
    cloudworks::JobEndpoint e = cloudworks::JobEndpoint::fromJson(in);
    if (!e.connectionId.isEmpty()) {
        cloudworks::CloudConnection conn;
        if (ApiError err = lookupConnection(c, l, e.connectionId, &conn); err.isError())
            return err;
        e.connectionId = conn.id;
        if (e.type.isEmpty())
            e.type = conn.typeRaw;
    }
    if (!e.actionId.isEmpty() && !isDigits(e.actionId)) {
        NamedObject action;
        const ObjectKind kind = target ? ObjectKind::Import : ObjectKind::Export;
        if (ApiError err = c.session.resolve(kind, e.actionId, &action); err.isError())
            return err;
        e.actionId = action.id;
    }
    if (!e.actionId.isEmpty() && e.type.isEmpty())
        e.type = u"Anaplan"_s;
    if (target && e.type == "Anaplan"_L1 && e.fileId.isEmpty() && !e.actionId.isEmpty())
        if (ApiError err = importDataSource(c, l, e.actionId, &e.fileId); err.isError())
            return err;
    if (!e.fileId.isEmpty() && !isDigits(e.fileId)) {
        NamedObject file;
        if (ApiError err = c.session.resolve(ObjectKind::File, e.fileId, &file); err.isError())
            return err;
        e.fileId = file.id;
    }
    if (e.type.isEmpty())
        return cloud::badField(
            path, where,
            tr("needs a type (Anaplan, AmazonS3, AzureBlob, GoogleBigQuery), an actionId or a "
               "connectionId"));
    *out = e;
    return {};
}

ApiError jobsFromJson(CommandContext &c, const QJsonValue &value, QList<cloudworks::IntegrationJob> *out)
{
    const QString path = fromPath(c);
    if (!value.isArray())
        return cloud::badField(path, u"jobs"_s, tr("must be a list of {\"type\", \"sources\", \"targets\"}"));
    Lookups lookups;
    const QJsonArray jobs = value.toArray();
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const QJsonObject in = jobs.at(i).toObject();
        const QString where = u"jobs[%1]"_s.arg(i);
        if (ApiError e = unknownKeys(in, {u"type"_s, u"sources"_s, u"targets"_s}, path, tr("a job"));
            e.isError())
            return e;
        cloudworks::IntegrationJob job;
        job.type = in.value(u"type"_s).toString();
        for (const char *side : {"sources", "targets"}) {
            const QString key = QLatin1String(side);
            const QJsonValue list = in.value(key);
            if (!list.isArray() || list.toArray().isEmpty())
                return cloud::badField(path, where + u"."_s + key, tr("must be a non-empty list"));
            const bool target = key == "targets"_L1;
            const QJsonArray items = list.toArray();
            for (qsizetype k = 0; k < items.size(); ++k) {
                cloudworks::JobEndpoint endpoint;
                if (ApiError e = endpointFromJson(c, lookups, items.at(k).toObject(),
                                                  u"%1.%2[%3]"_s.arg(where, key).arg(k), target, &endpoint);
                    e.isError())
                    return e;
                (target ? job.targets : job.sources).append(endpoint);
            }
        }
        if (job.type.isEmpty()) // "AmazonS3ToAnaplan", "AnaplanToAzureBlob", …
            job.type = job.sources.first().type + u"To"_s + job.targets.first().type;
        out->append(job);
    }
    return {};
}

// --- schedules -------------------------------------------------------------------------------------

ApiError daysOfWeek(const QJsonValue &value, const QString &what, QList<int> *out)
{
    static const QStringList names{u"sun"_s, u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s};
    QList<int> days;
    const QJsonArray items =
        value.isArray() ? value.toArray() : QJsonArray::fromStringList(cloud::splitList(value.toString()));
    for (const QJsonValue &v : items) {
        int day = -1;
        if (v.isDouble())
            day = v.toInt(-1);
        else {
            const QString text = v.toString().trimmed().toLower();
            bool ok = false;
            day = text.toInt(&ok);
            if (!ok)
                day = int(names.indexOf(text.left(3)));
        }
        if (day < 0 || day > 6)
            return usage(tr("%1: '%2' is not a day of the week")
                             .arg(what, cloud::idString(v).isEmpty() ? v.toString() : cloud::idString(v)),
                         tr("Use 0 (Sunday) to 6 (Saturday), or sun, mon, tue, wed, thu, fri, sat."));
        days.append(day);
    }
    *out = days;
    return {};
}

ApiError optionalNumber(const QJsonValue &value, const QString &what, std::optional<int> *out)
{
    if (value.isUndefined() || value.isNull())
        return {};
    bool ok = value.isDouble();
    int n = value.toInt();
    if (!ok) {
        n = value.toString().trimmed().toInt(&ok);
    }
    if (!ok)
        return usage(tr("%1 must be a whole number").arg(what));
    *out = n;
    return {};
}

QString defaultTimezone()
{
    // The system's zone when CloudWorks knows it; else London (core's default).
    const QString system = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    return cloudworks::timezones().contains(system) ? system : u"Europe/London"_s;
}

} // namespace

ApiError connectionInput(CommandContext &c, const QJsonObject &file, cloudworks::ConnectionType knownType,
                         cloudworks::CloudConnectionInput *out)
{
    using cloudworks::ConnectionType;
    const QString path = fromPath(c);
    // {"type", "body": {…}} (the wire shape) or everything at the top level.
    QJsonObject o = file.value(u"body"_s).toObject();
    for (auto it = file.constBegin(); it != file.constEnd(); ++it)
        if (it.key() != "body"_L1)
            o.insert(it.key(), it.value());
    const QString typeText = o.value(u"type"_s).toString(o.value(u"connectionType"_s).toString());
    const ConnectionType type =
        typeText.isEmpty() ? knownType : cloudworks::connectionTypeFromString(typeText);
    if (type == ConnectionType::Unknown)
        return cloud::badField(path, u"type"_s, tr("must be AmazonS3, AzureBlob or GoogleBigQuery"));
    if (knownType != ConnectionType::Unknown && type != knownType)
        return cloud::badField(
            path, u"type"_s,
            tr("cannot change: the connection is of type %1").arg(cloudworks::connectionTypeName(knownType)));

    QSet<QString> known{u"type"_s, u"connectionType"_s, u"name"_s, u"workspaceId"_s};
    switch (type) {
    case ConnectionType::AmazonS3:
        known.unite({u"bucketName"_s, u"accessKeyId"_s, u"secretAccessKey"_s, u"roleArn"_s});
        break;
    case ConnectionType::AzureBlob:
        known.unite({u"storageAccountName"_s, u"containerName"_s, u"authMethod"_s, u"auth_method"_s,
                     u"sasToken"_s, u"clientId"_s, u"clientSecret"_s, u"tenantId"_s});
        break;
    case ConnectionType::GoogleBigQuery:
        known.unite({u"dataset"_s, u"serviceAccountKey"_s});
        break;
    case ConnectionType::Unknown:
        break;
    }
    if (ApiError e =
            unknownKeys(o, known, path, tr("a %1 connection").arg(cloudworks::connectionTypeName(type)));
        e.isError())
        return e;

    cloudworks::CloudConnectionInput in;
    in.type = type;
    const auto text = [&o](const char *key) { return o.value(QLatin1String(key)).toString().trimmed(); };
    in.name = text("name");
    in.workspaceId = text("workspaceId");
    in.bucketName = text("bucketName");
    in.accessKeyId = text("accessKeyId");
    in.roleArn = text("roleArn");
    in.storageAccountName = text("storageAccountName");
    in.containerName = text("containerName");
    in.authMethod = o.contains(u"auth_method"_s) ? text("auth_method") : text("authMethod");
    in.clientId = text("clientId");
    in.tenantId = text("tenantId");
    in.dataset = text("dataset");

    // The one secret: from the file, --secret-file, or the environment (explicit sources first).
    const QString secretKey = secretKeyFor(type, in.authMethod);
    const bool inFile = o.contains(secretKey);
    const bool fromOption = c.args.isSet(u"secret-file"_s);
    if (inFile && fromOption)
        return usage(tr("The %1 is given twice: in the input file and with --secret-file").arg(secretKey),
                     tr("Keep one of them."));
    QJsonValue secret;
    QString source;
    if (inFile) {
        secret = o.value(secretKey);
        source = tr("the input file");
    } else if (fromOption) {
        QString value;
        if (ApiError e = readSecretFile(c.args.value(u"secret-file"_s), &value); e.isError())
            return e;
        secret = value;
        source = tr("--secret-file");
    } else if (qEnvironmentVariableIsSet(kSecretVariable) && !qEnvironmentVariableIsEmpty(kSecretVariable)) {
        secret = qEnvironmentVariable(kSecretVariable);
        source = QLatin1String(kSecretVariable);
    } else {
        return usage(
            tr("No %1 was given for the %2 connection").arg(secretKey, cloudworks::connectionTypeName(type)),
            tr("Put \"%1\" in the input file, pass --secret-file PATH, or set the environment variable "
               "%2. Secrets are never taken from the command line.")
                .arg(secretKey, QLatin1String(kSecretVariable)));
    }
    if (type == ConnectionType::GoogleBigQuery) {
        if (ApiError e = serviceAccountKey(secret, source, &in.serviceAccountKey); e.isError())
            return e;
    } else if (!secret.isString() || secret.toString().isEmpty()) {
        return usage(tr("The %1 from %2 must be a non-empty text value").arg(secretKey, source));
    } else if (secretKey == "secretAccessKey"_L1) {
        in.secretAccessKey = secret.toString();
    } else if (secretKey == "sasToken"_L1) {
        in.sasToken = secret.toString();
    } else {
        in.clientSecret = secret.toString();
    }
    if (const QString problem = in.validationError(); !problem.isEmpty())
        return cloud::badField(path, {}, problem);
    *out = in;
    return {};
}

ApiError connectionPatch(CommandContext &c, const QJsonObject &file, cloudworks::ConnectionType type,
                         QJsonObject *out)
{
    QJsonObject o = file.value(u"body"_s).isObject() ? file.value(u"body"_s).toObject() : file;
    if (c.args.isSet(u"secret-file"_s)) {
        const QString key = secretKeyFor(type, o.value(u"authMethod"_s).toString());
        if (o.contains(key))
            return usage(tr("The %1 is given twice: in the input file and with --secret-file").arg(key),
                         tr("Keep one of them."));
        QString value;
        if (ApiError e = readSecretFile(c.args.value(u"secret-file"_s), &value); e.isError())
            return e;
        if (type == cloudworks::ConnectionType::GoogleBigQuery) {
            QJsonObject keyObject;
            if (ApiError e = serviceAccountKey(value, tr("--secret-file"), &keyObject); e.isError())
                return e;
            o.insert(key, keyObject);
        } else {
            o.insert(key, value);
        }
    }
    if (o.isEmpty())
        return usage(tr("Nothing to change"),
                     tr("Give the fields to change in the --from file, e.g. {\"name\": "
                        "\"New name\"}, or a new secret with --secret-file."));
    *out = o;
    return {};
}

ApiError integrationInput(CommandContext &c, const QJsonObject &o, cloudworks::IntegrationInput *out)
{
    const QString path = fromPath(c);
    if (ApiError e = unknownKeys(o,
                                 {u"name"_s, u"version"_s, u"workspaceId"_s, u"modelId"_s, u"processId"_s,
                                  u"nuxVisible"_s, u"jobs"_s},
                                 path, tr("an integration"));
        e.isError())
        return e;
    cloudworks::IntegrationInput in;
    in.name = o.value(u"name"_s).toString().trimmed();
    in.workspaceId = o.value(u"workspaceId"_s).toString().trimmed();
    in.modelId = o.value(u"modelId"_s).toString().trimmed();
    in.nuxVisible = o.value(u"nuxVisible"_s).toBool(false);
    if (in.modelId.isEmpty() || in.workspaceId.isEmpty()) {
        // The model of --model (by id or name) and its workspace.
        if (ApiError e = c.session.requireModel(); e.isError()) {
            e.hint = tr("Put workspaceId and modelId in the input file, or pass --model ID|NAME.");
            return e;
        }
        if (in.modelId.isEmpty())
            in.modelId = c.session.modelId();
        if (in.workspaceId.isEmpty())
            in.workspaceId = c.session.workspaceId();
    }
    in.processId = cloud::idString(o.value(u"processId"_s));
    if (!in.processId.isEmpty() && !isDigits(in.processId)) {
        NamedObject process;
        if (ApiError e = c.session.resolve(ObjectKind::Process, in.processId, &process); e.isError())
            return e;
        in.processId = process.id;
    }
    if (o.contains(u"jobs"_s))
        if (ApiError e = jobsFromJson(c, o.value(u"jobs"_s), &in.jobs); e.isError())
            return e;
    if (const QString problem = in.validationError(); !problem.isEmpty())
        return cloud::badField(path, {}, problem);
    *out = in;
    return {};
}

ApiError scheduleInput(CommandContext &c, const QString &defaultName, cloudworks::ScheduleInput *out)
{
    QJsonObject o;
    if (c.args.isSet(u"from"_s)) {
        if (ApiError e = cloud::readJsonObjectInput(fromPath(c), tr("the schedule"), &o); e.isError())
            return e;
        if (o.value(u"schedule"_s).isObject()) // {"integrationId", "schedule": {…}} as sent on the wire
            o = o.value(u"schedule"_s).toObject();
        if (ApiError e = unknownKeys(o,
                                     {u"name"_s, u"type"_s, u"timezone"_s, u"time"_s, u"fromTime"_s,
                                      u"toTime"_s, u"daysOfWeek"_s, u"dayOfMonth"_s, u"dayOfWeek"_s,
                                      u"repeatEvery"_s, u"startDate"_s, u"endDate"_s, u"status"_s},
                                     fromPath(c), tr("a schedule"));
            e.isError())
            return e;
    }
    // Options win over the file.
    const QList<std::pair<QString, QString>> options{{u"type"_s, u"type"_s},
                                                     {u"name"_s, u"name"_s},
                                                     {u"timezone"_s, u"timezone"_s},
                                                     {u"time"_s, u"time"_s},
                                                     {u"from-time"_s, u"fromTime"_s},
                                                     {u"to-time"_s, u"toTime"_s},
                                                     {u"days"_s, u"daysOfWeek"_s},
                                                     {u"day-of-month"_s, u"dayOfMonth"_s},
                                                     {u"day-of-week"_s, u"dayOfWeek"_s},
                                                     {u"repeat-every"_s, u"repeatEvery"_s},
                                                     {u"start-date"_s, u"startDate"_s},
                                                     {u"end-date"_s, u"endDate"_s}};
    for (const auto &[option, key] : options)
        if (c.args.isSet(option))
            o.insert(key, c.args.value(option));

    cloudworks::ScheduleInput in;
    const QString typeText = o.value(u"type"_s).toString().trimmed();
    in.type = cloudworks::scheduleTypeFromString(typeText);
    if (in.type == cloudworks::ScheduleType::Unknown)
        return usage(
            typeText.isEmpty() ? tr("The schedule needs a type")
                               : tr("'%1' is not a schedule type").arg(typeText),
            tr("Pass --type hourly, daily, weekly, monthly_specific_day or monthly_relative_weekday."));
    in.name = o.value(u"name"_s).toString(defaultName).trimmed();
    in.timezone = o.value(u"timezone"_s).toString(defaultTimezone()).trimmed();
    if (!cloudworks::timezones().contains(in.timezone))
        return usage(tr("CloudWorks does not accept the timezone '%1'").arg(in.timezone),
                     tr("See the accepted names with 'anadesk-cli cw timezones'."));
    in.time = o.value(u"time"_s).toString().trimmed();
    in.fromTime = o.value(u"fromTime"_s).toString().trimmed();
    in.toTime = o.value(u"toTime"_s).toString().trimmed();
    in.startDate = o.value(u"startDate"_s).toString(QDate::currentDate().toString(Qt::ISODate)).trimmed();
    in.endDate = o.value(u"endDate"_s).toString().trimmed();
    if (in.endDate.isEmpty())
        return usage(tr("The schedule needs an end date"),
                     tr("Pass --end-date YYYY-MM-DD (CloudWorks requires one)."));
    if (o.contains(u"daysOfWeek"_s))
        if (ApiError e = daysOfWeek(o.value(u"daysOfWeek"_s), tr("the days of the week"), &in.daysOfWeek);
            e.isError())
            return e;
    if (ApiError e = optionalNumber(o.value(u"dayOfMonth"_s), tr("The day of the month"), &in.dayOfMonth);
        e.isError())
        return e;
    if (o.contains(u"dayOfWeek"_s)) {
        QList<int> one;
        if (ApiError e = daysOfWeek(QJsonArray{o.value(u"dayOfWeek"_s)}, tr("the day of the week"), &one);
            e.isError())
            return e;
        in.dayOfWeek = one.first();
    }
    if (ApiError e = optionalNumber(o.value(u"repeatEvery"_s), tr("repeat-every"), &in.repeatEvery);
        e.isError())
        return e;
    if (in.type == cloudworks::ScheduleType::Hourly && !in.repeatEvery)
        in.repeatEvery = 1;
    if (const QString problem = in.validationError(); !problem.isEmpty())
        return usage(problem,
                     tr("See the fields of each schedule type in 'anadesk-cli cw schedule-set --help'."));
    *out = in;
    return {};
}

ApiError notificationInput(CommandContext &c, const QJsonObject &o, cloudworks::NotificationInput *out)
{
    const QString path = fromPath(c);
    if (ApiError e = unknownKeys(o, {u"integrationIds"_s, u"channels"_s, u"notifications"_s}, path,
                                 tr("a notification configuration"));
        e.isError())
        return e;
    cloudworks::NotificationInput in;
    bool ok = true;
    QStringList integrations = o.contains(u"integrationIds"_s)
                                   ? cloud::stringList(o.value(u"integrationIds"_s), &ok)
                                   : QStringList();
    if (!ok)
        return cloud::badField(path, u"integrationIds"_s, tr("must be a list of integration ids or names"));
    if (c.args.isSet(u"integration"_s)) {
        if (!integrations.isEmpty())
            return usage(tr("The integration is given twice: in the input file and with --integration"));
        integrations = {c.args.value(u"integration"_s)};
    }
    for (const QString &i : integrations) {
        NamedObject integration;
        if (ApiError e = resolveIntegration(c, i, &integration); e.isError())
            return e;
        in.integrationIds.append(integration.id);
    }
    in.channels = cloud::stringList(o.value(u"channels"_s), &ok);
    if (!ok)
        return cloud::badField(path, u"channels"_s, tr("must be a list: \"email\" and/or \"in_app\""));

    // E-mail addresses are looked up among the tenant's users once.
    QHash<QString, QString> idsByEmail;
    bool usersListed = false;
    const QJsonArray config = o.value(u"notifications"_s).toObject().value(u"config"_s).toArray();
    for (qsizetype i = 0; i < config.size(); ++i) {
        const QJsonObject rule = config.at(i).toObject();
        cloudworks::NotificationInput::Rule r;
        r.type = rule.value(u"type"_s).toString();
        for (const QJsonValue &u : rule.value(u"users"_s).toArray()) {
            QString user = u.isObject() ? u.toObject().value(u"userGuid"_s).toString() : u.toString();
            user = user.trimmed();
            if (user.contains(QLatin1Char('@'))) {
                if (!usersListed) {
                    auto job = Session::own(c.session.connection()->audit().getUsers());
                    if (ApiError e = c.session.wait(job); e.isError())
                        return e;
                    for (const audit::TenantUser &t : job->users())
                        idsByEmail.insert(t.email.toLower(), t.id);
                    usersListed = true;
                }
                const QString id = idsByEmail.value(user.toLower());
                if (id.isEmpty()) {
                    ApiError e;
                    e.category = ErrorCategory::NotFound;
                    e.message = tr("No user of the tenant has the e-mail address '%1'").arg(user);
                    e.object = QDir::toNativeSeparators(path);
                    e.hint = tr("See the users with 'anadesk-cli audit users'.");
                    return e;
                }
                user = id;
            }
            if (user.isEmpty())
                return cloud::badField(path, u"notifications.config[%1].users"_s.arg(i),
                                       tr("has an empty entry (give user ids or e-mail addresses)"));
            r.userIds.append(user);
        }
        in.rules.append(r);
    }
    if (const QString problem = in.validationError(); !problem.isEmpty())
        return cloud::badField(path, {}, problem);
    *out = in;
    return {};
}

ApiError flowInput(CommandContext &c, cloudworks::FlowInput *out)
{
    cloudworks::FlowInput in;
    const QString path = fromPath(c);
    const bool chain = c.args.isSet(u"chain"_s);
    if (chain && c.args.isSet(u"from"_s))
        return usage(tr("Give the steps either with --from or with --chain, not both"));
    if (chain) {
        QStringList ids;
        for (const QString &step : cloud::splitList(c.args.value(u"chain"_s))) {
            NamedObject integration;
            if (ApiError e = resolveIntegration(c, step, &integration); e.isError())
                return e;
            ids.append(integration.id);
        }
        in = cloudworks::FlowInput::chain(c.args.value(u"name"_s).trimmed(), ids);
    } else {
        QJsonObject o;
        if (ApiError e = cloud::requireFromObject(c, tr("the flow"), &o); e.isError()) {
            if (e.category == ErrorCategory::BadInput && !c.args.isSet(u"from"_s))
                e.hint = tr(
                    "Pass --from PATH (the flow as JSON) or --name NAME --chain INTEGRATION,INTEGRATION,….");
            return e;
        }
        if (ApiError e = unknownKeys(o, {u"name"_s, u"version"_s, u"type"_s, u"steps"_s}, path, tr("a flow"));
            e.isError())
            return e;
        in.name = o.value(u"name"_s).toString().trimmed();
        const QJsonArray steps = o.value(u"steps"_s).toArray();
        QHash<QString, QString> resolved; // what the file says → integration id
        const auto integrationId = [&](const QString &text, QString *id) -> ApiError {
            if (resolved.contains(text)) {
                *id = resolved.value(text);
                return {};
            }
            NamedObject integration;
            if (ApiError e = resolveIntegration(c, text, &integration); e.isError())
                return e;
            resolved.insert(text, integration.id);
            *id = integration.id;
            return {};
        };
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QJsonObject s = steps.at(i).toObject();
            const QString where = u"steps[%1]"_s.arg(i);
            if (ApiError e =
                    unknownKeys(s,
                                {u"type"_s, u"referrer"_s, u"integrationId"_s, u"dependsOn"_s, u"isSkipped"_s,
                                 u"exceptionBehavior"_s, u"onFailure"_s, u"onPartialSuccess"_s, u"name"_s},
                                path, tr("a flow step"));
                e.isError())
                return e;
            cloudworks::FlowStepInput step;
            const QString ref = cloud::idString(s.value(u"referrer"_s)).isEmpty()
                                    ? s.value(u"integrationId"_s).toString().trimmed()
                                    : cloud::idString(s.value(u"referrer"_s));
            if (ref.isEmpty())
                return cloud::badField(path, where, tr("needs the integration: \"referrer\" (id or name)"));
            if (ApiError e = integrationId(ref, &step.integrationId); e.isError())
                return e;
            bool ok = true;
            const QStringList depends =
                s.contains(u"dependsOn"_s) ? cloud::stringList(s.value(u"dependsOn"_s), &ok) : QStringList();
            if (!ok)
                return cloud::badField(path, where + u".dependsOn"_s,
                                       tr("must be a list of integration ids or names"));
            for (const QString &d : depends) {
                QString id;
                if (ApiError e = integrationId(d, &id); e.isError())
                    return e;
                step.dependsOn.append(id);
            }
            step.isSkipped = s.value(u"isSkipped"_s).toBool(false);
            for (const QJsonValue &b : s.value(u"exceptionBehavior"_s).toArray()) {
                const QString type = b.toObject().value(u"type"_s).toString();
                const QString strategy = b.toObject().value(u"strategy"_s).toString();
                if (type == "failure"_L1)
                    step.onFailure = strategy;
                else if (type == "partial_success"_L1)
                    step.onPartialSuccess = strategy;
            }
            step.onFailure = s.value(u"onFailure"_s).toString(step.onFailure);
            step.onPartialSuccess = s.value(u"onPartialSuccess"_s).toString(step.onPartialSuccess);
            in.steps.append(step);
        }
        if (c.args.isSet(u"name"_s))
            in.name = c.args.value(u"name"_s).trimmed();
    }
    if (const QString problem = in.validationError(); !problem.isEmpty())
        return chain ? usage(problem) : cloud::badField(path, {}, problem);
    *out = in;
    return {};
}

} // namespace anadesk::cli::cw
