#include "CloudJsonViews.h"

#include "../../JsonViews.h"

using namespace Qt::StringLiterals;

namespace anadesk::cli::cloudjson {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue optionalInt(std::optional<int> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

void addVersioned(QJsonObject &o, const cloudworks::Versioned &v)
{
    o.insert(u"creationDate"_s, v.creationDate);
    o.insert(u"modificationDate"_s, v.modificationDate);
    o.insert(u"createdBy"_s, v.createdBy);
    o.insert(u"modifiedBy"_s, orNull(v.modifiedBy));
}

QString fullName(const QString &first, const QString &last)
{
    return QStringList{first, last}.join(QLatin1Char(' ')).trimmed();
}

} // namespace

// --- SCIM ------------------------------------------------------------------------------------------

QJsonObject toJson(const scim::User &u)
{
    QJsonArray emails;
    for (const scim::Email &e : u.emails)
        emails.append(QJsonObject{{u"value"_s, e.value}, {u"type"_s, e.type}, {u"primary"_s, e.primary}});
    QJsonArray entitlements;
    for (const scim::Entitlement &e : u.entitlements)
        entitlements.append(e.toJson());
    const QString name =
        u.displayName.isEmpty() ? fullName(u.name.givenName, u.name.familyName) : u.displayName;
    return {{u"id"_s, u.id},
            {u"name"_s, name},
            {u"userName"_s, u.userName},
            {u"givenName"_s, u.name.givenName},
            {u"familyName"_s, u.name.familyName},
            {u"displayName"_s, u.displayName},
            {u"externalId"_s, orNull(u.externalId)},
            {u"active"_s, u.active},
            {u"emails"_s, emails},
            {u"workspaceIds"_s, strings(u.workspaceIds())},
            {u"entitlements"_s, entitlements},
            {u"created"_s, u.meta.created},
            {u"lastModified"_s, u.meta.lastModified}};
}

QJsonObject toJson(const scim::ServiceProviderConfig &c)
{
    QJsonArray schemes;
    for (const scim::AuthenticationScheme &s : c.authenticationSchemes)
        schemes.append(QJsonObject{{u"name"_s, s.name},
                                   {u"type"_s, s.type},
                                   {u"description"_s, s.description},
                                   {u"specUri"_s, s.specUri},
                                   {u"documentationUri"_s, s.documentationUri}});
    return {{u"schemas"_s, strings(c.schemas)},
            {u"documentationUri"_s, c.documentationUri},
            {u"patchSupported"_s, c.patchSupported},
            {u"changePasswordSupported"_s, c.changePasswordSupported},
            {u"sortSupported"_s, c.sortSupported},
            {u"etagSupported"_s, c.etagSupported},
            {u"bulkSupported"_s, c.bulkSupported},
            {u"bulkMaxOperations"_s, c.bulkMaxOperations},
            {u"bulkMaxPayloadSize"_s, double(c.bulkMaxPayloadSize)},
            {u"filterSupported"_s, c.filterSupported},
            {u"filterMaxResults"_s, c.filterMaxResults},
            {u"authenticationSchemes"_s, schemes}};
}

QJsonObject toJson(const scim::ResourceType &t)
{
    return {{u"id"_s, t.id},
            {u"name"_s, t.name},
            {u"endpoint"_s, t.endpoint},
            {u"description"_s, t.description},
            {u"schema"_s, t.schema},
            {u"schemas"_s, strings(t.schemas)},
            {u"location"_s, t.location}};
}

QJsonObject toJson(const scim::SchemaAttribute &a)
{
    QJsonObject o{{u"name"_s, a.name},
                  {u"type"_s, a.type},
                  {u"multiValued"_s, a.multiValued},
                  {u"description"_s, a.description},
                  {u"required"_s, a.required},
                  {u"caseExact"_s, a.caseExact},
                  {u"mutability"_s, a.mutability},
                  {u"returned"_s, a.returned},
                  {u"uniqueness"_s, a.uniqueness}};
    if (!a.subAttributes.isEmpty())
        o.insert(u"subAttributes"_s, array(a.subAttributes));
    return o;
}

QJsonObject toJson(const scim::Schema &s)
{
    return {{u"id"_s, s.id},
            {u"name"_s, s.name},
            {u"description"_s, s.description},
            {u"attributeCount"_s, int(s.attributes.size())},
            {u"attributes"_s, array(s.attributes)},
            {u"location"_s, s.location}};
}

// --- Audit -----------------------------------------------------------------------------------------

QJsonObject toJson(const audit::TenantUser &u)
{
    return {{u"id"_s, u.id},
            {u"name"_s, fullName(u.firstName, u.lastName)},
            {u"email"_s, u.email},
            {u"firstName"_s, u.firstName},
            {u"lastName"_s, u.lastName},
            {u"active"_s, u.active},
            {u"emailOptIn"_s, u.emailOptIn},
            {u"lastLoginDate"_s, orNull(u.lastLoginDate)}};
}

QJsonObject toJson(const audit::Event &e)
{
    QJsonObject o = e.raw;
    // The raw id may be a number beyond 2^53: the exact digits are kept as a string.
    o.insert(u"id"_s, e.id);
    o.insert(u"date"_s, json::isoTime(e.eventDate));
    return o;
}

// --- CloudWorks ------------------------------------------------------------------------------------

QJsonObject toJson(const cloudworks::CloudConnection &c)
{
    QJsonObject o{{u"id"_s, c.id},
                  {u"connectionId"_s, c.id},
                  {u"name"_s, c.name},
                  {u"type"_s, c.typeRaw},
                  {u"status"_s, c.status},
                  {u"valid"_s, c.isValid()},
                  {u"integrationErrorCode"_s, optionalInt(c.integrationErrorCode)},
                  {u"workspaceId"_s, orNull(c.workspaceId)},
                  {u"body"_s, c.body}};
    // The container a person recognises, whatever the type.
    QString location = c.body.value(u"bucketName"_s).toString();
    if (location.isEmpty() && c.body.contains(u"containerName"_s))
        location = c.body.value(u"storageAccountName"_s).toString() + QLatin1Char('/') +
                   c.body.value(u"containerName"_s).toString();
    if (location.isEmpty())
        location = c.body.value(u"dataset"_s).toString();
    o.insert(u"location"_s, location);
    addVersioned(o, c.versioned);
    return o;
}

QJsonObject toJson(const cloudworks::LatestRun &r)
{
    return {{u"triggeredBy"_s, r.triggeredBy},
            {u"startDate"_s, r.startDate},
            {u"endDate"_s, orNull(r.endDate)},
            {u"success"_s, r.success},
            {u"message"_s, r.message},
            {u"executionErrorCode"_s, optionalInt(r.executionErrorCode)},
            {u"triggerSource"_s, r.triggerSource},
            {u"outcome"_s, runOutcome(r.endDate.isEmpty(), r.success, r.executionErrorCode)}};
}

QJsonObject toJson(const cloudworks::Schedule &s)
{
    QJsonArray days;
    for (int d : s.daysOfWeek)
        days.append(d);
    QJsonObject o{{u"name"_s, s.name},     {u"type"_s, s.typeRaw},        {u"timezone"_s, s.timezone},
                  {u"time"_s, s.time},     {u"fromTime"_s, s.fromTime},   {u"toTime"_s, s.toTime},
                  {u"daysOfWeek"_s, days}, {u"startDate"_s, s.startDate}, {u"endDate"_s, s.endDate},
                  {u"status"_s, s.status}, {u"enabled"_s, s.isEnabled()}};
    o.insert(u"dayOfMonth"_s, optionalInt(s.dayOfMonth));
    o.insert(u"dayOfWeek"_s, optionalInt(s.dayOfWeek));
    o.insert(u"repeatEvery"_s, optionalInt(s.repeatEvery));
    return o;
}

QJsonObject toJson(const cloudworks::JobEndpoint &e)
{
    QJsonObject o = e.toJson();
    if (!e.connectionName.isEmpty())
        o.insert(u"connectionName"_s, e.connectionName);
    if (!e.bucketName.isEmpty())
        o.insert(u"bucketName"_s, e.bucketName);
    if (e.isConnectionDeleted)
        o.insert(u"isConnectionDeleted"_s, true);
    return o;
}

QJsonObject toJson(const cloudworks::IntegrationJob &j)
{
    return {{u"type"_s, j.type}, {u"sources"_s, array(j.sources)}, {u"targets"_s, array(j.targets)}};
}

QJsonObject toJson(const cloudworks::Integration &i)
{
    QJsonObject o{
        {u"id"_s, i.id},
        {u"integrationId"_s, i.id},
        {u"name"_s, i.name},
        {u"integrationType"_s, i.typeRaw.isEmpty() ? cloudworks::integrationTypeName(i.type) : i.typeRaw},
        {u"workspaceId"_s, i.workspaceId},
        {u"modelId"_s, i.modelId},
        {u"processId"_s, orNull(i.processId)},
        {u"notificationId"_s, orNull(i.notificationId)},
        {u"nuxVisible"_s, i.nuxVisible},
        {u"latestRun"_s, i.latestRun ? QJsonValue(toJson(*i.latestRun)) : QJsonValue()},
        {u"schedule"_s, i.schedule ? QJsonValue(toJson(*i.schedule)) : QJsonValue()}};
    // Flat copies for human tables.
    o.insert(u"lastRun"_s, i.latestRun ? i.latestRun->startDate : QString());
    o.insert(u"lastOutcome"_s, i.latestRun ? runOutcome(i.latestRun->endDate.isEmpty(), i.latestRun->success,
                                                        i.latestRun->executionErrorCode)
                                           : QString());
    o.insert(u"scheduleType"_s, i.schedule ? i.schedule->typeRaw : QString());
    if (!i.jobs.isEmpty())
        o.insert(u"jobs"_s, array(i.jobs));
    addVersioned(o, i.versioned);
    return o;
}

QJsonObject toJson(const cloudworks::RunSummary &r)
{
    return {{u"id"_s, r.id},
            {u"runId"_s, r.id},
            {u"triggeredBy"_s, r.triggeredBy},
            {u"lastRun"_s, r.lastRun},
            {u"startDate"_s, r.startDate},
            {u"endDate"_s, orNull(r.endDate)},
            {u"running"_s, r.isRunning()},
            {u"success"_s, r.success},
            {u"message"_s, r.message},
            {u"executionErrorCode"_s, optionalInt(r.executionErrorCode)},
            {u"outcome"_s, runOutcome(r.isRunning(), r.success, r.executionErrorCode)},
            {u"traceId"_s, r.traceId},
            {u"triggerSource"_s, r.triggerSource},
            {u"flowGroupId"_s, orNull(r.flowGroupId)}};
}

QJsonObject toJson(const cloudworks::RunStatus &r)
{
    QJsonObject o{{u"id"_s, r.id},
                  {u"runId"_s, r.id},
                  {u"integrationId"_s, r.integrationId},
                  {u"traceId"_s, r.traceId},
                  {u"startDate"_s, r.startDate},
                  {u"endDate"_s, orNull(r.endDate)},
                  {u"running"_s, r.isRunning()},
                  {u"success"_s, r.success},
                  {u"message"_s, r.message},
                  {u"executionErrorCode"_s, optionalInt(r.executionErrorCode)},
                  {u"outcome"_s, runOutcome(r.isRunning(), r.success, r.executionErrorCode)},
                  {u"flowGroupId"_s, orNull(r.flowGroupId)},
                  {u"triggerSource"_s, r.triggerSource}};
    addVersioned(o, r.versioned);
    return o;
}

QJsonObject toJson(const cloudworks::RunError &e)
{
    QJsonArray actions;
    for (const cloudworks::ActionError &a : e.errorMessages) {
        QJsonArray messages;
        for (const cloudworks::RunErrorMessage &m : a.messages)
            messages.append(QJsonObject{{u"localMessageText"_s, m.localMessageText},
                                        {u"occurrences"_s, m.occurrences},
                                        {u"type"_s, m.type},
                                        {u"values"_s, strings(m.values)}});
        actions.append(QJsonObject{{u"actionId"_s, a.actionId},
                                   {u"actionName"_s, a.actionName},
                                   {u"failureDumpGenerated"_s, a.failureDumpGenerated},
                                   {u"errorMessages"_s, messages}});
    }
    return {{u"runId"_s, e.runId}, {u"taskId"_s, orNull(e.taskId)}, {u"errorMessages"_s, actions}};
}

QJsonObject toJson(const cloudworks::NotificationConfig &n)
{
    QJsonArray rules;
    QStringList types;
    for (const cloudworks::NotificationRule &r : n.rules) {
        QJsonArray users;
        for (const cloudworks::NotificationUser &u : r.users)
            users.append(QJsonObject{
                {u"userGuid"_s, u.userGuid}, {u"firstName"_s, u.firstName}, {u"lastName"_s, u.lastName}});
        rules.append(QJsonObject{{u"type"_s, r.type}, {u"users"_s, users}});
        types.append(r.type);
    }
    return {{u"id"_s, n.id},
            {u"notificationId"_s, n.id},
            {u"integrationIds"_s, strings(n.integrationIds)},
            {u"channels"_s, strings(n.channels)},
            {u"notifications"_s, rules},
            {u"types"_s, strings(types)}};
}

QJsonObject toJson(const cloudworks::FlowStep &s)
{
    return {{u"id"_s, s.referrer},
            {u"referrer"_s, s.referrer},
            {u"name"_s, s.name},
            {u"type"_s, s.type},
            {u"modelId"_s, s.modelId},
            {u"workspaceId"_s, s.workspaceId},
            {u"dependsOn"_s, strings(s.dependsOn)},
            {u"isSkipped"_s, s.isSkipped},
            {u"onFailure"_s, s.onFailure},
            {u"onPartialSuccess"_s, s.onPartialSuccess},
            {u"latestRun"_s, s.latestRun ? QJsonValue(toJson(*s.latestRun)) : QJsonValue()},
            {u"createdBy"_s, s.createdBy},
            {u"createdDate"_s, s.createdDate},
            {u"modifiedBy"_s, orNull(s.modifiedBy)},
            {u"modifiedDate"_s, s.modifiedDate}};
}

QJsonObject toJson(const cloudworks::Flow &f)
{
    QJsonObject o{{u"id"_s, f.id},
                  {u"name"_s, f.name},
                  {u"notificationId"_s, orNull(f.notificationId)},
                  {u"nuxVisible"_s, f.nuxVisible},
                  {u"stepsCount"_s, f.stepsCount},
                  {u"latestRun"_s, f.latestRun ? QJsonValue(toJson(*f.latestRun)) : QJsonValue()},
                  {u"lastRun"_s, f.latestRun ? f.latestRun->startDate : QString()},
                  {u"lastOutcome"_s, f.latestRun
                                         ? runOutcome(f.latestRun->endDate.isEmpty(), f.latestRun->success,
                                                      f.latestRun->executionErrorCode)
                                         : QString()}};
    if (!f.steps.isEmpty())
        o.insert(u"steps"_s, array(f.steps));
    addVersioned(o, f.versioned);
    return o;
}

QString runOutcome(bool running, bool success, std::optional<int> executionErrorCode)
{
    // Stable words (not translated): scripts compare them.
    if (running)
        return QStringLiteral("running");
    if (!success)
        return QStringLiteral("failed");
    if (executionErrorCode && *executionErrorCode != 0)
        return QStringLiteral("partial-success");
    return QStringLiteral("succeeded");
}

} // namespace anadesk::cli::cloudjson
