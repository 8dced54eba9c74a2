#include "ScimDirectory.h"

#include "ScimFilter.h"
#include "ScimSeed.h"
#include "audit/AuditLog.h"
#include "auth/AuthService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

namespace sandbox::scim {

namespace {

const QString kUserSchema = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:User");
const QString kPatchSchema = QStringLiteral("urn:ietf:params:scim:api:messages:2.0:PatchOp");

ScimFailure bad(const QString &scimType, const QString &detail)
{
    return {400, scimType, detail};
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// The attributes Anaplan lets clients filter on, and how they compare (RFC 7643: id and externalId are
// case-exact, userName and names are not).
std::optional<AttributeType> anaplanFilterType(const QString &path)
{
    if (path == QLatin1String("id") || path == QLatin1String("externalid"))
        return AttributeType::CaseExactString;
    if (path == QLatin1String("username") || path == QLatin1String("name.familyname") ||
        path == QLatin1String("name.givenname"))
        return AttributeType::String;
    if (path == QLatin1String("active"))
        return AttributeType::Boolean;
    return std::nullopt;
}

// Types inside PATCH paths ("entitlements[value eq \"…\"]").
std::optional<AttributeType> patchPathType(const QString &path)
{
    if (path == QLatin1String("entitlements.value"))
        return AttributeType::CaseExactString;
    if (path.startsWith(QLatin1String("entitlements.")))
        return AttributeType::String;
    return anaplanFilterType(path);
}

class UserSubject : public FilterSubject
{
public:
    explicit UserSubject(const UserRecord &user) : m_user(user) {}
    QList<QJsonValue> values(const QString &path) const override
    {
        const auto text = [](const QString &s) { return s.isEmpty() ? QList<QJsonValue>{} : QList<QJsonValue>{s}; };
        if (path == QLatin1String("id"))
            return text(m_user.id);
        if (path == QLatin1String("externalid"))
            return text(m_user.externalId);
        if (path == QLatin1String("username") || path == QLatin1String("emails.value") ||
            path == QLatin1String("emails"))
            return text(m_user.userName);
        if (path == QLatin1String("name.familyname"))
            return text(m_user.familyName);
        if (path == QLatin1String("name.givenname"))
            return text(m_user.givenName);
        if (path == QLatin1String("name.formatted") || path == QLatin1String("displayname"))
            return text(m_user.givenName + QLatin1Char(' ') + m_user.familyName);
        if (path == QLatin1String("active"))
            return {QJsonValue(m_user.active)};
        if (path == QLatin1String("entitlements.value") || path == QLatin1String("entitlements")) {
            QList<QJsonValue> out;
            for (const QString &w : m_user.workspaceIds)
                out.append(w);
            return out;
        }
        return {};
    }

private:
    const UserRecord &m_user;
};

bool looksLikeEmail(const QString &s)
{
    static const QRegularExpression rx(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return rx.match(s).hasMatch();
}

QJsonObject userToStorage(const UserRecord &u)
{
    QJsonObject o{{QStringLiteral("id"), u.id},
                  {QStringLiteral("userName"), u.userName},
                  {QStringLiteral("givenName"), u.givenName},
                  {QStringLiteral("familyName"), u.familyName},
                  {QStringLiteral("active"), u.active},
                  {QStringLiteral("workspaceIds"), QJsonArray::fromStringList(u.workspaceIds)},
                  {QStringLiteral("created"), double(u.created)},
                  {QStringLiteral("lastModified"), double(u.lastModified)},
                  {QStringLiteral("lastLogin"), double(u.lastLoginMs)},
                  {QStringLiteral("emailOptIn"), u.emailOptIn}};
    if (!u.externalId.isEmpty())
        o.insert(QStringLiteral("externalId"), u.externalId);
    return o;
}

UserRecord userFromStorage(const QJsonObject &o)
{
    UserRecord u;
    u.id = o.value(QStringLiteral("id")).toString();
    u.userName = o.value(QStringLiteral("userName")).toString();
    u.externalId = o.value(QStringLiteral("externalId")).toString();
    u.givenName = o.value(QStringLiteral("givenName")).toString();
    u.familyName = o.value(QStringLiteral("familyName")).toString();
    u.active = o.value(QStringLiteral("active")).toBool(true);
    for (const QJsonValue &w : o.value(QStringLiteral("workspaceIds")).toArray())
        u.workspaceIds.append(w.toString());
    u.created = qint64(o.value(QStringLiteral("created")).toDouble());
    u.lastModified = qint64(o.value(QStringLiteral("lastModified")).toDouble());
    u.lastLoginMs = qint64(o.value(QStringLiteral("lastLogin")).toDouble(-1));
    u.emailOptIn = o.value(QStringLiteral("emailOptIn")).toBool();
    return u;
}

Person personOf(const UserRecord &u)
{
    return {u.id, u.userName, u.givenName, u.familyName, u.active, u.lastLoginMs, u.emailOptIn};
}

// SCIM booleans sometimes arrive as "True"/"False" strings (Azure AD does this); accept both.
std::optional<bool> booleanOf(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isString()) {
        if (v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (v.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return std::nullopt;
}

} // namespace

QString ScimDirectory::idForUserName(const QString &userName)
{
    return AuthService::userGuidFor(userName);
}

ScimDirectory::ScimDirectory(const SandboxConfig &config, QList<WorkspaceRecord> workspaces, NowMs clock)
    : m_config(config)
    , m_workspaces(std::move(workspaces))
    , m_clock(std::move(clock))
{
    if (!load()) {
        seed();
        QMutexLocker lock(&m_mutex);
        saveLocked();
    }
}

ScimDirectory::~ScimDirectory() = default;

void ScimDirectory::attachAudit(audit::AuditLog *audit)
{
    QMutexLocker lock(&m_mutex);
    m_audit = audit;
}

qint64 ScimDirectory::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void ScimDirectory::seed()
{
    m_anchor = now();
    m_users = seededUsers(kSeedUsers + std::max(0, m_config.largeUserCount), m_config.user, m_workspaces, m_anchor);
    reindex();
}

void ScimDirectory::reindex()
{
    m_byId.clear();
    m_byUserName.clear();
    for (int i = 0; i < m_users.size(); ++i) {
        m_byId.insert(m_users.at(i).id, i);
        m_byUserName.insert(m_users.at(i).userName.toLower(), i);
    }
}

bool ScimDirectory::load()
{
    if (m_config.dataDir.isEmpty())
        return false;
    QFile file(QDir(m_config.dataDir).filePath(QStringLiteral("scim.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("format")).toInt() != 1) {
        qWarning("sandbox: %s is not a SCIM state file of this version; seeding afresh",
                 qPrintable(file.fileName()));
        return false;
    }
    m_anchor = qint64(root.value(QStringLiteral("anchor")).toDouble());
    for (const QJsonValue &v : root.value(QStringLiteral("users")).toArray())
        m_users.append(userFromStorage(v.toObject()));
    reindex();
    return true;
}

void ScimDirectory::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    QJsonArray users;
    for (const UserRecord &u : std::as_const(m_users))
        users.append(userToStorage(u));
    const QJsonObject root{{QStringLiteral("format"), 1},
                           {QStringLiteral("anchor"), double(m_anchor)},
                           {QStringLiteral("users"), users}};
    QDir().mkpath(m_config.dataDir);
    QSaveFile file(QDir(m_config.dataDir).filePath(QStringLiteral("scim.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
        qWarning("sandbox: cannot save the SCIM users to %s: %s", qPrintable(file.fileName()),
                 qPrintable(file.errorString()));
}

QJsonObject ScimDirectory::toJson(const UserRecord &u, const QString &baseUrl) const
{
    const QString formatted = u.givenName + QLatin1Char(' ') + u.familyName;
    QJsonObject user{{QStringLiteral("schemas"), QJsonArray{kUserSchema}},
                     {QStringLiteral("id"), u.id},
                     {QStringLiteral("userName"), u.userName},
                     {QStringLiteral("name"), QJsonObject{{QStringLiteral("familyName"), u.familyName},
                                                          {QStringLiteral("givenName"), u.givenName},
                                                          {QStringLiteral("formatted"), formatted}}},
                     {QStringLiteral("displayName"), formatted},
                     {QStringLiteral("active"), u.active},
                     {QStringLiteral("emails"), QJsonArray{QJsonObject{{QStringLiteral("value"), u.userName},
                                                                       {QStringLiteral("type"), QStringLiteral("work")},
                                                                       {QStringLiteral("primary"), true}}}}};
    if (!u.externalId.isEmpty())
        user.insert(QStringLiteral("externalId"), u.externalId);
    // Anaplan answers with the three forms of the same workspace set (scim-openapi.json, entitlements.type).
    QJsonArray entitlements;
    QStringList names;
    for (const QString &id : u.workspaceIds) {
        QString name = id;
        for (const WorkspaceRecord &w : m_workspaces)
            if (w.id == id)
                name = w.name;
        names.append(name);
        entitlements.append(QJsonObject{{QStringLiteral("value"), id},
                                        {QStringLiteral("display"), name},
                                        {QStringLiteral("type"), QStringLiteral("WORKSPACE")},
                                        {QStringLiteral("primary"), false}});
    }
    if (!u.workspaceIds.isEmpty()) {
        entitlements.append(QJsonObject{{QStringLiteral("value"), u.workspaceIds.join(QLatin1Char(','))},
                                        {QStringLiteral("type"), QStringLiteral("WORKSPACE_IDS")}});
        entitlements.append(QJsonObject{{QStringLiteral("value"), names.join(QLatin1Char(','))},
                                        {QStringLiteral("type"), QStringLiteral("WORKSPACE_NAMES")}});
    }
    user.insert(QStringLiteral("entitlements"), entitlements);
    user.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("User")},
                                                    {QStringLiteral("location"), QString(baseUrl + QStringLiteral("/Users/") + u.id)},
                                                    {QStringLiteral("created"), iso(u.created)},
                                                    {QStringLiteral("lastModified"), iso(u.lastModified)}});
    return user;
}

ScimFailure ScimDirectory::list(const QString &filter, bool hasFilter, qint64 startIndex, qint64 count,
                                const QString &baseUrl, Page *out) const
{
    FilterPtr parsed;
    if (hasFilter) {
        FilterError error;
        parsed = parseFilter(filter, FilterDialect::Anaplan, anaplanFilterType, &error);
        if (!parsed)
            return bad(error.scimType, QStringLiteral("Invalid filter '%1': %2").arg(filter, error.detail));
    }
    QMutexLocker lock(&m_mutex);
    out->startIndex = startIndex;
    out->totalResults = 0;
    out->resources.clear();
    // Creation order is the listing order, so walking the pages sees every user exactly once even while
    // new users are added (they are appended at the end).
    for (const UserRecord &u : std::as_const(m_users)) {
        if (parsed && !matches(*parsed, UserSubject(u), anaplanFilterType))
            continue;
        ++out->totalResults;
        if (out->totalResults >= startIndex && out->resources.size() < count)
            out->resources.append(toJson(u, baseUrl));
    }
    return {};
}

ScimFailure ScimDirectory::get(const QString &id, const QString &baseUrl, QJsonObject *out) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return {404, QString(), QStringLiteral("No user with id '%1' exists in this tenant.").arg(id)};
    *out = toJson(m_users.at(*it), baseUrl);
    return {};
}

ScimFailure ScimDirectory::parseEntitlements(const QJsonValue &value, QStringList *workspaceIds) const
{
    QJsonArray items;
    if (value.isArray())
        items = value.toArray();
    else if (value.isObject())
        items.append(value);
    else if (!value.isNull() && !value.isUndefined())
        return bad(QStringLiteral("invalidValue"),
                   QStringLiteral("entitlements must be an array of {\"value\": <workspace id>, \"type\": "
                                  "\"WORKSPACE\"} objects."));
    QStringList requested;
    for (const QJsonValue &item : std::as_const(items)) {
        const QJsonObject o = item.toObject();
        const QString type = o.value(QStringLiteral("type")).toString(QStringLiteral("WORKSPACE"));
        const QString text = o.value(QStringLiteral("value")).toString();
        if (!item.isObject() || text.isEmpty())
            return bad(QStringLiteral("invalidValue"),
                       QStringLiteral("Each entitlement needs a non-empty string 'value' (a workspace id)."));
        QStringList parts;
        if (type == QLatin1String("WORKSPACE"))
            parts = {text.trimmed()};
        else if (type == QLatin1String("WORKSPACE_IDS") || type == QLatin1String("WORKSPACE_NAMES"))
            for (const QString &p : text.split(QLatin1Char(',')))
                if (!p.trimmed().isEmpty())
                    parts.append(p.trimmed());
        if (parts.isEmpty())
            return bad(QStringLiteral("invalidValue"),
                       QStringLiteral("Unknown entitlement type '%1'; use WORKSPACE, WORKSPACE_IDS or "
                                      "WORKSPACE_NAMES.")
                           .arg(type));
        for (const QString &part : std::as_const(parts)) {
            QString id;
            for (const WorkspaceRecord &w : m_workspaces) {
                const bool byName = type == QLatin1String("WORKSPACE_NAMES");
                if ((byName && w.name.compare(part, Qt::CaseInsensitive) == 0) || (!byName && w.id == part))
                    id = w.id;
            }
            if (id.isEmpty())
                return bad(QStringLiteral("invalidValue"),
                           QStringLiteral("The workspace %1 '%2' does not exist in this tenant (GET /2/0/workspaces "
                                          "lists them).")
                               .arg(type == QLatin1String("WORKSPACE_NAMES") ? QStringLiteral("name")
                                                                             : QStringLiteral("id"),
                                    part));
            if (!requested.contains(id))
                requested.append(id);
        }
    }
    if (requested.size() > kMaxWorkspaces)
        return bad(QStringLiteral("invalidValue"),
                   QStringLiteral("At most %1 workspaces can be assigned per call (%2 given).")
                       .arg(kMaxWorkspaces)
                       .arg(requested.size()));
    *workspaceIds = requested;
    return {};
}

ScimFailure ScimDirectory::parseUserBody(const QJsonObject &body, UserRecord *user, bool *hasEntitlements,
                                         bool *hasActive) const
{
    const QJsonArray schemas = body.value(QStringLiteral("schemas")).toArray();
    if (!schemas.contains(kUserSchema))
        return bad(QStringLiteral("invalidSyntax"),
                   QStringLiteral("The body must declare \"schemas\": [\"%1\"].").arg(kUserSchema));
    const QString userName = body.value(QStringLiteral("userName")).toString().trimmed();
    if (userName.isEmpty() || !looksLikeEmail(userName))
        return bad(QStringLiteral("invalidValue"),
                   QStringLiteral("userName is required and must be the user's e-mail address (got '%1').")
                       .arg(body.value(QStringLiteral("userName")).toVariant().toString()));
    const QJsonObject name = body.value(QStringLiteral("name")).toObject();
    const QString given = name.value(QStringLiteral("givenName")).toString().trimmed();
    const QString family = name.value(QStringLiteral("familyName")).toString().trimmed();
    if (given.isEmpty() || family.isEmpty())
        return bad(QStringLiteral("invalidValue"),
                   QStringLiteral("name.givenName and name.familyName are both required."));
    if (body.contains(QStringLiteral("externalId")) && !body.value(QStringLiteral("externalId")).isString() &&
        !body.value(QStringLiteral("externalId")).isNull())
        return bad(QStringLiteral("invalidValue"), QStringLiteral("externalId must be a string."));
    *hasActive = body.contains(QStringLiteral("active"));
    if (*hasActive) {
        const auto active = booleanOf(body.value(QStringLiteral("active")));
        if (!active)
            return bad(QStringLiteral("invalidValue"), QStringLiteral("active must be true or false."));
        user->active = *active;
    }
    *hasEntitlements = body.contains(QStringLiteral("entitlements"));
    QStringList workspaces;
    if (*hasEntitlements)
        if (ScimFailure f = parseEntitlements(body.value(QStringLiteral("entitlements")), &workspaces))
            return f;
    user->userName = userName;
    user->givenName = given;
    user->familyName = family;
    user->externalId = body.value(QStringLiteral("externalId")).toString();
    user->workspaceIds = workspaces;
    return {};
}

ScimFailure ScimDirectory::create(const QJsonObject &body, const QString &actorEmail, const QString &baseUrl,
                                  QJsonObject *out)
{
    UserRecord user;
    bool hasEntitlements = false;
    bool hasActive = false;
    if (ScimFailure f = parseUserBody(body, &user, &hasEntitlements, &hasActive))
        return f;
    QMutexLocker lock(&m_mutex);
    if (m_byUserName.contains(user.userName.toLower()))
        return {409, QStringLiteral("uniqueness"),
                QStringLiteral("A user with userName '%1' already exists (id %2); use PUT or PATCH "
                               "/Users/{id} to change it.")
                    .arg(user.userName, m_users.at(m_byUserName.value(user.userName.toLower())).id)};
    user.id = idForUserName(user.userName);
    if (m_byId.contains(user.id)) // a hash collision of two user names: never seen, but never overwrite
        return {409, QStringLiteral("uniqueness"), QStringLiteral("The user id for '%1' is taken.").arg(user.userName)};
    user.created = user.lastModified = now();
    m_users.append(user);
    m_byId.insert(user.id, int(m_users.size()) - 1);
    m_byUserName.insert(user.userName.toLower(), int(m_users.size()) - 1);
    saveLocked();
    audit(QStringLiteral("USR-1"), actorEmail, user, QStringLiteral("User %1 created").arg(user.userName),
          {{QStringLiteral("workspaces"), QJsonArray::fromStringList(user.workspaceIds)}});
    *out = toJson(user, baseUrl);
    return {};
}

ScimFailure ScimDirectory::replace(const QString &id, const QJsonObject &body, const QString &actorEmail,
                                   const QString &baseUrl, QJsonObject *out)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return {404, QString(), QStringLiteral("No user with id '%1' exists in this tenant.").arg(id)};
    UserRecord &stored = m_users[*it];
    if (body.contains(QStringLiteral("id")) && body.value(QStringLiteral("id")).toString() != id)
        return bad(QStringLiteral("mutability"),
                   QStringLiteral("The body's id '%1' differs from the id in the path '%2'.")
                       .arg(body.value(QStringLiteral("id")).toString(), id));
    UserRecord next = stored;
    bool hasEntitlements = false;
    bool hasActive = false;
    if (ScimFailure f = parseUserBody(body, &next, &hasEntitlements, &hasActive))
        return f;
    if (next.userName.compare(stored.userName, Qt::CaseInsensitive) != 0)
        return bad(QStringLiteral("mutability"),
                   QStringLiteral("userName is read-only after creation ('%1' cannot become '%2').")
                       .arg(stored.userName, next.userName));
    next.userName = stored.userName;
    // A replace is a replace (scim-openapi.json: "omitted attributes are cleared"): without entitlements the
    // user loses every workspace — Anaplan's documented trap; PATCH changes one thing. `active` keeps its
    // value when omitted (the sandbox's reading; documented).
    const QStringList before = stored.workspaceIds;
    next.lastModified = now();
    stored = next;
    saveLocked();
    audit(QStringLiteral("USR-2"), actorEmail, stored, QStringLiteral("User %1 replaced").arg(stored.userName), {});
    if (before != stored.workspaceIds)
        audit(QStringLiteral("AUTHZ-1"), actorEmail, stored,
              QStringLiteral("Workspace access of %1 changed").arg(stored.userName),
              {{QStringLiteral("before"), QJsonArray::fromStringList(before)},
               {QStringLiteral("after"), QJsonArray::fromStringList(stored.workspaceIds)}});
    *out = toJson(stored, baseUrl);
    return {};
}

ScimFailure ScimDirectory::applyOperation(UserRecord *user, const QJsonObject &operation) const
{
    const QString op = operation.value(QStringLiteral("op")).toString().toLower();
    if (op != QLatin1String("add") && op != QLatin1String("replace") && op != QLatin1String("remove"))
        return bad(QStringLiteral("invalidSyntax"),
                   QStringLiteral("Unknown PATCH op '%1'; use add, replace or remove.")
                       .arg(operation.value(QStringLiteral("op")).toVariant().toString()));
    const QString path = operation.value(QStringLiteral("path")).toString().trimmed();
    const QJsonValue value = operation.value(QStringLiteral("value"));

    if (path.isEmpty()) {
        if (op == QLatin1String("remove"))
            return bad(QStringLiteral("noTarget"), QStringLiteral("A remove operation needs a path."));
        if (!value.isObject())
            return bad(QStringLiteral("invalidValue"),
                       QStringLiteral("An %1 without a path needs an object value of attributes.").arg(op));
        // {"op":"replace","value":{"active":false,"name":{…}}}: one operation per attribute.
        const QJsonObject attributes = value.toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (it.key() == QLatin1String("name") && it.value().isObject()) {
                const QJsonObject name = it.value().toObject();
                for (auto n = name.begin(); n != name.end(); ++n)
                    if (ScimFailure f = applyOperation(user, {{QStringLiteral("op"), op},
                                                              {QStringLiteral("path"), QString(QStringLiteral("name.") + n.key())},
                                                              {QStringLiteral("value"), n.value()}}))
                        return f;
                continue;
            }
            if (ScimFailure f = applyOperation(
                    user, {{QStringLiteral("op"), op}, {QStringLiteral("path"), it.key()}, {QStringLiteral("value"), it.value()}}))
                return f;
        }
        return {};
    }

    QString lower = path.toLower();
    const QString urnPrefix = kUserSchema.toLower() + QLatin1Char(':');
    if (lower.startsWith(urnPrefix))
        lower = lower.mid(urnPrefix.size());

    if (lower == QLatin1String("active")) {
        if (op == QLatin1String("remove"))
            return bad(QStringLiteral("mutability"), QStringLiteral("active cannot be removed; replace it with false."));
        const auto active = booleanOf(value);
        if (!active)
            return bad(QStringLiteral("invalidValue"), QStringLiteral("active must be true or false."));
        user->active = *active;
        return {};
    }
    if (lower == QLatin1String("externalid")) {
        if (op == QLatin1String("remove")) {
            user->externalId.clear();
            return {};
        }
        if (!value.isString())
            return bad(QStringLiteral("invalidValue"), QStringLiteral("externalId must be a string."));
        user->externalId = value.toString();
        return {};
    }
    if (lower == QLatin1String("name.givenname") || lower == QLatin1String("name.familyname")) {
        if (op == QLatin1String("remove") || !value.isString() || value.toString().trimmed().isEmpty())
            return bad(QStringLiteral("invalidValue"), QStringLiteral("%1 is required: give it a non-empty string.").arg(path));
        (lower == QLatin1String("name.givenname") ? user->givenName : user->familyName) = value.toString().trimmed();
        return {};
    }
    if (lower == QLatin1String("name")) {
        if (op == QLatin1String("remove") || !value.isObject())
            return bad(QStringLiteral("invalidValue"), QStringLiteral("name must be an object with givenName/familyName."));
        const QJsonObject name = value.toObject();
        for (auto n = name.begin(); n != name.end(); ++n)
            if (ScimFailure f = applyOperation(user, {{QStringLiteral("op"), op},
                                                      {QStringLiteral("path"), QString(QStringLiteral("name.") + n.key())},
                                                      {QStringLiteral("value"), n.value()}}))
                return f;
        return {};
    }
    if (lower == QLatin1String("entitlements")) {
        if (op == QLatin1String("remove") && (value.isNull() || value.isUndefined())) {
            user->workspaceIds.clear();
            return {};
        }
        QStringList ids;
        if (ScimFailure f = parseEntitlements(value, &ids))
            return f;
        if (op == QLatin1String("replace")) {
            user->workspaceIds = ids;
        } else if (op == QLatin1String("add")) {
            for (const QString &id : std::as_const(ids))
                if (!user->workspaceIds.contains(id))
                    user->workspaceIds.append(id);
        } else {
            for (const QString &id : std::as_const(ids))
                user->workspaceIds.removeAll(id);
        }
        if (user->workspaceIds.size() > kMaxWorkspaces)
            return bad(QStringLiteral("invalidValue"),
                       QStringLiteral("A user can be given at most %1 workspaces per call.").arg(kMaxWorkspaces));
        return {};
    }
    if (lower.startsWith(QLatin1String("entitlements["))) {
        // entitlements[value eq "…"]: the elements the value filter selects.
        FilterError error;
        const FilterPtr filter = parseFilter(path, FilterDialect::Rfc7644, patchPathType, &error);
        if (!filter || filter->kind != FilterNode::Kind::ValuePath)
            return bad(QStringLiteral("invalidPath"),
                       QStringLiteral("The path '%1' is not a valid value path: %2").arg(path, error.detail));
        if (op != QLatin1String("remove"))
            return bad(QStringLiteral("invalidPath"),
                       QStringLiteral("Only remove is supported on a filtered entitlements path; use add or replace "
                                      "on 'entitlements'."));
        QStringList kept;
        for (const QString &id : std::as_const(user->workspaceIds)) {
            QString name;
            for (const WorkspaceRecord &w : m_workspaces)
                if (w.id == id)
                    name = w.name;
            const QJsonObject element{{QStringLiteral("entitlements"),
                                       QJsonArray{QJsonObject{{QStringLiteral("value"), id},
                                                              {QStringLiteral("display"), name},
                                                              {QStringLiteral("type"), QStringLiteral("WORKSPACE")}}}}};
            if (!matches(*filter, JsonFilterSubject(element), patchPathType))
                kept.append(id);
        }
        if (kept.size() == user->workspaceIds.size())
            return bad(QStringLiteral("noTarget"), QStringLiteral("No entitlement matches '%1'.").arg(path));
        user->workspaceIds = kept;
        return {};
    }
    if (lower == QLatin1String("username") || lower == QLatin1String("id") || lower == QLatin1String("emails") ||
        lower.startsWith(QLatin1String("emails")) || lower == QLatin1String("displayname") ||
        lower == QLatin1String("name.formatted") || lower.startsWith(QLatin1String("meta")))
        return bad(QStringLiteral("mutability"), QStringLiteral("'%1' is read-only.").arg(path));
    return bad(QStringLiteral("invalidPath"),
               QStringLiteral("Unsupported path '%1'; patchable: active, externalId, name.givenName, name.familyName, "
                              "entitlements.")
                   .arg(path));
}

ScimFailure ScimDirectory::patch(const QString &id, const QJsonObject &body, const QString &actorEmail,
                                 const QString &baseUrl, QJsonObject *out)
{
    if (!body.value(QStringLiteral("schemas")).toArray().contains(kPatchSchema))
        return bad(QStringLiteral("invalidSyntax"),
                   QStringLiteral("A PATCH body must declare \"schemas\": [\"%1\"].").arg(kPatchSchema));
    const QJsonValue operations = body.value(QStringLiteral("Operations"));
    if (!operations.isArray() || operations.toArray().isEmpty())
        return bad(QStringLiteral("invalidSyntax"), QStringLiteral("A PATCH body needs a non-empty 'Operations' array."));
    QMutexLocker lock(&m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return {404, QString(), QStringLiteral("No user with id '%1' exists in this tenant.").arg(id)};
    UserRecord next = m_users.at(*it);
    int index = 0;
    for (const QJsonValue &operation : operations.toArray()) {
        ++index;
        if (!operation.isObject())
            return bad(QStringLiteral("invalidSyntax"), QStringLiteral("Operation %1 is not an object.").arg(index));
        if (ScimFailure f = applyOperation(&next, operation.toObject())) {
            f.detail = QStringLiteral("Operation %1: %2 Nothing was changed.").arg(QString::number(index), f.detail);
            return f;
        }
    }
    UserRecord &stored = m_users[*it];
    const QStringList before = stored.workspaceIds;
    const bool wasActive = stored.active;
    next.lastModified = now();
    stored = next;
    saveLocked();
    audit(QStringLiteral("USR-2"), actorEmail, stored, QStringLiteral("User %1 updated").arg(stored.userName), {});
    if (before != stored.workspaceIds)
        audit(QStringLiteral("AUTHZ-1"), actorEmail, stored,
              QStringLiteral("Workspace access of %1 changed").arg(stored.userName),
              {{QStringLiteral("before"), QJsonArray::fromStringList(before)},
               {QStringLiteral("after"), QJsonArray::fromStringList(stored.workspaceIds)}});
    if (wasActive != stored.active)
        audit(stored.active ? QStringLiteral("USR-4") : QStringLiteral("USR-3"), actorEmail, stored,
              QStringLiteral("User %1 %2").arg(stored.userName,
                                               stored.active ? QStringLiteral("activated") : QStringLiteral("deactivated")),
              {});
    *out = toJson(stored, baseUrl);
    return {};
}

void ScimDirectory::audit(const QString &type, const QString &actorEmail, const UserRecord &user,
                          const QString &message, const QJsonObject &attributes) const
{
    if (m_audit)
        m_audit->record(type, idForUserName(actorEmail), user.id, QStringLiteral("USER"), message, attributes);
}

QList<Person> ScimDirectory::people() const
{
    QMutexLocker lock(&m_mutex);
    QList<Person> out;
    out.reserve(m_users.size());
    for (const UserRecord &u : std::as_const(m_users))
        out.append(personOf(u));
    return out;
}

std::optional<Person> ScimDirectory::personById(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return std::nullopt;
    return personOf(m_users.at(*it));
}

std::optional<Person> ScimDirectory::personByEmail(const QString &email) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byUserName.constFind(email.toLower());
    if (it == m_byUserName.cend())
        return std::nullopt;
    return personOf(m_users.at(*it));
}

qint64 ScimDirectory::seedAnchorMs() const
{
    QMutexLocker lock(&m_mutex);
    return m_anchor;
}

int ScimDirectory::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_users.size());
}

} // namespace sandbox::scim
