#include "ScimInput.h"

#include "CloudCli.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cloud {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ScimInput", text);
}

ApiError readString(const QJsonObject &o, const QString &key, const QString &path, QString *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        return badField(path, key, tr("must be a text value"));
    *out = v.toString().trimmed();
    return {};
}

ApiError readEntitlements(const QJsonObject &o, const QString &path, scim::UserInput *out)
{
    if (o.contains(u"workspaceIds"_s)) {
        bool ok = false;
        const QStringList ids = stringList(o.value(u"workspaceIds"_s), &ok);
        if (!ok)
            return badField(path, u"workspaceIds"_s, tr("must be a list of workspace ids"));
        out->setWorkspaceIds(ids);
        return {};
    }
    if (!o.contains(u"entitlements"_s))
        return {};
    const QJsonValue value = o.value(u"entitlements"_s);
    if (!value.isArray())
        return badField(path, u"entitlements"_s, tr("must be a list of {\"value\", \"type\"} objects"));
    QList<scim::Entitlement> all;
    for (const QJsonValue &item : value.toArray()) {
        const scim::Entitlement e = scim::Entitlement::fromJson(item.toObject());
        if (!item.isObject() || e.value.isEmpty())
            return badField(path, u"entitlements"_s, tr("has an entry without a \"value\""));
        all.append(e);
    }
    // A printed user lists the same workspaces three ways; the WORKSPACE entries are the ones to write.
    QList<scim::Entitlement> workspaces;
    for (const scim::Entitlement &e : all)
        if (e.type == scim::EntitlementType::Workspace)
            workspaces.append(e);
    out->entitlements = workspaces.isEmpty() ? all : workspaces;
    return {};
}

} // namespace

ApiError scimUserFromJson(const QJsonObject &o, const QString &path, scim::UserInput *out)
{
    static const QSet<QString> known{
        u"userName"_s, u"name"_s, u"givenName"_s, u"familyName"_s, u"externalId"_s, u"active"_s,
        u"workspaceIds"_s, u"entitlements"_s, u"schemas"_s, u"id"_s, u"meta"_s, u"emails"_s, u"displayName"_s,
        u"created"_s, u"lastModified"_s,
        // what the scim commands add to a printed user
        u"workspaceCount"_s, u"workspaces"_s, u"keptWorkspaceIds"_s, u"operations"_s};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        if (!known.contains(it.key()))
            return badField(path, it.key(),
                            tr("is not a field of a SCIM user (expected userName, name.givenName, "
                               "name.familyName, externalId, active, workspaceIds or entitlements)"));

    scim::UserInput input;
    if (ApiError e = readString(o, u"userName"_s, path, &input.userName); e.isError())
        return e;
    if (o.value(u"name"_s).isObject()) {
        const QJsonObject name = o.value(u"name"_s).toObject();
        if (ApiError e = readString(name, u"givenName"_s, path, &input.givenName); e.isError())
            return e;
        if (ApiError e = readString(name, u"familyName"_s, path, &input.familyName); e.isError())
            return e;
    }
    // The flat keys (as `scim user --json` prints them) win over a printed "name" string.
    if (ApiError e = readString(o, u"givenName"_s, path, &input.givenName); e.isError())
        return e;
    if (ApiError e = readString(o, u"familyName"_s, path, &input.familyName); e.isError())
        return e;
    if (ApiError e = readString(o, u"externalId"_s, path, &input.externalId); e.isError())
        return e;
    if (o.contains(u"active"_s)) {
        if (!o.value(u"active"_s).isBool())
            return badField(path, u"active"_s, tr("must be true or false"));
        input.active = o.value(u"active"_s).toBool();
    }
    if (ApiError e = readEntitlements(o, path, &input); e.isError())
        return e;
    if (const QString problem = input.validationError(); !problem.isEmpty())
        return badField(path, {}, problem);
    *out = input;
    return {};
}

ApiError scimPatchFromJson(const QJsonValue &value, const QString &path, QList<scim::PatchOperation> *out)
{
    QJsonArray operations;
    if (value.isArray())
        operations = value.toArray();
    else if (value.toObject().value(u"Operations"_s).isArray())
        operations = value.toObject().value(u"Operations"_s).toArray();
    else
        return badField(
            path, u"Operations"_s,
            tr("is missing: give {\"Operations\": [{\"op\", \"path\", \"value\"}, …]} or the list"));
    QList<scim::PatchOperation> result;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QJsonObject op = operations.at(i).toObject();
        const QString where = u"Operations[%1]"_s.arg(i);
        const std::optional<scim::PatchOp> kind = scim::patchOpFromName(op.value(u"op"_s).toString());
        if (!kind)
            return badField(path, where + u".op"_s, tr("must be \"add\", \"replace\" or \"remove\""));
        scim::PatchOperation operation;
        operation.op = *kind;
        if (op.contains(u"path"_s) && !op.value(u"path"_s).isString())
            return badField(path, where + u".path"_s, tr("must be a text value"));
        operation.path = op.value(u"path"_s).toString();
        // Absent stays absent (a remove sends no "value" at all).
        operation.value = op.contains(u"value"_s) ? op.value(u"value"_s) : QJsonValue(QJsonValue::Undefined);
        result.append(operation);
    }
    if (result.isEmpty())
        return badField(path, u"Operations"_s, tr("is empty: give at least one operation"));
    if (const QString problem = scim::patchValidationError(result); !problem.isEmpty())
        return badField(path, {}, problem);
    *out = result;
    return {};
}

} // namespace anadesk::cli::cloud
