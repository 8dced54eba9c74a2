#include "ScimPatch.h"

#include "ScimFilter.h"
#include "ScimPaths.h"
#include "ScimUser.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

namespace {
QJsonArray workspaceArray(const QStringList &workspaceIds)
{
    QJsonArray array;
    for (const QString &id : workspaceIds)
        array.append(Entitlement::workspace(id).toJson());
    return array;
}
} // namespace

QString patchOpName(PatchOp op)
{
    switch (op) {
    case PatchOp::Add:
        return u"add"_s;
    case PatchOp::Replace:
        return u"replace"_s;
    case PatchOp::Remove:
        return u"remove"_s;
    }
    return {};
}

std::optional<PatchOp> patchOpFromName(const QString &name)
{
    for (PatchOp op : {PatchOp::Add, PatchOp::Replace, PatchOp::Remove}) {
        if (name.trimmed().compare(patchOpName(op), Qt::CaseInsensitive) == 0)
            return op;
    }
    return std::nullopt;
}

QJsonObject PatchOperation::toJson() const
{
    QJsonObject o{{u"op"_s, patchOpName(op)}};
    if (!path.isEmpty())
        o.insert(u"path"_s, path);
    if (!value.isUndefined())
        o.insert(u"value"_s, value);
    return o;
}

PatchOperation PatchOperation::setActive(bool active)
{
    return {PatchOp::Replace, u"active"_s, active};
}

PatchOperation PatchOperation::setExternalId(const QString &externalId)
{
    return {PatchOp::Replace, u"externalId"_s, externalId};
}

PatchOperation PatchOperation::setGivenName(const QString &givenName)
{
    return {PatchOp::Replace, u"name.givenName"_s, givenName};
}

PatchOperation PatchOperation::setFamilyName(const QString &familyName)
{
    return {PatchOp::Replace, u"name.familyName"_s, familyName};
}

PatchOperation PatchOperation::addWorkspaces(const QStringList &workspaceIds)
{
    return {PatchOp::Add, u"entitlements"_s, workspaceArray(workspaceIds)};
}

PatchOperation PatchOperation::replaceWorkspaces(const QStringList &workspaceIds)
{
    return {PatchOp::Replace, u"entitlements"_s, workspaceArray(workspaceIds)};
}

PatchOperation PatchOperation::removeWorkspace(const QString &workspaceId)
{
    return {PatchOp::Remove, u"entitlements[value eq "_s + quoted(workspaceId) + u']', QJsonValue::Undefined};
}

PatchOperation PatchOperation::removeAllWorkspaces()
{
    return {PatchOp::Remove, u"entitlements"_s, QJsonValue::Undefined};
}

QJsonObject patchBody(const QList<PatchOperation> &operations)
{
    QJsonArray array;
    for (const PatchOperation &operation : operations)
        array.append(operation.toJson());
    return {{u"schemas"_s, QJsonArray{QString::fromLatin1(kPatchOpSchema)}}, {u"Operations"_s, array}};
}

QString patchValidationError(const QList<PatchOperation> &operations)
{
    if (operations.isEmpty())
        return QCoreApplication::translate("anadesk::scim", "A PATCH needs at least one operation");
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const PatchOperation &o = operations.at(i);
        if (o.op == PatchOp::Remove && o.path.isEmpty())
            return QCoreApplication::translate("anadesk::scim", "Operation %1 (remove) needs a path")
                .arg(i + 1);
        if (o.op != PatchOp::Remove && (o.value.isUndefined() || o.value.isNull()))
            return QCoreApplication::translate("anadesk::scim", "Operation %1 (%2) needs a value")
                .arg(i + 1)
                .arg(patchOpName(o.op));
        if (o.op != PatchOp::Remove && o.path.isEmpty() && !o.value.isObject())
            return QCoreApplication::translate(
                       "anadesk::scim", "Operation %1 (%2) has no path, so its value must be an object of "
                                        "attributes")
                .arg(i + 1)
                .arg(patchOpName(o.op));
    }
    return {};
}

} // namespace anadesk::scim
